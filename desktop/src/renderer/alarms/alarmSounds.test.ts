import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALARM_SEVERITIES } from '@twin/protocol';
import { AlarmSounds, MUTE_STORAGE_KEY, SOUND_PATTERNS, severityToSound } from './alarmSounds.ts';
import { testAlarm } from './testAlarms.ts';

describe('which severity sounds (PLAT-3 sound shows the state)', () => {
  it('PLAT-3 sounds the highest severity among unacknowledged active alarms', () => {
    expect(severityToSound([testAlarm({ severity: 'low' }), testAlarm({ severity: 'high' }), testAlarm({ severity: 'medium' })])).toBe('high');
    expect(severityToSound([testAlarm({ severity: 'low' }), testAlarm({ severity: 'critical' })])).toBe('critical');
  });

  it('is silent for acknowledged, returned, shelved and suppressed alarms', () => {
    expect(
      severityToSound([
        testAlarm({ severity: 'critical', state: 'ack_active' }),
        testAlarm({ severity: 'critical', state: 'rtn_unack', active: false }),
        testAlarm({ severity: 'critical', state: 'shelved' }),
        testAlarm({ severity: 'critical', state: 'suppressed' }),
      ]),
    ).toBeNull();
    expect(severityToSound([])).toBeNull();
  });

  it('PLAT-3 gives each severity its own pattern, repeating faster the more severe', () => {
    const signatures = ALARM_SEVERITIES.map((severity) => JSON.stringify(SOUND_PATTERNS[severity]));
    expect(new Set(signatures).size).toBe(ALARM_SEVERITIES.length);
    const periods = ALARM_SEVERITIES.map((severity) => SOUND_PATTERNS[severity].periodMs);
    expect([...periods].sort((a, b) => a - b)).toEqual(periods);
    const frequencies = new Set(SOUND_PATTERNS.critical.tones.map((t) => t.frequencyHz));
    expect(frequencies.size).toBe(2);
    expect(SOUND_PATTERNS.low.tones).toHaveLength(1);
  });
});

/** An AudioContext stand-in that counts the tones started. */
function fakeAudio(state: AudioContextState = 'running') {
  const started: number[] = [];
  const node = () => ({ connect: (next: unknown) => next });
  const context = {
    state,
    currentTime: 0,
    destination: {},
    resume: vi.fn(async () => {
      context.state = 'running';
    }),
    close: vi.fn(async () => undefined),
    createGain: () => ({ ...node(), gain: { setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined } }),
    createOscillator: () => {
      const oscillator = { ...node(), type: 'sine', frequency: { value: 0 }, start: () => started.push(oscillator.frequency.value), stop: () => undefined };
      return oscillator;
    },
  };
  return { context, started };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

function soundsWith(state: AudioContextState = 'running') {
  const audio = fakeAudio(state);
  const storage = memoryStorage();
  const target = new EventTarget();
  const sounds = new AlarmSounds({ storage, target: target as unknown as Window, createContext: () => audio.context as unknown as AudioContext });
  return { sounds, audio, storage, target, detach: sounds.attach() };
}

describe('AlarmSounds', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('PLAT-3 repeats the pattern of the severity to sound until silence is named', () => {
    const { sounds, audio, detach } = soundsWith();
    sounds.play('critical');
    expect(audio.started).toHaveLength(4);
    vi.advanceTimersByTime(SOUND_PATTERNS.critical.periodMs * 2);
    expect(audio.started).toHaveLength(12);
    sounds.play(null);
    vi.advanceTimersByTime(10_000);
    expect(audio.started).toHaveLength(12);
    detach();
  });

  it('switches to the pattern of the new severity', () => {
    const { sounds, audio, detach } = soundsWith();
    sounds.play('high');
    sounds.play('low');
    expect(audio.started).toEqual([784, 784, 523]);
    detach();
  });

  it('keeps the mute choice in localStorage and starts muted next time', () => {
    const { sounds, audio, storage, detach } = soundsWith();
    sounds.setMuted(true);
    sounds.play('critical');
    vi.advanceTimersByTime(5_000);
    expect(audio.started).toEqual([]);
    expect(storage.items.get(MUTE_STORAGE_KEY)).toBe('1');
    detach();
    const again = new AlarmSounds({ storage, target: new EventTarget() as unknown as Window, createContext: () => audio.context as unknown as AudioContext });
    expect(again.isMuted()).toBe(true);
  });

  it('follows a mute choice made in another window of the console', () => {
    const { sounds, target, detach } = soundsWith();
    const heard = vi.fn();
    sounds.subscribe(heard);
    const event = Object.assign(new Event('storage'), { key: MUTE_STORAGE_KEY, newValue: '1' });
    target.dispatchEvent(event);
    expect(sounds.isMuted()).toBe(true);
    expect(heard).toHaveBeenCalledOnce();
    detach();
  });

  it('stays silent until a user gesture resumes the audio (autoplay policy)', () => {
    const { sounds, audio, target, detach } = soundsWith('suspended');
    sounds.play('medium');
    expect(audio.started).toEqual([]);
    target.dispatchEvent(new Event('pointerdown'));
    expect(audio.context.resume).toHaveBeenCalled();
    vi.advanceTimersByTime(SOUND_PATTERNS.medium.periodMs);
    expect(audio.started).toEqual([659]);
    detach();
    expect(audio.context.close).toHaveBeenCalled();
  });
});
