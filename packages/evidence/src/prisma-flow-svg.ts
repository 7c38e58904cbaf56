// The PRISMA 2020 flow diagram as a printable SVG string: phase bars on the left (Identification, Screening,
// Included), the main boxes joined by downward arrows, and the exclusion boxes to the right. Boxes are sized from
// an estimate of the text width, since plain strings have no font metrics.
import type { PrismaCounts } from './prisma.ts';
import { GLUE, type PrismaLanguage, prismaLabels, withCount } from './prisma-labels.ts';
import { element, escapeXml, px } from './svg.ts';

export interface PrismaFlowOptions {
  language?: PrismaLanguage;
  /** Prefix for ids inside the SVG (the arrow marker), so several diagrams can share one page. */
  idPrefix?: string;
}

interface Line {
  text: string;
  bold?: boolean;
  indent?: boolean;
}

const FONT_SIZE = 12;
const LINE_HEIGHT = 16;
const PADDING = 10;
const INDENT = 12;
/** Generous average advance widths of a 12 px sans-serif font, so text stays inside its box. */
const CHAR_WIDTH = 7;
const BOLD_CHAR_WIDTH = 7.8;
const WRAP_AT = 46;
const MIN_BOX_WIDTH = 200;
const MARGIN = 16;
const BAR_WIDTH = 28;
const BAR_GAP = 12;
const COLUMN_GAP = 48;
const ROW_GAP = 28;
const HEADER_HEIGHT = 34;

export function prismaFlowSvg(counts: PrismaCounts, options: PrismaFlowOptions = {}): string {
  const language = options.language ?? 'id';
  const arrowId = `${options.idPrefix ?? 'prisma'}-arrow`;
  const labels = prismaLabels(language);
  const n = (label: string, count: number) => withCount(label, count, language);

  const main: Line[][] = [
    [
      { text: `${n(labels.fromDatabases, sum(counts.databases))}:`, bold: true },
      ...counts.databases.map((source) => ({ text: n(source.name, source.count), indent: true })),
      { text: `${n(labels.fromRegisters, sum(counts.registers))}${counts.registers.length ? ':' : ''}`, bold: true },
      ...counts.registers.map((source) => ({ text: n(source.name, source.count), indent: true })),
    ],
    [{ text: n(labels.screened, counts.screened) }],
    [{ text: n(labels.sought, counts.reportsSought) }],
    [{ text: n(labels.assessed, counts.assessed) }],
    [
      { text: n(labels.studiesIncluded, counts.studiesIncluded), bold: true },
      { text: n(labels.reportsIncluded, counts.reportsIncluded) },
    ],
  ].map(wrap);
  const excludedReports = counts.excludedFullText.reduce((total, item) => total + item.count, 0);
  const side: (Line[] | null)[] = [
    [
      { text: labels.removedBeforeScreening, bold: true },
      { text: n(labels.duplicates, counts.duplicatesRemoved), indent: true },
      ...optionalLine(labels.automation, counts.automationIneligible, n),
      ...optionalLine(labels.otherReasons, counts.removedOtherReasons, n),
    ],
    [{ text: n(labels.excluded, counts.excludedScreening) }],
    [{ text: n(labels.notRetrieved, counts.reportsNotRetrieved) }],
    [
      { text: `${n(labels.reportsExcluded, excludedReports)}${excludedReports ? ':' : ''}`, bold: true },
      ...counts.excludedFullText.map((item) => ({ text: n(item.reason || labels.noReason, item.count), indent: true })),
    ],
    null,
  ].map((lines) => lines && wrap(lines));

  const mainWidth = columnWidth(main);
  const sideWidth = columnWidth(side.filter((lines) => lines !== null));
  const mainX = MARGIN + BAR_WIDTH + BAR_GAP;
  const sideX = mainX + mainWidth + COLUMN_GAP;
  const width = sideX + sideWidth + MARGIN;

  // Rows are as tall as their taller box, and tall enough for a phase label that spans only that row.
  const minimumHeights = [labelLength(labels.identification), 0, 0, 0, labelLength(labels.included)];
  const rows: { top: number; height: number }[] = [];
  let y = MARGIN + HEADER_HEIGHT + ROW_GAP;
  main.forEach((lines, index) => {
    const sideLines = side[index];
    const height = Math.max(boxHeight(lines), sideLines ? boxHeight(sideLines) : 0, minimumHeights[index]!);
    rows.push({ top: y, height });
    y += height + ROW_GAP;
  });
  const height = y - ROW_GAP + MARGIN;
  const bottom = (index: number) => rows[index]!.top + rows[index]!.height;

  const parts: string[] = [
    element('rect', { width, height, fill: '#fff' }),
    element(
      'defs',
      {},
      element(
        'marker',
        {
          id: arrowId,
          viewBox: '0 0 10 10',
          refX: 10,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
        },
        element('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#333' }),
      ),
    ),
    element(
      'g',
      { class: 'header' },
      element('rect', {
        x: mainX,
        y: MARGIN,
        width: width - MARGIN - mainX,
        height: HEADER_HEIGHT,
        rx: 4,
        fill: '#fdf0c2',
        stroke: '#333',
      }) +
        element(
          'text',
          {
            x: (mainX + width - MARGIN) / 2,
            y: MARGIN + HEADER_HEIGHT / 2 + 4,
            'text-anchor': 'middle',
            'font-weight': 'bold',
          },
          escapeXml(labels.header),
        ),
    ),
    phaseBar(labels.identification, rows[0]!.top, bottom(0)),
    phaseBar(labels.screening, rows[1]!.top, bottom(3)),
    phaseBar(labels.included, rows[4]!.top, bottom(4)),
  ];
  const steps = ['identified', 'screened', 'sought', 'assessed', 'included'];
  const sideSteps = ['removed', 'excluded', 'not-retrieved', 'reports-excluded'];
  rows.forEach((row, index) => {
    parts.push(box(steps[index]!, main[index]!, mainX, row.top, mainWidth, row.height));
    const sideLines = side[index];
    if (sideLines) {
      parts.push(box(sideSteps[index]!, sideLines, sideX, row.top, sideWidth, row.height));
      const middle = row.top + row.height / 2;
      parts.push(arrow(mainX + mainWidth, middle, sideX, middle, arrowId));
    }
    if (index < rows.length - 1) {
      const centre = mainX + mainWidth / 2;
      parts.push(arrow(centre, bottom(index), centre, rows[index + 1]!.top, arrowId));
    }
  });

  const title = escapeXml(labels.title);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}" role="img" aria-label="${title}" font-family="system-ui, sans-serif" font-size="${FONT_SIZE}">${element('title', {}, title)}${parts.join('')}</svg>`;
}

function optionalLine(label: string, count: number | undefined, n: (label: string, count: number) => string): Line[] {
  return count === undefined ? [] : [{ text: n(label, count), indent: true }];
}

function sum(sources: readonly { count: number }[]): number {
  return sources.reduce((total, source) => total + source.count, 0);
}

/** Breaks long lines at spaces (or inside a word longer than a line); continuation lines keep the indent. */
function wrap(lines: readonly Line[]): Line[] {
  return lines.flatMap((line) => {
    const limit = WRAP_AT - (line.indent ? 2 : 0);
    const pieces: string[] = [];
    let current = '';
    // Split on plain spaces only: no-break spaces hold a count together.
    for (const word of line.text.split(/ +/).filter(Boolean)) {
      for (let start = 0; start < word.length; start += limit) {
        const chunk = word.slice(start, start + limit);
        if (current && current.length + 1 + chunk.length > limit) {
          pieces.push(current);
          current = chunk;
        } else {
          current = current ? `${current} ${chunk}` : chunk;
        }
      }
    }
    if (current || pieces.length === 0) pieces.push(current);
    return pieces.map((text) => ({ ...line, text: text.replaceAll(GLUE, ' ') }));
  });
}

function lineWidth(line: Line): number {
  return line.text.length * (line.bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH) + (line.indent ? INDENT : 0);
}

function columnWidth(boxes: readonly Line[][]): number {
  const widest = Math.max(0, ...boxes.flat().map(lineWidth));
  return Math.max(MIN_BOX_WIDTH, Math.ceil(widest + 2 * PADDING));
}

function boxHeight(lines: readonly Line[]): number {
  return lines.length * LINE_HEIGHT + 2 * PADDING - 4;
}

function labelLength(label: string): number {
  return Math.ceil(label.length * BOLD_CHAR_WIDTH + 2 * PADDING);
}

function box(step: string, lines: readonly Line[], x: number, y: number, width: number, height: number): string {
  const texts = lines.map((line, index) =>
    element(
      'text',
      {
        x: x + PADDING + (line.indent ? INDENT : 0),
        y: y + PADDING + index * LINE_HEIGHT + FONT_SIZE - 1,
        'font-weight': line.bold ? 'bold' : undefined,
      },
      escapeXml(line.text),
    ),
  );
  return element(
    'g',
    { class: 'box', 'data-step': step },
    element('rect', { x, y, width, height, fill: '#fff', stroke: '#333' }) + texts.join(''),
  );
}

function phaseBar(label: string, top: number, bottom: number): string {
  const centreX = MARGIN + BAR_WIDTH / 2;
  const centreY = (top + bottom) / 2;
  return element(
    'g',
    { class: 'phase' },
    element('rect', { x: MARGIN, y: top, width: BAR_WIDTH, height: bottom - top, rx: 4, fill: '#cfe0f3' }) +
      element(
        'text',
        {
          x: centreX,
          y: centreY,
          transform: `rotate(-90 ${px(centreX)} ${px(centreY)})`,
          'text-anchor': 'middle',
          'dominant-baseline': 'central',
          'font-weight': 'bold',
        },
        escapeXml(label),
      ),
  );
}

function arrow(x1: number, y1: number, x2: number, y2: number, markerId: string): string {
  return element('line', { x1, y1, x2, y2, stroke: '#333', 'stroke-width': 1.2, 'marker-end': `url(#${markerId})` });
}
