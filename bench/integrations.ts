// 200 deliveries per second sustained from 20 concurrent clients (each posting every 100 ms) to
// POST /api/v1/integrations/{agency}/documents, on PostgreSQL, over real HTTP from a client worker thread.
import { Worker } from 'node:worker_threads';
import { newKey } from '../src/features/integrations/integrations.testing.ts';
import { plainPdf } from '../src/features/signatures/signatures.testing.ts';
import { benchPlatform, report } from './measure.ts';

const CLIENTS = 20;
const INTERVAL_MS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const platform = await benchPlatform();
const base = await platform.app.listen({ port: 0, host: '127.0.0.1' });
const { key } = await newKey(platform, 'kase');
const pdf = Buffer.from(plainPdf('Iesniegums')).toString('base64');

const CLIENT_CODE = `
  const { parentPort, workerData } = require('node:worker_threads');
  const http = require('node:http');
  const { url, key, pdf, clients, intervalMs, rounds, tag } = workerData;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const out = { times: [], statuses: {}, unexpected: [], started: 0, ended: 0 };
  function send(i) {
    const body = JSON.stringify({ channel: 'e-address', externalMessageId: 'bench-' + tag + '-' + i, sender: { name: 'SIA Bench', eAddress: '_DEFAULT@40003000000' }, subject: 'Bench', text: 'Iesniegums ' + i, files: [{ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: pdf }] });
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: 'Bearer ' + key } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  async function client(c) {
    let next = performance.now() + (intervalMs * c) / clients;
    for (let r = 0; r < rounds; r++) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const start = performance.now();
      let res;
      try { res = await send(c * rounds + r); } catch (e) { res = { status: 0, text: String(e) }; }
      out.times.push(performance.now() - start);
      out.statuses[res.status] = (out.statuses[res.status] || 0) + 1;
      if (res.status !== 201 && out.unexpected.length < 3) out.unexpected.push(res.status + ' ' + res.text.slice(0, 200));
      next += intervalMs;
    }
  }
  (async () => {
    out.started = performance.now();
    await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
    out.ended = performance.now();
    parentPort.postMessage(out);
  })();
`;

type Outcome = { times: number[]; statuses: Record<string, number>; unexpected: string[]; started: number; ended: number };

function run(intervalMs: number, rounds: number, tag: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT_CODE, { eval: true, workerData: { url: `${base}/api/v1/integrations/kase/documents`, key, pdf, clients: CLIENTS, intervalMs, rounds, tag } });
    worker.once('message', (m: Outcome) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
  });
}

function summary(outcome: Outcome): { rate: number; failures: number } {
  const seconds = (outcome.ended - outcome.started) / 1000;
  const rate = outcome.times.length / seconds;
  const failures = outcome.times.length - (outcome.statuses['201'] ?? 0);
  console.log(`achieved ${rate.toFixed(1)} deliveries/s over ${seconds.toFixed(1)} s; statuses ${JSON.stringify(outcome.statuses)}; ${outcome.unexpected.length ? `unexpected: ${outcome.unexpected.join(' | ')}` : 'no failures'}`);
  return { rate, failures };
}

// The figure: 20 clients each posting every 100 ms (200/s offered) for BENCH_SECONDS.
const paced = await run(INTERVAL_MS, Math.round((SECONDS * 1000) / INTERVAL_MS), 'paced');
report(`deliveries, ${CLIENTS} clients × every ${INTERVAL_MS} ms, ${SECONDS} s (target 200/s)`, paced.times);
const figure = summary(paced);
// The headroom: the same 20 clients posting back to back, as fast as the server answers.
const flat = await run(0, 100, 'flat');
report(`deliveries, ${CLIENTS} clients back to back (capacity)`, flat.times);
const capacity = summary(flat);
await platform.close();
process.exit(figure.failures === 0 && capacity.failures === 0 && figure.rate >= 190 ? 0 : 1);
