import { createHash } from 'node:crypto';
import { LESSONS, QUIZ_ITEMS, QUIZ_VERSION, SKILL_CHECKLIST, TRAINING_VERSIONS } from '@lancar/content/training';
import { evaluateSkillCheck, scoreQuiz } from '@lancar/domain';
import type { Executor } from '../repositories/executor.ts';
import {
  addParticipant,
  createTrainingSession,
  insertLessonProgress,
  insertQuizAttempt,
  insertSkillCheck,
} from '../repositories/training.ts';
import { demoId } from './demo-ids.ts';

/**
 * A fictional group training at Puskesmas Sukamaju nine days ago, so the training screens and the results report
 * have something in them: twelve participants entered from paper (one left before the post-test, one post-test
 * sheet has blanks), Agus registered with his account, and Yati who learned on her phone and passed the skill
 * check. Budi and Joko start with no training. Deterministic: answers come from a hash, not a random generator.
 */
const DAY = 24 * 3600_000;

/** A number in [0, 1) fixed by its name. */
function draw(name: string): number {
  return createHash('sha256').update(`lancar-demo-training:${name}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** A sheet where each item is right with the given chance (harder items less often), wrong options spread. */
function answers(who: string, phase: string, ability: number, blanks = 0): Record<string, string | null> {
  const sheet: Record<string, string | null> = {};
  QUIZ_ITEMS.forEach((item, index) => {
    const key = `${who}:${phase}:${item.id}`;
    if (index >= QUIZ_ITEMS.length - blanks) {
      sheet[item.id] = null;
      return;
    }
    const hardness = (index % 5) * 0.03;
    const wrong = item.options.filter((o) => o.id !== item.correctOptionId);
    sheet[item.id] =
      draw(key) < ability - hardness
        ? item.correctOptionId
        : (wrong[Math.floor(draw(`${key}:o`) * wrong.length)]?.id ?? null);
  });
  return sheet;
}

const WALK_INS: { name: string; phone: string | null; pre: number; post: number | null; blanks?: number }[] = [
  { name: 'Slamet Riyadi', phone: '6281200000101', pre: 0.45, post: 0.85 },
  { name: 'Sumarni', phone: null, pre: 0.55, post: 0.9 },
  { name: 'Dedi Kurniawan', phone: '6281200000103', pre: 0.35, post: 0.8 },
  { name: 'Rohmah', phone: null, pre: 0.6, post: 0.85 },
  { name: 'Bambang Hartono', phone: '6281200000105', pre: 0.4, post: 0.75 },
  { name: 'Eka Wulandari', phone: '6281200000106', pre: 0.5, post: 0.95 },
  { name: 'Tono Sugiarto', phone: null, pre: 0.3, post: 0.7 },
  { name: 'Lilis Suryani', phone: '6281200000108', pre: 0.65, post: 0.9 },
  { name: 'Hendra Gunawan', phone: '6281200000109', pre: 0.45, post: 0.8 },
  { name: 'Nining', phone: null, pre: 0.5, post: null },
  { name: 'Yusuf Maulana', phone: '6281200000111', pre: 0.4, post: 0.85, blanks: 3 },
];

export async function loadDemoTraining(tx: Executor, now: Date): Promise<void> {
  const facilityId = demoId('facility:sukamaju');
  const sari = demoId('user:sari');
  const sessionId = demoId('training:posyandu-melati');
  const heldAt = new Date(now.getTime() - 9 * DAY);
  const heldOn = heldAt.toISOString().slice(0, 10);
  await createTrainingSession(tx, {
    facility_id: facilityId,
    id: sessionId,
    held_on: heldOn,
    place: 'Posyandu Melati, Desa Sukamaju',
    facilitators: 'Bidan Sari Wulandari, Kader Wati',
    notes: 'Demo: kelas pendamping dengan demonstrasi dan praktik berpasangan.',
    created_by: sari,
    created_at: heldAt,
  });

  const paperSheet = async (participantId: string, key: string, phase: 'pre' | 'post', ability: number, blanks = 0) => {
    const sheet = answers(key, phase, ability, blanks);
    const scored = scoreQuiz(QUIZ_ITEMS, sheet);
    if (!scored.ok) throw new Error(`demo sheet ${key} does not fit the item bank`);
    const takenAt = new Date(heldAt.getTime() + (phase === 'pre' ? 1 : 3) * 3600_000);
    await insertQuizAttempt(tx, {
      facility_id: facilityId,
      id: demoId(`attempt:${key}:${phase}`),
      user_id: null,
      participant_id: participantId,
      phase,
      item_bank_version: QUIZ_VERSION,
      answers: sheet,
      correct: scored.correct,
      answered: scored.answered,
      total: scored.total,
      score: scored.score,
      complete: scored.complete,
      source: 'paper',
      taken_at: takenAt,
      recorded_by: sari,
      received_at: new Date(takenAt.getTime() + 3600_000),
      supersedes: null,
    });
  };

  const participants = [
    { key: 'agus', name: 'Agus Prasetyo', phone: '6281200000013', userId: demoId('user:agus'), pre: 0.5, post: 0.9 },
    ...WALK_INS.map((w, i) => ({ ...w, key: `walk-in-${i + 1}`, userId: null })),
  ];
  for (const [index, p] of participants.entries()) {
    const participantId = demoId(`participant:${p.key}`);
    await addParticipant(tx, {
      facility_id: facilityId,
      id: participantId,
      session_id: sessionId,
      user_id: p.userId,
      display_name: p.name,
      phone: p.phone,
      attended: true,
      created_by: sari,
      created_at: new Date(heldAt.getTime() + index * 60_000),
    });
    await paperSheet(participantId, p.key, 'pre', p.pre);
    if (p.post !== null) await paperSheet(participantId, p.key, 'post', p.post, 'blanks' in p ? p.blanks : 0);
  }

  // Yati learned on her phone: pre-test, every lesson, post-test, then Bidan Sari watched her massage.
  const yati = demoId('user:yati');
  const phoneAttempt = async (phase: 'pre' | 'post', ability: number, at: Date) => {
    const sheet = answers('yati', phase, ability);
    const scored = scoreQuiz(QUIZ_ITEMS, sheet);
    if (!scored.ok) throw new Error('demo sheet of Yati does not fit the item bank');
    await insertQuizAttempt(tx, {
      facility_id: facilityId,
      id: demoId(`attempt:yati:${phase}`),
      user_id: yati,
      participant_id: null,
      phase,
      item_bank_version: QUIZ_VERSION,
      answers: sheet,
      correct: scored.correct,
      answered: scored.answered,
      total: scored.total,
      score: scored.score,
      complete: scored.complete,
      source: 'phone',
      taken_at: at,
      recorded_by: yati,
      received_at: at,
      supersedes: null,
    });
  };
  const start = new Date(now.getTime() - 4 * DAY);
  await phoneAttempt('pre', 0.55, start);
  for (const [i, lesson] of LESSONS.entries()) {
    await insertLessonProgress(tx, {
      facility_id: facilityId,
      id: demoId(`lesson:yati:${lesson.id}`),
      user_id: yati,
      lesson_id: lesson.id,
      lessons_version: TRAINING_VERSIONS.lessons,
      completed_at: new Date(start.getTime() + (i + 1) * 600_000),
    });
  }
  await phoneAttempt('post', 0.97, new Date(start.getTime() + 2 * 3600_000));
  const results = Object.fromEntries(SKILL_CHECKLIST.steps.map((s) => [s.id, 'pass' as const]));
  await insertSkillCheck(tx, {
    facility_id: facilityId,
    id: demoId('skill-check:yati'),
    user_id: yati,
    participant_id: null,
    observed_by: sari,
    observed_at: new Date(now.getTime() - 3 * DAY),
    checklist_version: SKILL_CHECKLIST.version,
    results,
    passed: evaluateSkillCheck(SKILL_CHECKLIST, results).passed,
    notes: 'Demo: tekanan dan arah gerakan sudah tepat.',
  });
}
