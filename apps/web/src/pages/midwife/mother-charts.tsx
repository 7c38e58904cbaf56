import { ADEQUACY_CHECKLIST } from '@lancar/content';
import type { MotherDetail } from '@lancar/contracts';
import { type DaySummary, thresholdForDay, weightChangePercent } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { DayBars } from '../../household/day-bars.tsx';
import { formatNumber } from '../../i18n/i18n.ts';

/** The checklist's minimum for a count item on each day (feeds, wet nappies), drawn as the dashed line. */
function checklistMinimums(itemId: string, days: number): (number | null)[] {
  const item = ADEQUACY_CHECKLIST.items.find((i) => i.id === itemId);
  return Array.from({ length: days }, (_, i) =>
    item?.kind === 'count' ? (thresholdForDay(item.thresholds, i + 1) ?? null) : null,
  );
}

/**
 * The baby's weight by day of life against the birth weight (solid line) and 10% below it (dotted: losing more
 * than 10% is a flag for review). Plain SVG: a dozen points need no chart library.
 */
export function WeightChart({
  birthWeightG,
  days,
  today,
}: {
  birthWeightG: number | null;
  days: readonly DaySummary[];
  today: number | null;
}) {
  const points = days.flatMap((d) => (d.lastWeightG === null ? [] : [{ day: d.day, grams: d.lastWeightG }]));
  if (points.length === 0 && birthWeightG === null) return <p class="muted">{t`Belum ada berat yang dicatat.`}</p>;
  const width = 320;
  const height = 150;
  const left = 42;
  const right = 8;
  const top = 10;
  const bottom = 20;
  const grams = [...points.map((p) => p.grams), ...(birthWeightG ? [birthWeightG, birthWeightG * 0.88] : [])];
  const min = Math.floor(Math.min(...grams) / 100) * 100 - 50;
  const max = Math.ceil(Math.max(...grams) / 100) * 100 + 50;
  const x = (day: number) => left + ((day - 1) / Math.max(days.length - 1, 1)) * (width - left - right);
  const y = (g: number) => top + (1 - (g - min) / (max - min)) * (height - top - bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.day).toFixed(1)},${y(p.grams).toFixed(1)}`).join(' ');
  const last = points.at(-1);
  return (
    <figure class="mother-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t`Berat bayi per hari dibanding berat lahir`}>
        {birthWeightG ? (
          <g>
            <line x1={left} x2={width - right} y1={y(birthWeightG)} y2={y(birthWeightG)} stroke="#0a4d42" />
            <text x={left - 4} y={y(birthWeightG) + 3} text-anchor="end" font-size="10" fill="#0a4d42">
              {formatNumber(birthWeightG)}
            </text>
            <line
              x1={left}
              x2={width - right}
              y1={y(birthWeightG * 0.9)}
              y2={y(birthWeightG * 0.9)}
              stroke="#b3261e"
              stroke-dasharray="2 3"
            />
            <text x={left - 4} y={y(birthWeightG * 0.9) + 3} text-anchor="end" font-size="10" fill="#b3261e">
              −10%
            </text>
          </g>
        ) : null}
        {path ? <path d={path} fill="none" stroke="#f0b429" stroke-width="2.5" /> : null}
        {points.map((p) => (
          <circle key={p.day} cx={x(p.day)} cy={y(p.grams)} r="3.5" fill="#8a5a00">
            <title>{`${t`Hari ${p.day}`}: ${formatNumber(p.grams)} g${birthWeightG ? ` (${formatNumber(weightChangePercent(birthWeightG, p.grams))}%)` : ''}`}</title>
          </circle>
        ))}
        {days.map((d) =>
          d.day % 2 === 1 || d.day === today ? (
            <text
              key={d.day}
              x={x(d.day)}
              y={height - 5}
              text-anchor="middle"
              font-size="10"
              fill={d.day === today ? '#8a5a00' : '#56635e'}
              font-weight={d.day === today ? '700' : '400'}
            >
              {d.day}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption class="muted">
        {last && birthWeightG
          ? t`Terakhir hari ${last.day}: ${formatNumber(last.grams)} g (${formatNumber(weightChangePercent(birthWeightG, last.grams))}% dari berat lahir). Garis hijau: berat lahir; garis merah: turun 10%.`
          : t`Garis hijau: berat lahir; garis merah: turun 10%.`}
      </figcaption>
    </figure>
  );
}

/** The small charts on the mother's page: weight, expressed milk, feeds and wet nappies per day of life. */
export function MotherCharts({
  mother,
  days,
  perBaby,
  today,
}: {
  mother: MotherDetail;
  /** Household totals per day (expressed milk). */
  days: readonly DaySummary[];
  /** Per baby: feeds, nappies and weights of that baby. */
  perBaby: readonly { babyId: string; days: readonly DaySummary[] }[];
  today: number | null;
}) {
  const highlight = today ?? undefined;
  const twins = mother.babies.length > 1;
  return (
    <section class="card" data-testid="mother-charts">
      <h2>{t`Grafik 14 hari`}</h2>
      <p class="muted">{t`Per hari nifas (hari ke-1 = 24 jam pertama). Garis putus-putus: batas minimum ceklis ASI cukup.`}</p>
      <div class="chart-grid">
        {perBaby.map(({ babyId, days: babyDays }, index) => {
          const baby = mother.babies.find((b) => b.id === babyId);
          const name = twins ? ` · ${baby?.name ?? t`Bayi ${index + 1}`}` : '';
          return (
            <div key={babyId} class="chart-cell">
              <h3>
                {t`Berat bayi (gram)`}
                {name}
              </h3>
              <WeightChart birthWeightG={baby?.birthWeightG ?? null} days={babyDays} today={today} />
            </div>
          );
        })}
        <div class="chart-cell">
          <h3>{t`ASI perah per hari (ml)`}</h3>
          <DayBars
            values={days.map((d) => d.expressedMl.total)}
            label={t`ASI perah per hari`}
            highlight={highlight}
            unit=" ml"
          />
        </div>
        {perBaby.map(({ babyId, days: babyDays }, index) => {
          const baby = mother.babies.find((b) => b.id === babyId);
          const name = twins ? ` · ${baby?.name ?? t`Bayi ${index + 1}`}` : '';
          return [
            <div key={`feeds-${babyId}`} class="chart-cell">
              <h3>
                {t`Menyusui per hari`}
                {name}
              </h3>
              <DayBars
                values={babyDays.map((d) => d.feeds)}
                goal={checklistMinimums('feeds', babyDays.length)}
                label={t`Menyusui per hari`}
                highlight={highlight}
              />
            </div>,
            <div key={`wet-${babyId}`} class="chart-cell">
              <h3>
                {t`Popok basah per hari`}
                {name}
              </h3>
              <DayBars
                values={babyDays.map((d) => d.wetNappies)}
                goal={checklistMinimums('wet-nappies', babyDays.length)}
                label={t`Popok basah per hari`}
                highlight={highlight}
              />
            </div>,
          ];
        })}
      </div>
    </section>
  );
}
