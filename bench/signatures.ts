// Verifying a 10 MB .edoc with two signatures: p95 through the verifier's worker threads, and how long the main
// event loop is held meanwhile (the verification must not block other requests). No database needed.
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { VerifierPool } from '../src/features/signatures/verifier-pool.ts';
import { buildAsice, makeCa, makeSigner } from '../src/features/signatures/signatures.testing.ts';
import { percentile, report } from './measure.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const ca = await makeCa();
const container = await buildAsice({ 'iesniegums.pdf': new Uint8Array(randomBytes(10 * 1024 * 1024 - 4096)), 'pielikums.txt': new TextEncoder().encode('Pielikums') }, [await makeSigner(ca), await makeSigner(ca, { name: 'Anna Kalniņa' })]);
console.log(`container: ${(container.length / 1024 / 1024).toFixed(2)} MB, 2 XAdES signatures`);
const pool = new VerifierPool([ca.der]);
const verify = async () => {
  const outcome = await pool.verify({ fileName: 'iesniegums.edoc', contentType: 'application/vnd.etsi.asic-e+zip', content: container }, new Date());
  if (outcome.kind !== 'report' || outcome.report.status !== 'valid') throw new Error(`unexpected verdict ${JSON.stringify(outcome).slice(0, 200)}`);
};
for (let i = 0; i < 3; i++) await verify(); // warm-up: workers started, code compiled
const times: number[] = [];
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
for (let i = 0; i < ROUNDS; i++) {
  const start = performance.now();
  await verify();
  times.push(performance.now() - start);
}
delay.disable();
report('verify 10 MB .edoc, 2 signatures (worker thread, one at a time)', times, 500);
console.log(`main event loop delay while verifying: p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`);
const concurrent = await Promise.all(Array.from({ length: 4 }, async () => { const s = performance.now(); await verify(); return performance.now() - s; }));
console.log(`4 at once: slowest ${Math.max(...concurrent).toFixed(1)} ms, p50 ${percentile(concurrent, 50).toFixed(1)} ms`);
await pool.close();
