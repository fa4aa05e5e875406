import type { AgencyRegistry } from './agency-registry.ts';

// Every feature is given the loaded agency profiles as `deps.agencies`.
declare module '../../platform/deps.ts' {
  interface AppDeps {
    agencies: AgencyRegistry;
  }
}
