/** Who may do what in the privacy feature (spread into PERMISSIONS in src/platform/access/policy.ts). */
export const privacyPermissions = {
  // Retention settings, the dry run and the last runs.
  'privacy.manage': ['administrator'],
  // Legal holds: set and lift, with a reason.
  'privacy.hold': ['supervisor', 'administrator'],
  // "What do you hold about me": the search and its report.
  'privacy.subject-access': ['supervisor', 'administrator'],
} as const;
