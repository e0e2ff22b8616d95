import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zeroTakesPlural } from './plurals';
import { ptBR } from './pt-BR';

export const LANGUAGES = ['pt-BR', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'balcao.language';

function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'pt-BR';
  } catch {
    return 'pt-BR';
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'pt-BR': { translation: zeroTakesPlural(ptBR) }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'pt-BR',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = i18n.language;

/** Switches the UI language and keeps the choice on this terminal. */
export function changeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // No storage: the choice lasts until the page reloads.
  }
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** The text of a key built at run time (an audit action, a record type), or null when there is none. */
export function textIfAny(key: string): string | null {
  return i18n.exists(key) ? String((i18n.t as unknown as (key: string) => unknown)(key)) : null;
}

export default i18n;
