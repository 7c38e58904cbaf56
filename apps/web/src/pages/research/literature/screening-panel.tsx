import type { ReferenceOutput } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { get, post } from '../../../api/client.ts';
import { ProblemMessage } from '../../../components/problem-message.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useLoad } from '../../../components/use-load.ts';
import { me } from '../../../session.ts';
import { choiceLabel, statusLabel } from './labels.ts';
import { reviewPath } from './literature-api.ts';

type Stage = 'title_abstract' | 'full_text';
type Filter = 'all' | 'mine' | 'conflict';

/** Two reviewers decide independently; a conflict (disagreement or "maybe") is settled by a resolution. */
export function ScreeningPanel({ reviewId, onChanged }: { reviewId: string; onChanged: () => void }) {
  const [stage, setStage] = useState<Stage>('title_abstract');
  const [filter, setFilter] = useState<Filter>('mine');
  const list = useLoad(
    () => get<{ references: ReferenceOutput[] }>(reviewPath(reviewId, `/references?stage=${stage}`)),
    [reviewId, stage],
  );
  const userId = me.value?.userId;
  const shown = (list.data?.references ?? []).filter((reference) => {
    if (filter === 'conflict') return reference.status === 'conflict';
    if (filter === 'mine') {
      return reference.status !== 'duplicate' && !reference.decisions.some((d) => d.reviewerId === userId);
    }
    return true;
  });
  const changed = () => {
    list.reload();
    onChanged();
  };
  return (
    <section>
      <div class="row no-print">
        <label>
          {t`Tahap`}
          <select value={stage} onChange={(e) => setStage(e.currentTarget.value as Stage)}>
            <option value="title_abstract">{t`Judul dan abstrak`}</option>
            <option value="full_text">{t`Teks lengkap`}</option>
          </select>
        </label>
        <label>
          {t`Tampilkan`}
          <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as Filter)}>
            <option value="mine">{t`Belum saya putuskan`}</option>
            <option value="conflict">{t`Konflik`}</option>
            <option value="all">{t`Semua`}</option>
          </select>
        </label>
      </div>
      <ProblemMessage error={list.error} />
      {list.data ? <p class="muted">{t`${shown.length} dari ${list.data.references.length} rujukan`}</p> : null}
      {/* Cards, not a .plain-list: its item padding and rules would override the card's. */}
      <div>
        {shown.map((reference) => (
          <ReferenceCard
            key={reference.id}
            reviewId={reviewId}
            stage={stage}
            reference={reference}
            onChanged={changed}
          />
        ))}
      </div>
    </section>
  );
}

function ReferenceCard({
  reviewId,
  stage,
  reference,
  onChanged,
}: {
  reviewId: string;
  stage: Stage;
  reference: ReferenceOutput;
  onChanged: () => void;
}) {
  const [reason, setReason] = useState('');
  const decide = useAction(async (decision: 'include' | 'exclude' | 'maybe') => {
    await post(reviewPath(reviewId, `/references/${reference.id}/decisions`), {
      stage,
      decision,
      reason: reason.trim() || null,
    });
    onChanged();
  });
  const resolve = useAction(async (decision: 'include' | 'exclude') => {
    await post(reviewPath(reviewId, `/references/${reference.id}/resolutions`), {
      stage,
      decision,
      reason: reason.trim() || null,
    });
    onChanged();
  });
  const conflict = reference.status === 'conflict';
  const canResolve = conflict || reference.status.startsWith('agreed') || reference.status.startsWith('resolved');
  return (
    <article class={conflict ? 'card notice-warn' : 'card'} data-testid="reference">
      <div class="title-row">
        <strong>{reference.title}</strong>
        <span class="badge">{statusLabel(reference.status)}</span>
      </div>
      <p class="muted">
        {[reference.authors.join('; '), reference.year, reference.journal, reference.doi].filter(Boolean).join(' · ')}
      </p>
      {reference.abstract ? (
        <details>
          <summary>{t`Abstrak`}</summary>
          <p style={{ whiteSpace: 'pre-line' }}>{reference.abstract}</p>
        </details>
      ) : null}
      {reference.duplicateOf ? <p class="muted">{t`Duplikat dari rujukan lain; tidak disaring.`}</p> : null}
      {reference.decisions.length > 0 ? (
        <ul>
          {reference.decisions.map((decision) => (
            <li key={decision.reviewerId}>
              {decision.reviewerName ?? decision.reviewerId}: {choiceLabel(decision.decision)}
              {decision.reason ? ` (${decision.reason})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {reference.resolution ? (
        <p>
          {t`Resolusi`}: {choiceLabel(reference.resolution.decision)}
          {reference.resolution.reason ? ` (${reference.resolution.reason})` : ''}
        </p>
      ) : null}
      {reference.exclusionReason ? <p>{t`Alasan dikeluarkan: ${reference.exclusionReason}`}</p> : null}
      {reference.duplicateOf ? null : (
        <div class="stack no-print">
          <label>
            {stage === 'full_text' ? t`Alasan (wajib bila dikeluarkan)` : t`Alasan (boleh kosong)`}
            <input maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <div class="row">
            {(['include', 'exclude', 'maybe'] as const).map((choice) => (
              <button
                key={choice}
                type="button"
                class="button"
                disabled={decide.busy}
                onClick={() => void decide.run(choice)}
              >
                {choiceLabel(choice)}
              </button>
            ))}
          </div>
          {canResolve ? (
            <div class="row">
              <span>{t`Resolusi:`}</span>
              <button type="button" class="button" disabled={resolve.busy} onClick={() => void resolve.run('include')}>
                {t`Sertakan akhirnya`}
              </button>
              <button type="button" class="button" disabled={resolve.busy} onClick={() => void resolve.run('exclude')}>
                {t`Keluarkan akhirnya`}
              </button>
            </div>
          ) : null}
          <ProblemMessage error={decide.error ?? resolve.error} />
        </div>
      )}
    </article>
  );
}
