// The signatures feature's wiring. It has no routes of its own: verification runs on every attachment's
// arrival (inquiries) and its verdicts show in the inquiry pages and JSON.
export { signaturesMessages } from './signatures.messages.ts';
export { attachmentSignatureColumns } from './signatures.tables.ts';
export const signaturesJobs = [] as const;
export const signaturesPermissions = {} as const;
