import type { Temporal } from 'temporal-polyfill';
import type { HoursSpec } from '../opening-hours/index.ts';

/** A bookable service: how long one client takes and the pause the specialist needs after. */
export type BookableService = { id: string; durationMinutes: number; bufferMinutes: number };

/** Where clients are served (a client service centre or a video-consultation location). */
export type BookingPlace = {
  id: string;
  hours: HoursSpec;
  /** Ids of the services booked here. */
  services: readonly string[];
};

/** The agency's booking rules (profile `booking`). */
export type BookingRules = {
  /** appointment.minNotice: working days between the booking day and the earliest bookable day. */
  minNoticeWorkingDays: number;
  /** Last bookable day = today + horizonDays (calendar days). */
  horizonDays: number;
};

/** One appointment time: [start, end) for the client; the buffer follows `end`. */
export type Slot = { start: Temporal.Instant; end: Temporal.Instant };

/** Why a requested time cannot be booked (one reason per bad case). */
export const SLOT_REJECTIONS = [
  'past',
  'non-working-day',
  'outside-hours',
  'not-slot-start',
  'min-notice',
  'beyond-horizon',
  'service-not-offered',
] as const;
export type SlotRejection = (typeof SLOT_REJECTIONS)[number];

export type SlotCheck = { ok: true; slot: Slot; date: string } | { ok: false; reason: SlotRejection };
