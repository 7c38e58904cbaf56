import { type Localized, MASSAGE_STEPS, type Protocol, SAFETY_NOTE, SAFETY_QUESTIONS } from '@lancar/content';
import { t } from '@lingui/core/macro';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatPhone, locale } from '../../i18n/i18n.ts';
import { BackIllustration } from './back-illustration.tsx';
import { alertCue, announceStep, chime, muted, setMuted, stopSpeaking, unlockAudio } from './cues.ts';
import {
  answerSafety,
  backToSteps,
  buildResult,
  createSession,
  currentQuestionId,
  deserialize,
  dueCue,
  finishEarly,
  formatClock,
  isStale,
  markCue,
  markDone,
  massageSeconds,
  NOTES_MAX,
  nextStep,
  orderQuestions,
  pause,
  previousStep,
  type ReviewAnswers,
  reconsiderSafety,
  resume,
  type SessionState,
  safetyBack,
  serialize,
  setReview,
  stepRemainingMs,
  stepTimeUp,
  stopInfo,
  totalElapsedMs,
} from './session-machine.ts';
import type { MassageSessionResult } from './session-result.ts';
import { useWakeLock } from './wake-lock.ts';
import './massage.css';

export interface GuidedSessionProps {
  protocol: Protocol;
  /** The number shown when the safety check finds a danger sign. */
  facilityPhone: string | null;
  /** Where an unfinished session is kept so a reload resumes it (per account and mother). */
  storageKey: string;
  onFinish: (result: MassageSessionResult) => Promise<void>;
  onCancel: () => void;
}

const QUESTIONS = orderQuestions(SAFETY_QUESTIONS);
const STEP_IDS = MASSAGE_STEPS.map((s) => s.id);

function loadSession(key: string, protocolId: string): SessionState | null {
  try {
    const raw = localStorage.getItem(key);
    const state = raw ? deserialize(JSON.parse(raw), { protocolId, stepIds: STEP_IDS }) : null;
    return state && state.phase !== 'done' && !isStale(state, Date.now()) ? state : null;
  } catch {
    return null;
  }
}

function storeSession(key: string, state: SessionState | null): void {
  try {
    if (state && state.phase !== 'done') localStorage.setItem(key, JSON.stringify(serialize(state)));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or blocked: the session still runs, it just will not survive a reload.
  }
}

/**
 * The guided massage: the safety check, then each step with its drawing, instructions (read aloud), a countdown
 * from timestamps and the total time, then the mother's comfort, pain and let-down. Every change is kept under
 * `storageKey`, so a reload (or the phone killing the tab) resumes exactly where it was.
 */
export function GuidedSession(props: GuidedSessionProps) {
  const [state, setState] = useState<SessionState>(
    () =>
      loadSession(props.storageKey, props.protocol.id) ??
      createSession({ protocol: props.protocol, steps: MASSAGE_STEPS, questions: QUESTIONS, now: Date.now() }),
  );
  const [now, setNow] = useState(() => Date.now());
  const latest = useRef(state);
  const lang = locale.value;

  const commit = (next: SessionState) => {
    if (next === latest.current) return;
    latest.current = next;
    storeSession(props.storageKey, next);
    setState(next);
  };
  /** Applies a change at the current time; returns the new state. */
  const act = (change: (s: SessionState, at: number) => SessionState): SessionState => {
    const at = Date.now();
    commit(change(latest.current, at));
    setNow(at);
    return latest.current;
  };

  const running = state.phase === 'steps';
  const ticking = running && state.pausedAt === null;
  useWakeLock(running);

  // The clock on screen: re-rendered every second, but every number comes from timestamps.
  useEffect(() => {
    if (!ticking) return;
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, 1000);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [ticking]);

  // Cues due at this moment: halfway (the step's own question) and time up. Each is given once, even over reloads.
  useEffect(() => {
    const current = latest.current;
    const due = dueCue(current, now);
    if (!due) return;
    const step = MASSAGE_STEPS[current.stepIndex];
    const words =
      due.kind === 'midway' && step?.midwayCue ? step.midwayCue[lang] : t`Waktu habis. Ketuk Lanjut bila sudah siap.`;
    alertCue([words], lang);
    commit([due.key, ...due.skip].reduce(markCue, current));
  });

  // A new step starts at the top of the page; speech stops when the steps end or the screen closes.
  useEffect(() => {
    if (typeof window.scrollTo === 'function') window.scrollTo(0, 0);
  }, [state.phase, state.stepIndex, state.questionIndex]);
  useEffect(() => () => stopSpeaking(), []);

  const announce = (s: SessionState) => {
    const step = MASSAGE_STEPS[s.stepIndex];
    if (s.phase !== 'steps' || !step) return;
    announceStep([step.title[lang], ...step.instructions.map((i) => i[lang])], lang);
  };

  const finish = useAction(async () => {
    stopSpeaking();
    await props.onFinish(buildResult(latest.current, Date.now()));
    commit(markDone(latest.current));
  });

  const cancel = () => {
    stopSpeaking();
    storeSession(props.storageKey, null);
    props.onCancel();
  };

  if (state.phase === 'safety') {
    return (
      <SafetyScreen
        state={state}
        lang={lang}
        onAnswer={(id, answer) => {
          unlockAudio();
          announce(act((s, at) => answerSafety(s, QUESTIONS, id, answer, at)));
        }}
        onBack={() => act(safetyBack)}
        onCancel={cancel}
      />
    );
  }

  if (state.phase === 'stopped') {
    const info = stopInfo(state, QUESTIONS);
    return (
      <section class="narrow massage">
        <h1>{t`Jangan memijat sekarang`}</h1>
        {info.questions.map((q) => (
          <div
            class={q.danger ? 'notice notice-error massage-danger' : 'card'}
            role={q.danger ? 'alert' : undefined}
            key={q.id}
          >
            {q.danger ? (
              <p>
                <strong>{t`Tanda bahaya`}</strong>
              </p>
            ) : null}
            <p class={q.danger ? undefined : 'muted'}>
              {q.question[lang]} <strong>{q.stopAnswer === 'yes' ? t`Ya` : t`Tidak`}</strong>
            </p>
            <p>
              <strong>{q.explanation[lang]}</strong>
            </p>
            {q.danger && props.facilityPhone ? (
              <a class="button primary call-button" href={`tel:+${props.facilityPhone}`}>
                {t`Telepon`} <span class="nowrap">{formatPhone(props.facilityPhone)}</span>
              </a>
            ) : null}
            {q.danger && !props.facilityPhone ? (
              <p>{t`Nomor fasilitas belum diisi. Tanyakan kepada bidan Anda.`}</p>
            ) : null}
          </div>
        ))}
        <p class="muted">
          {info.danger
            ? t`Simpan agar bidan Anda dapat melihat jawaban ini.`
            : t`Simpan agar catatan pijat tetap lengkap, atau batalkan.`}
        </p>
        <ProblemMessage error={finish.error} />
        <div class="massage-actions">
          <button
            type="button"
            class="button primary"
            data-testid="stopped-save"
            disabled={finish.busy}
            onClick={() => void finish.run()}
          >
            {finish.busy ? t`Menyimpan…` : t`Simpan dan kembali`}
          </button>
          {info.danger ? null : (
            <button type="button" class="button secondary" data-testid="cancel" onClick={cancel}>
              {t`Batal`}
            </button>
          )}
          <button type="button" class="link-button" onClick={() => act(reconsiderSafety)}>
            {t`Salah tekan? Ubah jawaban`}
          </button>
        </div>
      </section>
    );
  }

  if (state.phase === 'steps') {
    return (
      <StepScreen
        state={state}
        now={now}
        lang={lang}
        onNext={() => {
          unlockAudio();
          const next = act(nextStep);
          if (next.phase === 'steps') announce(next);
          else {
            stopSpeaking();
            chime();
          }
        }}
        onPrevious={() => announce(act(previousStep))}
        onPause={() => {
          if (state.pausedAt === null) {
            stopSpeaking();
            act(pause);
          } else act(resume);
        }}
        onReplay={() => {
          unlockAudio();
          announce(latest.current);
        }}
        onFinishEarly={() => {
          stopSpeaking();
          act(finishEarly);
        }}
      />
    );
  }

  if (state.phase === 'done') {
    return (
      <section class="narrow massage">
        <p class="notice" role="status">
          {t`Sesi pijat tersimpan.`}
        </p>
      </section>
    );
  }

  return (
    <ReviewScreen
      state={state}
      busy={finish.busy}
      error={finish.error}
      onChange={(patch) => act((s) => setReview(s, patch))}
      onBack={() => act(backToSteps)}
      onSave={finish.submit}
    />
  );
}

function SafetyScreen({
  state,
  lang,
  onAnswer,
  onBack,
  onCancel,
}: {
  state: SessionState;
  lang: keyof Localized;
  onAnswer: (id: string, answer: 'yes' | 'no') => void;
  onBack: () => void;
  onCancel: () => void;
}) {
  const id = currentQuestionId(state);
  const question = QUESTIONS.find((q) => q.id === id);
  if (!question) return null;
  const number = state.questionIndex + 1;
  const total = state.questionIds.length;
  const given = state.answers[question.id];
  return (
    <section class="narrow massage">
      <h1>{t`Sebelum memijat`}</h1>
      <p class="muted massage-note">{SAFETY_NOTE[lang]}</p>
      <div class="card">
        <p class="muted">{t`Pertanyaan ${number} dari ${total}`}</p>
        <h2 class="massage-question">{question.question[lang]}</h2>
        <div class="massage-yesno">
          <button
            type="button"
            class="button secondary massage-choice"
            aria-pressed={given === 'yes'}
            data-testid={`safety-yes-${question.id}`}
            onClick={() => onAnswer(question.id, 'yes')}
          >
            {t`Ya`}
          </button>
          <button
            type="button"
            class="button secondary massage-choice"
            aria-pressed={given === 'no'}
            data-testid={`safety-no-${question.id}`}
            onClick={() => onAnswer(question.id, 'no')}
          >
            {t`Tidak`}
          </button>
        </div>
      </div>
      <div class="massage-actions">
        {state.questionIndex > 0 ? (
          <button type="button" class="link-button" onClick={onBack}>
            {t`Pertanyaan sebelumnya`}
          </button>
        ) : null}
        <button type="button" class="button secondary" data-testid="cancel" onClick={onCancel}>
          {t`Batal`}
        </button>
      </div>
    </section>
  );
}

function StepScreen(props: {
  state: SessionState;
  now: number;
  lang: keyof Localized;
  onNext: () => void;
  onPrevious: () => void;
  onPause: () => void;
  onReplay: () => void;
  onFinishEarly: () => void;
}) {
  const { state, now, lang } = props;
  const step = MASSAGE_STEPS[state.stepIndex];
  if (!step) return null;
  const number = state.stepIndex + 1;
  const total = state.steps.length;
  const remaining = stepRemainingMs(state, now);
  const timeUp = stepTimeUp(state, now);
  const paused = state.pausedAt !== null;
  const last = state.stepIndex === total - 1;
  const midwayGiven = state.cuesGiven.includes(`${step.id}:midway`);
  return (
    <section class="massage massage-steps">
      <div class="massage-top">
        <span class="muted">{t`Langkah ${number} dari ${total}`}</span>
        <button
          type="button"
          class="link-button"
          aria-pressed={muted.value}
          onClick={() => setMuted(!muted.value)}
          data-testid="mute"
        >
          {muted.value ? t`Suara: mati` : t`Suara: hidup`}
        </button>
      </div>
      <h1 data-testid="step-title">{step.title[lang]}</h1>
      <div class="massage-hero">
        <BackIllustration id={step.illustration} />
        <div class="massage-clocks">
          <div class={timeUp ? 'massage-clock time-up' : 'massage-clock'}>
            <span class="muted">{t`Sisa waktu`}</span>
            <span class="big-number" data-testid="step-remaining">
              {remaining === null ? '–' : formatClock(remaining, true)}
            </span>
          </div>
          <div class="massage-clock">
            <span class="muted">{t`Total`}</span>
            <span class="massage-total" data-testid="total-elapsed">
              {formatClock(totalElapsedMs(state, now))}
            </span>
          </div>
        </div>
      </div>
      <div aria-live="polite">
        {paused ? <p class="notice notice-warn">{t`Dijeda. Ketuk Teruskan untuk melanjutkan.`}</p> : null}
        {timeUp && !paused ? (
          <p class="notice massage-done">
            <strong>{last ? t`Waktu habis. Ketuk Selesai.` : t`Waktu habis. Ketuk Lanjut bila sudah siap.`}</strong>
          </p>
        ) : null}
        {step.midwayCue && midwayGiven && !timeUp ? <p class="notice">{step.midwayCue[lang]}</p> : null}
      </div>
      <ol class="massage-instructions">
        {step.instructions.map((line) => (
          <li key={line.id}>{line[lang]}</li>
        ))}
      </ol>
      <div class="massage-actions">
        <button type="button" class="button secondary" onClick={props.onReplay}>
          {t`Dengarkan lagi`}
        </button>
        <button type="button" class="button secondary" data-testid="finish-early" onClick={props.onFinishEarly}>
          {t`Selesai lebih awal`}
        </button>
      </div>
      <div class="massage-controls">
        <button
          type="button"
          class="button secondary"
          data-testid="step-previous"
          disabled={state.stepIndex === 0}
          onClick={props.onPrevious}
        >
          {t`Kembali`}
        </button>
        <button type="button" class="button secondary" data-testid="step-pause" onClick={props.onPause}>
          {paused ? t`Teruskan` : t`Jeda`}
        </button>
        <button type="button" class="button primary" data-testid="step-next" onClick={props.onNext}>
          {last ? t`Selesai` : t`Lanjut`}
        </button>
      </div>
    </section>
  );
}

function ReviewScreen(props: {
  state: SessionState;
  busy: boolean;
  error: unknown;
  onChange: (patch: Partial<ReviewAnswers>) => void;
  onBack: () => void;
  onSave: (event: Event) => void;
}) {
  const { state } = props;
  const review = state.review;
  const end = state.endedAt ?? Date.now();
  const minutes = formatClock(massageSeconds(state, end) * 1000);
  const total = formatClock(totalElapsedMs(state, end));
  return (
    <section class="narrow massage">
      <h1>{state.outcome === 'completed' ? t`Pijat selesai` : t`Pijat dihentikan`}</h1>
      <p class="muted">
        {t`Waktu memijat ${minutes}, seluruh sesi ${total}.`}{' '}
        <button type="button" class="link-button" onClick={props.onBack}>
          {t`Kembali ke langkah`}
        </button>
      </p>
      <form class="form" onSubmit={props.onSave}>
        <fieldset class="massage-fieldset">
          <legend>{t`Seberapa nyaman pijat bagi ibu?`}</legend>
          <div class="massage-scale">
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                class="button secondary massage-choice"
                aria-pressed={review.comfort === n}
                data-testid={`review-comfort-${n}`}
                onClick={() => props.onChange({ comfort: review.comfort === n ? null : n })}
              >
                {n}
              </button>
            ))}
          </div>
          <p class="muted massage-hint">{t`1 = sangat tidak nyaman, 5 = sangat nyaman`}</p>
        </fieldset>
        <label>
          {t`Rasa nyeri, 0 (tidak nyeri) sampai 10 (sangat nyeri)`}
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={10}
            step={1}
            name="pain"
            data-testid="review-pain"
            value={review.pain ?? ''}
            onInput={(e) => {
              const text = e.currentTarget.value.trim();
              const value = Number(text);
              props.onChange({ pain: text === '' || !Number.isFinite(value) ? null : value });
            }}
          />
        </label>
        <fieldset class="massage-fieldset">
          <legend>{t`Apakah ASI menetes atau keluar sendiri?`}</legend>
          <div class="massage-yesno">
            <button
              type="button"
              class="button secondary massage-choice"
              aria-pressed={review.letDown === true}
              data-testid="review-letdown-yes"
              onClick={() => props.onChange({ letDown: review.letDown === true ? null : true })}
            >
              {t`Ya`}
            </button>
            <button
              type="button"
              class="button secondary massage-choice"
              aria-pressed={review.letDown === false}
              data-testid="review-letdown-no"
              onClick={() => props.onChange({ letDown: review.letDown === false ? null : false })}
            >
              {t`Tidak`}
            </button>
          </div>
        </fieldset>
        <label>
          {t`Catatan (boleh kosong)`}
          <textarea
            name="notes"
            rows={3}
            maxLength={NOTES_MAX}
            data-testid="review-notes"
            value={review.notes}
            onInput={(e) => props.onChange({ notes: e.currentTarget.value })}
          />
          <span class="muted massage-hint">
            {review.notes.length}/{NOTES_MAX}
          </span>
        </label>
        <ProblemMessage error={props.error} />
        <button type="submit" class="button primary" data-testid="review-save" disabled={props.busy}>
          {props.busy ? t`Menyimpan…` : t`Simpan`}
        </button>
      </form>
    </section>
  );
}
