import type { ParseArgsConfig } from 'node:util';
import { preparePlatform } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import type { AppDeps } from './deps.ts';

export type CliCommand = {
  usage: string;
  description: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the process exit code. */
  run: (values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number>;
};

export type CliGroup = Record<string, CliCommand>;

/** Opens the configured database (as `npm start` would), runs `work`, closes it. */
export async function withPlatform<T>(work: (deps: AppDeps) => Promise<T>): Promise<T> {
  const { deps, database } = await preparePlatform(loadConfig());
  try {
    return await work(deps);
  } finally {
    await database.close();
  }
}

export function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function err(text: string): void {
  process.stderr.write(`${text}\n`);
}
