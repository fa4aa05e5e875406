import type { AuditOrigin } from '../../platform/audit/audit.ts';
import type { CliGroup, OpenPlatform } from '../../platform/cli-command.ts';
import { runRetention, type RetentionResult } from './retention.service.ts';

export const RETENTION_CLI_ORIGIN: AuditOrigin = { actorId: null, actorLabel: 'cli:retention-run', ip: null };

type Output = { out: (text: string) => void; err: (text: string) => void };

export function formatRetention(result: RetentionResult): string[] {
  const lines = [`${result.dryRun ? 'Dry run' : 'Retention run'} ${result.runId}:`];
  for (const line of result.lines) {
    const held = line.held ? `, ${line.held} on legal hold` : '';
    const verb = result.dryRun ? `would ${line.action}` : `${line.action === 'delete' ? 'deleted' : 'anonymised'}`;
    lines.push(`  ${line.agency ?? 'platform'} ${line.kind} (${line.table}): ${verb} ${line.count}${result.dryRun ? '' : ` in ${line.batches} batch(es)`}${held}`);
  }
  return lines;
}

/** `retention run [--dry-run]`, with output and database injectable for tests. */
export async function runRetentionCommand(dryRun: boolean, io: Output, open: OpenPlatform): Promise<number> {
  const result = await open((deps) => runRetention(deps, { dryRun, origin: RETENTION_CLI_ORIGIN }));
  for (const line of formatRetention(result)) io.out(line);
  return 0;
}

export const retentionCommands: CliGroup = {
  run: {
    usage: '[--dry-run]',
    description: 'Applies the agencies\' retention settings now (anonymise or delete expired records, purge whole expired audit months); --dry-run only counts.',
    options: { 'dry-run': { type: 'boolean' } },
    run: (values, _positionals, context) => runRetentionCommand(values['dry-run'] === true, context, context.withPlatform),
  },
};
