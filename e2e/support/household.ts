import { newId } from '@lancar/domain';
import type { TestServer } from '@lancar/server/testing';

let phoneCounter = 0;
function freshPhone(): string {
  phoneCounter++;
  return `08129${String(process.pid % 1000).padStart(3, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

export interface Household {
  motherId: string;
  babyId: string;
  motherLogin: string;
  companionLogin: string;
  password: string;
  deliveredAt: Date;
}

/**
 * A new household for a journey, made the way a midwife makes one (enrol, add the husband) and activated the way
 * phones activate (with the codes), through the API, so the journey starts on a chosen day after the birth.
 */
export async function createHousehold(server: TestServer, deliveredHoursAgo: number): Promise<Household> {
  const midwife = await server.loginAs('bidan.sari');
  const deliveredAt = new Date(Date.now() - deliveredHoursAgo * 3600_000);
  const motherLogin = freshPhone();
  const companionLogin = freshPhone();
  const babyId = newId();
  const enrolled = await midwife.post('/api/mothers', {
    id: newId(),
    fullName: 'Ibu Perjalanan',
    phone: motherLogin,
    village: 'Desa Uji',
    deliveredAt: deliveredAt.toISOString(),
    deliveryMode: 'vaginal',
    parity: 'primipara',
    consentCare: true,
    consentResearch: false,
    babies: [{ id: babyId, sex: 'female', birthWeightG: 3000 }],
  });
  if (enrolled.status !== 201) throw new Error(`enrolment failed: ${enrolled.text}`);
  const motherId = enrolled.body.mother.id as string;
  const added = await midwife.post(`/api/mothers/${motherId}/companions`, {
    displayName: 'Pak Pendamping',
    phone: companionLogin,
    relationship: 'husband',
  });
  if (added.status !== 201) throw new Error(`adding the companion failed: ${added.text}`);
  const password = 'perjalanan-2026';
  for (const code of [enrolled.body.activation.code, added.body.activation.code]) {
    const activated = await server.client().post('/api/auth/activation', { code, password });
    if (activated.status !== 200) throw new Error(`activation failed: ${activated.text}`);
  }
  return { motherId, babyId, motherLogin, companionLogin, password, deliveredAt };
}
