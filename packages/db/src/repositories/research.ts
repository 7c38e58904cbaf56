import { sql } from 'kysely';
import type { Executor } from './executor.ts';

/**
 * What a researcher may see: no name, NIK, phone, address or exact dates; only mothers who consented to research.
 * Ages and days are computed in SQL so identifying values never leave the database for this view.
 */
export interface ResearchRecord {
  pseudonym: string;
  age_years: number | null;
  delivery_mode: string | null;
  parity: string | null;
  gestational_age_weeks: number | null;
  day_postpartum: number | null;
  babies: number;
  birth_weights_g: number[];
}

export async function listResearchRecords(db: Executor, facilityId: string, now: Date): Promise<ResearchRecord[]> {
  const result = await sql<ResearchRecord>`
    SELECT m.pseudonym,
           date_part('year', age(${now}::timestamptz, m.date_of_birth::timestamptz))::int AS age_years,
           m.delivery_mode,
           m.parity,
           m.gestational_age_weeks::int AS gestational_age_weeks,
           (floor(extract(epoch FROM (${now}::timestamptz - m.delivered_at)) / 86400) + 1)::int AS day_postpartum,
           count(b.id)::int AS babies,
           coalesce(array_agg(b.birth_weight_g ORDER BY b.birth_order) FILTER (WHERE b.birth_weight_g IS NOT NULL), '{}')
             AS birth_weights_g
      FROM mother m
      LEFT JOIN baby b ON b.facility_id = m.facility_id AND b.mother_id = m.id AND b.voided_at IS NULL
     WHERE m.facility_id = ${facilityId} AND m.consent_research AND m.voided_at IS NULL
     GROUP BY m.facility_id, m.id
     ORDER BY m.pseudonym`.execute(db);
  return result.rows;
}
