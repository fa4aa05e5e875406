// Texts of the public question form and the client follow-up page. Keep lv and en keys identical.
export const inquiriesPublicMessages = {
  lv: { formTitle: 'Uzdot jautājumu' },
  en: { formTitle: 'Ask a question' },
};
