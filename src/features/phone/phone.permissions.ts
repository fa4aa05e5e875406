// Who may do what in the phone feature (part of the one permission table, src/app/permissions.ts).
export const phonePermissions = {
  'phone.log': ['specialist', 'supervisor', 'administrator'],
  'phone.read': ['specialist', 'supervisor', 'administrator', 'auditor'],
  'phone.callbacks': ['specialist', 'supervisor', 'administrator'],
  'phone.figures': ['supervisor', 'administrator', 'auditor'],
} as const;
