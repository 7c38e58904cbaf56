import type { DistrictReport, DistrictRow, Facility } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useLoad } from '../../components/use-load.ts';
import { locale } from '../../i18n/i18n.ts';
import { type Dates, PeriodPicker, thisMonth } from './period-picker.tsx';
import { cell, percent } from './report-format.ts';
import './reports.css';

/** The district view for the system administrator: one row per facility and the total, no identities. */
export default function DistrictReportPage() {
  const facilities = useLoad(() => get<{ facilities: Facility[] }>('/api/facilities'), []);
  const districts = [...new Set((facilities.data?.facilities ?? []).map((f) => f.district))].sort((a, b) =>
    a.localeCompare(b, 'id'),
  );
  const [district, setDistrict] = useState<string>();
  const [dates, setDates] = useState<Dates>(thisMonth);
  const chosen = district ?? districts[0];
  return (
    <section class="report-page">
      <h1>{t`Laporan kabupaten/kota`}</h1>
      <ProblemMessage error={facilities.error} />
      <label class="form">
        {t`Kabupaten/kota`}
        <select name="district" value={chosen ?? ''} onChange={(e) => setDistrict(e.currentTarget.value)}>
          {districts.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <PeriodPicker value={dates} onChange={setDates} />
      {chosen ? <DistrictTable district={chosen} dates={dates} /> : null}
    </section>
  );
}

function DistrictTable({ district, dates }: { district: string; dates: Dates }) {
  const query = `district=${encodeURIComponent(district)}&from=${dates.from}&to=${dates.to}`;
  const report = useLoad(() => get<DistrictReport>(`/api/reports/district?${query}`), [query]);
  const lang = locale.value;
  const r = report.data;
  const row = (d: DistrictRow, total = false) => (
    <tr key={d.facilityId ?? 'total'} class={total ? 'total-row' : ''}>
      <th scope="row">{total ? t`Total` : d.facilityName}</th>
      <td>{cell(d.mothersEnrolled, lang)}</td>
      <td>{percent(d.protocolCompletedShare, lang)}</td>
      <td>
        {typeof d.adherenceMedian === 'number' ? `${cell(d.adherenceMedian, lang)}%` : cell(d.adherenceMedian, lang)}
      </td>
      <td>{percent(d.adequateDay3, lang)}</td>
      <td>{percent(d.adequateDay7, lang)}</td>
      <td>{percent(d.adequateDay14, lang)}</td>
      <td>{cell(d.alertsRaised, lang)}</td>
      <td>{cell(d.alertsClosed, lang)}</td>
      <td>{cell(d.medianHoursToFirstAction, lang, 1)}</td>
      <td>{cell(d.companionsTrained, lang)}</td>
      <td>{cell(d.companionsCompetent, lang)}</td>
    </tr>
  );
  return (
    <>
      <div class="row">
        <a class="button secondary" href={`/api/reports/district.csv?${query}`} download data-testid="district-csv">
          {t`Unduh CSV`}
        </a>
      </div>
      <p class="notice" data-testid="suppression-note">
        {t`Sel kecil disembunyikan: jumlah 1–4, atau persentase dan median dari 1–4 orang, ditulis "<5" agar tidak ada orang yang dapat dikenali. Laporan ini tidak memuat identitas.`}
      </p>
      <ProblemMessage error={report.error} />
      {report.loading && !r ? <p class="muted">{t`Memuat…`}</p> : null}
      {r ? (
        <div class="table-scroll">
          <table class="table report-district">
            <thead>
              <tr>
                <th>{t`Fasilitas`}</th>
                <th>{t`Ibu terdaftar`}</th>
                <th>{t`Protokol selesai`}</th>
                <th>{t`Kepatuhan median`}</th>
                <th>{t`Cukup hari 3`}</th>
                <th>{t`Cukup hari 7`}</th>
                <th>{t`Cukup hari 14`}</th>
                <th>{t`Peringatan`}</th>
                <th>{t`Selesai`}</th>
                <th>{t`Jam sampai tindakan`}</th>
                <th>{t`Pendamping tes akhir`}</th>
                <th>{t`Pendamping kompeten`}</th>
              </tr>
            </thead>
            <tbody>
              {r.facilities.map((d) => row(d))}
              {row(r.total, true)}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
