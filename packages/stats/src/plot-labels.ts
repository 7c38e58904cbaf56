import { formatPValue } from './format.ts';
import type { MetaAnalysisResult } from './meta-analysis.ts';
import { formatFixed } from './svg.ts';

export type PlotLanguage = 'en' | 'id';

const TEXT = {
  en: {
    study: 'Study',
    estimate: (level: string) => `Estimate [${level}% CI]`,
    weight: 'Weight',
    fixed: 'Fixed-effect model',
    random: (method: string) => `Random-effects model (${method})`,
    prediction: 'Prediction interval',
    heterogeneity: 'Heterogeneity',
    standardError: 'Standard error',
    effect: 'Effect size',
    funnel: 'Funnel plot',
  },
  id: {
    study: 'Studi',
    estimate: (level: string) => `Estimasi [IK ${level}%]`,
    weight: 'Bobot',
    fixed: 'Model efek tetap',
    random: (method: string) => `Model efek acak (${method})`,
    prediction: 'Interval prediksi',
    heterogeneity: 'Heterogenitas',
    standardError: 'Galat baku',
    effect: 'Ukuran efek',
    funnel: 'Plot corong',
  },
} as const;

export function plotText(language: PlotLanguage) {
  return TEXT[language];
}

export function confidencePercent(confLevel: number): string {
  return String(Math.round(confLevel * 1000) / 10);
}

export function modelLabel(result: MetaAnalysisResult, language: PlotLanguage): string {
  const text = plotText(language);
  return result.method === 'FE' ? text.fixed : text.random(result.method);
}

/** "Heterogeneity: tau² = 0.313, I² = 92.2%, Q = 152.23 (df = 12), p < 0.001". */
export function heterogeneityLine(result: MetaAnalysisResult, language: PlotLanguage): string {
  const parts = [
    result.method === 'FE' ? undefined : `τ² = ${formatFixed(result.tau2, 3)}`,
    `I² = ${formatFixed(result.I2, 1)}%`,
    `Q = ${formatFixed(result.Q, 2)} (df = ${result.Qdf})`,
    `p ${formatPValue(result.QpValue)}`,
  ].filter((part): part is string => part !== undefined);
  return `${plotText(language).heterogeneity}: ${parts.join(', ')}`;
}
