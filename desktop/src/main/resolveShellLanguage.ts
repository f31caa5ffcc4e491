import type { ShellLanguage } from '../shared/shellApi.ts';

/**
 * The language of the shell: `--lang` when it names Chinese or English, else the first of the
 * operating system's preferred languages that does, else Chinese (the guideline's language).
 *
 * @param requested - the `--lang` value, if any (`zh`, `zh-CN`, `en`, `en-GB`, …).
 * @param systemLanguages - BCP 47 tags, most preferred first (`app.getPreferredSystemLanguages()`).
 */
export function resolveShellLanguage(requested: string | undefined, systemLanguages: readonly string[]): ShellLanguage {
  for (const tag of requested === undefined ? systemLanguages : [requested, ...systemLanguages]) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (language === 'zh') return 'zh-CN';
    if (language === 'en') return 'en';
  }
  return 'zh-CN';
}
