/** i18next: Korean by default, English switchable and remembered in localStorage. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ko from '../locales/ko';
import en from '../locales/en';
import { setApiLanguage } from './api-client';

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'sehub.lang';

export function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

function apply(lang: string): void {
  setApiLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export async function changeLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* private mode: not remembered */
  }
  await i18n.changeLanguage(lang);
}

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { ko: { translation: ko }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'ko',
  interpolation: { escapeValue: false },
  returnNull: false,
});
apply(initial);
i18n.on('languageChanged', apply);

export default i18n;
