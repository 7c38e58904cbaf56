import { signal } from '@preact/signals';

/**
 * Spoken instructions, a chime and a buzz for the guided massage. Every browser API here may be missing (an old
 * Android WebView, a test runner): then that cue is simply not given. Mute silences speech and the chime;
 * vibration stays, since it makes no sound that wakes a sleeping baby.
 */

const MUTE_KEY = 'lancar.massage.muted';

function storedMute(): boolean {
  try {
    return globalThis.localStorage?.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export const muted = signal<boolean>(storedMute());

export function setMuted(value: boolean): void {
  muted.value = value;
  try {
    globalThis.localStorage?.setItem(MUTE_KEY, value ? '1' : '0');
  } catch {
    // Private mode: the choice lasts until the page closes.
  }
  if (value) stopSpeaking();
}

type AudioContextClass = typeof AudioContext;
let audio: AudioContext | null = null;

/**
 * Call from a tap: browsers only let sound start after a person touched the page, so the audio context is made
 * (or woken) here and the chime at the end of a timer can play later without a tap.
 */
export function unlockAudio(): void {
  try {
    const Ctor = (globalThis.AudioContext ??
      (globalThis as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext) as
      | AudioContextClass
      | undefined;
    if (!Ctor) return;
    audio ??= new Ctor();
    if (audio.state === 'suspended') void audio.resume().catch(() => {});
  } catch {
    audio = null;
  }
}

/** Two soft rising tones, made with an oscillator (no sound files to download). */
export function chime(): void {
  if (muted.value) return;
  unlockAudio();
  const ctx = audio;
  if (!ctx) return;
  try {
    const start = ctx.currentTime + 0.02;
    [660, 880].forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const at = start + i * 0.22;
      osc.type = 'sine';
      osc.frequency.setValueAtTime(frequency, at);
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.22);
    });
  } catch {
    // No sound then.
  }
}

export function buzz(): void {
  try {
    navigator.vibrate?.([200, 100, 200]);
  } catch {
    // Not on this phone.
  }
}

function synth(): SpeechSynthesis | undefined {
  try {
    return 'speechSynthesis' in globalThis ? globalThis.speechSynthesis : undefined;
  } catch {
    return undefined;
  }
}

export function stopSpeaking(): void {
  try {
    synth()?.cancel();
  } catch {
    // Nothing was speaking.
  }
}

const speechLang = (locale: 'id' | 'en') => (locale === 'en' ? 'en-GB' : 'id-ID');

/**
 * A voice for the language: the exact one (id-ID, en-GB) or any of the same language. Undefined when the phone
 * lists its voices and none speaks the language (then nothing is spoken: an English voice reading Indonesian helps
 * nobody); also undefined, but speech still allowed, while the list is not loaded yet.
 */
function pickVoice(s: SpeechSynthesis, lang: string): { voice?: SpeechSynthesisVoice; usable: boolean } {
  const voices = s.getVoices?.() ?? [];
  if (voices.length === 0) return { usable: true };
  const norm = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  const base = lang.slice(0, 2).toLowerCase();
  const voice =
    voices.find((v) => norm(v) === lang.toLowerCase()) ??
    voices.find((v) => norm(v).startsWith(`${base}-`) || norm(v) === base) ??
    // Older Android names Indonesian "in".
    (base === 'id' ? voices.find((v) => norm(v).startsWith('in')) : undefined);
  return voice ? { voice, usable: true } : { usable: false };
}

/** Reads the sentences aloud, one after the other, replacing whatever was being read. False when nothing is spoken. */
export function speak(sentences: string[], locale: 'id' | 'en'): boolean {
  if (muted.value) return false;
  const s = synth();
  const Utterance = globalThis.SpeechSynthesisUtterance;
  if (!s || !Utterance) return false;
  try {
    const lang = speechLang(locale);
    const { voice, usable } = pickVoice(s, lang);
    if (!usable) return false;
    // Cancelling an idle synthesiser makes some Chrome versions drop the next utterance.
    if (s.speaking || s.pending) s.cancel();
    for (const text of sentences) {
      const u = new Utterance(text);
      u.lang = voice?.lang ?? lang;
      if (voice) u.voice = voice;
      u.rate = 0.95;
      s.speak(u);
    }
    return true;
  } catch {
    return false;
  }
}

/** A new step: the chime, then the step read aloud. */
export function announceStep(sentences: string[], locale: 'id' | 'en'): void {
  chime();
  speak(sentences, locale);
}

/** A timer ran out or a midway question is due: chime, buzz, and the words. */
export function alertCue(sentences: string[], locale: 'id' | 'en'): void {
  chime();
  buzz();
  speak(sentences, locale);
}
