import type {
  ArmField,
  ExtractionData,
  ExtractionResultInput,
  LiteratureText,
  MetaAnalysisOutput,
  MetaAnalysisQueryInput,
  MetaStudyOutput,
  PooledOutput,
} from '@lancar/contracts';
import {
  type BinaryStudy,
  type ContinuousStudy,
  type EffectSize,
  escalc,
  type MetaAnalysisResult,
  metaAnalysis,
} from '@lancar/stats';

/** One included reference with its current extraction, as the meta-analysis reads it. */
export interface IncludedStudy {
  referenceId: string;
  label: string;
  extraction: ExtractionData | null;
}

const CONTINUOUS: readonly ArmField[] = ['n1', 'mean1', 'sd1', 'n2', 'mean2', 'sd2'];
const BINARY: readonly ArmField[] = ['n1', 'events1', 'n2', 'events2'];

export interface MetaAnalysisComputation extends MetaAnalysisOutput {
  /** The model behind `overall` and each subgroup, for the forest plot. */
  models: { overall: MetaAnalysisResult | null; subgroups: Map<string, MetaAnalysisResult | null> };
}

/**
 * Pools one outcome over the included studies' extractions: one result per study (the first extracted for the
 * outcome; a second time point of the same study would count its mothers twice), effect sizes by @lancar/stats'
 * escalc, and metaAnalysis overall and within each subgroup (design, or massage alone vs combined). Results that
 * cannot be pooled are listed with the reason rather than dropped silently.
 */
export function computeMetaAnalysis(
  included: readonly IncludedStudy[],
  query: MetaAnalysisQueryInput,
): MetaAnalysisComputation {
  const needed = query.measure === 'MD' || query.measure === 'SMD' ? CONTINUOUS : BINARY;
  const studies: MetaStudyOutput[] = [];
  const leftOut: MetaAnalysisOutput['leftOut'] = [];
  for (const study of included) {
    const results = study.extraction?.results.filter((result) => result.outcome === query.outcome) ?? [];
    if (results.length === 0) continue;
    const [first, ...others] = results as [ExtractionResultInput, ...ExtractionResultInput[]];
    for (const other of others) {
      leftOut.push({
        referenceId: study.referenceId,
        label: study.label,
        reason: {
          id: `Hasil lain dari studi yang sama (${other.timePoint ?? 'waktu tidak disebut'}); hanya hasil pertama yang digabung.`,
          en: `Another result of the same study (${other.timePoint ?? 'time point not given'}); only the first is pooled.`,
        },
      });
    }
    const reason = unusable(first, needed, query.derived === 'exclude');
    if (reason) {
      leftOut.push({ referenceId: study.referenceId, label: study.label, reason });
      continue;
    }
    const effect = effectSize(first, query.measure);
    if (!effect) {
      leftOut.push({
        referenceId: study.referenceId,
        label: study.label,
        reason: {
          id: 'Ukuran efek tidak dapat dihitung dari angka ini (misalnya tidak ada kejadian di kedua kelompok).',
          en: 'No effect size can be computed from these numbers (for example no events in either group).',
        },
      });
      continue;
    }
    const design = study.extraction?.design ?? 'not-reported';
    studies.push({
      referenceId: study.referenceId,
      label: study.label,
      timePoint: first.timePoint,
      design,
      combination: first.combination,
      group: query.subgroup === 'design' ? design : query.subgroup === 'combination' ? first.combination : 'all',
      yi: effect.yi,
      vi: effect.vi,
      usesDerived: needed.some((field) => first.derivedFields.includes(field)),
    });
  }

  const overall = pool(studies, query);
  const groups = [...new Set(studies.map((study) => study.group))];
  const subgroupModels = new Map(
    groups.map((group) => [
      group,
      pool(
        studies.filter((study) => study.group === group),
        query,
      ),
    ]),
  );
  return {
    outcome: query.outcome,
    measure: query.measure,
    method: query.method,
    logScale: query.measure === 'RR' || query.measure === 'OR',
    studies,
    overall: overall ? pooledView(overall) : null,
    subgroups: query.subgroup
      ? groups.map((group) => {
          const model = subgroupModels.get(group) ?? null;
          return {
            group,
            k: studies.filter((study) => study.group === group).length,
            pooled: model ? pooledView(model) : null,
          };
        })
      : [],
    leftOut,
    models: { overall, subgroups: subgroupModels },
  };
}

function unusable(
  result: ExtractionResultInput,
  needed: readonly ArmField[],
  excludeDerived: boolean,
): LiteratureText | null {
  const missing = needed.filter((field) => result[field] === null);
  if (missing.length > 0) {
    return {
      id: `Angka belum lengkap untuk ukuran ini: ${missing.join(', ')}.`,
      en: `Numbers missing for this measure: ${missing.join(', ')}.`,
    };
  }
  const derived = needed.filter((field) => result.derivedFields.includes(field));
  if (excludeDerived && derived.length > 0) {
    return {
      id: `Memakai angka turunan (${derived.join(', ')}), dikeluarkan dalam analisis sensitivitas ini.`,
      en: `Relies on derived numbers (${derived.join(', ')}), left out of this sensitivity analysis.`,
    };
  }
  return null;
}

function effectSize(result: ExtractionResultInput, measure: MetaAnalysisQueryInput['measure']): EffectSize | null {
  const n = (field: ArmField) => result[field] ?? Number.NaN;
  let effect: EffectSize | undefined;
  if (measure === 'MD' || measure === 'SMD') {
    const study: ContinuousStudy = {
      mean1: n('mean1'),
      sd1: n('sd1'),
      n1: n('n1'),
      mean2: n('mean2'),
      sd2: n('sd2'),
      n2: n('n2'),
    };
    [effect] = escalc(measure, [study]);
  } else {
    const study: BinaryStudy = { events1: n('events1'), n1: n('n1'), events2: n('events2'), n2: n('n2') };
    [effect] = escalc(measure, [study]);
  }
  if (!effect || !Number.isFinite(effect.yi) || !(Number.isFinite(effect.vi) && effect.vi > 0)) return null;
  return effect;
}

/** A pooled estimate needs at least two studies. */
function pool(studies: readonly MetaStudyOutput[], query: MetaAnalysisQueryInput): MetaAnalysisResult | null {
  if (studies.length < 2) return null;
  return metaAnalysis(
    studies.map(({ yi, vi }) => ({ yi, vi })),
    { method: query.method },
  );
}

function pooledView(result: MetaAnalysisResult): PooledOutput {
  return {
    k: result.k,
    estimate: result.estimate,
    ciLower: result.ciLower,
    ciUpper: result.ciUpper,
    se: result.se,
    pValue: result.pValue,
    tau2: result.tau2,
    I2: result.I2,
    Q: result.Q,
    QpValue: result.QpValue,
    predictionLower: result.predictionLower ?? null,
    predictionUpper: result.predictionUpper ?? null,
    warnings: result.warnings,
  };
}
