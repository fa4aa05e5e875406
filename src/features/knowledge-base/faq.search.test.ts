import { markedTextHtml } from '../../web/marked-text.tsx';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runSeeds } from '../../app/bootstrap.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { countFaqEntries, insertFaqEntry } from './faq.repository.ts';
import { searchColumns, searchFaq } from './faq.service.ts';
import { FAQ_SEEDS } from './faq.topics.ts';

const AGENCY = 'search-test';

type Content = { questionLv: string; answerLv: string; questionEn?: string; answerEn?: string; status?: 'draft' | 'published' };

async function addEntry(platform: TestPlatform, content: Content, agency = AGENCY): Promise<string> {
  const values = {
    topic: 'general',
    status: content.status ?? ('published' as const),
    questionLv: content.questionLv,
    answerLv: content.answerLv,
    questionEn: content.questionEn ?? 'Question',
    answerEn: content.answerEn ?? 'Answer',
  };
  const row = await insertFaqEntry(platform.deps.db, { agency, ...values, ...searchColumns(values), updatedBy: null, createdAt: new Date() });
  return row.id;
}

for (const target of testTargets()) {
  describe(`knowledge base seed (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target);
    });
    after(() => platform.close());

    it('seeds at least 15 published entries per agency, every text in both languages, topics from the agency list', async () => {
      for (const agency of ['vsaa', 'kase']) {
        const seed = FAQ_SEEDS[agency];
        assert.ok(seed, agency);
        assert.ok(seed.entries.length >= 15, `${agency}: ${seed.entries.length}`);
        const topicIds = new Set(seed.topics.map((t) => t.id));
        for (const entry of seed.entries) {
          assert.ok(topicIds.has(entry.topic), `${agency}: unknown topic ${entry.topic}`);
          for (const text of [entry.question.lv, entry.question.en, entry.answer.lv, entry.answer.en]) assert.ok(text.trim().length > 10, text);
        }
        for (const topic of seed.topics) assert.ok(seed.entries.some((e) => e.topic === topic.id), `${agency}: empty topic ${topic.id}`);
        assert.equal(await countFaqEntries(platform.deps.db, agency), seed.entries.length);
      }
    });

    it('the Treasury topics are the phone consultation topics of its profile', () => {
      const profile = platform.deps.agencies.get('kase');
      assert.deepEqual(FAQ_SEEDS.kase?.topics.map((t) => t.id), profile?.phoneTopics.map((t) => t.id));
    });

    it('seeding again (a restart) adds nothing', async () => {
      const before = await countFaqEntries(platform.deps.db, 'vsaa');
      await runSeeds(platform.deps);
      await runSeeds(platform.deps);
      assert.equal(await countFaqEntries(platform.deps.db, 'vsaa'), before);
    });

    it('the seeded VSAA knowledge base answers everyday searches', async () => {
      const benefits = await searchFaq(platform.deps, 'vsaa', 'pabalsts', 'lv');
      assert.ok(benefits.length >= 3);
      assert.match(markedTextHtml(benefits[0]?.questionMarks ?? []), /<mark>pabalst\w*<\/mark>/i);
      const video = await searchFaq(platform.deps, 'vsaa', 'videokonsultacija', 'lv');
      assert.equal(video[0]?.topic, 'videokonsultacijas');
      const english = await searchFaq(platform.deps, 'kase', 'signature specimen card', 'en');
      assert.equal(english[0]?.topic, 'parakstu-kartites');
    });
  });

  describe(`searchFaq: Latvian-aware ranked search (${target})`, () => {
    let platform: TestPlatform;
    const ids: Record<string, string> = {};
    before(async () => {
      platform = await createTestPlatform(target);
      ids.plural = await addEntry(platform, { questionLv: 'Kādi pabalsti pienākas ģimenēm?', answerLv: 'Ģimenes var saņemt vairākus valsts atbalsta veidus.' });
      ids.accusative = await addEntry(platform, { questionLv: 'Kā saņemt vienreizēju atbalstu?', answerLv: 'Pieprasiet pabalstu, iesniedzot iesniegumu.' });
      ids.pension = await addEntry(platform, { questionLv: 'Kad tiek izmaksātas pensijas?', answerLv: 'Izmaksas datumi ir publicēti tīmekļvietnē.' });
      ids.noDiacritics = await addEntry(platform, { questionLv: 'Kur notiek pieteiksanas videozvanam?', answerLv: 'Pieraksts pa talruni.' });
      ids.diacritics = await addEntry(platform, { questionLv: 'Kāda ir apmeklējuma pieteikšanās kārtība?', answerLv: 'Zvaniet uz tālruni.' });
      ids.questionMatch = await addEntry(platform, { questionLv: 'Kā mainīt izmaksas kontu?', answerLv: 'Iesniedziet iesniegumu.' });
      ids.answerMatch = await addEntry(platform, { questionLv: 'Kas notiek pēc iesnieguma?', answerLv: 'Pēc tam jaunais izmaksas konts tiek reģistrēts.' });
      ids.draft = await addEntry(platform, { questionLv: 'Slepenais melnraksta jautājums par zebriem', answerLv: 'Vēl nav gatavs.', status: 'draft' });
      ids.script = await addEntry(platform, {
        questionLv: '<script>alert("x")</script> Vai pabalsts <b>tiek</b> aplikts ar nodokli?',
        answerLv: 'Atbilde ar <img src=x onerror=alert(1)> un pabalsta "citātu" & zīmēm.',
      });
      ids.english = await addEntry(platform, { questionLv: 'Ārzemju adrese', answerLv: 'Skatīt tīmekļvietni.', questionEn: 'Where are pensions paid abroad?', answerEn: 'See the applying section.' });
      await addEntry(platform, { questionLv: 'Citas iestādes pabalsts', answerLv: 'Nav šīs iestādes.' }, 'other-agency');
    });
    after(() => platform.close());

    const idsOf = (hits: Array<{ id: string }>) => hits.map((h) => h.id);

    it('"pabalsts" finds the entries that write pabalsti and pabalstu', async () => {
      const found = idsOf(await searchFaq(platform.deps, AGENCY, 'pabalsts', 'lv'));
      assert.ok(found.includes(ids.plural as string), 'pabalsti');
      assert.ok(found.includes(ids.accusative as string), 'pabalstu');
      assert.ok(!found.includes(ids.pension as string));
    });

    it('"pensija" matches "pensijas"', async () => {
      const hits = await searchFaq(platform.deps, AGENCY, 'pensija', 'lv');
      assert.deepEqual(idsOf(hits), [ids.pension]);
      assert.equal(markedTextHtml(hits[0]?.questionMarks ?? []), 'Kad tiek izmaksātas <mark>pensijas</mark>?');
    });

    it('a query without diacritics finds text with them, and the other way round', async () => {
      const plain = idsOf(await searchFaq(platform.deps, AGENCY, 'pieteiksanas', 'lv'));
      const marked = idsOf(await searchFaq(platform.deps, AGENCY, 'pieteikšanās', 'lv'));
      for (const found of [plain, marked]) {
        assert.ok(found.includes(ids.diacritics as string), 'finds pieteikšanās');
        assert.ok(found.includes(ids.noDiacritics as string), 'finds pieteiksanas');
      }
      assert.equal((await searchFaq(platform.deps, AGENCY, 'KĀRTĪBA', 'lv'))[0]?.id, ids.diacritics);
    });

    it('forgives a typo through trigram similarity', async () => {
      const found = idsOf(await searchFaq(platform.deps, AGENCY, 'pensjas', 'lv'));
      assert.ok(found.includes(ids.pension as string));
    });

    it('ranks a match in the question above a match only in the answer', async () => {
      const hits = await searchFaq(platform.deps, AGENCY, 'konts', 'lv');
      assert.deepEqual(idsOf(hits).slice(0, 2), [ids.questionMatch, ids.answerMatch]);
      assert.ok((hits[0]?.score ?? 0) > (hits[1]?.score ?? 0));
    });

    it('ranks an entry matching more of the words first', async () => {
      const hits = await searchFaq(platform.deps, AGENCY, 'mainīt izmaksas kontu', 'lv');
      assert.equal(hits[0]?.id, ids.questionMatch);
    });

    it('hides drafts unless asked, and never shows another agency', async () => {
      assert.deepEqual(await searchFaq(platform.deps, AGENCY, 'zebriem', 'lv'), []);
      assert.deepEqual(idsOf(await searchFaq(platform.deps, AGENCY, 'zebriem', 'lv', { includeDrafts: true })), [ids.draft]);
      const found = await searchFaq(platform.deps, AGENCY, 'iestādes', 'lv');
      assert.ok(found.every((h) => h.id !== undefined && !h.question.includes('Citas iestādes')));
    });

    it('escapes HTML in the content and marks the matches', async () => {
      const hit = (await searchFaq(platform.deps, AGENCY, 'pabalsts nodoklis', 'lv')).find((h) => h.id === ids.script);
      assert.ok(hit);
      assert.equal(hit.question, '<script>alert("x")</script> Vai pabalsts <b>tiek</b> aplikts ar nodokli?');
      assert.equal(
        markedTextHtml(hit.questionMarks),
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Vai <mark>pabalsts</mark> &lt;b&gt;tiek&lt;/b&gt; aplikts ar <mark>nodokli</mark>?',
      );
      assert.equal(markedTextHtml(hit.answerMarks), 'Atbilde ar &lt;img src=x onerror=alert(1)&gt; un <mark>pabalsta</mark> &quot;citātu&quot; &amp; zīmēm.');
    });

    it('searches the English texts with lang=en', async () => {
      const hits = await searchFaq(platform.deps, AGENCY, 'pension', 'en');
      assert.deepEqual(idsOf(hits), [ids.english]);
      assert.equal(markedTextHtml(hits[0]?.questionMarks ?? []), 'Where are <mark>pensions</mark> paid abroad?');
    });

    it('empty, blank, punctuation-only and hostile queries give [] or results, never an error', async () => {
      for (const query of ['', '   ', '\n\t', '?!…', '&|!():*', "'; drop table faq_entries; --", '\u0000', '<->']) {
        const hits = await searchFaq(platform.deps, AGENCY, query, 'lv');
        assert.ok(Array.isArray(hits), JSON.stringify(query));
      }
      assert.deepEqual(await searchFaq(platform.deps, AGENCY, '  ', 'lv'), []);
      assert.ok((await searchFaq(platform.deps, AGENCY, 'pabalsts & !pensija', 'lv')).length > 0);
      assert.deepEqual(await searchFaq(platform.deps, AGENCY, undefined as unknown as string, 'lv'), []);
    });

    it('reads only the first 200 characters of a long query and honours the limit', async () => {
      const long = `pensija ${'x'.repeat(5000)}`;
      assert.deepEqual(idsOf(await searchFaq(platform.deps, AGENCY, long, 'lv')), [ids.pension]);
      const cut = `${'x'.repeat(200)} pensija`;
      assert.deepEqual(await searchFaq(platform.deps, AGENCY, cut, 'lv'), []);
      assert.equal((await searchFaq(platform.deps, AGENCY, 'pabalsts', 'lv', { limit: 1 })).length, 1);
      assert.ok((await searchFaq(platform.deps, AGENCY, 'pabalsts', 'lv', { limit: -5 })).length <= 1);
    });
  });
}
