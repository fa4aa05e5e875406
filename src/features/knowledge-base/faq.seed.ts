import type { AppDeps } from '../../platform/deps.ts';

/** Seeds each agency's knowledge base once. */
export async function seedKnowledgeBase(_deps: Pick<AppDeps, 'db' | 'agencies'>): Promise<void> {}
