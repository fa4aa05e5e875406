// feedback texts, merged into the catalogs in src/platform/i18n (lv.ts, en.ts). Keep lv and en keys identical.
export const feedbackMessages = {
  lv: {},
  en: {},
};
