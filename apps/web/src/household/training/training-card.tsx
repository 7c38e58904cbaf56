import { t } from '@lingui/core/macro';
import { nextTrainingStep } from './next-step.ts';
import { nextStepLabel, trainingStatusLabel } from './training-labels.ts';
import { useTraining } from './use-training.ts';

/**
 * The companion's training on the household home: status and next step, linking to /belajar. Part of the phone's
 * first screen, so it reads only the stored records (no lessons, no item bank: those load with /belajar).
 */
export function TrainingCard({ userId }: { userId: string }) {
  const picture = useTraining(userId);
  return (
    <div class="card" data-testid="training-card">
      <h2>{t`Pelatihan pijat oksitosin`}</h2>
      {picture ? (
        <>
          <p>
            <strong data-testid="training-card-status">{trainingStatusLabel(picture.progress.status)}</strong>
          </p>
          <p class="muted">{nextStepLabel(nextTrainingStep(picture))}</p>
        </>
      ) : null}
      <a class="button primary" href="/belajar">
        {picture?.progress.status === 'not_started' ? t`Mulai belajar` : t`Buka pelatihan`}
      </a>
    </div>
  );
}
