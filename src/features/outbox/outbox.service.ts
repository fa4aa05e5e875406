import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/access/policy.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { findOutboxMail, listOutbox, type OutboxRow } from '../../platform/mail/mail.repository.ts';
import { outboxSources, type OutboxEntry, type OutboxSource } from './outbox.sources.ts';

export const OUTBOX_PAGE_SIZE = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function agenciesOf(actor: StaffActor): string[] {
  return [...new Set(actor.memberships.map((m) => m.agency))];
}

export type OutboxListing = { mail: OutboxRow[]; others: Array<{ source: OutboxSource; entries: OutboxEntry[] }> };

/**
 * The newest mail of the actor's agencies and the newest deliveries of every registered source (integration
 * callbacks), each for those agencies only (every role may read its agency's outbox); audited per agency.
 */
export async function listOutboxFor(deps: ServiceDeps, actor: StaffActor, origin: AuditOrigin): Promise<OutboxListing> {
  const agencies = agenciesOf(actor);
  const mail = await listOutbox(deps.db, agencies, OUTBOX_PAGE_SIZE);
  const others = await Promise.all(
    outboxSources().map(async (source) => ({ source, entries: (await source.list(deps.db, agencies, OUTBOX_PAGE_SIZE)).filter((e) => agencies.includes(e.agency)) })),
  );
  for (const agency of agencies) {
    const details: Record<string, number> = { shown: mail.filter((r) => r.agency === agency).length };
    for (const { source, entries } of others) details[source.name] = entries.filter((e) => e.agency === agency).length;
    await recordAudit(deps.db, deps.clock, origin, { action: 'outbox.listed', recordType: 'mail', agency, details });
  }
  return { mail, others };
}

/** One mail, only when it belongs to one of the actor's agencies; otherwise "not found", as if it did not exist. */
export async function readOutboxMail(deps: ServiceDeps, actor: StaffActor, origin: AuditOrigin, id: string): Promise<OutboxRow> {
  const row = UUID.test(id) ? await findOutboxMail(deps.db, id) : undefined;
  if (!row || !row.agency || !agenciesOf(actor).includes(row.agency)) {
    throw new AppError(404, 'not-found', 'errors.notFoundTitle');
  }
  await recordAudit(deps.db, deps.clock, origin, { action: 'outbox.viewed', recordType: 'mail', recordId: row.id, agency: row.agency });
  return row;
}
