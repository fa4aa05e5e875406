import { installPermissions, type PermissionTable } from '../platform/access/policy.ts';
import { MODULES } from './modules.ts';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type ModulePermissions = UnionToIntersection<NonNullable<(typeof MODULES)[number] extends infer M ? (M extends { permissions: infer P } ? P : never) : never>>;

/** The one permission table: every feature's permissions, each name declared once. */
export function permissionTable(): PermissionTable {
  const table: Record<string, PermissionTable[string]> = {};
  for (const module of MODULES) {
    for (const [name, roles] of Object.entries('permissions' in module ? module.permissions : {})) {
      if (Object.hasOwn(table, name)) throw new Error(`permission ${name} declared twice (module ${module.name})`);
      table[name] = roles;
    }
  }
  return table;
}

installPermissions(permissionTable());

declare module '../platform/access/policy.ts' {
  interface PermissionRegistry extends Record<keyof ModulePermissions, true> {}
}
