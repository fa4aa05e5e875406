/** Who may manage integration keys and see the callbacks' outbox. */
export const integrationsPermissions = {
  'integrations.manage': ['administrator'],
} as const;
