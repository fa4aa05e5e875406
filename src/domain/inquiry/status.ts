export const INQUIRY_STATUSES = ['new', 'assigned', 'waiting-for-client', 'answered', 'forwarded', 'closed', 'unexamined', 'merged'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** Statuses in which the agency still owes an answer: they count for deadlines and warnings. */
export const OPEN_STATUSES: readonly InquiryStatus[] = ['new', 'assigned', 'waiting-for-client'];

const TRANSITIONS: Record<InquiryStatus, readonly InquiryStatus[]> = {
  new: ['assigned', 'waiting-for-client', 'answered', 'forwarded', 'closed', 'unexamined', 'merged'],
  assigned: ['assigned', 'waiting-for-client', 'answered', 'forwarded', 'closed', 'unexamined', 'merged'],
  'waiting-for-client': ['assigned', 'answered', 'forwarded', 'closed', 'unexamined', 'merged'],
  answered: ['assigned', 'new', 'closed'],
  forwarded: ['closed'],
  unexamined: ['closed'],
  closed: ['assigned'],
  merged: [],
};

export function isOpen(status: InquiryStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function canTransition(from: InquiryStatus, to: InquiryStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Where a client's new message puts the inquiry. Answering our request for information, or writing again after
 * the answer, hands it back to the specialist (or to the unassigned inbox): it is open again. Null: no change.
 */
export function statusAfterClientMessage(status: InquiryStatus, hasAssignee: boolean): InquiryStatus | null {
  if (status !== 'waiting-for-client' && status !== 'answered') return null;
  return hasAssignee ? 'assigned' : 'new';
}

/** Whether the client may still write into the inquiry (open, or answered: a new message reopens it). */
export function acceptsClientMessages(status: InquiryStatus): boolean {
  return isOpen(status) || status === 'answered';
}
