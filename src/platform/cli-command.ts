import type { ParseArgsConfig } from 'node:util';
import type { AppDeps } from './deps.ts';

export type CliCommand = {
  usage: string;
  description: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the process exit code. */
  run: (values: Record<string, string | boolean | undefined>, positionals: string[], context: CliContext) => Promise<number>;
};

export type CliGroup = Record<string, CliCommand>;

/** Opens the configured database (as `npm start` would), runs `work`, closes it. */
export type OpenPlatform = <T>(work: (deps: AppDeps) => Promise<T>) => Promise<T>;

/** What the command line gives a command: the platform, opened on demand (src/app/cli.ts), and where to write. */
export type CliContext = { withPlatform: OpenPlatform; out: (text: string) => void; err: (text: string) => void };

export function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function err(text: string): void {
  process.stderr.write(`${text}\n`);
}
