// The calendar file: valid iCalendar without METHOD (so no iTIP rules to break: METHOD:REQUEST would need an
// ORGANIZER, RFC 5546), the same in the confirmation mail; a cancelled appointment offers none (link gone, 410).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';

const NOW = '2026-11-16T07:00:00Z';

/** Checks an .ics text line by line; returns its unfolded content lines. */
function assertValidIcs(ics: string): string[] {
  assert.ok(ics.endsWith('\r\n'), 'ends with CRLF');
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) {
    assert.ok(!line.includes('\n') && !line.includes('\r'), `bare line break in ${JSON.stringify(line)}`);
    assert.ok(Buffer.byteLength(line) <= 75, `line longer than 75 octets: ${line}`);
  }
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  assert.ok(lines.some((l) => l.startsWith('PRODID:')));
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
  // No METHOD, hence no iTIP message; and nothing that only iTIP would make sense of.
  assert.ok(!lines.some((l) => l.startsWith('METHOD')), 'no METHOD');
  assert.ok(!lines.some((l) => l.startsWith('STATUS:CANCELLED')));
  const event = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT') + 1);
  for (const property of ['UID:', 'DTSTAMP:', 'DTSTART', 'DTEND', 'SUMMARY:', 'LOCATION:']) assert.ok(event.some((l) => l.startsWith(property)), `VEVENT has ${property}`);
  return lines;
}

for (const target of testTargets()) {
  describe(`the appointment's calendar file (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
    });
    after(() => platform.close());

    async function book(start: string, email: string) {
      const response = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/appointments', payload: { service: 'pensijas', centre: 'riga-lacplesa', start, name: 'Anna Bērziņa', email } });
      assert.equal(response.statusCode, 201, response.body);
      const { id, manageToken } = response.json() as { id: string; manageToken: string };
      return { id, token: manageToken, manage: `/vsaa/pieraksts/mans/${id}?token=${encodeURIComponent(manageToken)}`, ics: `/vsaa/pieraksts/mans/${id}/pieraksts.ics?token=${encodeURIComponent(manageToken)}` };
    }

    it('the download is valid iCalendar without METHOD, with the visit in it', async () => {
      const a = await book('2026-11-19T09:05:00+02:00', 'ics1@example.lv');
      const response = await platform.app.inject({ method: 'GET', url: a.ics });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/calendar; charset=utf-8$/);
      const lines = assertValidIcs(response.body);
      assert.ok(lines.includes(`UID:${a.id}@appointments.apkalpe.lv`));
      assert.ok(lines.some((l) => /^DTSTART.*20261119T0705\d\dZ$|^DTSTART;TZID=.*:20261119T090500$/.test(l)), lines.join('\n'));
      assert.ok(lines.some((l) => l.startsWith('LOCATION:') && l.includes('Lāčplēša iela 70A')));
      const page = await platform.app.inject({ method: 'GET', url: a.manage });
      assert.match(page.body, /pieraksts\.ics\?token=/, 'a booked appointment offers the file');
    });

    it('the confirmation mail attaches the same kind of file, with no method= in its content type', async () => {
      const result = await platform.deps.db.execute(sql.raw(`select attachments from mail_outbox where to_address = 'ics1@example.lv'`));
      const [mail] = (result as unknown as { rows: Array<{ attachments: Array<{ contentType: string; contentBase64: string }> }> }).rows;
      const attachment = mail?.attachments[0];
      assert.ok(attachment);
      assert.equal(attachment.contentType, 'text/calendar; charset=utf-8');
      assertValidIcs(Buffer.from(attachment.contentBase64, 'base64').toString('utf8'));
    });

    it('a cancelled appointment offers no calendar file: the link is gone and the route answers 410', async () => {
      const a = await book('2026-11-19T09:40:00+02:00', 'ics2@example.lv');
      const cancelled = await platform.app.inject({ method: 'DELETE', url: `/api/v1/appointments/${a.id}`, headers: { authorization: `Bearer ${a.token}` } });
      assert.equal(cancelled.statusCode, 200);
      const page = await platform.app.inject({ method: 'GET', url: a.manage });
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /pieraksts\.ics/);
      assert.doesNotMatch(page.body, /Pievienot kalendāram/);
      const ics = await platform.app.inject({ method: 'GET', url: a.ics });
      assert.equal(ics.statusCode, 410);
      assert.match(String(ics.headers['content-type']), /text\/html/);
      assert.match(ics.body, /Pieraksts ir atcelts, tāpēc kalendāram to pievienot vairs nevar/);
      assert.doesNotMatch(ics.body, /BEGIN:VCALENDAR/);
      const english = await platform.app.inject({ method: 'GET', url: `${a.ics}&lang=en` });
      assert.equal(english.statusCode, 410);
      assert.match(english.body, /can no longer be added to a calendar/);
      // A wrong token still looks like an unknown appointment (404), cancelled or not.
      assert.equal((await platform.app.inject({ method: 'GET', url: `/vsaa/pieraksts/mans/${a.id}/pieraksts.ics?token=wrong` })).statusCode, 404);
    });
  });
}
