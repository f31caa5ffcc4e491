/**
 * The preload of every window: exposes `window.twinShell` (see `shared/shellApi.ts`) and nothing
 * else. It runs sandboxed, so it is bundled into one CommonJS file that requires only `electron`.
 * Each function sends one fixed channel with its arguments; the main process checks the sender and
 * validates the payload.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { LoginResult, Result } from '@twin/protocol';
import { IPC_CHANNELS } from '../shared/ipcChannels.ts';
import type { DetachableWindowName, TwinShell } from '../shared/shellApi.ts';
import { decodeShellInfoArgument } from '../shared/shellInfoArgument.ts';
import { unwrapIpcResult } from '../shared/unwrapIpcResult.ts';

const twinShell: TwinShell = {
  platform: Object.freeze(decodeShellInfoArgument(process.argv)),
  async signInWithSso(providerId: string): Promise<LoginResult> {
    return unwrapIpcResult((await ipcRenderer.invoke(IPC_CHANNELS.signInWithSso, providerId)) as Result<LoginResult>);
  },
  async openWindow(name: DetachableWindowName): Promise<void> {
    unwrapIpcResult((await ipcRenderer.invoke(IPC_CHANNELS.openWindow, name)) as Result<null>);
  },
};

contextBridge.exposeInMainWorld('twinShell', twinShell);
