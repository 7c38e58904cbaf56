import type { FacilityReport, Me } from '@lancar/contracts';
import { barChartSvg, spreadChartSvg } from '@lancar/reports/charts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useLoad } from '../../components/use-load.ts';
import { locale } from '../../i18n/i18n.ts';
import { alertSignLabel } from '../midwife/alert-labels.ts';
import { Chart } from './chart.tsx';
import { type Dates, PeriodPicker, thisMonth } from './period-picker.tsx';
import { fixed, medianIqr, percent } from './report-format.ts';
import './reports.css';

/** The facility report for midwives and the facility admin: figures, small charts, PDF and CSV. */
export default function FacilityReportPage({ user }: { user: Me }) {
  const [dates, setDates] = useState<Dates>(thisMonth);
  const query = `from=${dates.from}&to=${dates.to}`;
  const report = useLoad(() => get<FacilityReport>(`/api/reports/facility?${query}`), [query]);
  const r = report.data;
  return (
    <section class="report-page">
      <h1>{t`Laporan fasilitas`}</h1>
      <p class="muted">{user.facility.name}</p>
      <PeriodPicker value={dates} onChange={setDates} />
      <div class="row">
        <a class="button secondary" href={`/api/reports/facility.pdf?${query}`} download data-testid="report-pdf">
          {t`Unduh PDF`}
        </a>
        <a class="button secondary" href={`/api/reports/facility.csv?${query}`} download data-testid="report-csv">
          {t`Unduh CSV`}
        </a>
      </div>
      <ProblemMessage error={report.error} />
      {report.loading && !r ? <p class="muted">{t`Memuat…`}</p> : null}
      {r ? <ReportBody r={r} /> : null}
    </section>
  );
}

/** A chart of days, or a line saying there is nothing to draw yet. */
function SpreadChart({ empty, label, svg }: { empty: boolean; label: string; svg: string }) {
  return empty ? <p class="muted">{t`Belum ada data.`}</p> : <Chart label={label} svg={svg} />;
}

function ReportBody({ r }: { r: FacilityReport }) {
  const lang = locale.value;
  const pct = (v: number | null) => (v === null ? '–' : `${fixed(v, 0, lang)}%`);
  return (
    <>
      <p class="muted report-small">
        {t`Ibu yang didaftarkan dalam periode ini diikuti sampai akhir protokolnya; peringatan dihitung menurut tanggal munculnya. Hari ke-1 = 24 jam pertama setelah persalinan.`}
      </p>
      <div class="report-tiles">
        <div class="card">
          <span class="muted">{t`Ibu terdaftar`}</span>
          <p class="big-number" data-testid="mothers-enrolled">
            {r.mothersEnrolled}
          </p>
        </div>
        <div class="card">
          <span class="muted">{t`Protokol selesai`}</span>
          <p class="big-number">{percent(r.protocol.share, lang)}</p>
          <span class="muted report-small">
            {r.protocol.completed} / {r.protocol.finished}
          </span>
        </div>
        <div class="card">
          <span class="muted">{t`Kepatuhan median`}</span>
          <p class="big-number">{pct(r.adherence.percent.median)}</p>
          <span class="muted report-small">n = {r.adherence.n}</span>
        </div>
        <div class="card">
          <span class="muted">{t`Peringatan selesai`}</span>
          <p class="big-number">
            {r.alerts.closed} / {r.alerts.raised}
          </p>
        </div>
      </div>

      <h2>{t`Kepatuhan pijat (sesi dilakukan / direncanakan)`}</h2>
      <Chart
        label={t`Kepatuhan pijat`}
        svg={barChartSvg({
          title: t`Kepatuhan pijat`,
          bars: [
            { label: '< 50%', value: r.adherence.below50 },
            { label: '50–79%', value: r.adherence.from50to79 },
            { label: '≥ 80%', value: r.adherence.atLeast80 },
          ],
          format: (v) => fixed(v, 0, lang),
          integer: true,
          width: 320,
          height: 140,
        })}
      />
      <p class="muted report-small">
        {t`Median (RAK), %`}: {medianIqr(r.adherence.percent, 0, lang)} · {t`Dengan rencana pijat`}:{' '}
        {r.protocol.withPlan}
      </p>

      <h2>{t`Ceklis kecukupan ASI: "cukup"`}</h2>
      <div class="table-scroll">
        <table class="table">
          <thead>
            <tr>
              <th>{t`Hari`}</th>
              <th>n</th>
              <th>{t`Cukup`}</th>
              <th>{t`Belum cukup`}</th>
              <th>{t`Belum lengkap`}</th>
              <th>%</th>
            </tr>
          </thead>
          <tbody>
            {r.adequacy.map((a) => (
              <tr key={a.day}>
                <td>{a.day}</td>
                <td>{a.n}</td>
                <td>{a.adequate}</td>
                <td>{a.notAdequate}</td>
                <td>{a.incomplete}</td>
                <td>{percent(a.share, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t`ASI perah per hari (mL)`}</h2>
      <SpreadChart
        empty={r.expressedMlByDay.every((d) => d.n === 0)}
        label={t`ASI perah per hari`}
        svg={spreadChartSvg({
          title: t`ASI perah per hari`,
          xLabel: t`Hari setelah lahir`,
          points: r.expressedMlByDay.map((d) => ({ x: d.day, median: d.median, q1: d.q1, q3: d.q3 })),
          format: (v) => fixed(v, 0, lang),
          width: 360,
          height: 170,
        })}
      />
      <p class="muted report-small">
        {t`Garis: median; pita: rentang antarkuartil (RAK). Hanya ibu yang mencatat ASI perah hari itu. Volume perah hari 1–3 memang kecil dan bukan ukuran produksi ASI.`}
      </p>

      <h2>{t`Perubahan berat bayi dari berat lahir (%)`}</h2>
      <SpreadChart
        empty={r.weightChangeByDay.every((d) => d.n === 0)}
        label={t`Perubahan berat bayi`}
        svg={spreadChartSvg({
          title: t`Perubahan berat bayi`,
          xLabel: t`Hari setelah lahir`,
          points: r.weightChangeByDay.map((d) => ({ x: d.day, median: d.median, q1: d.q1, q3: d.q3 })),
          format: (v) => fixed(v, 0, lang),
          reference: 0,
          colour: '#8a5a00',
          width: 360,
          height: 170,
        })}
      />
      <p class="muted report-small">{t`Berat terakhir pada hari itu, hanya bayi yang ditimbang. Garis putus-putus: berat lahir.`}</p>

      <h2>{t`Peringatan tanda bahaya`}</h2>
      {r.alerts.raised === 0 ? (
        <p class="muted">{t`Tidak ada peringatan dalam periode ini.`}</p>
      ) : (
        <div class="table-scroll">
          <table class="table report-alerts">
            <thead>
              <tr>
                <th>{t`Tanda`}</th>
                <th>{t`Muncul`}</th>
                <th>{t`Ditindaklanjuti`}</th>
                <th>{t`Selesai`}</th>
                <th>{t`Jam sampai tindakan (median)`}</th>
              </tr>
            </thead>
            <tbody>
              {r.alerts.bySign.map((s) => (
                <tr key={s.signId}>
                  <td>{alertSignLabel(s.signId)}</td>
                  <td>{s.raised}</td>
                  <td>{s.acted}</td>
                  <td>{s.closed}</td>
                  <td>{s.hoursToFirstAction.median === null ? '–' : fixed(s.hoursToFirstAction.median, 1, lang)}</td>
                </tr>
              ))}
              <tr class="total-row">
                <td>{t`Total`}</td>
                <td>{r.alerts.raised}</td>
                <td>{r.alerts.acted}</td>
                <td>{r.alerts.closed}</td>
                <td>
                  {r.alerts.hoursToFirstAction.median === null
                    ? '–'
                    : fixed(r.alerts.hoursToFirstAction.median, 1, lang)}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      )}

      <h2>{t`Pendamping`}</h2>
      <dl class="facts">
        <dt>{t`Pendamping ibu terdaftar`}</dt>
        <dd>{r.companions.linked}</dd>
        <dt>{t`Sudah tes akhir`}</dt>
        <dd>{r.companions.trained}</dd>
        <dt>{t`Kompeten (uji keterampilan lulus)`}</dt>
        <dd>{r.companions.competent}</dd>
      </dl>

      <h2>{t`ASI eksklusif di akhir pemantauan`}</h2>
      <p class="muted" data-testid="exclusive-not-recorded">
        {t`Tidak tercatat: catatan menyusu hanya berisi sisi dan lama menyusu, tanpa susu formula atau minuman lain, dan tidak ada pertanyaan tentang ASI eksklusif.`}
      </p>
    </>
  );
}
