import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoginResult } from '@twin/protocol';
import { registerIpcHandlers, type ShellIpcTasks } from './registerIpcHandlers.ts';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const appUrl = new URL('http://127.0.0.1:8080/');

/** An `ipcMain` that records handlers, and an invoke as a frame of `url` would send it. */
class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, frame: { url: string; parent: object | null } | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame } as unknown as IpcMainInvokeEvent, ...args);
  }
}

const appFrame = { url: 'http://127.0.0.1:8080/#/login', parent: null };

describe('IPC handlers (Electron security checklist: validate the sender; PLAT-11)', () => {
  let ipc: FakeIpcMain;
  let tasks: { signInWithSso: ReturnType<typeof vi.fn<ShellIpcTasks['signInWithSso']>>; openWindow: ReturnType<typeof vi.fn<ShellIpcTasks['openWindow']>> };
  let log: ReturnType<typeof vi.fn<(message: string) => void>>;
  let remove: () => void;

  beforeEach(() => {
    ipc = new FakeIpcMain();
    tasks = {
      signInWithSso: vi.fn<ShellIpcTasks['signInWithSso']>(async () => ({ ok: true, value: { token: 't' } as LoginResult })),
      openWindow: vi.fn<ShellIpcTasks['openWindow']>(),
    };
    log = vi.fn<(message: string) => void>();
    remove = registerIpcHandlers(ipc, appUrl, tasks, log);
  });

  it('registers exactly the shell channels and removes them again', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(['twin:auth:signInWithSso', 'twin:window:open']);
    remove();
    expect(ipc.handlers.size).toBe(0);
  });

  it('runs a valid call from a top-level frame of the app', async () => {
    await expect(ipc.invoke('twin:auth:signInWithSso', appFrame, 'corp-idp')).resolves.toEqual({ ok: true, value: { token: 't' } });
    await expect(ipc.invoke('twin:window:open', appFrame, 'cameras')).resolves.toEqual({ ok: true, value: null });
    expect(tasks.signInWithSso).toHaveBeenCalledWith('corp-idp');
    expect(tasks.openWindow).toHaveBeenCalledWith('cameras');
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['the offline page', { url: 'twin://app/offline', parent: null }],
    ['an embedded frame of the app', { url: 'http://127.0.0.1:8080/embed', parent: {} }],
    ['a frame that is gone', null],
  ])('refuses a call from %s without running it', async (_name, frame) => {
    await expect(ipc.invoke('twin:auth:signInWithSso', frame, 'corp-idp')).resolves.toMatchObject({ ok: false, error: { code: 'TWIN_ERR_AUTH_FORBIDDEN' } });
    expect(tasks.signInWithSso).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused'));
  });

  it('refuses a call from a frame disposed while the call was on its way', async () => {
    const handler = ipc.handlers.get('twin:window:open') as Handler;
    const disposed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    await expect(handler(disposed as unknown as IpcMainInvokeEvent, 'alarms')).resolves.toMatchObject({ ok: false, error: { code: 'TWIN_ERR_AUTH_FORBIDDEN' } });
    expect(tasks.openWindow).not.toHaveBeenCalled();
  });

  it.each([
    ['twin:auth:signInWithSso', ['../../admin']],
    ['twin:auth:signInWithSso', [42]],
    ['twin:auth:signInWithSso', ['x'.repeat(65)]],
    ['twin:auth:signInWithSso', []],
    ['twin:auth:signInWithSso', ['corp-idp', 'extra']],
    ['twin:window:open', ['settings']],
    ['twin:window:open', [{ name: 'alarms' }]],
  ])('refuses %s with the payload %j', async (channel, args) => {
    await expect(ipc.invoke(channel, appFrame, ...args)).resolves.toMatchObject({ ok: false, error: { code: 'TWIN_ERR_BAD_REQUEST' } });
    expect(tasks.signInWithSso).not.toHaveBeenCalled();
    expect(tasks.openWindow).not.toHaveBeenCalled();
  });
});
