import { useEffect } from 'preact/hooks';
import { loadTraining, type TrainingOnThisPhone, trainingPicture } from '../../offline/training-store.ts';

/** This account's training as kept on the phone; undefined while it is read (a few milliseconds). */
export function useTraining(userId: string): TrainingOnThisPhone | undefined {
  useEffect(() => {
    void loadTraining(userId);
  }, [userId]);
  const picture = trainingPicture.value;
  return picture?.userId === userId ? picture : undefined;
}
