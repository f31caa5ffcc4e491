/**
 * IPC channel names between the preload and the main process, `twin:<area>:<verb>`. Every
 * channel is an `ipcMain.handle` whose answer is a `Result` from `@twin/protocol`.
 */
export const IPC_CHANNELS = {
  /** `(providerId: string) → Result<LoginResult>` */
  signInWithSso: 'twin:auth:signInWithSso',
  /** `(name: DetachableWindowName) → Result<null>` */
  openWindow: 'twin:window:open',
} as const;
