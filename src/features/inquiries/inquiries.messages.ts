// Inquiry texts, merged into the catalogs in src/platform/i18n (lv.ts, en.ts) under `inquiries`.
import { inquiriesPublicMessages } from './inquiries-public.messages.ts';
import { inquiriesStaffMessages } from './inquiries-staff.messages.ts';

export const inquiriesMessages = {
  lv: {
    title: 'Jautājumi un iesniegumi',
    public: inquiriesPublicMessages.lv,
    staff: inquiriesStaffMessages.lv,
  },
  en: {
    title: 'Questions and submissions',
    public: inquiriesPublicMessages.en,
    staff: inquiriesStaffMessages.en,
  },
};
