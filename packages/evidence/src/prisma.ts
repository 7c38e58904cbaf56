// PRISMA 2020 flow counts (new systematic review, databases and registers only), derived from the imports, the
// duplicate groups and the screening records, plus the few numbers only the researcher knows.
import type { Bilingual } from '@lancar/stats';
import { type DuplicateGroup, duplicateIds } from './deduplicate.ts';
import {
  isFinalExclude,
  isFinalInclude,
  type Resolution,
  type ScreeningDecision,
  type ScreeningStatus,
  type ScreeningSummary,
  screeningStatus,
} from './screening.ts';

/** One import: the records a database (or a register) returned for the search. */
export interface PrismaSource {
  name: string;
  kind?: 'database' | 'register';
  referenceIds: readonly string[];
}

/** Numbers the app cannot derive; all default to 0 except studiesIncluded (defaults to the included reports). */
export interface PrismaSupplied {
  automationIneligible?: number;
  removedOtherReasons?: number;
  reportsNotRetrieved?: number;
  /** Fewer than the included reports when several reports describe one study. */
  studiesIncluded?: number;
}

export interface PrismaInput {
  sources: readonly PrismaSource[];
  duplicateGroups: readonly DuplicateGroup[];
  decisions: readonly ScreeningDecision[];
  resolutions?: readonly Resolution[];
  supplied?: PrismaSupplied;
}

export interface SourceCount {
  name: string;
  count: number;
}

export interface PrismaCounts {
  databases: SourceCount[];
  registers: SourceCount[];
  identified: number;
  duplicatesRemoved: number;
  /** Undefined when the researcher did not supply it: the diagram then leaves the line out. */
  automationIneligible?: number;
  removedOtherReasons?: number;
  /** Records with a final title/abstract decision (agreed or resolved); checked against identified - removed. */
  screened: number;
  excludedScreening: number;
  reportsSought: number;
  reportsNotRetrieved: number;
  /** Reports with a final full-text decision; checked against sought - not retrieved. */
  assessed: number;
  /** Most frequent reason first. */
  excludedFullText: { reason: string; count: number }[];
  reportsIncluded: number;
  studiesIncluded: number;
}

export type PrismaProblemCode =
  | 'invalid_number'
  | 'reference_in_two_sources'
  | 'duplicate_not_identified'
  | 'screening_incomplete'
  | 'full_text_incomplete'
  | 'studies_exceed_reports'
  | 'screening_record';

export interface PrismaProblem {
  code: PrismaProblemCode;
  message: Bilingual;
}

export interface PrismaResult {
  counts: PrismaCounts;
  problems: PrismaProblem[];
}

export function prismaCounts(input: PrismaInput): PrismaResult {
  const problems: PrismaProblem[] = [];
  const supplied = checkedSupplied(input.supplied ?? {}, problems);
  const identifiedIds = uniqueIdentified(input.sources, problems);
  const removed = [...duplicateIds(input.duplicateGroups)];
  const unknown = removed.filter((id) => !identifiedIds.has(id));
  if (unknown.length > 0) {
    problems.push({
      code: 'duplicate_not_identified',
      message: {
        id: `Duplikat yang tidak ada di sumber mana pun tidak dihitung: ${unknown.join(', ')}.`,
        en: `Duplicates not found in any source are not counted: ${unknown.join(', ')}.`,
      },
    });
  }
  const removedSet = new Set(removed);
  const screeningIds = [...identifiedIds].filter((id) => !removedSet.has(id));
  const resolutions = input.resolutions ?? [];
  const titleAbstract = screeningStatus(input.decisions, screeningIds, 'title_abstract', resolutions);
  const fullText = screeningStatus(input.decisions, screeningIds, 'full_text', resolutions);
  for (const problem of [...titleAbstract.problems, ...fullText.problems]) {
    problems.push({ code: 'screening_record', message: problem.message });
  }

  const count = (kind: 'database' | 'register') =>
    input.sources
      .filter((source) => (source.kind ?? 'database') === kind)
      .map((source) => ({ name: source.name, count: source.referenceIds.length }));
  const databases = count('database');
  const registers = count('register');
  const identified = [...databases, ...registers].reduce((sum, source) => sum + source.count, 0);
  const excludedFullText = exclusionReasons(fullText);
  const reportsIncluded = finals(fullText, isFinalInclude);
  const counts: PrismaCounts = {
    databases,
    registers,
    identified,
    duplicatesRemoved: removed.length - unknown.length,
    ...(supplied.automationIneligible === undefined ? {} : { automationIneligible: supplied.automationIneligible }),
    ...(supplied.removedOtherReasons === undefined ? {} : { removedOtherReasons: supplied.removedOtherReasons }),
    screened: finals(titleAbstract, isFinalInclude) + finals(titleAbstract, isFinalExclude),
    excludedScreening: finals(titleAbstract, isFinalExclude),
    reportsSought: finals(titleAbstract, isFinalInclude),
    reportsNotRetrieved: supplied.reportsNotRetrieved ?? 0,
    assessed: reportsIncluded + excludedFullText.reduce((sum, item) => sum + item.count, 0),
    excludedFullText,
    reportsIncluded,
    studiesIncluded: supplied.studiesIncluded ?? reportsIncluded,
  };
  problems.push(...consistencyProblems(counts));
  return { counts, problems };
}

function finals(summary: ScreeningSummary, isFinal: (status: ScreeningStatus) => boolean): number {
  return summary.references.filter((item) => isFinal(item.status)).length;
}

function exclusionReasons(fullText: ScreeningSummary): { reason: string; count: number }[] {
  // Reasons are grouped case-insensitively and shown as first written.
  const reasons = new Map<string, { reason: string; count: number }>();
  for (const item of fullText.references) {
    if (!isFinalExclude(item.status)) continue;
    const reason = item.exclusionReason ?? '';
    const key = reason.toLowerCase();
    const entry = reasons.get(key) ?? { reason, count: 0 };
    entry.count++;
    reasons.set(key, entry);
  }
  return [...reasons.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

function uniqueIdentified(sources: readonly PrismaSource[], problems: PrismaProblem[]): Set<string> {
  const ids = new Set<string>();
  const repeated = new Set<string>();
  for (const id of sources.flatMap((source) => source.referenceIds)) {
    if (ids.has(id)) repeated.add(id);
    ids.add(id);
  }
  if (repeated.size > 0) {
    const list = [...repeated].join(', ');
    problems.push({
      code: 'reference_in_two_sources',
      message: {
        id: `Rujukan tercatat lebih dari sekali di sumber sehingga dihitung ganda: ${list}.`,
        en: `References listed more than once across sources are counted twice: ${list}.`,
      },
    });
  }
  return ids;
}

function checkedSupplied(supplied: PrismaSupplied, problems: PrismaProblem[]): PrismaSupplied {
  const checked: PrismaSupplied = {};
  for (const [name, value] of Object.entries(supplied) as [keyof PrismaSupplied, number | undefined][]) {
    if (value === undefined) continue;
    if (Number.isInteger(value) && value >= 0) {
      checked[name] = value;
    } else {
      problems.push({
        code: 'invalid_number',
        message: {
          id: `${name} harus bilangan bulat 0 atau lebih (diberikan: ${value}); nilai diabaikan.`,
          en: `${name} must be a whole number of 0 or more (given: ${value}); value ignored.`,
        },
      });
    }
  }
  return checked;
}

function consistencyProblems(counts: PrismaCounts): PrismaProblem[] {
  const problems: PrismaProblem[] = [];
  const toScreen =
    counts.identified -
    counts.duplicatesRemoved -
    (counts.automationIneligible ?? 0) -
    (counts.removedOtherReasons ?? 0);
  if (counts.screened !== toScreen) {
    problems.push({
      code: 'screening_incomplete',
      message: {
        id: `Rekaman yang disaring (${counts.screened}) seharusnya sama dengan yang diidentifikasi dikurangi yang dihapus sebelum penyaringan (${toScreen}): penyaringan judul/abstrak belum selesai atau ada konflik yang belum diselesaikan.`,
        en: `Records screened (${counts.screened}) should equal records identified minus those removed before screening (${toScreen}): title/abstract screening is unfinished or has unresolved conflicts.`,
      },
    });
  }
  const toAssess = counts.reportsSought - counts.reportsNotRetrieved;
  if (counts.assessed !== toAssess) {
    problems.push({
      code: 'full_text_incomplete',
      message: {
        id: `Laporan yang dinilai kelayakannya (${counts.assessed}) seharusnya sama dengan laporan yang dicari dikurangi yang tidak diperoleh (${toAssess}).`,
        en: `Reports assessed for eligibility (${counts.assessed}) should equal reports sought minus reports not retrieved (${toAssess}).`,
      },
    });
  }
  if (counts.studiesIncluded > counts.reportsIncluded) {
    problems.push({
      code: 'studies_exceed_reports',
      message: {
        id: `Jumlah studi yang disertakan (${counts.studiesIncluded}) melebihi jumlah laporannya (${counts.reportsIncluded}).`,
        en: `Studies included (${counts.studiesIncluded}) exceed the reports of included studies (${counts.reportsIncluded}).`,
      },
    });
  }
  return problems;
}
