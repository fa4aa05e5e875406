import type { Database } from '../../platform/db/client.ts';
import { notifyQueueChange } from './queue.repository.ts';

/** What a NOTIFY says: which centre changed (boards reload their state from the database). */
export type QueueChange = { agency: string; centre: string; kind: string; at: number };

/** Call inside the transaction of the change: PostgreSQL delivers it to every listening process on commit. */
export async function publishQueueChange(db: Database, change: Omit<QueueChange, 'at'>, at: Date): Promise<void> {
  await notifyQueueChange(db, JSON.stringify({ ...change, at: at.getTime() }));
}

export function parseQueueChange(payload: string | undefined): QueueChange | null {
  try {
    const value = JSON.parse(payload ?? '') as Partial<QueueChange>;
    if (typeof value.agency !== 'string' || typeof value.centre !== 'string') return null;
    return { agency: value.agency, centre: value.centre, kind: String(value.kind ?? ''), at: Number(value.at ?? 0) };
  } catch {
    return null;
  }
}
