import { protocolById } from '@lancar/content';
import { CarePlanBody, type CarePlanOutput } from '@lancar/contracts';
import { assignCarePlan, getMother, nextSeq, recordAudit } from '@lancar/db';
import { checkProtocolStart, localDateAtOffset, PROTOCOL_START_MAX_DAYS } from '@lancar/domain';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { WIB_OFFSET_MIN } from '../../household-start-day.ts';
import type { Locale } from '../../locale.ts';
import { Problem } from '../../problem.ts';
import { carePlanView } from '../../sync/entry-view.ts';

const startMessages = {
  noDelivery: (locale: Locale) =>
    locale === 'id'
      ? 'Tanggal persalinan ibu belum dicatat, jadi tanggal mulai belum bisa ditetapkan. Isi tanggal persalinan dulu.'
      : "The mother's delivery date is not recorded, so a start date cannot be set yet. Record the delivery date first.",
  'before-delivery': (locale: Locale, deliveryDate: string) =>
    locale === 'id'
      ? `Pijat tidak bisa dimulai sebelum persalinan (${deliveryDate}). Pilih tanggal persalinan atau sesudahnya.`
      : `The massage cannot start before the delivery (${deliveryDate}). Choose the delivery date or later.`,
  'too-late': (locale: Locale, deliveryDate: string) =>
    locale === 'id'
      ? `Tanggal mulai paling lambat ${PROTOCOL_START_MAX_DAYS} hari sesudah persalinan (${deliveryDate}).`
      : `The start date can be at most ${PROTOCOL_START_MAX_DAYS} days after the delivery (${deliveryDate}).`,
};

export function registerAssignCarePlan(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/mothers/:motherId/care-plans',
    {
      config: { access: { action: 'create', kind: 'care_plan' } },
      schema: {
        tags: ['mothers'],
        summary:
          'Assign a massage protocol to a mother (the newest assignment is the current plan); phones get it on sync',
        params: z.strictObject({ motherId: z.uuid() }),
        body: CarePlanBody,
      },
    },
    async (request, reply): Promise<CarePlanOutput> => {
      const facilityId = request.actor?.facilityId ?? '';
      const { motherId } = request.params;
      const actor = authorize(request, 'create', { kind: 'care_plan', facilityId, motherId });
      const protocol = protocolById(request.body.protocolId);
      const invalid = (field: string, message: string) =>
        new Problem('invalid-input', { params: { fields: field }, extra: { errors: [{ path: field, message }] } });
      if (!protocol) throw invalid('protocolId', 'unknown protocol / protokol tidak dikenal');
      const extended = request.body.extendedToDay;
      if (
        extended !== null &&
        (protocol.extendableToDay === null || extended < protocol.lastDay || extended > protocol.extendableToDay)
      ) {
        throw invalid(
          'extendedToDay',
          protocol.extendableToDay === null
            ? 'this protocol cannot be extended / protokol ini tidak bisa diperpanjang'
            : `between day ${protocol.lastDay} and ${protocol.extendableToDay} / antara hari ${protocol.lastDay} dan ${protocol.extendableToDay}`,
        );
      }
      const at = now();
      const startsOn = request.body.startsOn ?? null;
      const plan = await database.db.transaction().execute(async (tx) => {
        const mother = await getMother(tx, facilityId, motherId);
        if (!mother) throw new Problem('not-found');
        if (startsOn) {
          if (!mother.delivered_at) throw invalid('startsOn', startMessages.noDelivery(request.locale));
          const offset = request.body.tzOffsetMin ?? WIB_OFFSET_MIN;
          const refused = checkProtocolStart(startsOn, mother.delivered_at, offset);
          if (refused) {
            const deliveryDate = localDateAtOffset(mother.delivered_at, offset);
            throw invalid('startsOn', startMessages[refused](request.locale, deliveryDate));
          }
        }
        const row = {
          facility_id: facilityId,
          id: request.body.id,
          mother_id: motherId,
          protocol_id: protocol.id,
          extended_to_day: extended,
          starts_on: startsOn,
          assigned_by: actor.userId,
          assigned_at: at,
          seq: await nextSeq(tx, facilityId),
        };
        await assignCarePlan(tx, row);
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'update',
          subjectType: 'mother',
          subjectId: motherId,
          purpose: 'care',
          detail: { carePlan: protocol.id, extendedToDay: extended, startsOn },
          at,
        });
        return row;
      });
      return reply.code(201).send(carePlanView(plan));
    },
  );
}
