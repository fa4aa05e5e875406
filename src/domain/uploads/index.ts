export { safeBaseName } from './file-name.ts';
export { readZipDirectory, type ZipSummary } from './zip-directory.ts';
