/** The languages of the console: Chinese by default (REQ PROP-2 e), English as the second. */
export const LANGUAGES = ['zh-CN', 'en'] as const;

/** A language of the console. */
export type Language = (typeof LANGUAGES)[number];

/** Where the operator's choice of language is kept (a preference, not a secret). */
export const LANGUAGE_STORAGE_KEY = 'twin.language';

function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.includes(value as Language);
}

/**
 * The language to start in: the operator's last choice on this machine, else the desktop shell's
 * language, else Chinese. The browser's own language does not count: the guideline asks for a
 * Chinese interface unless someone chooses otherwise.
 */
export function startLanguage(stored: string | null, shellLanguage: string | undefined): Language {
  if (isLanguage(stored)) return stored;
  if (isLanguage(shellLanguage)) return shellLanguage;
  return 'zh-CN';
}
