import { QUIZ_ITEMS } from '@lancar/content/training';
import type { AttemptView, ParticipantView } from '@lancar/contracts';
import { newId } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { useEffect, useRef, useState } from 'preact/hooks';
import { post } from '../../api/client.ts';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { AnswerBoxes } from './answer-boxes.tsx';
import {
  boxesOf,
  type EntryMode,
  emptyBoxes,
  modeOfSheet,
  nextWithoutSheet,
  type Phase,
  paperSheetToCorrect,
  parseScore,
  readBoxes,
  sheetBody,
  sheetOf,
  withSheet,
} from './sheet-entry.ts';
import { phaseLabel, phaseWord, scoreProblemText, sheetScoreText } from './training-labels.ts';

/** A request from the participants list: "enter (or correct) this person's pre-test now". */
export interface EntryRequest {
  participantId: string;
  phase: Phase;
  /** Changes with every click, so asking for the same sheet twice still moves the focus. */
  token: number;
}

interface Target {
  participantId: string | undefined;
  phase: Phase;
}

/**
 * Paper answer sheets, one after the other: choose the test, type the total score (or the letters), press Enter; the
 * form saves and moves on to the next participant without that sheet, ready for the next paper. A participant who
 * already has a paper sheet gets a correction that replaces it.
 */
export function SheetEntryPanel({
  sessionId,
  participants,
  request,
  onSaved,
}: {
  sessionId: string;
  participants: readonly ParticipantView[];
  request: EntryRequest | undefined;
  onSaved: (participantId: string, sheet: AttemptView) => void;
}) {
  // Start where the work is: the pre-tests while someone lacks one, then the post-tests.
  const [target, setTarget] = useState<Target>(() => ({
    participantId: undefined,
    phase: !nextWithoutSheet(participants, 'pre') && nextWithoutSheet(participants, 'post') ? 'post' : 'pre',
  }));
  const [mode, setMode] = useState<EntryMode>('score');
  const [scoreText, setScoreText] = useState('');
  const [boxes, setBoxes] = useState(() => emptyBoxes(QUIZ_ITEMS));
  const [tried, setTried] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [focusToken, setFocusToken] = useState(0);
  // The sheet the last save was for: a refusal is shown only while that same sheet is on the form.
  const [savedFor, setSavedFor] = useState('');
  const scoreInput = useRef<HTMLInputElement>(null);
  const firstBox = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLFormElement>(null);

  const participant =
    participants.find((p) => p.id === target.participantId) ??
    nextWithoutSheet(participants, target.phase) ??
    participants[0];
  const existing = participant ? sheetOf(participant, target.phase) : null;
  const corrects = participant ? paperSheetToCorrect(participant, target.phase) : null;

  /** Points the form at a participant and test, showing their saved paper sheet again when there is one. */
  const retarget = (participantId: string | undefined, phase: Phase, keepMode = true) => {
    const chosen =
      participants.find((p) => p.id === participantId) ?? nextWithoutSheet(participants, phase) ?? participants[0];
    const sheet = chosen ? paperSheetToCorrect(chosen, phase) : null;
    setTarget({ participantId: chosen?.id, phase });
    setTried(false);
    if (sheet && !keepMode) setMode(modeOfSheet(sheet));
    setScoreText(sheet && sheet.score !== null && modeOfSheet(sheet) === 'score' ? String(sheet.score) : '');
    setBoxes(sheet ? boxesOf(sheet.answers, QUIZ_ITEMS) : emptyBoxes(QUIZ_ITEMS));
    setFocusToken((n) => n + 1);
  };

  useEffect(() => {
    if (!request) return;
    retarget(request.participantId, request.phase, false);
    panel.current?.scrollIntoView({ block: 'start' });
  }, [request?.token]);

  useEffect(() => {
    if (focusToken === 0) return;
    (mode === 'score' ? scoreInput.current : firstBox.current)?.focus();
  }, [focusToken]);

  const score = parseScore(scoreText);
  const scoreError =
    mode === 'score' && !score.ok && (tried || score.problem !== 'empty') ? scoreProblemText(score.problem) : null;
  const read = readBoxes(boxes, QUIZ_ITEMS);
  const boxesError =
    mode === 'items' && tried && read.invalid.length === 0 && read.answered === 0
      ? t`Isi paling sedikit satu jawaban, atau pilih "Nilai total".`
      : null;

  const save = useAction(async () => {
    if (!participant) return;
    setTried(true);
    let content: { score: number } | { answers: Record<string, string | null> };
    if (mode === 'score') {
      if (!score.ok) {
        scoreInput.current?.focus();
        return;
      }
      content = { score: score.score };
    } else {
      if (read.invalid.length > 0 || read.answered === 0) {
        firstBox.current?.focus();
        return;
      }
      content = { answers: read.answers };
    }
    const phase = target.phase;
    setSavedFor(`${participant.id}:${phase}`);
    const saved = await post<AttemptView>(
      `/api/training/sessions/${sessionId}/participants/${participant.id}/sheets`,
      sheetBody(newId(), phase, content, corrects),
    );
    onSaved(participant.id, saved);
    const name = participant.displayName;
    const result = sheetScoreText(saved);
    const label = phaseWord(phase);
    const next = nextWithoutSheet(
      withSheet({ participantList: [...participants] }, participant.id, saved).participantList,
      phase,
      participant.id,
    );
    setAnnouncement(
      next
        ? t`Tersimpan: ${name}, ${label} ${result}. Berikutnya: ${next.displayName}.`
        : t`Tersimpan: ${name}, ${label} ${result}. Semua peserta yang hadir sudah punya lembar ini.`,
    );
    if (next) retarget(next.id, phase);
    else {
      setTried(false);
      setScoreText('');
      setBoxes(emptyBoxes(QUIZ_ITEMS));
      setTarget({ participantId: participant.id, phase });
    }
  });

  if (participants.length === 0) {
    return (
      <section class="card" aria-labelledby="sheet-entry-title">
        <h2 id="sheet-entry-title">{t`Lembar jawaban kertas`}</h2>
        <p class="muted">{t`Tambahkan peserta dulu, lalu masukkan lembar jawaban mereka di sini.`}</p>
      </section>
    );
  }

  const phaseName = phaseWord(target.phase);
  const personName = participant?.displayName ?? '';
  return (
    <form
      ref={panel}
      class="card form staff-entry"
      onSubmit={save.submit}
      noValidate
      aria-labelledby="sheet-entry-title"
      data-testid="sheet-entry"
    >
      <h2 id="sheet-entry-title">{t`Lembar jawaban kertas`}</h2>
      <div class="staff-entry-choices">
        <fieldset class="staff-segments">
          <legend>{t`Tes`}</legend>
          {(['pre', 'post'] as const).map((phase) => (
            <label key={phase} class={`staff-segment${target.phase === phase ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="phase"
                value={phase}
                checked={target.phase === phase}
                onChange={() => retarget(nextWithoutSheet(participants, phase)?.id, phase)}
              />
              {phaseLabel(phase)}
            </label>
          ))}
        </fieldset>
        <fieldset class="staff-segments">
          <legend>{t`Isi dengan`}</legend>
          {(['score', 'items'] as const).map((m) => (
            <label key={m} class={`staff-segment${mode === m ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="mode"
                value={m}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  setFocusToken((n) => n + 1);
                }}
              />
              {m === 'score' ? t`Nilai total` : t`Per soal`}
            </label>
          ))}
        </fieldset>
      </div>
      <label>
        {t`Peserta`}
        <select
          name="participant"
          value={participant?.id}
          onChange={(e) => retarget(e.currentTarget.value, target.phase, false)}
        >
          {participants.map((p, i) => (
            <option key={p.id} value={p.id}>
              {optionText(p, i)}
            </option>
          ))}
        </select>
      </label>
      {corrects ? (
        <p class="notice notice-warn" data-testid="correcting">
          {t`${personName} sudah punya lembar ${phaseName} dari kertas (${sheetScoreText(corrects)}). Menyimpan akan mengoreksinya: lembar lama diganti.`}
        </p>
      ) : existing ? (
        <p class="notice">
          {t`${personName} sudah mengerjakan ${phaseName} di HP (${sheetScoreText(existing)}). Lembar kertas disimpan sebagai lembar tambahan.`}
        </p>
      ) : null}
      {participant && !participant.attended ? <p class="muted">{t`${personName} ditandai tidak hadir.`}</p> : null}
      {target.phase === 'post' && participant && !participant.pre ? (
        <p class="muted">{t`${personName} belum punya tes awal: masukkan tes awal dulu.`}</p>
      ) : null}
      {mode === 'score' ? (
        <label>
          {t`Nilai total (0–100)`}
          <input
            ref={scoreInput}
            name="score"
            class="staff-score-input"
            inputMode="numeric"
            autocomplete="off"
            enterKeyHint="done"
            value={scoreText}
            aria-invalid={scoreError !== null}
            aria-describedby={scoreError ? 'staff-score-error' : undefined}
            onInput={(e) => setScoreText(e.currentTarget.value)}
          />
          {scoreError ? (
            <span class="staff-field-error" id="staff-score-error">
              {scoreError}
            </span>
          ) : null}
        </label>
      ) : (
        <>
          <AnswerBoxes boxes={boxes} onChange={setBoxes} firstBox={firstBox} />
          {boxesError ? <p class="staff-field-error">{boxesError}</p> : null}
        </>
      )}
      {savedFor === `${participant?.id}:${target.phase}` ? <ProblemMessage error={save.error} /> : null}
      <button type="submit" class="button primary" disabled={save.busy} data-testid="save-sheet">
        {corrects ? t`Simpan koreksi` : t`Simpan dan lanjut`}
      </button>
      <p class="staff-announcement" aria-live="polite" data-testid="sheet-saved">
        {announcement}
      </p>
    </form>
  );
}

/** "3. Dedi · awal 40 · akhir –" so the choice shows who still needs which sheet. */
function optionText(p: ParticipantView, index: number): string {
  const pre = p.pre ? sheetScoreShort(p.pre) : '–';
  const post = p.post ? sheetScoreShort(p.post) : '–';
  const absent = p.attended ? '' : ` · ${t`tidak hadir`}`;
  return `${index + 1}. ${p.displayName} · ${t`awal ${pre}`} · ${t`akhir ${post}`}${absent}`;
}

function sheetScoreShort(sheet: AttemptView): string {
  return sheet.score === null ? t`sebagian` : String(sheet.score);
}
