import i18next, { type TFunction } from 'i18next';
import { platformMessages } from './platform.messages.ts';
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
  resources: { lv: { translation: platformMessages.lv }, en: { translation: platformMessages.en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: false,
  interpolation: { escapeValue: false }, // React escapes when rendering
  returnNull: false,
  initAsync: false,
});

/** Adds the app's catalogs (the composition root calls it once, with every feature's messages merged). */
export function registerCatalogs(catalogs: Record<Language, Record<string, unknown>>): void {
  for (const lang of LANGUAGES) i18n.addResourceBundle(lang, 'translation', catalogs[lang], true, true);
  for (const texts of plainTexts.values()) texts.clear();
}

export type Translate = (key: MessageKey, values?: Record<string, unknown>) => string;

/**
 * A message without values is the same text every time until the catalogs change: kept per language, as a page
 * asks for dozens of them (navigation, footer) and i18next's lookup was a tenth of rendering one.
 */
const plainTexts = new Map<Language, Map<string, string>>(LANGUAGES.map((lang) => [lang, new Map()]));

const translators = new Map<Language, Translate>(
  LANGUAGES.map((lang) => {
    const fixed: TFunction = i18n.getFixedT(lang);
    const texts = plainTexts.get(lang) as Map<string, string>;
    return [
      lang,
      (key: MessageKey, values?: Record<string, unknown>) => {
        if (values !== undefined) return fixed(key, values) as string;
        let text = texts.get(key);
        if (text === undefined) texts.set(key, (text = fixed(key, {}) as string));
        return text;
      },
    ];
  }),
);

export function translator(lang: Language): Translate {
  return translators.get(lang) as Translate;
}

/** Text in both languages. */
export type Bilingual = { lv: string; en: string };

/** A catalog message in both languages, for answers that carry both and for problems rendered later. */
export function bilingual(key: MessageKey, values?: Record<string, unknown>): Bilingual {
  return { lv: translator('lv')(key, values), en: translator('en')(key, values) };
}

/** Picks the language of a localized profile text. */
export function pick(text: { lv: string; en: string }, lang: Language): string {
  return text[lang];
}
