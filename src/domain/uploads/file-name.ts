/** A file name reduced to a safe base name: no directories, no control characters, no leading dots. */
export function safeBaseName(name: string, fallback = 'pielikums'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[^\p{L}\p{N} ._()+-]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  return cleaned === '' || /^[._ ]+$/.test(cleaned) ? fallback : cleaned;
}
