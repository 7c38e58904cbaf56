import type { Me } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import StaffPage from './staff-page.tsx';

export default function AdminHome({ user }: { user: Me }) {
  return (
    <section>
      <h1>{user.facility.name}</h1>
      <p class="muted">{t`Kelola akun staf fasilitas ini. Ibu dan pendamping didaftarkan oleh bidan.`}</p>
      <StaffPage user={user} />
    </section>
  );
}
