export type { BookableService, BookingPlace, BookingRules, Slot, SlotCheck, SlotRejection } from './types.ts';
export { SLOT_REJECTIONS } from './types.ts';
export { bookingWindow, datesBetween, rigaDate, type BookingWindow } from './window.ts';
export { bookableSlots, calendarLookup, slotsOnDate } from './slots.ts';
export { checkRequestedSlot } from './validate.ts';
export { nearestSlots } from './nearest.ts';
export { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH, bookingCodeFrom, normalizeBookingCode } from './booking-code.ts';
export { dayAvailability, type DayAvailability, type DayAvailabilityKind, type DaySeats } from './day-availability.ts';
