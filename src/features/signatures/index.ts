import type { FeatureModule } from '../../platform/module.ts';
import { signaturesMessages } from './signatures.messages.ts';

/**
 * E-signature verification. No routes of its own: every attachment is examined on arrival (inquiries) and the
 * verdicts show in the inquiry pages and JSON.
 */
export const signaturesModule = {
  name: 'signatures',
  messages: { lv: { signatures: signaturesMessages.lv }, en: { signatures: signaturesMessages.en } },
} satisfies FeatureModule;
