import type { ActivationCode, Me, StaffCreated, StaffMember } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get, patch, post } from '../../api/client.ts';
import { ActivationCard } from '../../components/activation-card.tsx';
import { accountStatusLabel, roleLabel } from '../../components/labels.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { useLoad } from '../../components/use-load.ts';
import { formatPhone } from '../../i18n/i18n.ts';

/** A facility's staff accounts (for its admin, or for a system admin looking at any facility). */
export default function StaffPage({ user, facilityId }: { user: Me; facilityId?: string | undefined }) {
  const query = facilityId ? `?facilityId=${facilityId}` : '';
  const staff = useLoad(() => get<{ staff: StaffMember[] }>(`/api/staff${query}`), [query]);
  const [card, setCard] = useState<{ activation: ActivationCode; name: string }>();
  const act = useAction(async (work: () => Promise<void>) => {
    await work();
    staff.reload();
  });

  return (
    <section>
      <h2>{t`Staf`}</h2>
      {card ? <ActivationCard activation={card.activation} name={card.name} /> : null}
      <ProblemMessage error={act.error ?? staff.error} />
      <div class="table-scroll">
        <table class="table cards-on-phone">
          <thead>
            <tr>
              <th>{t`Nama`}</th>
              <th>{t`Peran`}</th>
              <th>{t`Masuk dengan`}</th>
              <th>{t`Status`}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {staff.data?.staff.map((member) => (
              <tr key={member.id}>
                <td>{member.displayName}</td>
                <td data-label={t`Peran`}>{roleLabel(member.role)}</td>
                <td data-label={t`Masuk dengan`}>{member.username ?? formatPhone(member.phone)}</td>
                <td data-label={t`Status`}>{accountStatusLabel(member.status)}</td>
                <td class="actions">
                  {member.id !== user.userId ? (
                    <>
                      <button
                        type="button"
                        class="link-button"
                        onClick={() =>
                          act.run(async () =>
                            setCard({
                              activation: await post<ActivationCode>(`/api/users/${member.id}/activation-code${query}`),
                              name: member.displayName,
                            }),
                          )
                        }
                      >
                        {t`Kode aktivasi`}
                      </button>
                      {member.status !== 'pending' ? (
                        <button
                          type="button"
                          class="link-button"
                          onClick={() =>
                            act.run(async () => {
                              await patch(`/api/staff/${member.id}${query}`, {
                                status: member.status === 'active' ? 'disabled' : 'active',
                              });
                            })
                          }
                        >
                          {member.status === 'active' ? t`Nonaktifkan` : t`Aktifkan`}
                        </button>
                      ) : null}
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AddStaff
        facilityId={facilityId}
        onAdded={(created) => {
          setCard({ activation: created.activation, name: created.member.displayName });
          staff.reload();
        }}
      />
    </section>
  );
}

function AddStaff({
  facilityId,
  onAdded,
}: {
  facilityId?: string | undefined;
  onAdded: (created: StaffCreated) => void;
}) {
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState(facilityId ? 'facility_admin' : 'midwife');
  const { submit, error } = useAction(async () => {
    onAdded(
      await post<StaffCreated>('/api/staff', {
        displayName,
        username,
        role,
        ...(phone.trim() ? { phone } : {}),
        ...(facilityId ? { facilityId } : {}),
      }),
    );
    setDisplayName('');
    setUsername('');
    setPhone('');
  });
  return (
    <form class="form card" onSubmit={submit}>
      <h3>{t`Tambah staf`}</h3>
      <label>
        {t`Nama`}
        <input name="staffName" required value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
      </label>
      <label>
        {t`Nama pengguna`}
        <input
          name="staffUsername"
          required
          placeholder="bidan.nama"
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
        />
      </label>
      <label>
        {t`Nomor HP (boleh kosong)`}
        <input name="staffPhone" type="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
      </label>
      <label>
        {t`Peran`}
        <select name="staffRole" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
          <option value="midwife">{t`Bidan/perawat`}</option>
          <option value="cadre">{t`Kader`}</option>
          <option value="facility_admin">{t`Admin fasilitas`}</option>
          <option value="researcher">{t`Peneliti`}</option>
        </select>
      </label>
      <ProblemMessage error={error} />
      <button class="button primary" type="submit">
        {t`Tambah dan buat kode aktivasi`}
      </button>
    </form>
  );
}
