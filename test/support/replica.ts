// A real PostgreSQL primary with a streaming replica for the tests: initdb, pg_basebackup -R, two servers on free
// ports, run as the postgres user (the tests run as root). Null when the server binaries are not installed.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './ports.ts';

export type ReplicaPair = { primaryUrl: string; replicaUrl: string; stop: () => Promise<void> };

export function postgresBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'].every((b) => existsSync(join(bin, b)))) return bin;
  }
  return null;
}

function asPostgres(bin: string, program: string, args: string[]): void {
  const command = join(bin, program);
  const runAsRoot = process.getuid?.() === 0;
  execFileSync(runAsRoot ? 'runuser' : command, runAsRoot ? ['-u', 'postgres', '--', command, ...args] : args, { stdio: 'pipe', timeout: 30_000 });
}

const SERVER_SETTINGS = (port: number, socketDir: string) =>
  [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${socketDir}'`,
    'fsync = off',
    'full_page_writes = off',
    'shared_buffers = 16MB',
    'max_connections = 50',
    'wal_level = replica',
    'max_wal_senders = 4',
    'hot_standby = on',
    '',
  ].join('\n');

async function waitForServer(url: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** Starts a primary and its streaming replica; `stop` stops both and removes their data. */
export async function startReplicaPair(bin: string): Promise<ReplicaPair> {
  const dir = mkdtempSync(join(tmpdir(), 'apkalpe-replica-'));
  const postgresUser = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const postgresGroup = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  chownSync(dir, postgresUser, postgresGroup);
  const primary = join(dir, 'primary');
  const standby = join(dir, 'standby');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stop = async () => {
    for (const data of started.reverse()) {
      try {
        asPostgres(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    asPostgres(bin, 'initdb', ['-D', primary, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    appendFileSync(join(primary, 'postgresql.conf'), SERVER_SETTINGS(primaryPort, dir));
    asPostgres(bin, 'pg_ctl', ['-D', primary, '-l', join(dir, 'primary.log'), '-w', 'start']);
    started.push(primary);
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    await waitForServer(primaryUrl);
    asPostgres(bin, 'pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standby, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    appendFileSync(join(standby, 'postgresql.conf'), `port = ${replicaPort}\n`);
    asPostgres(bin, 'pg_ctl', ['-D', standby, '-l', join(dir, 'standby.log'), '-w', 'start']);
    started.push(standby);
    const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/postgres`;
    await waitForServer(replicaUrl);
    return { primaryUrl, replicaUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
