import type { Me } from '@lancar/contracts';
import { currentEntries, type HouseholdEntry, isKind } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { formatDateTime, formatNumber } from '../i18n/i18n.ts';
import { entries } from '../offline/household-store.ts';
import { saveEntry } from '../offline/save-entry.ts';
import { currentMother } from './current-mother.ts';
import { domainEntries } from './household-view.ts';

function describe(entry: HouseholdEntry): string {
  if (isKind(entry, 'feed')) {
    const side = entry.data.side === 'left' ? t`kiri` : entry.data.side === 'right' ? t`kanan` : t`kedua payudara`;
    return t`Menyusui ${entry.data.durationMinutes} menit, ${side}`;
  }
  if (isKind(entry, 'nappy'))
    return entry.data.wet && entry.data.dirty
      ? t`Popok basah dan kotor`
      : entry.data.wet
        ? t`Popok basah`
        : t`Popok kotor`;
  if (isKind(entry, 'expression')) return t`ASI perah ${formatNumber(entry.data.leftMl + entry.data.rightMl)} ml`;
  if (isKind(entry, 'weight')) return t`Berat ${formatNumber(entry.data.grams)} g`;
  if (isKind(entry, 'massage_session'))
    return entry.data.outcome === 'stopped_safety' ? t`Pijat dihentikan (cek keamanan)` : t`Sesi pijat`;
  if (isKind(entry, 'mother_state')) return t`Kondisi ibu`;
  if (isKind(entry, 'adequacy_check')) return t`Ceklis ASI cukup, hari ke-${entry.data.dayOfLife}`;
  if (isKind(entry, 'danger_report')) return t`Laporan tanda bahaya`;
  return entry.kind;
}

/**
 * What this household logged, newest first. A wrong entry is removed by adding a removal that points at it (records
 * are never erased); a corrected one is then logged again.
 */
export default function HistoryPage({ user }: { user: Me }) {
  const mother = currentMother.value;
  if (!mother) return <p class="muted">{t`Memuat…`}</p>;
  const list = currentEntries(domainEntries(entries.value, mother.id)).reverse();
  const remove = async (entry: HouseholdEntry) => {
    if (!window.confirm(t`Hapus catatan ini? "${describe(entry)}"`)) return;
    await saveEntry(user.userId, {
      kind: 'void',
      motherId: mother.id,
      babyId: null,
      occurredAt: new Date(),
      supersedes: entry.id,
      data: { reason: 'removed by the person who logged it' },
    });
  };
  return (
    <section>
      <p>
        <a href="/">{t`← Beranda`}</a>
      </p>
      <h1>{t`Riwayat catatan`}</h1>
      {list.length === 0 ? <p class="card muted">{t`Belum ada catatan.`}</p> : null}
      <ul class="plain-list card" data-testid="history">
        {list.map((entry) => (
          <li key={entry.id} class="history-item">
            <span>
              <strong>{describe(entry)}</strong>
              <br />
              <span class="muted">{formatDateTime(entry.occurredAt)}</span>
            </span>
            <button
              type="button"
              class="link-button"
              onClick={() => remove(entry)}
              data-testid={`remove-${entry.kind}`}
            >
              {t`Hapus`}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
