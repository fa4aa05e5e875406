import type { Database } from '../../platform/db/client.ts';
import { listen, type Listener, type ListenHandlers } from '../../platform/db/listen.ts';
import { QUEUE_CHANNEL } from './queue.repository.ts';

export type QueueListener = Listener;

/** LISTENs on the queue channel (see platform/db/listen.ts for PGlite and a reconnecting PostgreSQL client). */
export function listenQueueChanges(db: Database, handlers: ListenHandlers): Promise<QueueListener> {
  return listen(db, QUEUE_CHANNEL, handlers);
}
