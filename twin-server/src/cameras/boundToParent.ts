import { existsSync } from 'node:fs';

/** util-linux's `setpriv` (essential on Debian): sets the parent-death signal, then runs the command in its place. */
const SETPRIV = '/usr/bin/setpriv';

/** `setpriv`'s exit code when the command it should run does not exist. */
const EXEC_NOT_FOUND = 127;

/** A command line to spawn. */
export interface BoundCommand {
  command: string;
  args: string[];
  /** Whether the kernel ends the child when this process dies. */
  bound: boolean;
}

/**
 * The command line that runs `command args` as a child the kernel kills (SIGKILL) when this
 * process dies, by any signal, SIGKILL included: no encoder outlives the server. `setpriv` replaces
 * itself with the command, so the child's pid and signals are the command's own. Where `setpriv`
 * is not available (not Linux) it is the command as given, and a child outlives a killed server.
 */
export function boundToParent(command: string, args: readonly string[]): BoundCommand {
  if (process.platform !== 'linux' || !existsSync(SETPRIV)) return { command, args: [...args], bound: false };
  return { command: SETPRIV, args: ['--pdeathsig', 'KILL', '--', command, ...args], bound: true };
}

/** Whether a bound child's exit means its command was not found (the spawn of an unbound one fails with ENOENT instead). */
export function commandNotFound(spawned: BoundCommand, code: number | null): boolean {
  return spawned.bound && code === EXEC_NOT_FOUND;
}
