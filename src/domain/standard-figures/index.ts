export * from './histogram.ts';
export * from './indicator-model.ts';
export * from './indicators.ts';
export * from './period.ts';
export * from './verdict.ts';
