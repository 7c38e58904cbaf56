import { QUIZ_ITEMS, QUIZ_VERSION } from '@lancar/content/training';
import type { BilingualText, ItemResult, ResultRow, ScoreSummary, TrainingResults } from '@lancar/contracts';
import { DEFAULT_PASS_MARK, itemDifficulty, type ScoredSheet, scoreQuiz } from '@lancar/domain';
import { describe, pairedAuto, pairedEffectSize, StatsInputError } from '@lancar/stats';

/** One answer sheet as the analysis needs it (phone or paper). */
export interface ResultSheet {
  phase: 'pre' | 'post';
  score: number | null;
  source: 'phone' | 'paper';
  takenAt: string;
  itemBankVersion: number;
  /** Item by item; empty when only the total score was entered from paper. */
  answers: Record<string, string | null>;
}

export interface ResultPerson {
  /** Stable key: the user id of a companion, or the participant id of a walk-in. */
  key: string;
  name: string;
  /** Current sheets only (corrected sheets already replaced). */
  sheets: readonly ResultSheet[];
}

export interface ResultsFrame {
  scope: TrainingResults['scope'];
  title: string;
  session: TrainingResults['session'];
  generatedAt: string;
  passMark?: number;
}

const CONF_LEVEL = 0.95;
const MIN_PAIRS_FOR_TEST = 3;

const byTime = (a: ResultSheet, b: ResultSheet) => a.takenAt.localeCompare(b.takenAt);

/**
 * The sheet of a phase that counts for the pre-post comparison: the FIRST complete one. The first pre-test is the
 * baseline; the first post-test is the result of the training itself (taking the best of several retakes would
 * flatter the programme). An incomplete sheet never counts, it only marks the person as incomplete.
 */
function countingSheet(sheets: readonly ResultSheet[], phase: 'pre' | 'post') {
  const ofPhase = sheets.filter((s) => s.phase === phase).sort(byTime);
  return { sheet: ofPhase.find((s) => s.score !== null), hadIncomplete: ofPhase.some((s) => s.score === null) };
}

function summarise(values: readonly number[]): ScoreSummary | null {
  if (values.length === 0) return null;
  const d = describe(values);
  return { n: d.n, mean: d.mean, sd: d.n > 1 ? d.sd : null, median: d.median, min: d.min, max: d.max };
}

function perItem(sheet: ResultSheet): ScoredSheet | null {
  if (sheet.itemBankVersion !== QUIZ_VERSION || Object.keys(sheet.answers).length === 0) return null;
  const scored = scoreQuiz(QUIZ_ITEMS, sheet.answers);
  return scored.ok ? { itemBankVersion: sheet.itemBankVersion, perItem: scored.perItem } : null;
}

function statisticsOf(before: number[], after: number[]): Pick<TrainingResults, 'test' | 'testNote' | 'effectSize'> {
  if (before.length < MIN_PAIRS_FOR_TEST) {
    return {
      test: null,
      effectSize: null,
      testNote: {
        id: `Uji statistik perlu paling sedikit ${MIN_PAIRS_FOR_TEST} pasang nilai tes awal dan tes akhir; baru ada ${before.length}.`,
        en: `A statistical test needs at least ${MIN_PAIRS_FOR_TEST} pairs of pre- and post-test scores; there are ${before.length}.`,
      },
    };
  }
  let test: TrainingResults['test'] = null;
  let testNote: BilingualText | null = null;
  try {
    const result = pairedAuto(before, after, { confLevel: CONF_LEVEL });
    test = {
      test: result.test,
      method: result.method,
      statistic: result.statistic,
      df: result.test === 't' ? result.df : null,
      pValue: result.pValue,
      reason: result.reason,
      normality: result.normality ? { statistic: result.normality.statistic, pValue: result.normality.pValue } : null,
    };
  } catch (error) {
    if (!(error instanceof StatsInputError)) throw error;
    testNote = {
      id: 'Uji statistik tidak dapat dihitung karena nilai tes awal dan tes akhir setiap peserta sama (tidak ada perubahan).',
      en: 'No statistical test can be computed: every participant scored the same on the pre- and post-test (no change).',
    };
  }
  let effectSize: TrainingResults['effectSize'] = null;
  try {
    const e = pairedEffectSize(before, after, { confLevel: CONF_LEVEL });
    effectSize = { hedgesGz: e.hedgesGz, dz: e.dz, ciLower: e.ciLower, ciUpper: e.ciUpper, confLevel: e.confLevel };
  } catch (error) {
    if (!(error instanceof StatsInputError)) throw error;
  }
  return { test, testNote, effectSize };
}

/**
 * Pre-post knowledge results: who has a pair of scores, the scores before and after, the mean increase with its
 * 95% interval, the paired test the analysis plan picks (t-test when the differences look normal, otherwise
 * Wilcoxon, with the reason), the effect size, and which questions stayed hard. Pure: no I/O.
 */
export function analyseResults(frame: ResultsFrame, people: readonly ResultPerson[]): TrainingResults {
  const passMark = frame.passMark ?? DEFAULT_PASS_MARK;
  const rows: ResultRow[] = [];
  const before: number[] = [];
  const after: number[] = [];
  const preSheets: ScoredSheet[] = [];
  const postSheets: ScoredSheet[] = [];
  for (const person of people) {
    const pre = countingSheet(person.sheets, 'pre');
    const post = countingSheet(person.sheets, 'post');
    const preScore = pre.sheet?.score ?? null;
    const postScore = post.sheet?.score ?? null;
    let status: ResultRow['status'];
    if (preScore !== null && postScore !== null) status = 'paired';
    else if ((preScore === null && pre.hadIncomplete) || (postScore === null && post.hadIncomplete))
      status = 'incomplete';
    else status = preScore === null ? 'no_pre' : 'no_post';
    const sources = new Set([pre.sheet?.source, post.sheet?.source].filter((s) => s !== undefined));
    rows.push({
      name: person.name,
      source: sources.size === 0 ? null : sources.size === 2 ? 'mixed' : ([...sources][0] ?? null),
      pre: preScore,
      post: postScore,
      change: status === 'paired' && preScore !== null && postScore !== null ? postScore - preScore : null,
      status,
    });
    if (status === 'paired' && preScore !== null && postScore !== null) {
      before.push(preScore);
      after.push(postScore);
    }
    // Item difficulty uses every counted sheet, paired or not: it asks what the group knew, not who improved.
    const preItems = pre.sheet && perItem(pre.sheet);
    const postItems = post.sheet && perItem(post.sheet);
    if (preItems) preSheets.push({ ...preItems, participantId: person.key });
    if (postItems) postSheets.push({ ...postItems, participantId: person.key });
  }

  const differences = after.map((value, i) => value - (before[i] ?? 0));
  let change: TrainingResults['change'] = null;
  if (differences.length > 0) {
    const d = describe(differences, { confLevel: CONF_LEVEL });
    const spread = d.n > 1;
    change = {
      mean: d.mean,
      sd: spread ? d.sd : null,
      ciLower: spread ? d.ciLower : null,
      ciUpper: spread ? d.ciUpper : null,
      confLevel: CONF_LEVEL,
    };
  }
  const items: ItemResult[] = itemDifficulty(preSheets, postSheets, { itemIds: QUIZ_ITEMS.map((i) => i.id) });

  return {
    scope: frame.scope,
    title: frame.title,
    session: frame.session,
    generatedAt: frame.generatedAt,
    itemBankVersion: QUIZ_VERSION,
    passMark,
    counts: {
      people: rows.length,
      pairs: before.length,
      noPre: rows.filter((r) => r.status === 'no_pre').length,
      noPost: rows.filter((r) => r.status === 'no_post').length,
      incomplete: rows.filter((r) => r.status === 'incomplete').length,
    },
    pre: summarise(before),
    post: summarise(after),
    change,
    passed: { pre: before.filter((s) => s >= passMark).length, post: after.filter((s) => s >= passMark).length },
    ...statisticsOf(before, after),
    items,
    rows,
  };
}
