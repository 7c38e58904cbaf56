import type { StudyAnalysis, StudyComparison } from '@lancar/contracts';
import {
  DELIVERY_MODE_LABELS,
  OUTCOME_MEASURES,
  PARITY_LABELS,
  type StudyDefinition,
  type StudyText,
} from '@lancar/domain';
import {
  describe,
  groupsAuto,
  pairedAuto,
  pairedEffectSize,
  riskRatio,
  StatsInputError,
  tableAuto,
  twoGroupEffectSize,
} from '@lancar/stats';
import { ALL_PARTICIPANTS } from './study-detail.ts';
import type { ParticipantValues } from './study-variables.ts';
import { primaryVariables } from './study-variables.ts';

/**
 * The analysis page's numbers: Table 1 (characteristics by group), the primary outcome's comparison with the test
 * the analysis plan chooses and its effect size, and APA-style sentences in Indonesian and English built from those
 * numbers. The wording never claims more than the design allows: only a randomised comparison may say one group
 * "was higher"; a non-randomised one says "associated with", and a one-group pre-post study says the change cannot
 * be attributed to the intervention.
 */

type Lang = 'id' | 'en';

/** A number for a sentence: Indonesian writes a decimal comma. */
export function num(value: number, digits: number, lang: Lang): string {
  const text = value.toFixed(digits);
  return lang === 'id' ? text.replace('.', ',') : text;
}

/** APA p: "p < .001" / "p = .023" in English (no leading zero), "p < 0,001" / "p = 0,023" in Indonesian. */
export function pText(p: number, lang: Lang): string {
  if (lang === 'en') {
    if (p < 0.001) return 'p < .001';
    return `p = ${p.toFixed(3).replace(/^0/, '')}`;
  }
  if (p < 0.001) return 'p < 0,001';
  return `p = ${num(p, 3, 'id')}`;
}

const finite = (values: (number | string | null | undefined)[]) =>
  values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));

interface Group {
  label: StudyText;
  rows: ParticipantValues[];
}

function groupsOf(study: StudyDefinition, rows: readonly ParticipantValues[]): Group[] {
  if (study.arms.length === 0) return [{ label: ALL_PARTICIPANTS, rows: [...rows] }];
  return study.arms.map((arm) => ({ label: arm.label, rows: rows.filter((r) => r.armId === arm.id) }));
}

// ---- Table 1 ----------------------------------------------------------------------------------------------------

function meanSd(values: number[], digits: number): string {
  if (values.length === 0) return '-';
  const d = describe(values);
  return values.length === 1 ? `${d.mean.toFixed(digits)} (-)` : `${d.mean.toFixed(digits)} (${d.sd.toFixed(digits)})`;
}

function countPercent(count: number, of: number): string {
  return of === 0 ? '0' : `${count} (${((count / of) * 100).toFixed(1)})`;
}

export function tableOne(groups: readonly Group[]): StudyAnalysis['tableOne'] {
  const rows: StudyAnalysis['tableOne'] = [
    { label: { id: 'n', en: 'n' }, kind: 'count', cells: groups.map((g) => String(g.rows.length)) },
  ];
  const categorical = (variable: string, label: StudyText, levels: Readonly<Record<string, StudyText>>): void => {
    rows.push({
      label: { id: `${label.id}, n (%)`, en: `${label.en}, n (%)` },
      kind: 'heading',
      cells: groups.map(() => ''),
    });
    for (const [code, levelLabel] of Object.entries(levels))
      rows.push({
        label: levelLabel,
        kind: 'level',
        cells: groups.map((g) =>
          countPercent(g.rows.filter((r) => r.values.get(variable) === code).length, g.rows.length),
        ),
      });
    const missing = groups.map((g) => g.rows.filter((r) => !r.values.get(variable)).length);
    if (missing.some((m) => m > 0))
      rows.push({
        label: { id: 'tidak dicatat', en: 'not recorded' },
        kind: 'level',
        cells: missing.map((m, i) => countPercent(m, groups[i]?.rows.length ?? 0)),
      });
  };
  categorical('parity', { id: 'Paritas', en: 'Parity' }, PARITY_LABELS);
  categorical('delivery_mode', { id: 'Cara persalinan', en: 'Delivery mode' }, DELIVERY_MODE_LABELS);
  rows.push({
    label: { id: 'Usia kehamilan (minggu), rerata (SB)', en: 'Gestational age (weeks), mean (SD)' },
    kind: 'continuous',
    cells: groups.map((g) => meanSd(finite(g.rows.map((r) => r.values.get('gestational_age_weeks'))), 1)),
  });
  rows.push({
    label: { id: 'Berat lahir (g), rerata (SB)', en: 'Birth weight (g), mean (SD)' },
    kind: 'continuous',
    cells: groups.map((g) => meanSd(finite(g.rows.map((r) => r.values.get('birth_weight_g'))), 0)),
  });
  return rows;
}

// ---- Primary comparison -------------------------------------------------------------------------------------------

function groupSummary(label: StudyText, values: number[], binary: boolean): StudyComparison['groups'][number] {
  const d = values.length > 0 ? describe(values) : null;
  return {
    label,
    n: values.length,
    mean: d ? d.mean : null,
    sd: d && values.length > 1 ? d.sd : null,
    median: d ? d.median : null,
    events: binary ? values.filter((v) => v === 1).length : null,
    values,
  };
}

/** The statistics library explains in English only, so the Indonesian note gives the counts without it. */
const NOT_ENOUGH = (counts: StudyText, why: string): StudyText => ({
  id: `Uji statistik belum dapat dihitung: ${counts.id}.`,
  en: `The test cannot be computed yet: ${counts.en}. ${why}`,
});

function emptyComparison(variable: string, info: (typeof OUTCOME_MEASURES)[keyof typeof OUTCOME_MEASURES]) {
  return {
    variable,
    label: info.label,
    unit: info.unit,
    type: info.type,
    method: null,
    reason: null,
    test: null,
    statistic: null,
    df: null,
    pValue: null,
    effectSize: null,
    note: null,
  };
}

/** The primary outcome compared as the design says; null when the study has no primary outcome. */
export function primaryComparison(study: StudyDefinition, rows: readonly ParticipantValues[]): StudyComparison | null {
  const primary = study.outcomes.find((o) => o.primary);
  const variables = primaryVariables(study);
  if (!primary || !variables) return null;
  const info = OUTCOME_MEASURES[primary.measure];
  const binary = info.type === 'binary';
  const base = emptyComparison(variables.post, info);

  if (study.design === 'pre_post') {
    const pairs = rows.flatMap((r) => {
      const pre = variables.pre ? r.values.get(variables.pre) : null;
      const post = r.values.get(variables.post);
      return typeof pre === 'number' && typeof post === 'number' ? [[pre, post] as const] : [];
    });
    const pre = pairs.map((p) => p[0]);
    const post = pairs.map((p) => p[1]);
    const groups = [
      groupSummary({ id: 'Pra', en: 'Pre' }, pre, binary),
      groupSummary({ id: 'Pasca', en: 'Post' }, post, binary),
    ];
    if (binary)
      return {
        ...base,
        groups,
        note: {
          id: 'Luaran biner berpasangan memerlukan uji McNemar, yang belum tersedia; hanya deskripsi yang ditampilkan.',
          en: 'A paired binary outcome needs the McNemar test, which is not available yet; only descriptives are shown.',
        },
      };
    try {
      const test = pairedAuto(pre, post);
      const effect = pairedEffectSize(pre, post);
      return {
        ...base,
        groups,
        method: test.method,
        reason: test.reason,
        test: test.test,
        statistic: test.statistic,
        df: test.test === 't' ? test.df : null,
        pValue: test.pValue,
        effectSize: { name: 'g_z', estimate: effect.hedgesGz, ciLower: effect.ciLower, ciUpper: effect.ciUpper },
      };
    } catch (error) {
      if (!(error instanceof StatsInputError)) throw error;
      return {
        ...base,
        groups,
        note: NOT_ENOUGH({ id: `${pairs.length} pasang`, en: `${pairs.length} pairs` }, error.message),
      };
    }
  }

  const [first, second] = groupsOf(study, rows);
  if (!first || !second) return null;
  const a = finite(first.rows.map((r) => r.values.get(variables.post)));
  const b = finite(second.rows.map((r) => r.values.get(variables.post)));
  const groups = [groupSummary(first.label, a, binary), groupSummary(second.label, b, binary)];
  try {
    if (binary) {
      const table = [
        [a.filter((v) => v === 1).length, a.filter((v) => v === 0).length],
        [b.filter((v) => v === 1).length, b.filter((v) => v === 0).length],
      ];
      const test = tableAuto(table);
      const rr = riskRatio(table);
      return {
        ...base,
        groups,
        method: test.method,
        reason: test.reason,
        test: test.test,
        statistic: test.test === 'chi-square' ? test.statistic : null,
        df: test.test === 'chi-square' ? test.df : null,
        pValue: test.pValue,
        effectSize: { name: 'RR', estimate: rr.estimate, ciLower: rr.ciLower, ciUpper: rr.ciUpper },
      };
    }
    const test = groupsAuto(a, b);
    const effect = twoGroupEffectSize(a, b);
    return {
      ...base,
      groups,
      method: test.method,
      reason: test.reason,
      test: test.test,
      statistic: test.statistic,
      df: test.test === 'welch' ? test.df : null,
      pValue: test.pValue,
      effectSize: { name: 'g', estimate: effect.hedgesG, ciLower: effect.ciLower, ciUpper: effect.ciUpper },
    };
  } catch (error) {
    if (!(error instanceof StatsInputError)) throw error;
    return {
      ...base,
      groups,
      note: NOT_ENOUGH({ id: `n = ${a.length} / ${b.length}`, en: `n = ${a.length} / ${b.length}` }, error.message),
    };
  }
}

// ---- Sentences -----------------------------------------------------------------------------------------------------

function outcomeName(study: StudyDefinition, lang: Lang): string {
  const primary = study.outcomes.find((o) => o.primary);
  if (!primary) return '';
  const info = OUTCOME_MEASURES[primary.measure];
  const day = info.timing === 'day' ? (lang === 'id' ? ` hari ke-${primary.day}` : ` on day ${primary.day}`) : '';
  return `${info.label[lang]}${day}`;
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function statisticText(c: StudyComparison, lang: Lang): string {
  const s = c.statistic ?? 0;
  switch (c.test) {
    case 'welch':
    case 't':
      return `t(${num(c.df ?? 0, c.test === 'welch' ? 1 : 0, lang)}) = ${num(s, 2, lang)}`;
    case 'mann-whitney':
      return `U = ${num(s, 1, lang)}`;
    case 'wilcoxon':
      return `V = ${num(s, 1, lang)}`;
    case 'chi-square':
      return `χ²(${c.df ?? 1}) = ${num(s, 2, lang)}`;
    case 'fisher':
      return lang === 'id' ? 'uji eksak Fisher' : "Fisher's exact test";
    default:
      return '';
  }
}

function effectText(c: StudyComparison, lang: Lang): string {
  const e = c.effectSize;
  if (!e) return '';
  const ci = lang === 'id' ? 'IK 95%' : '95% CI';
  return lang === 'id'
    ? `${e.name} = ${num(e.estimate, 2, lang)} [${ci} ${num(e.ciLower, 2, lang)}; ${num(e.ciUpper, 2, lang)}]`
    : `${e.name} = ${num(e.estimate, 2, lang)}, ${ci} [${num(e.ciLower, 2, lang)}, ${num(e.ciUpper, 2, lang)}]`;
}

function describeGroup(g: StudyComparison['groups'][number], c: StudyComparison, lang: Lang): string {
  const sep = lang === 'id' ? '; ' : ', ';
  if (c.type === 'binary') {
    const pct = g.n === 0 ? 0 : ((g.events ?? 0) / g.n) * 100;
    return `${g.events}/${g.n}, ${num(pct, 1, lang)}%`;
  }
  if (c.test === 'mann-whitney' || c.test === 'wilcoxon') return `Mdn = ${num(g.median ?? 0, 1, lang)}${sep}n = ${g.n}`;
  const sd = g.sd === null ? '-' : num(g.sd, 1, lang);
  return `M = ${num(g.mean ?? 0, 1, lang)}${sep}${lang === 'id' ? 'SB' : 'SD'} = ${sd}`;
}

/** The result of the primary comparison as APA-style sentences in both languages. */
export function resultSentences(
  study: StudyDefinition,
  rows: readonly ParticipantValues[],
  c: StudyComparison | null,
): StudyText[] {
  const sentences: StudyText[] = [];
  const groups = groupsOf(study, rows);
  if (study.arms.length > 0)
    sentences.push({
      id: `Sebanyak ${rows.length} ibu diikutkan (${groups.map((g) => `${g.label.id}: ${g.rows.length}`).join('; ')}).`,
      en: `${rows.length} mothers were enrolled (${groups.map((g) => `${g.label.en}: ${g.rows.length}`).join('; ')}).`,
    });
  else sentences.push({ id: `Sebanyak ${rows.length} ibu diikutkan.`, en: `${rows.length} mothers were enrolled.` });
  if (!c) return sentences;
  if (c.note || c.pValue === null) {
    if (c.note) sentences.push(c.note);
    return sentences;
  }
  const [g1, g2] = c.groups;
  if (!g1 || !g2) return sentences;
  const significant = c.pValue < 0.05;
  const stats = (lang: Lang) =>
    [statisticText(c, lang), pText(c.pValue ?? 1, lang), effectText(c, lang)]
      .filter((s) => s !== '')
      .join(lang === 'id' ? '; ' : ', ');
  const name = { id: outcomeName(study, 'id'), en: outcomeName(study, 'en') };
  const d = (g: typeof g1, lang: Lang) => describeGroup(g, c, lang);
  // Direction from the means (continuous) or the proportions (binary) of the two groups compared.
  const centre = (g: typeof g1) => (c.type === 'binary' ? (g.n ? (g.events ?? 0) / g.n : 0) : (g.mean ?? 0));
  const higher = centre(g2) > centre(g1);

  if (study.design === 'pre_post') {
    const change = significant
      ? {
          id: `${upper(name.id)} ${higher ? 'meningkat' : 'menurun'} bermakna dari pengukuran pra (${d(g1, 'id')}) ke pasca (${d(g2, 'id')}); ${stats('id')}.`,
          en: `${upper(name.en)} ${higher ? 'increased' : 'decreased'} significantly from the pre (${d(g1, 'en')}) to the post measurement (${d(g2, 'en')}), ${stats('en')}.`,
        }
      : {
          id: `${upper(name.id)} tidak berubah bermakna dari pengukuran pra (${d(g1, 'id')}) ke pasca (${d(g2, 'id')}); ${stats('id')}.`,
          en: `${upper(name.en)} did not change significantly from the pre (${d(g1, 'en')}) to the post measurement (${d(g2, 'en')}), ${stats('en')}.`,
        };
    sentences.push(change, {
      id: 'Tanpa kelompok pembanding, perubahan ini tidak dapat dipastikan disebabkan oleh intervensi; perubahan juga dapat terjadi secara alami seiring waktu nifas.',
      en: 'Without a comparison group, the change cannot be attributed to the intervention; it may also reflect the natural course of the postpartum days.',
    });
    return sentences;
  }

  const [a, b] = [g1, g2];
  const firstHigher = centre(a) > centre(b);
  if (!significant)
    sentences.push({
      id: `${upper(name.id)} tidak berbeda bermakna antara kelompok ${lower(a.label.id)} (${d(a, 'id')}) dan ${lower(b.label.id)} (${d(b, 'id')}); ${stats('id')}.`,
      en: `${upper(name.en)} did not differ significantly between the ${lower(a.label.en)} group (${d(a, 'en')}) and the ${lower(b.label.en)} group (${d(b, 'en')}), ${stats('en')}.`,
    });
  else if (study.design === 'randomised')
    sentences.push({
      id: `${upper(name.id)} lebih ${firstHigher ? 'tinggi' : 'rendah'} pada kelompok ${lower(a.label.id)} (${d(a, 'id')}) dibanding ${lower(b.label.id)} (${d(b, 'id')}); ${stats('id')}.`,
      en: `${upper(name.en)} was ${firstHigher ? 'higher' : 'lower'} in the ${lower(a.label.en)} group (${d(a, 'en')}) than in the ${lower(b.label.en)} group (${d(b, 'en')}), ${stats('en')}.`,
    });
  else
    sentences.push(
      {
        id: `Kelompok ${lower(a.label.id)} berhubungan dengan ${lower(name.id)} yang lebih ${firstHigher ? 'tinggi' : 'rendah'} (${d(a, 'id')}) dibanding ${lower(b.label.id)} (${d(b, 'id')}); ${stats('id')}.`,
        en: `Being in the ${lower(a.label.en)} group was associated with ${firstHigher ? 'higher' : 'lower'} ${lower(name.en)} (${d(a, 'en')}) than the ${lower(b.label.en)} group (${d(b, 'en')}), ${stats('en')}.`,
      },
      {
        id: 'Karena kelompok tidak diacak, perbedaan ini dapat disebabkan oleh perbedaan karakteristik antarkelompok, bukan oleh intervensi.',
        en: 'Because the groups were not randomised, the difference may reflect differences between the groups rather than the intervention.',
      },
    );
  return sentences;
}

export function analyseStudy(
  studyId: string,
  study: StudyDefinition,
  rows: readonly ParticipantValues[],
): StudyAnalysis {
  const groups = groupsOf(study, rows);
  const primary = primaryComparison(study, rows);
  return {
    studyId,
    title: study.title,
    design: study.design,
    groups: groups.map((g) => g.label),
    tableOne: tableOne(groups),
    primary,
    sentences: resultSentences(study, rows, primary),
  };
}
