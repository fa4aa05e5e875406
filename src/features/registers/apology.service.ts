// The agency's apology letter (LV and EN), edited by supervisors; filled in and kept with the error's step.
import { and, eq } from 'drizzle-orm';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { translator, type Language } from '../../platform/i18n/index.ts';
import { inTransaction, profileOf, type RegisterDeps } from './register-support.ts';
import { registerApologyTemplates } from './registers.tables.ts';

export type ApologyTemplate = { lang: Language; subject: string; body: string; edited: boolean };

/** The agency's template in the language, or the catalog's default when the agency has not edited it. */
export async function apologyTemplate(db: Database, agency: string, lang: Language): Promise<ApologyTemplate> {
  const [row] = await db.select().from(registerApologyTemplates).where(and(eq(registerApologyTemplates.agency, agency), eq(registerApologyTemplates.lang, lang)));
  if (row) return { lang, subject: row.subject, body: row.body, edited: true };
  const t = translator(lang);
  return { lang, subject: t('registers.apology.defaultSubject'), body: t('registers.apology.defaultBody'), edited: false };
}

/** Fills {{agency}}, {{reference}} and {{details}}; anything else in braces stays as written. */
export function fillApology(template: { subject: string; body: string }, values: { agency: string; reference: string; details: string }): { subject: string; body: string } {
  const fill = (text: string) => text.replace(/\{\{\s*(agency|reference|details)\s*\}\}/g, (_, key: keyof typeof values) => values[key]);
  return { subject: fill(template.subject), body: fill(template.body).replace(/\n{3,}/g, '\n\n') };
}

/** Saves the agency's template for one language (supervisor, administrator), audited. */
export async function saveApologyTemplate(deps: RegisterDeps, scope: AgencyScope, origin: AuditOrigin, input: { lang: Language; subject: string; body: string }): Promise<void> {
  profileOf(deps, scope);
  await inTransaction(deps, async (tx, now) => {
    await tx
      .insert(registerApologyTemplates)
      .values({ agency: scope.agency, lang: input.lang, subject: input.subject, body: input.body, updatedBy: scope.actor.id, updatedAt: now })
      .onConflictDoUpdate({ target: [registerApologyTemplates.agency, registerApologyTemplates.lang], set: { subject: input.subject, body: input.body, updatedBy: scope.actor.id, updatedAt: now } });
    await recordAudit(tx, deps.clock, origin, { action: 'registers.apology-template-saved', recordType: 'apology-template', recordId: input.lang, agency: scope.agency });
  });
}
