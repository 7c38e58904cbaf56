import type { Me } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { CompanionsPanel } from './companions-panel.tsx';
import { ResultsPanel } from './results-panel.tsx';
import { SessionsPanel } from './sessions-panel.tsx';
import './training.css';

/** Training for midwives, cadres and facility admins: companions' progress, group sessions, the facility's results. */
export default function StaffTrainingHome({ user }: { user: Me }) {
  return (
    <section class="staff-training">
      <h1>{t`Pelatihan pendamping`}</h1>
      <CompanionsPanel />
      <SessionsPanel user={user} />
      <ResultsPanel url="/api/training/results" title={t`Hasil tes semua pendamping di fasilitas`} full={false} />
    </section>
  );
}
