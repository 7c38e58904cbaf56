import {
  barChartSvg,
  type Content,
  renderPdf,
  spreadChartSvg,
  type TableCell,
  type TDocumentDefinitions,
} from '@lancar/reports';
import type { Locale } from '../locale.ts';
import type { FacilityReportWithName } from './load-report.ts';
import { formatNumber, formatPercent, type ReportWord, reportWord, signName } from './report-text.ts';

const head = (text: string): TableCell => ({ text, bold: true, fillColor: '#eeeeee' });
const muted = (text: string): Content => ({ text, fontSize: 8, color: '#555555', margin: [0, 2, 0, 4] });
const num = (v: number | null, locale: Locale, digits = 1) => (v === null ? '–' : formatNumber(v, locale, digits));

function frame(
  title: string,
  subtitle: string,
  generatedAt: string,
  locale: Locale,
  content: Content[],
): TDocumentDefinitions {
  const w = (k: ReportWord) => reportWord(k, locale);
  return {
    info: { title: `${title} – ${subtitle}`, creator: 'Lancar' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    footer: (page, pages) => ({
      text: `Lancar · ${w('page')} ${page}/${pages}`,
      fontSize: 7,
      color: '#555555',
      margin: [40, 16, 40, 0],
    }),
    styles: { h1: { fontSize: 16, bold: true }, h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] } },
    content: [
      { text: title, style: 'h1' },
      { text: subtitle, margin: [0, 4, 0, 0] },
      { text: `${w('generated')}: ${generatedAt.slice(0, 16).replace('T', ' ')} UTC`, fontSize: 8, color: '#555555' },
      ...content,
    ],
  };
}

/** The facility report as a pdfmake document (plain data, so tests can read what it says). */
export function facilityReportDocument(r: FacilityReportWithName, locale: Locale): TDocumentDefinitions {
  const w = (k: ReportWord) => reportWord(k, locale);
  const h2 = (k: ReportWord): Content => ({ text: w(k), style: 'h2' });
  const pct = (v: number) => `${formatNumber(v, locale, 0)}%`;
  const content: Content[] = [
    muted(w('cohortNote')),
    {
      text: [
        { text: `${w('mothersEnrolled')}: `, bold: true },
        `${r.mothersEnrolled}`,
        r.withoutDelivery > 0 ? ` (${r.withoutDelivery} ${w('withoutDelivery')})` : '',
      ],
      margin: [0, 4, 0, 0],
    },
    h2('protocol'),
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto'],
        body: [
          [head(w('protocol')), head(w('n'))],
          [w('withPlan'), String(r.protocol.withPlan)],
          [w('finished'), String(r.protocol.finished)],
          [w('completed'), `${r.protocol.completed} (${formatPercent(r.protocol.share, locale)})`],
        ],
      },
      layout: 'lightHorizontalLines',
    },
    h2('adherence'),
    {
      svg: barChartSvg({
        title: w('adherence'),
        bars: [
          { label: w('below50'), value: r.adherence.below50 },
          { label: w('from50to79'), value: r.adherence.from50to79 },
          { label: w('atLeast80'), value: r.adherence.atLeast80 },
        ],
        format: (v) => formatNumber(v, locale, 0),
        integer: true,
        width: 300,
        height: 130,
      }),
      width: 300,
    },
    muted(
      `n = ${r.adherence.n} · ${w('median')} ${r.adherence.percent.median === null ? '–' : pct(r.adherence.percent.median)} (${w('iqr')} ${r.adherence.percent.q1 === null ? '–' : pct(r.adherence.percent.q1)}–${r.adherence.percent.q3 === null ? '–' : pct(r.adherence.percent.q3)})`,
    ),
    h2('adequacy'),
    {
      columns: [
        {
          width: 'auto',
          table: {
            headerRows: 1,
            body: [
              [
                head(w('day')),
                head(w('n')),
                head(w('adequate')),
                head(w('notAdequate')),
                head(w('incomplete')),
                head(w('share')),
              ],
              ...r.adequacy.map((a) => [
                String(a.day),
                String(a.n),
                String(a.adequate),
                String(a.notAdequate),
                String(a.incomplete),
                formatPercent(a.share, locale),
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
        },
        {
          width: 180,
          svg: barChartSvg({
            title: w('adequacy'),
            bars: r.adequacy.map((a) => ({
              label: `${w('day')} ${a.day}`,
              value: a.share === null ? null : a.share * 100,
            })),
            max: 100,
            format: (v) => `${formatNumber(v, locale, 0)}%`,
            width: 180,
            height: 110,
          }),
        },
      ],
      columnGap: 12,
    },
    h2('expressed'),
    {
      svg: spreadChartSvg({
        title: w('expressed'),
        xLabel: w('dayOfLife'),
        points: r.expressedMlByDay.map((d) => ({ x: d.day, median: d.median, q1: d.q1, q3: d.q3 })),
        format: (v) => formatNumber(v, locale, 0),
      }),
      width: 480,
    },
    spreadTable(r.expressedMlByDay, locale, 0),
    muted(w('expressedNote')),
    h2('weight'),
    {
      svg: spreadChartSvg({
        title: w('weight'),
        xLabel: w('dayOfLife'),
        points: r.weightChangeByDay.map((d) => ({ x: d.day, median: d.median, q1: d.q1, q3: d.q3 })),
        format: (v) => formatNumber(v, locale, 0),
        reference: 0,
        colour: '#8a5a00',
      }),
      width: 480,
    },
    spreadTable(r.weightChangeByDay, locale, 1),
    muted(w('weightNote')),
    h2('alerts'),
    alertsTable(r, locale),
    h2('companions'),
    {
      table: {
        widths: ['*', 'auto'],
        body: [
          [w('linked'), String(r.companions.linked)],
          [w('trained'), String(r.companions.trained)],
          [w('competent'), String(r.companions.competent)],
        ],
      },
      layout: 'lightHorizontalLines',
    },
    h2('exclusive'),
    { text: w('notRecorded'), italics: true },
  ];
  return frame(
    w('title'),
    `${r.facility.name} · ${w('period')}: ${r.period.from} – ${r.period.to} (${r.period.timeZone})`,
    r.generatedAt,
    locale,
    content,
  );
}

function spreadTable(days: FacilityReportWithName['expressedMlByDay'], locale: Locale, digits: number): Content {
  const shown = days.filter((d) => d.n > 0);
  if (shown.length === 0) return { text: reportWord('none', locale), italics: true };
  return {
    table: {
      headerRows: 1,
      body: [
        [head(reportWord('day', locale)), ...shown.map((d) => head(String(d.day)))],
        [reportWord('n', locale), ...shown.map((d) => String(d.n))],
        [reportWord('median', locale), ...shown.map((d) => num(d.median, locale, digits))],
        [reportWord('iqr', locale), ...shown.map((d) => `${num(d.q1, locale, digits)}–${num(d.q3, locale, digits)}`)],
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 7,
    margin: [0, 2, 0, 0],
  };
}

function alertsTable(r: FacilityReportWithName, locale: Locale): Content {
  const w = (k: ReportWord) => reportWord(k, locale);
  const hours = (h: { median: number | null }) => num(h.median, locale, 1);
  return {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto', 'auto'],
      body: [
        [head(w('sign')), head(w('raised')), head(w('acted')), head(w('closed')), head(w('hoursToAction'))],
        ...r.alerts.bySign.map((s) => [
          signName(s.signId, locale),
          String(s.raised),
          String(s.acted),
          String(s.closed),
          hours(s.hoursToFirstAction),
        ]),
        [
          { text: 'Total', bold: true },
          { text: String(r.alerts.raised), bold: true },
          { text: String(r.alerts.acted), bold: true },
          { text: String(r.alerts.closed), bold: true },
          { text: hours(r.alerts.hoursToFirstAction), bold: true },
        ],
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  };
}

export function facilityReportPdf(r: FacilityReportWithName, locale: Locale): Promise<Buffer> {
  return renderPdf(facilityReportDocument(r, locale));
}
