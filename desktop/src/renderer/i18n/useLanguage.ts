import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_STORAGE_KEY, type Language } from './language.ts';

/** The console's language and the switch that changes it everywhere and remembers the choice. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const setLanguage = useCallback(
    (language: Language) => {
      void i18n.changeLanguage(language);
      document.documentElement.lang = language;
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    },
    [i18n],
  );
  return [i18n.language as Language, setLanguage];
}
