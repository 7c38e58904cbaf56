import { DEFAULT_REPORT_TIME_ZONE, monthPeriod } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';

export interface Dates {
  from: string;
  to: string;
}

type Preset = 'this' | 'last' | 'custom';

export function thisMonth(): Dates {
  const { from, to } = monthPeriod(new Date(), DEFAULT_REPORT_TIME_ZONE, 0);
  return { from, to };
}

/** "Bulan ini", "Bulan lalu" or two dates of one's own choosing (local WIB dates, both inclusive). */
export function PeriodPicker({ value, onChange }: { value: Dates; onChange: (dates: Dates) => void }) {
  const [preset, setPreset] = useState<Preset>('this');
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const choose = (next: Preset) => {
    setPreset(next);
    if (next === 'custom') return;
    const { from: f, to: e } = monthPeriod(new Date(), DEFAULT_REPORT_TIME_ZONE, next === 'this' ? 0 : 1);
    setFrom(f);
    setTo(e);
    onChange({ from: f, to: e });
  };
  const presets: [Preset, string][] = [
    ['this', t`Bulan ini`],
    ['last', t`Bulan lalu`],
    ['custom', t`Pilih tanggal`],
  ];
  return (
    <div class="report-period card">
      <fieldset class="choice-row report-presets" aria-label={t`Periode`}>
        {presets.map(([key, label]) => (
          <button
            key={key}
            type="button"
            class={`button ${preset === key ? '' : 'secondary'}`}
            aria-pressed={preset === key}
            onClick={() => choose(key)}
          >
            {label}
          </button>
        ))}
      </fieldset>
      {preset === 'custom' ? (
        <form
          class="report-dates"
          onSubmit={(e) => {
            e.preventDefault();
            onChange({ from, to });
          }}
        >
          <label>
            {t`Dari`}
            <input type="date" name="from" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            {t`Sampai`}
            <input type="date" name="to" required min={from} value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <button type="submit" class="button">{t`Tampilkan`}</button>
        </form>
      ) : null}
      <p class="muted">
        {t`Periode`}: {value.from} – {value.to} (WIB)
      </p>
    </div>
  );
}
