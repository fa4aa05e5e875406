import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { projectPath } from '../../platform/paths.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { queryRows } from '../../../test/support/sql-rows.ts';

// Migration 0018 rewrote privacy_normalise and privacy_person_key in PL/pgSQL for speed. Every key already stored
// and every search depends on the same input giving the same key, so the new functions are checked against
// migration 0011's SQL definitions, read from its committed file and created in a schema of their own.
const MIGRATION_0011 = [
  sql.raw('create schema if not exists privacy_0011'),
  ...readFileSync(projectPath('db', 'migrations', '0011_privacy.sql'), 'utf8')
    .split('--> statement-breakpoint')
    .map((statement) => statement.replace(/^(\s*--.*\n)*/, '').trim())
    .filter((statement) => /^CREATE FUNCTION privacy_(normalise|person_key)\(/.test(statement))
    .map((statement) => sql.raw(statement.replace(/\bprivacy_(normalise|person_key)\(/g, 'privacy_0011.privacy_$1('))),
];

const KINDS = ['code', 'email', 'phone', 'other'];
const EDGE_VALUES = [
  null, '', '   ', ' Anna.Berzina@Example.LV ', 'anna.berzina@example.lv', '010101-12345', '01010112345', '32000000000', 'abc',
  '+371 20000000', '0037120000000', '37120000000', '371200000001', '371', '00371', '(+371) 2000-0000', '20 000 000', '+44 20 7946 0958',
  '２０００', 'Ā ā', '\t x \n',
];

for (const target of testTargets()) {
  describe(`keyed person index (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target);
      assert.equal(MIGRATION_0011.length, 3, 'both functions found in migration 0011');
      for (const statement of MIGRATION_0011) await platform.deps.db.execute(statement);
    });
    after(() => platform.close());

    /** The pairs (kind, value) whose key or normal form differs between the two definitions. */
    const differing = async (values: Array<string | null>) => {
      const pairs = KINDS.flatMap((kind) => values.map((value) => ({ kind, value })));
      return queryRows<{ kind: string; value: string | null }>(
        platform,
        sql`select t.kind, t.value from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as t(kind text, value text)
            where privacy_normalise(t.kind, t.value) is distinct from privacy_0011.privacy_normalise(t.kind, t.value)
               or privacy_person_key(t.kind, t.value) is distinct from privacy_0011.privacy_person_key(t.kind, t.value)`,
      );
    };

    it('gives the keys of migration 0011 for the edge cases of each kind', async () => {
      assert.deepEqual(await differing(EDGE_VALUES), []);
      const [keys] = await queryRows<{ lv: string; plain: string; none: string | null; blank: string | null }>(
        platform,
        sql`select privacy_person_key('phone', '+371 20000000') as lv, privacy_person_key('phone', '20000000') as plain,
                   privacy_person_key('phone', null) as none, privacy_person_key('email', '  ') as blank`,
      );
      assert.match(keys?.lv ?? '', /^[0-9a-f]{64}$/);
      assert.equal(keys?.lv, keys?.plain, 'a Latvian number with and without its country code is one person');
      assert.equal(keys?.none, null);
      assert.equal(keys?.blank, null);
    });

    it('gives the keys of migration 0011 for random values', async () => {
      const alphabet = fc.constantFrom(...'0123456789 +-()@.aAzZāĀ\t'.split(''));
      const values = fc.sample(fc.string({ unit: alphabet, maxLength: 16 }), { numRuns: 300, seed: 18 });
      assert.deepEqual(await differing(values), []);
    });

    it('fills an appointment’s person_keys with the same keys', async () => {
      const [row] = await queryRows<{ same: boolean; n: number }>(
        platform,
        sql`with seat as (
              insert into appointment_slots (agency, centre_id, service_id, starts_at, ends_at, capacity, taken)
              values ('vsaa', 'riga-lacplesa', 'pensijas', '2027-01-05 08:00+00', '2027-01-05 08:15+00', 1, 1) returning id
            ), inserted as (
              insert into appointments (id, agency, centre_id, service_id, slot_id, starts_at, ends_at, booking_code, manage_token_hash, channel,
                client_name, client_email, client_phone, client_personal_code, language, created_at)
              select gen_random_uuid(), 'vsaa', 'riga-lacplesa', 'pensijas', seat.id, '2027-01-05 08:00+00', '2027-01-05 08:15+00', 'PKTEST01', 'x', 'web',
                'Test', ' Anna@Example.LV', '0037120000001', '010101-12345', 'lv', now()
              from seat
              returning person_keys)
            select person_keys = array[privacy_0011.privacy_person_key('code', '010101-12345'), privacy_0011.privacy_person_key('email', ' Anna@Example.LV'),
                                       privacy_0011.privacy_person_key('phone', '0037120000001')] as same, cardinality(person_keys) as n
            from inserted`,
      );
      assert.equal(row?.n, 3);
      assert.equal(row?.same, true);
    });
  });
}
