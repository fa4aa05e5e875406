import { unzipSync } from 'fflate';
import type { Rejection } from './signatures.schema.ts';

export const ASIC_E_MIMETYPE = 'application/vnd.etsi.asic-e+zip';
/** Bounds against zip bombs: what a real container of our 10 MB attachments can never exceed. */
export const CONTAINER_LIMITS = { maxEntries: 500, maxTotalBytes: 100 * 1024 * 1024, maxRatio: 200, ratioFloorBytes: 1024 * 1024 };

export type ContainerEntries = Map<string, Uint8Array>;
export type ContainerRead = { kind: 'entries'; entries: ContainerEntries } | { kind: 'rejected'; reason: Rejection };

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A path that could leave the extraction directory or hide behind another name. */
export function unsafeEntryName(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[a-zA-Z]:/.test(name) || name.split('/').some((part) => part === '..');
}

/** Unzips with the declared sizes checked before anything is inflated; refuses bombs and unsafe paths. */
export function readContainer(bytes: Uint8Array): ContainerRead {
  let refusal: Rejection | null = null;
  let total = 0;
  let count = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        count += 1;
        total += file.originalSize;
        if (unsafeEntryName(file.name)) refusal ??= 'unsafe-path';
        const ratio = file.originalSize / Math.max(file.size, 1);
        if (count > CONTAINER_LIMITS.maxEntries || total > CONTAINER_LIMITS.maxTotalBytes) refusal ??= 'zip-bomb';
        if (file.originalSize > CONTAINER_LIMITS.ratioFloorBytes && ratio > CONTAINER_LIMITS.maxRatio) refusal ??= 'zip-bomb';
        return refusal === null;
      },
    });
  } catch {
    return { kind: 'rejected', reason: refusal ?? 'unreadable-container' };
  }
  if (refusal) return { kind: 'rejected', reason: refusal };
  const map: ContainerEntries = new Map();
  for (const [name, content] of Object.entries(entries)) if (!name.endsWith('/')) map.set(name, content);
  return { kind: 'entries', entries: map };
}

/** ASiC-E: a mimetype entry naming the type, and at least one META-INF/*signatures*.xml. */
export function isAsicE(entries: ContainerEntries): boolean {
  const mimetype = entries.get('mimetype');
  return mimetype !== undefined && Buffer.from(mimetype).toString('latin1').trim() === ASIC_E_MIMETYPE;
}

export function signatureFiles(entries: ContainerEntries): string[] {
  return [...entries.keys()].filter((name) => /^META-INF\/[^/]*signatures[^/]*\.xml$/i.test(name)).sort();
}

export function dataFiles(entries: ContainerEntries): string[] {
  return [...entries.keys()].filter((name) => name !== 'mimetype' && !name.startsWith('META-INF/'));
}
