import { severityRank, type AlarmDto, type AlarmSeverity } from '@twin/protocol';

/** One tone of a pattern, relative to the pattern's start. */
export interface Tone {
  frequencyHz: number;
  startMs: number;
  durationMs: number;
  wave: OscillatorType;
}

/** A severity's sound: its tones, repeated every `periodMs`. */
export interface SoundPattern {
  periodMs: number;
  tones: readonly Tone[];
}

const tone = (frequencyHz: number, startMs: number, durationMs: number, wave: OscillatorType = 'square'): Tone => ({ frequencyHz, startMs, durationMs, wave });

/**
 * A distinct sound per severity (REQ PLAT-3: sound shows the system's state), more urgent the
 * more severe: critical a fast two-tone warble every second, high a double beep every 2 s, medium
 * a single beep every 4 s, low a soft chime every 10 s.
 */
export const SOUND_PATTERNS: Record<AlarmSeverity, SoundPattern> = {
  critical: { periodMs: 1_000, tones: [tone(988, 0, 180), tone(740, 200, 180), tone(988, 400, 180), tone(740, 600, 180)] },
  high: { periodMs: 2_000, tones: [tone(784, 0, 160), tone(784, 260, 160)] },
  medium: { periodMs: 4_000, tones: [tone(659, 0, 320, 'triangle')] },
  low: { periodMs: 10_000, tones: [tone(523, 0, 900, 'sine')] },
};

/**
 * The severity whose sound should play now: the highest severity among active alarms that wait
 * for acknowledgement, or null for silence. Alarms that returned before being acknowledged stay
 * silent (ISA-18.2: the return to normal need not be audible), shelved and suppressed ones too.
 */
export function severityToSound(alarms: readonly AlarmDto[]): AlarmSeverity | null {
  let loudest: AlarmSeverity | null = null;
  for (const alarm of alarms) {
    if (alarm.state !== 'unack_active') continue;
    if (loudest === null || severityRank(alarm.severity) < severityRank(loudest)) loudest = alarm.severity;
  }
  return loudest;
}

/** Where the console keeps its mute choice (a preference of this machine, shared by its windows). */
export const MUTE_STORAGE_KEY = 'twin.alarms.muted';

/** Loudness of the tones, 0..1: audible in a control room without startling. */
const VOLUME = 0.18;
const RAMP_S = 0.01;

/** Construction options of {@link AlarmSounds}. */
export interface AlarmSoundsOptions {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Where user gestures and storage changes are heard: the window. */
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  createContext: () => AudioContext;
}

/**
 * The console's alarm sounds, generated with the Web Audio API (no audio files). {@link play}
 * names the severity to sound; its pattern repeats until another severity or silence is named.
 * The mute choice persists in `localStorage` and follows other windows of the console.
 *
 * Browsers start an `AudioContext` suspended until the user interacts with the page: the first
 * pointer or key press after {@link attach} resumes it.
 */
export class AlarmSounds {
  private context: AudioContext | null = null;
  private muted: boolean;
  private severity: AlarmSeverity | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: AlarmSoundsOptions) {
    this.muted = options.storage.getItem(MUTE_STORAGE_KEY) === '1';
  }

  /** Calls `listener` when the mute choice changes; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Whether the console is muted. */
  readonly isMuted = (): boolean => this.muted;

  /** Mutes or unmutes this console (and its other windows). */
  setMuted(muted: boolean): void {
    this.options.storage.setItem(MUTE_STORAGE_KEY, muted ? '1' : '0');
    this.changeMuted(muted);
  }

  /** Listens for the first gesture and for mute changes of other windows; returns the function that stops and releases the audio. */
  attach(): () => void {
    const { target } = this.options;
    const onGesture = () => void this.audio().resume();
    const onStorage = (event: StorageEvent) => {
      if (event.key === MUTE_STORAGE_KEY) this.changeMuted(event.newValue === '1');
    };
    target.addEventListener('pointerdown', onGesture);
    target.addEventListener('keydown', onGesture);
    target.addEventListener('storage', onStorage);
    return () => {
      target.removeEventListener('pointerdown', onGesture);
      target.removeEventListener('keydown', onGesture);
      target.removeEventListener('storage', onStorage);
      // Silence until told again what to sound: a later attach starts from nothing playing.
      this.severity = null;
      this.stopLoop();
      void this.context?.close();
      this.context = null;
    };
  }

  /** Sounds `severity`'s pattern, repeating, from now on; null for silence. */
  play(severity: AlarmSeverity | null): void {
    if (severity === this.severity) return;
    this.severity = severity;
    this.restartLoop();
  }

  private changeMuted(muted: boolean): void {
    if (muted === this.muted) return;
    this.muted = muted;
    this.restartLoop();
    for (const listener of this.listeners) listener();
  }

  private restartLoop(): void {
    this.stopLoop();
    if (this.muted || this.severity === null) return;
    const pattern = SOUND_PATTERNS[this.severity];
    this.sound(pattern);
    this.timer = setInterval(() => this.sound(pattern), pattern.periodMs);
  }

  private stopLoop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private audio(): AudioContext {
    this.context ??= this.options.createContext();
    return this.context;
  }

  private sound(pattern: SoundPattern): void {
    const context = this.audio();
    // Until a gesture resumes it, a suspended context would queue the tones and play them all at once.
    if (context.state !== 'running') return;
    const startS = context.currentTime + 0.02;
    for (const { frequencyHz, startMs, durationMs, wave } of pattern.tones) {
      const atS = startS + startMs / 1000;
      const endS = atS + durationMs / 1000;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = wave;
      oscillator.frequency.value = frequencyHz;
      // Short ramps in and out: no clicks at the edges of a tone.
      gain.gain.setValueAtTime(0, atS);
      gain.gain.linearRampToValueAtTime(VOLUME, atS + RAMP_S);
      gain.gain.setValueAtTime(VOLUME, endS - RAMP_S);
      gain.gain.linearRampToValueAtTime(0, endS);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(atS);
      oscillator.stop(endS + RAMP_S);
    }
  }
}
