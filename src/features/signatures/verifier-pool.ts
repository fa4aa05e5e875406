import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VerificationOutcome } from './signatures.schema.ts';
import { toAnchors, type TrustAnchors } from './trust.ts';
import { report } from './verdict.ts';
import type { VerifyInput } from './verify.ts';

// From the sources the worker is TypeScript, loaded through tsx; in the production bundle (dist/main.js) it is
// its own compiled entry point beside it (bin/build.mjs), so the serving process needs no TypeScript compiler.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./verify-worker.bootstrap.mjs', import.meta.url)
  : new URL('./verify.worker.js', import.meta.url);

type Pending = { resolve: (outcome: VerificationOutcome) => void; timer: NodeJS.Timeout; worker: Worker };
const TIMEOUT_MS = 30_000;

/**
 * A small pool of worker threads that verify files. Idle workers do not keep the process alive.
 * A worker that fails or takes too long yields an "invalid" verdict (never a lost file) and is replaced.
 */
export class VerifierPool {
  private readonly workers: Worker[] = [];
  private readonly load = new Map<Worker, number>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly anchors: TrustAnchors | null;

  /** `trust`: the verified trusted list's services (a plain certificate list: CA services, e.g. the benchmark's). */
  constructor(
    trust: TrustAnchors | readonly Uint8Array[] | null,
    private readonly size = Math.max(1, Math.min(2, availableParallelism() - 1)),
  ) {
    this.anchors = toAnchors(trust);
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, { workerData: { anchors: this.anchors } });
    worker.unref();
    worker.on('message', (msg: { id: number; outcome?: VerificationOutcome; error?: string }) => this.settle(msg.id, msg.outcome ?? this.failed()));
    worker.on('error', () => this.retire(worker));
    worker.on('exit', () => this.retire(worker));
    this.workers.push(worker);
    this.load.set(worker, 0);
    return worker;
  }

  private failed(): VerificationOutcome {
    return { kind: 'report', report: report([], ['malformed-signature'], this.anchors !== null) };
  }

  private retire(worker: Worker): void {
    const index = this.workers.indexOf(worker);
    if (index >= 0) this.workers.splice(index, 1);
    this.load.delete(worker);
    for (const [id, p] of this.pending) if (p.worker === worker) this.settle(id, this.failed());
  }

  private settle(id: number, outcome: VerificationOutcome): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    this.load.set(p.worker, Math.max(0, (this.load.get(p.worker) ?? 1) - 1));
    if (this.pending.size === 0) for (const w of this.workers) w.unref();
    p.resolve(outcome);
  }

  private pick(): Worker {
    if (this.workers.length < this.size) return this.spawn();
    return this.workers.reduce((best, w) => ((this.load.get(w) ?? 0) < (this.load.get(best) ?? 0) ? w : best));
  }

  /** Whether a trusted list is configured (qualified status can be checked). */
  get trusted(): boolean {
    return this.anchors !== null;
  }

  verify(input: VerifyInput, now: Date): Promise<VerificationOutcome> {
    const worker = this.pick();
    const id = this.nextId++;
    worker.ref();
    this.load.set(worker, (this.load.get(worker) ?? 0) + 1);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        void worker.terminate();
        this.settle(id, this.failed());
      }, TIMEOUT_MS);
      timer.unref();
      this.pending.set(id, { resolve, timer, worker });
      const content = new Uint8Array(input.content);
      worker.postMessage({ id, fileName: input.fileName, contentType: input.contentType, content, now: now.getTime() }, [content.buffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
