import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  adequacyItemCode,
  type BuildOptions,
  buildExportBundle,
  buildMotherBundle,
  derivedId,
  type FhirBundle,
  type FhirResource,
  lancarConcepts,
  type MotherRecordInput,
  SYSTEM,
} from './index.ts';
import { validateBundle, validateFhir } from './validate.ts';

const FACILITY = '01935f00-0000-7000-8000-000000000001';
const MOTHER = '01935f00-0000-7000-8000-000000000010';
const BABY = '01935f00-0000-7000-8000-000000000020';
const HUSBAND_LINK = '01935f00-0000-7000-8000-000000000030';
const HUSBAND_USER = '01935f00-0000-7000-8000-000000000031';
const CADRE_LINK = '01935f00-0000-7000-8000-000000000032';
const CADRE_USER = '01935f00-0000-7000-8000-000000000033';
const MOTHER_USER = '01935f00-0000-7000-8000-000000000011';
const PLAN_OLD = '01935f00-0000-7000-8000-000000000040';
const PLAN = '01935f00-0000-7000-8000-000000000041';
const id = (n: number) => `01935f00-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;

const OPTIONS: BuildOptions = {
  now: new Date('2026-11-23T04:00:00Z'),
  labels: {
    adequacyItems: [
      { id: 'feeds', display: 'Menyusu sedikitnya 8 kali' },
      { id: 'wet-nappies', display: 'Popok basah cukup' },
      { id: 'stools', display: 'BAB cukup' },
    ],
    dangerSigns: [
      { id: 'baby-fever', display: 'Bayi demam' },
      { id: 'mother-fever', display: 'Ibu demam' },
    ],
  },
};

const PROTOCOL = {
  id: 'standard-3min-2x-day1-3',
  name: 'Standar: 3 menit, 2 kali sehari, hari 1–3',
  summary: 'Pijat 3 menit dua kali sehari pada hari ke-1 sampai ke-3.',
  massageMinutes: 3,
  sessionsPerDay: 2,
  firstDay: 1,
  lastDay: 3,
};

function record(overrides: Partial<MotherRecordInput> = {}): MotherRecordInput {
  return {
    facility: {
      id: FACILITY,
      name: 'Puskesmas Mawar',
      kind: 'puskesmas',
      district: 'Kab. Klaten',
      province: 'Jawa Tengah',
      phone: '0272555010',
    },
    mother: {
      id: MOTHER,
      pseudonym: 'P-7K2M9Q',
      fullName: 'Wulan Sari',
      nik: '3310014502980001',
      phone: '6281277770001',
      village: 'Desa Sukamaju',
      address: 'RT 02 RW 05',
      dateOfBirth: '1998-02-14',
      deliveredAt: '2026-11-20T20:30:00Z',
      deliveryMode: 'vaginal',
      parity: 'primipara',
      gestationalAgeWeeks: 39,
      consentCare: true,
      consentResearch: false,
      createdAt: '2026-11-21T01:00:00Z',
      updatedAt: '2026-11-21T01:00:00Z',
    },
    babies: [{ id: BABY, name: 'Bayi Ny. Wulan', sex: 'female', birthWeightG: 3050, birthOrder: 1 }],
    companions: [
      {
        linkId: HUSBAND_LINK,
        userId: HUSBAND_USER,
        displayName: 'Hendra',
        phone: '6281277770099',
        relationship: 'husband',
        linkedAt: '2026-11-21T01:05:00Z',
        endedAt: null,
      },
      {
        linkId: CADRE_LINK,
        userId: CADRE_USER,
        displayName: 'Kader Wati',
        phone: null,
        relationship: 'cadre',
        linkedAt: '2026-11-21T01:06:00Z',
        endedAt: null,
      },
    ],
    carePlans: [
      { id: PLAN_OLD, protocol: PROTOCOL, firstDay: 1, lastDay: 3, assignedAt: '2026-11-21T01:10:00Z' },
      { id: PLAN, protocol: PROTOCOL, firstDay: 1, lastDay: 7, assignedAt: '2026-11-22T02:00:00Z' },
    ],
    entries: [
      {
        id: id(1),
        kind: 'massage_session',
        babyId: null,
        occurredAt: '2026-11-21T01:30:00Z',
        recordedBy: HUSBAND_USER,
        data: {
          protocolId: PROTOCOL.id,
          endedAt: '2026-11-21T01:42:00Z',
          outcome: 'completed',
          stepsCompleted: ['prepare', 'massage'],
          stepsTotal: 2,
          massageSeconds: 180,
          comfort: 4,
          pain: 0,
          letDown: true,
          notes: 'Ibu merasa rileks',
          safetyStops: [],
        },
      },
      {
        id: id(2),
        kind: 'massage_session',
        babyId: null,
        occurredAt: '2026-11-21T09:30:00Z',
        recordedBy: HUSBAND_USER,
        data: {
          protocolId: PROTOCOL.id,
          endedAt: '2026-11-21T09:31:00Z',
          outcome: 'stopped_safety',
          stepsCompleted: ['prepare'],
          stepsTotal: 8,
          massageSeconds: 0,
          comfort: null,
          pain: null,
          letDown: null,
          notes: null,
          safetyStops: ['fever'],
        },
      },
      {
        id: id(3),
        kind: 'feed',
        babyId: BABY,
        occurredAt: '2026-11-21T02:00:00Z',
        recordedBy: MOTHER_USER,
        data: { side: 'left', durationMinutes: 12 },
      },
      {
        id: id(4),
        kind: 'expression',
        babyId: null,
        occurredAt: '2026-11-21T03:00:00Z',
        recordedBy: MOTHER_USER,
        data: { leftMl: 5, rightMl: 7.5 },
      },
      {
        id: id(5),
        kind: 'nappy',
        babyId: BABY,
        occurredAt: '2026-11-21T04:00:00Z',
        recordedBy: MOTHER_USER,
        data: { wet: true, dirty: true, stoolColour: 'green_brown' },
      },
      {
        id: id(6),
        kind: 'weight',
        babyId: BABY,
        occurredAt: '2026-11-23T02:00:00Z',
        recordedBy: MOTHER_USER,
        data: { grams: 2890 },
      },
      {
        id: id(7),
        kind: 'mother_state',
        babyId: null,
        occurredAt: '2026-11-21T05:00:00Z',
        recordedBy: MOTHER_USER,
        data: { stress: 3, sleepHours: 4.5, breastComfort: 'red_painful', fever: false },
      },
      {
        id: id(8),
        kind: 'adequacy_check',
        babyId: BABY,
        occurredAt: '2026-11-21T20:00:00Z',
        recordedBy: CADRE_USER,
        data: {
          dayOfLife: 1,
          answers: { feeds: true, 'wet-nappies': true, stools: null },
          result: 'incomplete',
          contentVersion: 1,
        },
      },
      {
        id: id(9),
        kind: 'danger_report',
        babyId: null,
        occurredAt: '2026-11-22T06:00:00Z',
        recordedBy: MOTHER_USER,
        data: { signs: ['baby-fever'] },
      },
      {
        id: id(10),
        kind: 'mother_state',
        babyId: null,
        occurredAt: '2026-11-22T05:00:00Z',
        recordedBy: MOTHER_USER,
        data: { stress: null, sleepHours: null, breastComfort: null, fever: null },
      },
    ],
    visits: [
      {
        id: id(20),
        code: 'KF1',
        visitedAt: '2026-11-21T03:00:00Z',
        place: 'facility',
        observations: {
          temperatureC: 37.2,
          bloodPressure: { systolic: 118, diastolic: 76 },
          breasts: 'engorged',
          babies: [{ babyId: BABY, weightG: 2950, jaundice: false, goodLatch: true }],
        },
      },
      { id: id(21), code: 'KF2', visitedAt: '2026-11-24T03:00:00Z', place: 'home', observations: {} },
    ],
    quizAttempts: [
      {
        id: id(30),
        userId: HUSBAND_USER,
        phase: 'pre',
        itemBankVersion: 1,
        answers: { 'massage-area': 'c', 'massage-duration': null },
        correct: 1,
        answered: 1,
        total: 2,
        score: null,
        complete: false,
        source: 'paper',
        takenAt: '2026-11-21T06:00:00Z',
      },
      {
        id: id(31),
        userId: HUSBAND_USER,
        phase: 'post',
        itemBankVersion: 1,
        answers: { 'massage-area': 'c', 'massage-duration': 'b' },
        correct: 2,
        answered: 2,
        total: 2,
        score: 100,
        complete: true,
        source: 'phone',
        takenAt: '2026-11-21T08:00:00Z',
      },
    ],
    ...overrides,
  };
}

function resources(bundle: FhirBundle, type?: string): FhirResource[] {
  return bundle.entry.map((e) => e.resource).filter((r) => type === undefined || r.resourceType === type);
}

// biome-ignore lint/suspicious/noExplicitAny: the assertions below check each resource's shape.
type Loose = any;

function byId(bundle: FhirBundle, resourceId: string): Loose {
  const found = bundle.entry.find((e) => e.resource.id === resourceId)?.resource;
  assert.ok(found, `no resource ${resourceId} in the bundle`);
  return found;
}

/** Every reference string anywhere in a resource. */
function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') out.push(v);
      else referencesIn(v, out);
    }
  }
  return out;
}

/** Every coding with the given system anywhere in a resource. */
function codingsIn(value: unknown, system: string, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) codingsIn(v, system, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.system === system && typeof o.code === 'string') out.push(o.code);
    for (const v of Object.values(o)) codingsIn(v, system, out);
  }
  return out;
}

describe('FHIR R4 export of a mother’s record', () => {
  const bundle = buildMotherBundle(record(), OPTIONS);

  it('validates every resource against the R4 StructureDefinitions', () => {
    assert.deepEqual(validateBundle(bundle), []);
    assert.ok(bundle.entry.length > 20, `only ${bundle.entry.length} entries`);
    const types = new Set(resources(bundle).map((r) => r.resourceType));
    for (const type of [
      'CodeSystem',
      'ConceptMap',
      'Organization',
      'Patient',
      'RelatedPerson',
      'Observation',
      'Procedure',
      'CarePlan',
      'QuestionnaireResponse',
      'Encounter',
      'Consent',
    ]) {
      assert.ok(types.has(type), `no ${type} in the bundle`);
    }
  });

  it('catches an invalid resource, so the validation can fail', () => {
    const patient = { ...byId(bundle, MOTHER), favouriteColour: 'green' };
    assert.notDeepEqual(validateFhir(patient), []);
    const observation = { ...byId(bundle, id(6)) };
    delete observation.code;
    assert.notDeepEqual(validateFhir(observation), [], 'Observation.code is required');
    const quantity = { ...byId(bundle, id(4)), valueQuantity: { value: 'twelve', unit: 'mL' } };
    assert.notDeepEqual(validateFhir(quantity), [], 'a quantity is a number');
    const status = { ...byId(bundle, id(1)), status: 'done' };
    assert.match(validateFhir(status)[0]?.message ?? '', /required value set .*event-status/);
    const gender = { ...byId(bundle, BABY), gender: 'girl' };
    assert.notDeepEqual(validateFhir(gender), [], 'gender has a required binding');
    const broken = structuredClone(bundle);
    (broken.entry[2]?.resource as Record<string, unknown>).status = ['final'];
    assert.notDeepEqual(validateBundle(broken), []);
  });

  it('uses urn:uuid fullUrls from Lancar’s ids, each once, and every reference resolves inside the bundle', () => {
    const fullUrls = bundle.entry.map((e) => e.fullUrl);
    assert.equal(new Set(fullUrls).size, fullUrls.length);
    for (const entry of bundle.entry) {
      assert.match(entry.fullUrl, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(entry.fullUrl, `urn:uuid:${entry.resource.id}`);
    }
    assert.equal(byId(bundle, MOTHER).resourceType, 'Patient');
    const urls = new Set(fullUrls);
    const refs = resources(bundle).flatMap((r) => referencesIn(r));
    assert.ok(refs.length > 30);
    for (const reference of refs) assert.ok(urls.has(reference), `${reference} does not resolve`);
  });

  it('identifies the mother by her NIK in the Kemkes system, and leaves it out when unknown', () => {
    const mother = byId(bundle, MOTHER) as { identifier: { system: string; value: string }[]; gender: string };
    assert.deepEqual(
      mother.identifier.find((i) => i.system === 'https://fhir.kemkes.go.id/id/nik'),
      { use: 'official', system: 'https://fhir.kemkes.go.id/id/nik', value: '3310014502980001' },
    );
    assert.equal(mother.gender, 'female');
    const without = buildMotherBundle(record({ mother: { ...record().mother, nik: null } }), OPTIONS);
    const identifiers = (byId(without, MOTHER) as { identifier: { system: string }[] }).identifier;
    assert.ok(!identifiers.some((i) => i.system === SYSTEM.nik));
    assert.deepEqual(validateBundle(without), []);
  });

  it('links the baby to the mother and records the birth weight in grams', () => {
    const baby = byId(bundle, BABY) as { birthDate: string; link: { other: { reference: string } }[] };
    // Born 20:30 UTC, which is 03:30 the next morning in WIB.
    assert.equal(baby.birthDate, '2026-11-21');
    const motherOfBaby = byId(bundle, derivedId(BABY, 'mother')) as {
      resourceType: string;
      patient: { reference: string };
      relationship: { coding: { code: string }[] }[];
    };
    assert.equal(motherOfBaby.resourceType, 'RelatedPerson');
    assert.equal(motherOfBaby.patient.reference, `urn:uuid:${BABY}`);
    assert.equal(motherOfBaby.relationship[0]?.coding[0]?.code, 'MTH');
    assert.equal(baby.link[0]?.other.reference, `urn:uuid:${derivedId(BABY, 'mother')}`);
    const mother = byId(bundle, MOTHER) as { link: { other: { reference: string } }[] };
    assert.equal(mother.link[0]?.other.reference, `urn:uuid:${derivedId(BABY, 'mother')}`);
    const weight = byId(bundle, derivedId(BABY, 'birth-weight')) as { valueQuantity: unknown; subject: unknown };
    assert.deepEqual(weight.valueQuantity, { value: 3050, unit: 'g', system: 'http://unitsofmeasure.org', code: 'g' });
    assert.deepEqual(weight.subject, { reference: `urn:uuid:${BABY}` });
  });

  it('maps companions to RelatedPersons and massage sessions to Procedures they performed', () => {
    const husband = byId(bundle, HUSBAND_LINK) as { relationship: { coding: { code: string }[] }[] };
    assert.equal(husband.relationship[0]?.coding[0]?.code, 'HUSB');
    const cadre = byId(bundle, CADRE_LINK) as { relationship: { coding: { system: string; code: string }[] }[] };
    assert.deepEqual(cadre.relationship[0]?.coding[0], {
      system: SYSTEM.lancar,
      code: 'cadre',
      display: 'Kader posyandu',
    });
    const done = byId(bundle, id(1)) as Record<string, unknown>;
    assert.equal(done.resourceType, 'Procedure');
    assert.equal(done.status, 'completed');
    assert.deepEqual(done.performer, [{ actor: { reference: `urn:uuid:${HUSBAND_LINK}`, display: 'Hendra' } }]);
    assert.deepEqual(done.basedOn, [{ reference: `urn:uuid:${PLAN}` }]);
    const stopped = byId(bundle, id(2)) as { status: string; statusReason: { coding: { code: string }[] } };
    assert.equal(stopped.status, 'stopped');
    assert.equal(stopped.statusReason.coding[0]?.code, 'stopped-safety');
    const response = byId(bundle, derivedId(id(1), 'response')) as { partOf: unknown; component: unknown[] };
    assert.deepEqual(response.partOf, [{ reference: `urn:uuid:${id(1)}` }]);
    assert.equal(response.component.length, 3);
  });

  it('records expressed milk in mL and weights in g (UCUM)', () => {
    const milk = byId(bundle, id(4)) as {
      code: { coding: { system: string; code: string }[] };
      valueQuantity: unknown;
      component: { valueQuantity: unknown }[];
    };
    assert.deepEqual(milk.code.coding[0], {
      system: SYSTEM.lancar,
      code: 'expressed-milk-volume',
      display: 'Volume ASI perah',
    });
    assert.deepEqual(milk.valueQuantity, { value: 12.5, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' });
    assert.deepEqual(milk.component[1]?.valueQuantity, {
      value: 7.5,
      unit: 'mL',
      system: 'http://unitsofmeasure.org',
      code: 'mL',
    });
    const weight = byId(bundle, id(6)) as { code: { coding: { code: string }[] }; valueQuantity: { code: string } };
    assert.equal(weight.code.coding[0]?.code, '29463-7');
    assert.equal(weight.valueQuantity.code, 'g');
    const feed = byId(bundle, id(3)) as { valueQuantity: { code: string }; subject: unknown };
    assert.equal(feed.valueQuantity.code, 'min');
    assert.deepEqual(feed.subject, { reference: `urn:uuid:${BABY}` });
  });

  it('relates Lancar codes to Kemkes OC000017 (Produksi ASI) and LOINC 63895-7 in the ConceptMap', () => {
    const map = resources(bundle, 'ConceptMap')[0] as Loose as {
      group: { target: string; element: { code: string; target: { code: string; equivalence: string }[] }[] }[];
    };
    const kemkes = map.group.find((g) => g.target === SYSTEM.kemkesClinicalTerm);
    const milk = kemkes?.element.find((e) => e.code === 'expressed-milk-volume');
    assert.deepEqual(
      milk?.target.map((t) => [t.code, t.equivalence]),
      [['OC000017', 'wider']],
    );
    const loinc = map.group.find((g) => g.target === SYSTEM.loinc);
    assert.equal(loinc?.element.find((e) => e.code === 'breastfeed-episode')?.target[0]?.code, '63895-7');
    // The mother's breast condition carries the Kemkes code for breast condition beside the Lancar one.
    assert.ok(codingsIn(byId(bundle, id(7)), SYSTEM.kemkesClinicalTerm).includes('OC000024'));
  });

  it('defines every Lancar code it uses in the Lancar CodeSystem carried in the bundle', () => {
    const codeSystem = resources(bundle, 'CodeSystem')[0] as Loose as { url: string; concept: { code: string }[] };
    assert.equal(codeSystem.url, 'https://lancar.id/fhir/CodeSystem/lancar');
    const defined = new Set(codeSystem.concept.map((c) => c.code));
    assert.equal(defined.size, codeSystem.concept.length, 'codes are unique');
    const used = resources(bundle)
      .filter((r) => r.resourceType !== 'CodeSystem')
      .flatMap((r) => codingsIn(r, SYSTEM.lancar));
    assert.ok(used.includes(adequacyItemCode('feeds')));
    for (const code of used) assert.ok(defined.has(code), `${code} is not in the CodeSystem`);
    assert.equal(lancarConcepts(OPTIONS.labels).length, codeSystem.concept.length);
  });

  it('maps the checklist, care plan, visits, consents and quiz attempts', () => {
    const checklist = byId(bundle, id(8)) as { resourceType: string; status: string; item: { linkId: string }[] };
    assert.equal(checklist.resourceType, 'QuestionnaireResponse');
    assert.equal(checklist.status, 'in-progress');
    assert.deepEqual(
      checklist.item.map((i) => i.linkId),
      ['day-of-life', 'feeds', 'wet-nappies', 'stools'],
    );
    const result = byId(bundle, derivedId(id(8), 'result')) as { valueCodeableConcept: { coding: { code: string }[] } };
    assert.equal(result.valueCodeableConcept.coding[0]?.code, 'incomplete');

    const plan = byId(bundle, PLAN) as Record<string, unknown> & {
      activity: { detail: { scheduledTiming: { repeat: Record<string, unknown> } } }[];
    };
    assert.equal(plan.status, 'active');
    assert.deepEqual(plan.replaces, [{ reference: `urn:uuid:${PLAN_OLD}` }]);
    assert.equal(byId(bundle, PLAN_OLD).status, 'revoked');
    const repeat = plan.activity[0]?.detail.scheduledTiming.repeat;
    assert.equal(repeat?.frequency, 2);
    assert.equal(repeat?.duration, 3);
    // Day 1 starts at birth; extended to day 7 ends 7 days after birth.
    assert.deepEqual(repeat?.boundsPeriod, { start: '2026-11-20T20:30:00.000Z', end: '2026-11-27T20:30:00.000Z' });

    const visit = byId(bundle, id(20)) as { status: string; type: { coding: { code: string }[] }[] };
    assert.equal(visit.status, 'finished');
    assert.equal(visit.type[0]?.coding[0]?.code, 'KF1');

    const latch = byId(bundle, derivedId(id(20), `latch:${BABY}`)) as Record<string, unknown>;
    assert.deepEqual(latch.encounter, { reference: `urn:uuid:${id(20)}` });
    assert.deepEqual(latch.subject, { reference: `urn:uuid:${BABY}` });
    assert.deepEqual(codingsIn(latch, SYSTEM.kemkesClinicalTerm), ['OC000081', 'OV000197']);
    const temperature = byId(bundle, derivedId(id(20), 'temperature')) as { valueQuantity: { code: string } };
    assert.equal(temperature.valueQuantity.code, 'Cel');
    assert.equal(
      resources(bundle, 'Observation').filter(
        (r) => (r.encounter as { reference?: string })?.reference === `urn:uuid:${id(20)}`,
      ).length,
      6,
    );

    const consents = resources(bundle, 'Consent') as Loose as {
      scope: { coding: { code: string }[] };
      provision: unknown;
    }[];
    assert.deepEqual(
      consents.map((c) => [c.scope.coding[0]?.code, c.provision]),
      [
        ['treatment', { type: 'permit' }],
        ['research', { type: 'deny' }],
      ],
    );

    const post = byId(bundle, id(31)) as { status: string; source: { reference: string } };
    assert.equal(post.status, 'completed');
    assert.equal(post.source.reference, `urn:uuid:${HUSBAND_LINK}`);
    assert.equal(byId(bundle, id(30)).status, 'in-progress');
  });

  it('puts several mothers in one export bundle, carrying shared resources once', () => {
    const second = record({
      mother: { ...record().mother, id: id(50), nik: null, fullName: 'Rina', pseudonym: 'P-AAAAAA' },
      babies: [{ id: id(51), name: null, sex: 'unknown', birthWeightG: null, birthOrder: 1 }],
      companions: [{ ...(record().companions[1] as MotherRecordInput['companions'][number]), linkId: id(52) }],
      carePlans: [],
      entries: [],
      visits: [],
      quizAttempts: [],
    });
    const both = buildExportBundle([record(), second], OPTIONS);
    assert.deepEqual(validateBundle(both), []);
    assert.equal(resources(both, 'Organization').length, 1);
    assert.equal(resources(both, 'CodeSystem').length, 1);
    assert.equal(resources(both, 'Patient').filter((p) => p.gender === 'female' && p.id !== BABY).length, 2);
    const urls = new Set(both.entry.map((e) => e.fullUrl));
    assert.equal(urls.size, both.entry.length);
    for (const reference of resources(both).flatMap((r) => referencesIn(r))) assert.ok(urls.has(reference));
  });
});
