/** Thrown for input the statistics cannot be computed from (too few values, NaN, unequal lengths...). */
export class StatsInputError extends Error {
  override name = 'StatsInputError';
}

/** Thrown by the R x C Fisher test when enumerating every table with the observed margins would take too long. */
export class TableTooLargeError extends StatsInputError {
  override name = 'TableTooLargeError';
}
