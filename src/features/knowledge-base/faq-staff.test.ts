import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { addStaff, signedIn } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { listFaqEntries } from './faq.repository.ts';




async function auditFor(platform: TestPlatform, recordId: string): Promise<Array<{ action: string; agency: string; actor_label: string }>> {
  const result = await platform.deps.db.execute(
    sql`select action, agency, actor_label from audit_log where record_type = 'faq_entry' and record_id = ${recordId} order by id`,
  );
  return (result as unknown as { rows: Array<{ action: string; agency: string; actor_label: string }> }).rows;
}

const ENTRY = {
  topic: 'pabalsti',
  status: 'draft',
  questionLv: 'Vai ir jauns bēbju pūķa pabalsts?',
  answerLv: 'Jā, pūķu pabalsti ir aprakstīti tīmekļvietnē.',
  questionEn: 'Is there a new baby dragon benefit?',
  answerEn: 'Yes, dragon benefits are described on the website.',
};

const idFromLocation = (location: unknown) => /\/staff\/vsaa\/buj\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

for (const target of testTargets()) {
  describe(`knowledge base: staff editing (${target})`, () => {
    let platform: TestPlatform;
    let supervisor: TestBrowser;
    let specialist: TestBrowser;
    let entryId = '';
    let kaseEntryId = '';
    before(async () => {
      platform = await createTestPlatform(target);
      await addStaff(platform, 'vaditajs@vsaa.test', 'vsaa', 'supervisor', 'Name vaditajs');
      await addStaff(platform, 'specialists@vsaa.test', 'vsaa', 'specialist', 'Name specialists');
      await addStaff(platform, 'admin@kase.test', 'kase', 'administrator', 'Name admin');
      supervisor = await signedIn(platform, 'vaditajs@vsaa.test');
      specialist = await signedIn(platform, 'specialists@vsaa.test');
      kaseEntryId = (await listFaqEntries(platform.deps.db, 'kase', { publishedOnly: false }))[0]?.id ?? '';
    });
    after(() => platform.close());

    it('staff pages need a session', async () => {
      const res = await platform.app.inject('/staff/vsaa/buj');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/staff/login?next=%2Fstaff%2Fvsaa%2Fbuj');
    });

    it('every role reads the list with status and last change', async () => {
      const res = await specialist.get('/staff/vsaa/buj');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Biežāk uzdotie jautājumi: pārvaldība/);
      assert.match(res.body, /publicēts/);
      assert.match(res.body, /sistēma \(sākotnējie dati\)/);
      assert.match(res.body, /Jautājumus var pievienot un labot tikai vadītāji un administratori/);
      assert.doesNotMatch(res.body, /href="\/staff\/vsaa\/buj\/jauns"/);
    });

    it('a specialist cannot create or edit (403), by page or API', async () => {
      assert.equal((await specialist.get('/staff/vsaa/buj/jauns')).statusCode, 403);
      const seeded = (await listFaqEntries(platform.deps.db, 'vsaa', { publishedOnly: true }))[0];
      assert.ok(seeded);
      const page = `/staff/vsaa/buj/${seeded.id}`;
      const create = await specialist.submitForm(page, '/staff/vsaa/buj/jauns', ENTRY);
      assert.equal(create.statusCode, 403);
      const edit = await specialist.submitForm(page, page, { ...ENTRY, version: String(seeded.version) });
      assert.equal(edit.statusCode, 403);
      const api = await specialist.request({ method: 'POST', url: '/api/v1/staff/vsaa/faq', json: ENTRY });
      assert.equal(api.statusCode, 403);
      assert.equal((await listFaqEntries(platform.deps.db, 'vsaa', { publishedOnly: false })).length, (await listFaqEntries(platform.deps.db, 'vsaa', { publishedOnly: true })).length);
    });

    it('a supervisor creates a draft, which is not public', async () => {
      const res = await supervisor.submitForm('/staff/vsaa/buj/jauns', '/staff/vsaa/buj/jauns', ENTRY);
      assert.equal(res.statusCode, 303);
      entryId = idFromLocation(res.headers.location);
      assert.ok(entryId);
      const page = await supervisor.get(String(res.headers.location));
      assert.match(page.body, /Jautājums izveidots/);
      assert.match(page.body, /value="Vai ir jauns bēbju pūķa pabalsts\?"/);
      assert.doesNotMatch((await platform.app.inject('/vsaa/buj')).body, /pūķa/);
      assert.doesNotMatch((await platform.app.inject('/vsaa/buj?q=puka')).body, /pūķa/);
      assert.doesNotMatch((await platform.app.inject('/api/v1/agencies/vsaa/faq?q=puka')).body, /pūķa/);
      assert.match((await supervisor.get('/staff/vsaa/buj')).body, /pūķa pabalsts\?<\/a><\/td><td>Pabalsti un atlīdzības<\/td><td>melnraksts<\/td><td>1<\/td>/);
      const staffSearch = await specialist.get('/staff/vsaa/buj?q=puka');
      assert.match(staffSearch.body, /<mark>pūķa<\/mark> pabalsts\?<\/a> \(melnraksts\)/, 'staff search finds drafts');
    });

    it('publishing makes it public and findable, with a revision and an audit row per change', async () => {
      const page = `/staff/vsaa/buj/${entryId}`;
      const res = await supervisor.submitForm(page, page, { ...ENTRY, status: 'published', version: '1' });
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /\?saved=1$/);
      assert.match((await platform.app.inject('/vsaa/buj')).body, /Vai ir jauns bēbju pūķa pabalsts\?<\/h3>/);
      const hits = (await platform.app.inject('/api/v1/agencies/vsaa/faq?q=puka%20pabalsts')).json().hits;
      assert.equal(hits[0].id, entryId);
      const audit = await auditFor(platform, entryId);
      assert.deepEqual(audit.map((a) => a.action), ['faq.created', 'faq.published']);
      assert.ok(audit.every((a) => a.agency === 'vsaa' && a.actor_label === 'vaditajs@vsaa.test'));
    });

    it('an edit adds a version; the history shows who, when and which version', async () => {
      const page = `/staff/vsaa/buj/${entryId}`;
      const res = await supervisor.submitForm(page, page, { ...ENTRY, status: 'published', questionLv: 'Vai pūķa pabalsts ir jauns?', version: '2' });
      assert.equal(res.statusCode, 303);
      const body = (await supervisor.get(page)).body;
      assert.match(body, /Izmaiņu vēsture/);
      for (const version of [1, 2, 3]) assert.match(body, new RegExp(`<tr><td>${version}</td><td><time`));
      assert.equal(body.match(/<td>Name vaditajs/g)?.length, 3, 'three revisions by the supervisor in the history');
      assert.match(body, /<input type="hidden" name="version" value="3"\/>/);
      assert.deepEqual((await auditFor(platform, entryId)).map((a) => a.action), ['faq.created', 'faq.published', 'faq.updated']);
    });

    it('an edit based on a stale version is refused with a clear message and changes nothing', async () => {
      const page = `/staff/vsaa/buj/${entryId}`;
      const res = await supervisor.submitForm(page, page, { ...ENTRY, status: 'published', questionLv: 'Novecojis labojums', version: '2' });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /šo ierakstu saglabāja kāds cits \(tagad versija 3\)/);
      assert.match(res.body, /Pašlaik saglabātais teksts \(versija 3\)/);
      assert.match(res.body, /value="Novecojis labojums"/, 'what the user typed is kept');
      const [row] = (await listFaqEntries(platform.deps.db, 'vsaa', { publishedOnly: false })).filter((e) => e.id === entryId);
      assert.equal(row?.version, 3);
      assert.equal(row?.questionLv, 'Vai pūķa pabalsts ir jauns?');
      const api = await supervisor.request({ method: 'PUT', url: `/api/v1/staff/vsaa/faq/${entryId}`, json: { ...ENTRY, version: 1 } });
      assert.equal(api.statusCode, 409);
      assert.equal(api.json().currentVersion, 3);
    });

    it("another agency's entry is a 404, never shown or changed", async () => {
      assert.ok(kaseEntryId);
      assert.equal((await supervisor.get(`/staff/vsaa/buj/${kaseEntryId}`)).statusCode, 404);
      const page = `/staff/vsaa/buj/${entryId}`;
      const post = await supervisor.submitForm(page, `/staff/vsaa/buj/${kaseEntryId}`, { ...ENTRY, topic: 'pabalsti', version: '1' });
      assert.equal(post.statusCode, 404);
      const api = await supervisor.request({ method: 'PUT', url: `/api/v1/staff/vsaa/faq/${kaseEntryId}`, json: { ...ENTRY, version: 1 } });
      assert.equal(api.statusCode, 404);
      assert.equal((await supervisor.get('/staff/vsaa/buj/nav-uuid')).statusCode, 404);
      assert.equal((await supervisor.get('/staff/kase/buj')).statusCode, 403);
      const kase = (await listFaqEntries(platform.deps.db, 'kase', { publishedOnly: false })).find((e) => e.id === kaseEntryId);
      assert.equal(kase?.version, 1);
    });

    it('bad input comes back with an error summary and field errors, nothing saved', async () => {
      const before = (await listFaqEntries(platform.deps.db, 'vsaa', { publishedOnly: false })).length;
      const empty = await supervisor.submitForm('/staff/vsaa/buj/jauns', '/staff/vsaa/buj/jauns', { ...ENTRY, questionLv: '   ', topic: 'nav-tada' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Lūdzu, izlabojiet kļūdas/);
      assert.match(empty.body, /href="#field-questionLv"/);
      assert.match(empty.body, /id="field-questionLv-error"/);
      assert.match(empty.body, /Izvēlieties tēmu no saraksta/);
      const long = await supervisor.submitForm('/staff/vsaa/buj/jauns', '/staff/vsaa/buj/jauns?lang=en', { ...ENTRY, answerEn: 'x'.repeat(5001) });
      assert.equal(long.statusCode, 400);
      assert.match(long.body, /The answer must not be longer than 5000 characters/);
      assert.match(long.body, /href="#field-answerEn"/);
      assert.equal((await listFaqEntries(platform.deps.db, 'vsaa', { publishedOnly: false })).length, before);
      const api = await supervisor.request({ method: 'POST', url: '/api/v1/staff/vsaa/faq', json: { ...ENTRY, questionEn: '' } });
      assert.equal(api.statusCode, 400);
      assert.ok(api.json().errors.some((e: { field: string }) => e.field === 'questionEn'));
    });

    it('HTML and script in the fields are stored as text and shown escaped everywhere', async () => {
      const hostile = { ...ENTRY, status: 'published', questionLv: '<script>alert("q")</script> Ūdensrozes?', answerLv: '<img src=x onerror=alert(1)> ūdensrozes' };
      const res = await supervisor.submitForm('/staff/vsaa/buj/jauns', '/staff/vsaa/buj/jauns', hostile);
      assert.equal(res.statusCode, 303);
      const staffPage = (await supervisor.get(String(res.headers.location))).body;
      const publicPage = (await platform.app.inject('/vsaa/buj')).body;
      const search = (await platform.app.inject('/vsaa/buj?q=udensrozes')).body;
      for (const body of [staffPage, publicPage, search]) {
        assert.doesNotMatch(body, /<script>alert|<img src=x/);
        assert.match(body, /&lt;script&gt;/);
      }
      assert.match(search, /<mark>Ūdensrozes<\/mark>/);
    });

    it('the JSON staff API creates and updates with versions', async () => {
      const kase = await signedIn(platform, 'admin@kase.test');
      const created = await kase.request({ method: 'POST', url: '/api/v1/staff/kase/faq', json: { ...ENTRY, topic: 'citi' } });
      assert.equal(created.statusCode, 201);
      const entry = created.json();
      assert.equal(entry.version, 1);
      const updated = await kase.request({ method: 'PUT', url: `/api/v1/staff/kase/faq/${entry.id}`, json: { ...ENTRY, topic: 'citi', status: 'published', version: 1 } });
      assert.equal(updated.statusCode, 200);
      assert.equal(updated.json().version, 2);
      const list = await kase.get('/api/v1/staff/kase/faq');
      assert.ok(list.json().entries.some((e: { id: string; status: string }) => e.id === entry.id && e.status === 'published'));
      assert.deepEqual((await auditFor(platform, entry.id)).map((a) => [a.action, a.agency]), [['faq.created', 'kase'], ['faq.published', 'kase']]);
    });
  });
}
