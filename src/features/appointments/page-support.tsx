import type { FastifyReply } from 'fastify';
import type { ReactNode } from 'react';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { sendPage } from '../../web/send-page.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { formatDate, formatTime } from '../../web/format.ts';
import { rigaIso } from './time-format.ts';

export const APPOINTMENTS_CSS = '/static/appointments.css';

/** A page in the site layout with the appointments stylesheet. */
export function sendAppointmentsPage(
  reply: FastifyReply,
  ctx: PageContext,
  page: { title: string; body: ReactNode; agency?: AgencyProfile; status?: number },
) {
  return sendPage(reply, ctx, { ...page, stylesheets: [APPOINTMENTS_CSS] });
}

export function bookingPath(slug: string): string {
  return `/${slug}/pieraksts`;
}

/** Hidden inputs that carry earlier choices (and the language) through a GET form. */
export function Carry({ ctx, values }: { ctx: PageContext; values: Record<string, string | undefined> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {ctx.lang !== 'lv' && <input type="hidden" name="lang" value={ctx.lang} />}
    </>
  );
}

/** "09:00–09:20" in Riga time. */
export function formatTimeSpan(start: Date, end: Date): string {
  return `${formatTime(rigaIso(start))}–${formatTime(rigaIso(end))}`;
}

/** "ceturtdiena, 2026. gada 19. novembris, 09:00–09:20" / "Thursday, 19 November 2026, 09:00–09:20". */
export function formatVisit(start: Date, end: Date, lang: 'lv' | 'en'): string {
  return `${formatDate(rigaIso(start).slice(0, 10), lang, true)}, ${formatTimeSpan(start, end)}`;
}

export type RadioOption = { value: string; label: ReactNode };

/** A group of radio buttons in a fieldset: the first (or `checked`) option is chosen, so Enter submits a choice. */
export function RadioGroup({ name, legend, options, checked, hiddenLegend = false, grid = false, className = '' }: {
  name: string;
  legend: string;
  options: RadioOption[];
  checked?: string | null | undefined;
  hiddenLegend?: boolean;
  grid?: boolean;
  className?: string;
}) {
  const chosen = checked === undefined ? options[0]?.value : checked;
  return (
    <fieldset className={['choice-list', grid ? 'choice-grid' : '', className].filter(Boolean).join(' ')}>
      <legend className={hiddenLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input type="radio" name={name} value={option.value} required defaultChecked={option.value === chosen} /> {option.label}
        </label>
      ))}
    </fieldset>
  );
}
