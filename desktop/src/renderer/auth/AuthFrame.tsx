import type { JSX, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';

/** The full-screen frame of the screens shown without a session: brand, language, one card. */
export function AuthFrame(props: { children: ReactNode }): JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="auth-frame">
      <header className="auth-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.shortTitle')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="auth-main">
        <div className="auth-intro">
          <h1 className="auth-title">{t('app.title')}</h1>
          <p className="auth-subtitle">{t('app.subtitle')}</p>
        </div>
        <section className="auth-card">{props.children}</section>
      </main>
      <footer className="auth-footer">{t('login.footer')}</footer>
    </div>
  );
}
