import type { AttemptView, TrainingStatus } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import type { ScoreProblem } from './sheet-entry.ts';

/** Words for the training codes the API uses, in the current language. Functions, so they follow a switch. */

export function statusLabel(status: TrainingStatus): string {
  switch (status) {
    case 'not_started':
      return t`Belum mulai`;
    case 'learning':
      return t`Sedang belajar`;
    case 'passed_test':
      return t`Lulus tes, perlu uji keterampilan`;
    case 'competent':
      return t`Kompeten`;
  }
}

export function phaseLabel(phase: 'pre' | 'post'): string {
  return phase === 'pre' ? t`Tes awal` : t`Tes akhir`;
}

/** The test inside a sentence: "tes awal", "tes akhir". */
export function phaseWord(phase: 'pre' | 'post'): string {
  return phase === 'pre' ? t`tes awal` : t`tes akhir`;
}

export function sourceLabel(source: 'phone' | 'paper'): string {
  return source === 'phone' ? t`dari HP` : t`dari kertas`;
}

/** "72" for a scored sheet; for blanks on the sheet, that it is partial and not scored, never a 0. */
export function sheetScoreText(sheet: AttemptView): string {
  if (sheet.score !== null) return String(sheet.score);
  return t`sebagian: ${sheet.answered} dari ${sheet.total} dijawab, tidak dinilai`;
}

export function scoreProblemText(problem: ScoreProblem): string {
  switch (problem) {
    case 'empty':
      return t`Isi nilai total dari lembar jawaban.`;
    case 'not_whole_number':
      return t`Nilai harus bilangan bulat, misalnya 75.`;
    case 'out_of_range':
      return t`Nilai harus antara 0 dan 100.`;
  }
}
