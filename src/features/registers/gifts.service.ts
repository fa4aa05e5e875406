// Gifts and benefits: staff declare every offer (declined, or exceptionally accepted with the reason); a
// supervisor acknowledges; a yearly summary per agency.
import { and, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import { rigaToday } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/problem.ts';
import { fieldError, forbidden, inTransaction, mayReview, notFound, PAGE_SIZE, pageOf, profileOf, requireVisible, rigaIso, seesAll, type RegisterDeps } from './register-support.ts';
import type { GiftBody, GiftListQuery } from './registers.schema.ts';
import { registerGifts } from './registers.tables.ts';

export type GiftRow = typeof registerGifts.$inferSelect;

/** The earliest offer date taken: anything before is a typing error, not a declaration. */
export const EARLIEST_OFFER = '2000-01-01';

export function giftJson(row: GiftRow) {
  return {
    id: row.id,
    offeredOn: row.offeredOn,
    offeredBy: row.offeredBy,
    what: row.what,
    kind: row.kind,
    estimatedValueEur: row.estimatedValueCents === null ? null : row.estimatedValueCents / 100,
    declined: row.declined,
    reason: row.reason,
    declaredBy: row.declaredBy,
    acknowledgedAt: row.acknowledgedAt ? rigaIso(row.acknowledgedAt) : null,
  };
}

export async function declareGift(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, body: GiftBody): Promise<GiftRow> {
  profileOf(deps, scope);
  if (Temporal.PlainDate.compare(body.offeredOn, rigaToday(deps.clock)) > 0) throw fieldError('offeredOn', 'future', 'registers.errors.futureDate');
  if (Temporal.PlainDate.compare(body.offeredOn, EARLIEST_OFFER) < 0) throw fieldError('offeredOn', 'too_old', 'registers.errors.tooOld');
  return inTransaction(deps, async (tx, now) => {
    const [row] = await tx
      .insert(registerGifts)
      .values({
        agency: scope.agency,
        offeredOn: body.offeredOn,
        offeredBy: body.offeredBy ?? null,
        what: body.what,
        kind: body.kind,
        estimatedValueCents: body.estimatedValueEur === undefined ? null : Math.round(body.estimatedValueEur * 100),
        declined: body.declined,
        reason: body.reason ?? null,
        declaredBy: scope.actor.id,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('gift not stored');
    await recordAudit(tx, deps.clock, origin, { action: 'registers.gift-declared', recordType: 'gift', recordId: row.id, agency: scope.agency, details: { kind: row.kind, declined: row.declined } });
    return row;
  });
}

function listConditions(scope: AgencyScope, query: GiftListQuery): SQL[] {
  const t = registerGifts;
  return [
    eq(t.agency, scope.agency),
    ...(seesAll(scope) ? [] : [eq(t.declaredBy, scope.actor.id)]),
    ...(query.kind ? [eq(t.kind, query.kind)] : []),
    ...(query.status === 'declined' ? [eq(t.declined, true)] : query.status === 'accepted' ? [eq(t.declined, false)] : query.status === 'unacknowledged' ? [isNull(t.acknowledgedAt)] : []),
    ...(query.from ? [gte(t.offeredOn, query.from)] : []),
    ...(query.to ? [lte(t.offeredOn, query.to)] : []),
  ];
}

export function selectGifts(db: Database, scope: AgencyScope, query: GiftListQuery, limit: number, offset = 0): Promise<GiftRow[]> {
  return db
    .select()
    .from(registerGifts)
    .where(and(...listConditions(scope, query)))
    .orderBy(desc(registerGifts.offeredOn), desc(registerGifts.id))
    .limit(limit)
    .offset(offset);
}

export async function listGifts(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, query: GiftListQuery) {
  const page = query.page ?? 1;
  const rows = await selectGifts(deps.db, scope, query, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
  await recordAudit(deps.db, deps.clock, origin, { action: 'registers.gifts-listed', recordType: 'gift', agency: scope.agency, details: { ...query, rows: Math.min(rows.length, PAGE_SIZE) } });
  return pageOf(rows, page);
}

async function findGift(db: Database, scope: AgencyScope, id: string, lock = false): Promise<GiftRow> {
  const query = db.select().from(registerGifts).where(and(eq(registerGifts.id, id), eq(registerGifts.agency, scope.agency)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  requireVisible(scope, row.declaredBy);
  return row;
}

export async function viewGift(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, id: string): Promise<GiftRow> {
  const row = await findGift(deps.db, scope, id);
  await recordAudit(deps.db, deps.clock, origin, { action: 'registers.gift-viewed', recordType: 'gift', recordId: id, agency: scope.agency });
  return row;
}

/** A supervisor's acknowledgement of a declaration (once). */
export async function acknowledgeGift(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, id: string): Promise<GiftRow> {
  if (!mayReview(scope)) throw forbidden();
  return inTransaction(deps, async (tx, now) => {
    const row = await findGift(tx, scope, id, true);
    if (row.acknowledgedAt) throw new AppError(409, 'gift-acknowledged', 'registers.errors.giftAcknowledged');
    const [updated] = await tx.update(registerGifts).set({ acknowledgedAt: now, acknowledgedBy: scope.actor.id }).where(eq(registerGifts.id, id)).returning();
    if (!updated) throw notFound();
    await recordAudit(tx, deps.clock, origin, { action: 'registers.gift-acknowledged', recordType: 'gift', recordId: id, agency: scope.agency });
    return updated;
  });
}

export type GiftYear = { year: number; declared: number; declined: number; accepted: number; acknowledged: number; valueEur: number; byKind: Record<string, number> };

/** The agency's offers per year (the yearly summary); counted over the whole agency, audited as a view. */
export async function giftYearSummary(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin): Promise<GiftYear[]> {
  const result = (await deps.db.execute(sql`
    select extract(year from offered_on)::int as year, kind, count(*)::int as n,
      count(*) filter (where declined)::int as declined, count(*) filter (where acknowledged_at is not null)::int as acknowledged,
      coalesce(sum(estimated_value_cents), 0)::bigint as cents
    from register_gifts where agency = ${scope.agency} group by 1, 2 order by 1 desc, 2`)) as unknown as {
    rows: Array<{ year: number; kind: string; n: number; declined: number; acknowledged: number; cents: string | number }>;
  };
  await recordAudit(deps.db, deps.clock, origin, { action: 'registers.gift-summary-viewed', recordType: 'gift', agency: scope.agency });
  const years = new Map<number, GiftYear>();
  for (const r of result.rows) {
    const y = years.get(r.year) ?? { year: r.year, declared: 0, declined: 0, accepted: 0, acknowledged: 0, valueEur: 0, byKind: {} };
    y.declared += r.n;
    y.declined += r.declined;
    y.accepted += r.n - r.declined;
    y.acknowledged += r.acknowledged;
    y.valueEur += Number(r.cents) / 100;
    y.byKind[r.kind] = r.n;
    years.set(r.year, y);
  }
  return [...years.values()];
}
