import { dangerSignById } from '@lancar/content';
import type { MotherDetail, TimelineItem } from '@lancar/contracts';
import {
  countByKind,
  type EntryDataByKind,
  groupTimeline,
  TIMELINE_KINDS,
  type TimelineKind,
  weightChangePercent,
} from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { dayLabel } from '../../components/labels.ts';
import { formatDate, formatNumber, locale } from '../../i18n/i18n.ts';
import { breastsLabel, observationSummary, placeLabel, visitCodeLabel } from './visits-panel.tsx';

export function kindLabel(kind: TimelineKind): string {
  switch (kind) {
    case 'massage_session':
      return t`Pijat`;
    case 'feed':
      return t`Menyusui`;
    case 'nappy':
      return t`Popok`;
    case 'expression':
      return t`ASI perah`;
    case 'weight':
      return t`Berat`;
    case 'mother_state':
      return t`Kondisi ibu`;
    case 'adequacy_check':
      return t`Ceklis ASI`;
    case 'danger_report':
      return t`Tanda bahaya`;
    case 'alert':
      return t`Peringatan`;
    case 'visit':
      return t`Kunjungan`;
    case 'message':
      return t`Pesan`;
    case 'training':
      return t`Pelatihan`;
  }
}

const signLabel = (id: string) => dangerSignById(id)?.label[locale.value] ?? id;

function time(iso: string): string {
  return new Intl.DateTimeFormat(locale.value === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** One line saying what happened. */
function describe(item: TimelineItem, mother: MotherDetail): string {
  switch (item.kind) {
    case 'alert':
      return `${signLabel(item.alert.signId)} · ${item.alert.severity === 'immediate' ? t`segera` : t`sesegera mungkin`}`;
    case 'visit': {
      const v = item.visit;
      const seen = observationSummary(v, mother);
      return `${visitCodeLabel(v.visitCode)} ${placeLabel(v.place)}${seen ? ` · ${seen}` : ''}`;
    }
    case 'message':
      return item.message.body;
    case 'training': {
      const x = item.training;
      switch (x.event) {
        case 'pre_test':
          return t`${x.displayName}: tes awal, nilai ${x.score ?? '–'}`;
        case 'post_test':
          return t`${x.displayName}: tes akhir, nilai ${x.score ?? '–'}`;
        case 'skill_check':
          return x.passed
            ? t`${x.displayName}: cek keterampilan pijat, lulus`
            : t`${x.displayName}: cek keterampilan pijat, belum lulus`;
        case 'lesson':
          return t`${x.displayName}: pelajaran selesai`;
      }
      return '';
    }
  }
  const entry = item.entry;
  switch (entry.kind) {
    case 'massage_session': {
      const d = entry.data as unknown as EntryDataByKind['massage_session'];
      const minutes = Math.round(d.massageSeconds / 60);
      const outcome =
        d.outcome === 'completed'
          ? t`selesai`
          : d.outcome === 'stopped_early'
            ? t`dihentikan lebih awal`
            : t`dihentikan oleh cek keamanan`;
      const extra = [
        d.comfort !== null ? t`nyaman ${d.comfort}/5` : null,
        d.letDown === true ? t`ASI keluar/menetes` : null,
      ].filter(Boolean);
      return [t`${minutes} menit, ${outcome}`, ...extra].join(' · ');
    }
    case 'feed': {
      const d = entry.data as unknown as EntryDataByKind['feed'];
      const side = d.side === 'left' ? t`kiri` : d.side === 'right' ? t`kanan` : t`kedua payudara`;
      return t`${d.durationMinutes} menit, ${side}`;
    }
    case 'nappy': {
      const d = entry.data as unknown as EntryDataByKind['nappy'];
      const parts = [d.wet ? t`basah` : null, d.dirty ? t`BAB` : null].filter(Boolean);
      const colour =
        d.stoolColour === 'meconium'
          ? t`mekonium`
          : d.stoolColour === 'green_brown'
            ? t`hijau-cokelat`
            : d.stoolColour === 'yellow'
              ? t`kuning`
              : d.stoolColour === 'pale'
                ? t`pucat`
                : d.stoolColour === 'other'
                  ? t`warna lain`
                  : null;
      return [parts.join(t` dan `), colour].filter(Boolean).join(' · ');
    }
    case 'expression': {
      const d = entry.data as unknown as EntryDataByKind['expression'];
      return t`${formatNumber(d.leftMl + d.rightMl)} ml (kiri ${formatNumber(d.leftMl)}, kanan ${formatNumber(d.rightMl)})`;
    }
    case 'weight': {
      const d = entry.data as unknown as EntryDataByKind['weight'];
      const birth = mother.babies.find((b) => b.id === entry.babyId)?.birthWeightG;
      return birth
        ? t`${formatNumber(d.grams)} g (${formatNumber(weightChangePercent(birth, d.grams))}% dari berat lahir)`
        : `${formatNumber(d.grams)} g`;
    }
    case 'mother_state': {
      const d = entry.data as unknown as EntryDataByKind['mother_state'];
      const breast =
        d.breastComfort === 'red_painful'
          ? breastsLabel('red_painful')
          : d.breastComfort === 'engorged'
            ? breastsLabel('engorged')
            : d.breastComfort === 'full'
              ? t`payudara penuh`
              : d.breastComfort === 'soft'
                ? t`payudara lunak`
                : null;
      return [
        breast,
        d.fever === true ? t`demam` : d.fever === false ? t`tidak demam` : null,
        d.stress !== null ? t`stres ${d.stress}/10` : null,
        d.sleepHours !== null ? t`tidur ${formatNumber(d.sleepHours)} jam` : null,
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'adequacy_check': {
      const d = entry.data as unknown as EntryDataByKind['adequacy_check'];
      const result =
        d.result === 'adequate' ? t`cukup` : d.result === 'not_adequate' ? t`belum cukup` : t`belum lengkap`;
      return t`hari ke-${d.dayOfLife}: ${result}`;
    }
    case 'danger_report': {
      const d = entry.data as unknown as EntryDataByKind['danger_report'];
      return d.signs.map(signLabel).join('; ');
    }
    default:
      return '';
  }
}

const INITIAL_DAYS = 4;

/** Everything about the mother, grouped by day postpartum, newest first, with a filter by kind. */
export function TimelinePanel({ mother, items }: { mother: MotherDetail; items: readonly TimelineItem[] }) {
  const [kinds, setKinds] = useState<ReadonlySet<TimelineKind>>(new Set());
  const [allDays, setAllDays] = useState(false);
  const counts = countByKind(items);
  const deliveredAt = mother.deliveredAt ? new Date(mother.deliveredAt) : null;
  const groups = groupTimeline(items, deliveredAt, -new Date().getTimezoneOffset(), kinds.size > 0 ? kinds : undefined);
  const shown = allDays ? groups : groups.slice(0, INITIAL_DAYS);
  const toggle = (kind: TimelineKind) => {
    const next = new Set(kinds);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setKinds(next);
  };
  return (
    <section class="card timeline" data-testid="timeline">
      <h2>{t`Linimasa`}</h2>
      <fieldset class="filter-row">
        <legend class="filter-legend">{t`Saring menurut jenis`}</legend>
        <button
          type="button"
          class={`chip ${kinds.size === 0 ? 'chosen' : ''}`}
          aria-pressed={kinds.size === 0}
          onClick={() => setKinds(new Set())}
        >
          {t`Semua`} ({items.length})
        </button>
        {TIMELINE_KINDS.filter((k) => counts.has(k)).map((kind) => (
          <button
            key={kind}
            type="button"
            class={`chip ${kinds.has(kind) ? 'chosen' : ''}`}
            aria-pressed={kinds.has(kind)}
            data-testid={`filter-${kind}`}
            onClick={() => toggle(kind)}
          >
            {kindLabel(kind)} ({counts.get(kind)})
          </button>
        ))}
      </fieldset>
      {groups.length === 0 ? <p class="muted">{t`Belum ada catatan.`}</p> : null}
      {shown.map((group) => (
        <div key={group.key} class="timeline-day" data-testid="timeline-day">
          <h3>{group.day !== null ? dayLabel(group.day) : formatDate(group.date)}</h3>
          <ul class="plain-list">
            {group.items.map((item) => (
              <li key={item.id} class={`timeline-item tl-${item.kind}`} data-kind={item.kind}>
                <span class="tl-time">{time(item.at)}</span>
                <span class="tl-text">
                  <strong class="tl-kind">{kindLabel(item.kind)}</strong> {describe(item, mother)}
                  {'recordedByName' in item && item.recordedByName ? (
                    <span class="muted"> · {item.recordedByName}</span>
                  ) : null}
                  {item.kind === 'message' && item.message.sentByName ? (
                    <span class="muted"> · {item.message.sentByName}</span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {groups.length > INITIAL_DAYS ? (
        <button type="button" class="link-button" onClick={() => setAllDays(!allDays)}>
          {allDays ? t`Tampilkan hari terbaru saja` : t`Tampilkan semua ${groups.length} hari`}
        </button>
      ) : null}
    </section>
  );
}
