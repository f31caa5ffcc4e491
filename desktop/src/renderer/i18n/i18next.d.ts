import 'i18next';
import type { Texts } from './zhCN.ts';

// Every `t('…')` key is checked against the texts at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Texts };
  }
}
