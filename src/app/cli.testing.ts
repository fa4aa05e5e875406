import type { OpenPlatform } from '../platform/cli-command.ts';
import { runCli } from './cli.ts';

/** The command line run in this process as bin/apkalpe.mjs runs it, on the platform `withPlatform` opens: its exit code and what it printed. */
export async function runCommandLine(args: string[], withPlatform: OpenPlatform): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, { withPlatform, out: (line) => stdout.push(line), err: (line) => stderr.push(line) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
