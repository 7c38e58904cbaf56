import type { Facility, Me } from '@lancar/contracts';
import { newId } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get, post } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { useLoad } from '../../components/use-load.ts';
import { formatPhone } from '../../i18n/i18n.ts';
import StaffPage from '../admin/staff-page.tsx';

/** For the system administrator: every facility, registering a new one, and its first admin account. */
export default function SystemHome({ user }: { user: Me }) {
  const facilities = useLoad(() => get<{ facilities: Facility[] }>('/api/facilities'), []);
  const [selected, setSelected] = useState<string>();
  return (
    <section>
      <h1>{t`Fasilitas`}</h1>
      <p class="muted">{t`Pilih fasilitas untuk melihat stafnya dan membuat akun admin fasilitas.`}</p>
      <ProblemMessage error={facilities.error} />
      <ul class="case-list">
        {facilities.data?.facilities.map((f) => (
          <li key={f.id}>
            <button
              type="button"
              class={`case ${selected === f.id ? 'selected' : ''}`}
              onClick={() => setSelected(f.id)}
            >
              <span class="case-name">{f.name}</span>
              <span class="muted">
                {f.district}, {f.province} · {formatPhone(f.phone)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {selected ? <StaffPage user={user} facilityId={selected} /> : null}
      <AddFacility onAdded={facilities.reload} />
    </section>
  );
}

function AddFacility({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState('puskesmas');
  const [district, setDistrict] = useState('');
  const [province, setProvince] = useState('');
  const [phone, setPhone] = useState('');
  const { submit, error } = useAction(async () => {
    await post('/api/facilities', { id: newId(), name, kind, district, province, ...(phone.trim() ? { phone } : {}) });
    setName('');
    onAdded();
  });
  return (
    <form class="form card" onSubmit={submit}>
      <h3>{t`Daftarkan fasilitas`}</h3>
      <label>
        {t`Nama`}
        <input name="facilityName" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t`Jenis`}
        <select name="facilityKind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
          <option value="puskesmas">Puskesmas</option>
          <option value="hospital">{t`Rumah sakit`}</option>
          <option value="clinic">{t`Klinik`}</option>
          <option value="other">{t`Lainnya`}</option>
        </select>
      </label>
      <label>
        {t`Kabupaten/kota`}
        <input name="district" required value={district} onInput={(e) => setDistrict(e.currentTarget.value)} />
      </label>
      <label>
        {t`Provinsi`}
        <input name="province" required value={province} onInput={(e) => setProvince(e.currentTarget.value)} />
      </label>
      <label>
        {t`Nomor telepon untuk keluarga`}
        <input name="facilityPhone" type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
      </label>
      <ProblemMessage error={error} />
      <button class="button primary" type="submit">
        {t`Daftarkan fasilitas`}
      </button>
    </form>
  );
}
