import type { Executor } from '../repositories/executor.ts';
import { assignCarePlan, insertEntry, nextSeq, raiseAlert } from '../repositories/household.ts';
import { demoId } from './demo-ids.ts';

/**
 * A few days of fictional household records, so a newcomer sees the household app and the midwife's view with
 * something in them: Dewi (caesarean, day 6) with a weight loss over 10% on day 3 that raised an alert, and Ani
 * (twins, day 11). Siti and the other mothers start empty. Deterministic: fixed ids, times relative to loading.
 */
const HOUR = 3600_000;
const WIB = 420;

interface DemoHousehold {
  key: string;
  facilityKey: string;
  deliveredHoursAgo: number;
  /** Who logs what: the mother herself, her companion for massage sessions. */
  motherUser: string;
  companionUser: string;
  protocolId: string;
  extendedToDay: number | null;
  babies: number;
  days: number;
  weights: { day: number; grams: number[] }[];
}

const HOUSEHOLDS: DemoHousehold[] = [
  {
    key: 'dewi',
    facilityKey: 'sukamaju',
    deliveredHoursAgo: 5 * 24 + 3,
    motherUser: 'dewi',
    companionUser: 'yati',
    protocolId: 'post-caesarean-10min-2x-day1-3',
    extendedToDay: 14,
    babies: 1,
    days: 5,
    weights: [
      { day: 3, grams: [3040] },
      { day: 5, grams: [3120] },
    ],
  },
  {
    key: 'ani',
    facilityKey: 'sukamaju',
    deliveredHoursAgo: 10 * 24 + 5,
    motherUser: 'ani',
    companionUser: 'agus',
    protocolId: 'standard-3min-2x-day1-3',
    extendedToDay: 7,
    babies: 2,
    days: 10,
    weights: [
      { day: 3, grams: [2330, 2190] },
      { day: 7, grams: [2420, 2280] },
      { day: 10, grams: [2510, 2360] },
    ],
  },
];

export async function loadDemoHouseholds(tx: Executor, now: Date): Promise<void> {
  for (const household of HOUSEHOLDS) {
    const facilityId = demoId(`facility:${household.facilityKey}`);
    const motherId = demoId(`mother:${household.key}`);
    const deliveredAt = now.getTime() - household.deliveredHoursAgo * HOUR;
    const at = (day: number, hour: number) => new Date(deliveredAt + ((day - 1) * 24 + hour) * HOUR);
    let n = 0;
    const add = async (
      kind: string,
      when: Date,
      data: Record<string, unknown>,
      babyIndex: number | null,
      by: string,
    ) => {
      n++;
      await insertEntry(tx, {
        facility_id: facilityId,
        id: demoId(`entry:${household.key}:${n}`),
        mother_id: motherId,
        baby_id: babyIndex === null ? null : demoId(`baby:${household.key}:${babyIndex}`),
        kind,
        occurred_at: when,
        tz_offset_min: WIB,
        recorded_by: demoId(`user:${by}`),
        recorded_at: when,
        supersedes: null,
        data,
        schema_version: 1,
        seq: await nextSeq(tx, facilityId),
      });
      return demoId(`entry:${household.key}:${n}`);
    };

    await assignCarePlan(tx, {
      facility_id: facilityId,
      id: demoId(`plan:${household.key}`),
      mother_id: motherId,
      protocol_id: household.protocolId,
      extended_to_day: household.extendedToDay,
      assigned_by: demoId('user:sari'),
      assigned_at: at(1, 2),
      seq: await nextSeq(tx, facilityId),
    });

    for (let day = 1; day <= household.days; day++) {
      for (let baby = 1; baby <= household.babies; baby++) {
        const feeds = day === 1 ? 6 : 8;
        for (let f = 0; f < feeds; f++) {
          await add(
            'feed',
            at(day, 1 + f * 2.8 + baby * 0.4),
            { side: f % 2 === 0 ? 'left' : 'right', durationMinutes: 10 + ((f * 7 + day) % 12) },
            baby,
            household.motherUser,
          );
        }
        const wet = Math.min(day, 6);
        for (let w = 0; w < wet; w++) {
          const dirty = w < Math.min(day, 3);
          const colour = day <= 2 ? 'meconium' : day <= 4 ? 'green_brown' : 'yellow';
          await add(
            'nappy',
            at(day, 2 + w * 3.5),
            { wet: true, dirty, stoolColour: dirty ? colour : null },
            baby,
            household.motherUser,
          );
        }
      }
      const sessions = day <= 3 ? 2 : day <= (household.extendedToDay ?? 3) ? (day % 2 === 0 ? 1 : 2) : 0;
      for (let s = 0; s < sessions; s++) {
        const start = at(day, s === 0 ? 1.5 : 9.5);
        await add(
          'massage_session',
          start,
          {
            protocolId: household.protocolId,
            endedAt: new Date(start.getTime() + 12 * 60_000).toISOString(),
            outcome: 'completed',
            stepsCompleted: ['prepare', 'position', 'find-start', 'oil', 'hand-shape', 'massage', 'finish', 'feed-now'],
            stepsTotal: 8,
            massageSeconds: household.protocolId.includes('10min') ? 600 : 180,
            comfort: 4 + (s % 2),
            pain: 0,
            letDown: day >= 2,
            notes: null,
            safetyStops: [],
          },
          null,
          household.companionUser,
        );
      }
      if (day >= 2)
        await add(
          'expression',
          at(day, 10),
          { leftMl: 2 + day * 1.5, rightMl: 1 + day * 1.5 },
          null,
          household.motherUser,
        );
    }
    await add(
      'mother_state',
      at(4, 8),
      { stress: 6, sleepHours: 4, breastComfort: 'full', fever: false },
      null,
      household.motherUser,
    );

    for (const weight of household.weights) {
      for (const [index, grams] of weight.grams.entries()) {
        const id = await add('weight', at(weight.day, 11), { grams }, index + 1, household.companionUser);
        // Dewi's baby lost more than 10% by day 3: the alert the server raised when that weight arrived.
        if (household.key === 'dewi' && weight.day === 3) {
          await raiseAlert(tx, {
            facility_id: facilityId,
            id: demoId(`alert:${household.key}:weight`),
            mother_id: motherId,
            sign_id: 'baby-weight-loss',
            severity: 'soon',
            entry_id: id,
            raised_at: at(weight.day, 11.2),
            seq: await nextSeq(tx, facilityId),
          });
        }
      }
    }
    await add(
      'adequacy_check',
      at(3, 20),
      { dayOfLife: 3, answers: { 'baby-settles': false }, result: 'not_adequate', contentVersion: 1 },
      1,
      household.motherUser,
    );
  }
}
