import { QUIZ_ITEMS, QUIZ_VERSION } from '@lancar/content/training';
import { type AttemptView, PaperSheetBody } from '@lancar/contracts';
import { insertQuizAttempt } from '@lancar/db';
import { scoreQuiz } from '@lancar/domain';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { loadSession, paperSheetOf, sheetsOfParticipant } from '../../training/session-views.ts';
import { attemptView } from '../../training/training-views.ts';

/**
 * A facilitator enters a participant's paper answer sheet. Blanks make a partial sheet that is kept as partial, never
 * scored as wrong; a post-test needs a pre-test first; a second sheet for the same test must say it corrects the first.
 */
export function registerEnterSheet(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/training/sessions/:sessionId/participants/:participantId/sheets',
    {
      config: { access: { action: 'update', kind: 'training' } },
      schema: {
        tags: ['training'],
        summary: 'Enter a pre- or post-test answer sheet from paper (answers item by item, or the total score)',
        params: z.strictObject({ sessionId: z.uuid(), participantId: z.uuid() }),
        body: PaperSheetBody,
      },
    },
    async (request, reply): Promise<AttemptView> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'update', { kind: 'training', facilityId });
      const body = request.body;
      const data = await loadSession(database.db, facilityId, request.params.sessionId);
      const participant = data?.participants.find((p) => p.id === request.params.participantId);
      if (!data || !participant) throw new Problem('not-found');
      const phaseWord = (phase: 'pre' | 'post') =>
        request.locale === 'id'
          ? phase === 'pre'
            ? 'tes awal'
            : 'tes akhir'
          : phase === 'pre'
            ? 'pre-test'
            : 'post-test';

      const existing = paperSheetOf(data.attempts, participant.id, body.phase);
      if (existing && body.supersedes !== existing.id)
        throw new Problem('sheet-exists', { params: { phase: phaseWord(body.phase) } });
      if (!existing && body.supersedes) throw new Problem('not-found');
      // The pre-test may have been taken on the participant's own phone.
      const hasPre = sheetsOfParticipant(data.attempts, participant).some((a) => a.phase === 'pre');
      if (body.phase === 'post' && !hasPre) throw new Problem('post-before-pre');

      let scored: { correct: number; answered: number; total: number; score: number | null; complete: boolean };
      if (body.answers) {
        const result = scoreQuiz(QUIZ_ITEMS, body.answers);
        if (!result.ok) {
          const errors = result.problems.map((p) => ({
            path: `answers.${p.itemId}`,
            message:
              p.problem === 'unknown_item'
                ? 'not a question of this test / bukan soal tes ini'
                : `no option "${p.optionId}" / tidak ada pilihan "${p.optionId}"`,
          }));
          throw new Problem('invalid-input', {
            params: { fields: errors.map((e) => e.path).join(', ') },
            extra: { errors },
          });
        }
        scored = result;
      } else {
        const total = QUIZ_ITEMS.length;
        const score = body.score ?? 0;
        scored = { correct: Math.round((score / 100) * total), answered: total, total, score, complete: true };
      }
      const row = {
        facility_id: facilityId,
        id: body.id,
        user_id: null,
        participant_id: participant.id,
        phase: body.phase,
        item_bank_version: QUIZ_VERSION,
        answers: body.answers ?? {},
        correct: scored.correct,
        answered: scored.answered,
        total: scored.total,
        score: scored.score,
        complete: scored.complete,
        source: 'paper' as const,
        taken_at: body.takenAt ? new Date(body.takenAt) : new Date(`${data.session.held_on}T12:00:00Z`),
        recorded_by: actor.userId,
        received_at: now(),
        supersedes: body.supersedes ?? null,
      };
      await insertQuizAttempt(database.db, row);
      return reply.code(201).send(attemptView(row));
    },
  );
}
