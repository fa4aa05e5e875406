import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from './client.ts';

export type Listener = { close: () => Promise<void> };

export type ListenHandlers = { onMessage: (payload: string) => void; onReconnect: () => void; onError?: (error: unknown) => void };

const RECONNECT_MS = 1000;

/**
 * LISTENs on a PostgreSQL channel. PGlite: its own in-process listen. PostgreSQL: one dedicated client (not from
 * the pool, which would give the connection back), reconnected after a server restart; `onReconnect` then lets
 * the boards reload what they may have missed.
 */
export async function listen(db: Database, channel: string, handlers: ListenHandlers): Promise<Listener> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof pg.Pool) return listenOnPostgres(client.options as pg.ClientConfig, channel, handlers);
  if (isPglite(client)) {
    const unlisten = await client.listen(channel, handlers.onMessage);
    return { close: async () => (client.closed ? undefined : unlisten()) };
  }
  throw new Error('unknown database client: cannot LISTEN');
}

/** PGlite without loading it (a PostgreSQL process never does). */
function isPglite(client: unknown): client is PGlite {
  return typeof client === 'object' && client !== null && typeof (client as PGlite).listen === 'function' && 'closed' in client;
}

async function listenOnPostgres(config: pg.ClientConfig, channel: string, handlers: ListenHandlers): Promise<Listener> {
  let closed = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const client = new pg.Client(config);
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload) handlers.onMessage(message.payload);
    });
    client.on('error', (error) => {
      handlers.onError?.(error);
      reconnectLater(client);
    });
    client.on('end', () => reconnectLater(client));
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    current = client;
  };

  const reconnectLater = (client: pg.Client) => {
    if (closed || current !== client || retry) return;
    current = null;
    client.end().catch(() => undefined);
    retry = setTimeout(() => void retryConnect(), RECONNECT_MS);
  };

  const retryConnect = async () => {
    retry = null;
    try {
      await connect();
      handlers.onReconnect();
    } catch (error) {
      handlers.onError?.(error);
      if (!closed) retry = setTimeout(() => void retryConnect(), RECONNECT_MS);
    }
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end().catch(() => undefined);
    },
  };
}
