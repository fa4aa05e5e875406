import { withPlatform } from '../../app/cli.ts';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { CalendarEntry } from '../../domain/calendar/index.ts';
import { openDatabase } from '../../platform/db/client.ts';
import { auditLog } from '../../platform/db/tables.ts';
import { calendarEntries } from './calendar.tables.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { calendarCommands, CALENDAR_IMPORT_ORIGIN, formatProblem, readCalendarFile, runCalendarImport } from './calendar.cli.ts';
import { importCalendarEntries } from './calendar-entries.service.ts';
import { calendarConsistencyProblem } from './calendar-entry.schema.ts';
import { loadCalendar } from './calendar.service.ts';

const SOURCE = 'MK rīkojums (tests)';
const GOOD: CalendarEntry[] = [
  { kind: 'day-off', date: '2027-12-27', name: { lv: 'Pārcelta darbdiena', en: 'Working day moved' }, source: SOURCE },
  { kind: 'working-day', date: '2027-12-11', replaces: '2027-12-27', name: { lv: 'Darbdiena 27. decembra vietā', en: 'Working day in place of 27 December' }, source: SOURCE },
  { kind: 'holiday', date: '2027-07-11', name: { lv: 'Dziesmu svētku noslēguma diena', en: 'Song Festival closing day' }, movesOnWeekend: true, source: SOURCE },
  // Replaces the seeded entry of that date.
  { kind: 'day-off', date: '2026-01-02', name: { lv: 'Jauns nosaukums', en: 'New name' }, source: SOURCE },
];
const BAD: unknown[] = [
  { kind: 'holiday', date: '2028-05-05', name: { lv: 'Labs', en: 'Good' }, movesOnWeekend: false, source: SOURCE },
  { kind: 'holiday', date: '2028-02-30', name: { lv: 'X', en: 'X' }, movesOnWeekend: false, source: SOURCE },
  { kind: 'working-day', date: '2028-05-10', replaces: '2028-05-13', name: { lv: 'X', en: 'X' }, source: SOURCE },
  { kind: 'day-off', date: '2028-05-05', name: { lv: 'X', en: '' }, source: SOURCE },
  { kind: 'holiday', date: '2028-06-01', name: { lv: 'X', en: 'X' }, source: SOURCE, colour: 'red' },
];

function capture() {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, io: { out: (t: string) => lines.out.push(t), err: (t: string) => lines.err.push(t) } };
}

describe('calendar import file handling', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'apkalpe-calendar-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('reads YAML and JSON lists', async () => {
    await writeFile(join(dir, 'a.yaml'), '- kind: holiday\n  date: "2027-05-05"\n  movesOnWeekend: false\n');
    await writeFile(join(dir, 'a.json'), JSON.stringify(GOOD));
    assert.deepEqual(await readCalendarFile(join(dir, 'a.yaml')), [{ kind: 'holiday', date: '2027-05-05', movesOnWeekend: false }]);
    assert.deepEqual(await readCalendarFile(join(dir, 'a.json')), GOOD);
  });

  it('reports a missing file and bad syntax', async () => {
    await writeFile(join(dir, 'broken.json'), '[{"kind": ');
    await writeFile(join(dir, 'broken.yaml'), '- kind: [holiday\n');
    await assert.rejects(readCalendarFile(join(dir, 'missing.yaml')), /Cannot read/);
    await assert.rejects(readCalendarFile(join(dir, 'broken.json')), /not valid JSON/);
    await assert.rejects(readCalendarFile(join(dir, 'broken.yaml')), /not valid YAML/);
  });

  it('prints a problem with its index and field', () => {
    assert.equal(formatProblem({ index: 3, field: 'replaces', message: { lv: 'lv', en: 'The day it replaces…' } }), '[3].replaces: The day it replaces…');
    assert.equal(formatProblem({ field: '(root)', message: { lv: 'lv', en: 'Expected an array' } }), '(root): Expected an array');
  });

  it('turns a RangeError of the calendar rules into an entry problem', () => {
    const broken = { kind: 'working-day', date: '2027-05-05', replaces: '2027-05-03', name: { lv: 'x', en: 'x' }, source: 's' } as const;
    const problem = calendarConsistencyProblem([], [GOOD[0] as CalendarEntry, broken]);
    assert.equal(problem?.index, 1);
    assert.equal(problem?.field, 'date');
    assert.match(problem?.message.en ?? '', /calendar rule: .*Saturday or Sunday/);
    assert.equal(calendarConsistencyProblem([], GOOD), null);
  });
});

for (const target of testTargets()) {
  describe(`importCalendarEntries and \`calendar import\` (${target})`, () => {
    let platform: TestPlatform;
    let dir: string;
    before(async () => {
      platform = await createTestPlatform(target);
      dir = await mkdtemp(join(tmpdir(), 'apkalpe-calendar-'));
    });
    after(async () => {
      await platform.close();
      await rm(dir, { recursive: true, force: true });
    });

    const rows = () => platform.deps.db.select().from(calendarEntries);
    const importEvents = () => platform.deps.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.entry-imported'));
    const open = <T,>(work: (deps: TestPlatform['deps']) => Promise<T>) => work(platform.deps);

    it('checks the whole list first and writes nothing when any entry is bad', async () => {
      const before = (await rows()).length;
      const result = await importCalendarEntries(platform.deps, CALENDAR_IMPORT_ORIGIN, BAD);
      assert.equal(result.ok, false);
      const problems = result.ok ? [] : result.problems.map((p) => `${p.index}:${p.field}`).sort();
      assert.deepEqual(problems, ['1:date', '2:date', '2:replaces', '3:date', '3:name.en', '4:colour', '4:movesOnWeekend']);
      assert.equal((await rows()).length, before);
      assert.equal((await importEvents()).length, 0);
      const notAList = await importCalendarEntries(platform.deps, CALENDAR_IMPORT_ORIGIN, { kind: 'holiday' });
      assert.equal(notAList.ok, false);
    });

    it('the command prints each error with its index and field, exits 1 and writes nothing', async () => {
      const file = join(dir, 'bad.yaml');
      await writeFile(file, JSON.stringify(BAD, null, 2));
      const before = (await rows()).length;
      const { lines, io } = capture();
      assert.equal(await runCalendarImport(file, io, open), 1);
      assert.match(lines.err[0] ?? '', /7 error\(s\); nothing was imported/);
      assert.ok(lines.err.some((l) => l.includes('[1].date: There is no such date')), lines.err.join('\n'));
      assert.ok(lines.err.some((l) => l.includes('[2].date: A transferred working day must be a Saturday or a Sunday')));
      assert.ok(lines.err.some((l) => l.includes('[3].date: This date is already in the file (entry 0)')));
      assert.deepEqual(lines.out, []);
      assert.equal((await rows()).length, before);
      const { io: io2 } = capture();
      assert.equal(await runCalendarImport(join(dir, 'nope.yaml'), io2, open), 2);
    });

    it('imports a good file in one go: new dates added, an existing date replaced, each audited as the CLI', async () => {
      const file = join(dir, 'good.json');
      await writeFile(file, JSON.stringify(GOOD));
      const before = (await rows()).length;
      const { lines, io } = capture();
      assert.equal(await runCalendarImport(file, io, open), 0, lines.err.join('\n'));
      assert.match(lines.out[0] ?? '', /Imported 4 calendar entries .*: 3 added, 1 replaced/);
      assert.equal((await rows()).length, before + 3);

      const calendar = await loadCalendar(platform.deps);
      assert.equal(calendar.isWorkingDay('2027-12-27'), false);
      assert.equal(calendar.isWorkingDay('2027-12-11'), true);
      assert.equal(calendar.day('2027-07-11').holiday?.en, 'Song Festival closing day');
      assert.equal(calendar.isWorkingDay('2027-07-12'), false, 'a Sunday closing day moves to Monday');
      assert.equal(calendar.day('2026-01-02').dayOff?.en, 'New name');

      const events = await importEvents();
      assert.equal(events.length, 4);
      assert.ok(events.every((e) => e.actorLabel === 'cli:calendar-import' && e.actorId === null && e.agency === null));
      const replaced = events.find((e) => (e.details as { date?: string }).date === '2026-01-02');
      assert.equal((replaced?.details as { replaced?: boolean }).replaced, true);
    });

    it('a second import of the same file replaces, never duplicates', async () => {
      const before = (await rows()).length;
      const result = await importCalendarEntries(platform.deps, CALENDAR_IMPORT_ORIGIN, GOOD);
      assert.deepEqual(result.ok && result.value, { added: [], replaced: GOOD.map((e) => e.date) });
      assert.equal((await rows()).length, before);
    });
  });
}

describe('`npx apkalpe calendar import FILE` against the configured database (PGlite in DATA_DIR)', () => {
  let dir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, AGENCIES_DIR: process.env.AGENCIES_DIR };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'apkalpe-calendar-cli-'));
    process.env.DATA_DIR = dir;
    process.env.DATABASE_URL = '';
    process.env.AGENCIES_DIR = new URL('../../../agencies', import.meta.url).pathname;
  });
  after(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the registered command end to end', async () => {
    const file = join(dir, 'entries.yaml');
    await writeFile(file, '- kind: holiday\n  date: "2027-05-05"\n  name: { lv: Vienreizēja svētku diena, en: One-off holiday }\n  movesOnWeekend: false\n  source: Likuma grozījumi (tests)\n');
    const command = calendarCommands.import;
    assert.ok(command);
    assert.equal(await command.run({}, [], { withPlatform, out: () => undefined, err: () => undefined }), 2, 'FILE is required');
    assert.equal(await command.run({}, [file], { withPlatform, out: () => undefined, err: () => undefined }), 0);
    const database = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
    try {
      const stored = await database.db.select().from(calendarEntries).where(eq(calendarEntries.date, '2027-05-05'));
      assert.equal(stored[0]?.nameEn, 'One-off holiday');
      const seeded = await database.db.select().from(calendarEntries).where(eq(calendarEntries.date, '2026-01-17'));
      assert.equal(seeded.length, 1, 'the platform was prepared (migrated and seeded) as by npm start');
    } finally {
      await database.close();
    }
  });
});
