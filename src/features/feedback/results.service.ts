import { averageScore, groupCells, parseMonth, responseRate, sumCells } from '../../domain/feedback/index.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import { readsOf, type AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { translator, type Language } from '../../platform/i18n/index.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import {
  listComments,
  listInvitationMonths,
  listOpinions,
  listResponsesAboutStaff,
  listScoreMonths,
  type CommentRow,
  type OpinionRow,
  type ResponseAboutStaff,
  type ResultFilters,
} from './feedback.repository.ts';

export type FilterInput = { from: string; to: string; centre: string; channel: string };
export type ScoreLine = { key: string; label: string; answers: number; average: number | null };
export type MonthLine = ScoreLine & { invited: number; responded: number; rate: number | null };
export type FeedbackResults = {
  filters: ResultFilters;
  questions: ScoreLine[];
  months: MonthLine[];
  centres: ScoreLine[];
  channels: ScoreLine[];
  totals: { invited: number; responded: number; rate: number | null };
  comments: CommentRow[];
  opinions: OpinionRow[];
};

export const COMMENTS_SHOWN = 50;
export const OPINIONS_SHOWN = 50;

/** Month range, centre and channel from the query; malformed or unknown values are reported and ignored. */
export function parseFilters(profile: AgencyProfile, input: FilterInput, lang: Language): { filters: ResultFilters; errors: FieldError[] } {
  const t = translator(lang);
  const errors: FieldError[] = [];
  const month = (field: 'from' | 'to') => {
    if (!input[field].trim()) return undefined;
    const parsed = parseMonth(input[field]);
    if (!parsed) errors.push({ field, code: 'invalid_format', message: t('feedback.staff.filterErrors') });
    return parsed ?? undefined;
  };
  const filters: ResultFilters = { from: month('from'), to: month('to') };
  if (input.centre && profile.serviceCentres.some((c) => c.id === input.centre)) filters.centre = input.centre;
  if (input.channel && profile.channels.some((c) => c.id === input.channel)) filters.channel = input.channel;
  return { filters, errors };
}

/** The rating question the month, centre and channel figures use: the first required rating, else the first rating. */
export function overallQuestion(profile: AgencyProfile): string {
  const ratings = profile.feedback.survey.questions.filter((q) => q.kind === 'rating');
  return (ratings.find((q) => q.required) ?? ratings[0])?.id ?? 'overall';
}

export function centreLabel(profile: AgencyProfile, key: string, lang: Language): string {
  return key ? (profile.serviceCentres.find((c) => c.id === key)?.name[lang] ?? key) : translator(lang)('feedback.staff.noCentre');
}

export function channelLabel(profile: AgencyProfile, key: string, lang: Language): string {
  return key ? (profile.channels.find((c) => c.id === key)?.label[lang] ?? key) : translator(lang)('feedback.staff.noChannel');
}

function lines(groups: Map<string, { answers: number; total: number }>, label: (key: string) => string): ScoreLine[] {
  return [...groups].map(([key, cell]) => ({ key, label: label(key), answers: cell.answers, average: averageScore(cell) }));
}

/** The results page: everything read from the monthly aggregates (bounded by months × centres × channels × questions). */
export async function loadResults(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, filters: ResultFilters, lang: Language): Promise<FeedbackResults> {
  const profile = deps.agencies.get(scope.agency) as AgencyProfile;
  const [scores, invitations, comments, opinions] = await Promise.all([
    listScoreMonths(readsOf(deps), scope.agency, filters),
    listInvitationMonths(readsOf(deps), scope.agency, filters),
    listComments(readsOf(deps), scope.agency, filters, COMMENTS_SHOWN),
    listOpinions(readsOf(deps), scope.agency, OPINIONS_SHOWN),
  ]);
  const overall = overallQuestion(profile);
  const overallRows = scores.filter((row) => row.questionId === overall);
  const byQuestion = groupCells(scores, (row) => row.questionId);
  const questions = profile.feedback.survey.questions
    .filter((q) => q.kind === 'rating')
    .map((q) => {
      const cell = byQuestion.get(q.id) ?? { answers: 0, total: 0 };
      return { key: q.id, label: q.label[lang], answers: cell.answers, average: averageScore(cell) };
    });
  const invitedByMonth = new Map<string, { invited: number; responded: number }>();
  for (const row of invitations) {
    const cell = invitedByMonth.get(row.month) ?? { invited: 0, responded: 0 };
    cell.invited += row.invited;
    cell.responded += row.responded;
    invitedByMonth.set(row.month, cell);
  }
  const scoreByMonth = groupCells(overallRows, (row) => row.month);
  const monthKeys = [...new Set([...invitedByMonth.keys(), ...scoreByMonth.keys()])].sort();
  const months = monthKeys.map((month): MonthLine => {
    const cell = scoreByMonth.get(month) ?? { answers: 0, total: 0 };
    const sent = invitedByMonth.get(month) ?? { invited: 0, responded: 0 };
    return { key: month, label: month.slice(0, 7), answers: cell.answers, average: averageScore(cell), ...sent, rate: responseRate(sent.invited, sent.responded) };
  });
  const invited = sumCells(invitations.map((r) => ({ answers: r.invited, total: r.responded })));
  await recordAudit(deps.db, deps.clock, origin, {
    action: 'feedback.results-viewed',
    recordType: 'feedback_results',
    agency: scope.agency,
    details: { filters, comments: comments.length, opinions: opinions.length },
  });
  return {
    filters,
    questions,
    months,
    centres: lines(groupCells(overallRows, (row) => row.centreKey), (key) => centreLabel(profile, key, lang)),
    channels: lines(groupCells(overallRows, (row) => row.channelKey), (key) => channelLabel(profile, key, lang)),
    totals: { invited: invited.answers, responded: invited.total, rate: responseRate(invited.answers, invited.total) },
    comments,
    opinions,
  };
}

/** One CSV field: quoted when it holds a separator, quote or line break (RFC 4180), quotes doubled. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Aggregated results as CSV for Excel: UTF-8 BOM, Latvian headers, CRLF line ends; no personal data. */
export async function exportResultsCsv(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin, filters: ResultFilters): Promise<string> {
  const profile = deps.agencies.get(scope.agency) as AgencyProfile;
  const t = translator('lv');
  const [scores, invitations] = await Promise.all([listScoreMonths(readsOf(deps), scope.agency, filters), listInvitationMonths(readsOf(deps), scope.agency, filters)]);
  const sent = new Map(invitations.map((row) => [`${row.month}|${row.centreKey}|${row.channelKey}`, row]));
  const label = (id: string) => profile.feedback.survey.questions.find((q) => q.id === id)?.label.lv ?? id;
  const header = ['month', 'centre', 'channel', 'question', 'answers', 'average', 'invited', 'responded'] as const;
  const rows = scores.map((row) => {
    const cell = sent.get(`${row.month}|${row.centreKey}|${row.channelKey}`);
    return [
      row.month.slice(0, 7),
      centreLabel(profile, row.centreKey, 'lv'),
      channelLabel(profile, row.channelKey, 'lv'),
      label(row.questionId),
      row.answers,
      averageScore(row)?.toFixed(1) ?? '',
      cell?.invited ?? 0,
      cell?.responded ?? 0,
    ];
  });
  await recordAudit(deps.db, deps.clock, origin, { action: 'feedback.results-exported', recordType: 'feedback_results', agency: scope.agency, details: { filters, rows: rows.length } });
  const lines = [header.map((h) => csvField(t(`feedback.staff.csv.${h}`))), ...rows.map((r) => r.map(csvField))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

/** The signed-in staff member's own answers: only those where the client agreed to be seen (audited). */
export async function loadMyResponses(deps: AppDeps, scope: AgencyScope, origin: AuditOrigin): Promise<ResponseAboutStaff[]> {
  const responses = await listResponsesAboutStaff(deps.db, scope.agency, scope.actor.id, COMMENTS_SHOWN);
  await recordAudit(deps.db, deps.clock, origin, { action: 'feedback.own-responses-viewed', recordType: 'feedback_results', agency: scope.agency, details: { responses: responses.length } });
  return responses;
}
