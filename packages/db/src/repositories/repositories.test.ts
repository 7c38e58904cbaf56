import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '@lancar/domain';
import type { Database } from '../database.ts';
import { demoId } from '../demo/demo-ids.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { recordAudit } from './audit.ts';
import { listCompanions } from './companions.ts';
import { clearFailures, recordFailure, throttleState } from './login-throttle.ts';
import { getMother, householdMotherIds, listMothers } from './mothers.ts';
import { listResearchRecords } from './research.ts';
import { createUser, findUserByLoginName, LoginNameTakenError } from './users.ts';

const SUKAMAJU = demoId('facility:sukamaju');
const HARAPAN = demoId('facility:harapan');

describe('repositories on the demo dataset', () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  it('finds an account by username or by phone login name', async () => {
    const byName = await findUserByLoginName(database.db, 'bidan.sari');
    assert.equal(byName?.role, 'midwife');
    const byPhone = await findUserByLoginName(database.db, 'tel:6281200000001');
    assert.equal(byPhone?.display_name, 'Siti Aminah');
    assert.equal(await findUserByLoginName(database.db, 'nobody'), undefined);
  });

  it('refuses a second account with a phone number already in use, in any facility', async () => {
    await assert.rejects(
      database.db.transaction().execute((tx) =>
        createUser(tx, {
          facility_id: HARAPAN,
          id: newId(),
          role: 'companion',
          display_name: 'Duplicate',
          phone: '6281200000001',
          username: null,
          password_hash: null,
          status: 'pending',
          created_by: null,
        }),
      ),
      LoginNameTakenError,
    );
  });

  it('scopes a household to the mother herself or to the mothers a companion supports', async () => {
    assert.deepEqual(await householdMotherIds(database.db, SUKAMAJU, demoId('user:siti'), 'mother'), [
      demoId('mother:siti'),
    ]);
    assert.deepEqual(await householdMotherIds(database.db, SUKAMAJU, demoId('user:budi'), 'companion'), [
      demoId('mother:siti'),
    ]);
    assert.deepEqual(await householdMotherIds(database.db, SUKAMAJU, demoId('user:wati'), 'cadre'), [
      demoId('mother:ani'),
    ]);
    assert.deepEqual(await householdMotherIds(database.db, SUKAMAJU, demoId('user:sari'), 'midwife'), []);
  });

  it('lists a facility’s mothers with their babies, and nothing for an empty household', async () => {
    const all = await listMothers(database.db, SUKAMAJU);
    assert.deepEqual(all.map((m) => m.full_name).sort(), [
      'Ani Rahmawati',
      'Dewi Lestari',
      'Nur Hidayah',
      'Siti Aminah',
    ]);
    const ani = all.find((m) => m.full_name === 'Ani Rahmawati');
    assert.deepEqual(
      ani?.babies.map((b) => b.birth_weight_g),
      [2500, 2350],
    );
    assert.deepEqual(await listMothers(database.db, SUKAMAJU, { onlyIds: [] }), []);
    assert.equal(
      await getMother(database.db, HARAPAN, demoId('mother:siti')),
      undefined,
      'facility is part of the key',
    );
  });

  it('lists companions with their accounts', async () => {
    const companions = await listCompanions(database.db, SUKAMAJU, [demoId('mother:ani')]);
    assert.deepEqual(companions.map((c) => [c.display_name, c.relationship]).sort(), [
      ['Agus Prasetyo', 'husband'],
      ['Kader Wati', 'cadre'],
    ]);
  });

  it('gives researchers only consenting mothers, and no identifying fields', async () => {
    const records = await listResearchRecords(database.db, SUKAMAJU, new Date());
    assert.equal(records.length, 3, 'Ani did not consent to research');
    for (const record of records) {
      assert.deepEqual(Object.keys(record).sort(), [
        'age_years',
        'babies',
        'birth_weights_g',
        'day_postpartum',
        'delivery_mode',
        'gestational_age_weeks',
        'parity',
        'pseudonym',
      ]);
      assert.match(record.pseudonym, /^P-[0-9A-Z]{6}$/);
    }
    const siti = records.find((r) => r.birth_weights_g[0] === 3100);
    assert.equal(siti?.day_postpartum, 2);
    assert.equal(typeof siti?.age_years, 'number');
  });

  it('locks a login name after the allowed failures and unlocks after a success', async () => {
    const rule = { maxFailures: 3, windowMs: 60_000, lockMs: 120_000 };
    const now = new Date('2026-11-23T08:00:00Z');
    const key = `login:test-${newId()}`;
    assert.equal((await recordFailure(database.db, key, now, rule)).lockedUntil, null);
    assert.equal((await recordFailure(database.db, key, now, rule)).lockedUntil, null);
    const locked = await recordFailure(database.db, key, now, rule);
    assert.deepEqual(locked.lockedUntil, new Date('2026-11-23T08:02:00Z'));
    assert.deepEqual((await throttleState(database.db, key, now)).lockedUntil, locked.lockedUntil);
    assert.equal((await throttleState(database.db, key, new Date('2026-11-23T08:02:01Z'))).lockedUntil, null);
    await clearFailures(database.db, key);
    assert.equal((await throttleState(database.db, key, now)).lockedUntil, null);
  });

  it('counts failures in a fresh window once the old one has passed', async () => {
    const rule = { maxFailures: 2, windowMs: 60_000, lockMs: 60_000 };
    const key = `ip:test-${newId()}`;
    await recordFailure(database.db, key, new Date('2026-11-23T08:00:00Z'), rule);
    const later = await recordFailure(database.db, key, new Date('2026-11-23T08:05:00Z'), rule);
    assert.equal(later.lockedUntil, null, 'one failure five minutes ago and one now do not lock');
  });

  it('keeps the audit log append-only and never deletes clinical rows', async () => {
    await recordAudit(database.db, {
      facilityId: SUKAMAJU,
      actorUserId: null,
      actorRole: null,
      action: 'read',
      subjectType: 'mother',
      subjectId: demoId('mother:siti'),
      purpose: 'care',
    });
    await assert.rejects(database.db.updateTable('audit_event').set({ purpose: 'research' }).execute(), /append-only/);
    await assert.rejects(database.db.deleteFrom('audit_event').execute(), /append-only/);
    await assert.rejects(database.db.deleteFrom('mother').where('facility_id', '=', SUKAMAJU).execute(), /append-only/);
    await assert.rejects(database.db.deleteFrom('baby').execute(), /append-only/);
  });
});
