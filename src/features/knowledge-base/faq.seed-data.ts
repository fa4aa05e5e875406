import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { projectPath } from '../../platform/paths.ts';
import { LocalizedTextSchema } from '../agencies/agency-profile.schema.ts';

/**
 * Where each agency's first knowledge base is kept: agencies/faq/<slug>.yaml, beside the profiles (agencies are data).
 * Found from the project's root, not from this module's place: in the production bundle that place is dist/.
 */
export const FAQ_SEED_DIR = projectPath('agencies', 'faq');

const FaqTopicSchema = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: LocalizedTextSchema }).strict();

export const FaqSeedSchema = z
  .object({
    topics: z.array(FaqTopicSchema).min(1),
    entries: z.array(z.object({ topic: z.string(), question: LocalizedTextSchema, answer: LocalizedTextSchema }).strict()).min(1),
  })
  .strict()
  .superRefine((seed, ctx) => {
    const topics = new Set(seed.topics.map((t) => t.id));
    seed.entries.forEach((entry, i) => {
      if (!topics.has(entry.topic)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'topic'], message: `unknown topic ${entry.topic}` });
    });
  });

export type FaqSeed = z.infer<typeof FaqSeedSchema>;

/** An agency's seed file, checked; undefined when the agency has none. A broken file stops the start, naming it. */
export function readFaqSeed(slug: string, dir = FAQ_SEED_DIR): FaqSeed | undefined {
  const file = join(dir, `${slug}.yaml`);
  if (!existsSync(file)) return undefined;
  const result = FaqSeedSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

/** Every agency's seed file in `dir`, by slug. */
export function readAllFaqSeeds(dir = FAQ_SEED_DIR): Record<string, FaqSeed> {
  if (!existsSync(dir)) return {};
  const slugs = readdirSync(dir).flatMap((name) => (name.endsWith('.yaml') ? [name.slice(0, -'.yaml'.length)] : []));
  return Object.fromEntries(slugs.map((slug) => [slug, readFaqSeed(slug, dir) as FaqSeed]));
}
