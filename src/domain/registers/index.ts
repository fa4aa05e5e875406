export * from './registers.ts';
