export * from './histogram.ts';
export * from './indicators.ts';
export * from './period.ts';
export * from './verdict.ts';
