import type { Me } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';

type TableName = 'mothers' | 'babies' | 'entries' | 'alerts' | 'alert_actions' | 'visits' | 'training';

const TABLES: TableName[] = ['mothers', 'babies', 'entries', 'alerts', 'alert_actions', 'visits', 'training'];

function tableLabel(name: TableName): string {
  switch (name) {
    case 'mothers':
      return t`Ibu: satu baris per ibu (persalinan, paritas, protokol)`;
    case 'babies':
      return t`Bayi: jenis kelamin dan berat lahir`;
    case 'entries':
      return t`Catatan keluarga: satu baris per catatan (pijat, menyusui, popok, ASI perah, berat, kondisi ibu, ceklis, tanda bahaya)`;
    case 'alerts':
      return t`Peringatan tanda bahaya dan waktu sampai ditindaklanjuti`;
    case 'alert_actions':
      return t`Tindakan bidan atas peringatan`;
    case 'visits':
      return t`Kunjungan nifas (KF1-KF4)`;
    case 'training':
      return t`Pelatihan pendamping: pelajaran, tes awal dan akhir, uji keterampilan`;
  }
}

/** The query string of a period; empty dates mean "from the first" / "to the last". */
function periodQuery(from: string, to: string): string {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Downloads of the facility's dataset (XLSX with all tables and the codebook, or one CSV per table), for a period
 * of deliveries. What a role gets is decided by the server; this page says it plainly before anyone downloads.
 */
export default function ExportsPage({ user }: { user: Me }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const identified = user.role === 'midwife' || user.role === 'facility_admin';
  const reversed = from !== '' && to !== '' && to < from;
  const query = periodQuery(from, to);
  return (
    <section>
      <h1>{t`Ekspor data`}</h1>
      <p class="muted">{t`Data fasilitas ${user.facility.name} untuk diolah di Excel, SPSS, atau R. Setiap unduhan dicatat di log akses.`}</p>
      <div class={identified ? 'notice notice-warn' : 'notice'} role="note" data-testid="export-audience">
        {identified ? (
          <>
            <strong>{t`Anda mendapat data dengan identitas.`}</strong>
            <p>
              {t`Sebagai bidan atau admin fasilitas, file berisi nama, NIK, nomor HP, desa, alamat, tanggal lahir, waktu lengkap, dan catatan bebas. Simpan file ini seaman rekam medis dan jangan dikirim lewat grup percakapan.`}
            </p>
          </>
        ) : (
          <>
            <strong>{t`Anda mendapat data tanpa identitas (pseudonim).`}</strong>
            <p>
              {t`Hanya ibu yang setuju datanya dipakai untuk penelitian. Tanpa nama, NIK, nomor HP, desa, alamat, atau catatan bebas; setiap ibu diberi kode (pseudonim), usia dalam tahun menggantikan tanggal lahir, bulan persalinan menggantikan tanggalnya, dan waktu ditulis sebagai hari dan jam sejak persalinan.`}
            </p>
          </>
        )}
      </div>
      <form class="form card" onSubmit={(e) => e.preventDefault()}>
        <fieldset class="stack">
          <legend>{t`Periode persalinan`}</legend>
          <div class="row">
            <label>
              {t`Dari tanggal`}
              <input name="from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
            </label>
            <label>
              {t`Sampai tanggal`}
              <input name="to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
            </label>
          </div>
          <p class="muted">{t`Kosongkan untuk semua ibu. Tanggal persalinan menurut WIB, kedua tanggal termasuk.`}</p>
          {reversed ? (
            <p class="notice notice-error" role="alert">
              {t`Tanggal akhir sebelum tanggal awal.`}
            </p>
          ) : null}
        </fieldset>
      </form>
      {reversed ? null : (
        <>
          <section class="card">
            <h2>{t`Semua tabel dalam satu file`}</h2>
            <p>
              <a class="button primary" href={`/api/exports/dataset.xlsx${query}`} download data-testid="download-xlsx">
                {t`Unduh XLSX (Excel)`}
              </a>
            </p>
            <p class="muted">{t`Lembar pertama adalah buku kode: setiap kolom dengan artinya, jenis, satuan, dan nilai yang mungkin.`}</p>
          </section>
          <section class="card">
            <h2>{t`Satu tabel per file (CSV)`}</h2>
            <ul class="plain-list">
              {TABLES.map((name) => (
                <li key={name}>
                  <a href={`/api/exports/dataset/${name}.csv${query}`} download>
                    {name}.csv
                  </a>
                  <span class="muted"> · {tableLabel(name)}</span>
                </li>
              ))}
              <li>
                <a href="/api/exports/dataset/codebook.csv" download>
                  codebook.csv
                </a>
                <span class="muted"> · {t`Buku kode: arti setiap kolom (Indonesia dan Inggris)`}</span>
              </li>
            </ul>
            <p class="muted">{t`Tabel saling terhubung lewat kolom pseudonym (kode ibu).`}</p>
          </section>
        </>
      )}
    </section>
  );
}
