import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { insertFaqEntry } from './faq.repository.ts';
import { searchColumns } from './faq.service.ts';
import { FAQ_SEEDS } from './faq.topics.ts';

const VSAA = FAQ_SEEDS.vsaa!;

function count(html: string, pattern: RegExp): number {
  return [...html.matchAll(new RegExp(pattern.source, 'g'))].length;
}

for (const target of testTargets()) {
  describe(`public knowledge base page and API (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target);
      const hostile = {
        topic: 'sazina',
        status: 'published' as const,
        questionLv: 'Vai <script>alert(1)</script> kalambūrs tiek rādīts?',
        answerLv: 'Atbilde par kalambūru ar <b>treknu</b> tekstu.',
        questionEn: 'Is the <script>alert(2)</script> pun shown?',
        answerEn: 'An answer about the pun.',
      };
      await insertFaqEntry(platform.deps.db, { agency: 'vsaa', ...hostile, ...searchColumns(hostile), updatedBy: null, createdAt: new Date() });
      const draft = { ...hostile, status: 'draft' as const, questionLv: 'Melnraksts par žirafēm', questionEn: 'Draft about giraffes' };
      await insertFaqEntry(platform.deps.db, { agency: 'vsaa', ...draft, ...searchColumns(draft), updatedBy: null, createdAt: new Date() });
    });
    after(() => platform.close());

    it('lists the published entries under their topics: <h2> per topic, <h3> per question, in Latvian by default', async () => {
      const res = await platform.app.inject('/vsaa/buj');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html lang="lv"/);
      assert.match(res.body, /<h1>Biežāk uzdotie jautājumi<\/h1>/);
      for (const topic of VSAA.topics) assert.ok(res.body.includes(`>${topic.name.lv}</h2>`), topic.name.lv);
      assert.equal(count(res.body, /<h3 id="faq-/), VSAA.entries.length + 1);
      assert.ok(res.body.includes(`${VSAA.entries[0]?.question.lv}</h3>`));
      assert.ok(!res.body.includes('žirafēm'), 'drafts are not public');
    });

    it('escapes HTML written into an entry', async () => {
      const res = await platform.app.inject('/vsaa/buj');
      assert.ok(res.body.includes('Vai &lt;script&gt;alert(1)&lt;/script&gt; kalambūrs'));
      assert.ok(!res.body.includes('<script>alert'));
      assert.ok(!res.body.includes('<b>treknu</b>'));
    });

    it('has a GET search form with a labelled input that works without JavaScript', async () => {
      const res = await platform.app.inject('/vsaa/buj');
      const form = /<form [^>]*>/.exec(res.body.slice(res.body.indexOf('<main')))?.[0] ?? '';
      assert.match(form, /method="get"/);
      assert.match(form, /action="\/vsaa\/buj"/);
      assert.match(res.body, /<label for="faq-q">Meklēt jautājumos un atbildēs<\/label>/);
      const input = /<input id="faq-q"[^>]*>/.exec(res.body)?.[0] ?? '';
      assert.match(input, /name="q"/);
      assert.match(input, /type="search"/);
    });

    it('is in English with ?lang=en', async () => {
      const res = await platform.app.inject('/vsaa/buj?lang=en');
      assert.match(res.body, /<html lang="en"/);
      assert.match(res.body, /<h1>Frequently asked questions<\/h1>/);
      assert.ok(res.body.includes(`${VSAA.entries[0]?.question.en.replace(/'/g, '&#x27;')}</h3>`));
      assert.ok(res.body.includes('>Pensions</h2>'));
      assert.match(res.body, /<input type="hidden" name="lang" value="en"/);
    });

    it('searches with ?q=, diacritics optional, and shows the highlighted matches', async () => {
      const res = await platform.app.inject(`/vsaa/buj?q=${encodeURIComponent('videokonsultacija')}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h2 id="faq-results">Meklēšanas rezultāti<\/h2>/);
      assert.match(res.body, /<mark>videokonsultācijai<\/mark>/i);
      assert.match(res.body, /value="videokonsultacija"/);
      assert.match(res.body, /href="\/vsaa\/buj#faq-[0-9a-f-]+"/);
    });

    it('highlights inside escaped text only', async () => {
      const res = await platform.app.inject(`/vsaa/buj?q=${encodeURIComponent('kalambūrs <script>')}`);
      assert.ok(res.body.includes('Vai &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; <mark>kalambūrs</mark>'));
      assert.ok(!res.body.includes('<script>'));
      assert.match(res.body, /value="kalambūrs &lt;script&gt;"/);
    });

    it('with no results, says so and suggests asking a question', async () => {
      const res = await platform.app.inject('/vsaa/buj?q=zzqqxx');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Vaicājumam «zzqqxx» nekas netika atrasts/);
      assert.match(res.body, /href="\/vsaa\/jautajums"/);
    });

    it('survives odd query strings', async () => {
      for (const url of ['/vsaa/buj?q=', '/vsaa/buj?q=%20%20', '/vsaa/buj?q=a&q=b', `/vsaa/buj?q=${'ā'.repeat(200)}`, '/vsaa/buj?q=%26%7C!()%3A*']) {
        const res = await platform.app.inject(url);
        assert.equal(res.statusCode, 200, url);
      }
    });

    it('sends a search longer than the 200 characters read to the search made, which then answers', async () => {
      const long = await platform.app.inject(`/vsaa/buj?q=${encodeURIComponent(`pensija ${'ā'.repeat(3000)}`)}`);
      assert.equal(long.statusCode, 303);
      const location = String(long.headers.location);
      assert.equal(new URL(location, 'http://x').searchParams.get('q'), `pensija ${'ā'.repeat(192)}`);
      assert.equal(long.body.includes('ā'.repeat(201)), false);
      const page = await platform.app.inject(location);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<mark>/);
      // The language switch is kept; a pair of UTF-16 halves is not cut in two; a cut of spaces only drops the search.
      const english = await platform.app.inject(`/vsaa/buj?lang=en&q=${'x'.repeat(300)}`);
      assert.equal(english.headers.location, `/vsaa/buj?q=${'x'.repeat(200)}&lang=en`);
      const emoji = await platform.app.inject(`/vsaa/buj?q=${encodeURIComponent(`${'a'.repeat(199)}😀b`)}`);
      assert.equal(emoji.headers.location, `/vsaa/buj?q=${'a'.repeat(199)}`);
      assert.equal((await platform.app.inject(String(emoji.headers.location))).statusCode, 200);
      const blank = await platform.app.inject(`/vsaa/buj?q=${'%20'.repeat(250)}`);
      assert.equal(blank.headers.location, '/vsaa/buj');
    });

    it('404 for an unknown agency', async () => {
      assert.equal((await platform.app.inject('/nav-tadas/buj')).statusCode, 404);
    });

    it('API lists published entries with topics', async () => {
      const res = await platform.app.inject('/api/v1/agencies/kase/faq');
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.lang, 'lv');
      assert.equal(body.query, null);
      assert.equal(body.entries.length, FAQ_SEEDS.kase?.entries.length);
      assert.deepEqual(body.hits, []);
      assert.deepEqual(
        body.topics.map((t: { id: string }) => t.id),
        ['konti', 'parakstu-kartites', 'e-pakalpojumi', 'maksajumi', 'citi'],
      );
      const topic = await platform.app.inject('/api/v1/agencies/kase/faq?topic=konti&lang=en');
      const entries = topic.json().entries as Array<{ topic: string; question: string }>;
      assert.ok(entries.length >= 2 && entries.every((e) => e.topic === 'konti'));
      assert.equal(entries[0]?.question, FAQ_SEEDS.kase?.entries[0]?.question.en);
    });

    it('API searches with q and hides drafts', async () => {
      const res = await platform.app.inject(`/api/v1/agencies/kase/faq?q=${encodeURIComponent('klasifikacijas kods')}`);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.query, 'klasifikacijas kods');
      assert.deepEqual(body.entries, []);
      assert.equal(body.hits[0].topic, 'maksajumi');
      assert.match(body.hits[0].questionHighlighted, /<mark>klasifikācijas<\/mark> <mark>kodu<\/mark>/);
      assert.ok(body.hits[0].answerSnippet.length > 0);
      assert.equal(typeof body.hits[0].score, 'number');
      const drafts = await platform.app.inject('/api/v1/agencies/vsaa/faq?q=zirafem');
      assert.deepEqual(drafts.json().hits, []);
    });

    it('the API is in the OpenAPI document under the knowledge-base tag', async () => {
      const doc = (await platform.app.inject('/api/openapi.json')).json();
      const operation = doc.paths['/api/v1/agencies/{slug}/faq']?.get;
      assert.deepEqual(operation?.tags, ['knowledge-base']);
      assert.ok(operation.parameters.some((p: { name: string }) => p.name === 'q'));
      assert.ok(doc.paths['/api/v1/staff/{agency}/faq/{id}']?.put);
    });

    it('API refuses bad parameters with 400 and field errors', async () => {
      const cases: Array<[string, string]> = [
        ['/api/v1/agencies/vsaa/faq?lang=de', 'lang'],
        ['/api/v1/agencies/vsaa/faq?topic=Nav%20tēma', 'topic'],
        ['/api/v1/agencies/vsaa/faq?topic=nav-tada', 'topic'],
        ['/api/v1/agencies/vsaa/faq?limit=0', 'limit'],
        ['/api/v1/agencies/vsaa/faq?foo=1', 'foo'],
        [`/api/v1/agencies/vsaa/faq?q=${'a'.repeat(1001)}`, 'q'],
      ];
      for (const [url, field] of cases) {
        const res = await platform.app.inject(url);
        assert.equal(res.statusCode, 400, url);
        assert.match(res.headers['content-type'] as string, /problem\+json/);
        assert.ok(res.json().errors.some((e: { field: string }) => e.field === field), `${url}: ${res.body}`);
      }
      assert.equal((await platform.app.inject('/api/v1/agencies/nav-tadas/faq')).statusCode, 404);
    });
  });
}
