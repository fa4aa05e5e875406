import { sql, type SQL } from 'drizzle-orm';
import {
  INDICATORS,
  findIndicator,
  isWholeMonths,
  parsePeriod,
  periodLabel,
  SNAPSHOT_METRICS,
  trendPeriods,
  verdict,
  type Figure,
  type Granularity,
  type Histogram,
  type Indicator,
  type Period,
  type PeriodData,
  type PeriodInput,
  type PeriodSelection,
  type Source,
  type Target,
  type Text,
  type Verdict,
} from '../../domain/standard-figures/index.ts';
import { rigaToday } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import { INQUIRY_CHANNELS } from '../inquiries/inquiries.tables.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { targetOf, type StandardPromise } from './promise.schema.ts';
import { availableSources, registeredChannelValues } from './sources.ts';
import { cached } from './figure-cache.ts';

export type FigureFilters = { centre?: string | undefined; service?: string | undefined; channel?: string | undefined };
export type FigureRequest = PeriodInput & FigureFilters;
export type RequestError = { field: string; code: string; messageKey: MessageKey };

export type TrendPoint = { label: string; period: Period; figure: Figure };
export type PromiseFigures = {
  promise: StandardPromise;
  indicator: Indicator | null;
  current: Figure;
  previous: Figure;
  trend: TrendPoint[];
  verdict: Verdict | 'not-measurable';
  /** Current minus previous (null when either is missing). */
  change: number | null;
  /** The centre/channel filter asked for does not apply to this indicator: the figure is the agency's. */
  filterIgnored: boolean;
  /** Its records come from a feature not (yet) registered: "no data". */
  sourceMissing: boolean;
};
export type StandardFigures = {
  agency: string;
  selection: PeriodSelection;
  filters: FigureFilters;
  promises: PromiseFigures[];
  refreshedAt: Date | null;
};

const ERROR_KEYS: Record<string, MessageKey> = {
  invalid_format: 'standardFigures.errors.invalidFormat',
  required: 'standardFigures.errors.required',
  reversed: 'standardFigures.errors.reversed',
  too_long: 'standardFigures.errors.tooLong',
};

/** Contact channels a figure can be filtered by: the profile's channels, the inquiry channels, and the in-person queue / phone. */
export function contactChannels(profile: AgencyProfile): string[] {
  return [...new Set<string>([...profile.channels.map((c) => c.id), ...INQUIRY_CHANNELS, 'queue', 'phone'])];
}

/** The other values of the channel filter (phone topics, incident kinds and actions), as their features register them. */
export function channelValueGroups(profile: AgencyProfile): Array<{ name: string; label: Text; indicators: readonly string[]; values: Array<{ id: string; label: Text }> }> {
  return registeredChannelValues().map((set) => ({ name: set.name, label: set.label, indicators: set.indicators, values: set.values(profile) }));
}

/** Every value the channel filter accepts. */
export function knownChannels(profile: AgencyProfile): Set<string> {
  return new Set<string>([...contactChannels(profile), ...channelValueGroups(profile).flatMap((g) => g.values.map((v) => v.id))]);
}

/**
 * Whether a channel value applies to an indicator: an indicator named by a registered set (phone.calls by topic,
 * incidents.recorded by kind or action) takes only that set's values; every other indicator with the channel
 * dimension takes the contact channels.
 */
export function channelScope(profile: AgencyProfile, channel: string): (indicator: Indicator) => boolean {
  const groups = channelValueGroups(profile);
  const contact = contactChannels(profile).includes(channel);
  return (indicator) => {
    if (!indicator.dimensions.includes('channel')) return false;
    const sets = groups.filter((g) => g.indicators.includes(indicator.id));
    return sets.length === 0 ? contact : sets.some((g) => g.values.some((v) => v.id === channel));
  };
}

/** The period and filters of a request, or field-level errors (malformed, reversed, over five years, unknown centre/service/channel). */
export function parseFigureRequest(profile: AgencyProfile, input: FigureRequest, today: string): { selection: PeriodSelection; filters: FigureFilters } | { errors: RequestError[] } {
  const errors: RequestError[] = [];
  const parsed = parsePeriod(input, today);
  if ('errors' in parsed) for (const e of parsed.errors) errors.push({ field: e.field, code: e.code, messageKey: ERROR_KEYS[e.code] ?? 'standardFigures.errors.invalidFormat' });
  const filters: FigureFilters = {};
  if (input.centre) {
    if (profile.serviceCentres.some((c) => c.id === input.centre)) filters.centre = input.centre;
    else errors.push({ field: 'centre', code: 'unknown', messageKey: 'standardFigures.errors.unknownCentre' });
  }
  if (input.service) {
    if (profile.services.some((s) => s.id === input.service)) filters.service = input.service;
    else errors.push({ field: 'service', code: 'unknown', messageKey: 'standardFigures.errors.unknownService' });
  }
  if (input.channel) {
    if (knownChannels(profile).has(input.channel)) filters.channel = input.channel;
    else errors.push({ field: 'channel', code: 'unknown', messageKey: 'standardFigures.errors.unknownChannel' });
  }
  if (errors.length > 0 || 'errors' in parsed) return { errors };
  return { selection: parsed.selection, filters };
}

type Row = { k: string; metric: string; bucket: number; n: string | number };

async function rowsOf(db: Database, query: SQL): Promise<Row[]> {
  return (await db.execute(query) as unknown as { rows: Row[] }).rows;
}

function filterSql(filters: FigureFilters): SQL {
  const parts: SQL[] = [];
  if (filters.centre) parts.push(sql` and centre_key = ${filters.centre}`);
  if (filters.service) parts.push(sql` and service_key = ${filters.service}`);
  if (filters.channel) parts.push(sql` and channel_key = ${filters.channel}`);
  return sql.join(parts, sql``);
}

/** Counts per period, metric and bucket: from the monthly table when every period is whole months, else per day. */
export async function loadPeriodData(db: Database, agency: string, periods: readonly Period[], filters: FigureFilters, metrics: readonly string[]): Promise<PeriodData[]> {
  const from = periods[0]?.from ?? '';
  const to = periods[periods.length - 1]?.to ?? '';
  const metricList = sql.join(metrics.map((m) => sql`${m}`), sql`, `);
  const months = periods.every(isWholeMonths);
  const counted = months
    ? sql`select month::text as k, metric, bucket, sum(n) as n from standard_figure_months
          where agency = ${agency} and month between ${from} and ${to} and metric in (${metricList})${filterSql(filters)} group by 1, 2, 3`
    : sql`select day::text as k, metric, bucket, sum(n) as n from standard_figure_days
          where agency = ${agency} and day between ${from} and ${to} and metric in (${metricList})${filterSql(filters)} group by 1, 2, 3`;
  // Snapshot metrics (open now…) are read per day, and only when an indicator asked for them.
  const wanted = SNAPSHOT_METRICS.filter((m) => metrics.includes(m));
  const snapshots = sql.join(wanted.map((m) => sql`${m}`), sql`, `);
  const [rows, snaps] = await Promise.all([
    rowsOf(db, counted),
    wanted.length === 0
      ? Promise.resolve([] as Row[])
      : rowsOf(db, sql`select day::text as k, metric, 0 as bucket, sum(n) as n from standard_figure_days
          where agency = ${agency} and metric in (${snapshots}) and day between ${from} and ${to} group by 1, 2`),
  ]);
  const index = (k: string) => periods.findIndex((p) => k >= p.from && k <= p.to);
  const hist = periods.map(() => new Map<string, Map<number, number>>());
  for (const row of rows) {
    const i = index(row.k);
    if (i < 0) continue;
    const byMetric = hist[i] as Map<string, Map<number, number>>;
    const h = byMetric.get(row.metric) ?? new Map<number, number>();
    h.set(Number(row.bucket), (h.get(Number(row.bucket)) ?? 0) + Number(row.n));
    byMetric.set(row.metric, h);
  }
  const latest = periods.map(() => new Map<string, { day: string; n: number }>());
  for (const row of snaps) {
    const i = index(row.k);
    if (i < 0) continue;
    const seen = latest[i]?.get(row.metric);
    if (!seen || seen.day < row.k) latest[i]?.set(row.metric, { day: row.k, n: Number(row.n) });
  }
  const empty: Histogram = new Map();
  return periods.map((_, i) => ({
    histogram: (metric) => hist[i]?.get(metric) ?? empty,
    latest: (metric) => latest[i]?.get(metric)?.n ?? null,
  }));
}

const NO_FIGURE: Figure = { value: null, base: 0 };

function appliesTo(indicator: Indicator, filters: FigureFilters, channelApplies: (indicator: Indicator) => boolean): boolean {
  return (
    (!filters.centre || indicator.dimensions.includes('centre')) &&
    (!filters.service || indicator.dimensions.includes('service')) &&
    (!filters.channel || channelApplies(indicator))
  );
}

export async function lastRefreshed(db: Database, agency: string): Promise<Date | null> {
  const rows = (await db.execute(sql`select refreshed_at from standard_figure_refreshes where agency = ${agency}`) as unknown as { rows: Array<{ refreshed_at: string | Date }> }).rows;
  return rows[0] ? new Date(rows[0].refreshed_at) : null;
}

/** Every promise of the profile with its figure, previous figure, 12-period trend and verdict. */
export async function computeStandardFigures(
  deps: Pick<AppDeps, 'db'>,
  profile: AgencyProfile,
  selection: PeriodSelection,
  filters: FigureFilters,
  sources: ReadonlySet<Source> = availableSources(),
): Promise<StandardFigures> {
  const refreshedAt = await lastRefreshed(deps.db, profile.slug);
  const key = JSON.stringify([profile.slug, profile.promises, selection, filters, [...sources].sort(), refreshedAt?.getTime() ?? null]);
  return cached(deps.db, key, () => computeFresh(deps, profile, selection, filters, sources, refreshedAt));
}

async function computeFresh(
  deps: Pick<AppDeps, 'db'>,
  profile: AgencyProfile,
  selection: PeriodSelection,
  filters: FigureFilters,
  sources: ReadonlySet<Source>,
  refreshedAt: Date | null,
): Promise<StandardFigures> {
  const periods = trendPeriods(selection);
  const measured = profile.promises.map((p) => (p.indicator ? findIndicator(p.indicator) ?? null : null));
  const metrics = [...new Set(measured.flatMap((i) => (i ? i.metrics : [])))];
  const filtered = Boolean(filters.centre || filters.service || filters.channel);
  const channelApplies = filters.channel ? channelScope(profile, filters.channel) : () => true;
  const [data, agencyWide] = await Promise.all([
    metrics.length ? loadPeriodData(deps.db, profile.slug, periods, filters, metrics) : Promise.resolve([] as PeriodData[]),
    filtered && metrics.length ? loadPeriodData(deps.db, profile.slug, periods, {}, metrics) : Promise.resolve(null),
  ]);
  const promises = profile.promises.map((promise, p): PromiseFigures => {
    const indicator = measured[p] ?? null;
    if (!indicator || !promise.target) {
      return { promise, indicator, current: NO_FIGURE, previous: NO_FIGURE, trend: [], verdict: 'not-measurable', change: null, filterIgnored: false, sourceMissing: false };
    }
    const sourceMissing = !sources.has(indicator.source);
    const filterIgnored = filtered && !appliesTo(indicator, filters, channelApplies);
    const use = filterIgnored && agencyWide ? agencyWide : data;
    const trend = periods.map((period, i) => ({
      label: periodLabel(selection.granularity, period),
      period,
      figure: sourceMissing ? NO_FIGURE : indicator.compute(use[i] as PeriodData),
    }));
    const current = trend[trend.length - 1]?.figure ?? NO_FIGURE;
    const previous = trend[trend.length - 2]?.figure ?? NO_FIGURE;
    const change = current.value !== null && previous.value !== null ? current.value - previous.value : null;
    return { promise, indicator, current, previous, trend, verdict: verdict(current.value, targetOf(promise.target)), change, filterIgnored, sourceMissing };
  });
  return { agency: profile.slug, selection, filters, promises, refreshedAt };
}

export function todayOf(deps: Pick<AppDeps, 'clock'>): string {
  return rigaToday(deps.clock);
}

export type { Granularity };
export { INDICATORS };
