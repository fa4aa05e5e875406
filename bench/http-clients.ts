// HTTP clients for the benchmarks that run in a worker thread, so that their work (sending, reading and parsing
// answers) does not share the measured server's event loop, as a real client on another machine would not.
// node:http with a keep-alive agent rather than fetch: the clients share the CPU with the server, and fetch's
// streams cost about twice the client-side CPU per request.
import { Worker } from 'node:worker_threads';

export type HttpCall = { method: 'GET' | 'POST'; path: string; body?: unknown };
export type HttpOutcome = {
  /** Latency of each call, from sending to the last byte of the answer, in ms. */
  times: number[];
  /** How many answers had each status. */
  statuses: Record<number, number>;
  /** The first few answers with an unexpected status: "status body". */
  unexpected: string[];
  /** The last answer's body (to check what was answered). */
  lastBody: string;
};

const CLIENT_CODE = `
  const { parentPort, workerData } = require('node:worker_threads');
  const http = require('node:http');
  const { base, calls, concurrency, expected, warmUp, retryShedMs } = workerData;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const out = { times: [], statuses: {}, unexpected: [], lastBody: '' };
  function send(call) {
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const headers = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    return new Promise((resolve, reject) => {
      const req = http.request(base + call.path, { method: call.method, agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  async function run() {
    for (let i = 0; i < Math.min(warmUp, calls.length); i++) await send(calls[i]);
    let next = 0;
    async function client() {
      while (next < calls.length) {
        const call = calls[next++];
        let start = performance.now();
        let res = await send(call);
        // A shed call (503) waits and is sent again, as a client honouring Retry-After would (sooner, to keep the load on).
        while (res.status === 503 && retryShedMs > 0) {
          out.statuses[503] = (out.statuses[503] ?? 0) + 1;
          await new Promise((resolve) => setTimeout(resolve, retryShedMs));
          start = performance.now();
          res = await send(call);
        }
        out.times.push(performance.now() - start);
        out.statuses[res.status] = (out.statuses[res.status] ?? 0) + 1;
        if (!expected.includes(res.status) && out.unexpected.length < 3) out.unexpected.push(res.status + ' ' + res.text.slice(0, 200));
        out.lastBody = res.text;
      }
    }
    await Promise.all(Array.from({ length: concurrency }, client));
    parentPort.postMessage(out);
  }
  run().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

/**
 * Sends `calls` to `base` from `concurrency` clients in a worker thread (each sends its next call when the last
 * one is answered), after `warmUp` calls sent one by one and not timed. `expected` statuses are not reported as
 * unexpected. With `retryShedMs`, a 503 is counted and the same call sent again after that many ms.
 */
export function runHttpClients(
  base: string,
  calls: HttpCall[],
  options: { concurrency: number; expected: number[]; warmUp?: number; retryShedMs?: number },
): Promise<HttpOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT_CODE, { eval: true, workerData: { base, calls, concurrency: options.concurrency, expected: options.expected, warmUp: options.warmUp ?? 0, retryShedMs: options.retryShedMs ?? 0 } });
    worker.once('message', (message: HttpOutcome | { error: string }) => {
      void worker.terminate();
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', reject);
  });
}
