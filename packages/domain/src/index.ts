export * from './activation-code.ts';
export * from './alerts/rules.ts';
export * from './enrolment.ts';
export * from './household/adequacy.ts';
export * from './household/daily-summary.ts';
export * from './household/danger.ts';
export {
  type DayThresholdRow,
  dayOfLifeAt,
  dayOfLifeWindow,
  isDayOver,
  thresholdForDay,
} from './household/day-of-life.ts';
export * from './household/entries.ts';
export * from './household/schedule.ts';
export * from './household/weight.ts';
export * from './ids.ts';
export * from './login-name.ts';
export * from './password-policy.ts';
export * from './phone.ts';
export * from './policy.ts';
export * from './postpartum.ts';
export * from './reports/district-report.ts';
export * from './reports/facility-report.ts';
export * from './reports/period.ts';
export * from './reports/quantile.ts';
export * from './research/allocation.ts';
export * from './research/eligibility.ts';
export * from './research/study-design.ts';
export * from './roles.ts';
export * from './timeline/timeline.ts';
export * from './training/item-difficulty.ts';
export * from './training/quiz.ts';
export * from './training/skill-check.ts';
export * from './training/training-status.ts';
export * from './visits/visits.ts';
