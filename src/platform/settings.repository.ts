import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from './db/client.ts';
import { appSettings } from './db/tables.ts';

/** Reads a setting, creating it once (first writer wins, so every process agrees). */
export async function getOrCreateSetting(db: Database, key: string, create: () => string): Promise<string> {
  await db.insert(appSettings).values({ key, value: create() }).onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key));
  if (!row) throw new Error(`setting ${key} could not be read back`);
  return row.value;
}

export function getCookieSecret(db: Database): Promise<string> {
  return getOrCreateSetting(db, 'cookie_secret', () => randomBytes(32).toString('base64url'));
}

/** Stores the setting only if absent; true when this call stored it (a once-only marker). */
export async function claimSetting(db: Database, key: string, value: string): Promise<boolean> {
  const rows = await db.insert(appSettings).values({ key, value }).onConflictDoNothing().returning({ key: appSettings.key });
  return rows.length > 0;
}
