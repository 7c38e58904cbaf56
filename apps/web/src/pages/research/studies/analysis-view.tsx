import type { StudyAnalysis, StudyComparison } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { locale } from '../../../i18n/i18n.ts';
import { bi } from './study-text.ts';

const round = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));

/** Each group's values as dots, with the mean as a bar: enough to see spread and overlap at a glance. */
function DotPlot({ comparison }: { comparison: StudyComparison }) {
  const all = comparison.groups.flatMap((g) => g.values);
  if (all.length === 0) return null;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const width = 120 * comparison.groups.length + 60;
  const height = 220;
  const y = (v: number) => 190 - ((v - min) / span) * 160;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={t`Sebaran nilai luaran utama per kelompok`}
    >
      <text x={4} y={y(max) + 4} font-size="11">
        {round(max, 1)}
      </text>
      <text x={4} y={y(min) + 4} font-size="11">
        {round(min, 1)}
      </text>
      {comparison.groups.map((g, i) => {
        const x = 90 + i * 120;
        return (
          <g key={bi(g.label)}>
            {g.values.map((v, j) => (
              <circle key={`${j}-${v}`} cx={x + ((j % 7) - 3) * 4} cy={y(v)} r={3} fill="none" stroke="currentColor" />
            ))}
            {g.mean !== null ? (
              <line x1={x - 25} x2={x + 25} y1={y(g.mean)} y2={y(g.mean)} stroke="currentColor" stroke-width={2} />
            ) : null}
            <text x={x} y={212} font-size="12" text-anchor="middle">
              {bi(g.label)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Table 1, the primary comparison and the result sentences; prints on its own (summary-card). */
export function AnalysisView({ analysis }: { analysis: StudyAnalysis }) {
  const c = analysis.primary;
  return (
    <div class="card summary-card" data-testid="study-analysis">
      <h2>{t`Analisis`}</h2>
      <h3>{t`Tabel 1. Karakteristik peserta`}</h3>
      <div class="table-scroll">
        <table class="table">
          <thead>
            <tr>
              <th>{t`Karakteristik`}</th>
              {analysis.groups.map((g) => (
                <th key={bi(g)}>{bi(g)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {analysis.tableOne.map((row) => (
              <tr key={bi(row.label)}>
                <td style={row.kind === 'level' ? 'padding-left: 1.5em' : undefined}>{bi(row.label)}</td>
                {row.cells.map((cell, i) => (
                  <td key={`${i}-${cell}`}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {c ? (
        <>
          <h3>
            {t`Luaran utama`}: {bi(c.label)}
            {c.unit ? ` (${bi(c.unit)})` : ''}
          </h3>
          <table class="table">
            <thead>
              <tr>
                <th />
                <th>n</th>
                <th>{c.type === 'binary' ? t`Kejadian` : t`Rerata (SB)`}</th>
                <th>{t`Median`}</th>
              </tr>
            </thead>
            <tbody>
              {c.groups.map((g) => (
                <tr key={bi(g.label)}>
                  <td>{bi(g.label)}</td>
                  <td>{g.n}</td>
                  <td>{c.type === 'binary' ? g.events : `${round(g.mean)} (${round(g.sd)})`}</td>
                  <td>{round(g.median)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {c.method ? (
            <p>
              <strong>{c.method}</strong>: {t`statistik`} {round(c.statistic, 3)}
              {c.df !== null ? `, df ${round(c.df, 2)}` : ''}, p{' '}
              {c.pValue !== null && c.pValue < 0.001 ? '< 0.001' : round(c.pValue, 3)}
              {c.effectSize
                ? `; ${c.effectSize.name} ${round(c.effectSize.estimate)} [${round(c.effectSize.ciLower)}, ${round(c.effectSize.ciUpper)}]`
                : ''}
            </p>
          ) : null}
          {c.reason ? <p class="muted">{bi(c.reason)}</p> : null}
          <DotPlot comparison={c} />
        </>
      ) : null}
      <h3>{t`Kalimat hasil`}</h3>
      {analysis.sentences.map((s) => (
        <p key={s.en} lang={locale.value}>
          {bi(s)}
        </p>
      ))}
      <details>
        <summary>{locale.value === 'id' ? 'English' : 'Bahasa Indonesia'}</summary>
        {analysis.sentences.map((s) => (
          <p key={`other-${s.en}`} lang={locale.value === 'id' ? 'en' : 'id'}>
            {locale.value === 'id' ? s.en : s.id}
          </p>
        ))}
      </details>
      <button type="button" class="button secondary no-print" onClick={() => window.print()}>
        {t`Cetak`}
      </button>
    </div>
  );
}
