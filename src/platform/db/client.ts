import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { projectPath } from '../paths.ts';

/** The typed query builder over either driver; a transaction is one too (see withTransaction). */
export type Database = PgDatabase<PgQueryResultHKT>;

export type DatabaseHandle = {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Runs the committed SQL migrations (idempotent; safe with several processes). */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /** The PGlite instance, for tests that clone a migrated template. */
  pglite?: PGlite;
};

export type DatabaseTarget = { kind: 'pglite'; dataDir?: string; pglite?: PGlite; loadDataDir?: Blob } | { kind: 'postgres'; url: string };

const migrationsFolder = projectPath('db', 'migrations');

// The embedded database's buffer cache lives in the process's WebAssembly memory, which never shrinks: PostgreSQL's
// 128 MB default made the embedded server hold 426 MB after start and 509 MB under a crowd (issue 18: < 350 MB). The
// files stay in the operating system's page cache, and a busy installation runs on a PostgreSQL server.
const PGLITE_SHARED_BUFFERS = '16MB';

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target.url) : openPglite(target.dataDir, target.pglite, target.loadDataDir);
}

async function openPglite(dataDir: string | undefined, existing: PGlite | undefined, loadDataDir?: Blob): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Loaded only for the embedded database: a PostgreSQL process never holds PGlite's code (memory, start time).
  const [{ PGlite }, { btree_gin }, { btree_gist }, { pg_trgm }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gin'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
  ]);
  const client =
    existing ??
    (await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      extensions: { pg_trgm, btree_gin, btree_gist },
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    }));
  const db = drizzlePglite({ client }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    migrate: async () => {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(db as never, { migrationsFolder });
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client dropped by the server (restart, admin termination) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      const lockClient = await pool.connect();
      // An advisory lock so that several processes starting together migrate once.
      try {
        await lockClient.query('select pg_advisory_lock(72417001)');
        await migrate(db as never, { migrationsFolder });
      } finally {
        await lockClient.query('select pg_advisory_unlock(72417001)').catch(() => undefined);
        lockClient.release();
      }
    },
    close: async () => {
      await pool.end();
    },
  };
}
