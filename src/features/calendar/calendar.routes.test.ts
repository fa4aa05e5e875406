import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';

type Day = { date: string; working: boolean; holiday: { lv: string; en: string } | null; shortened: boolean; transferred: boolean; replaces: string | null };
type Problem = { status: number; code: string; errors: Array<{ field: string; code: string; message: string }> };

for (const target of testTargets()) {
  describe(`calendar API (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock('2026-03-10T10:00:00Z') });
    });
    after(() => platform.close());

    const get = (url: string, headers: Record<string, string> = {}) => platform.app.inject({ method: 'GET', url, headers });

    async function days(from: string, to: string): Promise<Map<string, Day>> {
      const response = await get(`/api/v1/calendar?from=${from}&to=${to}`);
      assert.equal(response.statusCode, 200, response.body);
      return new Map((response.json() as { days: Day[] }).days.map((d) => [d.date, d]));
    }

    async function problem(url: string, lang: 'lv' | 'en' = 'lv'): Promise<Problem> {
      const response = await get(url, { 'accept-language': lang });
      assert.equal(response.statusCode, 400, `${url}: ${response.body}`);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      return response.json() as Problem;
    }

    const fields = (p: Problem) => p.errors.map((e) => e.field).sort();

    describe('GET /api/v1/calendar', () => {
      it('returns one entry per day, both ends included', async () => {
        const response = await get('/api/v1/calendar?from=2026-02-27&to=2026-03-02');
        assert.equal(response.statusCode, 200);
        const body = response.json() as { days: Day[] };
        assert.deepEqual(body.days.map((d) => d.date), ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
        assert.deepEqual(body.days.map((d) => d.working), [true, false, false, true]);
        assert.deepEqual(Object.keys(body.days[0] ?? {}).sort(), ['date', 'dayOff', 'holiday', 'replaces', 'shortened', 'transferred', 'working']);
      });

      it('reflects the seeded Cabinet transfers and shortened pre-holiday days', async () => {
        const d = await days('2026-01-01', '2026-12-31');
        assert.equal(d.size, 365);
        assert.deepEqual(
          { working: d.get('2026-01-02')?.working, transferred: d.get('2026-01-02')?.transferred },
          { working: false, transferred: true },
        );
        assert.deepEqual(
          { working: d.get('2026-01-17')?.working, transferred: d.get('2026-01-17')?.transferred, replaces: d.get('2026-01-17')?.replaces },
          { working: true, transferred: true, replaces: '2026-01-02' },
        );
        assert.equal(d.get('2026-06-27')?.working, true);
        assert.equal(d.get('2026-06-27')?.shortened, true);
        assert.equal(d.get('2026-06-22')?.working, false);
        assert.equal(d.get('2026-11-17')?.shortened, true);
        assert.equal(d.get('2026-11-18')?.holiday?.lv, 'Latvijas Republikas proklamēšanas diena');
        assert.equal(d.get('2026-11-16')?.shortened, false);
      });

      it('accepts exactly 1096 days and refuses 1097', async () => {
        const ok = await get('/api/v1/calendar?from=2024-01-01&to=2026-12-31');
        assert.equal(ok.statusCode, 200);
        assert.equal((ok.json() as { days: Day[] }).days.length, 1096);
        const tooLong = await problem('/api/v1/calendar?from=2024-01-01&to=2027-01-01');
        assert.deepEqual(fields(tooLong), ['to']);
        assert.match(tooLong.errors[0]?.message ?? '', /1096/);
      });

      it('refuses a malformed date with a field error in Latvian and English', async () => {
        const lv = await problem('/api/v1/calendar?from=2026-1-01&to=2026-01-10');
        assert.deepEqual(fields(lv), ['from']);
        assert.match(lv.errors[0]?.message ?? '', /GGGG-MM-DD/);
        const en = await problem('/api/v1/calendar?from=2026-1-01&to=2026-01-10', 'en');
        assert.match(en.errors[0]?.message ?? '', /YYYY-MM-DD/);
        assert.equal(en.code, 'validation');
      });

      it('refuses an impossible date', async () => {
        const p = await problem('/api/v1/calendar?from=2026-01-01&to=2026-02-30', 'en');
        assert.deepEqual(fields(p), ['to']);
        assert.match(p.errors[0]?.message ?? '', /no such date/);
      });

      it('refuses a reversed range', async () => {
        const p = await problem('/api/v1/calendar?from=2026-03-10&to=2026-03-09', 'en');
        assert.deepEqual(fields(p), ['to']);
        assert.match(p.errors[0]?.message ?? '', /earlier than the start/);
      });

      it('refuses years outside 1990–2100', async () => {
        const early = await problem('/api/v1/calendar?from=1989-12-31&to=1990-01-02');
        assert.deepEqual(fields(early), ['from']);
        assert.match(early.errors[0]?.message ?? '', /1990.*2100/);
        const late = await problem('/api/v1/calendar?from=2100-12-30&to=2101-01-01', 'en');
        assert.deepEqual(fields(late), ['to']);
      });

      it('refuses missing parameters and odd input without a 500', async () => {
        const missing = await problem('/api/v1/calendar');
        assert.deepEqual(fields(missing), ['from', 'to']);
        for (const url of ['/api/v1/calendar?from=&to=', '/api/v1/calendar?from=2026-01-01&to=2026-01-01T00:00', `/api/v1/calendar?from=${'9'.repeat(500)}&to=2026-01-01`, '/api/v1/calendar?from=0000-00-00&to=9999-99-99']) {
          await problem(url);
        }
      });
    });

    describe('GET /api/v1/calendar/deadline', () => {
      const deadline = async (query: string) => {
        const response = await get(`/api/v1/calendar/deadline?${query}`);
        assert.equal(response.statusCode, 200, response.body);
        return response.json() as { deadline: string; rule: string; source: { lv: string; en: string }; validFrom: string; period: { unit: string; amount: number } };
      };

      it('computes the LEGAL.md examples', async () => {
        const old = await deadline('rule=submission.answer&from=2025-02-15');
        assert.equal(old.deadline, '2025-03-17');
        assert.deepEqual(old.period, { unit: 'months', amount: 1 });
        assert.equal(old.validFrom, '2008-01-01');
        assert.match(old.source.lv, /Iesniegumu likums/);
        assert.equal((await deadline('rule=submission.answer&from=2026-03-02')).deadline, '2026-03-16');
        const easter = await deadline('rule=submission.answer&from=2026-03-27');
        assert.equal(easter.deadline, '2026-04-14');
        assert.deepEqual(easter.period, { unit: 'workingDays', amount: 10 });
        assert.equal(easter.validFrom, '2026-03-01');
        assert.equal((await deadline('rule=submission.answer&from=2025-04-02')).deadline, '2025-05-06');
      });

      it("takes appointment.minNotice from the agency's profile", async () => {
        const kase = await deadline('rule=appointment.minNotice&from=2026-03-02&agency=kase');
        const notice = platform.deps.agencies.get('kase')?.booking.minNoticeWorkingDays;
        assert.deepEqual(kase.period, { unit: 'workingDays', amount: notice });
        assert.equal(notice, 2);
        assert.equal(kase.deadline, '2026-03-04');
        assert.equal((await deadline('rule=appointment.minNotice&from=2026-03-02&agency=vsaa')).deadline, '2026-03-02');
      });

      it('refuses appointment.minNotice without an agency or with an unknown one', async () => {
        const missing = await problem('/api/v1/calendar/deadline?rule=appointment.minNotice&from=2026-03-02', 'en');
        assert.deepEqual(fields(missing), ['agency']);
        assert.match(missing.errors[0]?.message ?? '', /needs an agency/);
        const unknown = await problem('/api/v1/calendar/deadline?rule=appointment.minNotice&from=2026-03-02&agency=nope');
        assert.deepEqual(fields(unknown), ['agency']);
        assert.match(unknown.errors[0]?.message ?? '', /nope/);
      });

      it('refuses an unknown rule and a bad date', async () => {
        const rule = await problem('/api/v1/calendar/deadline?rule=submission.whenever&from=2026-03-02');
        assert.deepEqual(fields(rule), ['rule']);
        assert.match(rule.errors[0]?.message ?? '', /submission\.answer/);
        assert.deepEqual(fields(await problem('/api/v1/calendar/deadline?rule=submission.answer&from=2026-02-29')), ['from']);
        assert.deepEqual(fields(await problem('/api/v1/calendar/deadline?rule=submission.answer')), ['from']);
      });

      it('turns domain errors into 400: before the law, and past the calendar', async () => {
        const early = await problem('/api/v1/calendar/deadline?rule=submission.answer&from=2007-12-31', 'en');
        assert.deepEqual(fields(early), ['from']);
        assert.equal(early.errors[0]?.code, 'rule_not_in_force');
        const late = await problem('/api/v1/calendar/deadline?rule=submission.extensionMax&from=2100-12-01');
        assert.deepEqual(fields(late), ['from']);
        assert.equal(late.errors[0]?.code, 'outside_calendar');
      });
    });

    describe('GET /api/v1/calendar/holidays.ics', () => {
      it('is an iCalendar feed of the year with all-day events, LV names, EN descriptions and stable UIDs', async () => {
        const response = await get('/api/v1/calendar/holidays.ics?year=2026');
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^text\/calendar/);
        const body = response.body;
        assert.match(body, /^BEGIN:VCALENDAR\r\n/);
        assert.match(body, /X-WR-CALNAME:Latvijas svētku un brīvdienas 2026/);
        assert.match(body, /DTSTART;VALUE=DATE:20261118\r\n/);
        assert.match(body, /DTSTART;VALUE=DATE:20260102\r\n/, 'the Cabinet-order day off');
        assert.match(body, /DTSTART;VALUE=DATE:20260622\r\n/);
        assert.doesNotMatch(body, /DTSTART;VALUE=DATE:20260117/, 'a worked Saturday is not a holiday');
        assert.doesNotMatch(body, /DTSTART;VALUE=DATE:2025/);
        assert.match(body, /SUMMARY:Latvijas Republikas proklamēšanas diena/);
        assert.match(body.replace(/\r\n /g, ''), /DESCRIPTION:Proclamation Day of the Republic of Latvia/);
        const events = body.match(/BEGIN:VEVENT/g) ?? [];
        assert.equal(events.length, 17);
        const uids = body.match(/^UID:.*$/gm) ?? [];
        assert.equal(new Set(uids).size, events.length, 'UIDs are unique');
        const again = await get('/api/v1/calendar/holidays.ics?year=2026');
        assert.deepEqual(again.body.match(/^UID:.*$/gm), uids, 'UIDs are stable');
      });

      it('covers this year and the next without ?year', async () => {
        const response = await get('/api/v1/calendar/holidays.ics');
        assert.equal(response.statusCode, 200);
        assert.match(response.body, /DTSTART;VALUE=DATE:20260101/);
        assert.match(response.body, /DTSTART;VALUE=DATE:20271118/);
      });

      it('refuses a bad year', async () => {
        for (const year of ['1989', '2101', 'abcd', '20266', '', '2026.5']) {
          const p = await problem(`/api/v1/calendar/holidays.ics?year=${year}`);
          assert.deepEqual(fields(p), ['year'], year);
        }
      });
    });

    it('documents the routes in the OpenAPI document under the calendar tag', async () => {
      const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, { get?: { tags?: string[]; parameters?: Array<{ name: string }> } }> };
      for (const path of ['/api/v1/calendar', '/api/v1/calendar/deadline', '/api/v1/calendar/holidays.ics']) {
        assert.deepEqual(doc.paths[path]?.get?.tags, ['calendar'], path);
      }
      assert.deepEqual(doc.paths['/api/v1/calendar']?.get?.parameters?.map((p) => p.name).sort(), ['from', 'to']);
    });
  });
}
