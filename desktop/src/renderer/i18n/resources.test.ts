import { describe, expect, it } from 'vitest';
import { resources } from './createI18n.ts';
import { LANGUAGES } from './language.ts';

/** Every leaf of a text tree as `[dotted.key, text]`. */
function leaves(tree: object, prefix = ''): Array<[string, unknown]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, unknown]> =>
    typeof value === 'object' && value !== null ? leaves(value as object, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('texts of the console (PROP-2 e Chinese interface, English second)', () => {
  const zh = new Map(leaves(resources['zh-CN'].translation));
  const en = new Map(leaves(resources.en.translation));

  it('has both languages', () => {
    expect(Object.keys(resources).sort()).toEqual([...LANGUAGES].sort());
  });

  it('has exactly the same keys in Chinese and English', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('has no empty or non-string text in either language', () => {
    for (const [language, texts] of [['zh-CN', zh], ['en', en]] as const) {
      const bad = [...texts].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => `${language}:${key}`);
      expect(bad).toEqual([]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...zh].filter(([key, text]) => placeholders(String(text)).join() !== placeholders(String(en.get(key))).join()).map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('writes the Chinese texts in Chinese', () => {
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    // Names of languages, and codes that read the same in every language, are the exceptions.
    const latinOnly = [...zh].filter(([key, text]) => !cjk.test(String(text)) && !key.startsWith('language.')).map(([key]) => key);
    expect(latinOnly).toEqual([]);
  });
});
