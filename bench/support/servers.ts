// Starting the measured processes for the HTTP benchmarks: the platform as `npm start` runs it (compiled, production)
// and the bare Fastify yardstick; their memory (RSS of the process and its worker processes) and CPU time from /proc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchPostgresDatabase } from '../../test/support/test-platform.ts';

const root = new URL('../../', import.meta.url).pathname;

export type Server = { base: string; process: ChildProcess; startMs: number; stop: () => Promise<void> };

export type BenchDatabase = { env: Record<string, string>; cleanup: () => Promise<void> };

/**
 * A database of its own for one measured server: a scratch database on the PostgreSQL server of `adminUrl`
 * (BENCH_DATABASE_URL or TEST_DATABASE_URL), or an embedded one in a temporary DATA_DIR; `env` points the server at it.
 */
export async function benchDatabase(kind: string, adminUrl: string | undefined): Promise<BenchDatabase> {
  if (kind === 'postgres') {
    if (!adminUrl) throw new Error('BENCH_DB=postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
    const scratch = await createScratchPostgresDatabase(adminUrl, 'apkalpe_bench');
    return { env: { DATABASE_URL: scratch.url }, cleanup: scratch.drop };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'apkalpe-bench-data-'));
  return { env: { DATA_DIR: dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

export function buildOnce(): void {
  const result = spawnSync(process.execPath, [`${root}bin/build.mjs`], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * How `npm start` runs the server (package.json's start script): the environment it sets before `node`
 * (`NAME=value …`, e.g. MALLOC_ARENA_MAX) and the node options it gives (e.g. the V8 heap settings).
 */
export function startCommand(): { env: Record<string, string>; nodeOptions: string[] } {
  const script = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [, env = '', options = ''] = /^((?:\w+=\S+ )*)node ((?:--\S+ )*)bin\/start\.mjs/.exec(script) ?? [];
  const words = (text: string) => text.split(' ').filter(Boolean);
  return {
    env: Object.fromEntries(words(env).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])),
    nodeOptions: words(options),
  };
}

/** Starts `node bin/start.mjs` as npm start does (its environment and node options) and waits for the first 200 on /api/health. */
export async function startPlatform(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const start = startCommand();
  // BENCH_SERVER_NODE_OPTIONS: more node options for the server only, e.g. --perf-basic-prof or --cpu-prof to profile it.
  const extra = (process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...start.nodeOptions, ...extra, `${root}bin/start.mjs`], {
    cwd: root,
    env: { ...process.env, ...start.env, NODE_ENV: 'production', LOG_LEVEL: 'info', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the platform exited (${child.exitCode}): ${stderr}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.status === 200, () => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startMs = performance.now() - started;
  return { base, process: child, startMs, stop: () => stopProcess(child) };
}

export async function startBaseline(answersFile: string): Promise<Server> {
  return startListening(spawn(process.execPath, [`${root}bench/support/bare-fastify.mjs`, answersFile], { stdio: ['ignore', 'pipe', 'inherit'] }));
}

/** The bookings' floor (bench/support/booking-floor.ts): Fastify and pg running the booking statement, nothing else. */
export async function startBookingFloor(configFile: string, workers: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}bench/support/booking-floor.ts`], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', FLOOR_CONFIG: configFile, FLOOR_WORKERS: String(workers) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return startListening(child);
}

/** A child that prints `listening <port>` once it serves. */
async function startListening(child: ChildProcess): Promise<Server> {
  const started = performance.now();
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the measured process exited (${code}) before it listened`)));
  });
  return { base: `http://127.0.0.1:${port}`, process: child, startMs: performance.now() - started, stop: () => stopProcess(child) };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function childrenOf(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** RSS in MB of the process and of each of its worker processes: [total, ...each]. */
export function rssMb(pid: number): { total: number; each: number[] } {
  const pids = [pid, ...childrenOf(pid)];
  const each = pids.map((p) => rssOf(p) / 1024 / 1024);
  return { total: each.reduce((a, b) => a + b, 0), each };
}

/** CPU time (user + system, ms) of one process from /proc/<pid>/stat; 0 once it is gone. Linux's clock ticks are 10 ms. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU time (ms) the server has used so far: the process and its worker processes. */
export function serverCpuMs(pid: number): number {
  return [pid, ...childrenOf(pid)].reduce((sum, p) => sum + cpuMsOf(p), 0);
}

/** CPU time (ms) used so far by each PostgreSQL process on this machine (the server, its backends and helpers), by pid. */
export function postgresCpuMs(): Map<number, number> {
  return new Map(postgresPids().map((pid) => [pid, cpuMsOf(pid)]));
}

/** Every PostgreSQL process on this machine (the server, its backends and helpers). */
export function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('postgres')) pids.push(Number(entry));
    } catch {
      // the process ended between the listing and the read
    }
  }
  return pids;
}

/**
 * The CPU time PostgreSQL's processes used between two readings: of those alive at the second, all of a process
 * started in between (a pool opens new backends after its idle ones closed). A backend that exited in between takes
 * its time with it, so read around work whose connections stay open.
 */
export function postgresCpuMsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) {
    const earlier = before.get(pid);
    sum += earlier !== undefined && earlier <= ms ? ms - earlier : ms;
  }
  return sum;
}
