import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { AgencyProfileSchema, type AgencyProfile } from './agency-profile.schema.ts';

/** One problem in a profile file, located by field path (and by line when it can be found). */
export type AgencyProfileIssue = {
  /** Field path such as "channels[2].hours.weekly.mon[0]"; "(root)" for the whole file, "(yaml)" for syntax. */
  path: string;
  message: string;
  /** 1-based line/column of the offending (or nearest enclosing) node, when known. */
  line?: number;
  column?: number;
};

/** A profile file that cannot be used. `message` lists every issue as "FILE: path: message" lines. */
export class AgencyProfileError extends Error {
  readonly file: string;
  readonly issues: AgencyProfileIssue[];

  constructor(file: string, issues: AgencyProfileIssue[]) {
    super(formatMessage(file, issues));
    this.name = 'AgencyProfileError';
    this.file = file;
    this.issues = issues;
  }
}

export type AgencyProfileValidation = { ok: true; profile: AgencyProfile } | { ok: false; error: AgencyProfileError };

const PROFILE_EXTENSION = /\.ya?ml$/i;

function formatMessage(file: string, issues: AgencyProfileIssue[]): string {
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  const lines = issues.map((issue) => {
    const where = issue.line === undefined ? '' : ` (line ${issue.line}, column ${issue.column ?? 1})`;
    return `${file}: ${issue.path}: ${issue.message}${where}`;
  });
  return [`Invalid agency profile ${file} (${count}):`, ...lines].join('\n');
}

/** ["channels", 2, "hours"] → "channels[2].hours"; [] → "(root)". */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else {
      const key = String(segment);
      text += /^[A-Za-z_$][\w$-]*$/.test(key) ? (text ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return text || '(root)';
}

/** The slug a profile file must declare: its file name without ".yaml"/".yml". */
export function slugFromFileName(fileName: string): string {
  return basename(fileName).replace(PROFILE_EXTENSION, '');
}

type Located = { line: number; column: number };

function locate(doc: Document, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>): Located | undefined {
  // Walk down as far as the path exists, so a missing field points at its parent. A mapping
  // entry is reported at its key ("hourz:"), a list item at the item itself.
  let node: unknown = doc.contents;
  let found: unknown = node;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      found = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      found = node = item;
    } else break;
  }
  if (!isNode(found) || !found.range) return undefined;
  const pos = lineCounter.linePos(found.range[0]);
  return { line: pos.line, column: pos.col };
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

function toIssues(error: z.ZodError, data: unknown): Array<{ path: PropertyKey[]; message: string }> {
  const out: Array<{ path: PropertyKey[]; message: string }> = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const path = [...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...path, key], message: 'Unknown field (not part of the profile schema; check the spelling)' });
      continue;
    }
    const pathKey = formatIssuePath(path);
    // A value that already failed its format check (e.g. "8:30-17") gets no follow-up complaints.
    if (issue.code === 'custom' && seen.has(pathKey)) continue;
    if (issue.code === 'invalid_format') seen.add(pathKey);
    let message = issue.message;
    if (issue.code === 'invalid_type') {
      const value = valueAt(data, path);
      message =
        value === undefined
          ? `Required field is missing (expected ${issue.expected})`
          : typeof value === 'number' && issue.expected === 'string'
            ? `Expected string, got number: put it in quotes ("${value}")`
            : `Expected ${issue.expected}, got ${describeType(value)}`;
    }
    out.push({ path, message });
  }
  return out;
}

/**
 * Parse and validate one profile. `fileName` names the file in errors and fixes the slug:
 * "agencies/vsaa.yaml" must declare `slug: vsaa`.
 */
export function parseAgencyProfile(text: string, fileName: string): AgencyProfile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new AgencyProfileError(
      fileName,
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const firstLine = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
        return {
          path: '(yaml)',
          message: `YAML syntax error: ${firstLine}`,
          ...(pos ? { line: pos.line, column: pos.col } : {}),
        };
      }),
    );
  }
  const data: unknown = doc.toJS();
  const withLocation = (path: PropertyKey[], message: string): AgencyProfileIssue => ({
    path: formatIssuePath(path),
    message,
    ...locate(doc, lineCounter, path),
  });
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    throw new AgencyProfileError(fileName, [
      withLocation([], data == null ? 'The file is empty' : `The profile must be a mapping of fields, got ${describeType(data)}`),
    ]);
  }

  const issues: AgencyProfileIssue[] = [];
  const result = AgencyProfileSchema.safeParse(data);
  if (!result.success) {
    for (const issue of toIssues(result.error, data)) issues.push(withLocation(issue.path, issue.message));
  }
  const expectedSlug = slugFromFileName(fileName);
  const slug = (data as { slug?: unknown }).slug;
  if (typeof slug === 'string' && slug !== expectedSlug) {
    issues.push(withLocation(['slug'], `Slug "${slug}" must equal the file name "${expectedSlug}" (rename the file or fix the slug)`));
  }
  if (!result.success || issues.length > 0) throw new AgencyProfileError(fileName, issues);
  return result.data;
}

/** Check one file for the CLI; never throws for a bad or unreadable file. */
export async function validateAgencyProfileFile(path: string): Promise<AgencyProfileValidation> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: new AgencyProfileError(path, [{ path: '(root)', message: `Cannot read the file: ${reason}` }]) };
  }
  try {
    return { ok: true, profile: parseAgencyProfile(text, path) };
  } catch (error) {
    if (error instanceof AgencyProfileError) return { ok: false, error };
    throw error;
  }
}

/**
 * Load every `*.yaml`/`*.yml` profile in `dir`, sorted by slug. Throws the AgencyProfileError of the
 * first broken file (in file-name order), or a plain Error when the directory holds no profile or
 * two files declare the same slug.
 */
export async function loadAgencyProfiles(dir: string): Promise<AgencyProfile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && PROFILE_EXTENSION.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  if (files.length === 0) throw new Error(`No agency profile (*.yaml or *.yml) found in ${dir}`);

  const bySlug = new Map<string, string>();
  const profiles: AgencyProfile[] = [];
  for (const name of files) {
    const file = join(dir, name);
    const profile = parseAgencyProfile(await readFile(file, 'utf8'), file);
    const other = bySlug.get(profile.slug);
    if (other !== undefined) {
      throw new Error(`Duplicate agency slug "${profile.slug}": ${other} and ${file} (keep one of them)`);
    }
    bySlug.set(profile.slug, file);
    profiles.push(profile);
  }
  return profiles.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
