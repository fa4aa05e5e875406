import type { FeatureModule } from '../../platform/module.ts';
import { auditLogRoutes } from './audit-log.routes.tsx';

export const auditLogModule = {
  name: 'audit-log',
  permissions: { 'audit.read': ['auditor', 'administrator'] },
  staffRoutes: auditLogRoutes,
} satisfies FeatureModule;
