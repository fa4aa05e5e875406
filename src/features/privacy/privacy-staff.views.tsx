import { RETENTION_KINDS, RETENTION_RULES, periodText, type RetentionKind } from '../../domain/privacy/index.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { CsrfField, ErrorSummary, SelectField, TextAreaField, TextField, errorFor, ScrollRegion } from '../../web/components.tsx';
import { formatMoment } from '../../web/format.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { PrivacyProfile } from './privacy-profile.schema.ts';
import { HOLDABLE_KINDS } from './privacy.schema.ts';
import type { RetentionRunSummary } from './privacy.tables.ts';
import type { SubjectReport } from './subject-access.service.ts';

export type RunRow = { id: string; origin: string; dryRun: boolean; startedAt: Date; finishedAt: Date | null; summary: RetentionRunSummary; error: string | null };
export type HoldRow = { id: string; kind: string; recordId: string; reason: string; setAt: Date; setBy: string | null };

const kindLabel = (ctx: PageContext, kind: string) => ctx.t(`privacy.kinds.${kind as RetentionKind}`);
const moment = (ctx: PageContext, at: Date | string) => formatMoment(new Date(at).toISOString(), ctx.lang);

function RetentionTable({ ctx, privacy, tables }: { ctx: PageContext; privacy: PrivacyProfile; tables: Map<string, string[]> }) {
  return (
    <ScrollRegion label={ctx.t('privacy.staff.kindsTitle')}>
      <table>
        <caption>{ctx.t('privacy.staff.kindsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('privacy.staff.kind')}</th>
            <th scope="col">{ctx.t('privacy.staff.period')}</th>
            <th scope="col">{ctx.t('privacy.staff.action')}</th>
            <th scope="col">{ctx.t('privacy.staff.minimum')}</th>
            <th scope="col">{ctx.t('privacy.staff.tables')}</th>
          </tr>
        </thead>
        <tbody>
          {RETENTION_KINDS.map((kind) => {
            const setting = privacy.retention[kind];
            const rule = RETENTION_RULES[kind];
            return (
              <tr key={kind}>
                <th scope="row">{kindLabel(ctx, kind)}</th>
                <td>{periodText(setting.period, ctx.lang)}</td>
                <td>{ctx.t(`privacy.actionsShort.${setting.action}`)}</td>
                <td>
                  {periodText({ amount: rule.minimum, unit: rule.unit }, ctx.lang)}
                  <br />
                  <small>{rule.basis[ctx.lang]}</small>
                </td>
                <td>{tables.get(kind)?.join(', ') ?? ctx.t('privacy.staff.notInstalled')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function SummaryTable({ ctx, summary, caption, dry }: { ctx: PageContext; summary: RetentionRunSummary; caption: string; dry: boolean }) {
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('privacy.staff.kind')}</th>
            <th scope="col">{ctx.t('privacy.staff.tables')}</th>
            <th scope="col">{ctx.t('privacy.staff.action')}</th>
            <th scope="col">{dry ? ctx.t('privacy.staff.would') : ctx.t('privacy.staff.changed')}</th>
            {dry && <th scope="col">{ctx.t('privacy.staff.held')}</th>}
          </tr>
        </thead>
        <tbody>
          {summary.map((line) => (
            <tr key={`${line.agency ?? '-'}-${line.table}`}>
              <th scope="row">{kindLabel(ctx, line.kind)}</th>
              <td>{line.table}</td>
              <td>{ctx.t(`privacy.actionsShort.${line.action as 'anonymise' | 'delete'}`)}</td>
              <td>{line.count}</td>
              {dry && <td>{line.held ?? 0}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function PrivacyOverviewView({ ctx, agency, privacy, tables, runs, dryRun }: { ctx: PageContext; agency: string; privacy: PrivacyProfile | undefined; tables: Map<string, string[]>; runs: RunRow[]; dryRun: RunRow | null }) {
  const base = `/staff/${agency}/privatums`;
  return (
    <>
      <h1>{ctx.t('privacy.staff.title')}</h1>
      <p>{ctx.t('privacy.staff.intro')}</p>
      <ul>
        <li>
          <a href={`${base}/aizturesana`}>{ctx.t('privacy.staff.holdsLink')}</a>
        </li>
        <li>
          <a href={`${base}/pieprasijums`}>{ctx.t('privacy.staff.subjectLink')}</a>
        </li>
      </ul>
      {privacy ? <RetentionTable ctx={ctx} privacy={privacy} tables={tables} /> : <p>{ctx.t('privacy.notice.notConfigured')}</p>}
      <h2>{ctx.t('privacy.staff.dryRunTitle')}</h2>
      <p>{ctx.t('privacy.staff.dryRunIntro')}</p>
      <form method="post" action={`${base}/izmeginajums`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{ctx.t('privacy.staff.dryRunButton')}</button>
      </form>
      {dryRun && <SummaryTable ctx={ctx} summary={dryRun.summary} caption={`${ctx.t('privacy.staff.dryRunResult')} (${moment(ctx, dryRun.startedAt)})`} dry />}
      <h2>{ctx.t('privacy.staff.lastRunsTitle')}</h2>
      {runs.length === 0 ? (
        <p>{ctx.t('privacy.staff.noRuns')}</p>
      ) : (
        <ScrollRegion label={ctx.t('privacy.staff.lastRunsTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{ctx.t('privacy.staff.started')}</th>
                <th scope="col">{ctx.t('privacy.staff.kindOfRun')}</th>
                <th scope="col">{ctx.t('privacy.staff.origin')}</th>
                <th scope="col">{ctx.t('privacy.staff.changed')}</th>
                <th scope="col">{ctx.t('privacy.staff.error')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <td>{moment(ctx, run.startedAt)}</td>
                  <td>{run.dryRun ? ctx.t('privacy.staff.dry') : ctx.t('privacy.staff.real')}</td>
                  <td>{run.origin}</td>
                  <td>{run.summary.reduce((sum, line) => sum + line.count, 0)}</td>
                  <td>{run.error ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

export function HoldsView({ ctx, agency, holds, values, errors, notice }: { ctx: PageContext; agency: string; holds: HoldRow[]; values: Record<string, string>; errors: FieldError[]; notice: string | null }) {
  const base = `/staff/${agency}/privatums/aizturesana`;
  const kinds = [{ value: '', label: '—' }, ...HOLDABLE_KINDS.map((kind) => ({ value: kind, label: kindLabel(ctx, kind) }))];
  return (
    <>
      <h1>{ctx.t('privacy.holds.title')}</h1>
      <p>{ctx.t('privacy.holds.intro')}</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <h2>{ctx.t('privacy.holds.setTitle')}</h2>
      <form method="post" action={base} noValidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <CsrfField ctx={ctx} />
        <SelectField name="kind" label={ctx.t('privacy.holds.kind')} options={kinds} value={values['kind']} error={errorFor(errors, 'kind')} required />
        <TextField name="record" label={ctx.t('privacy.holds.record')} value={values['record']} error={errorFor(errors, 'record')} required />
        <TextAreaField name="reason" label={ctx.t('privacy.holds.reason')} hint={ctx.t('privacy.holds.reasonHint')} value={values['reason']} error={errorFor(errors, 'reason')} rows={3} required />
        <button type="submit">{ctx.t('privacy.holds.set')}</button>
      </form>
      <h2>{ctx.t('privacy.holds.activeTitle')}</h2>
      {holds.length === 0 ? (
        <p>{ctx.t('privacy.holds.none')}</p>
      ) : (
        <ul className="holds">
          {holds.map((hold) => (
            <li key={hold.id}>
              <p>
                <strong>{kindLabel(ctx, hold.kind)}</strong> {hold.recordId} — {hold.reason}
                <br />
                {ctx.t('privacy.holds.setBy')}: {hold.setBy ?? '—'}, {ctx.t('privacy.holds.setAt')}: {moment(ctx, hold.setAt)}
              </p>
              <form method="post" action={`${base}/atcelt`} noValidate>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="hold" value={hold.id} />
                <TextField name="reason" id={`lift-${hold.id}`} label={ctx.t('privacy.holds.liftReason')} error={values['hold'] === hold.id ? errorFor(errors, 'reason') : undefined} required />
                <button type="submit">{ctx.t('privacy.holds.lift')}</button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function SubjectFormView({ ctx, agency, values, errors }: { ctx: PageContext; agency: string; values: Record<string, string>; errors: FieldError[] }) {
  return (
    <>
      <h1>{ctx.t('privacy.subject.title')}</h1>
      <p>{ctx.t('privacy.subject.intro')}</p>
      <form method="post" action={`/staff/${agency}/privatums/pieprasijums`} noValidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <CsrfField ctx={ctx} />
        <TextField name="personalCode" label={ctx.t('privacy.subject.personalCode')} value={values['personalCode']} error={errorFor(errors, 'personalCode')} autoComplete="off" />
        <TextField name="email" type="email" label={ctx.t('privacy.subject.email')} value={values['email']} error={errorFor(errors, 'email')} autoComplete="off" />
        <TextField name="phone" type="tel" label={ctx.t('privacy.subject.phone')} value={values['phone']} error={errorFor(errors, 'phone')} autoComplete="off" />
        <TextAreaField name="reason" label={ctx.t('privacy.subject.reason')} hint={ctx.t('privacy.subject.reasonHint')} value={values['reason']} error={errorFor(errors, 'reason')} rows={3} required />
        <button type="submit">{ctx.t('privacy.subject.search')}</button>
      </form>
    </>
  );
}

export function SubjectReportView({ ctx, report, statusLabel }: { ctx: PageContext; report: SubjectReport; statusLabel: (kind: string, status: string) => string }) {
  const criteria = [
    report.criteria.personalCode && `${ctx.t('privacy.subject.personalCode')}: ${report.criteria.personalCode}`,
    report.criteria.email && `${ctx.t('privacy.subject.email')}: ${report.criteria.email}`,
    report.criteria.phone && `${ctx.t('privacy.subject.phone')}: ${report.criteria.phone}`,
  ].filter(Boolean);
  const total = report.sections.reduce((sum, s) => sum + s.records.length, 0);
  return (
    <>
      <h1>{ctx.t('privacy.subject.title')}</h1>
      <p>
        {ctx.t('privacy.subject.criteria')}: {criteria.join('; ')}
      </p>
      <p>{ctx.t('privacy.subject.searchedBy', { name: report.searchedBy, time: moment(ctx, report.searchedAt), reason: report.reason })}</p>
      <p className="hint">{ctx.t('privacy.subject.printHint')}</p>
      <h2>{ctx.t('privacy.subject.resultTitle')}</h2>
      {total === 0 && <p>{ctx.t('privacy.subject.none')}</p>}
      {report.sections
        .filter((s) => s.records.length > 0)
        .map((section) => (
          <section key={section.kind}>
            <h3>
              {kindLabel(ctx, section.kind)} ({section.records.length})
            </h3>
            <ScrollRegion label={kindLabel(ctx, section.kind)}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{ctx.t('privacy.subject.reference')}</th>
                    <th scope="col">{ctx.t('privacy.subject.status')}</th>
                    <th scope="col">{ctx.t('privacy.subject.created')}</th>
                    <th scope="col">{ctx.t('privacy.subject.trail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {section.records.map((record) => (
                    <tr key={record.id}>
                      <th scope="row">{record.staffPath ? <a href={`/staff/${report.agency}${record.staffPath}`}>{record.reference}</a> : record.reference}</th>
                      <td>{statusLabel(section.kind, record.status)}</td>
                      <td>{moment(ctx, record.at)}</td>
                      <td>
                        {record.trail.length === 0 ? (
                          ctx.t('privacy.subject.noTrail')
                        ) : (
                          <ul>
                            {record.trail.map((entry, i) => (
                              <li key={i}>
                                {moment(ctx, entry.at)}: {entry.actor} ({entry.action})
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        ))}
    </>
  );
}
