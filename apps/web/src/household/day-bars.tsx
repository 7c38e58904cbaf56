/**
 * A small bar chart of one number per day of life, drawn as plain SVG (no chart library on the phone).
 * `goal` draws a dashed line (planned sessions, the day's minimum); `highlight` marks today.
 */
export function DayBars({
  values,
  goal,
  label,
  highlight,
  unit = '',
}: {
  values: readonly (number | null)[];
  goal?: readonly (number | null)[];
  label: string;
  highlight?: number | undefined;
  unit?: string;
}) {
  const width = 300;
  const height = 90;
  const max = Math.max(1, ...values.map((v) => v ?? 0), ...(goal ?? []).map((g) => g ?? 0));
  const slot = width / values.length;
  const y = (v: number) => height - 14 - (v / max) * (height - 26);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} class="day-bars" role="img" aria-label={label}>
      {values.map((v, i) => {
        const day = i + 1;
        const x = i * slot + slot * 0.15;
        const w = slot * 0.7;
        const g = goal?.[i];
        return (
          <g key={day}>
            {v !== null && v > 0 ? (
              <rect
                x={x}
                y={y(v)}
                width={w}
                height={height - 14 - y(v)}
                rx="2"
                fill={day === highlight ? '#f0b429' : '#0f6b5c'}
              >
                <title>{`${day}: ${v}${unit}`}</title>
              </rect>
            ) : null}
            {g !== null && g !== undefined && g > 0 ? (
              <line
                x1={x - 1}
                x2={x + w + 1}
                y1={y(g)}
                y2={y(g)}
                stroke="#8a1c12"
                stroke-width="1.5"
                stroke-dasharray="3 2"
              />
            ) : null}
            <text x={x + w / 2} y={height - 2} text-anchor="middle" font-size="9" fill="#56635e">
              {day}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
