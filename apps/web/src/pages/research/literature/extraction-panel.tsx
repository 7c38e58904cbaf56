import type { ExtractionData, ExtractionResultInput, ReferenceOutput } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useEffect, useState } from 'preact/hooks';
import { get } from '../../../api/client.ts';
import { ProblemMessage } from '../../../components/problem-message.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useLoad } from '../../../components/use-load.ts';
import {
  CO_INTERVENTIONS,
  type CoIntervention,
  DESIGNS,
  type Design,
  designLabel,
  PROVIDERS,
  providerLabel,
} from './labels.ts';
import { put, reviewPath } from './literature-api.ts';

const ARM_FIELDS = ['n1', 'mean1', 'sd1', 'events1', 'n2', 'mean2', 'sd2', 'events2'] as const;
type ArmField = (typeof ARM_FIELDS)[number];

const COLUMN_LABELS: Record<'n' | 'mean' | 'sd' | 'events', () => string> = {
  n: () => 'n',
  mean: () => t`Rerata`,
  sd: () => 'SD',
  events: () => t`Kejadian`,
};

const EMPTY: ExtractionData = { design: 'not-reported', whoMassaged: [], results: [], notes: null };

function newResult(): ExtractionResultInput {
  return {
    outcome: 'milk-volume',
    timePoint: null,
    measure: 'SMD',
    combination: 'alone',
    coInterventions: [],
    comparator: null,
    n1: null,
    mean1: null,
    sd1: null,
    events1: null,
    n2: null,
    mean2: null,
    sd2: null,
    events2: null,
    derivedFields: [],
    derivedNotes: null,
    note: null,
  };
}

/** The extraction form of one reference; saving keeps the earlier version (a correction supersedes it). */
export function ExtractionPanel({ reviewId, onChanged }: { reviewId: string; onChanged: () => void }) {
  const list = useLoad(
    () => get<{ references: ReferenceOutput[] }>(reviewPath(reviewId, '/references?stage=title_abstract')),
    [reviewId],
  );
  const candidates = (list.data?.references ?? []).filter((reference) => reference.duplicateOf === null);
  const [selected, setSelected] = useState<string>('');
  const reference = candidates.find((item) => item.id === selected);
  return (
    <section>
      <ProblemMessage error={list.error} />
      <label class="no-print">
        {t`Rujukan`}
        <select value={selected} onChange={(e) => setSelected(e.currentTarget.value)}>
          <option value="">{t`Pilih rujukan…`}</option>
          {candidates.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title.slice(0, 100)} {item.year ? `(${item.year})` : ''}
            </option>
          ))}
        </select>
      </label>
      {reference ? (
        <ExtractionForm
          key={reference.id}
          reviewId={reviewId}
          reference={reference}
          onSaved={() => {
            list.reload();
            // The review's header counts the extracted references.
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}

function ExtractionForm({
  reviewId,
  reference,
  onSaved,
}: {
  reviewId: string;
  reference: ReferenceOutput;
  onSaved: () => void;
}) {
  const [data, setData] = useState<ExtractionData>(reference.extraction?.data ?? EMPTY);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [data]);
  const save = useAction(async () => {
    await put(reviewPath(reviewId, `/references/${reference.id}/extraction`), { data });
    setSaved(true);
    onSaved();
  });
  const setResult = (index: number, change: Partial<ExtractionResultInput>) =>
    setData({ ...data, results: data.results.map((r, i) => (i === index ? { ...r, ...change } : r)) });
  const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
  return (
    <form class="form card" onSubmit={save.submit}>
      <h2>{reference.title}</h2>
      <label>
        {t`Desain`}
        <select value={data.design} onChange={(e) => setData({ ...data, design: e.currentTarget.value as Design })}>
          {DESIGNS.map((design) => (
            <option key={design} value={design}>
              {designLabel(design)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t`Yang memijat`}</legend>
        <div class="row">
          {PROVIDERS.map((provider) => (
            <label key={provider} class="check">
              <input
                type="checkbox"
                checked={data.whoMassaged.includes(provider)}
                onChange={(e) =>
                  setData({ ...data, whoMassaged: toggle(data.whoMassaged, provider, e.currentTarget.checked) })
                }
              />
              {providerLabel(provider)}
            </label>
          ))}
        </div>
      </fieldset>
      {data.results.map((result, index) => (
        // min-width 0: a fieldset is otherwise as wide as its table, wider than a phone.
        <fieldset key={index} class="card" style={{ minWidth: 0 }}>
          <legend>{t`Luaran ${index + 1}`}</legend>
          <div class="row">
            <label>
              {t`Luaran (kode)`}
              <input value={result.outcome} onInput={(e) => setResult(index, { outcome: e.currentTarget.value })} />
            </label>
            <label>
              {t`Waktu pengukuran`}
              <input
                value={result.timePoint ?? ''}
                onInput={(e) => setResult(index, { timePoint: e.currentTarget.value || null })}
              />
            </label>
            <label>
              {t`Ukuran efek`}
              <select
                value={result.measure}
                onChange={(e) =>
                  setResult(index, { measure: e.currentTarget.value as ExtractionResultInput['measure'] })
                }
              >
                {(['MD', 'SMD', 'RR', 'OR'] as const).map((measure) => (
                  <option key={measure} value={measure}>
                    {measure}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t`Pijat oksitosin`}
              <select
                value={result.combination}
                onChange={(e) => setResult(index, { combination: e.currentTarget.value as 'alone' | 'combined' })}
              >
                <option value="alone">{designLabel('alone')}</option>
                <option value="combined">{designLabel('combined')}</option>
              </select>
            </label>
          </div>
          <fieldset>
            <legend>{t`Intervensi lain di kelompok pijat`}</legend>
            <div class="row">
              {CO_INTERVENTIONS.map((item) => (
                <label key={item} class="check">
                  <input
                    type="checkbox"
                    checked={result.coInterventions.includes(item)}
                    onChange={(e) =>
                      setResult(index, {
                        coInterventions: toggle<CoIntervention>(result.coInterventions, item, e.currentTarget.checked),
                      })
                    }
                  />
                  {item}
                </label>
              ))}
            </div>
          </fieldset>
          <label>
            {t`Pembanding`}
            <input
              value={result.comparator ?? ''}
              onInput={(e) => setResult(index, { comparator: e.currentTarget.value || null })}
            />
          </label>
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr>
                  <th />
                  <th>n</th>
                  <th>{t`Rerata`}</th>
                  <th>SD</th>
                  <th>{t`Kejadian`}</th>
                </tr>
              </thead>
              <tbody>
                {([1, 2] as const).map((arm) => (
                  <tr key={arm}>
                    <th>{arm === 1 ? t`Kelompok pijat` : t`Pembanding`}</th>
                    {(['n', 'mean', 'sd', 'events'] as const).map((name) => {
                      const field = `${name}${arm}` as ArmField;
                      const derived = result.derivedFields.includes(field);
                      // The inputs sit in a table: each named by its row and column for screen readers.
                      const cellName = `${arm === 1 ? t`Kelompok pijat` : t`Pembanding`} – ${COLUMN_LABELS[name]()}`;
                      return (
                        <td key={field}>
                          <input
                            type="number"
                            step="any"
                            aria-label={cellName}
                            value={result[field] ?? ''}
                            onInput={(e) => {
                              const value = e.currentTarget.value;
                              setResult(index, { [field]: value === '' ? null : Number(value) });
                            }}
                          />
                          <label class="check">
                            <input
                              type="checkbox"
                              aria-label={`${cellName}: ${t`turunan`}`}
                              checked={derived}
                              onChange={(e) =>
                                setResult(index, {
                                  derivedFields: toggle(result.derivedFields, field, e.currentTarget.checked),
                                })
                              }
                            />
                            {t`turunan`}
                          </label>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <label>
            {t`Cara memperoleh angka turunan`}
            <textarea
              value={result.derivedNotes ?? ''}
              onInput={(e) => setResult(index, { derivedNotes: e.currentTarget.value || null })}
            />
          </label>
          {result.note ? <p class="muted">{t`Dilaporkan: ${result.note}`}</p> : null}
          <button
            type="button"
            class="link-button"
            onClick={() => setData({ ...data, results: data.results.filter((_, i) => i !== index) })}
          >
            {t`Hapus luaran ini`}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        class="button"
        onClick={() => setData({ ...data, results: [...data.results, newResult()] })}
      >
        {t`Tambah luaran`}
      </button>
      <label>
        {t`Catatan`}
        <textarea
          value={data.notes ?? ''}
          onInput={(e) => setData({ ...data, notes: e.currentTarget.value || null })}
        />
      </label>
      <ProblemMessage error={save.error} />
      {saved ? <p role="status">{t`Tersimpan. Versi sebelumnya tetap tercatat.`}</p> : null}
      <button class="button primary" type="submit" disabled={save.busy}>
        {t`Simpan ekstraksi`}
      </button>
    </form>
  );
}
