import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';
import { hashOfView, type ViewId } from './views.ts';

/** The top bar: brand, the menu of the views this session may open, language, user menu. */
export function TopBar(props: { views: readonly ViewId[]; current: ViewId; onNavigate: (view: ViewId) => void }): JSX.Element {
  const { t } = useTranslation();
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.shortTitle')}</span>
      </div>
      <nav className="main-menu" aria-label={t('nav.label')}>
        {props.views.map((view) => (
          <a
            key={view}
            href={hashOfView(view)}
            className={view === props.current ? 'main-menu-item is-active' : 'main-menu-item'}
            aria-current={view === props.current ? 'page' : undefined}
            data-view={view}
            onClick={(event) => {
              event.preventDefault();
              props.onNavigate(view);
            }}
          >
            {t(`nav.${view}`)}
          </a>
        ))}
      </nav>
      <div className="top-bar-end">
        <LanguageSwitch />
        <UserMenu />
      </div>
    </header>
  );
}
