import { describe, expect, it } from 'vitest';
import { resolveShellLanguage } from './resolveShellLanguage.ts';

describe('resolveShellLanguage', () => {
  it.each([
    ['zh', [], 'zh-CN'],
    ['zh-CN', ['en-US'], 'zh-CN'],
    ['zh_TW', [], 'zh-CN'],
    ['en', ['zh-CN'], 'en'],
    ['EN-gb', [], 'en'],
  ] as const)('follows --lang %s', (requested, system, expected) => {
    expect(resolveShellLanguage(requested, system)).toBe(expected);
  });

  it('follows the first supported system language when --lang is absent', () => {
    expect(resolveShellLanguage(undefined, ['de-DE', 'en-US', 'zh-CN'])).toBe('en');
    expect(resolveShellLanguage(undefined, ['zh-Hans-CN', 'en-US'])).toBe('zh-CN');
  });

  it('speaks Chinese when nothing says otherwise', () => {
    expect(resolveShellLanguage(undefined, [])).toBe('zh-CN');
    expect(resolveShellLanguage(undefined, ['fr-FR', 'de-DE'])).toBe('zh-CN');
  });
});
