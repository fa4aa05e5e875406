// outbox texts, merged into the catalogs in src/platform/i18n (lv.ts, en.ts). Keep lv and en keys identical.
export const outboxMessages = {
  lv: {
    title: 'Nosūtītās vēstules',
  },
  en: {
    title: 'Outgoing mail',
  },
};
