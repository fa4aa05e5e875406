import { registerCatalogs } from '../platform/i18n/index.ts';
import { platformMessages } from '../platform/i18n/platform.messages.ts';
import { webMessages } from '../web/web.messages.ts';
import { MODULES } from './modules.ts';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type ModuleMessages = (typeof MODULES)[number] extends infer M ? (M extends { messages: infer C } ? C : never) : never;

/** The Latvian catalog: the platform's, the layout's and every feature's texts. */
export type AppCatalog = (typeof platformMessages)['lv'] & (typeof webMessages)['lv'] & UnionToIntersection<ModuleMessages extends { lv: infer L } ? L : never>;

function merged(lang: 'lv' | 'en'): Record<string, unknown> {
  const parts = [platformMessages[lang], webMessages[lang], ...MODULES.map((module) => ('messages' in module ? module.messages[lang] : {}))];
  const catalog: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [namespace, texts] of Object.entries(part)) {
      if (Object.hasOwn(catalog, namespace)) throw new Error(`message namespace ${namespace} declared twice`);
      catalog[namespace] = texts;
    }
  }
  return catalog;
}

export const catalogs = { lv: merged('lv'), en: merged('en') };
registerCatalogs(catalogs);

declare module '../platform/i18n/catalog.ts' {
  interface CatalogRegistry {
    catalog: AppCatalog;
  }
}
