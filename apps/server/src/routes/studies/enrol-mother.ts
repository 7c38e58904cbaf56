import { EnrolBody, StudyEnrolment, StudyParams } from '@lancar/contracts';
import {
  countStratumEnrolments,
  findCandidateByPseudonym,
  insertEnrolment,
  listEnrolments,
  setStudyAllocation,
} from '@lancar/db';
import {
  AllocationExhaustedError,
  allocateNext,
  checkEligibility,
  extendAllocationSequence,
  newId,
  type StudyText,
  stratumKey,
  UNSTRATIFIED_KEY,
} from '@lancar/domain';
import type { App, AppContext } from '../../app-types.ts';
import { Problem } from '../../problem.ts';
import { cryptoRandom, INITIAL_STRATUM_LENGTH } from './create-study.ts';
import { auditStudy, requireStudy, type Study } from './study-access.ts';

const notEligible = (reasons: StudyText[], locale: 'id' | 'en') =>
  new Problem('study-not-eligible', {
    extra: { errors: reasons.map((r) => ({ path: 'pseudonym', message: r[locale] })) },
  });

/**
 * The arm for the mother being enrolled and her place in her stratum. Randomised: the next allocation of her
 * stratum's concealed sequence, extending the stratum when it has run out (existing blocks unchanged). The caller
 * holds the study's row lock, so the count and the extension cannot race another enrolment.
 */
async function allocate(
  tx: Parameters<typeof countStratumEnrolments>[0],
  study: Study,
  mother: { facility_id: string; parity: 'primipara' | 'multipara' | null },
  chosenArm: string | undefined,
  locale: 'id' | 'en',
): Promise<{ stratum: string; position: number; armId: string | null }> {
  const { definition } = study;
  if (definition.design !== 'randomised' || !definition.allocation || !study.allocation) {
    const armId = definition.design === 'two_group_nonrandomised' ? (chosenArm ?? null) : null;
    if (definition.design === 'two_group_nonrandomised' && !definition.arms.some((a) => a.id === armId))
      throw new Problem('invalid-input', {
        params: { fields: 'armId' },
        extra: {
          errors: [
            {
              path: 'armId',
              message:
                locale === 'id'
                  ? `Pilih kelompok ibu ini: ${definition.arms.map((a) => a.id).join(' atau ')}.`
                  : `Choose this mother's group: ${definition.arms.map((a) => a.id).join(' or ')}.`,
            },
          ],
        },
      });
    if (definition.design !== 'two_group_nonrandomised' && chosenArm !== undefined)
      throw new Problem('invalid-input', {
        params: { fields: 'armId' },
        extra: {
          errors: [
            {
              path: 'armId',
              message:
                locale === 'id'
                  ? 'Kelompok tidak dipilih oleh peneliti pada desain ini.'
                  : 'The researcher does not choose the group in this design.',
            },
          ],
        },
      });
    const position = await countStratumEnrolments(tx, study.facility_id, study.id, UNSTRATIFIED_KEY);
    return { stratum: UNSTRATIFIED_KEY, position, armId };
  }
  if (chosenArm !== undefined)
    throw new Problem('invalid-input', {
      params: { fields: 'armId' },
      extra: {
        errors: [
          {
            path: 'armId',
            message:
              locale === 'id'
                ? 'Pada penelitian acak, kelompok ditentukan oleh urutan alokasi, bukan oleh peneliti.'
                : 'In a randomised study the allocation sequence decides the group, not the researcher.',
          },
        ],
      },
    });
  const stratum = stratumKey(
    { facilityId: mother.facility_id, parity: mother.parity },
    definition.allocation.stratifyBy,
  );
  const position = await countStratumEnrolments(tx, study.facility_id, study.id, stratum);
  try {
    return { stratum, position, armId: allocateNext(study.allocation, stratum, position) };
  } catch (error) {
    if (!(error instanceof AllocationExhaustedError)) throw error;
    const extended = extendAllocationSequence(study.allocation, stratum, INITIAL_STRATUM_LENGTH, cryptoRandom);
    await setStudyAllocation(tx, study.facility_id, study.id, extended);
    return { stratum, position, armId: allocateNext(extended, stratum, position) };
  }
}

export function registerEnrolMother(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/studies/:studyId/enrolments',
    {
      config: { access: { action: 'update', kind: 'study' } },
      schema: {
        tags: ['studies'],
        summary:
          'Enrol a consenting, eligible mother by pseudonym; the answer reveals her arm (and only hers) after she is enrolled',
        params: StudyParams,
        body: EnrolBody,
        response: { 201: StudyEnrolment },
      },
    },
    async (request, reply) => {
      const locale = request.locale;
      const at = now();
      const enrolment = await database.db.transaction().execute(async (tx) => {
        const { actor, study } = await requireStudy(tx, request, 'update', request.params.studyId, {
          forUpdate: true,
        });
        if (study.status !== 'recruiting') throw new Problem('study-not-recruiting');
        const mother = await findCandidateByPseudonym(tx, actor.facilityId, request.body.pseudonym.trim());
        if (!mother) throw new Problem('not-found');
        // Eligibility first, allocation after: the allocation must never influence whether she is enrolled.
        const eligibility = checkEligibility(
          study.definition,
          {
            consentResearch: mother.consent_research,
            deliveryMode: mother.delivery_mode,
            parity: mother.parity,
            gestationalAgeWeeks: mother.gestational_age_weeks,
            deliveredAt: mother.delivered_at,
            facilityId: mother.facility_id,
          },
          at,
        );
        if (!mother.consent_research) throw notEligible(eligibility.reasons, locale);
        const enrolled = await listEnrolments(tx, actor.facilityId, study.id);
        if (enrolled.some((e) => e.mother_id === mother.id)) throw new Problem('study-already-enrolled');
        if (!eligibility.eligible) throw notEligible(eligibility.reasons, locale);

        const { stratum, position, armId } = await allocate(tx, study, mother, request.body.armId, locale);
        await insertEnrolment(tx, {
          facility_id: actor.facilityId,
          id: newId(),
          study_id: study.id,
          mother_id: mother.id,
          stratum_key: stratum,
          position,
          arm_id: armId,
          enrolled_by: actor.userId,
          enrolled_at: at,
        });
        await auditStudy(tx, actor, 'update', study.id, at, { enrolled: mother.pseudonym });
        const arm = study.definition.arms.find((a) => a.id === armId);
        return {
          pseudonym: mother.pseudonym,
          armId,
          armLabel: arm ? arm.label : null,
          enrolledAt: at.toISOString(),
        };
      });
      return reply.code(201).send(enrolment);
    },
  );
}
