import i18next, { type TFunction } from 'i18next';
import { en } from './en.ts';
import { lv } from './lv.ts';
import type { MessageKey } from './catalog.ts';

export const LANGUAGES = ['lv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'lv';
export type { MessageKey } from './catalog.ts';

export function isLanguage(value: unknown): value is Language {
  return value === 'lv' || value === 'en';
}

const i18n = i18next.createInstance();
await i18n.init({
  resources: { lv: { translation: lv }, en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: false,
  interpolation: { escapeValue: false }, // React escapes when rendering
  returnNull: false,
  initAsync: false,
});

export type Translate = (key: MessageKey, values?: Record<string, unknown>) => string;

const translators = new Map<Language, Translate>(
  LANGUAGES.map((lang) => {
    const fixed: TFunction = i18n.getFixedT(lang);
    return [lang, (key: MessageKey, values?: Record<string, unknown>) => fixed(key, values ?? {}) as string];
  }),
);

export function translator(lang: Language): Translate {
  return translators.get(lang) as Translate;
}

/** Picks the language of a localized profile text. */
export function pick(text: { lv: string; en: string }, lang: Language): string {
  return text[lang];
}
