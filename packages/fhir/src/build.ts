import { createHash } from 'node:crypto';
import {
  adequacyItemCode,
  CODE_SYSTEM_ID,
  CONCEPT_MAP_ELEMENTS,
  CONCEPT_MAP_ID,
  type Coding,
  dangerSignCode,
  LANCAR_CODE_SYSTEM_VERSION,
  lancar,
  lancarConcepts,
  SYSTEM,
} from './codes.ts';
import type {
  BabyInput,
  CarePlanInput,
  CompanionInput,
  ContentLabels,
  EntryInput,
  FacilityInput,
  MotherRecordInput,
  QuizAttemptInput,
  VisitInput,
} from './types.ts';

/** A FHIR R4 resource as plain JSON. Its shape is checked against the R4 StructureDefinitions by the tests. */
export interface FhirResource {
  resourceType: string;
  id: string;
  [element: string]: unknown;
}

export interface BundleEntry {
  fullUrl: string;
  resource: FhirResource;
}

export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  meta: { lastUpdated: string };
  type: 'collection';
  timestamp: string;
  entry: BundleEntry[];
}

export interface BuildOptions {
  /** When the bundle is made (Bundle.timestamp). */
  now: Date;
  /** Labels of the content-defined codes for the Lancar CodeSystem. */
  labels: ContentLabels;
  /** Offset of the facility's local time from UTC in minutes (WIB 420), for dates without time (birthDate). */
  tzOffsetMin?: number;
}

export const urn = (id: string): string => `urn:uuid:${id}`;
const ref = (id: string, display?: string) => (display ? { reference: urn(id), display } : { reference: urn(id) });

/** A stable UUID for a resource that Lancar stores inside another record (name-based, SHA-1, like UUIDv5). */
export function derivedId(baseId: string, purpose: string): string {
  const h = createHash('sha1').update(`lancar:${baseId}:${purpose}`).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const quantity = (value: number, unit: string) => ({ value, unit, system: SYSTEM.ucum, code: unit });
const concept = (coding: Coding | Coding[], text?: string) => ({
  coding: Array.isArray(coding) ? coding : [coding],
  ...(text ? { text } : {}),
});
const iso = (value: string): string => new Date(value).toISOString();
const KEMKES = (code: string, display: string): Coding => ({ system: SYSTEM.kemkesClinicalTerm, code, display });
const VITAL_SIGNS = concept({ system: SYSTEM.observationCategory, code: 'vital-signs', display: 'Vital Signs' });
const EXAM = concept({ system: SYSTEM.observationCategory, code: 'exam', display: 'Exam' });

function localDate(value: string, offsetMin: number): string {
  return new Date(new Date(value).getTime() + offsetMin * 60_000).toISOString().slice(0, 10);
}

function addDays(value: string, days: number): string {
  return new Date(new Date(value).getTime() + days * 86_400_000).toISOString();
}

// ---------------------------------------------------------------------------------------------------------------
// Terminology carried in every bundle

export function lancarCodeSystem(labels: ContentLabels): FhirResource {
  const concepts = lancarConcepts(labels);
  return {
    resourceType: 'CodeSystem',
    id: CODE_SYSTEM_ID,
    url: SYSTEM.lancar,
    version: LANCAR_CODE_SYSTEM_VERSION,
    name: 'LancarCodes',
    title: 'Lancar codes (oxytocin massage programme)',
    status: 'active',
    experimental: false,
    publisher: 'Lancar',
    description:
      'Codes for what Lancar records and no LOINC, SNOMED CT or Kemkes clinical-term code was found for: the oxytocin ' +
      'massage, expressed milk volume, nappies, the milk-adequacy checklist, danger-sign reports, postnatal visit ' +
      'numbers (KF1-KF4). The ConceptMap lancar-to-standard relates them to standard codes where they fit.',
    caseSensitive: true,
    content: 'complete',
    count: concepts.length,
    concept: concepts,
  };
}

export function lancarConceptMap(): FhirResource {
  const bySystem = new Map<string, typeof CONCEPT_MAP_ELEMENTS>();
  for (const element of CONCEPT_MAP_ELEMENTS) {
    bySystem.set(element.targetSystem, [...(bySystem.get(element.targetSystem) ?? []), element]);
  }
  return {
    resourceType: 'ConceptMap',
    id: CONCEPT_MAP_ID,
    url: SYSTEM.lancarConceptMap,
    version: LANCAR_CODE_SYSTEM_VERSION,
    name: 'LancarToStandard',
    status: 'draft',
    description:
      'Lancar codes related to Kemkes clinical-term and LOINC codes. Draft: the Kemkes codes come from a working copy ' +
      'of IDCore and must be checked against the SATUSEHAT terminology service before use.',
    group: [...bySystem.entries()].map(([target, elements]) => ({
      source: SYSTEM.lancar,
      target,
      element: elements.map((e) => ({
        code: e.source,
        target: [
          {
            code: e.target,
            display: e.display,
            equivalence: e.equivalence,
            ...(e.comment ? { comment: e.comment } : {}),
          },
        ],
      })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// People

function organization(facility: FacilityInput): FhirResource {
  return {
    resourceType: 'Organization',
    id: facility.id,
    active: true,
    name: facility.name,
    ...(facility.phone ? { telecom: [{ system: 'phone', value: facility.phone, use: 'work' }] } : {}),
    address: [{ district: facility.district, state: facility.province, country: 'ID' }],
  };
}

function motherPatient(record: MotherRecordInput): FhirResource {
  const { mother, facility, babies } = record;
  const identifier: Record<string, unknown>[] = [];
  if (mother.nik) identifier.push({ use: 'official', system: SYSTEM.nik, value: mother.nik });
  identifier.push({ use: 'secondary', system: SYSTEM.lancarMotherId, value: mother.id });
  identifier.push({ use: 'secondary', system: SYSTEM.lancarPseudonym, value: mother.pseudonym });
  const address = [mother.address, mother.village].filter((part): part is string => Boolean(part));
  return {
    resourceType: 'Patient',
    id: mother.id,
    identifier,
    active: true,
    name: [{ use: 'official', text: mother.fullName }],
    ...(mother.phone ? { telecom: [{ system: 'phone', value: mother.phone, use: 'mobile' }] } : {}),
    gender: 'female',
    ...(mother.dateOfBirth ? { birthDate: mother.dateOfBirth } : {}),
    ...(address.length > 0 ? { address: [{ use: 'home', text: address.join(', '), country: 'ID' }] } : {}),
    managingOrganization: ref(facility.id, facility.name),
    // The same woman appears as the RelatedPerson "mother" of each baby.
    ...(babies.length > 0
      ? { link: babies.map((b) => ({ other: ref(derivedId(b.id, 'mother')), type: 'seealso' })) }
      : {}),
  };
}

function babyPatient(record: MotherRecordInput, baby: BabyInput, tzOffsetMin: number): FhirResource {
  const { mother, facility } = record;
  return {
    resourceType: 'Patient',
    id: baby.id,
    active: true,
    ...(baby.name ? { name: [{ use: 'usual', text: baby.name }] } : {}),
    gender: baby.sex,
    ...(mother.deliveredAt ? { birthDate: localDate(mother.deliveredAt, tzOffsetMin) } : {}),
    multipleBirthInteger: baby.birthOrder,
    managingOrganization: ref(facility.id, facility.name),
    // A newborn usually has no NIK yet; the mother is carried as a RelatedPerson of the baby.
    link: [{ other: ref(derivedId(baby.id, 'mother')), type: 'seealso' }],
  };
}

function motherAsRelatedPerson(record: MotherRecordInput, baby: BabyInput): FhirResource {
  const { mother } = record;
  return {
    resourceType: 'RelatedPerson',
    id: derivedId(baby.id, 'mother'),
    active: true,
    patient: ref(baby.id),
    relationship: [concept({ system: SYSTEM.v3RoleCode, code: 'MTH', display: 'mother' }, 'Ibu')],
    name: [{ text: mother.fullName }],
    gender: 'female',
    ...(mother.dateOfBirth ? { birthDate: mother.dateOfBirth } : {}),
  };
}

const RELATIONSHIP: Record<CompanionInput['relationship'], { coding: Coding; text: string }> = {
  husband: { coding: { system: SYSTEM.v3RoleCode, code: 'HUSB', display: 'husband' }, text: 'Suami' },
  family: { coding: { system: SYSTEM.v3RoleCode, code: 'FAMMEMB', display: 'family member' }, text: 'Keluarga' },
  cadre: { coding: lancar('cadre'), text: 'Kader posyandu' },
  other: { coding: lancar('companion-other'), text: 'Pendamping lain' },
};

function companionPerson(record: MotherRecordInput, companion: CompanionInput): FhirResource {
  const relationship = RELATIONSHIP[companion.relationship];
  return {
    resourceType: 'RelatedPerson',
    id: companion.linkId,
    active: companion.endedAt === null,
    patient: ref(record.mother.id),
    relationship: [concept(relationship.coding, relationship.text)],
    name: [{ text: companion.displayName }],
    ...(companion.phone ? { telecom: [{ system: 'phone', value: companion.phone, use: 'mobile' }] } : {}),
    period: { start: iso(companion.linkedAt), ...(companion.endedAt ? { end: iso(companion.endedAt) } : {}) },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Clinical records

function birthWeight(record: MotherRecordInput, baby: BabyInput): FhirResource | null {
  if (baby.birthWeightG === null) return null;
  return {
    resourceType: 'Observation',
    id: derivedId(baby.id, 'birth-weight'),
    status: 'final',
    category: [VITAL_SIGNS],
    code: concept(
      [{ system: SYSTEM.loinc, code: '29463-7', display: 'Body weight' }, lancar('birth-weight')],
      'Berat badan lahir',
    ),
    subject: ref(baby.id),
    ...(record.mother.deliveredAt ? { effectiveDateTime: iso(record.mother.deliveredAt) } : {}),
    valueQuantity: quantity(baby.birthWeightG, 'g'),
  };
}

function birthDetails(record: MotherRecordInput): FhirResource | null {
  const { mother } = record;
  const components: Record<string, unknown>[] = [];
  if (mother.deliveryMode) {
    components.push({
      code: concept(lancar('delivery-mode')),
      valueCodeableConcept: concept(lancar(`delivery-${mother.deliveryMode}`)),
    });
  }
  if (mother.parity) {
    components.push({ code: concept(lancar('parity')), valueCodeableConcept: concept(lancar(mother.parity)) });
  }
  if (mother.gestationalAgeWeeks !== null) {
    components.push({
      code: concept(lancar('gestational-age')),
      valueQuantity: quantity(mother.gestationalAgeWeeks, 'wk'),
    });
  }
  if (components.length === 0 && !mother.deliveredAt) return null;
  return {
    resourceType: 'Observation',
    id: derivedId(mother.id, 'birth-details'),
    status: 'final',
    code: concept(lancar('birth-details')),
    subject: ref(mother.id),
    ...(mother.deliveredAt ? { effectiveDateTime: iso(mother.deliveredAt) } : {}),
    ...(components.length > 0 ? { component: components } : {}),
  };
}

function consent(record: MotherRecordInput, kind: 'care' | 'research'): FhirResource {
  const { mother, facility } = record;
  const given = kind === 'care' ? mother.consentCare : mother.consentResearch;
  return {
    resourceType: 'Consent',
    id: derivedId(mother.id, `consent-${kind}`),
    status: 'active',
    scope: concept({
      system: SYSTEM.consentScope,
      code: kind === 'care' ? 'treatment' : 'research',
      display: kind === 'care' ? 'Treatment' : 'Research',
    }),
    category: [concept(lancar(`consent-${kind}`))],
    patient: ref(mother.id),
    // Care consent is taken at enrolment; the research answer may have been changed since.
    dateTime: iso(kind === 'care' ? mother.createdAt : mother.updatedAt),
    organization: [ref(facility.id, facility.name)],
    policyRule: {
      text:
        kind === 'care'
          ? 'Permenkes No. 24/2022 tentang Rekam Medis; persetujuan pencatatan program Lancar'
          : 'Persetujuan penelitian program Lancar: peneliti hanya melihat data tersamar',
    },
    provision: { type: given ? 'permit' : 'deny' },
  };
}

function carePlan(
  record: MotherRecordInput,
  plan: CarePlanInput,
  index: number,
  plans: readonly CarePlanInput[],
): FhirResource {
  const { mother } = record;
  const inForce = index === plans.length - 1;
  const previous = index > 0 ? plans[index - 1] : undefined;
  // Day 1 is the first 24 hours after birth.
  const bounds = mother.deliveredAt
    ? { start: addDays(mother.deliveredAt, plan.firstDay - 1), end: addDays(mother.deliveredAt, plan.lastDay) }
    : undefined;
  const companions = record.companions.filter((c) => c.endedAt === null);
  return {
    resourceType: 'CarePlan',
    id: plan.id,
    ...(previous ? { replaces: [ref(previous.id)] } : {}),
    status: inForce ? 'active' : 'revoked',
    intent: 'plan',
    title: plan.protocol.name,
    ...(plan.protocol.summary ? { description: plan.protocol.summary } : {}),
    subject: ref(mother.id),
    ...(bounds ? { period: bounds } : {}),
    created: iso(plan.assignedAt),
    activity: [
      {
        detail: {
          kind: 'ServiceRequest',
          instantiatesUri: [`https://lancar.id/fhir/protocol/${plan.protocol.id}`],
          code: concept(lancar('oxytocin-massage')),
          status: inForce ? 'in-progress' : 'stopped',
          scheduledTiming: {
            repeat: {
              ...(bounds ? { boundsPeriod: bounds } : {}),
              frequency: plan.protocol.sessionsPerDay,
              period: 1,
              periodUnit: 'd',
              duration: plan.protocol.massageMinutes,
              durationUnit: 'min',
            },
          },
          ...(companions.length > 0 ? { performer: companions.map((c) => ref(c.linkId, c.displayName)) } : {}),
          description: `Hari ${plan.firstDay}-${plan.lastDay}: ${plan.protocol.sessionsPerDay} kali sehari, ${plan.protocol.massageMinutes} menit`,
        },
      },
    ],
  };
}

/** Who recorded an entry: the companion's RelatedPerson, or the mother herself. */
function recorder(record: MotherRecordInput, userId: string): { reference: string } | null {
  const companion = record.companions.find((c) => c.userId === userId);
  if (companion) return ref(companion.linkId);
  return null;
}

function subjectOf(record: MotherRecordInput, entry: EntryInput) {
  const baby = entry.babyId ? record.babies.find((b) => b.id === entry.babyId) : undefined;
  return ref(baby ? baby.id : record.mother.id);
}

function observation(
  record: MotherRecordInput,
  entry: EntryInput,
  id: string,
  fields: Record<string, unknown>,
): FhirResource {
  const performer = recorder(record, entry.recordedBy) ?? ref(record.mother.id);
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    ...fields,
    subject: fields.subject ?? subjectOf(record, entry),
    effectiveDateTime: iso(entry.occurredAt),
    performer: [performer],
  };
}

function massageResources(record: MotherRecordInput, entry: EntryInput & { kind: 'massage_session' }): FhirResource[] {
  const { data } = entry;
  const companion = record.companions.find((c) => c.userId === entry.recordedBy);
  const plan = [...record.carePlans].reverse().find((p) => p.protocol.id === data.protocolId);
  const notes = [
    data.notes,
    data.safetyStops.length > 0 ? `Safety stops: ${data.safetyStops.join(', ')}` : null,
  ].filter((n): n is string => Boolean(n));
  const procedure: FhirResource = {
    resourceType: 'Procedure',
    id: entry.id,
    ...(plan ? { basedOn: [ref(plan.id)] } : {}),
    status: data.outcome === 'completed' ? 'completed' : 'stopped',
    ...(data.outcome === 'completed'
      ? {}
      : { statusReason: concept(lancar(data.outcome === 'stopped_safety' ? 'stopped-safety' : 'stopped-early')) }),
    code: concept(lancar('oxytocin-massage'), 'Pijat oksitosin'),
    subject: ref(record.mother.id),
    performedPeriod: { start: iso(entry.occurredAt), end: iso(data.endedAt) },
    ...(companion
      ? { recorder: ref(companion.linkId), performer: [{ actor: ref(companion.linkId, companion.displayName) }] }
      : { recorder: ref(record.mother.id) }),
    ...(notes.length > 0 ? { note: notes.map((text) => ({ text })) } : {}),
  };
  const components: Record<string, unknown>[] = [];
  if (data.comfort !== null) components.push({ code: concept(lancar('massage-comfort')), valueInteger: data.comfort });
  if (data.pain !== null) components.push({ code: concept(lancar('massage-pain')), valueInteger: data.pain });
  if (data.letDown !== null) components.push({ code: concept(lancar('milk-let-down')), valueBoolean: data.letDown });
  if (components.length === 0) return [procedure];
  const response = observation(record, entry, derivedId(entry.id, 'response'), {
    partOf: [ref(entry.id)],
    code: concept(lancar('massage-response')),
    subject: ref(record.mother.id),
    component: components,
  });
  response.effectiveDateTime = iso(data.endedAt);
  return [procedure, response];
}

function adequacyResources(record: MotherRecordInput, entry: EntryInput & { kind: 'adequacy_check' }): FhirResource[] {
  const { data } = entry;
  const author = recorder(record, entry.recordedBy) ?? ref(record.mother.id);
  const questionnaireResponse: FhirResource = {
    resourceType: 'QuestionnaireResponse',
    id: entry.id,
    questionnaire: `${SYSTEM.lancarAdequacyQuestionnaire}|${data.contentVersion}`,
    status: data.result === 'incomplete' ? 'in-progress' : 'completed',
    subject: subjectOf(record, entry),
    authored: iso(entry.occurredAt),
    author,
    source: author,
    item: [
      { linkId: 'day-of-life', text: 'Hari ke-', answer: [{ valueInteger: data.dayOfLife }] },
      ...Object.entries(data.answers).map(([itemId, answer]) =>
        answer === null ? { linkId: itemId } : { linkId: itemId, answer: [{ valueBoolean: answer }] },
      ),
    ],
  };
  const result = data.result === 'not_adequate' ? 'not-adequate' : data.result;
  const resultObservation = observation(record, entry, derivedId(entry.id, 'result'), {
    category: [concept({ system: SYSTEM.observationCategory, code: 'survey', display: 'Survey' })],
    code: concept(lancar('adequacy-result')),
    valueCodeableConcept: concept(lancar(result)),
    derivedFrom: [ref(entry.id)],
    component: [
      { code: concept(lancar('adequacy-day-of-life')), valueInteger: data.dayOfLife },
      ...Object.entries(data.answers)
        .filter((pair): pair is [string, boolean] => pair[1] !== null)
        .map(([itemId, answer]) => ({ code: concept(lancar(adequacyItemCode(itemId))), valueBoolean: answer })),
    ],
  });
  return [questionnaireResponse, resultObservation];
}

function entryResources(record: MotherRecordInput, entry: EntryInput): FhirResource[] {
  switch (entry.kind) {
    case 'massage_session':
      return massageResources(record, entry);
    case 'adequacy_check':
      return adequacyResources(record, entry);
    case 'feed':
      return [
        observation(record, entry, entry.id, {
          code: concept(lancar('breastfeed-episode'), 'Menyusui'),
          valueQuantity: quantity(entry.data.durationMinutes, 'min'),
          component: [
            { code: concept(lancar('breast-side')), valueCodeableConcept: concept(lancar(`side-${entry.data.side}`)) },
          ],
        }),
      ];
    case 'expression':
      return [
        observation(record, entry, entry.id, {
          code: concept(lancar('expressed-milk-volume'), 'ASI perah'),
          subject: ref(record.mother.id),
          valueQuantity: quantity(entry.data.leftMl + entry.data.rightMl, 'mL'),
          component: [
            { code: concept(lancar('expressed-milk-left')), valueQuantity: quantity(entry.data.leftMl, 'mL') },
            { code: concept(lancar('expressed-milk-right')), valueQuantity: quantity(entry.data.rightMl, 'mL') },
          ],
        }),
      ];
    case 'nappy': {
      const colour = entry.data.stoolColour;
      return [
        observation(record, entry, entry.id, {
          code: concept(lancar('nappy-change'), 'Popok'),
          component: [
            { code: concept(lancar('nappy-wet')), valueBoolean: entry.data.wet },
            { code: concept(lancar('nappy-dirty')), valueBoolean: entry.data.dirty },
            ...(colour
              ? [
                  {
                    code: concept(lancar('stool-colour')),
                    valueCodeableConcept: concept(lancar(`stool-${colour.replace('_', '-')}`)),
                  },
                ]
              : []),
          ],
        }),
      ];
    }
    case 'weight':
      return [
        observation(record, entry, entry.id, {
          category: [VITAL_SIGNS],
          code: concept({ system: SYSTEM.loinc, code: '29463-7', display: 'Body weight' }, 'Berat badan'),
          valueQuantity: quantity(entry.data.grams, 'g'),
        }),
      ];
    case 'mother_state': {
      const { stress, sleepHours, breastComfort, fever } = entry.data;
      const components: Record<string, unknown>[] = [];
      if (stress !== null) components.push({ code: concept(lancar('stress-score')), valueInteger: stress });
      if (sleepHours !== null) {
        components.push({ code: concept(lancar('sleep-hours')), valueQuantity: quantity(sleepHours, 'h') });
      }
      if (breastComfort !== null) {
        components.push({
          code: concept([
            lancar('breast-comfort'),
            { system: SYSTEM.kemkesClinicalTerm, code: 'OC000024', display: 'Kondisi Payudara' },
          ]),
          valueCodeableConcept: concept(lancar(`breast-${breastComfort.replace('_', '-')}`)),
        });
      }
      if (fever !== null) components.push({ code: concept(lancar('fever-reported')), valueBoolean: fever });
      return [
        observation(record, entry, entry.id, {
          category: [concept({ system: SYSTEM.observationCategory, code: 'survey', display: 'Survey' })],
          code: concept(lancar('mother-state'), 'Keadaan ibu'),
          subject: ref(record.mother.id),
          ...(components.length > 0
            ? { component: components }
            : { dataAbsentReason: { text: 'Tidak ada yang diisi' } }),
        }),
      ];
    }
    case 'danger_report':
      return [
        observation(record, entry, entry.id, {
          code: concept(lancar('danger-report'), 'Tanda bahaya'),
          subject: ref(record.mother.id),
          component: entry.data.signs.map((sign) => ({
            code: concept(lancar(dangerSignCode(sign))),
            valueBoolean: true,
          })),
        }),
      ];
  }
}

const VISIT_CLASS: Record<VisitInput['place'], Coding> = {
  home: { system: SYSTEM.v3ActCode, code: 'HH', display: 'home health' },
  facility: { system: SYSTEM.v3ActCode, code: 'AMB', display: 'ambulatory' },
  phone: { system: SYSTEM.v3ActCode, code: 'VR', display: 'virtual' },
};

function encounter(record: MotherRecordInput, visit: VisitInput): FhirResource {
  return {
    resourceType: 'Encounter',
    id: visit.id,
    status: 'finished',
    class: VISIT_CLASS[visit.place],
    type: [concept(lancar(visit.code === 'other' ? 'visit-other' : visit.code))],
    subject: ref(record.mother.id),
    period: { start: iso(visit.visitedAt) },
    serviceProvider: ref(record.facility.id, record.facility.name),
  };
}

/** What the midwife observed at a visit, as Observations of that Encounter (the shape SATUSEHAT expects). */
function visitObservations(record: MotherRecordInput, visit: VisitInput): FhirResource[] {
  const o = visit.observations;
  const made: FhirResource[] = [];
  const add = (purpose: string, subjectId: string, fields: Record<string, unknown>) => {
    made.push({
      resourceType: 'Observation',
      id: derivedId(visit.id, purpose),
      status: 'final',
      ...fields,
      subject: ref(subjectId),
      encounter: ref(visit.id),
      effectiveDateTime: iso(visit.visitedAt),
    });
  };
  const motherId = record.mother.id;
  if (typeof o.temperatureC === 'number') {
    add('temperature', motherId, {
      category: [VITAL_SIGNS],
      code: concept({ system: SYSTEM.loinc, code: '8310-5', display: 'Body temperature' }, 'Suhu tubuh'),
      valueQuantity: quantity(o.temperatureC, 'Cel'),
    });
  }
  if (o.bloodPressure) {
    add('blood-pressure', motherId, {
      category: [VITAL_SIGNS],
      code: concept(lancar('blood-pressure'), 'Tekanan darah'),
      component: [
        { code: concept(lancar('systolic-bp')), valueQuantity: quantity(o.bloodPressure.systolic, 'mm[Hg]') },
        { code: concept(lancar('diastolic-bp')), valueQuantity: quantity(o.bloodPressure.diastolic, 'mm[Hg]') },
      ],
    });
  }
  if (o.breasts) {
    add('breasts', motherId, {
      category: [EXAM],
      code: concept(KEMKES('OC000024', 'Kondisi Payudara')),
      valueCodeableConcept: concept(lancar(`breast-${o.breasts.replace('_', '-')}`)),
    });
  }
  for (const baby of o.babies ?? []) {
    if (!record.babies.some((b) => b.id === baby.babyId)) continue;
    if (baby.weightG !== null) {
      add(`weight:${baby.babyId}`, baby.babyId, {
        category: [VITAL_SIGNS],
        code: concept({ system: SYSTEM.loinc, code: '29463-7', display: 'Body weight' }, 'Berat badan'),
        valueQuantity: quantity(baby.weightG, 'g'),
      });
    }
    if (baby.jaundice !== null) {
      add(`jaundice:${baby.babyId}`, baby.babyId, {
        category: [EXAM],
        code: concept(lancar('jaundice-seen')),
        valueBoolean: baby.jaundice,
      });
    }
    if (baby.goodLatch !== null) {
      add(`latch:${baby.babyId}`, baby.babyId, {
        category: [EXAM],
        code: concept(KEMKES('OC000081', 'Posisi pelekatan bayi pada puting')),
        valueCodeableConcept: concept(
          baby.goodLatch ? KEMKES('OV000197', 'Melekat dengan baik') : KEMKES('OV000196', 'Tidak melekat dengan baik'),
        ),
      });
    }
  }
  return made;
}

function quizResponse(record: MotherRecordInput, attempt: QuizAttemptInput): FhirResource | null {
  const companion = record.companions.find((c) => c.userId === attempt.userId);
  if (!companion) return null;
  return {
    resourceType: 'QuestionnaireResponse',
    id: attempt.id,
    questionnaire: `${SYSTEM.lancarQuizQuestionnaire}|${attempt.itemBankVersion}`,
    status: attempt.complete ? 'completed' : 'in-progress',
    subject: ref(companion.linkId),
    authored: iso(attempt.takenAt),
    source: ref(companion.linkId, companion.displayName),
    item: [
      { linkId: 'phase', answer: [{ valueCoding: lancar(`quiz-${attempt.phase}`) }] },
      { linkId: 'source', answer: [{ valueString: attempt.source }] },
      { linkId: 'correct', answer: [{ valueInteger: attempt.correct }] },
      { linkId: 'answered', answer: [{ valueInteger: attempt.answered }] },
      { linkId: 'total', answer: [{ valueInteger: attempt.total }] },
      ...(attempt.score === null ? [] : [{ linkId: 'score', answer: [{ valueDecimal: attempt.score }] }]),
      {
        linkId: 'answers',
        item: Object.entries(attempt.answers).map(([itemId, option]) =>
          option === null ? { linkId: itemId } : { linkId: itemId, answer: [{ valueString: option }] },
        ),
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Bundles

/** Every resource of one mother's record, without the terminology resources. */
export function motherResources(record: MotherRecordInput, options: BuildOptions): FhirResource[] {
  const tz = options.tzOffsetMin ?? 420;
  const resources: FhirResource[] = [organization(record.facility), motherPatient(record)];
  for (const baby of record.babies) {
    resources.push(babyPatient(record, baby, tz), motherAsRelatedPerson(record, baby));
    const weight = birthWeight(record, baby);
    if (weight) resources.push(weight);
  }
  const details = birthDetails(record);
  if (details) resources.push(details);
  for (const companion of record.companions) resources.push(companionPerson(record, companion));
  resources.push(consent(record, 'care'), consent(record, 'research'));
  record.carePlans.forEach((plan, index, plans) => {
    resources.push(carePlan(record, plan, index, plans));
  });
  for (const visit of record.visits) resources.push(encounter(record, visit), ...visitObservations(record, visit));
  for (const entry of record.entries) resources.push(...entryResources(record, entry));
  for (const attempt of record.quizAttempts) {
    const response = quizResponse(record, attempt);
    if (response) resources.push(response);
  }
  return resources;
}

function bundle(resources: readonly FhirResource[], options: BuildOptions): FhirBundle {
  const seen = new Set<string>();
  const entry: BundleEntry[] = [];
  // A resource shared by several mothers (their facility; a cadre's quiz attempt) is carried once.
  for (const resource of [lancarCodeSystem(options.labels), lancarConceptMap(), ...resources]) {
    if (seen.has(resource.id)) continue;
    seen.add(resource.id);
    entry.push({ fullUrl: urn(resource.id), resource });
  }
  const timestamp = options.now.toISOString();
  return {
    resourceType: 'Bundle',
    id: derivedId(resources.map((r) => r.id).join(','), timestamp),
    meta: { lastUpdated: timestamp },
    type: 'collection',
    timestamp,
    entry,
  };
}

/** One mother's record as a FHIR R4 collection Bundle (urn:uuid fullUrls from Lancar's ids). */
export function buildMotherBundle(record: MotherRecordInput, options: BuildOptions): FhirBundle {
  return bundle(motherResources(record, options), options);
}

/** Several mothers' records (a facility's export) in one collection Bundle. */
export function buildExportBundle(records: readonly MotherRecordInput[], options: BuildOptions): FhirBundle {
  return bundle(
    records.flatMap((record) => motherResources(record, options)),
    options,
  );
}
