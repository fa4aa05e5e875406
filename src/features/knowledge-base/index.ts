import { MANAGING_ROLES } from '../../platform/access/roles.ts';
import type { FeatureModule } from '../../platform/module.ts';
import { knowledgeBaseRoutes, knowledgeBaseStaffRoutes } from './faq.routes.ts';
import { faqMessages } from './faq.messages.ts';
import { seedKnowledgeBase } from './faq.seed.ts';

export const knowledgeBaseModule = {
  name: 'knowledge-base',
  messages: { lv: { faq: faqMessages.lv }, en: { faq: faqMessages.en } },
  permissions: { 'faq.edit': MANAGING_ROLES },
  publicRoutes: knowledgeBaseRoutes,
  staffRoutes: knowledgeBaseStaffRoutes,
  seed: seedKnowledgeBase,
  apiTags: [{ name: 'knowledge-base', description: 'Published questions and answers (FAQ), searchable in Latvian and English' }],
} satisfies FeatureModule;
