import { sql } from 'drizzle-orm';
import { rigaToday, type Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';

export const FLOW_STEPS = {
  'question-form': ['started', 'suggested', 'filed-after-suggestions', 'filed'],
  booking: ['started', 'finished'],
} as const;
export type Flow = keyof typeof FLOW_STEPS;
export type FlowStep<F extends Flow> = (typeof FLOW_STEPS)[F][number];

/**
 * One more occurrence of a flow step today (Riga day): a counter, nothing about who — no session, no IP,
 * no cookie. A failure to count never fails the client's request.
 */
export async function countFlowStep<F extends Flow>(deps: { db: Database; clock: Clock }, agency: string, flow: F, step: FlowStep<F>): Promise<void> {
  try {
    await deps.db.execute(sql`insert into standard_flow_counts (agency, day, flow, step, n) values (${agency}, ${rigaToday(deps.clock)}, ${flow}, ${step}, 1)
      on conflict (agency, day, flow, step) do update set n = standard_flow_counts.n + 1`);
  } catch {
    // Counting is best effort: the form works whether or not the counter could be written.
  }
}
