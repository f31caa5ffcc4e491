import i18next, { type i18n } from 'i18next';
import { en } from './en.ts';
import type { Language } from './language.ts';
import { zhCN } from './zhCN.ts';

/** The texts of every language, as i18next resources. */
export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

/** An i18next instance with every text loaded, ready before the first render. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}
