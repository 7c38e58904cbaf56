import { QUIZ_ITEMS } from '@lancar/content/training';
import type { TrainingResults } from '@lancar/contracts';

import { type Content, renderPdf, type TableCell, type TDocumentDefinitions } from '@lancar/reports';
import type { Locale } from '../../locale.ts';
import { formatNumber, sourceWord, statusWord, testLine, word } from './report-text.ts';

const percent = (share: number | null, locale: Locale) =>
  share === null ? '–' : `${formatNumber(share * 100, locale, 0)}%`;
const score = (value: number | null, locale: Locale) => (value === null ? '–' : formatNumber(value, locale, 0));
const head = (text: string): TableCell => ({ text, bold: true, fillColor: '#eeeeee' });

function summaryTable(r: TrainingResults, locale: Locale): Content {
  const cell = (s: TrainingResults['pre'], pick: 'meanSd' | 'median' | 'n'): string => {
    if (!s) return '–';
    if (pick === 'n') return String(s.n);
    if (pick === 'median')
      return `${formatNumber(s.median, locale)} (${formatNumber(s.min, locale, 0)}–${formatNumber(s.max, locale, 0)})`;
    return `${formatNumber(s.mean, locale)} (${s.sd === null ? '–' : formatNumber(s.sd, locale)})`;
  };
  return {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto'],
      body: [
        [head(word('measure', locale)), head(word('pre', locale)), head(word('post', locale))],
        [word('n', locale), cell(r.pre, 'n'), cell(r.post, 'n')],
        [word('meanSd', locale), cell(r.pre, 'meanSd'), cell(r.post, 'meanSd')],
        [word('medianRange', locale), cell(r.pre, 'median'), cell(r.post, 'median')],
        [`${word('passedCount', locale)} (≥ ${r.passMark})`, String(r.passed.pre), String(r.passed.post)],
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 8],
  };
}

function statistics(r: TrainingResults, locale: Locale): Content[] {
  if (!r.change) return [{ text: word('noPairs', locale), italics: true }];
  const lines: Content[] = [];
  const interval =
    r.change.ciLower === null || r.change.ciUpper === null
      ? ''
      : ` (${word('ci', locale)} ${formatNumber(r.change.ciLower, locale)} ${word('to', locale)} ${formatNumber(r.change.ciUpper, locale)})`;
  lines.push({
    text: [
      { text: `${word('meanChange', locale)}: `, bold: true },
      `${formatNumber(r.change.mean, locale)}${interval}`,
    ],
  });
  if (r.test) {
    lines.push({ text: [{ text: `${word('test', locale)}: `, bold: true }, testLine(r.test, locale)] });
    lines.push({ text: r.test.reason[locale], italics: true, margin: [0, 0, 0, 2] });
  }
  if (r.testNote) lines.push({ text: r.testNote[locale], italics: true });
  if (r.effectSize) {
    const e = r.effectSize;
    lines.push({
      text: [
        { text: `${word('effectSize', locale)}: `, bold: true },
        `${formatNumber(e.hedgesGz, locale, 2)} (${word('ci', locale)} ${formatNumber(e.ciLower, locale, 2)} ${word('to', locale)} ${formatNumber(e.ciUpper, locale, 2)})`,
      ],
    });
  }
  return lines;
}

function itemsTable(r: TrainingResults, locale: Locale): Content {
  const answered = r.items.filter((i) => i.pre.n + i.post.n > 0);
  if (answered.length === 0) return { text: word('noAnswers', locale), italics: true };
  const questions = new Map(
    QUIZ_ITEMS.map((item, index) => [item.id, { number: index + 1, text: item.question[locale] }]),
  );
  return {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto'],
      body: [
        [
          head(word('question', locale)),
          head(word('pre', locale)),
          head(word('post', locale)),
          head(word('change', locale)),
        ],
        ...answered.map((item) => {
          const q = questions.get(item.itemId);
          return [
            q ? `${q.number}. ${q.text}` : item.itemId,
            `${percent(item.pre.share, locale)} (n=${item.pre.n})`,
            `${percent(item.post.share, locale)} (n=${item.post.n})`,
            item.change === null ? '–' : `${item.change > 0 ? '+' : ''}${formatNumber(item.change * 100, locale, 0)}`,
          ];
        }),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8,
  };
}

function peopleTable(r: TrainingResults, locale: Locale): Content {
  return {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto', 'auto'],
      body: [
        [
          head(word('name', locale)),
          head(word('pre', locale)),
          head(word('post', locale)),
          head(word('change', locale)),
          head(word('status', locale)),
        ],
        ...r.rows.map((row) => [
          row.name,
          score(row.pre, locale),
          score(row.post, locale),
          row.change === null ? '–' : `${row.change > 0 ? '+' : ''}${row.change}`,
          `${statusWord(row.status, locale)}${row.source ? ` · ${sourceWord(row.source, locale)}` : ''}`,
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  };
}

/** The printable results report: summary and test first (what a supervisor reads), then items and participants. */
export function resultsPdf(r: TrainingResults, locale: Locale): Promise<Buffer> {
  return renderPdf(resultsDocument(r, locale));
}

/** The report as a pdfmake document (plain data, so tests can read what it says). */
export function resultsDocument(r: TrainingResults, locale: Locale): TDocumentDefinitions {
  const heading = (text: string): Content => ({ text, style: 'h2' });
  const scopeLine =
    r.scope === 'session' && r.session
      ? `${word('session', locale)}: ${r.session.place}, ${r.session.heldOn}. ${word('facilitators', locale)}: ${r.session.facilitators}`
      : `${word('facility', locale)}: ${r.title}`;
  const counts = [
    `${word('people', locale)}: ${r.counts.people}`,
    `${word('pairs', locale)}: ${r.counts.pairs}`,
    `${word('noPre', locale)}: ${r.counts.noPre}`,
    `${word('noPost', locale)}: ${r.counts.noPost}`,
    `${word('incomplete', locale)}: ${r.counts.incomplete}`,
  ].join(' · ');
  return {
    info: { title: `${word('title', locale)} – ${r.title}`, creator: 'Lancar' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    footer: (page, pages) => ({
      text: `${word('scopeNote', locale)} ${page}/${pages}`,
      fontSize: 7,
      color: '#555555',
      margin: [40, 16, 40, 0],
    }),
    styles: { h1: { fontSize: 16, bold: true }, h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] } },
    content: [
      { text: word('title', locale), style: 'h1' },
      { text: scopeLine, margin: [0, 4, 0, 0] },
      {
        text: `${word('generated', locale)}: ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC · ${word('itemBank', locale)}: ${r.itemBankVersion} · ${word('passMark', locale)}: ${r.passMark}`,
        fontSize: 8,
        color: '#555555',
      },
      { text: counts, margin: [0, 6, 0, 0] },
      summaryTable(r, locale),
      ...statistics(r, locale),
      { text: word('passMarkNote', locale), fontSize: 8, color: '#555555', margin: [0, 6, 0, 0] },
      heading(word('items', locale)),
      itemsTable(r, locale),
      heading(word('participants', locale)),
      peopleTable(r, locale),
    ],
  };
}
