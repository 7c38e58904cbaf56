import type { AlertSummary } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { get } from '../../api/client.ts';
import { useLoad } from '../../components/use-load.ts';
import './alerts.css';

/** The midwife's daily digest on her home: one card instead of a flood of alerts. */
export function AlertSummaryCard({ linkToTasks = true }: { linkToTasks?: boolean }) {
  const summary = useLoad(() => get<AlertSummary>('/api/alerts/summary'), []);
  const s = summary.data;
  if (!s) return null;
  const open = s.openImmediate + s.openSoon;
  return (
    <section class="card summary-card" data-testid="alert-summary">
      <div class="title-row">
        <h2>{t`Ringkasan hari ini`}</h2>
        {linkToTasks ? <a href="/tugas">{t`Lihat tugas`}</a> : null}
      </div>
      <dl class="summary-grid">
        <div>
          <dt>{t`Baru hari ini`}</dt>
          <dd class="big-number">{s.newToday}</dd>
        </div>
        <div>
          <dt>{t`Terbuka: segera`}</dt>
          <dd class={`big-number${s.openImmediate > 0 ? ' summary-urgent' : ''}`}>{s.openImmediate}</dd>
        </div>
        <div>
          <dt>{t`Terbuka: sesegera mungkin`}</dt>
          <dd class="big-number">{s.openSoon}</dd>
        </div>
        <div>
          <dt>{t`Terbuka lebih dari 24 jam`}</dt>
          <dd class={`big-number${s.openOver24h > 0 ? ' summary-urgent' : ''}`}>{s.openOver24h}</dd>
        </div>
      </dl>
      {open === 0 ? <p class="muted">{t`Tidak ada tugas terbuka.`}</p> : null}
    </section>
  );
}
