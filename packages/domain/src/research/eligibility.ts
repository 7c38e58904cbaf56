/**
 * Whether a mother may join a study now, with every reason she may not, in words a midwife can act on.
 * Pure: the caller passes the clock.
 */
import { dayPostpartum } from '../postpartum.ts';
import {
  DELIVERY_MODE_LABELS,
  type DeliveryMode,
  PARITY_LABELS,
  type Parity,
  type StudyDefinition,
  type StudyText,
} from './study-design.ts';

export interface ResearchCandidate {
  consentResearch: boolean;
  deliveryMode: DeliveryMode | null;
  parity: Parity | null;
  gestationalAgeWeeks: number | null;
  deliveredAt: Date | null;
  facilityId: string;
}

export interface EligibilityResult {
  eligible: boolean;
  /** Empty when eligible. */
  reasons: StudyText[];
}

export const NO_RESEARCH_CONSENT: StudyText = {
  id: 'Ibu tidak memberi persetujuan untuk penelitian, sehingga tidak dapat diikutkan dalam penelitian.',
  en: 'The mother has not consented to research, so she cannot take part in a study.',
};

const ALL_DELIVERY_MODES = Object.keys(DELIVERY_MODE_LABELS) as DeliveryMode[];
const ALL_PARITIES = Object.keys(PARITY_LABELS) as Parity[];

const list = (labels: StudyText[], lang: keyof StudyText) => labels.map((l) => l[lang]).join(', ');

export function checkEligibility(study: StudyDefinition, mother: ResearchCandidate, now: Date): EligibilityResult {
  // Without consent nothing else is looked at: judging the rest would already use her record for research.
  if (mother.consentResearch !== true) return { eligible: false, reasons: [NO_RESEARCH_CONSENT] };

  const reasons: StudyText[] = [];
  const { eligibility } = study;

  if (!study.facilityIds.includes(mother.facilityId))
    reasons.push({
      id: 'Fasilitas ibu tidak termasuk dalam penelitian ini.',
      en: "The mother's facility is not part of this study.",
    });

  // A missing value only excludes a mother when a criterion depends on it.
  const modesRestricted = ALL_DELIVERY_MODES.some((m) => !eligibility.deliveryModes.includes(m));
  if (!mother.deliveryMode) {
    if (modesRestricted)
      reasons.push({ id: 'Cara persalinan belum dicatat.', en: 'The delivery mode is not recorded.' });
  } else if (!eligibility.deliveryModes.includes(mother.deliveryMode)) {
    const allowed = eligibility.deliveryModes.map((m) => DELIVERY_MODE_LABELS[m]);
    const mode = DELIVERY_MODE_LABELS[mother.deliveryMode];
    reasons.push({
      id: `Persalinan ${mode.id}; penelitian ini hanya untuk persalinan ${list(allowed, 'id')}.`,
      en: `${capitalise(mode.en)} delivery; this study is only for ${list(allowed, 'en')} delivery.`,
    });
  }

  const stratifiedByParity =
    study.design === 'randomised' &&
    (study.allocation?.stratifyBy === 'parity' || study.allocation?.stratifyBy === 'facility_and_parity');
  const paritiesRestricted = ALL_PARITIES.some((p) => !eligibility.parities.includes(p));
  if (!mother.parity) {
    if (stratifiedByParity)
      reasons.push({
        id: 'Paritas belum dicatat; paritas diperlukan untuk pengacakan berstrata.',
        en: 'Parity is not recorded; it is needed for the stratified randomisation.',
      });
    else if (paritiesRestricted) reasons.push({ id: 'Paritas belum dicatat.', en: 'Parity is not recorded.' });
  } else if (!eligibility.parities.includes(mother.parity)) {
    const allowed = eligibility.parities.map((p) => PARITY_LABELS[p]);
    reasons.push({
      id: `Ibu ${PARITY_LABELS[mother.parity].id}; penelitian ini hanya untuk ${list(allowed, 'id')}.`,
      en: `The mother is ${PARITY_LABELS[mother.parity].en}; this study is only for ${list(allowed, 'en')}.`,
    });
  }

  const ga = eligibility.gestationalAgeWeeks;
  if (ga) {
    if (mother.gestationalAgeWeeks === null)
      reasons.push({ id: 'Usia kehamilan belum dicatat.', en: 'The gestational age is not recorded.' });
    else if (mother.gestationalAgeWeeks < ga.min || mother.gestationalAgeWeeks > ga.max)
      reasons.push({
        id: `Usia kehamilan ${mother.gestationalAgeWeeks} minggu di luar rentang penelitian (${ga.min}-${ga.max} minggu).`,
        en: `Gestational age ${mother.gestationalAgeWeeks} weeks is outside the study's range (${ga.min}-${ga.max} weeks).`,
      });
  }

  const { from, to } = eligibility.enrolmentDays;
  if (!mother.deliveredAt)
    reasons.push({ id: 'Waktu persalinan belum dicatat.', en: 'The time of delivery is not recorded.' });
  else {
    const day = dayPostpartum(mother.deliveredAt, now);
    if (day === undefined)
      reasons.push({
        id: 'Waktu persalinan tercatat di masa depan; periksa kembali.',
        en: 'The recorded time of delivery is in the future; please check it.',
      });
    else if (day < from || day > to)
      reasons.push({
        id: `Hari nifas ke-${day} di luar jendela pendaftaran (hari ke-${from} sampai ke-${to}).`,
        en: `Day ${day} postpartum is outside the enrolment window (day ${from} to ${to}).`,
      });
  }

  return { eligible: reasons.length === 0, reasons };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
