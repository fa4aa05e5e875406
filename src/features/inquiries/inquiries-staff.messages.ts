// Texts of the staff inbox and inquiry pages. Keep lv and en keys identical (the en file's type enforces it).
import { staffMessagesEn } from './staff/messages.en.ts';
import { staffMessagesLv } from './staff/messages.lv.ts';

export const inquiriesStaffMessages = { lv: staffMessagesLv, en: staffMessagesEn };
