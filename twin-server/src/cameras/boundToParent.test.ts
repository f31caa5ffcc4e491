import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../test/testServer.ts';
import { boundToParent } from './boundToParent.ts';

const MODULE = fileURLToPath(new URL('./boundToParent.ts', import.meta.url));

/** Whether a process runs (a zombie waiting for its reaper has ended). */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Starts a Node process that spawns `sleep 60` (bound to it or not) and reports the sleeper's pid;
 * resolves with both pids once the sleeper runs.
 */
async function parentWithSleeper(bound: boolean): Promise<{ parent: number; sleeper: number }> {
  const script = `import { spawn } from 'node:child_process';
import { boundToParent } from ${JSON.stringify(MODULE)};
const line = ${bound} ? boundToParent('sleep', ['60']) : { command: 'sleep', args: ['60'] };
const child = spawn(line.command, line.args, { stdio: 'ignore' });
console.log(child.pid);
setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const sleeper = await new Promise<number>((resolve, reject) => {
    parent.stdout.setEncoding('utf8').once('data', (line: string) => resolve(Number(line.trim())));
    parent.once('exit', (code) => reject(new Error(`the parent exited with ${String(code)}`)));
  });
  await eventually(() => (running(sleeper) ? true : undefined), 5000, 'the sleeper');
  return { parent: parent.pid!, sleeper };
}

describe.skipIf(!existsSync('/usr/bin/setpriv'))('children bound to the server (cameras: no encoder outlives the server)', () => {
  const left: number[] = [];
  afterEach(() => {
    for (const pid of left.splice(0)) if (running(pid)) process.kill(pid, 'SIGKILL');
  });

  it('runs the command in place of setpriv, with the parent-death signal set', () => {
    expect(boundToParent('/usr/bin/ffmpeg', ['-i', 'x'])).toEqual({ command: '/usr/bin/setpriv', args: ['--pdeathsig', 'KILL', '--', '/usr/bin/ffmpeg', '-i', 'x'], bound: true });
  });

  it('a bound child dies when its parent is killed with SIGKILL; an unbound one lives on', async () => {
    const unbound = await parentWithSleeper(false);
    const bound = await parentWithSleeper(true);
    left.push(unbound.sleeper, bound.sleeper);
    process.kill(unbound.parent, 'SIGKILL');
    process.kill(bound.parent, 'SIGKILL');
    await eventually(() => (running(bound.sleeper) ? undefined : true), 5000, 'the bound child to end with its parent');
    expect(running(unbound.sleeper)).toBe(true);
  }, 30_000);
});
