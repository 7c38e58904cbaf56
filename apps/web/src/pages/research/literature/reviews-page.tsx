import type { ReviewOutput } from '@lancar/contracts';
import { newId } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { get, post } from '../../../api/client.ts';
import { ProblemMessage } from '../../../components/problem-message.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useLoad } from '../../../components/use-load.ts';
import { reviewPath } from './literature-api.ts';

/** /tinjauan: the facility's literature reviews, and a new one (optionally with the evidence file preloaded). */
export default function ReviewsPage() {
  const { route } = useLocation();
  const reviews = useLoad(() => get<{ reviews: ReviewOutput[] }>('/api/reviews'), []);
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [preload, setPreload] = useState(true);
  const create = useAction(async () => {
    const id = newId();
    await post<ReviewOutput>('/api/reviews', { id, title, question: question.trim() || null });
    if (preload) await post(reviewPath(id, '/preload'));
    route(`/tinjauan/${id}`);
  });
  return (
    <section>
      <h1>{t`Tinjauan pustaka`}</h1>
      <p class="muted">
        {t`Impor rujukan (RIS atau CSV), saring judul/abstrak dan teks lengkap oleh dua penelaah, isi tabel ekstraksi, lalu gabungkan hasilnya (meta-analisis) dengan diagram PRISMA 2020.`}
      </p>
      <ProblemMessage error={reviews.error} />
      {reviews.data && reviews.data.reviews.length === 0 ? <p>{t`Belum ada tinjauan.`}</p> : null}
      <ul class="plain-list">
        {reviews.data?.reviews.map((review) => (
          <li key={review.id}>
            <a href={`/tinjauan/${review.id}`}>{review.title}</a>
            {review.question ? <span class="muted"> · {review.question}</span> : null}
          </li>
        ))}
      </ul>
      <form class="form card" onSubmit={create.submit}>
        <h2>{t`Tinjauan baru`}</h2>
        <label>
          {t`Judul`}
          <input required maxLength={300} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label>
          {t`Pertanyaan penelitian (PICO)`}
          <textarea maxLength={2000} value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />
        </label>
        <label class="check">
          <input type="checkbox" checked={preload} onChange={(e) => setPreload(e.currentTarget.checked)} />
          {t`Muat studi dari berkas bukti Lancar (46 studi, ekstraksi sudah diisi; angka turunan ditandai)`}
        </label>
        <ProblemMessage error={create.error} />
        <button class="button primary" type="submit" disabled={create.busy} data-testid="create-review">
          {t`Buat tinjauan`}
        </button>
      </form>
    </section>
  );
}
