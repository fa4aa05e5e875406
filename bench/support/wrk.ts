// The same HTTP calls sent by wrk (Debian's package, a C load generator) instead of Node clients: on a two-core
// machine the Node clients' own CPU (about 0.5 ms per booking) is taken from the server and the database, while
// pgbench, the yardstick, is C. Each wrk thread sends its share of the calls once, then stops. wrk's latency
// percentiles are corrected for coordinated omission (a slow answer is counted again for each interval it held its
// connection): they are printed for the record, the figure is the throughput.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpCall } from '../http-clients.ts';

export type WrkOutcome = { seconds: number; statuses: Record<number, number>; p50Ms: number; p95Ms: number };

const THREADS = 2;

export function wrkAvailable(): boolean {
  return spawnSync('wrk', ['-v']).error === undefined;
}

/** Lua for wrk: the calls as a table; thread k sends calls k+1, k+1+THREADS, …; a status 200 is a filler's. */
function script(calls: HttpCall[]): string {
  const table = calls
    .map((c) => `{${JSON.stringify(c.method)},${JSON.stringify(c.path)},[==[${c.body === undefined ? '' : JSON.stringify(c.body)}]==]}`)
    .join(',\n');
  return `
local calls = {
${table}
}
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long sec; long nsec; } wrk_timespec; int clock_gettime(int, wrk_timespec *); ]]
local function now()
  local t = ffi.new("wrk_timespec"); ffi.C.clock_gettime(1, t); return tonumber(t.sec) + tonumber(t.nsec) / 1e9
end
local threads, count = {}, 0
function setup(thread)
  thread:set("id", count); count = count + 1
  table.insert(threads, thread)
end
function init(args)
  nexti, answered, share, statuses, t0, t1, first = id + 1, 0, 0, {}, now(), 0, true
  for i = id + 1, #calls, ${THREADS} do share = share + 1 end
end
function request()
  -- wrk calls request() once on the first thread to check the script and never sends that request, so the first
  -- call of every thread asks for the health check; connections still open after the thread's share was sent, too.
  if first or nexti > #calls then first = false; return wrk.format("GET", "/api/health") end
  local c = calls[nexti]; nexti = nexti + ${THREADS}
  if c[3] == "" then return wrk.format(c[1], c[2]) end
  return wrk.format(c[1], c[2], { ["Content-Type"] = "application/json" }, c[3])
end
function response(status)
  if status == 200 then return end
  statuses[status] = (statuses[status] or 0) + 1
  answered = answered + 1
  if answered == share then
    -- wrk itself runs until its duration is over: the caller interrupts it once every thread said so.
    t1 = now(); io.write("WRK-THREAD-DONE\\n"); io.flush(); wrk.thread:stop()
  end
end
function done(summary, latency)
  local parts, first, last = {}, math.huge, 0
  for _, t in ipairs(threads) do
    first, last = math.min(first, t:get("t0")), math.max(last, t:get("t1"))
    for status, n in pairs(t:get("statuses")) do table.insert(parts, string.format('"%d-%d":%d', _, status, n)) end
  end
  io.write(string.format('WRK {"seconds":%f,"p50":%f,"p95":%f,"statuses":{%s}}\\n',
    last - first, latency:percentile(50) / 1000, latency:percentile(95) / 1000, table.concat(parts, ",")))
end
`;
}

/** Sends every call once over `connections` keep-alive connections; the seconds are until the last answer. */
export async function runWrk(base: string, calls: HttpCall[], connections: number): Promise<WrkOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'apkalpe-wrk-'));
  const file = join(dir, 'calls.lua');
  writeFileSync(file, script(calls));
  try {
    const child = spawn('wrk', ['-t', String(THREADS), '-c', String(connections), '-d', '600s', '--timeout', '30s', '-s', file, base]);
    let out = '';
    let errors = '';
    let finished = 0;
    // A script error is printed per thread and wrk goes on sending the default request: stop at the first.
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
      child.kill('SIGKILL');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const now = out.split('WRK-THREAD-DONE').length - 1;
      if (now >= THREADS && finished < THREADS) child.kill('SIGINT');
      finished = now;
    });
    const orphan = (): boolean => child.kill('SIGKILL'); // wrk outliving an interrupted benchmark would go on loading the machine
    process.once('exit', orphan);
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    process.off('exit', orphan);
    const line = /^WRK (.*)$/m.exec(out)?.[1];
    if (errors || !line) throw new Error(`wrk (exit ${code}) printed no result: ${errors.slice(0, 500)}${out.slice(0, 500)}`);
    const parsed = JSON.parse(line) as { seconds: number; p50: number; p95: number; statuses: Record<string, number> };
    const statuses: Record<number, number> = {};
    for (const [key, n] of Object.entries(parsed.statuses)) {
      const status = Number(key.split('-')[1]);
      statuses[status] = (statuses[status] ?? 0) + n;
    }
    return { seconds: parsed.seconds, statuses, p50Ms: parsed.p50, p95Ms: parsed.p95 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
