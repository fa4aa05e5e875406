// Just enough of a PDF object reader for PAdES: the document security store (/DSS, ISO 32000-2 §12.8.4.3) and the
// objects an incremental update after the last signature touches. No PDF library is in the project; this reads
// uncompressed objects ("n g obj … endobj") found by scanning (last definition wins, as incremental updates do) and
// objects inside object streams, with bounds everywhere: a hostile PDF cannot make it loop, recurse deeply or inflate
// more than a few megabytes.
import { inflateSync } from 'node:zlib';

export type PdfValue =
  | { t: 'num'; v: number }
  | { t: 'name'; v: string }
  | { t: 'str'; v: string }
  | { t: 'kw'; v: string }
  | { t: 'ref'; n: number; g: number }
  | { t: 'arr'; v: PdfValue[] }
  | { t: 'dict'; v: Map<string, PdfValue> }
  | { t: 'stream'; dict: Map<string, PdfValue>; raw: Uint8Array };

const MAX_DEPTH = 32;
const MAX_OBJECTS = 500_000;
const MAX_STREAM_OUT = 8 * 1024 * 1024;
const MAX_TOTAL_OUT = 32 * 1024 * 1024;
const MAX_OBJECT_STREAMS = 200;
const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

class Parser {
  constructor(
    readonly s: string,
    public i: number,
    readonly end = s.length,
  ) {}

  private skip(): void {
    const s = this.s;
    while (this.i < this.end) {
      const c = s.charCodeAt(this.i);
      if (WS.has(c)) this.i++;
      else if (c === 0x25) while (this.i < this.end && s[this.i] !== '\n' && s[this.i] !== '\r') this.i++;
      else break;
    }
  }

  private word(): string {
    const start = this.i;
    while (this.i < this.end && !WS.has(this.s.charCodeAt(this.i)) && !DELIM.has(this.s.charCodeAt(this.i))) this.i++;
    return this.s.slice(start, this.i);
  }

  /** One value; null at the end, on a closing delimiter or on anything unreadable. */
  value(depth = 0): PdfValue | null {
    if (depth > MAX_DEPTH) return null;
    this.skip();
    if (this.i >= this.end) return null;
    const s = this.s;
    const c = s[this.i]!;
    if (c === '/') {
      this.i++;
      return { t: 'name', v: this.word().replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) };
    }
    if (c === '<' && s[this.i + 1] === '<') {
      this.i += 2;
      const dict = new Map<string, PdfValue>();
      for (;;) {
        this.skip();
        if (this.i >= this.end) return null;
        if (s[this.i] === '>' && s[this.i + 1] === '>') {
          this.i += 2;
          return { t: 'dict', v: dict };
        }
        const key = this.value(depth + 1);
        if (!key || key.t !== 'name') return null;
        const val = this.value(depth + 1);
        if (!val) return null;
        dict.set(key.v, val);
      }
    }
    if (c === '<') {
      const close = s.indexOf('>', this.i);
      if (close < 0 || close > this.end) return null;
      const v = s.slice(this.i + 1, close).replace(/\s+/g, '');
      this.i = close + 1;
      return { t: 'str', v: `<${v.toLowerCase()}>` };
    }
    if (c === '(') {
      const start = this.i;
      let level = 0;
      for (; this.i < this.end; this.i++) {
        const ch = s[this.i];
        if (ch === '\\') this.i++;
        else if (ch === '(') level++;
        else if (ch === ')' && --level === 0) {
          this.i++;
          return { t: 'str', v: s.slice(start, this.i) };
        }
      }
      return null;
    }
    if (c === '[') {
      this.i++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skip();
        if (this.i >= this.end) return null;
        if (s[this.i] === ']') {
          this.i++;
          return { t: 'arr', v: items };
        }
        const item = this.value(depth + 1);
        if (!item) return null;
        items.push(item);
      }
    }
    if (DELIM.has(c.charCodeAt(0))) return null;
    const w = this.word();
    if (w === '') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // "n g R": an indirect reference
      if (/^\d+$/.test(w)) {
        const save = this.i;
        const m = /^\s+(\d+)\s+R(?![^\s()<>[\]{}/%])/.exec(s.slice(this.i, Math.min(this.end, this.i + 24)));
        if (m) {
          this.i = save + m[0].length;
          return { t: 'ref', n: Number(w), g: Number(m[1]) };
        }
      }
      return { t: 'num', v: Number(w) };
    }
    return { t: 'kw', v: w };
  }
}

/** A value written out canonically (whitespace and key order aside), to compare two definitions of an object. */
export function canon(v: PdfValue | undefined): string {
  if (!v) return '∅';
  switch (v.t) {
    case 'num':
      return String(v.v);
    case 'name':
      return `/${v.v}`;
    case 'str':
    case 'kw':
      return v.v;
    case 'ref':
      return `${v.n} ${v.g} R`;
    case 'arr':
      return `[${v.v.map(canon).join(' ')}]`;
    case 'dict':
    case 'stream': {
      const dict = v.t === 'dict' ? v.v : v.dict;
      const body = [...dict.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => `/${k} ${canon(x)}`).join(' ');
      return v.t === 'dict' ? `<<${body}>>` : `<<${body}>>stream:${Buffer.from(v.raw).toString('base64')}`;
    }
  }
}

export const dictOf = (v: PdfValue | null | undefined): Map<string, PdfValue> | null => (v?.t === 'dict' ? v.v : v?.t === 'stream' ? v.dict : null);
export const nameOf = (v: PdfValue | null | undefined): string | null => (v?.t === 'name' ? v.v : null);

/** Where each object is defined in the file ("n g obj" at a byte offset), every definition in file order. */
export class PdfObjects {
  readonly text: string;
  /** object number → offsets just after its "obj" keywords, in file order */
  readonly defs = new Map<number, number[]>();
  private inflated = 0;
  private packed: Map<number, PdfValue> | null = null;

  constructor(readonly bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    let count = 0;
    for (const m of this.text.matchAll(/(?<![\d.])(\d{1,10})\s+(\d{1,5})\s+obj(?![^\s()<>[\]{}/%])/g)) {
      if (++count > MAX_OBJECTS) break;
      const n = Number(m[1]);
      const list = this.defs.get(n) ?? [];
      list.push(m.index + m[0].length);
      this.defs.set(n, list);
    }
  }

  /** The object defined at `offset` (just after "obj"): its value, a stream with its raw bytes. */
  at(offset: number): PdfValue | null {
    const p = new Parser(this.text, offset);
    const value = p.value();
    if (!value || value.t !== 'dict') return value;
    const after = /^\s*stream(\r\n|\n|\r)/.exec(this.text.slice(p.i, p.i + 32));
    if (!after) return value;
    const start = p.i + after[0].length;
    const length = value.v.get('Length');
    let end = -1;
    if (length?.t === 'num' && Number.isInteger(length.v) && length.v >= 0 && start + length.v <= this.bytes.length && /^\s*endstream/.test(this.text.slice(start + length.v, start + length.v + 32))) end = start + length.v;
    if (end < 0) {
      const found = this.endstreamAfter(start);
      if (found < 0) return null;
      end = found;
      if (this.text[end - 1] === '\n') end--;
      if (this.text[end - 1] === '\r') end--;
    }
    return { t: 'stream', dict: value.v, raw: this.bytes.subarray(start, end) };
  }

  private endstreams: number[] | null = null;

  /** The first "endstream" at or after `from` (positions found in one pass, then binary search: no rescans). */
  private endstreamAfter(from: number): number {
    if (!this.endstreams) {
      this.endstreams = [];
      for (let i = this.text.indexOf('endstream'); i >= 0; i = this.text.indexOf('endstream', i + 9)) this.endstreams.push(i);
    }
    const list = this.endstreams;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? list[lo]! : -1;
  }

  /** The latest definition of object n (by file position), or from an object stream when it has none of its own. */
  object(n: number, before = Infinity): PdfValue | null {
    const offsets = (this.defs.get(n) ?? []).filter((o) => o < before);
    if (offsets.length > 0) return this.at(offsets[offsets.length - 1]!);
    return before === Infinity ? (this.packedObjects().get(n) ?? null) : null;
  }

  resolve(v: PdfValue | null | undefined, before = Infinity): PdfValue | null {
    return v?.t === 'ref' ? this.object(v.n, before) : (v ?? null);
  }

  /**
   * A stream's decoded data: unfiltered or FlateDecode, without predictors (or, with `predictors`, PNG ones as
   * cross-reference streams use); null otherwise or when it fails.
   */
  data(stream: PdfValue | null, predictors = false): Uint8Array | null {
    if (stream?.t !== 'stream') return null;
    const filter = stream.dict.get('Filter');
    const filters = filter?.t === 'arr' ? filter.v : filter ? [filter] : [];
    const parms = dictOf(this.resolve(stream.dict.get('DecodeParms')));
    const predictor = parms?.get('Predictor');
    const columns = parms?.get('Columns');
    const png = predictor?.t === 'num' && predictor.v >= 10 ? (columns?.t === 'num' ? columns.v : 1) : null;
    if (parms && (predictor?.t === 'num' ? predictor.v > 1 : false) && (!predictors || png === null)) return null;
    let out: Uint8Array = stream.raw;
    if (filters.length > 1 || (filters.length === 1 && nameOf(filters[0]) !== 'FlateDecode')) return null;
    if (filters.length === 1) {
      if (this.inflated >= MAX_TOTAL_OUT) return null;
      try {
        out = new Uint8Array(inflateSync(stream.raw, { maxOutputLength: Math.min(MAX_STREAM_OUT, MAX_TOTAL_OUT - this.inflated) }));
        this.inflated += out.length;
      } catch {
        return null; // corrupt, or larger than allowed
      }
    }
    return png === null ? out : unpredictPng(out, png);
  }

  /** Objects kept in object streams (/Type/ObjStm), for those that have no definition of their own. */
  private packedObjects(): Map<number, PdfValue> {
    if (this.packed) return this.packed;
    this.packed = new Map();
    let streams = 0;
    for (const [, offsets] of this.defs) {
      for (const offset of offsets) {
        if (!/^\s*<<[^>]{0,200}\/ObjStm/.test(this.text.slice(offset, offset + 240))) continue;
        const stream = this.at(offset);
        const dict = dictOf(stream);
        if (stream?.t !== 'stream' || nameOf(dict?.get('Type')) !== 'ObjStm') continue;
        if (++streams > MAX_OBJECT_STREAMS) return this.packed;
        const count = dict?.get('N');
        const first = dict?.get('First');
        const data = this.data(stream);
        if (!data || count?.t !== 'num' || first?.t !== 'num') continue;
        const text = Buffer.from(data).toString('latin1');
        const header = new Parser(text, 0, Math.min(first.v, text.length));
        for (let k = 0; k < Math.min(count.v, 100_000); k++) {
          const num = header.value();
          const rel = header.value();
          if (num?.t !== 'num' || rel?.t !== 'num') break;
          const value = new Parser(text, first.v + rel.v).value();
          if (value) this.packed.set(num.v, value);
        }
      }
    }
    return this.packed;
  }

  /** The catalog's object number: the last /Root of a trailer (or cross-reference stream) before `before`. */
  rootNumber(before = Infinity): number | null {
    let last: number | null = null;
    const re = /\/Root\s+(\d{1,10})\s+\d{1,5}\s+R/g;
    for (const m of this.text.matchAll(re)) {
      if (m.index >= before) break;
      last = Number(m[1]);
    }
    return last;
  }
}

/** Undoes PNG predictors (ISO 32000 §7.4.4.4): rows of `columns` bytes, each after a filter-type byte. */
function unpredictPng(data: Uint8Array, columns: number): Uint8Array | null {
  if (!Number.isInteger(columns) || columns < 1 || columns > 1024 || data.length % (columns + 1) !== 0) return null;
  const rows = data.length / (columns + 1);
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (columns + 1)]!;
    for (let c = 0; c < columns; c++) {
      const x = data[r * (columns + 1) + 1 + c]!;
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      const add = type === 0 ? 0 : type === 1 ? left : type === 2 ? up : type === 3 ? (left + up) >> 1 : type === 4 ? paeth : -1;
      if (add < 0) return null;
      out[r * columns + c] = (x + add) & 0xff;
    }
  }
  return out;
}

/**
 * The entries of a cross-reference stream (ISO 32000 §7.5.8): object number, type (0 free, 1 in use, 2 in an
 * object stream) and the second field (type 1: the byte offset); null when unreadable.
 */
export function xrefStreamEntries(pdf: PdfObjects, stream: PdfValue | null): Array<{ n: number; type: number; offset: number }> | null {
  const dict = dictOf(stream);
  const w = pdf.resolve(dict?.get('W'));
  const size = dict?.get('Size');
  if (!dict || w?.t !== 'arr' || w.v.length !== 3 || w.v.some((x) => x.t !== 'num' || x.v < 0 || x.v > 8) || size?.t !== 'num') return null;
  const widths = w.v.map((x) => (x as { v: number }).v) as [number, number, number];
  const index = pdf.resolve(dict.get('Index'));
  const ranges: number[] = index?.t === 'arr' ? index.v.map((x) => (x.t === 'num' ? x.v : -1)) : [0, size.v];
  if (ranges.length % 2 !== 0 || ranges.some((x) => x < 0 || !Number.isInteger(x))) return null;
  const data = pdf.data(stream, true);
  const row = widths[0] + widths[1] + widths[2];
  if (!data || row === 0) return null;
  const out: Array<{ n: number; type: number; offset: number }> = [];
  let at = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    for (let j = 0; j < ranges[k + 1]!; j++) {
      if (at + row > data.length) return null;
      let type = widths[0] === 0 ? 1 : 0;
      for (let b = 0; b < widths[0]; b++) type = type * 256 + data[at + b]!;
      let offset = 0;
      for (let b = 0; b < widths[1]; b++) offset = offset * 256 + data[at + widths[0] + b]!;
      out.push({ n: ranges[k]! + j, type, offset });
      at += row;
    }
  }
  return out;
}
