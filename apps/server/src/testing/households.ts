import { newId } from '@lancar/domain';
import { Phone } from './phone.ts';
import { DEMO, DEMO_PASSWORD_FOR_TESTS, TestClient } from './test-server.ts';

let phoneNumbers = 0;
function freshPhoneNumber(): string {
  phoneNumbers++;
  return `08127${String(process.pid % 1000).padStart(3, '0')}${String(phoneNumbers).padStart(4, '0')}`;
}

async function expectStatus(what: string, response: Promise<{ status: number; text: string }>, status: number) {
  const answer = await response;
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${answer.text.slice(0, 500)}`);
  return answer;
}

/**
 * Households made as a midwife makes them (enrol the mother with her baby, add the husband), each phone activated
 * with its code, which logs it in: two phones a household, the mother's and the husband's.
 */
export async function householdPhones(url: string, households: number): Promise<Phone[]> {
  const midwife = new TestClient(url);
  await expectStatus(
    'midwife login',
    midwife.post('/api/auth/login', { login: DEMO.midwife, password: DEMO_PASSWORD_FOR_TESTS }),
    200,
  );
  const phones: Phone[] = [];
  for (let h = 0; h < households; h++) {
    const babyId = newId();
    const enrolled = (await expectStatus(
      'enrolment',
      midwife.post('/api/mothers', {
        id: newId(),
        fullName: `Ibu Uji Gangguan ${h + 1}`,
        phone: freshPhoneNumber(),
        village: 'Desa Uji',
        deliveredAt: new Date(Date.now() - 48 * 3600_000).toISOString(),
        deliveryMode: 'vaginal',
        parity: 'primipara',
        consentCare: true,
        consentResearch: false,
        babies: [{ id: babyId, sex: h % 2 === 0 ? 'female' : 'male', birthWeightG: 3000 }],
      }),
      201,
    )) as { body: { mother: { id: string }; activation: { code: string } } } & { status: number; text: string };
    const motherId = enrolled.body.mother.id;
    const added = (await expectStatus(
      'adding the husband',
      midwife.post(`/api/mothers/${motherId}/companions`, {
        displayName: `Pak Uji ${h + 1}`,
        phone: freshPhoneNumber(),
        relationship: 'husband',
      }),
      201,
    )) as { body: { activation: { code: string } } } & { status: number; text: string };
    for (const [who, code] of [
      ['mother', enrolled.body.activation.code],
      ['husband', added.body.activation.code],
    ] as const) {
      const client = new TestClient(url);
      await expectStatus('activation', client.post('/api/auth/activation', { code, password: 'gangguan-2026' }), 200);
      phones.push(new Phone(`household-${h + 1}-${who}`, client, { motherId, babyId }));
    }
  }
  return phones;
}
