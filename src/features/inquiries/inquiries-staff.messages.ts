// Texts of the staff inbox and inquiry pages. Keep lv and en keys identical.
export const inquiriesStaffMessages = {
  lv: { inboxTitle: 'Iesniegumi' },
  en: { inboxTitle: 'Inquiries' },
};
