/** Who may read the standard's figures (and the records behind them): those who answer for the standard, and auditors. */
export const standardFiguresPermissions = {
  'standardFigures.view': ['supervisor', 'administrator', 'auditor'],
} as const;
