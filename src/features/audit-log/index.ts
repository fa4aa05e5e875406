import type { FeatureModule } from '../../platform/module.ts';
import { auditLogApi } from './audit-log.api.ts';
import { auditLogMessages } from './audit-log.messages.ts';
import { auditLogPages } from './audit-log.pages.tsx';

/** The agency's audit trail for auditors and administrators: a filtered page and the staff API. */
export const auditLogModule = {
  name: 'audit-log',
  messages: { lv: { auditLog: auditLogMessages.lv }, en: { auditLog: auditLogMessages.en } },
  permissions: { 'audit.read': ['auditor', 'administrator'] },
  staffRoutes: async (app, deps) => {
    await auditLogApi(app, deps);
    await auditLogPages(app, deps);
  },
} satisfies FeatureModule;
