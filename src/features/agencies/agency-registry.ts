import type { AgencyProfile } from './agency-profile.schema.ts';

/** The loaded agency profiles, by slug. */
export type AgencyRegistry = {
  list: () => readonly AgencyProfile[];
  get: (slug: string) => AgencyProfile | undefined;
};

export function createAgencyRegistry(profiles: readonly AgencyProfile[]): AgencyRegistry {
  const bySlug = new Map(profiles.map((p) => [p.slug, p]));
  return { list: () => profiles, get: (slug) => bySlug.get(slug) };
}
