import { newId } from '@lancar/domain';
import { Phone } from './phone.ts';
import { DEMO, DEMO_PASSWORD_FOR_TESTS, TestClient } from './test-server.ts';

let phoneNumbers = 0;
function freshPhoneNumber(): string {
  phoneNumbers++;
  return `08129${String(process.pid % 1000).padStart(3, '0')}${String(phoneNumbers).padStart(4, '0')}`;
}

async function expectStatus<T>(
  what: string,
  response: Promise<{ status: number; text: string; body: T }>,
  status: number,
) {
  const answer = await response;
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${answer.text.slice(0, 500)}`);
  return answer.body;
}

export interface EnrolledHousehold {
  motherId: string;
  babyId: string;
  motherLogin: string;
  companionLogin: string;
  password: string;
  deliveredAt: Date;
  /** The two phones, each logged in by its activation. */
  motherClient: TestClient;
  companionClient: TestClient;
}

export interface HouseholdOptions {
  deliveredHoursAgo: number;
  motherName?: string;
  companionName?: string;
  babySex?: 'female' | 'male';
}

/**
 * A household made as a midwife makes one (enrol the mother with her baby, add the husband) and activated as phones
 * activate (with the codes, which logs each phone in), through the API, so a test starts on a chosen day after birth.
 */
export async function enrolHousehold(midwife: TestClient, options: HouseholdOptions): Promise<EnrolledHousehold> {
  const deliveredAt = new Date(Date.now() - options.deliveredHoursAgo * 3600_000);
  const motherLogin = freshPhoneNumber();
  const companionLogin = freshPhoneNumber();
  const babyId = newId();
  const enrolled = await expectStatus<{ mother: { id: string }; activation: { code: string } }>(
    'enrolment',
    midwife.post('/api/mothers', {
      id: newId(),
      fullName: options.motherName ?? 'Ibu Perjalanan',
      phone: motherLogin,
      village: 'Desa Uji',
      deliveredAt: deliveredAt.toISOString(),
      deliveryMode: 'vaginal',
      parity: 'primipara',
      consentCare: true,
      consentResearch: false,
      babies: [{ id: babyId, sex: options.babySex ?? 'female', birthWeightG: 3000 }],
    }),
    201,
  );
  const motherId = enrolled.mother.id;
  const added = await expectStatus<{ activation: { code: string } }>(
    'adding the husband',
    midwife.post(`/api/mothers/${motherId}/companions`, {
      displayName: options.companionName ?? 'Pak Pendamping',
      phone: companionLogin,
      relationship: 'husband',
    }),
    201,
  );
  const password = 'perjalanan-2026';
  const activate = async (code: string) => {
    const client = new TestClient(midwife.base);
    await expectStatus('activation', client.post('/api/auth/activation', { code, password }), 200);
    return client;
  };
  return {
    motherId,
    babyId,
    motherLogin,
    companionLogin,
    password,
    deliveredAt,
    motherClient: await activate(enrolled.activation.code),
    companionClient: await activate(added.activation.code),
  };
}

/** Households for the fault tests, two days after birth: two phones a household, the mother's and the husband's. */
export async function householdPhones(url: string, households: number): Promise<Phone[]> {
  const midwife = new TestClient(url);
  await expectStatus(
    'midwife login',
    midwife.post('/api/auth/login', { login: DEMO.midwife, password: DEMO_PASSWORD_FOR_TESTS }),
    200,
  );
  const phones: Phone[] = [];
  for (let h = 0; h < households; h++) {
    const household = await enrolHousehold(midwife, {
      deliveredHoursAgo: 48,
      motherName: `Ibu Uji Gangguan ${h + 1}`,
      companionName: `Pak Uji ${h + 1}`,
      babySex: h % 2 === 0 ? 'female' : 'male',
    });
    const ids = { motherId: household.motherId, babyId: household.babyId };
    phones.push(
      new Phone(`household-${h + 1}-mother`, household.motherClient, ids),
      new Phone(`household-${h + 1}-husband`, household.companionClient, ids),
    );
  }
  return phones;
}
