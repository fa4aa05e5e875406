import cluster from 'node:cluster';

/** 1 in the only process and in the first worker of WORKERS=n; the worker's number otherwise. */
export function workerNumber(): number {
  return cluster.isWorker ? Number(process.env.APKALPE_WORKER ?? '1') : 1;
}

/**
 * The primary process of WORKERS=n: starts n server processes that share the one port (node:cluster hands the
 * connections out), starts a process again when one dies, and passes SIGTERM/SIGINT on so that each finishes its
 * in-flight requests before the primary exits.
 */
export function runPrimary(workers: number, log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): void {
  let stopping = false;
  const fork = (n: number) => cluster.fork({ APKALPE_WORKER: String(n) }).on('exit', (code, signal) => {
    if (stopping) return;
    log(`Apkalpe worker ${n} stopped (${signal ?? `exit code ${code}`}); starting it again`);
    setTimeout(() => fork(n), 1_000);
  });
  for (let n = 1; n <= workers; n++) fork(n);
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        clearInterval(check);
        process.exit(0);
      }
    }, 100);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
