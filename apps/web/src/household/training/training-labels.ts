import type { TrainingStatus } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import type { TrainingStep } from './next-step.ts';

/** Words for the training status and the next step, shared by the home card and the training screens. */
export function trainingStatusLabel(status: TrainingStatus): string {
  switch (status) {
    case 'not_started':
      return t`Belum mulai`;
    case 'learning':
      return t`Sedang belajar`;
    case 'passed_test':
      return t`Lulus tes akhir`;
    case 'competent':
      return t`Terampil: lulus cek keterampilan`;
  }
}

export function nextStepLabel(step: TrainingStep): string {
  switch (step) {
    case 'pre_test':
      return t`Mulai dengan tes awal (sekali saja).`;
    case 'lessons':
      return t`Baca pelajaran, lalu ikuti tes akhir.`;
    case 'post_test':
      return t`Ikuti tes akhir.`;
    case 'skill_check':
      return t`Tunjukkan cara Anda memijat kepada bidan atau kader.`;
    case 'practise':
      return t`Latih lagi langkah yang belum tepat, lalu minta dicek lagi.`;
    case 'done':
      return t`Semua langkah selesai. Teruslah mendampingi ibu.`;
  }
}
