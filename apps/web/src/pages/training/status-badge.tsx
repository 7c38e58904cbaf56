import type { TrainingStatus } from '@lancar/contracts';
import { statusLabel } from './training-labels.ts';

/** A companion's training status as a coloured badge (the words say it too: colour is never the only sign). */
export function StatusBadge({ status }: { status: TrainingStatus }) {
  return (
    <span class={`badge staff-status staff-status-${status}`} data-testid="training-status">
      {statusLabel(status)}
    </span>
  );
}
