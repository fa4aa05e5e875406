// Who may do what in the phone feature (spread into PERMISSIONS; no imports, so the policy can load it first).
export const phonePermissions = {
  'phone.log': ['specialist', 'supervisor', 'administrator'],
  'phone.read': ['specialist', 'supervisor', 'administrator', 'auditor'],
  'phone.callbacks': ['specialist', 'supervisor', 'administrator'],
  'phone.figures': ['supervisor', 'administrator', 'auditor'],
} as const;
