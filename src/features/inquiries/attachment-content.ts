// Uploads are judged by their bytes, not their names (issue 13, finding 9): the content's type must be
// one the client may send, executables are refused whatever they are called, names become safe base
// names, and archives (ASiC-E, DOCX, ODT are ZIPs) with an absurd unpacked size or entry count are refused.
import { fileTypeFromBuffer } from 'file-type';
import { readZipDirectory, safeBaseName } from '../../domain/uploads/index.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { AttachmentInput } from './inquiries.schema.ts';

export const ARCHIVE_MAX_ENTRIES = 1_000;
export const ARCHIVE_MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const EXECUTABLE_TYPES = new Set(['application/x-msdownload', 'application/x-elf', 'application/x-mach-binary', 'application/x-executable', 'application/x-sharedlib', 'application/wasm', 'application/x-msi', 'application/vnd.microsoft.portable-executable', 'application/x-dosexec']);
const ZIP_CONTAINERS = new Set(['application/zip', 'application/vnd.etsi.asic-e+zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text', 'application/epub+zip']);

/** What the bytes may be, for each type a client may declare. */
const CONTENT_MAY_BE: Record<string, (detected: string | undefined) => boolean> = {
  'application/pdf': (d) => d === 'application/pdf',
  'image/jpeg': (d) => d === 'image/jpeg',
  'image/png': (d) => d === 'image/png',
  'application/vnd.etsi.asic-e+zip': (d) => d !== undefined && ZIP_CONTAINERS.has(d),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (d) => d !== undefined && ZIP_CONTAINERS.has(d),
  'application/vnd.oasis.opendocument.text': (d) => d !== undefined && ZIP_CONTAINERS.has(d),
  'text/plain': (d) => d === undefined,
};

function looksExecutable(content: Buffer, detected: string | undefined): boolean {
  if (detected && EXECUTABLE_TYPES.has(detected)) return true;
  const head = content.subarray(0, 4).toString('latin1');
  return head.startsWith('MZ') || head === '\x7fELF' || head.startsWith('#!');
}

type Problem = { code: string; key: 'hardening.executable' | 'hardening.fileTypeMismatch' | 'hardening.archiveTooLarge' };

async function problemOf(a: AttachmentInput, extensionType: string): Promise<Problem | null> {
  if (a.content.length === 0) return null; // sizes and emptiness are judged by checkAttachments
  const detected = (await fileTypeFromBuffer(a.content))?.mime;
  if (looksExecutable(a.content, detected)) return { code: 'executable', key: 'hardening.executable' };
  const allowed = CONTENT_MAY_BE[extensionType];
  if (!allowed || !allowed(detected)) return { code: 'content_type_mismatch', key: 'hardening.fileTypeMismatch' };
  if (detected && ZIP_CONTAINERS.has(detected)) {
    const zip = readZipDirectory(a.content);
    if (!zip || zip.zip64 || zip.entries > ARCHIVE_MAX_ENTRIES || zip.unpackedBytes > ARCHIVE_MAX_UNPACKED_BYTES) return { code: 'archive_too_large', key: 'hardening.archiveTooLarge' };
  }
  return null;
}

const TYPE_BY_EXTENSION: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.edoc': 'application/vnd.etsi.asic-e+zip',
  '.asice': 'application/vnd.etsi.asic-e+zip',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.txt': 'text/plain',
};

/** The attachments with safe base names, or a field-level 400 naming each file whose bytes are refused. */
export async function inspectAttachments(attachments: readonly AttachmentInput[]): Promise<AttachmentInput[]> {
  const { kept, refused } = await sortAttachments(attachments);
  if (refused.length > 0) {
    throw new AppError(400, 'validation', 'errors.validation', {}, refused.map((r) => ({ field: `attachments.${r.index}`, code: r.code, messageKey: r.key })));
  }
  return kept;
}

export type RefusedContent = { index: number; fileName: string; code: string; key: Problem['key'] };

/**
 * The attachments whose bytes pass, with safe base names, and the refused ones. A channel that cannot answer
 * with a field error (the e-mail intake) keeps the message and notes the refused files instead.
 */
export async function sortAttachments(attachments: readonly AttachmentInput[]): Promise<{ kept: AttachmentInput[]; refused: RefusedContent[] }> {
  const kept: AttachmentInput[] = [];
  const refused: RefusedContent[] = [];
  for (const [index, original] of attachments.entries()) {
    const a = { ...original, fileName: safeBaseName(original.fileName) };
    const extension = a.fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
    const problem = await problemOf(a, TYPE_BY_EXTENSION[extension] ?? a.contentType.toLowerCase());
    if (problem) refused.push({ index, fileName: a.fileName, ...problem });
    else kept.push(a);
  }
  return { kept, refused };
}
