/** Valid study definitions for the research tests; each test changes one thing. */
import type { StudyDefinition } from './study-design.ts';

export const FACILITY_A = '0190a1b2-0000-7000-8000-00000000000a';
export const FACILITY_B = '0190a1b2-0000-7000-8000-00000000000b';

export function randomisedStudy(): StudyDefinition {
  return {
    id: 'om-rct-2025',
    title: 'Pijat oksitosin oleh pendamping dan volume ASI hari ke-3',
    design: 'randomised',
    arms: [
      { id: 'intervention', label: { id: 'Intervensi', en: 'Intervention' } },
      { id: 'control', label: { id: 'Kontrol', en: 'Control' } },
    ],
    outcomes: [
      { measure: 'expressed_milk_volume', day: 3, primary: true },
      { measure: 'weight_change_percent', day: 7, primary: false },
      { measure: 'time_to_milk_in', day: null, primary: false },
    ],
    timePoints: [
      { role: 'pre', day: 2 },
      { role: 'post', day: 3 },
      { role: 'post', day: 7 },
    ],
    facilityIds: [FACILITY_A, FACILITY_B],
    eligibility: {
      deliveryModes: ['vaginal'],
      parities: ['primipara', 'multipara'],
      gestationalAgeWeeks: { min: 37, max: 42 },
      enrolmentDays: { from: 1, to: 2 },
    },
    allocation: { blockSizes: [4, 6], stratifyBy: 'facility_and_parity', ratio: '1:1' },
  };
}

export function prePostStudy(): StudyDefinition {
  return {
    ...randomisedStudy(),
    id: 'om-prepost-2025',
    design: 'pre_post',
    arms: [],
    outcomes: [
      { measure: 'expressed_milk_volume', day: 3, primary: true },
      { measure: 'companion_knowledge_score', day: null, primary: false },
    ],
    timePoints: [
      { role: 'pre', day: 1 },
      { role: 'post', day: 3 },
    ],
    eligibility: { ...randomisedStudy().eligibility, enrolmentDays: { from: 1, to: 1 } },
    allocation: null,
  };
}

export function twoGroupStudy(): StudyDefinition {
  return { ...randomisedStudy(), id: 'om-qe-2025', design: 'two_group_nonrandomised', allocation: null };
}
