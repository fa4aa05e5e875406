import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import type { Database } from '../../platform/db/client.ts';
import { getOrCreateSetting } from '../../platform/settings.repository.ts';
import type { AppointmentRow } from './appointments.repository.ts';

// The manage link's token is random and only its hash is stored, so a later mail (the reminder) cannot repeat
// it. The reminder carries a second token instead: an HMAC of the appointment and its stored token hash under a
// key kept in app_settings (created once, shared by every process). It opens the same manage page; it cannot be
// derived without the key, and it dies with the appointment's own token.
const keys = new WeakMap<Database, Promise<string>>();

function keyOf(db: Database): Promise<string> {
  let key = keys.get(db);
  if (!key) {
    key = getOrCreateSetting(db, 'appointment_link_key', () => randomBytes(32).toString('base64url'));
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

/** The manage token a later mail (the reminder) carries for this appointment. */
export async function reminderManageToken(deps: Pick<AppDeps, 'db'>, row: Pick<AppointmentRow, 'id' | 'manageTokenHash'>): Promise<string> {
  return createHmac('sha256', await keyOf(deps.db)).update(`appointment-manage\n${row.id}\n${row.manageTokenHash}`).digest('base64url');
}

/** Whether `token` is the reminder's token of this appointment (compared in constant time). */
export async function isReminderManageToken(deps: Pick<AppDeps, 'db'>, row: Pick<AppointmentRow, 'id' | 'manageTokenHash'>, token: string): Promise<boolean> {
  const expected = Buffer.from(await reminderManageToken(deps, row));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
