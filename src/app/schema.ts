// Every table of the app, for drizzle-kit (drizzle.config.ts) and for code that needs the whole schema.
// Each feature owns its tables in <feature>.tables.ts; adding a feature with tables adds one line here.
export * from '../platform/db/tables.ts';
export * from '../features/staff/staff.tables.ts';
export * from '../features/calendar/calendar.tables.ts';
export * from '../features/knowledge-base/faq.tables.ts';
export * from '../features/inquiries/inquiries.tables.ts';
export * from '../features/appointments/appointments.tables.ts';
export * from '../features/queue/queue.tables.ts';
export * from '../features/feedback/feedback.tables.ts';
export * from '../features/phone/phone.tables.ts';
export * from '../features/registers/registers.tables.ts';
export * from '../features/integrations/integrations.tables.ts';
export * from '../features/privacy/privacy.tables.ts';
export * from '../features/standard-figures/standard-figures.tables.ts';
