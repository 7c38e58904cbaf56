import { LESSONS } from '@lancar/content/training';
import type { CompanionTrainingDetail, Me, SkillCheckView } from '@lancar/contracts';
import { DEFAULT_PASS_MARK } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useEffect, useRef, useState } from 'preact/hooks';
import { get } from '../../api/client.ts';
import { roleLabel } from '../../components/labels.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatPhone, locale } from '../../i18n/i18n.ts';
import { SkillCheckHistory, TestSheets } from './companion-history.tsx';
import { SkillCheckForm } from './skill-check-form.tsx';
import { StatusBadge } from './status-badge.tsx';
import './training.css';

/**
 * One companion's training for the midwife or cadre: where they are, their tests, and the skill check, which sits
 * right under the summary so it is at hand on a phone while watching the demonstration.
 */
export default function CompanionTrainingPage({ user, userId }: { user: Me; userId: string }) {
  const detail = useLoad(
    () => get<CompanionTrainingDetail>(`/api/training/companions/${userId}`),
    [userId, user.userId],
  );
  const [saved, setSaved] = useState<SkillCheckView>();
  // A competent companion needs no check today: the form opens on request (a repeat check, a refresher).
  const [checkAgain, setCheckAgain] = useState(false);
  const savedNotice = useRef<HTMLParagraphElement>(null);
  // The save button is at the bottom of a long form: bring the outcome into view where the status badge is.
  useEffect(() => {
    if (saved) savedNotice.current?.focus();
  }, [saved?.id]);
  const companion = detail.data;
  if (!companion) {
    return (
      <section>
        <BackLink />
        {detail.loading ? <p class="muted">{t`Memuat…`}</p> : <ProblemMessage error={detail.error} />}
      </section>
    );
  }
  const lessons = LESSONS.filter((l) => companion.lessonsDone.includes(l.id));
  const onSaved = (check: SkillCheckView) => {
    setSaved(check);
    setCheckAgain(false);
    detail.reload();
  };
  const competent = companion.status === 'competent' || saved?.passed === true;
  return (
    <section class="staff-training">
      <BackLink />
      <div class="title-row">
        <h1>{companion.displayName}</h1>
        <StatusBadge status={companion.status} />
      </div>
      {saved ? (
        <p
          ref={savedNotice}
          tabIndex={-1}
          class={`notice${saved.passed ? '' : ' notice-warn'}`}
          role="status"
          data-testid="skill-check-saved"
        >
          {saved.passed
            ? t`Tersimpan. ${companion.displayName} lulus uji keterampilan.`
            : t`Tersimpan. Belum lulus: latih lagi langkah yang belum benar, lalu ulangi uji keterampilan.`}
        </p>
      ) : null}
      <div class="card staff-summary">
        <p>
          {roleLabel(companion.role)} · {formatPhone(companion.phone)}
        </p>
        <p>
          {t`Tes awal`} <strong data-testid="pre-score">{companion.preScore ?? '–'}</strong> → {t`Tes akhir`}{' '}
          <strong data-testid="post-score">{companion.postScore ?? '–'}</strong>{' '}
          <span class="muted">{t`(batas lulus ${DEFAULT_PASS_MARK}, ditetapkan program)`}</span>
        </p>
        <p>
          {t`Materi selesai: ${lessons.length} dari ${LESSONS.length}`}
          {lessons.length > 0 ? (
            <span class="muted"> · {lessons.map((l) => l.title[locale.value]).join(', ')}</span>
          ) : null}
        </p>
        {companion.status !== 'passed_test' && companion.status !== 'competent' ? (
          <p class="muted staff-small">
            {t`Biasanya uji keterampilan dilakukan setelah lulus tes pengetahuan, tetapi bisa dicatat kapan saja.`}
          </p>
        ) : null}
      </div>
      {competent && !checkAgain ? (
        <p>
          <button type="button" class="button secondary" onClick={() => setCheckAgain(true)} data-testid="check-again">
            {t`Catat uji keterampilan lagi`}
          </button>
        </p>
      ) : (
        <SkillCheckForm userId={companion.userId} name={companion.displayName} onSaved={onSaved} />
      )}
      <TestSheets attempts={companion.attempts} />
      <SkillCheckHistory checks={companion.skillChecks} />
    </section>
  );
}

function BackLink() {
  return (
    <p>
      <a href="/pelatihan">{t`← Pelatihan`}</a>
    </p>
  );
}
