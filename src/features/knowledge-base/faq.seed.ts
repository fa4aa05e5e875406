import { withTransaction } from '../../platform/db/transaction.ts';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { claimSetting } from '../../platform/settings.repository.ts';
import { insertFaqEntries, insertFaqRevisions } from './faq.repository.ts';
import { searchColumns } from './faq.service.ts';
import { FAQ_SEEDS, type FaqSeed } from './faq.topics.ts';

function seedRows(agency: string, seed: FaqSeed, now: number) {
  return seed.entries.map((item, i) => {
    const content = {
      topic: item.topic,
      status: 'published' as const,
      questionLv: item.question.lv,
      answerLv: item.answer.lv,
      questionEn: item.question.en,
      answerEn: item.answer.en,
    };
    // One millisecond apart, so that listing by creation time keeps the order of the data file.
    return { id: randomUUID(), agency, content, createdAt: new Date(now + i) };
  });
}

/**
 * Seeds each agency's knowledge base once, published, for the agencies that exist and have seed
 * data. The marker setting is claimed in the same transaction, so concurrent starts seed once and
 * entries deleted or edited later are never put back. Each entry gets its first revision.
 */
export async function seedKnowledgeBase(deps: Pick<AppDeps, 'db' | 'agencies'>): Promise<void> {
  for (const [agency, seed] of Object.entries(FAQ_SEEDS)) {
    if (!deps.agencies.get(agency)) continue;
    await withTransaction(deps.db, async (db) => {
      const now = Date.now();
      if (!(await claimSetting(db, `faq_seeded:${agency}`, new Date(now).toISOString()))) return;
      const rows = seedRows(agency, seed, now);
      await insertFaqEntries(
        db,
        rows.map(({ id, content, createdAt }) => ({ id, agency, ...content, ...searchColumns(content), updatedBy: null, createdAt })),
      );
      await insertFaqRevisions(
        db,
        rows.map(({ id, content, createdAt }) => ({ entryId: id, version: 1, snapshot: content, changedBy: null, changedAt: createdAt })),
      );
    });
  }
}
