// Reads a ZIP archive's central directory without unpacking anything: how many entries and how many bytes
// they would take unpacked. Enough to refuse archive bombs before anyone opens the file.

export type ZipSummary = { entries: number; unpackedBytes: number; zip64: boolean };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** null when the bytes hold no readable ZIP directory. */
export function readZipDirectory(bytes: Buffer): ZipSummary | null {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const total = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (total === 0xffff || size === 0xffffffff || offset === 0xffffffff) return { entries: total, unpackedBytes: Number.MAX_SAFE_INTEGER, zip64: true };
  let at = offset;
  let entries = 0;
  let unpackedBytes = 0;
  let zip64 = false;
  while (at + 46 <= bytes.length && bytes.readUInt32LE(at) === CENTRAL) {
    const unpacked = bytes.readUInt32LE(at + 24);
    if (unpacked === 0xffffffff) zip64 = true;
    unpackedBytes += unpacked;
    entries++;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (entries !== total) return null;
  return { entries, unpackedBytes: zip64 ? Number.MAX_SAFE_INTEGER : unpackedBytes, zip64 };
}
