import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { staffMemberships, staffSessions, staffUsers } from './staff.tables.ts';
import { type StaffRole } from '../../platform/access/roles.ts';

export type StaffUserRow = typeof staffUsers.$inferSelect;

export async function findUserByEmail(db: Database, email: string): Promise<StaffUserRow | undefined> {
  const [row] = await db.select().from(staffUsers).where(sql`lower(${staffUsers.email}) = lower(${email})`);
  return row;
}

export async function insertUser(db: Database, user: { email: string; name: string; passwordHash: string }): Promise<StaffUserRow> {
  const [row] = await db.insert(staffUsers).values(user).returning();
  if (!row) throw new Error('insert into staff_users returned no row');
  return row;
}

export async function upsertMembership(db: Database, userId: string, agency: string, role: StaffRole): Promise<void> {
  await db
    .insert(staffMemberships)
    .values({ userId, agency, role })
    .onConflictDoUpdate({ target: [staffMemberships.userId, staffMemberships.agency], set: { role } });
}

export async function listMemberships(db: Database, userId: string): Promise<Array<{ agency: string; role: StaffRole }>> {
  return db
    .select({ agency: staffMemberships.agency, role: staffMemberships.role })
    .from(staffMemberships)
    .where(eq(staffMemberships.userId, userId))
    .orderBy(staffMemberships.agency);
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(staffUsers);
  return row?.n ?? 0;
}

export async function insertSession(
  db: Database,
  session: { id: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(staffSessions).values(session);
}

/** A session that has not expired, with its user and the user's memberships (by agency): one query per staff request. */
export async function findLiveSession(db: Database, id: string, now: Date) {
  const m = staffMemberships;
  const [row] = await db
    .select({
      session: staffSessions,
      user: staffUsers,
      memberships: sql<Array<{ agency: string; role: StaffRole }>>`coalesce((select json_agg(json_build_object('agency', ${m.agency}, 'role', ${m.role}) order by ${m.agency})
        from ${m} where ${m.userId} = ${staffUsers.id}), '[]'::json)`,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(and(eq(staffSessions.id, id), gt(staffSessions.expiresAt, now)));
  return row;
}

export async function deleteSession(db: Database, id: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.id, id));
}
