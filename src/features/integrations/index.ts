import type { FeatureModule } from '../../platform/module.ts';
import { integrationCommands } from './integrations.cli.ts';
import { integrationsApi } from './integrations.api.ts';
import { integrationsJobs } from './integrations.jobs.ts';
import { integrationsMessages } from './integrations.messages.ts';
import { integrationsPages } from './integrations.pages.tsx';
import { integrationsPermissions } from './integrations.permissions.ts';

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
