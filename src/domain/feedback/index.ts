export * from './survey-answers.ts';
export * from './invitation-token.ts';
export * from './score-aggregation.ts';
export * from './opinion.ts';
