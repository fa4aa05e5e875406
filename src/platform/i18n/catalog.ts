import type { platformMessages } from './platform.messages.ts';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/**
 * The app's Latvian catalog type. Here only the platform's own texts; the composition root
 * (src/app/catalogs.ts) augments it with every feature's messages, so each message key is checked.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CatalogRegistry {}

type RegisteredCatalog = CatalogRegistry extends { catalog: infer C } ? C : (typeof platformMessages)['lv'];

/** The shape every language's catalog must have: Latvian's keys, any strings. */
export type Catalog = Widen<RegisteredCatalog>;

type Join<K extends string, P extends string> = P extends '' ? K : `${K}.${P}`;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : Join<K, Paths<T[K]>>;
}[keyof T & string];

/** Every message key, e.g. "contacts.openNow". */
export type MessageKey = Paths<Catalog>;
