import { ADEQUACY_CHECKLIST, DANGER_SIGNS, protocolById } from '@lancar/content';
import type { FhirExport, FhirExportRecord } from '@lancar/db';
import { firstActiveDay, lastActiveDay, startDayOfLife } from '@lancar/domain';
import type {
  CarePlanInput,
  ContentLabels,
  EntryInput,
  MotherRecordInput,
  ProtocolInput,
  VisitObservationsInput,
} from '@lancar/fhir';

/** The labels of the content-defined codes, in Indonesian (the source language of the content). */
export function contentLabels(): ContentLabels {
  return {
    adequacyItems: ADEQUACY_CHECKLIST.items.map((item) => ({
      id: item.id,
      display: item.question.id.replace('{min}', 'N'),
    })),
    dangerSigns: DANGER_SIGNS.map((sign) => ({ id: sign.id, display: sign.label.id })),
  };
}

const ENTRY_KINDS = new Set<string>([
  'massage_session',
  'feed',
  'expression',
  'nappy',
  'weight',
  'mother_state',
  'adequacy_check',
  'danger_report',
]);

const iso = (value: Date | string): string => new Date(value).toISOString();

/** Lancar's facilities keep WIB (UTC+7): the midwife's start date is a local date. */
const LOCAL_OFFSET_MIN = 420;

function carePlanInput(plan: FhirExportRecord['carePlans'][number], deliveredAt: Date | null): CarePlanInput {
  const protocol = protocolById(plan.protocol_id);
  if (!protocol) {
    // A plan keeps a protocol that a later content version removed: export what is known.
    const unknown: ProtocolInput = {
      id: plan.protocol_id,
      name: plan.protocol_id,
      summary: null,
      massageMinutes: 0,
      sessionsPerDay: 0,
      firstDay: 1,
      lastDay: 1,
    };
    return { id: plan.id, protocol: unknown, firstDay: 1, lastDay: 1, assignedAt: iso(plan.assigned_at) };
  }
  const schedule = {
    extendedToDay: plan.extended_to_day,
    startDay: deliveredAt ? startDayOfLife(deliveredAt, plan.starts_on, LOCAL_OFFSET_MIN) : null,
  };
  return {
    id: plan.id,
    protocol: {
      id: protocol.id,
      name: protocol.name.id,
      summary: protocol.summary.id,
      massageMinutes: protocol.massageMinutes,
      sessionsPerDay: protocol.sessionsPerDay,
      firstDay: protocol.firstDay,
      lastDay: protocol.lastDay,
    },
    firstDay: firstActiveDay(protocol, schedule),
    lastDay: lastActiveDay(protocol, schedule),
    assignedAt: iso(plan.assigned_at),
  };
}

/** Visit observations were checked by the visit route when recorded; older rows may lack parts. */
function visitObservations(raw: Record<string, unknown>): VisitObservationsInput {
  const o = raw as VisitObservationsInput;
  return {
    temperatureC: typeof o.temperatureC === 'number' ? o.temperatureC : null,
    bloodPressure:
      o.bloodPressure && typeof o.bloodPressure.systolic === 'number' && typeof o.bloodPressure.diastolic === 'number'
        ? o.bloodPressure
        : null,
    breasts: o.breasts ?? null,
    babies: Array.isArray(o.babies) ? o.babies : [],
  };
}

function recordInput(facility: FhirExport['facility'], record: FhirExportRecord): MotherRecordInput {
  const { mother } = record;
  return {
    facility: {
      id: facility.id,
      name: facility.name,
      kind: facility.kind,
      district: facility.district,
      province: facility.province,
      phone: facility.phone,
    },
    mother: {
      id: mother.id,
      pseudonym: mother.pseudonym,
      fullName: mother.full_name,
      nik: mother.nik,
      phone: mother.phone,
      village: mother.village,
      address: mother.address,
      dateOfBirth: mother.date_of_birth,
      deliveredAt: mother.delivered_at ? iso(mother.delivered_at) : null,
      deliveryMode: mother.delivery_mode,
      parity: mother.parity,
      gestationalAgeWeeks: mother.gestational_age_weeks,
      consentCare: mother.consent_care,
      consentResearch: mother.consent_research,
      createdAt: iso(mother.created_at),
      updatedAt: iso(mother.updated_at),
    },
    babies: record.babies.map((b) => ({
      id: b.id,
      name: b.name,
      sex: b.sex,
      birthWeightG: b.birth_weight_g,
      birthOrder: b.birth_order,
    })),
    companions: record.companions.map((c) => ({
      linkId: c.id,
      userId: c.user_id,
      displayName: c.display_name,
      phone: c.phone,
      relationship: c.relationship,
      linkedAt: iso(c.created_at),
      endedAt: c.ended_at ? iso(c.ended_at) : null,
    })),
    carePlans: record.carePlans.map((p) => carePlanInput(p, mother.delivered_at)),
    // The entry data was checked against the contracts when it was pushed.
    entries: record.entries
      .filter((e) => ENTRY_KINDS.has(e.kind))
      .map(
        (e) =>
          ({
            id: e.id,
            kind: e.kind,
            babyId: e.baby_id,
            occurredAt: iso(e.occurred_at),
            recordedBy: e.recorded_by,
            data: e.data,
          }) as unknown as EntryInput,
      ),
    visits: record.visits.map((v) => ({
      id: v.id,
      code: v.visit_code,
      visitedAt: iso(v.visited_at),
      place: v.place,
      observations: visitObservations(v.observations),
    })),
    quizAttempts: record.quizAttempts.map((a) => ({
      id: a.id,
      userId: a.companion_user_id,
      phase: a.phase,
      itemBankVersion: a.item_bank_version,
      answers: a.answers,
      correct: a.correct,
      answered: a.answered,
      total: a.total,
      score: a.score === null ? null : Number(a.score),
      complete: a.complete,
      source: a.source,
      takenAt: iso(a.taken_at),
    })),
  };
}

export function recordInputs(data: FhirExport): MotherRecordInput[] {
  return data.records.map((record) => recordInput(data.facility, record));
}
