import { describe, expect, it } from 'vitest';
import type { ShellPlatform } from './shellApi.ts';
import { decodeShellInfoArgument, encodeShellInfoArgument } from './shellInfoArgument.ts';

const info: ShellPlatform = { os: 'linux', arch: 'x64', appVersion: '0.1.0', electronVersion: '41.7.1', chromeVersion: '146.0.0.0', language: 'zh-CN' };

describe('shell info argument', () => {
  it('carries the platform from main to the preload through the renderer command line', () => {
    const argv = ['/opt/app/electron', '--type=renderer', encodeShellInfoArgument(info), '--lang=zh-CN'];
    expect(decodeShellInfoArgument(argv)).toEqual(info);
  });

  it('survives characters that are not safe on a command line', () => {
    const odd = { ...info, appVersion: '0.1.0 "beta" = & ;' };
    expect(decodeShellInfoArgument([encodeShellInfoArgument(odd)])).toEqual(odd);
  });

  it('keeps only the known fields', () => {
    const argument = `--twin-shell-info=${encodeURIComponent(JSON.stringify({ ...info, secret: 'x' }))}`;
    expect(Object.keys(decodeShellInfoArgument([argument])).sort()).toEqual(Object.keys(info).sort());
  });

  it('refuses a renderer started without it', () => {
    expect(() => decodeShellInfoArgument(['--type=renderer'])).toThrow(/without --twin-shell-info/);
  });

  it('refuses an unsupported language or a missing field', () => {
    const bad = (value: object) => `--twin-shell-info=${encodeURIComponent(JSON.stringify(value))}`;
    expect(() => decodeShellInfoArgument([bad({ ...info, language: 'fr' })])).toThrow(/does not describe/);
    expect(() => decodeShellInfoArgument([bad({ ...info, os: undefined })])).toThrow(/does not describe/);
  });
});
