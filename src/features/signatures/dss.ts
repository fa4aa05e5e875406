// PAdES-LT/LTA: the document security store (ETSI EN 319 142-1, ISO 32000-2 §12.8.4.3) and what an incremental update
// after the last signature may hold without changing the signed document.
import { canon, dictOf, nameOf, PdfObjects, xrefStreamEntries, type PdfValue } from './pdf-objects.ts';

const MAX_ENTRIES = 500;

export type SecurityStore = { ocsp: Uint8Array[]; crl: Uint8Array[]; certs: Uint8Array[] };
export const EMPTY_STORE: SecurityStore = { ocsp: [], crl: [], certs: [] };

/** The OCSP responses, CRLs and certificates of the latest catalog's /DSS (its /OCSPs, /CRLs, /Certs streams). */
export function readSecurityStore(pdf: PdfObjects): SecurityStore {
  const root = pdf.rootNumber();
  if (root === null) return EMPTY_STORE;
  const dss = dictOf(pdf.resolve(dictOf(pdf.object(root))?.get('DSS')));
  if (!dss) return EMPTY_STORE;
  const list = (key: string): Uint8Array[] => {
    const array = pdf.resolve(dss.get(key));
    if (array?.t !== 'arr') return [];
    const out: Uint8Array[] = [];
    for (const item of array.v.slice(0, MAX_ENTRIES)) {
      const data = pdf.data(pdf.resolve(item));
      if (data && data.length > 0) out.push(data);
    }
    return out;
  };
  return { ocsp: list('OCSPs'), crl: list('CRLs'), certs: list('Certs') };
}

/** The catalog entries an update may add or change after the last signature: the store, forms (new signature fields), extensions. */
const CATALOG_FREE = new Set(['DSS', 'AcroForm', 'Extensions']);
const ACROFORM_FREE = new Set(['Fields', 'SigFlags']);
const PAGE_FREE = new Set(['Annots']);

const STREAM_DATA_KEYS = new Set(['Length', 'Filter', 'DecodeParms', 'DL']);
const XREF_KEYS = new Set(['Type', 'Size', 'Index', 'Prev', 'W', 'Root', 'Info', 'ID', 'Encrypt', 'Filter', 'DecodeParms', 'Length', 'DL']);
const VRI_KEYS = new Set(['Type', 'Cert', 'CRL', 'OCSP', 'TU', 'TS']);
const ACROFORM_KEYS = new Set(['Fields', 'SigFlags', 'DA', 'DR', 'NeedAppearances']);

function zeroArea(rect: readonly PdfValue[]): boolean {
  if (rect.length !== 4 || rect.some((x) => x.t !== 'num')) return false;
  const [x1, y1, x2, y2] = rect.map((x) => (x as { v: number }).v) as [number, number, number, number];
  return x1 === x2 || y1 === y2;
}

function sameExcept(a: Map<string, PdfValue>, b: Map<string, PdfValue>, free: ReadonlySet<string>): boolean {
  const keys = new Set([...a.keys(), ...b.keys()]);
  for (const key of keys) if (!free.has(key) && canon(a.get(key)) !== canon(b.get(key))) return false;
  return true;
}

/**
 * Whether the file after `covered` (the end of what the last signature covers) holds only validation data and
 * document time-stamps: a /DSS with its streams, new signature fields (invisible: no area) and their signature or
 * DocTimeStamp dictionaries, and the catalog, AcroForm and pages rewritten only to point at those. Anything else —
 * an object of the signed revision redefined otherwise (page content, a page's other entries, an annotation), a new
 * object the signed revision already referred to, a freed object, an object or cross-reference stream we do not
 * read — is a change after signing. Conservative: when in doubt, it is one.
 */
export function onlyValidationDataAfter(pdf: PdfObjects, covered: number): boolean {
  const tail = pdf.text.slice(covered);
  // Objects packed in object streams in the update are not analysed here: conservatively a change.
  if (/\/Type\s*\/ObjStm\b/.test(tail)) return false;
  if (freesObjects(tail, pdf, covered)) return false;
  for (const [, offsets] of pdf.defs) {
    for (const offset of offsets) {
      if (offset < covered) continue;
      const object = pdf.at(offset);
      if (object?.t !== 'stream' || nameOf(object.dict.get('Type')) !== 'XRef') continue;
      const entries = xrefStreamEntries(pdf, object);
      // unreadable, freeing an object, or pointing into an object stream: a change
      if (!entries || entries.some((e) => (e.type === 0 && e.n !== 0) || e.type === 2 || (e.type === 1 && !pointsIntoUpdate(pdf, e.n, e.offset, covered)))) return false;
    }
  }
  const signedRoot = pdf.rootNumber(covered);
  if (signedRoot === null) return false;
  const signedRefs = new Set<number>();
  const signed = pdf.text.slice(0, covered);
  for (const m of signed.matchAll(/(?<![\d.])(\d{1,10})\s+\d{1,5}\s+R(?![^\s()<>[\]{}/%])/g)) signedRefs.add(Number(m[1]));
  const oldCatalog = dictOf(pdf.object(signedRoot, covered));
  if (!oldCatalog) return false;
  const acroFormRef = oldCatalog.get('AcroForm');
  const acroFormNumber = acroFormRef?.t === 'ref' ? acroFormRef.n : null;

  const isInvisibleSignatureField = (ref: PdfValue): boolean => {
    const field = dictOf(pdf.resolve(ref));
    if (!field || nameOf(field.get('FT')) !== 'Sig') return false;
    const rect = pdf.resolve(field.get('Rect'));
    return !rect || (rect.t === 'arr' && zeroArea(rect.v));
  };
  /** What a new object of such an update may be; anything else (an annotation, a page, a content stream…) is a change. */
  const newObjectOk = (value: PdfValue | null): boolean => {
    if (!value) return false;
    if (value.t === 'arr' || value.t === 'num') return true; // arrays of the store or of fields; indirect lengths
    const dict = dictOf(value)!;
    if (!dict) return false;
    const type = nameOf(dict.get('Type'));
    const keys = [...dict.keys()];
    if (value.t === 'stream') {
      if (keys.every((k) => STREAM_DATA_KEYS.has(k))) return true; // an OCSP response, CRL or certificate
      if (type === 'XRef') return keys.every((k) => XREF_KEYS.has(k)) && (!dict.has('Root') || rootOk(dict.get('Root'))); // entries checked above
      const box = pdf.resolve(dict.get('BBox'));
      return type === 'XObject' && nameOf(dict.get('Subtype')) === 'Form' && box?.t === 'arr' && zeroArea(box.v); // an invisible field's appearance
    }
    if (type === 'DSS' || type === 'VRI' || type === 'Sig' || type === 'DocTimeStamp' || type === 'Extensions') return true;
    if (type === 'Catalog') return catalogOk(dict);
    if (keys.every((k) => VRI_KEYS.has(k))) return true; // a VRI entry without /Type
    if (keys.length > 0 && keys.every((k) => /^[0-9A-Fa-f]{40,128}$/.test(k))) return true; // the /VRI map
    if (dict.has('ByteRange') && dict.has('Contents') && !dict.has('Subtype')) return true; // a signature dictionary
    if (nameOf(dict.get('FT')) === 'Sig') return isInvisibleSignatureField(value);
    if (keys.includes('Fields') && keys.every((k) => ACROFORM_KEYS.has(k))) return grows(undefined, dict.get('Fields'));
    if (keys.every((k) => k === 'ESIC' || k === 'ADBE') ) return true; // developer extensions
    if (keys.every((k) => k === 'BaseVersion' || k === 'ExtensionLevel' || k === 'Type' || k === 'URL' || k === 'ExtensionRevision')) return true;
    return false;
  };
  /** An array that keeps every old element in place and adds only invisible signature fields. */
  const grows = (oldValue: PdfValue | undefined, newValue: PdfValue | undefined): boolean => {
    if (canon(oldValue) === canon(newValue)) return true;
    const before = oldValue ? pdf.resolve(oldValue, covered) : { t: 'arr' as const, v: [] };
    const after = pdf.resolve(newValue);
    if (before?.t !== 'arr' || after?.t !== 'arr' || after.v.length < before.v.length) return false;
    if (before.v.some((v, i) => canon(v) !== canon(after.v[i]))) return false;
    return after.v.slice(before.v.length).every(isInvisibleSignatureField);
  };
  const acroFormOk = (oldValue: PdfValue | undefined, newValue: PdfValue | undefined): boolean => {
    if (canon(oldValue) === canon(newValue)) return true;
    const before = oldValue ? dictOf(pdf.resolve(oldValue, covered)) : new Map<string, PdfValue>();
    const after = dictOf(pdf.resolve(newValue));
    return !!before && !!after && sameExcept(before, after, ACROFORM_FREE) && grows(before.get('Fields'), after.get('Fields'));
  };
  const catalogOk = (catalog: Map<string, PdfValue>): boolean =>
    nameOf(catalog.get('Type')) === 'Catalog' && sameExcept(oldCatalog, catalog, CATALOG_FREE) && acroFormOk(oldCatalog.get('AcroForm'), catalog.get('AcroForm'));

  const rootOk = (ref: PdfValue | undefined): boolean => {
    if (ref?.t !== 'ref') return false;
    if (ref.n === signedRoot) return true;
    const catalog = dictOf(pdf.object(ref.n));
    return !!catalog && catalogOk(catalog);
  };
  // Every trailer of the update names the signed catalog (or a new one that differs from it only as allowed).
  for (const m of tail.matchAll(/\/Root\s+(\d{1,10})\s+(\d{1,5})\s+R/g)) if (!rootOk({ t: 'ref', n: Number(m[1]), g: Number(m[2]) })) return false;
  for (const [n, offsets] of pdf.defs) {
    const redefined = offsets.filter((o) => o >= covered);
    if (redefined.length === 0) continue;
    const earlier = offsets.some((o) => o < covered);
    if (!earlier) {
      if (signedRefs.has(n)) return false; // the signed revision points at it: defining it now changes what it shows
      for (const offset of redefined) if (!newObjectOk(pdf.at(offset))) return false;
      continue;
    }
    const before = pdf.object(n, covered);
    for (const offset of redefined) {
      const after = pdf.at(offset);
      if (canon(before ?? undefined) === canon(after ?? undefined)) continue;
      const old = dictOf(before);
      const now = dictOf(after);
      if (before?.t === 'arr' && after?.t === 'arr') {
        if (!grows(before, after)) return false;
      } else if (old && now && n === signedRoot) {
        if (!catalogOk(now)) return false;
      } else if (old && now && nameOf(old.get('Type')) === 'Page' && before?.t === 'dict') {
        if (!sameExcept(old, now, PAGE_FREE) || !grows(old.get('Annots'), now.get('Annots'))) return false;
      } else if (old && now && n === acroFormNumber) {
        if (!sameExcept(old, now, ACROFORM_FREE) || !grows(old.get('Fields'), now.get('Fields'))) return false;
      } else {
        return false;
      }
    }
  }
  return true;
}

/** Whether an update's cross-reference entry for object n points at a definition of n within the update itself. */
function pointsIntoUpdate(pdf: PdfObjects, n: number, offset: number, covered: number): boolean {
  return offset >= covered && new RegExp(`^${n}\\s+\\d{1,5}\\s+obj`).test(pdf.text.slice(offset, offset + 40));
}

/**
 * Whether a classic cross-reference section of the update frees an object (other than the list head, 0), or points
 * an object at bytes other than its definition in the update (an older definition, another object): a change.
 */
function freesObjects(tail: string, pdf: PdfObjects, covered: number): boolean {
  for (const section of tail.matchAll(/(?:^|[\r\n])xref\s*[\r\n]/g)) {
    let i = section.index + section[0].length;
    for (let guard = 0; guard < 100_000; guard++) {
      const head = /^\s*(\d{1,10})\s+(\d{1,7})[ \t]*[\r\n]/.exec(tail.slice(i, i + 40));
      if (!head) break;
      i += head[0].length;
      const first = Number(head[1]);
      const count = Number(head[2]);
      for (let k = 0; k < count; k++) {
        const entry = /^\s*(\d{10})\s+\d{5}\s+([nf])/.exec(tail.slice(i, i + 40));
        if (!entry) return true; // unreadable: assume the worst
        i += entry[0].length;
        if (entry[2] === 'f' && first + k !== 0) return true;
        if (entry[2] === 'n' && !pointsIntoUpdate(pdf, first + k, Number(entry[1]), covered)) return true;
      }
    }
  }
  return false;
}
