import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/language.ts';
import { useLanguage } from '../i18n/useLanguage.ts';

/** Switches the console between Chinese and English (each language named in itself). */
export function LanguageSwitch(): JSX.Element {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((candidate) => (
        <button
          key={candidate}
          type="button"
          lang={candidate}
          className={candidate === language ? 'language-option is-active' : 'language-option'}
          aria-pressed={candidate === language}
          onClick={() => setLanguage(candidate)}
        >
          {t(`language.${candidate}`)}
        </button>
      ))}
    </div>
  );
}
