/**
 * The shell's platform information travels from the main process to the preload as one
 * command-line switch of the renderer process (`webPreferences.additionalArguments`): a sandboxed
 * preload can read `process.argv` but should not make a synchronous IPC call at start-up.
 */
import { SHELL_LANGUAGES, type ShellLanguage, type ShellPlatform } from './shellApi.ts';

const SWITCH = '--twin-shell-info=';

/** The switch that carries `info`. */
export function encodeShellInfoArgument(info: ShellPlatform): string {
  return SWITCH + encodeURIComponent(JSON.stringify(info));
}

/** Reads the platform information from a renderer's `process.argv`; throws when it is absent or malformed. */
export function decodeShellInfoArgument(argv: readonly string[]): ShellPlatform {
  const argument = argv.find((value) => value.startsWith(SWITCH));
  if (argument === undefined) throw new Error(`the renderer was started without ${SWITCH.slice(0, -1)}`);
  const parsed: unknown = JSON.parse(decodeURIComponent(argument.slice(SWITCH.length)));
  if (!isShellPlatform(parsed)) throw new Error(`${SWITCH.slice(0, -1)} does not describe a shell platform`);
  return { os: parsed.os, arch: parsed.arch, appVersion: parsed.appVersion, electronVersion: parsed.electronVersion, chromeVersion: parsed.chromeVersion, language: parsed.language };
}

function isShellPlatform(value: unknown): value is ShellPlatform {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const strings = ['os', 'arch', 'appVersion', 'electronVersion', 'chromeVersion'].every((key) => typeof record[key] === 'string');
  return strings && SHELL_LANGUAGES.includes(record['language'] as ShellLanguage);
}
