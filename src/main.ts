import { AgencyProfileError } from './features/agencies/agency-profile.loader.ts';
import type { EmailIntake } from './features/inquiries/email-intake/email-intake.server.ts';
import { createDemoUsers, DEMO_PASSWORD } from './features/staff/demo-users.ts';
import { checkTrustedList } from './features/signatures/signatures.service.ts';
import { buildApplication } from './app/app.ts';
import { preparePlatform } from './app/bootstrap.ts';
import { APP_JOBS } from './app/jobs.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { startJobs, type JobRunner } from './platform/jobs/jobs.ts';
import { runPrimary, workerNumber } from './platform/workers.ts';
import { bufferedLogDestination } from './platform/http/log-destination.ts';
import cluster from 'node:cluster';

async function main(): Promise<void> {
  const config = loadConfig();
  await checkTrustedList(config); // a trusted list whose signature does not verify stops the start (TRUSTED_LIST_FILE)
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config.workers);
  const first = workerNumber() === 1;
  const { deps, database } = await preparePlatform(config);
  const logStream = bufferedLogDestination(1);
  const app = await buildApplication(deps, { logger: { stream: logStream } });

  const demoUsers = database.kind === 'pglite' ? await createDemoUsers(deps, deps.agencies.list().map((a) => a.slug)) : [];

  let jobs: JobRunner | undefined;
  let intake: EmailIntake | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close(); // stops accepting, waits for in-flight requests
    await intake?.close(); // stops accepting mail, waits for the messages being filed
    await jobs?.stop(); // active jobs finish; nothing touches the database after this
    await database.close();
    app.log.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  jobs = await startJobs(deps, database, { jobs: APP_JOBS, log: app.log });
  if (config.smtpIntakePort && first) {
    // Loaded once the server answers: the mail parser is a tenth of the start's module loading.
    const { startEmailIntake } = await import('./features/inquiries/email-intake/email-intake.server.ts');
    intake = await startEmailIntake(deps, { port: config.smtpIntakePort, host: config.host, log: app.log });
  }
  const where = database.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
  const lines = [
    '',
    `Apkalpe is running: http://localhost:${port}`,
    `Database: ${where}`,
    `Agencies: ${deps.agencies.list().map((a) => a.slug).join(', ')}`,
    `Staff sign-in: http://localhost:${port}/staff`,
  ];
  if (intake) lines.push(`E-mail intake (SMTP): port ${intake.port}`);
  if (database.kind === 'pglite') {
    lines.push(
      demoUsers.length > 0 ? 'Demo staff users created (password for all of them below):' : 'Demo staff users (created on first start):',
      '  <role>.<agency>@demo.apkalpe.lv  roles: specialist, supervisor, administrator, auditor; agencies: ' +
        deps.agencies.list().map((a) => a.slug).join(', '),
      `  e.g. supervisor.vsaa@demo.apkalpe.lv / ${DEMO_PASSWORD}`,
    );
  }
  if (config.workers > 1) lines.push(`Server processes: ${config.workers} (WORKERS)`);
  if (config.databaseReadUrl) lines.push('Read replica: DATABASE_READ_URL');
  if (first) process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof AgencyProfileError || error instanceof ConfigError) {
    process.stderr.write(`Apkalpe cannot start.\n${error.message}\n`);
  } else {
    process.stderr.write(`Apkalpe cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
