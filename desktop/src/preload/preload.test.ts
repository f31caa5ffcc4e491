import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TwinShell } from '../shared/shellApi.ts';
import { encodeShellInfoArgument } from '../shared/shellInfoArgument.ts';

const exposed = new Map<string, unknown>();
const invoke = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args) },
}));

const platform = { os: 'linux', arch: 'x64', appVersion: '0.1.0', electronVersion: '41.7.1', chromeVersion: '146.0.0.0', language: 'en' } as const;

describe('preload (PLAT-11 security by default)', () => {
  let shell: TwinShell;

  beforeEach(async () => {
    vi.resetModules();
    exposed.clear();
    invoke.mockReset();
    process.argv.push(encodeShellInfoArgument(platform));
    try {
      await import('./preload.ts');
    } finally {
      process.argv.pop();
    }
    shell = exposed.get('twinShell') as TwinShell;
  });

  it('exposes twinShell and nothing else, with task-specific members only', () => {
    expect([...exposed.keys()]).toEqual(['twinShell']);
    expect(Object.keys(shell).sort()).toEqual(['openWindow', 'platform', 'signInWithSso']);
    expect(shell.platform).toEqual(platform);
    expect(Object.isFrozen(shell.platform)).toBe(true);
  });

  it('sends single sign-on on its own channel and resolves with the session', async () => {
    const login = { token: 't', session: {} };
    invoke.mockResolvedValue({ ok: true, value: login });
    await expect(shell.signInWithSso('corp')).resolves.toBe(login);
    expect(invoke).toHaveBeenCalledWith('twin:auth:signInWithSso', 'corp');
  });

  it('rejects with the code-led message of a refused call', async () => {
    invoke.mockResolvedValue({ ok: false, error: { code: 'TWIN_ERR_BAD_REQUEST', message: 'invalid' } });
    await expect(shell.openWindow('alarms')).rejects.toThrow('TWIN_ERR_BAD_REQUEST: invalid');
    expect(invoke).toHaveBeenCalledWith('twin:window:open', 'alarms');
  });
});
