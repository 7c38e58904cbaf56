import { z } from 'zod';
import { IsoDate } from './common.ts';

/** The tables of a facility dataset export, and the codebook that describes their columns. */
export const DATASET_FILES = [
  'mothers',
  'babies',
  'entries',
  'alerts',
  'alert_actions',
  'visits',
  'training',
  'codebook',
] as const;
export type DatasetFile = (typeof DATASET_FILES)[number];

/**
 * A dataset export's period: mothers whose delivery falls on these local dates (WIB), both inclusive; either may be
 * left out (from the first, to the last).
 */
export const DatasetExportQuery = z
  .strictObject({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    error: 'tanggal akhir sebelum tanggal awal / the end date is before the start date',
    path: ['to'],
  });
export type DatasetExportQuery = z.infer<typeof DatasetExportQuery>;

export const DatasetCsvParams = z.strictObject({
  file: z.enum(
    DATASET_FILES.map((name) => `${name}.csv` as const) as [`${DatasetFile}.csv`, ...`${DatasetFile}.csv`[]],
    {
      error: `one of ${DATASET_FILES.map((n) => `${n}.csv`).join(', ')}`,
    },
  ),
});
