// Operator command line: `npx apkalpe <group> <command> [options]` (the commands come from the feature modules).
import { runCli, withPlatform } from './app/cli.ts';
import { err, out } from './platform/cli-command.ts';

runCli(process.argv.slice(2), { withPlatform, out, err }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
