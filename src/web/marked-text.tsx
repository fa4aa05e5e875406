// Search matches drawn: the domain marks the words (domain/latvian-text `markMatches`), the web layer escapes the text.
import type { MarkedText } from '../domain/latvian-text/index.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Safe HTML for the JSON API: every part escaped, the marked ones in <mark>. */
export function markedTextHtml(parts: MarkedText): string {
  return parts.map((part) => (part.marked ? `<mark>${escapeHtml(part.text)}</mark>` : escapeHtml(part.text))).join('');
}

/** The parts as elements (React escapes them). */
export function Marked({ parts }: { parts: MarkedText }) {
  return (
    <>
      {parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}
