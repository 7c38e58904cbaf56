import type { Source } from '@lancar/content';
import { t } from '@lingui/core/macro';

/**
 * The lesson's sources, folded away: there for a cadre or midwife who asks "where does this come from?", out of the
 * way of a husband reading on a small screen. References are quoted as the evidence file names them (English).
 */
export function LessonSources({ sources }: { sources: readonly Source[] }) {
  if (sources.length === 0) return null;
  return (
    <details class="lesson-sources">
      <summary>{t`Sumber pelajaran ini (${sources.length})`}</summary>
      <ul>
        {sources.map((s) => (
          <li key={s.ref} lang="en">
            {s.ref}{' '}
            <span class="muted">
              (§{s.section}, {s.grade})
            </span>
          </li>
        ))}
      </ul>
      <p class="muted">
        {t`§: bagian berkas bukti Lancar. S: sumber baik; S2: salinan sekunder; D: disimpulkan; U: belum pasti.`}
      </p>
    </details>
  );
}
