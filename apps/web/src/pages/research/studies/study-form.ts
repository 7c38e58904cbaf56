import { newId, OUTCOME_MEASURES, type OutcomeMeasure, type StratifyBy, type StudyDefinition } from '@lancar/domain';

/** The new-study form's fields, turned into the definition the server checks. Pure, so it can be tested. */

export type Design = StudyDefinition['design'];

export interface OutcomeRow {
  measure: OutcomeMeasure;
  day: string;
}

const toDay = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export interface StudyForm {
  title: string;
  design: Design;
  facilityId: string;
  outcomes: OutcomeRow[];
  preDay: string;
  deliveryModes: ('vaginal' | 'caesarean')[];
  parities: ('primipara' | 'multipara')[];
  gaMin: string;
  gaMax: string;
  enrolFrom: string;
  enrolTo: string;
  blockSizes: string;
  stratifyBy: StratifyBy;
}

/** What the form starts with: a randomised study of expressed milk on day 7, stratified by parity. */
export const DEFAULT_FORM: Omit<StudyForm, 'title' | 'facilityId'> = {
  design: 'randomised',
  outcomes: [{ measure: 'expressed_milk_volume', day: '7' }],
  preDay: '2',
  deliveryModes: ['vaginal', 'caesarean'],
  parities: ['primipara', 'multipara'],
  gaMin: '37',
  gaMax: '42',
  enrolFrom: '1',
  enrolTo: '2',
  blockSizes: '4, 6',
  stratifyBy: 'parity',
};

/**
 * The study definition the form describes. Post time points are the days of the day-timed outcomes, so the two
 * cannot disagree; the server checks everything else and lists every problem. Blank numbers become NaN, which the
 * server's checks name.
 */
export function definitionOf(form: StudyForm): StudyDefinition {
  const outcomes = form.outcomes.map((o, i) => ({
    measure: o.measure,
    day: OUTCOME_MEASURES[o.measure].timing === 'day' ? toDay(o.day) : null,
    primary: i === 0,
  }));
  const postDays = [...new Set(outcomes.flatMap((o) => (o.day === null ? [] : [o.day])))];
  return {
    id: newId(),
    title: form.title.trim(),
    design: form.design,
    arms:
      form.design === 'pre_post'
        ? []
        : [
            { id: 'intervention', label: { id: 'Intervensi', en: 'Intervention' } },
            { id: 'control', label: { id: 'Kontrol', en: 'Control' } },
          ],
    outcomes,
    timePoints: [
      ...(form.preDay.trim() === '' ? [] : [{ role: 'pre' as const, day: toDay(form.preDay) }]),
      ...postDays.map((day) => ({ role: 'post' as const, day })),
    ],
    facilityIds: [form.facilityId],
    eligibility: {
      deliveryModes: form.deliveryModes,
      parities: form.parities,
      gestationalAgeWeeks:
        form.gaMin.trim() === '' && form.gaMax.trim() === ''
          ? null
          : { min: toDay(form.gaMin), max: toDay(form.gaMax) },
      enrolmentDays: { from: toDay(form.enrolFrom), to: toDay(form.enrolTo) },
    },
    allocation:
      form.design === 'randomised'
        ? {
            blockSizes: form.blockSizes
              .split(/[,\s]+/)
              .filter((s) => s !== '')
              .map(Number),
            stratifyBy: form.stratifyBy,
            ratio: '1:1',
          }
        : null,
  };
}

export function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}
