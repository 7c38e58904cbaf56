import { ADEQUACY_CHECKLIST } from '@lancar/content';
import type { Me } from '@lancar/contracts';
import {
  currentEntries,
  dailySummaries,
  dayOfLifeAt,
  isKind,
  thresholdForDay,
  weightChangePercent,
} from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { formatDate, formatNumber, locale } from '../i18n/i18n.ts';
import { entries, plans } from '../offline/household-store.ts';
import { currentMother } from './current-mother.ts';
import { DayBars } from './day-bars.tsx';
import { domainEntries, progressFor } from './household-view.ts';

/** The checklist's minimum for a count item on each day (feeds, wet nappies), drawn as the dashed line. */
function checklistMinimums(itemId: string, days: number): (number | null)[] {
  const item = ADEQUACY_CHECKLIST.items.find((i) => i.id === itemId);
  return Array.from({ length: days }, (_, i) =>
    item?.kind === 'count' ? (thresholdForDay(item.thresholds, i + 1) ?? null) : null,
  );
}

/**
 * Fourteen days at a glance: massage sessions against the plan, feeds, nappies, expressed milk, weight and the daily
 * checklist results; and a summary card the mother can show at her postnatal visit. Early expressed volumes are shown
 * as they are, never labelled "low" (small volumes on days 1-3 are normal).
 */
export default function ProgressPage({ user }: { user: Me }) {
  const mother = currentMother.value;
  if (!mother?.deliveredAt) return <p class="muted">{t`Memuat…`}</p>;
  const deliveredAt = new Date(mother.deliveredAt);
  const now = new Date();
  const own = domainEntries(entries.value, mother.id);
  const days = dailySummaries({ deliveredAt, entries: own, babyId: null, days: 14 });
  const { protocol, progress: maybeProgress } = progressFor(mother, entries.value, plans.value, now);
  if (!maybeProgress) return <p class="muted">{t`Memuat…`}</p>;
  const progress = maybeProgress;
  const planned = days.map((d) => progress.days.find((p) => p.day === d.day)?.planned ?? null);
  const checks = new Map<number, string>();
  for (const e of currentEntries(own)) {
    if (isKind(e, 'adequacy_check')) checks.set(e.data.dayOfLife, e.data.result);
  }
  const birth = mother.babies[0]?.birthWeightG ?? null;
  const weights = currentEntries(own)
    .filter((e) => isKind(e, 'weight'))
    .map((e) => ({ day: dayOfLifeAt(deliveredAt, e.occurredAt), grams: (e.data as { grams: number }).grams }));
  const lastWeight = weights.at(-1);
  const totals = days.reduce(
    (sum, d) => ({
      sessions: sum.sessions + d.sessionsDone,
      feeds: sum.feeds + d.feeds,
      ml: sum.ml + d.expressedMl.total,
    }),
    { sessions: 0, feeds: 0, ml: 0 },
  );
  const today = progress.today;
  const resultLabel = (r: string | undefined) =>
    r === 'adequate'
      ? t`cukup`
      : r === 'not_adequate'
        ? t`perlu dibicarakan dengan bidan`
        : r === 'incomplete'
          ? t`belum lengkap`
          : '–';

  return (
    <section>
      <p>
        <a href="/">{t`← Beranda`}</a>
      </p>
      <h1>{t`Perkembangan 14 hari`}</h1>
      <div class="card">
        <h2>{t`Sesi pijat`}</h2>
        <p class="muted">{t`Batang: sesi selesai. Garis putus-putus: sesi yang direncanakan.`}</p>
        <DayBars
          values={days.map((d) => d.sessionsDone)}
          goal={planned}
          label={t`Sesi pijat per hari`}
          highlight={today}
        />
      </div>
      <div class="card">
        <h2>{t`Menyusui per hari`}</h2>
        <DayBars
          values={days.map((d) => d.feeds)}
          goal={checklistMinimums('feeds', days.length)}
          label={t`Menyusui per hari`}
          highlight={today}
        />
      </div>
      <div class="card">
        <h2>{t`Popok basah per hari`}</h2>
        <DayBars
          values={days.map((d) => d.wetNappies)}
          goal={checklistMinimums('wet-nappies', days.length)}
          label={t`Popok basah per hari`}
          highlight={today}
        />
      </div>
      <div class="card">
        <h2>{t`ASI perah per hari (ml)`}</h2>
        <DayBars
          values={days.map((d) => d.expressedMl.total)}
          label={t`ASI perah per hari`}
          highlight={today}
          unit=" ml"
        />
        <p class="muted">{t`Pada hari-hari pertama ASI perah memang sedikit (beberapa ml). Itu normal.`}</p>
      </div>
      <div class="card">
        <h2>{t`Berat bayi (gram)`}</h2>
        <DayBars values={days.map((d) => d.lastWeightG)} label={t`Berat bayi per hari`} highlight={today} unit=" g" />
      </div>
      <section class="card summary-card" data-testid="visit-summary">
        <h2>{t`Ringkasan untuk kunjungan nifas`}</h2>
        <p>
          <strong>{mother.fullName}</strong> · {t`melahirkan ${formatDate(mother.deliveredAt)}`} ·{' '}
          {t`hari ke-${today ?? '–'}`}
        </p>
        <ul class="plain-list">
          <li>{t`Pijat: ${progress.adherence.done} dari ${progress.adherence.due} sesi (${protocol.name[locale.value]})`}</li>
          <li>{t`Menyusui tercatat: ${totals.feeds} kali`}</li>
          <li>{t`ASI perah tercatat: ${formatNumber(totals.ml)} ml`}</li>
          <li>
            {t`Berat terakhir`}:{' '}
            {lastWeight && birth
              ? `${formatNumber(lastWeight.grams)} g (${formatNumber(weightChangePercent(birth, lastWeight.grams))}%)`
              : '–'}
          </li>
          <li>
            {t`Ceklis ASI cukup`}:{' '}
            {[...checks.entries()]
              .sort((a, b) => a[0] - b[0])
              .map(([day, result]) => `${t`hari ${day}`}: ${resultLabel(result)}`)
              .join('; ') || '–'}
          </li>
        </ul>
        <button type="button" class="button secondary no-print" onClick={() => window.print()}>
          {t`Cetak`}
        </button>
      </section>
      <p class="muted">{user.facility.name}</p>
    </section>
  );
}
