import type { Me, MotherDetail } from '@lancar/contracts';
import { LIMITS } from '@lancar/contracts/limits';
import { t } from '@lingui/core/macro';
import { useEffect, useState } from 'preact/hooks';
import { BabyPicker } from './baby-picker.tsx';
import { FormShell } from './form-shell.tsx';
import { readTime, TimeField, toLocalInput } from './time-field.tsx';
import { useLogForm } from './use-log-form.ts';

type Side = 'left' | 'right';

/** A feed in progress, kept on the phone so leaving the screen or a reload does not lose it. */
interface RunningFeed {
  babyId: string | null;
  startedAt: number;
  segments: { side: Side; from: number }[];
}

const timerKey = (userId: string) => `lancar.feedTimer.${userId}`;

function readTimer(userId: string): RunningFeed | undefined {
  try {
    const raw = localStorage.getItem(timerKey(userId));
    return raw ? (JSON.parse(raw) as RunningFeed) : undefined;
  } catch {
    return undefined;
  }
}

function mmss(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Feeds: a timer with "switch side", or a quick entry afterwards. Duration from timestamps, never from ticks. */
export function FeedForm({ user, mother, onSaved }: { user: Me; mother: MotherDetail; onSaved: () => void }) {
  const [babyId, setBabyId] = useState<string | undefined>(mother.babies[0]?.id);
  const [running, setRunning] = useState<RunningFeed | undefined>(() => readTimer(user.userId));
  const [, tick] = useState(0);
  const [side, setSide] = useState<'left' | 'right' | 'both'>('left');
  const [minutes, setMinutes] = useState('');
  const [when, setWhen] = useState(toLocalInput(new Date()));

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);

  const keep = (next: RunningFeed | undefined) => {
    setRunning(next);
    if (next) localStorage.setItem(timerKey(user.userId), JSON.stringify(next));
    else localStorage.removeItem(timerKey(user.userId));
  };

  const quick = useLogForm(
    user.userId,
    () => {
      const at = readTime(when);
      if (typeof at === 'string') return at;
      const duration = Number(minutes);
      if (!Number.isInteger(duration) || duration < 1 || duration > LIMITS.feedMinutesMax) {
        return t`Lama menyusu: 1 sampai ${LIMITS.feedMinutesMax} menit.`;
      }
      return {
        kind: 'feed',
        motherId: mother.id,
        babyId: babyId ?? null,
        occurredAt: at,
        data: { side, durationMinutes: duration },
      };
    },
    onSaved,
  );

  const timed = useLogForm(
    user.userId,
    () => {
      if (!running) return t`Belum ada yang diukur.`;
      const total = Date.now() - running.startedAt;
      const sides = new Set(running.segments.map((s) => s.side));
      const durationMinutes = Math.min(LIMITS.feedMinutesMax, Math.max(1, Math.round(total / 60_000)));
      return {
        kind: 'feed',
        motherId: mother.id,
        babyId: running.babyId,
        occurredAt: new Date(running.startedAt),
        data: { side: sides.size > 1 ? 'both' : (running.segments[0]?.side ?? 'left'), durationMinutes },
      };
    },
    () => {
      keep(undefined);
      onSaved();
    },
  );

  if (running) {
    const now = Date.now();
    const current = running.segments.at(-1);
    return (
      <section>
        <h1>{t`Sedang menyusu`}</h1>
        <p class="big-number" data-testid="feed-elapsed">
          {mmss(now - running.startedAt)}
        </p>
        <p>
          {current?.side === 'left' ? t`Payudara kiri` : t`Payudara kanan`} · {mmss(now - (current?.from ?? now))}
        </p>
        <div class="stack">
          <button
            type="button"
            class="button secondary big"
            onClick={() =>
              keep({
                ...running,
                segments: [
                  ...running.segments,
                  { side: current?.side === 'left' ? 'right' : 'left', from: Date.now() },
                ],
              })
            }
          >
            {t`Ganti sisi`}
          </button>
          <button
            type="button"
            class="button primary big"
            data-testid="feed-stop"
            disabled={timed.busy}
            onClick={() => timed.save()}
          >
            {t`Selesai dan simpan`}
          </button>
          <button type="button" class="link-button" onClick={() => keep(undefined)}>
            {t`Batalkan pengukuran`}
          </button>
        </div>
        {timed.message ? <div class="notice notice-error">{timed.message}</div> : null}
      </section>
    );
  }

  return (
    <FormShell title={t`Catat menyusui`} onSubmit={quick.save} message={quick.message} busy={quick.busy}>
      <BabyPicker babies={mother.babies} value={babyId} onChange={setBabyId} />
      <div class="card">
        <p>{t`Ukur sekarang: tekan saat bayi mulai menyusu.`}</p>
        <div class="choice-row">
          {(['left', 'right'] as const).map((s) => (
            <button
              key={s}
              type="button"
              class="button primary"
              data-testid={`feed-start-${s}`}
              onClick={() =>
                keep({ babyId: babyId ?? null, startedAt: Date.now(), segments: [{ side: s, from: Date.now() }] })
              }
            >
              {s === 'left' ? t`Mulai kiri` : t`Mulai kanan`}
            </button>
          ))}
        </div>
      </div>
      <h2>{t`Atau catat yang sudah selesai`}</h2>
      <fieldset class="choice-row">
        <legend>{t`Payudara`}</legend>
        {(['left', 'right', 'both'] as const).map((s) => (
          <button
            key={s}
            type="button"
            class={`choice ${side === s ? 'chosen' : ''}`}
            aria-pressed={side === s}
            data-testid={`feed-side-${s}`}
            onClick={() => setSide(s)}
          >
            {s === 'left' ? t`Kiri` : s === 'right' ? t`Kanan` : t`Keduanya`}
          </button>
        ))}
      </fieldset>
      <label>
        {t`Lama (menit)`}
        <input
          name="minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={LIMITS.feedMinutesMax}
          value={minutes}
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
      </label>
      <TimeField value={when} onChange={setWhen} label={t`Mulai jam`} />
    </FormShell>
  );
}
