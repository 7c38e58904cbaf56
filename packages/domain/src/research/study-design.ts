/**
 * What a researcher defines before a study starts: design, arms, outcomes, time points, facilities, eligibility and
 * (for randomised studies) allocation. Plain data, stored as JSON; `validateStudyDefinition` finds what would make
 * the study impossible to run or to analyse as designed, so it is refused before anyone is enrolled.
 *
 * Days are days of life as midwives count them (day 1 = the first 24 hours after birth, see `dayPostpartum`), up to
 * day 42, the end of the postpartum period.
 */

/** A sentence in Indonesian and English. */
export interface StudyText {
  id: string;
  en: string;
}

export const STUDY_DESIGNS = ['pre_post', 'two_group_nonrandomised', 'randomised'] as const;
export type StudyDesign = (typeof STUDY_DESIGNS)[number];

export type DeliveryMode = 'vaginal' | 'caesarean';
export type Parity = 'primipara' | 'multipara';

export const DELIVERY_MODE_LABELS: Readonly<Record<DeliveryMode, StudyText>> = {
  vaginal: { id: 'pervaginam', en: 'vaginal' },
  caesarean: { id: 'sesar', en: 'caesarean' },
};
export const PARITY_LABELS: Readonly<Record<Parity, StudyText>> = {
  primipara: { id: 'primipara', en: 'primipara' },
  multipara: { id: 'multipara', en: 'multipara' },
};

/** One group of a two-group study, e.g. { id: 'intervention', label: { id: 'Intervensi', en: 'Intervention' } }. */
export interface StudyArm {
  id: string;
  label: StudyText;
}

/**
 * When a measure is taken: on a day of life the study chooses; after the companion's training (post-test); or once
 * per mother, whenever it happens (the milk coming in), so it has no day and no "before".
 */
export type OutcomeTiming = 'day' | 'post_test' | 'once';

export interface OutcomeMeasureInfo {
  label: StudyText;
  /** null for binary measures. */
  unit: StudyText | null;
  type: 'continuous' | 'binary';
  timing: OutcomeTiming;
}

/**
 * The outcomes a study can use: only what the programme's own records hold. The adequacy checklist appears twice,
 * as a score and as the overall result, because the source studies report it both ways (count of items met, and
 * dichotomised into "cukup/kurang").
 */
export const OUTCOME_MEASURES = {
  expressed_milk_volume: {
    label: { id: 'Volume ASI perah', en: 'Expressed milk volume' },
    unit: { id: 'ml', en: 'ml' },
    type: 'continuous',
    timing: 'day',
  },
  milk_adequacy_score: {
    label: { id: 'Skor daftar tilik kecukupan ASI', en: 'Milk adequacy checklist score' },
    unit: { id: 'butir terpenuhi', en: 'items met' },
    type: 'continuous',
    timing: 'day',
  },
  milk_adequate: {
    label: {
      id: 'ASI cukup (semua butir wajib terpenuhi)',
      en: 'Milk adequate (every required checklist item met)',
    },
    unit: null,
    type: 'binary',
    timing: 'day',
  },
  weight_change_percent: {
    label: { id: 'Perubahan berat bayi dari berat lahir', en: 'Baby weight change from birth weight' },
    unit: { id: '%', en: '%' },
    type: 'continuous',
    timing: 'day',
  },
  companion_knowledge_score: {
    label: { id: 'Skor pengetahuan pendamping (post-test)', en: 'Companion knowledge score (post-test)' },
    unit: { id: '%', en: '%' },
    type: 'continuous',
    timing: 'post_test',
  },
  time_to_milk_in: {
    label: {
      id: 'Waktu sampai ASI keluar (let-down pertama), bila dicatat',
      en: 'Time to milk coming in (first let-down), if recorded',
    },
    unit: { id: 'jam', en: 'h' },
    type: 'continuous',
    timing: 'once',
  },
} as const satisfies Record<string, OutcomeMeasureInfo>;

export type OutcomeMeasure = keyof typeof OUTCOME_MEASURES;

export interface StudyOutcome {
  measure: OutcomeMeasure;
  /** The day of life N for measures timed by day ("volume on day 3"); null for the others. */
  day: number | null;
  /** Exactly one outcome is primary: the one the study is sized and judged on. */
  primary: boolean;
}

/**
 * A day on which the study collects data. 'pre' is the baseline before the intervention starts (required for a
 * pre-post design, optional baseline otherwise); 'post' days are when day-timed outcomes are measured.
 */
export interface StudyTimePoint {
  role: 'pre' | 'post';
  day: number;
}

export interface StudyEligibility {
  deliveryModes: DeliveryMode[];
  parities: Parity[];
  /** Inclusive, in completed weeks; null = any gestational age. */
  gestationalAgeWeeks: { min: number; max: number } | null;
  /** Days of life on which a mother may be enrolled, inclusive (e.g. day 1 to 2). */
  enrolmentDays: { from: number; to: number };
}

export const STRATIFY_BY = ['none', 'facility', 'parity', 'facility_and_parity'] as const;
export type StratifyBy = (typeof STRATIFY_BY)[number];

export interface AllocationSettings {
  /** Each block's size is drawn at random from these, so the end of a block cannot be foreseen. */
  blockSizes: number[];
  stratifyBy: StratifyBy;
  /** Only equal allocation is supported. */
  ratio: '1:1';
}

export interface StudyDefinition {
  id: string;
  title: string;
  design: StudyDesign;
  /** Exactly two for two-group designs; none for a one-group pre-post study. */
  arms: StudyArm[];
  outcomes: StudyOutcome[];
  timePoints: StudyTimePoint[];
  facilityIds: string[];
  eligibility: StudyEligibility;
  /** Required for a randomised study, null otherwise. */
  allocation: AllocationSettings | null;
}

export interface StudyProblem {
  /** Where the problem is, as a path into the definition: 'arms', 'outcomes[1].day', 'allocation.blockSizes'. */
  field: string;
  message: StudyText;
}

export const STUDY_DAY_MIN = 1;
/** The postpartum period ends on day 42. */
export const STUDY_DAY_MAX = 42;
/** The gestational ages enrolment accepts (completed weeks). */
export const STUDY_GESTATIONAL_WEEKS_MIN = 22;
export const STUDY_GESTATIONAL_WEEKS_MAX = 44;

const ARM_ID_PATTERN = /^[a-z][a-z0-9_]*$/;

const isStudyDay = (day: unknown): day is number =>
  Number.isInteger(day) && (day as number) >= STUDY_DAY_MIN && (day as number) <= STUDY_DAY_MAX;

const isBlank = (text: unknown) => typeof text !== 'string' || text.trim() === '';

/** Whether the design compares two groups (and so needs exactly two arms). */
export function isTwoGroupDesign(design: StudyDesign): boolean {
  return design === 'two_group_nonrandomised' || design === 'randomised';
}

/**
 * Every problem in a study definition, in the order of its fields; empty when the study can run. The definition's
 * shape (types) is checked at the API edge; this checks what the types cannot say.
 */
export function validateStudyDefinition(study: StudyDefinition): StudyProblem[] {
  const problems: StudyProblem[] = [];
  const add = (field: string, id: string, en: string) => problems.push({ field, message: { id, en } });

  if (isBlank(study.id)) add('id', 'ID penelitian wajib diisi.', 'The study id is required.');
  if (isBlank(study.title)) add('title', 'Judul penelitian wajib diisi.', 'The study title is required.');
  if (!(STUDY_DESIGNS as readonly string[]).includes(study.design)) {
    add('design', 'Desain penelitian tidak dikenal.', 'Unknown study design.');
    return problems; // every other rule depends on the design
  }

  checkArms(study, add);
  checkTimePointsAndOutcomes(study, add);

  if (study.facilityIds.length === 0)
    add('facilityIds', 'Pilih minimal satu fasilitas.', 'Choose at least one facility.');
  if (new Set(study.facilityIds).size !== study.facilityIds.length)
    add('facilityIds', 'Ada fasilitas yang tercantum dua kali.', 'A facility is listed twice.');

  checkEligibilityRules(study.eligibility, add);
  checkAllocation(study, add);
  return problems;
}

type Add = (field: string, id: string, en: string) => void;

function checkArms(study: StudyDefinition, add: Add): void {
  if (study.design === 'pre_post') {
    if (study.arms.length > 0)
      add(
        'arms',
        'Desain pra-pasca satu kelompok tidak memiliki kelompok pembanding; hapus kelompoknya atau pilih desain dua kelompok.',
        'A one-group pre-post design has no comparison group; remove the arms or choose a two-group design.',
      );
    return;
  }
  if (study.arms.length !== 2) {
    add(
      'arms',
      `Desain dua kelompok memerlukan tepat dua kelompok (ada ${study.arms.length}).`,
      `A two-group design needs exactly two arms (found ${study.arms.length}).`,
    );
  }
  study.arms.forEach((arm, i) => {
    if (!ARM_ID_PATTERN.test(arm.id))
      add(
        `arms[${i}].id`,
        'ID kelompok hanya huruf kecil, angka dan garis bawah, diawali huruf.',
        'An arm id is lower-case letters, digits and underscores, starting with a letter.',
      );
    if (isBlank(arm.label?.id) || isBlank(arm.label?.en))
      add(
        `arms[${i}].label`,
        'Nama kelompok wajib diisi dalam bahasa Indonesia dan Inggris.',
        'The arm label is required in Indonesian and English.',
      );
  });
  if (new Set(study.arms.map((a) => a.id)).size !== study.arms.length)
    add('arms', 'Dua kelompok memiliki ID yang sama.', 'Two arms have the same id.');
}

function checkTimePointsAndOutcomes(study: StudyDefinition, add: Add): void {
  const { timePoints, outcomes, eligibility } = study;
  timePoints.forEach((tp, i) => {
    if (!isStudyDay(tp.day))
      add(
        `timePoints[${i}].day`,
        `Hari pengukuran harus bilangan bulat ${STUDY_DAY_MIN}-${STUDY_DAY_MAX}.`,
        `A time point day must be a whole number from ${STUDY_DAY_MIN} to ${STUDY_DAY_MAX}.`,
      );
  });
  if (new Set(timePoints.map((tp) => tp.day)).size !== timePoints.length)
    add('timePoints', 'Ada hari pengukuran yang tercantum dua kali.', 'A time point day is listed twice.');

  const preDays = timePoints.filter((tp) => tp.role === 'pre').map((tp) => tp.day);
  const postDays = timePoints.filter((tp) => tp.role === 'post').map((tp) => tp.day);
  if (study.design === 'pre_post' && preDays.length !== 1)
    add(
      'timePoints',
      'Desain pra-pasca memerlukan tepat satu hari pengukuran awal (pra).',
      'A pre-post design needs exactly one baseline (pre) time point.',
    );
  if (study.design !== 'pre_post' && preDays.length > 1)
    add('timePoints', 'Paling banyak satu hari pengukuran awal (pra).', 'At most one baseline (pre) time point.');
  if (postDays.length === 0)
    add(
      'timePoints',
      'Tentukan minimal satu hari pengukuran hasil (pasca).',
      'Add at least one outcome (post) time point.',
    );
  const preDay = preDays.length === 1 && isStudyDay(preDays[0]) ? preDays[0] : undefined;
  if (preDay !== undefined && postDays.some((d) => d <= preDay))
    add(
      'timePoints',
      'Setiap hari pengukuran pasca harus setelah hari pengukuran pra.',
      'Every post time point must come after the pre time point.',
    );

  // A mother enrolled on the last day of the window must still have her baseline taken, and every mother must
  // have had the intervention before her outcome is measured.
  const lastEnrolmentDay = eligibility.enrolmentDays.to;
  if (isStudyDay(lastEnrolmentDay)) {
    if (preDay !== undefined && preDay < lastEnrolmentDay)
      add(
        'timePoints',
        `Pengukuran pra pada hari ke-${preDay} terlewat oleh ibu yang didaftarkan pada hari ke-${lastEnrolmentDay}; pengukuran pra tidak boleh sebelum akhir jendela pendaftaran.`,
        `A baseline on day ${preDay} is missed by mothers enrolled on day ${lastEnrolmentDay}; the pre time point cannot come before the end of the enrolment window.`,
      );
    if (postDays.some((d) => isStudyDay(d) && d <= lastEnrolmentDay))
      add(
        'timePoints',
        'Setiap hari pengukuran pasca harus setelah akhir jendela pendaftaran.',
        'Every post time point must come after the end of the enrolment window.',
      );
  }

  checkOutcomes(study.design, outcomes, postDays, add);
}

function checkOutcomes(design: StudyDesign, outcomes: StudyOutcome[], postDays: number[], add: Add): void {
  if (outcomes.length === 0) add('outcomes', 'Pilih minimal satu luaran.', 'Choose at least one outcome.');
  const primaries = outcomes.filter((o) => o.primary).length;
  if (outcomes.length > 0 && primaries !== 1)
    add(
      'outcomes',
      `Tepat satu luaran harus menjadi luaran utama (ada ${primaries}).`,
      `Exactly one outcome must be primary (found ${primaries}).`,
    );
  const seen = new Set<string>();
  outcomes.forEach((outcome, i) => {
    const info: OutcomeMeasureInfo | undefined = Object.hasOwn(OUTCOME_MEASURES, outcome.measure)
      ? OUTCOME_MEASURES[outcome.measure]
      : undefined;
    if (!info) {
      add(`outcomes[${i}].measure`, 'Luaran tidak dikenal.', 'Unknown outcome measure.');
      return;
    }
    const key = `${outcome.measure}@${outcome.day}`;
    if (seen.has(key)) add(`outcomes[${i}]`, 'Luaran ini tercantum dua kali.', 'This outcome is listed twice.');
    seen.add(key);
    if (info.timing === 'day') {
      if (!isStudyDay(outcome.day))
        add(
          `outcomes[${i}].day`,
          `Hari luaran harus bilangan bulat ${STUDY_DAY_MIN}-${STUDY_DAY_MAX}.`,
          `The outcome day must be a whole number from ${STUDY_DAY_MIN} to ${STUDY_DAY_MAX}.`,
        );
      else if (!postDays.includes(outcome.day))
        add(
          `outcomes[${i}].day`,
          `Hari ke-${outcome.day} bukan hari pengukuran pasca penelitian ini.`,
          `Day ${outcome.day} is not one of this study's post time points.`,
        );
    } else if (outcome.day !== null) {
      add(
        `outcomes[${i}].day`,
        'Luaran ini tidak diukur pada hari tertentu; kosongkan harinya.',
        'This outcome is not measured on a chosen day; leave the day empty.',
      );
    }
    if (design === 'pre_post' && info.timing === 'once')
      add(
        `outcomes[${i}].measure`,
        'Luaran ini terjadi sekali per ibu, sehingga tidak dapat dibandingkan sebelum dan sesudah.',
        'This outcome happens once per mother, so it cannot be compared before and after.',
      );
  });
}

function checkEligibilityRules(eligibility: StudyEligibility, add: Add): void {
  if (eligibility.deliveryModes.length === 0)
    add('eligibility.deliveryModes', 'Pilih minimal satu cara persalinan.', 'Choose at least one delivery mode.');
  if (eligibility.parities.length === 0)
    add('eligibility.parities', 'Pilih minimal satu paritas.', 'Choose at least one parity.');

  const ga = eligibility.gestationalAgeWeeks;
  if (ga) {
    const inRange = (w: number) =>
      Number.isFinite(w) && w >= STUDY_GESTATIONAL_WEEKS_MIN && w <= STUDY_GESTATIONAL_WEEKS_MAX;
    if (!inRange(ga.min) || !inRange(ga.max) || ga.min > ga.max)
      add(
        'eligibility.gestationalAgeWeeks',
        `Rentang usia kehamilan harus di antara ${STUDY_GESTATIONAL_WEEKS_MIN} dan ${STUDY_GESTATIONAL_WEEKS_MAX} minggu, dengan batas bawah tidak melebihi batas atas.`,
        `The gestational age range must lie within ${STUDY_GESTATIONAL_WEEKS_MIN} to ${STUDY_GESTATIONAL_WEEKS_MAX} weeks, the lower limit not above the upper.`,
      );
  }

  const { from, to } = eligibility.enrolmentDays;
  if (!isStudyDay(from) || !isStudyDay(to) || from > to)
    add(
      'eligibility.enrolmentDays',
      `Jendela pendaftaran harus hari ke-${STUDY_DAY_MIN} sampai ke-${STUDY_DAY_MAX}, dengan hari awal tidak setelah hari akhir.`,
      `The enrolment window must lie within day ${STUDY_DAY_MIN} to ${STUDY_DAY_MAX}, its first day not after its last.`,
    );
}

function checkAllocation(study: StudyDefinition, add: Add): void {
  const { allocation } = study;
  if (study.design !== 'randomised') {
    if (allocation)
      add(
        'allocation',
        'Pengaturan alokasi hanya untuk desain acak.',
        'Allocation settings apply only to a randomised design.',
      );
    return;
  }
  if (!allocation) {
    add('allocation', 'Desain acak memerlukan pengaturan alokasi.', 'A randomised design needs allocation settings.');
    return;
  }
  // A randomised study has two arms (checked above); blocks must split evenly between them.
  const armCount = 2;
  if (allocation.blockSizes.length === 0)
    add('allocation.blockSizes', 'Tentukan minimal satu ukuran blok.', 'Give at least one block size.');
  if (allocation.blockSizes.some((size) => !Number.isInteger(size) || size <= 0 || size % armCount !== 0))
    add(
      'allocation.blockSizes',
      `Setiap ukuran blok harus kelipatan jumlah kelompok (${armCount}), misalnya ${armCount * 2} atau ${armCount * 3}.`,
      `Every block size must be a multiple of the number of arms (${armCount}), e.g. ${armCount * 2} or ${armCount * 3}.`,
    );
  if (new Set(allocation.blockSizes).size !== allocation.blockSizes.length)
    add('allocation.blockSizes', 'Ada ukuran blok yang tercantum dua kali.', 'A block size is listed twice.');
  if (!(STRATIFY_BY as readonly string[]).includes(allocation.stratifyBy))
    add('allocation.stratifyBy', 'Pilihan stratifikasi tidak dikenal.', 'Unknown stratification choice.');
  if (allocation.ratio !== '1:1')
    add('allocation.ratio', 'Hanya rasio alokasi 1:1 yang didukung.', 'Only a 1:1 allocation ratio is supported.');
}
