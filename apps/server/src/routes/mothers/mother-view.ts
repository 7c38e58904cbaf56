import type { Companion, MotherDetail, MotherSummary } from '@lancar/contracts';
import {
  type Alert,
  type CarePlan,
  type CompanionOfMother,
  currentCarePlans,
  type Executor,
  listAlerts,
  listCompanions,
  type MotherWithBabies,
} from '@lancar/db';
import { dayPostpartum } from '@lancar/domain';

export function motherSummary(mother: MotherWithBabies, alerts: readonly Alert[], now: Date): MotherSummary {
  return {
    id: mother.id,
    userId: mother.user_id,
    fullName: mother.full_name,
    phone: mother.phone,
    village: mother.village,
    deliveredAt: mother.delivered_at?.toISOString() ?? null,
    dayPostpartum: mother.delivered_at ? (dayPostpartum(mother.delivered_at, now) ?? null) : null,
    deliveryMode: mother.delivery_mode,
    parity: mother.parity,
    accountStatus: mother.account_status ?? 'none',
    alertCount: alerts.length,
    alertSeverity: alerts.some((a) => a.severity === 'immediate') ? 'immediate' : alerts.length > 0 ? 'soon' : null,
    babies: mother.babies.map((baby) => ({
      id: baby.id,
      name: baby.name,
      sex: baby.sex,
      birthWeightG: baby.birth_weight_g,
      birthOrder: baby.birth_order,
    })),
  };
}

export function companionView(companion: CompanionOfMother): Companion {
  return {
    linkId: companion.id,
    userId: companion.user_id,
    displayName: companion.display_name,
    phone: companion.phone,
    relationship: companion.relationship,
    accountStatus: companion.status,
  };
}

export interface MotherExtras {
  companions: CompanionOfMother[];
  carePlan: CarePlan | undefined;
  alerts: Alert[];
}

export function motherDetail(mother: MotherWithBabies, extras: MotherExtras, now: Date): MotherDetail {
  const { companions, carePlan, alerts } = extras;
  return {
    ...motherSummary(mother, alerts, now),
    nik: mother.nik,
    address: mother.address,
    dateOfBirth: mother.date_of_birth,
    gestationalAgeWeeks: mother.gestational_age_weeks,
    consentResearch: mother.consent_research,
    pseudonym: mother.pseudonym,
    companions: companions.map(companionView),
    carePlan: carePlan
      ? {
          id: carePlan.id,
          protocolId: carePlan.protocol_id,
          extendedToDay: carePlan.extended_to_day,
          startsOn: carePlan.starts_on,
          assignedAt: carePlan.assigned_at.toISOString(),
        }
      : null,
    alerts: alerts.map((a) => ({
      id: a.id,
      signId: a.sign_id,
      severity: a.severity,
      entryId: a.entry_id,
      raisedAt: a.raised_at.toISOString(),
    })),
  };
}

/** Companions, current plan and alerts of one mother, read in the caller's transaction. */
export async function motherExtras(db: Executor, facilityId: string, motherId: string): Promise<MotherExtras> {
  return {
    companions: await listCompanions(db, facilityId, [motherId]),
    carePlan: (await currentCarePlans(db, facilityId, [motherId])).get(motherId),
    alerts: await listAlerts(db, facilityId, [motherId]),
  };
}
