import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from '../../platform/db/client.ts';
import { getOrCreateSetting } from '../../platform/settings.repository.ts';

// Personal codes and phone numbers are looked up by a keyed hash (HMAC-SHA-256): the key lives in
// app_settings, so a dump of the phone tables or of the audit details alone does not reveal them.
const keys = new WeakMap<object, Promise<string>>();

function keyOf(db: Database): Promise<string> {
  let key = keys.get(db);
  if (!key) {
    key = getOrCreateSetting(db, 'phone_hash_key', () => randomBytes(32).toString('base64url'));
    keys.set(db, key);
  }
  return key;
}

export async function personalDataHash(db: Database, kind: 'personal-code' | 'phone', value: string): Promise<string> {
  return createHmac('sha256', await keyOf(db)).update(`${kind}:${value}`).digest('base64url');
}
