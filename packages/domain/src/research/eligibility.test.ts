import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEligibility, NO_RESEARCH_CONSENT, type ResearchCandidate } from './eligibility.ts';
import type { StudyDefinition } from './study-design.ts';
import { FACILITY_A, prePostStudy, randomisedStudy } from './test-studies.ts';

const HOUR = 60 * 60 * 1000;
const DELIVERED = new Date('2025-03-10T22:15:00Z');
/** 30 hours after delivery: day 2 postpartum. */
const NOW = new Date(DELIVERED.getTime() + 30 * HOUR);
/** 5 hours after delivery: day 1, inside the pre-post study's window (day 1 only). */
const DAY_1 = new Date(DELIVERED.getTime() + 5 * HOUR);

function mother(change: Partial<ResearchCandidate> = {}): ResearchCandidate {
  return {
    consentResearch: true,
    deliveryMode: 'vaginal',
    parity: 'primipara',
    gestationalAgeWeeks: 39,
    deliveredAt: DELIVERED,
    facilityId: FACILITY_A,
    ...change,
  };
}

const englishReasons = (study: StudyDefinition, m: ResearchCandidate, now = NOW) =>
  checkEligibility(study, m, now).reasons.map((r) => r.en);

describe('checkEligibility', () => {
  it('accepts a mother who meets every criterion, with no reasons', () => {
    assert.deepEqual(checkEligibility(randomisedStudy(), mother(), NOW), { eligible: true, reasons: [] });
  });

  it('never accepts a mother without research consent, and says only that', () => {
    const result = checkEligibility(randomisedStudy(), mother({ consentResearch: false }), NOW);
    assert.deepEqual(result, { eligible: false, reasons: [NO_RESEARCH_CONSENT] });
    assert.match(result.reasons[0]?.en ?? '', /has not consented to research/);
    assert.match(result.reasons[0]?.id ?? '', /tidak memberi persetujuan untuk penelitian/);
    // Even when everything else would also exclude her, consent is the only reason given.
    const alsoOtherwise = mother({ consentResearch: false, facilityId: 'other', deliveryMode: 'caesarean' });
    assert.deepEqual(checkEligibility(randomisedStudy(), alsoOtherwise, NOW).reasons, [NO_RESEARCH_CONSENT]);
  });

  it('refuses a mother from a facility outside the study', () => {
    assert.deepEqual(englishReasons(randomisedStudy(), mother({ facilityId: 'other' })), [
      "The mother's facility is not part of this study.",
    ]);
  });

  it('refuses a delivery mode the study does not include, naming both', () => {
    const result = checkEligibility(randomisedStudy(), mother({ deliveryMode: 'caesarean' }), NOW);
    assert.equal(result.eligible, false);
    assert.deepEqual(result.reasons, [
      {
        id: 'Persalinan sesar; penelitian ini hanya untuk persalinan pervaginam.',
        en: 'Caesarean delivery; this study is only for vaginal delivery.',
      },
    ]);
  });

  it('needs a recorded delivery mode only when the study restricts it', () => {
    assert.deepEqual(englishReasons(randomisedStudy(), mother({ deliveryMode: null })), [
      'The delivery mode is not recorded.',
    ]);
    const anyMode = randomisedStudy();
    anyMode.eligibility.deliveryModes = ['vaginal', 'caesarean'];
    assert.deepEqual(englishReasons(anyMode, mother({ deliveryMode: null })), []);
  });

  it('refuses a parity the study does not include', () => {
    const study = prePostStudy();
    study.eligibility.parities = ['primipara'];
    assert.deepEqual(englishReasons(study, mother({ parity: 'multipara' }), DAY_1), [
      'The mother is multipara; this study is only for primipara.',
    ]);
  });

  it('needs a recorded parity when the study restricts or stratifies by it', () => {
    const restricted = prePostStudy();
    restricted.eligibility.parities = ['primipara'];
    assert.deepEqual(englishReasons(restricted, mother({ parity: null }), DAY_1), ['Parity is not recorded.']);
    // randomisedStudy accepts both parities but stratifies by facility and parity.
    assert.deepEqual(englishReasons(randomisedStudy(), mother({ parity: null })), [
      'Parity is not recorded; it is needed for the stratified randomisation.',
    ]);
    assert.deepEqual(englishReasons(prePostStudy(), mother({ parity: null }), DAY_1), []);
  });

  it('checks the gestational age range inclusively', () => {
    assert.deepEqual(englishReasons(randomisedStudy(), mother({ gestationalAgeWeeks: 37 })), []);
    assert.deepEqual(englishReasons(randomisedStudy(), mother({ gestationalAgeWeeks: 42 })), []);
    const result = checkEligibility(randomisedStudy(), mother({ gestationalAgeWeeks: 36 }), NOW);
    assert.deepEqual(result.reasons, [
      {
        id: 'Usia kehamilan 36 minggu di luar rentang penelitian (37-42 minggu).',
        en: "Gestational age 36 weeks is outside the study's range (37-42 weeks).",
      },
    ]);
    assert.deepEqual(englishReasons(randomisedStudy(), mother({ gestationalAgeWeeks: null })), [
      'The gestational age is not recorded.',
    ]);
    const anyAge = randomisedStudy();
    anyAge.eligibility.gestationalAgeWeeks = null;
    assert.deepEqual(englishReasons(anyAge, mother({ gestationalAgeWeeks: null })), []);
  });

  it('counts the enrolment window in days postpartum from the delivery time', () => {
    // Window day 1 to 2: day 2 ends 48 hours after delivery.
    assert.deepEqual(englishReasons(randomisedStudy(), mother(), new Date(DELIVERED.getTime())), []);
    assert.deepEqual(englishReasons(randomisedStudy(), mother(), new Date(DELIVERED.getTime() + 48 * HOUR - 1)), []);
    assert.deepEqual(englishReasons(randomisedStudy(), mother(), new Date(DELIVERED.getTime() + 48 * HOUR)), [
      'Day 3 postpartum is outside the enrolment window (day 1 to 2).',
    ]);
    const later = randomisedStudy();
    later.eligibility.enrolmentDays = { from: 3, to: 5 };
    assert.deepEqual(checkEligibility(later, mother(), NOW).reasons, [
      {
        id: 'Hari nifas ke-2 di luar jendela pendaftaran (hari ke-3 sampai ke-5).',
        en: 'Day 2 postpartum is outside the enrolment window (day 3 to 5).',
      },
    ]);
  });

  it('refuses a missing or future delivery time', () => {
    assert.deepEqual(englishReasons(randomisedStudy(), mother({ deliveredAt: null })), [
      'The time of delivery is not recorded.',
    ]);
    assert.deepEqual(englishReasons(randomisedStudy(), mother(), new Date(DELIVERED.getTime() - 1)), [
      'The recorded time of delivery is in the future; please check it.',
    ]);
  });

  it('gives every reason at once, in a stable order', () => {
    const result = checkEligibility(
      randomisedStudy(),
      mother({ facilityId: 'other', deliveryMode: 'caesarean', gestationalAgeWeeks: 34, deliveredAt: null }),
      NOW,
    );
    assert.equal(result.eligible, false);
    assert.deepEqual(
      result.reasons.map((r) => r.en),
      [
        "The mother's facility is not part of this study.",
        'Caesarean delivery; this study is only for vaginal delivery.',
        "Gestational age 34 weeks is outside the study's range (37-42 weeks).",
        'The time of delivery is not recorded.',
      ],
    );
  });
});
