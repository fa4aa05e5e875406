import type { lv } from './lv.ts';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language's catalog must have: Latvian's keys, any strings. */
export type Catalog = Widen<typeof lv>;

type Join<K extends string, P extends string> = P extends '' ? K : `${K}.${P}`;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : Join<K, Paths<T[K]>>;
}[keyof T & string];

/** Every message key, e.g. "contacts.openNow". */
export type MessageKey = Paths<Catalog>;
