export const INQUIRY_STATUSES = ['new', 'assigned', 'waiting-for-client', 'answered', 'forwarded', 'closed', 'unexamined', 'merged'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** Statuses in which the agency still owes an answer: they count for deadlines and warnings. */
export const OPEN_STATUSES: readonly InquiryStatus[] = ['new', 'assigned', 'waiting-for-client'];

const TRANSITIONS: Record<InquiryStatus, readonly InquiryStatus[]> = {
  new: ['assigned', 'waiting-for-client', 'answered', 'forwarded', 'closed', 'unexamined', 'merged'],
  assigned: ['assigned', 'waiting-for-client', 'answered', 'forwarded', 'closed', 'unexamined', 'merged'],
  'waiting-for-client': ['assigned', 'answered', 'forwarded', 'closed', 'unexamined', 'merged'],
  answered: ['assigned', 'closed'],
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
