import { BABY_KINDS, type EntryInput, LIMITS } from '@lancar/contracts';
import type { MotherWithBabies } from '@lancar/db';
import type { ProblemKey } from '../problem-messages.ts';

/** Why an entry that passed its schema is still refused; `field` names what to fix. */
export interface EntryRefusal {
  key: ProblemKey;
  field: string;
  message: string;
}

const refuse = (field: string, message: string, key: ProblemKey = 'invalid-input'): EntryRefusal => ({
  key,
  field,
  message,
});

/**
 * The checks a schema cannot make: the baby is this mother's, a correction points at an entry of the same mother,
 * times are neither in the future nor before the birth, a session does not end before it starts.
 * `earlier` holds entries accepted earlier in the same push, which a correction may point at; `stored` the entries
 * on the server a correction may point at.
 */
export function checkEntry(
  entry: EntryInput,
  mother: MotherWithBabies,
  now: Date,
  earlier: ReadonlyMap<string, EntryInput>,
  stored: ReadonlyMap<string, { mother_id: string; kind: string }>,
): EntryRefusal | undefined {
  const occurred = new Date(entry.occurredAt);
  if (occurred.getTime() > now.getTime() + LIMITS.clockSkewMinutes * 60_000) {
    return refuse('entry.occurredAt', 'time is in the future / waktu belum terjadi');
  }
  if (mother.delivered_at && occurred.getTime() < mother.delivered_at.getTime() - 24 * 3600_000) {
    return refuse('entry.occurredAt', 'time is before the birth / waktu sebelum persalinan');
  }
  if (BABY_KINDS.includes(entry.kind) && entry.babyId === null) {
    return refuse('entry.babyId', 'choose the baby / pilih bayinya');
  }
  if (entry.babyId !== null && !mother.babies.some((b) => b.id === entry.babyId)) {
    return refuse('entry.babyId', 'not a baby of this mother / bukan bayi ibu ini');
  }
  if (entry.kind === 'massage_session') {
    const ended = new Date(entry.data.endedAt).getTime();
    if (ended < occurred.getTime())
      return refuse('entry.data.endedAt', 'ends before it starts / selesai sebelum mulai');
    if (ended - occurred.getTime() > 3 * 3600_000)
      return refuse('entry.data.endedAt', 'longer than 3 hours / lebih dari 3 jam');
  }
  if (entry.kind === 'void' && entry.supersedes === null) {
    return refuse('entry.supersedes', 'say which entry to remove / pilih catatan yang dihapus');
  }
  if (entry.supersedes !== null) {
    const target = earlier.get(entry.supersedes) ?? stored.get(entry.supersedes);
    if (!target)
      return refuse('entry.supersedes', 'the entry to correct does not exist / catatan yang dikoreksi tidak ada');
    const targetMother = 'motherId' in target ? target.motherId : target.mother_id;
    const targetKind = target.kind;
    if (targetMother !== entry.motherId)
      return refuse('entry.supersedes', 'belongs to another mother / milik ibu lain');
    if (targetKind === 'void')
      return refuse('entry.supersedes', 'cannot correct a removal / penghapusan tidak bisa dikoreksi');
    if (entry.kind !== 'void' && targetKind !== entry.kind) {
      return refuse('entry.kind', 'a correction keeps the kind of entry / koreksi harus jenis catatan yang sama');
    }
  }
  return undefined;
}
