import type { FeatureModule } from '../../platform/module.ts';
import './agencies.deps.ts';
import { agenciesCommands } from './agencies.cli.ts';
import { agenciesMessages } from './agencies.messages.ts';
import { agenciesPages } from './agencies.pages.tsx';
import { agenciesRoutes } from './agencies.api.ts';

export const agenciesModule = {
  name: 'agencies',
  messages: agenciesMessages,
  publicRoutes: agenciesRoutes,
  // /:agency and its pages are the catch-all of the portal: registered after every other feature.
  fallbackRoutes: agenciesPages,
  cli: { agencies: agenciesCommands },
  apiTags: [{ name: 'agencies', description: 'Agency profiles: the published client service standards' }],
} satisfies FeatureModule;
