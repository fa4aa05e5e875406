import type { PGlite } from '@electric-sql/pglite';

/** The one method pg-boss 10 calls on a `db` it is given (see pg-boss/src/*.js: every query goes through it). */
export type PgBossDb = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

export type PgliteBossDb = PgBossDb & {
  /** Refuse further statements (answering no rows) and wait for those under way: call after boss.stop(), before the database closes. */
  drain: (timeoutMs?: number) => Promise<void>;
};

/**
 * pg-boss on PGlite. pg-boss sends two kinds of text: single statements with `$n` values (→ `query`), and
 * multi-statement scripts without values — schema creation, migrations, locked maintenance in
 * `BEGIN; … COMMIT;` (→ `exec`, which returns one result per statement; pg-boss reads `rows` of the last).
 * PGlite runs one statement at a time and waits for an open transaction of the application to finish, so
 * job polling never interleaves with a Drizzle transaction.
 */
export function pgliteBossDb(pglite: PGlite): PgliteBossDb {
  let draining = false;
  const inFlight = new Set<Promise<unknown>>();

  async function run(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    if (values && values.length > 0) {
      const result = await pglite.query(text, values as unknown[]);
      return { rows: result.rows };
    }
    // Inside PGlite's own transaction: a script that fails after its BEGIN would otherwise leave the one
    // session of the whole process "aborted" until a ROLLBACK; this way PGlite rolls back at once, and no
    // query of the application can run in between. (The script's BEGIN/COMMIT inside it only give notices.)
    return pglite.transaction(async (tx) => {
      const results = await tx.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    });
  }

  return {
    executeSql(text, values) {
      // A worker loop may still be finishing one poll after stop: it gets no jobs rather than a closed database.
      if (draining || pglite.closed) return Promise.resolve({ rows: [] });
      const promise = run(text, values);
      inFlight.add(promise);
      void promise.then(
        () => inFlight.delete(promise),
        () => inFlight.delete(promise),
      );
      return promise;
    },
    async drain(timeoutMs = 5000) {
      draining = true;
      const deadline = Date.now() + timeoutMs;
      while (inFlight.size > 0 && Date.now() < deadline) {
        await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, 50))]);
      }
    },
  };
}
