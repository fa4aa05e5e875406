// npm run bench [-- NAME ...]: runs the named benchmarks (default: all of them), one process each.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const here = new URL('.', import.meta.url).pathname;
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'measure.ts', 'http-clients.ts'].includes(f))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of asked.length > 0 ? asked : available) {
  console.log(`\n== bench/${name}.ts ==`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${here}${name}.ts`], { stdio: 'inherit', env: { NODE_ENV: 'production', ...process.env } }); // React's production build, as `npm start` runs it
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
