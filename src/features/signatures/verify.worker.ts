// Runs in a worker thread: verification (unzip, digests, XML canonicalisation, CMS) never blocks requests.
import { parentPort, workerData } from 'node:worker_threads';
import type { TrustAnchors } from './trust.ts';
import { verifyDocument } from './verify.ts';

type Job = { id: number; fileName: string; contentType: string; content: Uint8Array; now: number };
const anchors = (workerData as { anchors: TrustAnchors | null }).anchors;

parentPort!.on('message', (job: Job) => {
  verifyDocument({ fileName: job.fileName, contentType: job.contentType, content: job.content }, anchors, new Date(job.now)).then(
    (outcome) => parentPort!.postMessage({ id: job.id, outcome }),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : 'failed' }),
  );
});
