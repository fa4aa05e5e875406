import type { Temporal } from 'temporal-polyfill';
import { rigaDateAt } from '../opening-hours/index.ts';

export type QueueService = { id: string; queueLetter?: string | undefined };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Capital A–Z letters of a text, diacritics folded (ā → A): the candidates for a derived letter. */
function letterCandidates(text: string): string[] {
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  return [...folded].filter((c) => ALPHABET.includes(c));
}

/**
 * The ticket letter of every service: the profile's queueLetter when given, otherwise the first letter of the
 * service id not already taken (pensijas → P, pabalsti → A), otherwise the first free letter of the alphabet.
 * Explicit letters are reserved first so a derived letter never takes one.
 */
export function queueLetters(services: readonly QueueService[]): Map<string, string> {
  const letters = new Map<string, string>();
  const taken = new Set<string>();
  for (const service of services) {
    if (service.queueLetter) {
      letters.set(service.id, service.queueLetter);
      taken.add(service.queueLetter);
    }
  }
  for (const service of services) {
    if (letters.has(service.id)) continue;
    const letter = [...letterCandidates(service.id), ...ALPHABET].find((c) => !taken.has(c)) ?? 'Z';
    letters.set(service.id, letter);
    taken.add(letter);
  }
  return letters;
}

/** "P-042": the letter and the day's running number, at least three digits. */
export function formatTicketNumber(letter: string, runningNumber: number): string {
  if (!Number.isInteger(runningNumber) || runningNumber < 1) throw new RangeError(`running number must be a positive integer: ${runningNumber}`);
  return `${letter}-${String(runningNumber).padStart(3, '0')}`;
}

/** The queue day of a moment: its calendar date in Riga (numbers restart at midnight Riga time). */
export function queueDayOf(at: Temporal.Instant): string {
  return rigaDateAt(at.epochMilliseconds);
}
