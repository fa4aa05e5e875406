// Who may do what in the registers (spread into PERMISSIONS in src/platform/access/policy.ts).
// Reading: every role (a specialist sees only what they recorded; the auditor reads all, writes nothing).
export const registersPermissions = {
  'registers.read': ['specialist', 'supervisor', 'administrator', 'auditor'],
  'registers.record': ['specialist', 'supervisor', 'administrator'],
  'registers.review': ['supervisor', 'administrator'],
} as const;
