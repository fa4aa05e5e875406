import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import { sendReminders } from './reminders.service.ts';

/** Every hour of the working day (Riga time): reminders for the next working day's appointments, each once. */
export const appointmentReminderJob = defineJob('appointments.reminders', async (deps) => ({ sent: await sendReminders(deps) }), {
  cron: '5 8-18 * * *',
  tz: 'Europe/Riga',
  queue: { policy: 'singleton' },
});

/** Background jobs of the appointments feature (the module lists them; src/app/jobs.ts collects every module's); build each with defineJob. */
export const appointmentsJobs: readonly JobDefinition[] = [appointmentReminderJob];
