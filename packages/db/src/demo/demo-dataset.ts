import { formatActivationCode, formatPhone, type Role } from '@lancar/domain';
import { hashPassword } from '../credentials/password.ts';
import { hashToken } from '../credentials/token-hash.ts';
import type { Database } from '../database.ts';
import { migrate } from '../migrate.ts';
import { issueActivationCode } from '../repositories/activation-codes.ts';
import { recordAudit } from '../repositories/audit.ts';
import { linkCompanion } from '../repositories/companions.ts';
import { countFacilities, createFacility } from '../repositories/facilities.ts';
import { createMother } from '../repositories/mothers.ts';
import { createUser } from '../repositories/users.ts';
import { loadDemoHouseholds } from './demo-households.ts';
import { demoActivationCode, demoId, demoPseudonym } from './demo-ids.ts';
import { loadDemoTraining } from './demo-training.ts';

/**
 * The demo dataset: two clearly marked fictional facilities with staff, mothers and companions, loaded on the first
 * start so a newcomer can log in as every role. Deterministic: the same ids, names and codes every time; dates are
 * placed relative to the day it is loaded so the mothers are on days 1 to 11 postpartum.
 */
export const DEMO_PASSWORD = 'demo-lancar';
export const DEMO_SALT = Buffer.from('lancar-demo-salt');

const HOUR = 3600 * 1000;

export interface DemoLogin {
  role: Role;
  login: string;
  name: string;
  facility: string;
}

export interface DemoSummary {
  logins: DemoLogin[];
  /** Accounts not yet activated, with the code a midwife would hand over. */
  pendingActivations: { name: string; code: string }[];
}

interface DemoUser {
  key: string;
  role: Role;
  name: string;
  username?: string;
  phone?: string;
}

interface DemoMother {
  key: string;
  name: string;
  phone: string;
  dateOfBirth: string;
  deliveredHoursAgo: number;
  mode: 'vaginal' | 'caesarean';
  parity: 'primipara' | 'multipara';
  gestationalWeeks: number;
  village: string;
  consentResearch: boolean;
  activated: boolean;
  babies: { sex: 'female' | 'male'; weight: number; name: string }[];
  companions: { user: DemoUser; relationship: 'husband' | 'family' | 'cadre' | 'other' }[];
}

interface DemoFacility {
  key: string;
  name: string;
  kind: 'puskesmas' | 'hospital';
  district: string;
  province: string;
  phone: string;
  staff: DemoUser[];
  mothers: DemoMother[];
}

const WATI: DemoUser = { key: 'wati', role: 'cadre', name: 'Kader Wati', username: 'kader.wati' };

const FACILITIES: DemoFacility[] = [
  {
    key: 'sukamaju',
    name: '[DEMO] Puskesmas Sukamaju',
    kind: 'puskesmas',
    district: 'Kabupaten Contoh',
    province: 'Jawa Tengah',
    phone: '6281200000100',
    staff: [
      { key: 'sysadmin', role: 'system_admin', name: 'Admin Sistem', username: 'admin.sistem' },
      { key: 'ratna', role: 'facility_admin', name: 'Ratna Dewi (Kepala Puskesmas)', username: 'admin.sukamaju' },
      { key: 'sari', role: 'midwife', name: 'Bidan Sari Wulandari', username: 'bidan.sari' },
      { key: 'rina', role: 'midwife', name: 'Bidan Rina Kartika', username: 'bidan.rina' },
      WATI,
      { key: 'ayu', role: 'researcher', name: 'Ayu Lestari (peneliti)', username: 'peneliti.ayu' },
    ],
    mothers: [
      {
        key: 'siti',
        name: 'Siti Aminah',
        phone: '6281200000001',
        dateOfBirth: '1999-04-12',
        deliveredHoursAgo: 30,
        mode: 'vaginal',
        parity: 'primipara',
        gestationalWeeks: 39,
        village: 'Desa Sukamaju',
        consentResearch: true,
        activated: true,
        babies: [{ sex: 'female', weight: 3100, name: 'Bayi Ny. Siti' }],
        companions: [
          {
            user: { key: 'budi', role: 'companion', name: 'Budi Santoso', phone: '6281200000011' },
            relationship: 'husband',
          },
        ],
      },
      {
        key: 'dewi',
        name: 'Dewi Lestari',
        phone: '6281200000002',
        dateOfBirth: '1994-09-30',
        deliveredHoursAgo: 5 * 24 + 3,
        mode: 'caesarean',
        parity: 'multipara',
        gestationalWeeks: 38,
        village: 'Desa Mekarsari',
        consentResearch: true,
        activated: true,
        babies: [{ sex: 'male', weight: 3400, name: 'Bayi Ny. Dewi' }],
        companions: [
          {
            user: { key: 'yati', role: 'companion', name: 'Yati (ibu mertua)', phone: '6281200000012' },
            relationship: 'family',
          },
        ],
      },
      {
        key: 'ani',
        name: 'Ani Rahmawati',
        phone: '6281200000003',
        dateOfBirth: '2001-01-05',
        deliveredHoursAgo: 10 * 24 + 5,
        mode: 'vaginal',
        parity: 'primipara',
        gestationalWeeks: 37,
        village: 'Desa Sukamaju',
        consentResearch: false,
        activated: true,
        babies: [
          { sex: 'female', weight: 2500, name: 'Bayi I Ny. Ani' },
          { sex: 'female', weight: 2350, name: 'Bayi II Ny. Ani' },
        ],
        companions: [
          {
            user: { key: 'agus', role: 'companion', name: 'Agus Prasetyo', phone: '6281200000013' },
            relationship: 'husband',
          },
          { user: WATI, relationship: 'cadre' },
        ],
      },
      {
        key: 'nur',
        name: 'Nur Hidayah',
        phone: '6281200000004',
        dateOfBirth: '1997-07-21',
        deliveredHoursAgo: 6,
        mode: 'vaginal',
        parity: 'multipara',
        gestationalWeeks: 40,
        village: 'Desa Mekarsari',
        consentResearch: true,
        activated: false,
        babies: [{ sex: 'male', weight: 3250, name: 'Bayi Ny. Nur' }],
        companions: [],
      },
    ],
  },
  {
    key: 'harapan',
    name: '[DEMO] RSUD Harapan Bunda',
    kind: 'hospital',
    district: 'Kota Contoh',
    province: 'Jawa Tengah',
    phone: '6281200000200',
    staff: [{ key: 'lina', role: 'midwife', name: 'Bidan Lina Marlina', username: 'bidan.lina' }],
    mothers: [
      {
        key: 'rahma',
        name: 'Rahma Putri',
        phone: '6281200000005',
        dateOfBirth: '1996-03-03',
        deliveredHoursAgo: 3 * 24 + 2,
        mode: 'caesarean',
        parity: 'primipara',
        gestationalWeeks: 38,
        village: 'Kelurahan Harapan',
        consentResearch: true,
        activated: true,
        babies: [{ sex: 'male', weight: 2900, name: 'Bayi Ny. Rahma' }],
        companions: [
          {
            user: { key: 'joko', role: 'companion', name: 'Joko Susilo', phone: '6281200000015' },
            relationship: 'husband',
          },
        ],
      },
    ],
  },
];

function loginOf(user: { username?: string; phone?: string }): string {
  return user.username ?? formatPhone(user.phone ?? '');
}

/** What the demo contains, for the start banner: the same every time, because the dataset is deterministic. */
export function describeDemo(): DemoSummary {
  const summary: DemoSummary = { logins: [], pendingActivations: [] };
  for (const facility of FACILITIES) {
    const seen = new Set<string>();
    const add = (user: DemoUser) => {
      if (seen.has(user.key)) return;
      seen.add(user.key);
      summary.logins.push({ role: user.role, login: loginOf(user), name: user.name, facility: facility.name });
    };
    for (const staff of facility.staff) add(staff);
    for (const mother of facility.mothers) {
      if (mother.activated) add({ key: mother.key, role: 'mother', name: mother.name, phone: mother.phone });
      else
        summary.pendingActivations.push({
          name: mother.name,
          code: formatActivationCode(demoActivationCode(mother.key)),
        });
      for (const companion of mother.companions) add(companion.user);
    }
  }
  return summary;
}

/** True when any demo facility is present (the start banner then lists the demo logins). */
export async function hasDemoData(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom('facility').select('id').where('is_demo', '=', true).executeTakeFirst();
  return row !== undefined;
}

/** True when the database holds no facility yet: the moment to offer the demo on first start. */
export async function isEmpty(database: Database): Promise<boolean> {
  return (await countFacilities(database.db)) === 0;
}

/** Loads the demo into an empty, migrated database in one transaction. */
export async function loadDemo(database: Database, now: Date = new Date()): Promise<DemoSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, DEMO_SALT);
  const summary: DemoSummary = { logins: [], pendingActivations: [] };
  await database.db.transaction().execute(async (tx) => {
    for (const facility of FACILITIES) {
      const facilityId = demoId(`facility:${facility.key}`);
      await createFacility(tx, {
        id: facilityId,
        name: facility.name,
        kind: facility.kind,
        district: facility.district,
        province: facility.province,
        phone: facility.phone,
        is_demo: true,
        created_at: now,
      });
      const created = new Set<string>();
      const addUser = async (user: DemoUser, status: 'active' | 'pending') => {
        if (created.has(user.key)) return;
        created.add(user.key);
        await createUser(tx, {
          facility_id: facilityId,
          id: demoId(`user:${user.key}`),
          role: user.role,
          display_name: user.name,
          username: user.username ?? null,
          phone: user.phone ?? null,
          password_hash: status === 'active' ? passwordHash : null,
          status,
          created_at: now,
          updated_at: now,
        });
        if (status === 'active') {
          summary.logins.push({ role: user.role, login: loginOf(user), name: user.name, facility: facility.name });
        }
      };
      for (const staff of facility.staff) await addUser(staff, 'active');
      const midwifeId = demoId(`user:${facility.staff.find((s) => s.role === 'midwife')?.key}`);

      for (const mother of facility.mothers) {
        const motherUser: DemoUser = { key: mother.key, role: 'mother', name: mother.name, phone: mother.phone };
        await addUser(motherUser, mother.activated ? 'active' : 'pending');
        const motherId = demoId(`mother:${mother.key}`);
        await createMother(
          tx,
          {
            facility_id: facilityId,
            id: motherId,
            user_id: demoId(`user:${mother.key}`),
            pseudonym: demoPseudonym(mother.key),
            full_name: mother.name,
            phone: mother.phone,
            village: mother.village,
            date_of_birth: mother.dateOfBirth,
            delivered_at: new Date(now.getTime() - mother.deliveredHoursAgo * HOUR),
            delivery_mode: mother.mode,
            parity: mother.parity,
            gestational_age_weeks: mother.gestationalWeeks,
            consent_care: true,
            consent_research: mother.consentResearch,
            created_at: now,
            created_by: midwifeId,
            updated_at: now,
          },
          mother.babies.map((baby, index) => ({
            facility_id: facilityId,
            id: demoId(`baby:${mother.key}:${index + 1}`),
            mother_id: motherId,
            name: baby.name,
            sex: baby.sex,
            birth_weight_g: baby.weight,
            birth_order: index + 1,
            created_at: now,
            created_by: midwifeId,
          })),
        );
        await recordAudit(tx, {
          facilityId,
          actorUserId: null,
          actorRole: null,
          action: 'create',
          subjectType: 'mother',
          subjectId: motherId,
          purpose: 'system',
          detail: { source: 'demo dataset' },
          at: now,
          id: demoId(`audit:create:${mother.key}`),
        });
        if (!mother.activated) {
          const code = demoActivationCode(mother.key);
          await issueActivationCode(tx, {
            codeHash: hashToken(code),
            facilityId,
            userId: demoId(`user:${mother.key}`),
            issuedBy: midwifeId,
            issuedAt: now,
            expiresAt: new Date(now.getTime() + 14 * 24 * HOUR),
          });
          summary.pendingActivations.push({ name: mother.name, code: formatActivationCode(code) });
        }
        for (const companion of mother.companions) {
          await addUser(companion.user, 'active');
          await linkCompanion(tx, {
            facilityId,
            id: demoId(`link:${mother.key}:${companion.user.key}`),
            motherId,
            userId: demoId(`user:${companion.user.key}`),
            relationship: companion.relationship,
            createdBy: midwifeId,
          });
        }
      }
    }
    await loadDemoHouseholds(tx, now);
    await loadDemoTraining(tx, now);
  });
  return summary;
}

/** Thrown when a reset would remove real (non-demo) records. */
export class RealDataPresentError extends Error {
  constructor() {
    super('This database holds facilities that are not part of the demo; the demo cannot be reset here.');
    this.name = 'RealDataPresentError';
  }
}

/**
 * Empties a database that holds only demo data and loads the demo again. Refuses if any real facility exists:
 * real clinical records are never deleted.
 */
export async function resetDemo(database: Database, now: Date = new Date()): Promise<DemoSummary> {
  const real = await database.db
    .selectFrom('facility')
    .select('id')
    .where('is_demo', '=', false)
    .executeTakeFirst()
    .catch(() => undefined); // no tables yet
  if (real) throw new RealDataPresentError();
  await database.withSession((session) => session.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'));
  await migrate(database);
  return loadDemo(database, now);
}
