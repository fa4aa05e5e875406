export * from './retention-kinds.ts';
export * from './period-text.ts';
