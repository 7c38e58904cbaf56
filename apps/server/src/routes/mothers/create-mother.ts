import { randomBytes } from 'node:crypto';
import { type DuplicateCandidate, MotherCreateBody, MotherCreated } from '@lancar/contracts';
import { LIMITS } from '@lancar/contracts/limits';
import {
  createMother,
  createPendingAccount,
  type Executor,
  findDuplicateCandidates,
  getMother,
  type Mother,
  pseudonymTaken,
  recordAudit,
} from '@lancar/db';
import { checkEnrolmentDates, checkNik, newId, normaliseName } from '@lancar/domain';
import type { App, AppContext } from '../../app-types.ts';
import { issueCode } from '../../auth/activation-codes.ts';
import { authorize, publicBaseUrl } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { enrolmentMessage } from './enrolment-messages.ts';
import { motherDetail, motherExtras } from './mother-view.ts';

const PSEUDONYM_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

async function newPseudonym(db: Executor, facilityId: string): Promise<string> {
  for (;;) {
    const symbols = Array.from(randomBytes(6), (b) => PSEUDONYM_ALPHABET[b % PSEUDONYM_ALPHABET.length]).join('');
    const pseudonym = `P-${symbols}`;
    if (!(await pseudonymTaken(db, facilityId, pseudonym))) return pseudonym;
  }
}

function candidate(mother: Mother, match: DuplicateCandidate['match']): DuplicateCandidate {
  return {
    id: mother.id,
    fullName: mother.full_name,
    village: mother.village,
    dateOfBirth: mother.date_of_birth,
    deliveredAt: mother.delivered_at?.toISOString() ?? null,
    match,
  };
}

function isNikTaken(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  return e.code === '23505' && (e.constraint === 'mother_nik' || String(e.message).includes('mother_nik'));
}

export function registerCreateMother(app: App, { database, config, now }: AppContext): void {
  app.post(
    '/api/mothers',
    {
      config: { access: { action: 'create', kind: 'mother' } },
      schema: {
        tags: ['mothers'],
        summary: 'Enrol a mother and her baby or babies; returns an activation code when she has a phone',
        body: MotherCreateBody,
        response: { 201: MotherCreated, 200: MotherCreated },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'create', { kind: 'mother', facilityId, motherId: body.id });
      const phone = body.phone ?? null;
      const at = now();

      // Dates that cannot be true and a NIK that cannot be a NIK: refused, nothing saved.
      const errors: { path: string; message: string }[] = checkEnrolmentDates({
        deliveredAt: new Date(body.deliveredAt),
        dateOfBirth: body.dateOfBirth,
        now: at,
        clockSkewMinutes: LIMITS.clockSkewMinutes,
      }).map((issue) => ({ path: issue.path, message: enrolmentMessage(issue.issue, request.locale) }));
      const nik = body.nik ? checkNik(body.nik, body.dateOfBirth) : undefined;
      for (const issue of nik?.errors ?? [])
        errors.push({ path: 'nik', message: enrolmentMessage(issue, request.locale) });
      if (errors.length > 0) {
        const fields = [...new Set(errors.map((e) => e.path))].join(', ');
        throw new Problem('invalid-input', { params: { fields }, extra: { errors } });
      }

      const existing = await getMother(database.db, facilityId, body.id);
      if (existing) {
        // The same enrolment sent twice (a retry after a lost response) is acknowledged, not duplicated.
        const same =
          existing.full_name === body.fullName &&
          existing.delivered_at?.getTime() === new Date(body.deliveredAt).getTime();
        if (!same) throw new Problem('id-conflict');
        // Sending the record back is a read of identifiable data.
        await recordAudit(database.db, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'read',
          subjectType: 'mother',
          subjectId: existing.id,
          purpose: 'care',
          detail: { repeatedEnrolment: true },
          at,
        });
        return reply.code(200).send({
          mother: motherDetail(existing, await motherExtras(database.db, facilityId, existing.id), at),
          activation: null,
        });
      }

      // Possible duplicates in the facility. Listing them shows other mothers' details: each one shown is audited.
      const found = await findDuplicateCandidates(database.db, facilityId, {
        nik: body.nik ?? null,
        dateOfBirth: body.dateOfBirth ?? null,
      });
      const sameNik = found.filter((m) => body.nik && m.nik === body.nik);
      const sameName = found.filter(
        (m) =>
          !sameNik.includes(m) &&
          body.dateOfBirth &&
          m.date_of_birth === body.dateOfBirth &&
          normaliseName(m.full_name) === normaliseName(body.fullName),
      );
      const refuse = async (key: 'nik-exists' | 'possible-duplicate', candidates: DuplicateCandidate[]) => {
        for (const c of candidates)
          await recordAudit(database.db, {
            facilityId,
            actorUserId: actor.userId,
            actorRole: actor.role,
            action: 'read',
            subjectType: 'mother',
            subjectId: c.id,
            purpose: 'care',
            detail: { duplicateCheck: c.match },
            at,
          });
        return new Problem(key, { extra: { candidates } });
      };
      // One NIK is one person: never enrolled twice, whatever the midwife confirms.
      if (sameNik.length > 0)
        throw await refuse(
          'nik-exists',
          sameNik.map((m) => candidate(m, 'nik')),
        );
      if (nik && nik.warnings.length > 0 && !body.confirmNikWarnings) {
        const warnings = nik.warnings.map((issue) => ({
          path: 'nik',
          message: enrolmentMessage(issue, request.locale, { nikDate: nik.nikDate }),
        }));
        throw new Problem('nik-needs-confirmation', { extra: { errors: warnings } });
      }
      if (sameName.length > 0 && !body.confirmNotDuplicate)
        throw await refuse(
          'possible-duplicate',
          sameName.map((m) => candidate(m, 'name-and-birth-date')),
        );

      const result = await database.db
        .transaction()
        .execute(async (tx) => {
          const userId = phone ? newId(at.getTime()) : null;
          if (userId) {
            await createPendingAccount(tx, {
              facilityId,
              id: userId,
              role: 'mother',
              displayName: body.fullName,
              phone,
              createdBy: actor.userId,
              at,
            });
          }
          await createMother(
            tx,
            {
              facility_id: facilityId,
              id: body.id,
              user_id: userId,
              pseudonym: await newPseudonym(tx, facilityId),
              full_name: body.fullName,
              nik: body.nik ?? null,
              phone,
              village: body.village ?? null,
              address: body.address ?? null,
              date_of_birth: body.dateOfBirth ?? null,
              delivered_at: body.deliveredAt,
              delivery_mode: body.deliveryMode ?? null,
              parity: body.parity ?? null,
              gestational_age_weeks: body.gestationalAgeWeeks ?? null,
              consent_care: body.consentCare,
              consent_research: body.consentResearch,
              created_at: at,
              created_by: actor.userId,
              updated_at: at,
            },
            body.babies.map((baby, index) => ({
              facility_id: facilityId,
              id: baby.id,
              mother_id: body.id,
              name: baby.name ?? null,
              sex: baby.sex,
              birth_weight_g: baby.birthWeightG ?? null,
              birth_order: index + 1,
              created_at: at,
              created_by: actor.userId,
            })),
          );
          await recordAudit(tx, {
            facilityId,
            actorUserId: actor.userId,
            actorRole: actor.role,
            action: 'create',
            subjectType: 'mother',
            subjectId: body.id,
            purpose: 'care',
            at,
          });
          const activation = userId
            ? await issueCode(tx, { facilityId, userId }, actor.userId, publicBaseUrl(request, config.publicUrl), at)
            : null;
          const mother = await getMother(tx, facilityId, body.id);
          if (!mother) throw new Error('mother vanished after insert');
          return { mother: motherDetail(mother, { companions: [], carePlan: undefined, alerts: [] }, at), activation };
        })
        .catch(async (error: unknown) => {
          // Another enrolment with this NIK got in at the same moment (the unique index mother_nik).
          if (!isNikTaken(error)) throw error;
          const now = await findDuplicateCandidates(database.db, facilityId, {
            nik: body.nik ?? null,
            dateOfBirth: null,
          });
          throw await refuse(
            'nik-exists',
            now.map((m) => candidate(m, 'nik')),
          );
        });
      return reply.code(201).send(result);
    },
  );
}
