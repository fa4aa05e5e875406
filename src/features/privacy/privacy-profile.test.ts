import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { AgencyProfileError, parseAgencyProfile } from '../agencies/agency-profile.loader.ts';
import { RETENTION_KINDS, RETENTION_RULES, checkRetentionSetting, latvianSingular, periodText, retentionCutoff, auditPurgeBoundary } from '../../domain/privacy/index.ts';
import { planRetention } from './retention.plan.ts';
import { RECORD_KINDS } from './record-kinds.ts';
import { APP_JOBS } from '../../app/jobs.ts';

const vsaaFile = fileURLToPath(new URL('../../../agencies/vsaa.yaml', import.meta.url));

async function withRetention(line: string, replacement: string): Promise<string> {
  const text = await readFile(vsaaFile, 'utf8');
  assert.ok(text.includes(line), line);
  return text.replace(line, replacement);
}

function issuesOf(text: string): string[] {
  try {
    parseAgencyProfile(text, 'vsaa.yaml');
  } catch (error) {
    if (error instanceof AgencyProfileError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('retention settings in the agency profile', () => {
  it('both agencies’ profiles set every kind within the law', async () => {
    for (const slug of ['vsaa', 'kase']) {
      const text = await readFile(fileURLToPath(new URL(`../../../agencies/${slug}.yaml`, import.meta.url)), 'utf8');
      const profile = parseAgencyProfile(text, `${slug}.yaml`);
      assert.ok(profile.privacy);
      for (const kind of RETENTION_KINDS) assert.deepEqual(checkRetentionSetting(kind, profile.privacy.retention[kind]), [], `${slug} ${kind}`);
    }
  });

  it('a period shorter than the law allows is refused, naming the kind, the minimum and the line', async () => {
    const text = await withRetention('inquiry: { period: { amount: 5, unit: years }, action: anonymise }', 'inquiry: { period: { amount: 0, unit: years }, action: anonymise }');
    assert.ok(issuesOf(text).some((i) => /privacy\.retention\.inquiry\.period/.test(i)));
    const short = await withRetention('appointment: { period: { amount: 12, unit: months }, action: anonymise }', 'appointment: { period: { amount: 2, unit: months }, action: anonymise }');
    const issues = issuesOf(short);
    assert.ok(issues.some((i) => /privacy\.retention\.appointment\.period: The law requires keeping "appointment" at least 3 months/.test(i)), issues.join('\n'));
  });

  it('a period in the wrong unit is refused', async () => {
    const text = await withRetention('outbox-mail: { period: { amount: 90, unit: days }, action: delete }', 'outbox-mail: { period: { amount: 3, unit: months }, action: delete }');
    assert.ok(issuesOf(text).some((i) => /Set the retention of "outbox-mail" in days/.test(i)));
    const bad = await withRetention('inquiry: { period: { amount: 5, unit: years }, action: anonymise }', 'inquiry: { period: { amount: 5, unit: decades }, action: anonymise }');
    assert.ok(issuesOf(bad).length > 0);
  });

  it('an action the kind does not allow (anonymising the audit log) is refused; a missing kind too', async () => {
    const text = await withRetention('audit-event: { period: { amount: 60, unit: months }, action: delete }', 'audit-event: { period: { amount: 60, unit: months }, action: anonymise }');
    assert.ok(issuesOf(text).some((i) => /"audit-event" allows only: delete/.test(i)));
    const missing = await withRetention('    callback: { period: { amount: 12, unit: months }, action: anonymise }\n', '');
    assert.ok(issuesOf(missing).some((i) => /privacy\.retention\.callback/.test(i)));
  });
});

describe('retention rules (pure)', () => {
  it('a setting at or above the minimum in the kind’s unit always passes; below it never does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RETENTION_KINDS), fc.integer({ min: 1, max: 1000 }), (kind, amount) => {
        const rule = RETENTION_RULES[kind];
        const problems = checkRetentionSetting(kind, { period: { amount, unit: rule.unit }, action: rule.actions[0] ?? 'delete' });
        assert.equal(problems.length === 0, amount >= rule.minimum);
      }),
    );
  });

  it('the cutoff is the same calendar day months/years back, or the month’s last day', () => {
    assert.equal(retentionCutoff(new Date('2026-03-31T10:00:00Z'), { amount: 1, unit: 'months' }).toISOString(), '2026-02-28T10:00:00.000Z');
    assert.equal(retentionCutoff(new Date('2024-02-29T00:00:00Z'), { amount: 1, unit: 'years' }).toISOString(), '2023-02-28T00:00:00.000Z');
    assert.equal(retentionCutoff(new Date('2026-12-01T10:00:00Z'), { amount: 90, unit: 'days' }).toISOString(), '2026-09-02T10:00:00.000Z');
    assert.equal(auditPurgeBoundary(new Date('2026-12-15T10:00:00Z'), 60).toISOString(), '2021-12-01T00:00:00.000Z');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 120 }), (now, months) => {
        const cutoff = retentionCutoff(now, { amount: months, unit: 'months' });
        assert.ok(cutoff < now);
        const monthsBack = (now.getUTCFullYear() - cutoff.getUTCFullYear()) * 12 + now.getUTCMonth() - cutoff.getUTCMonth();
        assert.equal(monthsBack, months);
      }),
    );
  });

  it('Latvian period words agree with the number (1 gads, 2 gadi, 11 gadi, 21 diena)', () => {
    assert.equal(periodText({ amount: 1, unit: 'years' }, 'lv'), '1 gads');
    assert.equal(periodText({ amount: 5, unit: 'years' }, 'lv'), '5 gadi');
    assert.equal(periodText({ amount: 11, unit: 'months' }, 'lv'), '11 mēneši');
    assert.equal(periodText({ amount: 21, unit: 'days' }, 'lv'), '21 diena');
    assert.equal(periodText({ amount: 1, unit: 'months' }, 'en'), '1 month');
    assert.equal(latvianSingular(111), false);
    assert.equal(latvianSingular(101), true);
  });

  it('the plan: one task per agency and table, platform-wide kinds once with the longest period, the audit log by months', async () => {
    const profiles = await Promise.all(['vsaa', 'kase'].map(async (slug) => parseAgencyProfile(await readFile(fileURLToPath(new URL(`../../../agencies/${slug}.yaml`, import.meta.url)), 'utf8'), `${slug}.yaml`)));
    const tasks = planRetention(profiles, RECORD_KINDS, new Date('2026-12-01T00:00:00Z'));
    const rowTasks = tasks.filter((t) => t.type === 'rows');
    assert.equal(rowTasks.filter((t) => t.declaration.table === 'inquiries').length, 2);
    assert.equal(rowTasks.filter((t) => t.declaration.table === 'staff_sessions').length, 1);
    assert.equal(tasks.filter((t) => t.type === 'audit-months').length, 1);
  });

  it('the nightly job is registered: 02:30 Riga time, one run at a time across processes', () => {
    const job = APP_JOBS.find((j) => j.name === 'privacy.retention');
    assert.equal(job?.cron, '30 2 * * *');
    assert.equal(job?.tz, 'Europe/Riga');
    assert.equal(job?.queue.policy, 'singleton');
  });
});
