/**
 * The main process's side of `window.twinShell`: one `ipcMain.handle` per channel, each checking
 * the sender's frame (top-level frame of the app's origin) and parsing its payload before the
 * task runs. Answers are `Result`s; a refused call is logged.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { twinError, type LoginResult, type Result } from '@twin/protocol';
import { IPC_CHANNELS } from '../shared/ipcChannels.ts';
import type { DetachableWindowName } from '../shared/shellApi.ts';
import { detachableWindowSchema, providerIdSchema } from './ipcPayloads.ts';
import { isTrustedIpcSender, type IpcSenderFrame } from './isTrustedIpcSender.ts';

/** The tasks behind the channels. */
export interface ShellIpcTasks {
  signInWithSso(providerId: string): Promise<Result<LoginResult>>;
  openWindow(name: DetachableWindowName): void;
}

/** Registers every channel; the returned function removes them. */
export function registerIpcHandlers(
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'>,
  appUrl: URL,
  tasks: ShellIpcTasks,
  log: (message: string) => void = console.warn,
): () => void {
  function handle<T, R>(channel: string, schema: z.ZodType<T>, run: (payload: T) => Promise<Result<R>> | Result<R>): void {
    ipc.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Result<R>> => {
      const frame = senderFrameOf(event);
      if (!isTrustedIpcSender(frame, appUrl)) {
        log(`IPC ${channel} refused: sender ${frame?.url ?? '(gone)'} is not a top-level frame of ${appUrl.origin}`);
        return { ok: false, error: twinError('TWIN_ERR_AUTH_FORBIDDEN', 'the shell answers only the app') };
      }
      const payload = schema.safeParse(args[0]);
      if (args.length !== 1 || !payload.success) {
        log(`IPC ${channel} refused: invalid payload`);
        return { ok: false, error: twinError('TWIN_ERR_BAD_REQUEST', payload.error?.issues[0]?.message ?? 'expected exactly one argument') };
      }
      return run(payload.data);
    });
  }

  handle(IPC_CHANNELS.signInWithSso, providerIdSchema, (providerId) => tasks.signInWithSso(providerId));
  handle(IPC_CHANNELS.openWindow, detachableWindowSchema, (name) => {
    tasks.openWindow(name);
    return { ok: true, value: null };
  });
  return () => Object.values(IPC_CHANNELS).forEach((channel) => ipc.removeHandler(channel));
}

/** The sending frame, or null when it is gone (a disposed frame throws on access). */
function senderFrameOf(event: IpcMainInvokeEvent): IpcSenderFrame | null {
  try {
    const frame = event.senderFrame;
    return frame === null ? null : { url: frame.url, isMainFrame: frame.parent === null };
  } catch {
    return null;
  }
}
