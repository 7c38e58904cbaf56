import type { ImportOutput } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { post } from '../../../api/client.ts';
import { ProblemMessage } from '../../../components/problem-message.tsx';
import { useAction } from '../../../components/use-action.ts';
import { locale } from '../../../i18n/i18n.ts';
import { reviewPath } from './literature-api.ts';

/** Paste or choose a RIS/CSV export; records that could not be read and duplicates found are listed after. */
export function ImportPanel({ reviewId, onImported }: { reviewId: string; onImported: () => void }) {
  const [sourceName, setSourceName] = useState('PubMed');
  const [kind, setKind] = useState<'database' | 'register'>('database');
  const [format, setFormat] = useState<'ris' | 'csv'>('ris');
  const [text, setText] = useState('');
  const [result, setResult] = useState<ImportOutput>();
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    if (/\.csv$/i.test(file.name)) setFormat('csv');
    if (/\.(ris|txt|nbib)$/i.test(file.name)) setFormat('ris');
  };
  const upload = useAction(async () => {
    setResult(undefined);
    setResult(await post<ImportOutput>(reviewPath(reviewId, '/imports'), { format, sourceName, kind, text }));
    setText('');
    onImported();
  });
  const language = locale.value;
  return (
    <section>
      <form class="form card" onSubmit={upload.submit}>
        <h2>{t`Impor rujukan`}</h2>
        <div class="row">
          <label>
            {t`Sumber`}
            <input required maxLength={120} value={sourceName} onInput={(e) => setSourceName(e.currentTarget.value)} />
          </label>
          <label>
            {t`Jenis sumber`}
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value as 'database' | 'register')}>
              <option value="database">{t`Basis data`}</option>
              <option value="register">{t`Registri uji klinis`}</option>
            </select>
          </label>
          <label>
            {t`Format`}
            <select value={format} onChange={(e) => setFormat(e.currentTarget.value as 'ris' | 'csv')}>
              <option value="ris">RIS</option>
              <option value="csv">CSV</option>
            </select>
          </label>
        </div>
        <label>
          {t`Pilih berkas`}
          <input type="file" accept=".ris,.txt,.nbib,.csv" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
        </label>
        <label>
          {t`atau tempel isinya`}
          <textarea rows={8} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <p class="field-hint">{t`CSV: kolom title (wajib), authors, year, journal, doi, abstract, url, keywords.`}</p>
        <ProblemMessage error={upload.error} />
        <button class="button primary" type="submit" disabled={upload.busy || text.trim() === ''}>
          {t`Impor`}
        </button>
      </form>
      {result ? (
        <div class="card" role="status">
          <p>
            <strong>{t`${result.imported} rujukan diimpor dari ${result.source.name}.`}</strong>
          </p>
          {result.problems.length > 0 ? (
            <div class="notice notice-warn">
              <p>{t`${result.problems.length} catatan dilewati:`}</p>
              <ul>
                {result.problems.map((problem) => (
                  <li key={`${problem.recordNumber}-${problem.line}`}>
                    {t`Catatan ${problem.recordNumber} (baris ${problem.line})`}: {problem.message[language]}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {result.duplicates.length > 0 ? (
            <p>{t`${result.duplicates.length} kelompok duplikat ditemukan; duplikat tidak disaring.`}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
