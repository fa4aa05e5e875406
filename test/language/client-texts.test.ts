// Every public page and every client mail, in Latvian and in English, read as a native reader would (issue 14):
// no nominative month after "no", "līdz" or "ar" ("līdz 18. decembris"), no ISO date in prose (2026-12-18 outside
// URLs, attributes and form values), no message key or {{placeholder}} shown as text. The pages come from the route
// table (every public GET, its parameters filled with records the test makes through the real flows); the mails
// are what those flows put in the outbox, each mail kind at least once per language.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { catalogs } from '../../src/app/catalogs.ts';
import { isoDatesInProse, nominativeMonthSlips } from '../../src/domain/latvian-text/index.ts';
import { inviteToSurvey } from '../../src/features/feedback/survey-invitations.service.ts';
import { sendReminders } from '../../src/features/appointments/reminders.service.ts';
import { extendDeadline, forwardInquiry } from '../../src/features/inquiries/staff/inquiry-terms.service.ts';
import { replyToInquiry, requestInformation } from '../../src/features/inquiries/staff/inquiry-actions.service.ts';
import { findInquiryByReference } from '../../src/features/inquiries/inquiries.repository.ts';
import { QuestionBrowser } from '../../src/features/inquiries/public/question-form.testing.ts';
import { TestBrowser } from '../support/http-client.ts';
import { queryRows } from '../support/sql-rows.ts';
import { addStaff, signedIn } from '../support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../support/test-platform.ts';

// Monday 14 December 2026, 17:30 in Riga (the day's times are over: bookings from Tuesday); the year's last weeks,
// so deadlines run into 2027.
const START = '2026-12-14T15:30:00Z';
const LANGS = ['lv', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** Every message key and every namespace above one ("appointments.page"): such a word in prose is a missing text. */
function catalogKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (path.includes('.')) keys.add(path);
    if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(catalogs.lv, '');
  walk(catalogs.en, '');
  return keys;
}
const KEYS = catalogKeys();

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&nbsp;': ' ' };

/** What a reader sees of a page: its title and body text, without tags, attributes, scripts or form values. */
export function prose(html: string): string {
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  return `${title} ${body}`
    .replace(/<(script|style|textarea)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#x27|#39|nbsp);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ');
}

/** The slips a native reader would see in a text meant for a client. */
export function slipsIn(text: string): string[] {
  const keys = [...text.matchAll(/(?<![\w@/.-])[a-zA-Z][\w-]*(?:\.[a-zA-Z][\w-]*)+(?![\w@/-])/g)].map((m) => m[0]).filter((word) => KEYS.has(word));
  return [
    ...nominativeMonthSlips(text).map((s) => `nominative month: "${s}"`),
    ...isoDatesInProse(text).map((s) => `ISO date: ${s}`),
    ...[...text.matchAll(/\{\{\s*[\w.]+\s*\}\}/g)].map((m) => `placeholder: ${m[0]}`),
    ...keys.map((k) => `message key: ${k}`),
  ];
}

function withLang(url: string, lang: Lang): string {
  return `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;
}

const firstValue = (html: string, name: string) => new RegExp(`name="${name}"[^>]*value="([^"]+)"`).exec(html)?.[1] ?? new RegExp(`value="([^"]+)"[^>]*name="${name}"`).exec(html)?.[1] ?? '';
const firstOption = (html: string, name: string) => new RegExp(`<select[^>]*name="${name}"[\\s\\S]*?<option[^>]*value="([^"]+)"`).exec(html)?.[1] ?? '';

describe('slip finder (the checks the page test relies on)', () => {
  it('sees a nominative month, an ISO date, a placeholder and a message key; leaves URLs, addresses and good Latvian alone', () => {
    assert.deepEqual(slipsIn('Atbildēsim līdz 2026. gada 18. decembris. Termiņš 2026-12-18. Labdien, {{name}}! inquiries.public.follow.title'), [
      'nominative month: "līdz 2026. gada 18. decembris"',
      'ISO date: 2026-12-18',
      'placeholder: {{name}}',
      'message key: inquiries.public.follow.title',
    ]);
    assert.deepEqual(slipsIn('Atbildēsim līdz 2026. gada 18. decembrim. Saite: https://x.lv/vsaa/pieraksts?day=2026-12-18, rakstiet pasts@vsaa.gov.lv vai www.vsaa.gov.lv.'), []);
    assert.equal(prose('<p>Laiks <input value="2026-12-18"> <time datetime="2026-12-18">18. decembrī</time></p>').includes('2026-12-18'), false);
  });
});

for (const target of testTargets()) {
  describe(`every client page and mail in Latvian and English (${target})`, { timeout: 600_000 }, () => {
    let platform: TestPlatform;
    let now = Temporal.Instant.from(START);
    const checked: Array<{ what: string; slips: string[] }> = [];
    const rendered = new Set<string>();
    const fills: Record<string, Record<string, string>> = { vsaa: {}, kase: {} };
    const extraPages: Array<{ slug: string; url: string; browser?: TestBrowser; template: string }> = [];
    const clients: Record<string, TestBrowser> = {};
    let supervisor: Record<'vsaa' | 'kase', TestBrowser>;
    let staff: Record<'vsaa' | 'kase', Awaited<ReturnType<typeof addStaff>>>;
    const inquiries: Array<{ slug: 'vsaa' | 'kase'; lang: Lang; reference: string }> = [];

    /** Whether a mail is the agency's: its reference, its links or its name. */
    const mailOf = (mail: { subject: string; body_text: string }, slug: string) => {
      const profile = platform.deps.agencies.require(slug);
      const text = `${mail.subject}\n${mail.body_text}`;
      return text.includes(`${slug.toUpperCase()}-`) || text.includes(`/${slug}/`) || text.includes(profile.name.lv) || text.includes(profile.name.en) || text.includes(profile.shortName.en);
    };
    const check = (what: string, text: string) => checked.push({ what, slips: slipsIn(text) });

    before(async () => {
      platform = await createTestPlatform(target, { clock: () => now });
      const { app, deps } = platform;
      staff = { vsaa: await addStaff(platform, 'vaditajs@vsaa.test', 'vsaa', 'supervisor'), kase: await addStaff(platform, 'vaditajs@kase.test', 'kase', 'supervisor') };
      supervisor = { vsaa: await signedIn(platform, 'vaditajs@vsaa.test'), kase: await signedIn(platform, 'vaditajs@kase.test') };

      for (const slug of ['vsaa', 'kase'] as const) {
        const profile = deps.agencies.require(slug);
        const walkIn = profile.serviceCentres.find((c) => c.walkIn) ?? profile.serviceCentres[0];
        const fill: Record<string, string> = { centre: walkIn?.id ?? 'nav' };
        fills[slug] = fill;
        if (walkIn?.walkIn) {
          now = Temporal.Instant.from('2026-12-14T08:00:00Z'); // the kiosk issues tickets while the centre is open
          const ticket = await app.inject({ method: 'POST', url: `/api/v1/agencies/${slug}/centres/${walkIn.id}/tickets`, payload: { service: walkIn.services[0] } });
          assert.equal(ticket.statusCode, 201, ticket.body);
          fill.ticket = (ticket.json() as { id: string }).id;
          now = Temporal.Instant.from(START);
        }

        for (const lang of LANGS) {
          const browser = new QuestionBrowser(app);
          await browser.get(withLang(`/${slug}`, lang));
          // A question through the form: its confirmation page, then the inquiry page behind the access code.
          const form = await browser.get(`/${slug}/jautajums`);
          const filed = await browser.postMultipart(`/${slug}/jautajums`, {
            _csrf: firstValue(form.body, '_csrf'),
            name: 'Anna Bērziņa',
            email: `anna.${lang}@example.lv`,
            phone: '',
            personalCode: '',
            topic: firstOption(form.body, 'topic'),
            text: 'Zxqvbn plorf glimmergrost vrrkt?',
            step: 'preview',
            idempotencyKey: firstValue(form.body, 'idempotencyKey'),
          });
          assert.equal(filed.statusCode, 303, `${slug} ${lang} question: ${filed.body.slice(0, 300)}`);
          if (filed.statusCode === 303) {
            const confirmation = await browser.get(String(filed.headers.location));
            const reference = /id="inquiry-reference">([^<]+)</.exec(confirmation.body)?.[1] ?? '';
            const code = /id="inquiry-access-code"[^>]*>([^<]+)</.exec(confirmation.body)?.[1] ?? '';
            extraPages.push({ slug, url: String(filed.headers.location), browser, template: '/:agency/jautajums/iesniegts' });
            fill[`reference-${lang}`] = reference;
            inquiries.push({ slug, lang, reference });
            const page = await browser.submitForm(`/${slug}/jautajums/sekot`, `/${slug}/jautajums/sekot`, { reference, code });
            check(`${slug} ${lang} POST /${slug}/jautajums/sekot (the inquiry)`, prose(page.body));
            // The deadline extended by staff: the client's notice mail.
            const inquiry = await findInquiryByReference(deps.db, reference);
            if (inquiry && lang === 'lv') {
              const boss = staff[slug];
              const scope = { actor: { id: boss.id, email: boss.email, name: boss.name, memberships: [{ agency: slug, role: boss.role }], sessionId: 'test' }, agency: slug, role: boss.role };
              await extendDeadline(deps, scope, { actorId: boss.id, actorLabel: boss.email, ip: null }, inquiry.id, {
                newDeadline: Temporal.PlainDate.from(String(inquiry.deadline)).add({ days: 14 }).toString(),
                reason: 'Jāsaņem dati no citas iestādes',
              });
            }
          }

          // A written complaint: it becomes an inquiry, and the thanks page gives its reference and deadline.
          const complaint = await browser.submitForm(`/${slug}/atsauksme`, `/${slug}/atsauksme`, { kind: 'complaint', subject: 'staff', staffName: 'Darbiniece pie 3. lodziņa', text: 'Mani neapkalpoja.', name: 'Anna Bērziņa', email: `anna.${lang}@example.lv` });
          assert.equal(complaint.statusCode, 303, `${slug} ${lang} complaint`);
          const thanks = await browser.get(withLang(String(complaint.headers.location), lang));
          assert.match(thanks.body, new RegExp(`${slug.toUpperCase()}-2026-\\d+`), 'the thanks page names the inquiry');
          check(`${slug} ${lang} GET ${String(complaint.headers.location)} (after a complaint)`, prose(thanks.body));

          // A booking through the five steps, its confirmation and its manage page.
          const start = await browser.get(`/${slug}/pieraksts`);
          const service = /name="service"[^>]*value="([^"]+)"/.exec(start.body)?.[1] ?? '';
          const places = await browser.get(`/${slug}/pieraksts?service=${service}`);
          const centre = /name="centre"[^>]*value="([^"]+)"/.exec(places.body)?.[1] ?? '';
          const days = await browser.get(`/${slug}/pieraksts?service=${service}&centre=${centre}`);
          const day = /name="day"[^>]*value="([^"]+)"/.exec(days.body)?.[1] ?? '';
          const times = await browser.get(`/${slug}/pieraksts?service=${service}&centre=${centre}&day=${day}`);
          const time = /name="start"[^>]*value="([^"]+)"/.exec(times.body)?.[1] ?? '';
          const detailsUrl = `/${slug}/pieraksts?service=${service}&centre=${centre}&day=${day}&start=${encodeURIComponent(time)}`;
          for (const url of [`/${slug}/pieraksts?service=${service}`, `/${slug}/pieraksts?service=${service}&centre=${centre}`, `/${slug}/pieraksts?service=${service}&centre=${centre}&day=${day}`, detailsUrl]) {
            extraPages.push({ slug, url, template: '/:agency/pieraksts' });
          }
          const details = await browser.get(detailsUrl);
          const booked = await browser.request({
            method: 'POST',
            url: `/${slug}/pieraksts`,
            form: { _csrf: firstValue(details.body, '_csrf'), idempotencyKey: firstValue(details.body, 'idempotencyKey'), service, centre, start: time, name: 'Jānis Ozols', email: `anna.${lang}@example.lv`, phone: '', personalCode: '', assistant: 'none', reason: 'Nav e-paraksta' },
          });
          assert.equal(booked.statusCode, 303, `${slug} ${lang} booking: ${booked.body.slice(0, 300)}`);
          const confirmation = await browser.get(String(booked.headers.location));
          extraPages.push({ slug, url: String(booked.headers.location), browser, template: '/:agency/pieraksts/apstiprinats' });
          const manage = /href="(\/[a-z]+\/pieraksts\/mans\/[^"]+)"/.exec(confirmation.body)?.[1]?.replace(/&amp;/g, '&');
          if (manage) {
            extraPages.push({ slug, url: manage, template: '/:agency/pieraksts/mans/:id' });
            extraPages.push({ slug, url: manage.replace('?', '/atcelt?'), template: '/:agency/pieraksts/mans/:id/atcelt' });
            fill[`id-${lang}`] = /mans\/([^?]+)/.exec(manage)?.[1] ?? '';
          }

          // A callback request on the phone page, and the sign-in link to /mani (the mails of both).
          const phonePage = await browser.get(`/${slug}/talrunis`);
          const callback = await browser.request({
            method: 'POST',
            url: `/${slug}/talrunis/atzvanit`,
            form: {
              _csrf: firstValue(phonePage.body, '_csrf'),
              name: 'Anna Bērziņa',
              phone: lang === 'lv' ? '20000000' : '20000001',
              email: `anna.${lang}@example.lv`,
              topic: firstOption(phonePage.body, 'topic'),
              date: '2026-12-15',
              from: '10:00',
              to: '11:00',
              consent: 'yes',
            },
          });
          assert.equal(callback.statusCode, 303, `${slug} ${lang} callback: ${[...callback.body.matchAll(/class="error-message"[^>]*>([^<]*)/g)].map((m) => m[1]).join('; ')}`);
          {
            extraPages.push({ slug, url: String(callback.headers.location), browser, template: '/:agency/talrunis/atzvanit/:id' });
            fill[`callback-${lang}`] = /atzvanit\/([^?/]+)/.exec(String(callback.headers.location))?.[1] ?? '';
            fill.callback = /atzvanit\/([^?/]+)/.exec(String(callback.headers.location))?.[1] ?? '';
          }
          const client = new TestBrowser(app);
          await client.get(withLang(`/${slug}/mani`, lang));
          await client.submitForm(`/${slug}/mani`, `/${slug}/mani`, { email: `anna.${lang}@example.lv` });
          const [link] = await queryRows<{ body_text: string }>(platform, sql`select body_text from mail_outbox where to_address = ${`anna.${lang}@example.lv`} and body_text like ${`%/${slug}/mani/ieiet%`} order by created_at desc limit 1`);
          const token = /ieiet\?token=([\w-]+)/.exec(link?.body_text ?? '')?.[1];
          if (token) {
            const signIn = await client.get(withLang(`/${slug}/mani/ieiet?token=${token}`, lang));
            if (signIn.statusCode === 200) rendered.add(`/:agency/mani/ieiet ${lang}`);
            check(`${slug} ${lang} GET /${slug}/mani/ieiet?token=…`, prose(signIn.body));
            await client.submitForm(`/${slug}/mani/ieiet?token=${token}`, `/${slug}/mani/ieiet`, { token });
            clients[`${slug}-${lang}`] = client;
          }

          // The survey after a contact (mail with its link).
          const invitation = await inviteToSurvey(deps, { agency: slug, contactKind: 'appointment', contactRef: `A-${lang}`, centreId: profile.serviceCentres[0]?.id ?? '', email: `anna.${lang}@example.lv`, lang });
          fill.token = /aptauja\/([^?/]+)/.exec(invitation.url)?.[1] ?? '';
        }

      }
    });
    after(() => platform.close());

    it('renders every public page of the route table in both languages without a slip', async () => {
      const routes = platform.app.routeTable
        .filter((r) => r.method === 'GET' && !/^\/(staff|api|static)(\/|$)/.test(r.url) && !/\.(css|ics|csv|json|svg|txt|xml)$/.test(r.url) && !r.url.includes('*'))
        .map((r) => r.url);
      const templates = [...new Set(routes)];
      for (const template of templates) {
        for (const slug of ['vsaa', 'kase']) {
          if (!template.includes(':agency') && slug === 'kase') continue;
          const values = fills[slug] ?? {};
          for (const lang of LANGS) {
            const url = template.replace(':agency', slug).replace(/\/(\w+)\/:(\w+)/g, (_m, before: string, name: string) => {
              const byPlace: Record<string, string | undefined> = { biletes: values.ticket, atzvanit: values.callback };
              return `/${before}/${byPlace[before] ?? values[`${name}-${lang}`] ?? values[name] ?? 'nav'}`;
            });
            const browser = clients[`${slug}-${lang}`] ?? new TestBrowser(platform.app);
            const response = await browser.get(withLang(url, lang));
            if (response.statusCode !== 200 || !String(response.headers['content-type']).includes('text/html')) continue;
            rendered.add(`${template} ${lang}`);
            check(`${slug} ${lang} GET ${url}`, prose(response.body));
          }
        }
      }
      for (const page of extraPages) {
        for (const lang of LANGS) {
          const response = await (page.browser ?? new TestBrowser(platform.app)).get(withLang(page.url, lang));
          if (response.statusCode !== 200) continue;
          rendered.add(`${page.template} ${lang}`);
          check(`${page.slug} ${lang} GET ${page.url}`, prose(response.body));
        }
      }
      const slips = checked.filter((c) => c.slips.length > 0);
      assert.deepEqual(slips, [], `slips on pages:\n${slips.map((s) => `${s.what}: ${s.slips.join('; ')}`).join('\n')}`);
      const missing = templates.flatMap((t) => LANGS.filter((lang) => !rendered.has(`${t} ${lang}`)).map((lang) => `${t} ${lang}`));
      assert.deepEqual(missing, [], 'every public page rendered in both languages');
    });

    it('every client mail the flows sent reads right, in both languages', async () => {
      // After the pages: the reminder the working day before, then the agency closes the booked day (both clients told).
      for (const slug of ['vsaa', 'kase'] as const) {
        const [appointment] = await queryRows<{ centre_id: string; starts_at: Date | string }>(platform, sql`select centre_id, starts_at from appointments where agency = ${slug} order by starts_at limit 1`);
        assert.ok(appointment, `${slug}: a booked appointment`);
        const day = Temporal.Instant.from(new Date(appointment.starts_at).toISOString()).toZonedDateTimeISO('Europe/Riga').toPlainDate().toString();
        now = Temporal.Instant.from(`${day}T06:00:00Z`).subtract({ hours: 24 });
        await sendReminders(platform.deps);
        now = Temporal.Instant.from(START);
        const closure = await supervisor[slug].request({ method: 'POST', url: `/api/v1/staff/${slug}/appointments/capacity-changes`, json: { centre: appointment.centre_id, from: day, to: day, capacity: 0, reason: 'Remontdarbi' } });
        assert.ok(closure.statusCode < 300, `${slug} closure: ${closure.body}`);
      }
      // The inquiry's other client mails: the request for information and the answer (English inquiry), the referral
      // to the competent institution (Latvian one), an apology for an error; a callback the agency could not make.
      const outboxSize = async () => (await queryRows<{ n: number }>(platform, sql`select count(*)::int as n from mail_outbox`))[0]?.n ?? 0;
      const mailed = async (what: string, action: () => Promise<unknown>) => {
        const before = await outboxSize();
        await action();
        assert.ok((await outboxSize()) > before, `${what} sends a mail`);
      };
      for (const { slug, lang, reference } of inquiries) {
        const boss = staff[slug];
        const scope = { actor: { id: boss.id, email: boss.email, name: boss.name, memberships: [{ agency: slug, role: boss.role }], sessionId: 'test' }, agency: slug, role: boss.role };
        const origin = { actorId: boss.id, actorLabel: boss.email, ip: null };
        const inquiry = await findInquiryByReference(platform.deps.db, reference);
        assert.ok(inquiry);
        if (lang === 'en') {
          await mailed(`${slug} information request`, () => requestInformation(platform.deps, scope, origin, inquiry.id, { text: 'Please give your personal code.' }));
          await mailed(`${slug} answer`, () => replyToInquiry(platform.deps, scope, origin, inquiry.id, { text: 'Your pension will be recalculated in May.' }));
        } else {
          await mailed(`${slug} referral`, () => forwardInquiry(platform.deps, scope, origin, inquiry.id, { mode: 'refer', institutionId: 'vid' }));
          const error = await supervisor[slug].request({ method: 'POST', url: `/api/v1/staff/${slug}/service-errors`, json: { concerns: { kind: 'inquiry', id: inquiry.id }, description: 'Nepareizs aprēķins.', cameToLight: 'client-complaint', consequences: 'Izmaksa aizkavējās.' } });
          assert.equal(error.statusCode, 201, error.body);
          const errorId = (error.json() as { id: string }).id;
          const steps = `/api/v1/staff/${slug}/service-errors/${errorId}/steps`;
          assert.equal((await supervisor[slug].request({ method: 'POST', url: steps, json: { step: 'acknowledged' } })).statusCode, 201);
          await mailed(`${slug} apology`, () => supervisor[slug].request({ method: 'POST', url: steps, json: { step: 'apology-sent', text: 'Kļūdu izlabosim līdz mēneša beigām.' } }));
        }
      }
      for (const slug of ['vsaa', 'kase'] as const) {
        const id = fills[slug]?.['callback-lv'] ?? '';
        const callbacks = `/staff/${slug}/talrunis/atzvani`;
        await supervisor[slug].submitForm(callbacks, `${callbacks}/panemt`, { id });
        await mailed(`${slug} unreachable callback`, async () => {
          for (let attempt = 0; attempt < 3; attempt++) await supervisor[slug].submitForm(`${callbacks}/${id}`, `${callbacks}/${id}/meginajums`, { result: 'no-answer' });
        });
      }

      const mails = await queryRows<{ to_address: string; subject: string; body_text: string }>(platform, sql`select to_address, subject, body_text from mail_outbox order by created_at`);
      for (const mail of mails) {
        const slips = slipsIn(`${mail.subject}\n${mail.body_text}`);
        checked.push({ what: `mail to ${mail.to_address}: ${mail.subject}`, slips });
      }
      const bad = checked.filter((c) => c.what.startsWith('mail') && c.slips.length > 0);
      assert.deepEqual(bad, [], `slips in mails:\n${bad.map((s) => `${s.what}: ${s.slips.join('; ')}`).join('\n')}`);
      // Each kind of client mail, for both agencies in both languages (the extension notice is one bilingual mail).
      const kinds: Array<[string, RegExp, RegExp]> = [
        ['receipt', /^Jūsu jautājums saņemts/, /Your question has been received/],
        ['appointment confirmed', /^Pieraksts apstiprināts/, /^Appointment confirmed/],
        ['reminder', /^Atgādinājums/, /^Reminder/],
        ['appointment cancelled', /^Pieraksts atcelts/, /^Appointment cancelled/],
        ['callback request', /pieteikums atzvanīšanai saņemts$/, /callback request received$/],
        ['sign-in link', /pieteikšanās saite$/, /sign-in link$/],
        ['survey', /lūdzam novērtēt apkalpošanu$/, /please rate our service$/],
      ];
      for (const slug of ['vsaa', 'kase']) {
        for (const [kind, lv, en] of kinds) {
          for (const [lang, subject] of [['lv', lv], ['en', en]] as const) {
            const found = mails.some((m) => m.to_address === `anna.${lang}@example.lv` && subject.test(m.subject) && mailOf(m, slug));
            assert.ok(found, `${slug}: the ${kind} mail in ${lang}`);
          }
        }
        assert.ok(mails.some((m) => m.subject.startsWith('Atbildes termiņš pagarināts') && mailOf(m, slug)), `${slug}: the extension notice`);
      }
      assert.ok(mails.length >= 16, `mails sent: ${mails.length}`);
    });
  });
}
