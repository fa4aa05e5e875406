import type { Database } from '../../platform/db/client.ts';
import { notifyQueueChange } from './queue.repository.ts';

/** What a NOTIFY says: which centre changed and how (boards reload their state from the database). */
export type QueueChange = { agency: string; centre: string; kind: string };

/** Call inside the transaction of the change: PostgreSQL delivers it to every listening process on commit. */
export async function publishQueueChange(db: Database, change: QueueChange): Promise<void> {
  await notifyQueueChange(db, queueChangePayload(change));
}

/** The NOTIFY payload of a change (for a statement that notifies itself, as markCounterCalled). */
export function queueChangePayload(change: QueueChange): string {
  return JSON.stringify(change);
}

/** The centre a NOTIFY payload names, or null for anything else on the channel. */
export function parseQueueChange(payload: string | undefined): Pick<QueueChange, 'agency' | 'centre'> | null {
  try {
    const value = JSON.parse(payload ?? '') as Partial<QueueChange>;
    if (typeof value.agency !== 'string' || typeof value.centre !== 'string') return null;
    return { agency: value.agency, centre: value.centre };
  } catch {
    return null;
  }
}
