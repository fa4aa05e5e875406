// THE SEAM for deliveries that leave by another way than e-mail (today: the integrations' callbacks). A feature
// registers one OutboxSource from its index.ts; the outbox lists its entries beside the mail, with the same
// access (the staff member's agencies) and masking. The outbox imports nothing of the registering feature.
import type { Database } from '../../platform/db/client.ts';

export type Localized = { lv: string; en: string };

/** One delivery as the outbox shows it: where to (a host, never a full URL), about what, and how it went. */
export type OutboxEntry = {
  id: string;
  agency: string;
  createdAt: Date;
  /** The receiving host (no path, query or credentials). */
  target: string;
  /** The reference of the inquiry it belongs to, if any. */
  reference: string | null;
  kind: Localized;
  /** pending: not yet delivered, will be retried; failed: given up after the last retry. */
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
};

export type OutboxSource = {
  name: string;
  /** The heading of its table on /staff/outbox. */
  title: Localized;
  /** The newest entries of these agencies (only these), newest first. */
  list: (db: Database, agencies: readonly string[], limit: number) => Promise<OutboxEntry[]>;
};

const registered: OutboxSource[] = [];

export function registerOutboxSource(source: OutboxSource): void {
  // Twice the same source would show every delivery twice: refuse loudly.
  if (registered.some((s) => s.name === source.name)) throw new Error(`outbox source ${source.name} is already registered`);
  registered.push(source);
}

export function outboxSources(): readonly OutboxSource[] {
  return registered;
}

/** The host of a delivery address, for display: never the path, query or user:password of the URL. */
export function targetHost(url: string): string {
  try {
    return new URL(url).host || '—';
  } catch {
    return '—';
  }
}
