import type { ResearchRecord } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { get } from '../../api/client.ts';
import { deliveryModeLabel, parityLabel } from '../../components/labels.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatNumber } from '../../i18n/i18n.ts';

/** The researcher's view: pseudonymised records of mothers who consented, never names or exact dates. */
export default function ResearchHome() {
  const records = useLoad(() => get<{ records: ResearchRecord[] }>('/api/research/records'), []);
  return (
    <section>
      <h1>{t`Data penelitian`}</h1>
      <p class="muted">
        {t`Hanya ibu yang setuju datanya dipakai untuk penelitian. Tanpa nama, NIK, nomor HP, alamat, atau tanggal lengkap; setiap ibu diberi kode.`}
      </p>
      <ProblemMessage error={records.error} />
      {records.data ? <p>{t`${records.data.records.length} ibu`}</p> : null}
      <div class="table-scroll">
        <table class="table">
          <thead>
            <tr>
              <th>{t`Kode`}</th>
              <th>{t`Usia ibu`}</th>
              <th>{t`Persalinan`}</th>
              <th>{t`Paritas`}</th>
              <th>{t`Usia kehamilan`}</th>
              <th>{t`Hari nifas`}</th>
              <th>{t`Berat lahir (g)`}</th>
            </tr>
          </thead>
          <tbody>
            {records.data?.records.map((r) => (
              <tr key={r.pseudonym}>
                <td>
                  <code>{r.pseudonym}</code>
                </td>
                <td>{r.ageYears ?? '–'}</td>
                <td>{deliveryModeLabel(r.deliveryMode)}</td>
                <td>{parityLabel(r.parity)}</td>
                <td>{r.gestationalAgeWeeks ?? '–'}</td>
                <td>{r.dayPostpartum ?? '–'}</td>
                <td>{r.birthWeightsG.map(formatNumber).join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
