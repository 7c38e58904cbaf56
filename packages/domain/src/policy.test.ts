import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIONS, type Action, type Actor, can, RESOURCE_KINDS, type ResourceKind } from './policy.ts';
import { ROLES, type Role } from './roles.ts';

const HOME = 'f-home';
const AWAY = 'f-away';
const MY_MOTHER = 'm-mine';
const OTHER_MOTHER = 'm-other';

function actor(role: Role): Actor {
  const householdMotherIds = role === 'mother' || role === 'companion' || role === 'cadre' ? [MY_MOTHER] : [];
  return { userId: 'u-me', role, facilityId: HOME, householdMotherIds };
}

/**
 * The expected answer for three situations, written out by hand (Y = allowed, N = refused):
 *   1. my own household / my own account, in my facility
 *   2. another household / another account, in my facility
 *   3. the same kind of record in another facility
 * Every (role, kind, action) not listed here must be NNN.
 */
const EXPECTED = `
companion       session         list    YYN
companion       session         read    YNN
companion       session         update  YNN
companion       facility        read    YYN
companion       mother          list    YYN
companion       mother          read    YNN
companion       companion       list    YYN
companion       companion       read    YNN
companion       household_entry list    YYN
companion       household_entry read    YNN
companion       household_entry create  YNN
companion       care_plan       list    YYN
companion       care_plan       read    YNN
companion       household_message list  YYN
companion       household_message read  YNN
companion       training        read    YNN
mother          session         list    YYN
mother          session         read    YNN
mother          session         update  YNN
mother          facility        read    YYN
mother          mother          list    YYN
mother          mother          read    YNN
mother          companion       list    YYN
mother          companion       read    YNN
mother          household_entry list    YYN
mother          household_entry read    YNN
mother          household_entry create  YNN
mother          care_plan       list    YYN
mother          care_plan       read    YNN
mother          household_message list  YYN
mother          household_message read  YNN
mother          training        read    YNN
cadre           session         list    YYN
cadre           session         read    YNN
cadre           session         update  YNN
cadre           facility        read    YYN
cadre           mother          list    YYN
cadre           mother          read    YNN
cadre           companion       list    YYN
cadre           companion       read    YNN
cadre           household_entry list    YYN
cadre           household_entry read    YNN
cadre           household_entry create  YNN
cadre           care_plan       list    YYN
cadre           care_plan       read    YNN
cadre           household_message list  YYN
cadre           household_message read  YNN
cadre           training        list    YYN
cadre           training        read    YYN
cadre           training        create  YYN
cadre           training        update  YYN
midwife         session         list    YYN
midwife         session         read    YNN
midwife         session         update  YNN
midwife         facility        read    YYN
midwife         mother          list    YYN
midwife         mother          read    YYN
midwife         mother          create  YYN
midwife         mother          update  YYN
midwife         companion       list    YYN
midwife         companion       read    YYN
midwife         companion       create  YYN
midwife         activation_code create  YYN
midwife         household_entry list    YYN
midwife         household_entry read    YYN
midwife         care_plan       list    YYN
midwife         care_plan       read    YYN
midwife         care_plan       create  YYN
midwife         training        list    YYN
midwife         training        read    YYN
midwife         training        create  YYN
midwife         training        update  YYN
midwife         alert           list    YYN
midwife         alert           read    YYN
midwife         alert           update  YYN
midwife         visit           list    YYN
midwife         visit           read    YYN
midwife         visit           create  YYN
midwife         household_message list  YYN
midwife         household_message read  YYN
midwife         household_message create YYN
midwife         report          read    YYN
midwife         dataset_export  read    YYN
facility_admin  session         list    YYN
facility_admin  session         read    YNN
facility_admin  session         update  YNN
facility_admin  facility        read    YYN
facility_admin  staff           list    YYN
facility_admin  staff           read    YYN
facility_admin  staff           create  YYN
facility_admin  staff           update  YYN
facility_admin  mother          list    YYN
facility_admin  mother          read    YYN
facility_admin  mother          create  YYN
facility_admin  mother          update  YYN
facility_admin  companion       list    YYN
facility_admin  companion       read    YYN
facility_admin  companion       create  YYN
facility_admin  activation_code create  YYN
facility_admin  research_record list    YYN
facility_admin  audit_event     list    YYN
facility_admin  household_entry list    YYN
facility_admin  household_entry read    YYN
facility_admin  care_plan       list    YYN
facility_admin  care_plan       read    YYN
facility_admin  care_plan       create  YYN
facility_admin  training        list    YYN
facility_admin  training        read    YYN
facility_admin  training        create  YYN
facility_admin  training        update  YYN
facility_admin  alert           list    YYN
facility_admin  alert           read    YYN
facility_admin  alert           update  YYN
facility_admin  visit           list    YYN
facility_admin  visit           read    YYN
facility_admin  household_message list  YYN
facility_admin  household_message read  YYN
facility_admin  report          read    YYN
facility_admin  dataset_export  read    YYN
researcher      session         list    YYN
researcher      session         read    YNN
researcher      session         update  YNN
researcher      facility        read    YYN
researcher      research_record list    YYN
researcher      dataset_export  read    YYN
researcher      study           list    YYN
researcher      study           read    YYN
researcher      study           create  YYN
researcher      study           update  YYN
researcher      literature_review list  YYN
researcher      literature_review read  YYN
researcher      literature_review create YYN
researcher      literature_review update YYN
system_admin    session         list    YYN
system_admin    session         read    YNN
system_admin    session         update  YNN
system_admin    facility        list    YYY
system_admin    facility        read    YYY
system_admin    facility        create  YYY
system_admin    staff           list    YYY
system_admin    staff           read    YYY
system_admin    staff           create  YYY
system_admin    staff           update  YYY
system_admin    activation_code create  YYY
system_admin    audit_event     list    YYY
system_admin    report          read    YYY
`;

function expectedTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const line of EXPECTED.trim().split('\n')) {
    const [role, kind, action, answer] = line.trim().split(/\s+/);
    table.set(`${role} ${kind} ${action}`, answer ?? '');
  }
  return table;
}

function answer(role: Role, kind: ResourceKind, action: Action): string {
  const me = actor(role);
  // "list" is asked before rows are known, so the situations differ only by facility for it.
  const isList = action === 'list';
  const situations = [
    { facilityId: HOME, motherId: isList ? undefined : MY_MOTHER, ownerUserId: isList ? undefined : me.userId },
    { facilityId: HOME, motherId: isList ? undefined : OTHER_MOTHER, ownerUserId: isList ? undefined : 'u-other' },
    { facilityId: AWAY, motherId: isList ? undefined : MY_MOTHER, ownerUserId: isList ? undefined : me.userId },
  ];
  return situations.map((s) => (can(me, action, { kind, ...s }) ? 'Y' : 'N')).join('');
}

describe('can(actor, action, resource)', () => {
  const table = expectedTable();

  it('lists only real roles, kinds and actions in the expected table', () => {
    for (const key of table.keys()) {
      const [role, kind, action] = key.split(' ');
      assert.ok((ROLES as readonly string[]).includes(role ?? ''), `unknown role in ${key}`);
      assert.ok((RESOURCE_KINDS as readonly string[]).includes(kind ?? ''), `unknown kind in ${key}`);
      assert.ok((ACTIONS as readonly string[]).includes(action ?? ''), `unknown action in ${key}`);
    }
  });

  for (const role of ROLES) {
    it(`answers as the table says for ${role}`, () => {
      for (const kind of RESOURCE_KINDS) {
        for (const action of ACTIONS) {
          const expected = table.get(`${role} ${kind} ${action}`) ?? 'NNN';
          assert.equal(answer(role, kind, action), expected, `${role} ${action} ${kind}`);
        }
      }
    });
  }

  it('never lets a researcher read an identifiable mother record, even in her own facility', () => {
    const researcher = actor('researcher');
    assert.equal(can(researcher, 'read', { kind: 'mother', facilityId: HOME, motherId: MY_MOTHER }), false);
  });

  it('refuses a household member once the link is gone', () => {
    const companion: Actor = { ...actor('companion'), householdMotherIds: [] };
    assert.equal(can(companion, 'read', { kind: 'mother', facilityId: HOME, motherId: MY_MOTHER }), false);
  });
});
