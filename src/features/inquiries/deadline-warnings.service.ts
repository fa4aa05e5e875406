import type { AppDeps } from '../../platform/deps.ts';

/** Warns assignees and supervisors of inquiries whose deadline is near; returns how many warnings were queued. */
export async function sendDeadlineWarnings(_deps: Pick<AppDeps, 'db' | 'clock' | 'agencies' | 'config'>): Promise<number> {
  return 0;
}
