import type { ServerResponse } from 'node:http';
import type { Database } from '../../platform/db/client.ts';
import { parseQueueChange } from './queue-events.ts';
import { listenQueueChanges, type QueueListener } from './queue-listener.ts';

/** How often an idle stream gets a comment line, so proxies and browsers keep it open. */
const HEARTBEAT_MS = 25_000;

type Board = { clients: Set<ServerResponse>; reloading: boolean; again: boolean };

/**
 * The display boards connected to this process, per centre. Every change arrives through LISTEN (from this
 * process or any other on the same database); the centre's state is then read once and written to all its boards.
 */
export class BoardHub {
  private readonly boards = new Map<string, Board>();
  private listener: Promise<QueueListener> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly loadState: (agency: string, centre: string) => Promise<unknown>,
    private readonly log: { warn: (obj: unknown, msg: string) => void },
  ) {}

  /** Starts listening on first use; a process with no boards holds no extra connection. */
  private ensureListening(): Promise<QueueListener> {
    this.listener ??= listenQueueChanges(this.db, {
      onMessage: (payload) => {
        const change = parseQueueChange(payload);
        if (change) this.refresh(`${change.agency}/${change.centre}`);
      },
      onReconnect: () => {
        for (const key of this.boards.keys()) this.refresh(key);
      },
      onError: (error) => this.log.warn({ err: error }, 'queue listener lost its connection; reconnecting'),
    }).catch((error: unknown) => {
      this.listener = null; // not cached: the next board to connect tries again
      throw error;
    });
    this.heartbeat ??= setInterval(() => this.writeAll(': ping\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
    return this.listener;
  }

  /** Adds an open SSE response; the first event is the current state. */
  async connect(agency: string, centre: string, response: ServerResponse, initialState: unknown): Promise<void> {
    try {
      await this.ensureListening();
    } catch (error) {
      response.end(); // a stream that would never get an event: the board's EventSource reconnects instead
      throw error;
    }
    const key = `${agency}/${centre}`;
    let board = this.boards.get(key);
    if (!board) {
      board = { clients: new Set(), reloading: false, again: false };
      this.boards.set(key, board);
    }
    board.clients.add(response);
    response.write(`retry: 2000\nevent: board\ndata: ${JSON.stringify(initialState)}\n\n`);
    response.on('close', () => {
      board.clients.delete(response);
      if (board.clients.size === 0 && this.boards.get(key) === board) this.boards.delete(key);
    });
  }

  /** Reloads one centre's state and sends it; changes arriving meanwhile coalesce into one more reload. */
  private refresh(key: string): void {
    const board = this.boards.get(key);
    if (!board || this.closed) return;
    if (board.reloading) {
      board.again = true;
      return;
    }
    board.reloading = true;
    const [agency = '', centre = ''] = key.split('/');
    this.loadState(agency, centre)
      .then((state) => {
        const event = `event: board\ndata: ${JSON.stringify(state)}\n\n`;
        for (const client of board.clients) client.write(event);
      })
      .catch((error: unknown) => this.log.warn({ err: error }, 'board state could not be loaded'))
      .finally(() => {
        board.reloading = false;
        if (board.again) {
          board.again = false;
          this.refresh(key);
        }
      });
  }

  private writeAll(text: string): void {
    for (const board of this.boards.values()) for (const client of board.clients) client.write(text);
  }

  /** Ends every stream (the boards reconnect to another process or after the restart). */
  endStreams(): void {
    this.closed = true;
    for (const board of this.boards.values()) for (const client of board.clients) client.end();
    this.boards.clear();
  }

  async close(): Promise<void> {
    this.endStreams();
    if (this.heartbeat) clearInterval(this.heartbeat);
    const listener = this.listener;
    this.listener = null;
    if (listener) await (await listener.catch(() => null))?.close();
  }
}
