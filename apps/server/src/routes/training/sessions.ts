import {
  ParticipantBody,
  ParticipantUpdateBody,
  TrainingSessionBody,
  type TrainingSessionDetail,
  type TrainingSessionView,
} from '@lancar/contracts';
import {
  addParticipant,
  createTrainingSession,
  getUser,
  linkParticipant,
  listParticipants,
  listTrainingSessions,
  recordAudit,
  setAttendance,
} from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { loadSession, sessionDetail, sessionView } from '../../training/session-views.ts';

const SessionParams = z.strictObject({ sessionId: z.uuid() });

/** Group trainings (a posyandu or village event): the event, who came, and their answer sheets. */
export function registerTrainingSessions(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/training/sessions',
    {
      config: { access: { action: 'create', kind: 'training' } },
      schema: {
        tags: ['training'],
        summary: 'Create a group training session (date, place, facilitators)',
        body: TrainingSessionBody,
      },
    },
    async (request, reply): Promise<TrainingSessionView> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'create', { kind: 'training', facilityId });
      const body = request.body;
      const row = {
        facility_id: facilityId,
        id: body.id,
        held_on: body.heldOn,
        place: body.place,
        facilitators: body.facilitators,
        notes: body.notes ?? null,
        created_by: actor.userId,
        created_at: now(),
      };
      await createTrainingSession(database.db, row);
      return reply.code(201).send(sessionView(row, []));
    },
  );

  app.get(
    '/api/training/sessions',
    {
      config: { access: { action: 'list', kind: 'training' } },
      schema: { tags: ['training'], summary: 'Group training sessions of the facility, newest first' },
    },
    async (request): Promise<{ sessions: TrainingSessionView[] }> => {
      const actor = authorize(request, 'list', { kind: 'training', facilityId: request.actor?.facilityId ?? '' });
      const sessions = await listTrainingSessions(database.db, actor.facilityId);
      const participants = await listParticipants(
        database.db,
        actor.facilityId,
        sessions.map((s) => s.id),
      );
      return { sessions: sessions.map((s) => sessionView(s, participants)) };
    },
  );

  app.get(
    '/api/training/sessions/:sessionId',
    {
      config: { access: { action: 'read', kind: 'training' } },
      schema: {
        tags: ['training'],
        summary: 'A session with its participants and their pre- and post-test sheets',
        params: SessionParams,
      },
    },
    async (request): Promise<TrainingSessionDetail> => {
      const facilityId = request.actor?.facilityId ?? '';
      authorize(request, 'read', { kind: 'training', facilityId });
      const data = await loadSession(database.db, facilityId, request.params.sessionId);
      if (!data) throw new Problem('not-found');
      return sessionDetail(data);
    },
  );

  app.post(
    '/api/training/sessions/:sessionId/participants',
    {
      config: { access: { action: 'update', kind: 'training' } },
      schema: {
        tags: ['training'],
        summary: 'Register a participant: an existing companion, or a walk-in by name (and phone)',
        params: SessionParams,
        body: ParticipantBody,
      },
    },
    async (request, reply): Promise<TrainingSessionDetail> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'update', { kind: 'training', facilityId });
      const data = await loadSession(database.db, facilityId, request.params.sessionId);
      if (!data) throw new Problem('not-found');
      const body = request.body;
      let participant: { userId: string | null; displayName: string; phone: string | null };
      if ('userId' in body) {
        const user = await getUser(database.db, facilityId, body.userId);
        if (!user || !['companion', 'cadre'].includes(user.role)) throw new Problem('not-found');
        if (data.participants.some((p) => p.user_id === user.id)) throw new Problem('participant-exists');
        participant = { userId: user.id, displayName: user.display_name, phone: user.phone };
      } else {
        const name = body.displayName.toLowerCase();
        const phone = body.phone ?? null;
        // The same name with the same phone (or both without one) is the same person entered twice.
        if (data.participants.some((p) => p.display_name.toLowerCase() === name && p.phone === phone)) {
          throw new Problem('participant-exists');
        }
        participant = { userId: null, displayName: body.displayName, phone };
      }
      await addParticipant(database.db, {
        facility_id: facilityId,
        id: body.id,
        session_id: data.session.id,
        user_id: participant.userId,
        display_name: participant.displayName,
        phone: participant.phone,
        created_by: actor.userId,
        created_at: now(),
      });
      const updated = await loadSession(database.db, facilityId, data.session.id);
      if (!updated) throw new Problem('not-found');
      return reply.code(201).send(sessionDetail(updated));
    },
  );

  app.patch(
    '/api/training/sessions/:sessionId/participants/:participantId',
    {
      config: { access: { action: 'update', kind: 'training' } },
      schema: {
        tags: ['training'],
        summary:
          'Record whether a participant attended, or link a walk-in to the companion account they were invited to',
        params: z.strictObject({ sessionId: z.uuid(), participantId: z.uuid() }),
        body: ParticipantUpdateBody,
      },
    },
    async (request): Promise<TrainingSessionDetail> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'update', { kind: 'training', facilityId });
      const { attended, userId } = request.body;
      const data = await loadSession(database.db, facilityId, request.params.sessionId);
      const participant = data?.participants.find((p) => p.id === request.params.participantId);
      if (!data || !participant) throw new Problem('not-found');
      if (userId !== undefined && participant.user_id !== userId) {
        const user = await getUser(database.db, facilityId, userId);
        if (!user || !['companion', 'cadre'].includes(user.role)) throw new Problem('not-found');
        // Linking is for walk-ins; an account already in this session is the same person registered twice.
        if (participant.user_id !== null || data.participants.some((p) => p.user_id === userId)) {
          throw new Problem('participant-exists');
        }
      }
      await database.db.transaction().execute(async (tx) => {
        if (attended !== undefined) await setAttendance(tx, facilityId, participant.id, attended);
        if (userId !== undefined && participant.user_id !== userId)
          await linkParticipant(tx, facilityId, participant.id, userId);
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'update',
          subjectType: 'training_participant',
          subjectId: participant.id,
          purpose: 'administration',
          detail: { attended: attended ?? null, linkedUserId: userId ?? null },
          at: now(),
        });
      });
      const updated = await loadSession(database.db, facilityId, data.session.id);
      if (!updated) throw new Problem('not-found');
      return sessionDetail(updated);
    },
  );
}
