import type { FeatureModule } from '../../platform/module.ts';
import { outboxMessages } from './outbox.messages.ts';
import { outboxRoutes } from './outbox.plugin.ts';

export const outboxModule = {
  name: 'outbox',
  messages: { lv: { outbox: outboxMessages.lv }, en: { outbox: outboxMessages.en } },
  publicRoutes: outboxRoutes,
} satisfies FeatureModule;
