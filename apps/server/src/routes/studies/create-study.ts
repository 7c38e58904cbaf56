import { webcrypto } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { CreateStudyBody, StudyDetail } from '@lancar/contracts';
import { getStudy, insertStudy } from '@lancar/db';
import {
  type AllocationSequence,
  createAllocationSequence,
  listStratumKeys,
  type RandomSource,
  type StudyDefinition,
  validateStudyDefinition,
} from '@lancar/domain';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { auditStudy } from './study-access.ts';
import { studyDetail } from './study-detail.ts';

/** Allocations made per stratum up front; a stratum that runs out is extended at enrolment. */
export const INITIAL_STRATUM_LENGTH = 60;

/** Uniform in [0, 1) from the operating system's cryptographic generator: nobody can predict the sequence. */
export const cryptoRandom: RandomSource = () => (webcrypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;

export function registerCreateStudy(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/studies',
    {
      config: { access: { action: 'create', kind: 'study' } },
      schema: {
        tags: ['studies'],
        summary:
          'Define a study (design, arms, outcomes, time points, eligibility); a randomised study gets a concealed allocation sequence',
        body: CreateStudyBody,
        response: { 201: StudyDetail, 200: StudyDetail },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'create', { kind: 'study', facilityId: request.actor?.facilityId ?? '' });
      const definition = request.body.definition as StudyDefinition;
      const problems = validateStudyDefinition(definition);
      // Enrolment happens in the researcher's own facility, so the study must include it.
      if (!definition.facilityIds.includes(actor.facilityId))
        problems.push({
          field: 'facilityIds',
          message: {
            id: 'Fasilitas Anda harus termasuk dalam penelitian, karena ibu didaftarkan di fasilitas Anda.',
            en: 'Your facility must be part of the study, since mothers are enrolled in your facility.',
          },
        });
      if (problems.length > 0)
        throw new Problem('study-invalid', {
          extra: { errors: problems.map((p) => ({ path: p.field, message: p.message[request.locale] })) },
        });

      const existing = await getStudy<StudyDefinition>(database.db, actor.facilityId, definition.id);
      if (existing) {
        // The same study sent again (a retry) is acknowledged; another definition under the same id is refused.
        if (!isDeepStrictEqual(existing.definition, definition)) throw new Problem('id-conflict');
        return reply.code(200).send(await studyDetail(database.db, existing));
      }

      let allocation: AllocationSequence | null = null;
      if (definition.design === 'randomised' && definition.allocation) {
        allocation = createAllocationSequence({
          arms: definition.arms.map((a) => a.id),
          blockSizes: definition.allocation.blockSizes,
          strata: listStratumKeys(definition.facilityIds, definition.allocation.stratifyBy),
          perStratumLength: INITIAL_STRATUM_LENGTH,
          random: cryptoRandom,
        });
      }
      const at = now();
      await database.db.transaction().execute(async (tx) => {
        await insertStudy(tx, {
          facility_id: actor.facilityId,
          id: definition.id,
          title: definition.title,
          definition,
          status: request.body.status,
          created_by: actor.userId,
          created_at: at,
          allocation,
        });
        await auditStudy(tx, actor, 'create', definition.id, at, { design: definition.design });
      });
      const stored = await getStudy<StudyDefinition>(database.db, actor.facilityId, definition.id);
      if (!stored) throw new Problem('internal');
      return reply.code(201).send(await studyDetail(database.db, stored));
    },
  );
}
