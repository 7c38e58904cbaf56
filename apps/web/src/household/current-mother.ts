import type { MotherDetail } from '@lancar/contracts';
import { computed, signal } from '@preact/signals';
import { householdMothers } from '../offline/household-profile.ts';

/** Which of the household's mothers the screens are about (a cadre may support several; most households have one). */
export const selectedMotherId = signal<string | undefined>(undefined);

export const currentMother = computed<MotherDetail | undefined>(() => {
  const mothers = householdMothers.value ?? [];
  return mothers.find((m) => m.id === selectedMotherId.value) ?? mothers[0];
});
