import {
  RETENTION_RULES,
  auditPurgeBoundary,
  retentionCutoff,
  type RetentionAction,
  type RetentionKind,
  type RetentionPeriod,
} from '../../domain/privacy/retention-kinds.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { isRowKind, type DeclaredKind, type RecordKind } from './record-kind.ts';

/** One table of one kind for one agency (or platform-wide), with the instant before which records have expired. */
export type RowTask = { type: 'rows'; agency: string | null; declaration: RecordKind; action: RetentionAction; period: RetentionPeriod; cutoff: Date };
/** The audit log: whole months before `boundary`. */
export type AuditTask = { type: 'audit-months'; months: number; boundary: Date };
export type RetentionTask = RowTask | AuditTask;

type Setting = { period: RetentionPeriod; action: RetentionAction };

function monthsOf(period: RetentionPeriod): number {
  return period.unit === 'years' ? period.amount * 12 : period.unit === 'months' ? period.amount : Math.ceil(period.amount / 28);
}

function settingsOf(profiles: readonly AgencyProfile[], kind: RetentionKind): Array<{ agency: string; setting: Setting }> {
  return profiles.flatMap((p) => (p.privacy ? [{ agency: p.slug, setting: p.privacy.retention[kind] }] : []));
}

/** Platform-wide records follow the longest period any agency sets: no agency's promise is cut short. */
function longest(settings: Array<{ setting: Setting }>, now: Date): { setting: Setting; cutoff: Date } | null {
  let best: { setting: Setting; cutoff: Date } | null = null;
  for (const { setting } of settings) {
    const cutoff = retentionCutoff(now, setting.period);
    if (!best || cutoff < best.cutoff) best = { setting, cutoff };
  }
  return best;
}

/** What a retention run will do: pure, from the profiles, the declarations and the time. */
export function planRetention(profiles: readonly AgencyProfile[], kinds: readonly DeclaredKind[], now: Date): RetentionTask[] {
  const tasks: RetentionTask[] = [];
  for (const declaration of kinds) {
    const settings = settingsOf(profiles, declaration.kind);
    if (!isRowKind(declaration)) {
      const months = Math.max(RETENTION_RULES['audit-event'].minimum, ...settings.map((s) => monthsOf(s.setting.period)));
      if (settings.length > 0) tasks.push({ type: 'audit-months', months, boundary: auditPurgeBoundary(now, months) });
      continue;
    }
    if (declaration.agencySql === null) {
      const chosen = longest(settings, now);
      if (chosen) tasks.push({ type: 'rows', agency: null, declaration, action: chosen.setting.action, period: chosen.setting.period, cutoff: chosen.cutoff });
      continue;
    }
    for (const { agency, setting } of settings) {
      tasks.push({ type: 'rows', agency, declaration, action: setting.action, period: setting.period, cutoff: retentionCutoff(now, setting.period) });
    }
  }
  return tasks;
}
