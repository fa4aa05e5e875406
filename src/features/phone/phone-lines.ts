import type { Temporal } from 'temporal-polyfill';
import type { LatvianCalendar } from '../../domain/calendar/index.ts';
import type { HoursSpec } from '../../domain/opening-hours/index.ts';
import type { AgencyProfile, HoursProfile, LocalizedText } from '../agencies/agency-profile.schema.ts';
import { hoursStatus, toHoursSpec, type HoursStatus } from '../agencies/agencies.service.ts';
import { topicsFor } from '../inquiries/inquiries-public.service.ts';

export type PhoneTopic = { id: string; name: LocalizedText };

/** One phone line of the agency: a phone channel, or a client service centre's own number. */
export type PhoneLine = {
  id: string;
  kind: 'channel' | 'centre';
  number: string;
  name: LocalizedText;
  hours: HoursProfile | undefined;
  topics: PhoneTopic[];
  recorded: boolean;
  note: LocalizedText | undefined;
};

/** The topics served by phone: the phone section's, else the profile's phoneTopics, else the question form's. */
export function phoneTopics(profile: AgencyProfile): PhoneTopic[] {
  if (profile.phone.topics.length > 0) return profile.phone.topics;
  if (profile.phoneTopics.length > 0) return profile.phoneTopics;
  return topicsFor(profile);
}

/** Every phone line: the phone channels first (with the phone section's hours as the default), then each centre's number. */
export function phoneLines(profile: AgencyProfile): PhoneLine[] {
  const topics = phoneTopics(profile);
  const recorded = profile.phone.recorded;
  const channels = profile.channels
    .filter((c) => c.kind === 'phone')
    .map((c): PhoneLine => ({ id: c.id, kind: 'channel', number: c.address, name: c.label, hours: c.hours ?? profile.phone.hours, topics, recorded, note: c.note }));
  const centres = profile.serviceCentres
    .filter((c) => c.phone && !channels.some((line) => line.number === c.phone))
    .map((c): PhoneLine => ({ id: c.id, kind: 'centre', number: c.phone as string, name: c.name, hours: c.hours, topics, recorded, note: undefined }));
  return [...channels, ...centres];
}

/** The line whose hours bound a callback window: phone.callbackLine, else the first phone channel. */
export function callbackLine(profile: AgencyProfile): PhoneLine | undefined {
  const lines = phoneLines(profile);
  return lines.find((l) => l.id === profile.phone.callbackLine) ?? lines.find((l) => l.kind === 'channel') ?? lines[0];
}

/** A line's hours as the domain's spec; a line without hours is treated as open Mon–Fri never (no callbacks). */
export function lineSpec(line: PhoneLine): HoursSpec {
  return line.hours ? toHoursSpec(line.hours) : { weekly: {} };
}

export type LineWithStatus = { line: PhoneLine; status: HoursStatus };

export function linesWithStatus(profile: AgencyProfile, calendar: LatvianCalendar, at: Temporal.Instant): LineWithStatus[] {
  return phoneLines(profile).map((line) => ({ line, status: hoursStatus(line.hours, calendar, at) }));
}

/** "tel:" link of a number as printed. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^+\d]/g, '')}`;
}
