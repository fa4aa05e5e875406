import type { FeatureModule } from '../../platform/module.ts';
import { registerOutboxSource } from '../outbox/index.ts';
import { integrationCommands } from './integrations.cli.ts';
import { integrationsApi } from './integrations.api.ts';
import { integrationsJobs } from './integrations.jobs.ts';
import { integrationsMessages } from './integrations.messages.ts';
import { integrationCallbacksOutboxSource } from './integrations.outbox-source.ts';
import { integrationsPages } from './integrations.pages.tsx';
import { integrationsPermissions } from './integrations.permissions.ts';

// Callbacks are listed on /staff/outbox beside the mail (the outbox's seam; it imports nothing of ours).
registerOutboxSource(integrationCallbacksOutboxSource);

/** Machine channels: the official e-address and Latvija.lv through an agency's integration gateway. */
export const integrationsModule = {
  name: 'integrations',
  messages: { lv: { integrations: integrationsMessages.lv }, en: { integrations: integrationsMessages.en } },
  permissions: integrationsPermissions,
  publicRoutes: integrationsApi,
  staffRoutes: integrationsPages,
  jobs: integrationsJobs,
  cli: { integration: integrationCommands },
  apiTags: [{ name: 'integrations', description: 'Documents delivered by an agency’s integration gateway (official e-address, Latvija.lv), with an integration key' }],
} satisfies FeatureModule;
