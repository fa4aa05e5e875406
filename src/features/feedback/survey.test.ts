import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { translator } from '../../platform/i18n/index.ts';
import { AppError, fieldErrorsOf } from '../../platform/http/problem.ts';
import { signInvitationToken } from '../../domain/feedback/index.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { rebuildAggregates } from './feedback.repository.ts';
import { channelIdOfKind, inviteToSurvey, surveyLinkOf, surveyQrSvg, surveySigningSecret } from './survey-invitations.service.ts';
import { addStaff, movableClock, rows } from './feedback.testing.ts';

const ANSWERS = { overall: '5', competence: '4', courtesy: '5', clarity: '3', timeliness: '4', comment: 'Ļoti laipni, paldies!' };

for (const target of testTargets()) {
  describe(`feedback surveys (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2026-03-10T09:00:00Z');
    let staffId = '';
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      staffId = await addStaff(platform, 'specialists@vsaa.test', 'vsaa', 'specialist');
    });
    after(() => platform.close());

    const invite = (extra: Partial<Parameters<typeof inviteToSurvey>[1]> = {}) =>
      inviteToSurvey(platform.deps, { agency: 'vsaa', contactKind: 'appointment', contactRef: 'A-1', centreId: 'riga-lacplesa', staffId, lang: 'lv', ...extra });

    it('creates a signed invitation valid for the profile’s days, with the secret kept in the settings table', async () => {
      const invitation = await invite();
      assert.match(invitation.url, /^\/vsaa\/aptauja\/[0-9a-f-]{36}\.[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
      assert.equal(invitation.expiresAt.toISOString(), '2026-03-24T09:00:00.000Z');
      const [setting] = await rows<{ value: string }>(platform, sql`select value from app_settings where key = 'feedback_survey_secret'`);
      assert.ok(setting && setting.value.length >= 40);
      assert.equal(await surveySigningSecret(platform.deps.db), setting.value, 'the same secret on every call');
      const [audit] = await rows<{ action: string }>(platform, sql`select action from audit_log where record_id = ${invitation.invitationId}`);
      assert.equal(audit?.action, 'feedback.invitation-created');
    });

    it('e-mails the absolute link in the client’s language when an address is given', async () => {
      const invitation = await invite({ email: 'klients@example.lv', lang: 'en', contactKind: 'inquiry', contactRef: 'VSAA-2026-000001', centreId: undefined, channelId: 'e-pasts' });
      const [mail] = await rows<{ to_address: string; subject: string; body_text: string }>(platform, sql`select to_address, subject, body_text from mail_outbox where to_address = 'klients@example.lv'`);
      assert.ok(mail);
      assert.match(mail.subject, /please rate our service/);
      assert.ok(mail.body_text.includes(`${platform.deps.config.publicUrl}${invitation.url}?lang=en`));
      assert.match(mail.body_text, /24 March 2026/);
    });

    it('in Latvian, thanks the client for contacting the agency with its name in the accusative', async () => {
      await invite({ email: 'klients.lv@example.lv', lang: 'lv', contactKind: 'inquiry', contactRef: 'VSAA-2026-000002', centreId: undefined, channelId: 'e-pasts' });
      const [mail] = await rows<{ body_text: string }>(platform, sql`select body_text from mail_outbox where to_address = 'klients.lv@example.lv'`);
      assert.match(mail?.body_text ?? '', /Paldies, ka sazinājāties ar Valsts sociālās apdrošināšanas aģentūru\./);
    });

    it('refuses unknown centres, channels and agencies', async () => {
      const unknownCentre = await invite({ centreId: 'nav-tada' }).then(() => assert.fail('an unknown centre was accepted'), (e: unknown) => e);
      assert.ok(unknownCentre instanceof AppError && unknownCentre.status === 400 && unknownCentre.fieldErrors[0]?.field === 'centreId');
      assert.deepEqual(
        (['lv', 'en'] as const).map((lang) => fieldErrorsOf(unknownCentre, translator(lang), lang)[0]?.message),
        ['Nezināms klientu apkalpošanas centrs.', 'Unknown client service centre.'],
      );
      await assert.rejects(invite({ channelId: 'baloži' }), (e: { status: number }) => e.status === 400);
      await assert.rejects(invite({ agency: 'nav' }), (e: { status: number }) => e.status === 404);
    });

    it('finds the profile channel of an inquiry channel kind', () => {
      const profile = platform.deps.agencies.get('vsaa');
      assert.ok(profile);
      assert.equal(channelIdOfKind(profile, 'phone'), 'info-talrunis');
      assert.equal(channelIdOfKind(profile, 'e-address'), 'e-adrese');
      assert.equal(channelIdOfKind(profile, 'carrier-pigeon'), undefined);
    });

    it('gives the link of a stored invitation again (the ticket page), until it is answered or expires', async () => {
      const invitation = await invite({ contactKind: 'ticket', contactRef: 'P-042' });
      assert.deepEqual(await surveyLinkOf(platform.deps, invitation.invitationId), { url: invitation.url, expiresAt: invitation.expiresAt });
      assert.equal(await surveyLinkOf(platform.deps, '00000000-0000-4000-8000-000000000000'), null);
      assert.equal(await surveyLinkOf(platform.deps, 'not-a-uuid'), null);
      const browser = new TestBrowser(platform.app);
      assert.equal((await browser.submitForm(invitation.url, invitation.url, ANSWERS)).statusCode, 303);
      assert.equal(await surveyLinkOf(platform.deps, invitation.invitationId), null);
    });

    it('renders a QR code of the link as SVG', async () => {
      const svg = await surveyQrSvg('https://apkalpe.lv/vsaa/aptauja/x');
      assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(svg, /<path/);
    });

    it('shows the profile’s questions as radio fieldsets 1–5, the comment and the consent box (off)', async () => {
      const { url } = await invite();
      const res = await platform.app.inject(url);
      assert.equal(res.statusCode, 200);
      assert.equal((res.body.match(/<fieldset/g) ?? []).length, 5);
      assert.match(res.body, /<legend>Kopējais vērtējums \(obligāti\)<\/legend>/);
      assert.equal((res.body.match(/type="radio"/g) ?? []).length, 25);
      assert.match(res.body, /<textarea[^>]*name="comment"/);
      const consent = /<input type="checkbox" id="field-staffConsent"[^>]*>/.exec(res.body)?.[0] ?? '';
      assert.match(consent, /name="staffConsent" value="yes"/);
      assert.doesNotMatch(consent, /checked/);
      assert.match(res.body, /name="_csrf"/);
      const en = await platform.app.inject(`${url}?lang=en`);
      assert.match(en.body, /Overall rating \(required\)/);
    });

    it('one answer per invitation: the second submission gets a clear 409, the link afterwards 410', async () => {
      const { url, invitationId } = await invite();
      const browser = new TestBrowser(platform.app);
      const first = await browser.submitForm(url, url, ANSWERS);
      assert.equal(first.statusCode, 303);
      assert.equal(first.headers.location, '/vsaa/aptauja/paldies');
      const thanks = await browser.get('/vsaa/aptauja/paldies');
      assert.match(thanks.body, /Paldies par vērtējumu!/);
      // A second tab that loaded the form before the first answer: a fresh CSRF token, the same link.
      const token = /name="_csrf" value="([^"]+)"/.exec((await browser.get('/vsaa/atsauksme')).body)?.[1] ?? '';
      const second = await browser.request({ method: 'POST', url, form: { ...ANSWERS, _csrf: token } });
      assert.equal(second.statusCode, 409);
      assert.match(second.body, /Šī aptauja jau ir aizpildīta/);
      assert.equal((await browser.get(url)).statusCode, 410);
      const [count] = await rows<{ n: number }>(platform, sql`select count(*)::int as n from feedback_responses where invitation_id = ${invitationId}`);
      assert.equal(count?.n, 1);
    });

    it('the database itself refuses a second response to one invitation', async () => {
      const { invitationId } = await invite();
      const insert = () => platform.deps.db.execute(sql`insert into feedback_responses (invitation_id, agency, contact_kind, month, ratings, submitted_at) values (${invitationId}, 'vsaa', 'appointment', '2026-03-01', '{}'::jsonb, now())`);
      await insert();
      await assert.rejects(insert());
    });

    it('without consent the answer is anonymous to the staff member: no staff id is left on the invitation or the response', async () => {
      const { url, invitationId } = await invite();
      const browser = new TestBrowser(platform.app);
      assert.equal((await browser.submitForm(url, url, ANSWERS)).statusCode, 303);
      const [row] = await rows<{ inv_staff: string | null; resp_staff: string | null; staff_identified: boolean }>(
        platform,
        sql`select i.staff_id as inv_staff, r.staff_id as resp_staff, i.staff_identified from feedback_invitations i join feedback_responses r on r.invitation_id = i.id where i.id = ${invitationId}`,
      );
      assert.deepEqual(row, { inv_staff: null, resp_staff: null, staff_identified: false });
    });

    it('with consent the staff member stays linked to the answer', async () => {
      const { url, invitationId } = await invite();
      const browser = new TestBrowser(platform.app);
      assert.equal((await browser.submitForm(url, url, { ...ANSWERS, staffConsent: 'yes' })).statusCode, 303);
      const [row] = await rows<{ resp_staff: string | null; staff_identified: boolean }>(
        platform,
        sql`select r.staff_id as resp_staff, i.staff_identified from feedback_invitations i join feedback_responses r on r.invitation_id = i.id where i.id = ${invitationId}`,
      );
      assert.deepEqual(row, { resp_staff: staffId, staff_identified: true });
    });

    it('ratings out of range, a missing required rating and an oversize comment: field errors in LV/EN, 400, nothing stored', async () => {
      const { url, invitationId } = await invite();
      const browser = new TestBrowser(platform.app);
      const bad = await browser.submitForm(url, url, { ...ANSWERS, overall: '', courtesy: '7', clarity: '0', comment: 'x'.repeat(2001) });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#field-overall">Novērtējiet: Kopējais vērtējums/);
      assert.match(bad.body, /Pieklājība un laipnība: izvēlieties vērtējumu no 1 līdz 5/);
      assert.match(bad.body, /Sniegtās informācijas skaidrība: izvēlieties vērtējumu no 1 līdz 5/);
      assert.match(bad.body, /Komentārs ir pārāk garš: 2001 rakstzīmes, atļautas ne vairāk kā 2000/);
      const en = await browser.submitForm(`${url}?lang=en`, `${url}?lang=en`, { ...ANSWERS, timeliness: '5.5' });
      assert.equal(en.statusCode, 400);
      assert.match(en.body, /Timeliness: choose a rating from 1 to 5/);
      const [inv] = await rows<{ used_at: Date | null }>(platform, sql`select used_at from feedback_invitations where id = ${invitationId}`);
      assert.equal(inv?.used_at, null);
      assert.equal((await browser.submitForm(url, url, ANSWERS)).statusCode, 303, 'the link still works after a refused attempt');
    });

    it('forged, broken and other agencies’ links → 404; expired links → 410; never a 500', async () => {
      const { url, invitationId } = await invite();
      const forgedMac = url.replace(/.{3}$/, 'AAA');
      const secret = await surveySigningSecret(platform.deps.db);
      const otherSecret = signInvitationToken('not-the-secret', { invitationId, expiresAt: new Date('2026-03-24T09:00:00Z') });
      const longer = signInvitationToken(secret, { invitationId: '00000000-0000-4000-8000-000000000000', expiresAt: new Date('2026-03-24T09:00:00Z') });
      for (const path of [forgedMac, `/vsaa/aptauja/${otherSecret}`, '/vsaa/aptauja/abc', `/vsaa/aptauja/${longer}`, url.replace('/vsaa/', '/kase/')]) {
        const res = await platform.app.inject(path);
        assert.equal(res.statusCode, 404, path);
        assert.match(res.body, /Aptaujas saite nav derīga/);
      }
      const browser = new TestBrowser(platform.app);
      const token = /name="_csrf" value="([^"]+)"/.exec((await browser.get('/vsaa/atsauksme')).body)?.[1] ?? '';
      assert.equal((await browser.request({ method: 'POST', url: forgedMac, form: { ...ANSWERS, _csrf: token } })).statusCode, 404);
      time.advance({ hours: 24 * 14 });
      const expired = await platform.app.inject(url);
      assert.equal(expired.statusCode, 410);
      assert.match(expired.body, /derīguma termiņš ir beidzies/);
      assert.equal((await browser.request({ method: 'POST', url, form: { ...ANSWERS, _csrf: token } })).statusCode, 410);
    });

    it('the form needs its CSRF token', async () => {
      const { url } = await invite();
      const res = await platform.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(ANSWERS).toString() });
      assert.equal(res.statusCode, 403);
    });

    it('the monthly aggregates kept with each answer equal a recount from the rows', async () => {
      const before = await rows<Record<string, unknown>>(platform, sql`select * from feedback_score_months order by 1, 2, 3, 4, 5`);
      const invitedBefore = await rows<Record<string, unknown>>(platform, sql`select * from feedback_invitation_months order by 1, 2, 3, 4`);
      assert.ok(before.length > 0);
      await rebuildAggregates(platform.deps.db);
      assert.deepEqual(await rows(platform, sql`select * from feedback_score_months order by 1, 2, 3, 4, 5`), before);
      assert.deepEqual(await rows(platform, sql`select * from feedback_invitation_months order by 1, 2, 3, 4`), invitedBefore);
    });
  });
}
