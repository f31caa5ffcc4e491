import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { createI18n } from './i18n/createI18n.ts';
import { LANGUAGE_STORAGE_KEY, startLanguage } from './i18n/language.ts';
import { ConsoleProvider } from './session/ConsoleProvider.tsx';
import { createConsoleServices } from './session/consoleServices.ts';
import './styles/app.css';

const language = startLanguage(localStorage.getItem(LANGUAGE_STORAGE_KEY), window.twinShell?.platform.language);
document.documentElement.lang = language;
const i18n = createI18n(language);
const services = createConsoleServices(window);

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ConsoleProvider services={services}>
        <App />
      </ConsoleProvider>
    </I18nextProvider>
  </StrictMode>,
);
void services.start();
