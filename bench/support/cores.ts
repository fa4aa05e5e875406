// BENCH_SPLIT_CORES=1: PostgreSQL on a core of its own, as in production, where the database runs on a machine of
// its own. On a machine the two share, the server's single thread is preempted by the database backends its own
// statements wake (the `writev` samples of its profiles) and pgbench's yardstick takes every core the server would
// use. Here every PostgreSQL process (the postmaster, so every backend forked later too) is pinned to the last CPU,
// and this benchmark — with every server, wrk and pgbench client it starts — to the others. Undone at exit and when
// interrupted.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { postgresPids } from './servers.ts';

/** Pins PostgreSQL to the last CPU and this process to the rest; returns what undoes it (also run at exit). */
export function splitCores(): () => void {
  const cpus = availableParallelism();
  if (cpus < 2) throw new Error('BENCH_SPLIT_CORES needs at least two CPUs');
  const last = String(cpus - 1);
  const all = `0-${cpus - 1}`;
  const pin = (pids: Iterable<number>, list: string) => {
    for (const pid of pids) {
      try {
        execFileSync('taskset', ['-a', '-p', '-c', list, String(pid)], { stdio: 'ignore' });
      } catch (error) {
        if (existsSync(`/proc/${pid}`)) throw error; // a backend that ended meanwhile needs nothing
      }
    }
  };
  const database = postgresPids();
  if (database.length === 0) throw new Error('BENCH_SPLIT_CORES: no PostgreSQL process on this machine to pin');
  pin(database, last);
  pin([process.pid], `0-${cpus - 2}`);
  let undone = false;
  const undo = () => {
    if (undone) return;
    undone = true;
    pin(postgresPids(), all);
    pin([process.pid], all);
  };
  process.once('exit', undo);
  // Interrupted (Ctrl-C), Node ends without 'exit': PostgreSQL would stay on one core.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      undo();
      process.exit(code);
    });
  }
  console.log(`split cores: PostgreSQL (${database.length} processes) on CPU ${last}, the benchmark, its servers and clients on the others`);
  return undo;
}
