export { ACCESS_CODE_LENGTH, findReferenceIn, formatReference, generateAccessCode, hashAccessCode, normalizeAccessCode, parseReference } from './reference.ts';
export { INQUIRY_STATUSES, OPEN_STATUSES, canTransition, isOpen, statusAfterClientMessage, acceptsClientMessages } from './status.ts';
export type { InquiryStatus } from './status.ts';
