import { withTransaction } from '../../../platform/db/transaction.ts';
import { authorize } from '../../../platform/access/authorize.ts';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../../platform/audit/audit.ts';
import type { ServiceDeps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/http/problem.ts';
import * as repo from '../inquiries-staff.repository.ts';
import { isUuid, type TemplateBody } from '../inquiries-staff.schema.ts';

function templateNotFound(): AppError {
  return new AppError(404, 'template-not-found', 'errors.notFoundTitle');
}

/** Every role of the agency reads the templates (specialists insert them into answers). */
export async function listAnswerTemplates(deps: ServiceDeps, scope: AgencyScope): Promise<repo.AnswerTemplateRow[]> {
  return repo.listTemplates(deps.db, scope.agency);
}

export async function getAnswerTemplate(deps: ServiceDeps, scope: AgencyScope, id: string): Promise<repo.AnswerTemplateRow> {
  const row = isUuid(id) ? await repo.findTemplate(deps.db, scope.agency, id) : undefined;
  if (!row) throw templateNotFound();
  return row;
}

/** A template with {reference} and {name} filled in for one inquiry. */
export function fillTemplate(body: string, values: { reference: string; name: string }): string {
  return body.replaceAll('{reference}', values.reference).replaceAll('{name}', values.name);
}

export async function createAnswerTemplate(deps: ServiceDeps, scope: AgencyScope, origin: AuditOrigin, body: TemplateBody): Promise<repo.AnswerTemplateRow> {
  authorize(scope, 'inquiries.manage');
  return withTransaction(deps.db, async (db) => {
    const row = await repo.insertTemplate(db, {
      agency: scope.agency,
      title: body.title,
      bodyLv: body.bodyLv,
      bodyEn: body.bodyEn,
      updatedAt: new Date(deps.clock().epochMilliseconds),
      updatedBy: origin.actorId,
    });
    await recordAudit(db, deps.clock, origin, { action: 'answer-template.created', recordType: 'answer_template', recordId: row.id, agency: scope.agency, details: { title: row.title } });
    return row;
  });
}

export async function updateAnswerTemplate(
  deps: ServiceDeps,
  scope: AgencyScope,
  origin: AuditOrigin,
  id: string,
  body: TemplateBody,
): Promise<repo.AnswerTemplateRow> {
  authorize(scope, 'inquiries.manage');
  if (!isUuid(id)) throw templateNotFound();
  return withTransaction(deps.db, async (db) => {
    const row = await repo.updateTemplate(db, scope.agency, id, {
      title: body.title,
      bodyLv: body.bodyLv,
      bodyEn: body.bodyEn,
      updatedAt: new Date(deps.clock().epochMilliseconds),
      updatedBy: origin.actorId,
    });
    if (!row) throw templateNotFound();
    await recordAudit(db, deps.clock, origin, { action: 'answer-template.updated', recordType: 'answer_template', recordId: row.id, agency: scope.agency, details: { title: row.title } });
    return row;
  });
}

export async function deleteAnswerTemplate(deps: ServiceDeps, scope: AgencyScope, origin: AuditOrigin, id: string): Promise<void> {
  authorize(scope, 'inquiries.manage');
  if (!isUuid(id)) throw templateNotFound();
  await withTransaction(deps.db, async (db) => {
    if (!(await repo.deleteTemplate(db, scope.agency, id))) throw templateNotFound();
    await recordAudit(db, deps.clock, origin, { action: 'answer-template.deleted', recordType: 'answer_template', recordId: id, agency: scope.agency });
  });
}
