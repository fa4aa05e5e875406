import { AppError } from '../../platform/http/problem.ts';
import type { AgencyProfile } from './agency-profile.schema.ts';

/** The loaded agency profiles, by slug. */
export type AgencyRegistry = {
  list: () => readonly AgencyProfile[];
  get: (slug: string) => AgencyProfile | undefined;
  /** The profile, or a 404 problem for an unknown slug. */
  require: (slug: string) => AgencyProfile;
};

export function createAgencyRegistry(profiles: readonly AgencyProfile[]): AgencyRegistry {
  const bySlug = new Map(profiles.map((p) => [p.slug, p]));
  return {
    list: () => profiles,
    get: (slug) => bySlug.get(slug),
    require: (slug) => {
      const profile = bySlug.get(slug);
      if (!profile) throw new AppError(404, 'agency-not-found', 'errors.notFoundTitle');
      return profile;
    },
  };
}
