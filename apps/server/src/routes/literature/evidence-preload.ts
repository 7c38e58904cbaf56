import { type EvidenceStudy, evidenceOutcomeById, type ReportedKey, type StudyResult } from '@lancar/content/evidence';
import type { ArmField, ExtractionData, ExtractionResultInput } from '@lancar/contracts';

/**
 * The evidence file's studies as references of a review, with their extraction form filled in. Numbers the source
 * printed are copied as they are; numbers the evidence file or Lancar derived (an assumed 30/30 split, an SD
 * back-calculated from a p-value) are filled in too but listed in `derivedFields`, with how they were obtained in
 * `derivedNotes`, so a meta-analysis can leave them out. Only comparisons of a massage arm against an arm without
 * massage, of outcomes that can be pooled, become extraction results; the rest stays in the reference's abstract.
 */
export interface PreloadedStudy {
  studyId: string;
  title: string;
  authors: string[];
  year: number | null;
  journal: string | null;
  doi: string | null;
  url: string | null;
  abstract: string;
  extraction: ExtractionData;
}

export function preloadedStudy(study: EvidenceStudy): PreloadedStudy {
  const { citation } = study;
  const year = citation.year?.match(/^\d{4}/) ? Number(citation.year.slice(0, 4)) : null;
  return {
    studyId: study.id,
    title: citation.title ?? citation.label,
    authors: citation.authors ? [citation.authors] : [],
    year,
    journal: [citation.source, citation.details].filter(Boolean).join(' ') || null,
    doi: citation.doi,
    url: citation.url,
    abstract: summary(study),
    extraction: {
      design: study.design.kind,
      whoMassaged: [...new Set(study.massage.by)],
      results: study.results.flatMap((result) => {
        const item = extractionResult(study, result);
        return item ? [item] : [];
      }),
      notes: study.concerns.length > 0 ? study.concerns.join(' ').slice(0, 2000) : null,
    },
  };
}

/** What the evidence file says about the study, as reported, for screening by title and abstract. */
function summary(study: EvidenceStudy): string {
  const lines = [
    `Design (as reported): ${study.design.asReported}`,
    study.country || study.setting ? `Setting: ${[study.setting, study.country].filter(Boolean).join(', ')}` : null,
    study.population ? `Population: ${study.population}` : null,
    study.massage.schedule ? `Massage: ${study.massage.schedule}` : null,
    `Arms: ${study.arms.map((arm) => arm.description).join(' | ')}`,
    ...study.results.map((result) => `Result (${result.measuredAs}): ${result.reported.text}`),
    `Source: Lancar evidence file (${study.status}).`,
  ];
  return lines
    .filter((line): line is string => line !== null)
    .join('\n')
    .slice(0, 20000);
}

const FIELDS: readonly (ArmField & ReportedKey)[] = ['n1', 'mean1', 'sd1', 'events1', 'n2', 'mean2', 'sd2', 'events2'];

function extractionResult(study: EvidenceStudy, result: StudyResult): ExtractionResultInput | null {
  const kind = evidenceOutcomeById(result.outcome)?.kind;
  if (result.comparator === null || (kind !== 'continuous' && kind !== 'binary')) return null;
  const massageArm = study.arms.find((arm) => arm.id === result.intervention);
  const comparatorArm = study.arms.find((arm) => arm.id === result.comparator);
  const massage = massageArm?.oxytocinMassage;
  if ((massage !== 'alone' && massage !== 'combined') || comparatorArm?.oxytocinMassage !== 'none') return null;

  const values: Partial<Record<ArmField, number>> = {};
  const derivedFields: ArmField[] = [];
  const notes: string[] = [];
  for (const field of FIELDS) {
    const reported = result.reported[field];
    if (reported !== undefined) {
      values[field] = reported;
      continue;
    }
    const derived = result.derived[field];
    // "< value" is a bound, not a number to pool.
    if (derived === undefined || derived.qualifier === 'below') continue;
    values[field] = derived.value;
    derivedFields.push(field);
    if (!notes.includes(derived.how)) notes.push(derived.how);
  }
  const value = (field: ArmField) => values[field] ?? null;
  const positive = (field: ArmField) => {
    const v = value(field);
    return v !== null && v > 0 ? v : null;
  };
  const whole = (field: ArmField, min: number) => {
    const v = value(field);
    return v !== null && Number.isInteger(v) && v >= min ? v : null;
  };
  return {
    outcome: result.outcome,
    timePoint: result.timePoint?.slice(0, 200) ?? null,
    measure: kind === 'binary' ? 'RR' : 'SMD',
    combination: massage,
    coInterventions: [...new Set(massageArm?.with ?? [])],
    comparator: comparatorArm.description.slice(0, 300),
    n1: whole('n1', 1),
    mean1: value('mean1'),
    sd1: positive('sd1'),
    events1: whole('events1', 0),
    n2: whole('n2', 1),
    mean2: value('mean2'),
    sd2: positive('sd2'),
    events2: whole('events2', 0),
    derivedFields,
    derivedNotes: notes.length > 0 ? notes.join(' ').slice(0, 2000) : null,
    note: result.reported.text.slice(0, 1000),
  };
}
