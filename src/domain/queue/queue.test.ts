import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import {
  callOrder,
  canApply,
  chooseNext,
  dailyFigures,
  estimateWaitMinutes,
  formatTicketNumber,
  isAppointmentDue,
  isCounterOpenToday,
  isExpired,
  median,
  percentile,
  queueDayOf,
  queueLetters,
  statusAfter,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  type TicketFact,
  type WaitingTicket,
} from './index.ts';

const MIN = 60_000;
const ticket = (id: string, serviceId: string, issuedAt: number, extra: Partial<WaitingTicket> = {}): WaitingTicket => ({
  id,
  serviceId,
  issuedAt,
  appointmentStart: null,
  appointmentEnd: null,
  targetCounter: null,
  ...extra,
});

describe('queue letters and ticket numbers', () => {
  it('uses the profile letter, else derives a free one from the service id', () => {
    const letters = queueLetters([{ id: 'pensijas' }, { id: 'pabalsti' }, { id: 'dokumenti' }]);
    assert.deepEqual([...letters], [['pensijas', 'P'], ['pabalsti', 'A'], ['dokumenti', 'D']]);
    const explicit = queueLetters([{ id: 'pensijas' }, { id: 'dokumenti', queueLetter: 'P' }]);
    assert.equal(explicit.get('dokumenti'), 'P');
    assert.equal(explicit.get('pensijas'), 'E', 'an explicit letter is never taken by a derived one');
    assert.equal(queueLetters([{ id: 'ārsts' }]).get('ārsts'), 'A', 'diacritics fold');
    assert.equal(queueLetters([{ id: '123' }]).get('123'), 'A', 'no letter in the id: the first free letter');
  });

  it('derived letters are unique and A–Z (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 26 }), (ids) => {
        const letters = [...queueLetters(ids.map((id) => ({ id }))).values()];
        assert.equal(new Set(letters).size, letters.length);
        for (const l of letters) assert.match(l, /^[A-Z]$/);
      }),
    );
  });

  it('formats P-042 and refuses non-positive numbers', () => {
    assert.equal(formatTicketNumber('P', 42), 'P-042');
    assert.equal(formatTicketNumber('A', 1), 'A-001');
    assert.equal(formatTicketNumber('D', 1234), 'D-1234');
    assert.throws(() => formatTicketNumber('P', 0), RangeError);
    assert.throws(() => formatTicketNumber('P', 1.5), RangeError);
  });

  it('the queue day turns at midnight Riga time, summer and winter', () => {
    assert.equal(queueDayOf(Temporal.Instant.from('2026-11-20T21:59:59Z')), '2026-11-20'); // 23:59:59 EET
    assert.equal(queueDayOf(Temporal.Instant.from('2026-11-20T22:00:00Z')), '2026-11-21'); // 00:00 EET
    assert.equal(queueDayOf(Temporal.Instant.from('2026-06-30T20:59:59Z')), '2026-06-30'); // 23:59:59 EEST
    assert.equal(queueDayOf(Temporal.Instant.from('2026-06-30T21:00:00Z')), '2026-07-01');
  });
});

describe('call next', () => {
  const now = Date.parse('2026-11-20T10:00:00Z');
  const counter = { number: 1, services: ['pensijas', 'dokumenti'] };

  it('calls the oldest ticket of the served services', () => {
    const waiting = [ticket('a', 'pabalsti', now - 30 * MIN), ticket('b', 'dokumenti', now - 10 * MIN), ticket('c', 'pensijas', now - 20 * MIN)];
    assert.equal(chooseNext(waiting, counter, now)?.id, 'c');
    assert.deepEqual(callOrder(waiting, counter, now).map((t) => t.id), ['c', 'b']);
  });

  it('an appointment within its window goes first; before its window or after its end it is an ordinary ticket', () => {
    const appointment = (id: string, startOffset: number, issuedAgo: number) =>
      ticket(id, 'pensijas', now - issuedAgo * MIN, { appointmentStart: now + startOffset * MIN, appointmentEnd: now + (startOffset + 30) * MIN });
    const old = ticket('old', 'pensijas', now - 40 * MIN);
    assert.equal(chooseNext([old, appointment('due', -5, 1)], counter, now)?.id, 'due');
    assert.equal(chooseNext([old, appointment('early', 10, 1)], counter, now)?.id, 'early', 'ten minutes before is within the window');
    assert.equal(chooseNext([old, appointment('too-early', 11, 1)], counter, now)?.id, 'old');
    assert.equal(chooseNext([old, appointment('over', -31, 1)], counter, now)?.id, 'old');
    assert.deepEqual(callOrder([appointment('later', 5, 2), appointment('sooner', 0, 1)], counter, now).map((t) => t.id), ['sooner', 'later']);
    assert.equal(isAppointmentDue({ appointmentStart: null, appointmentEnd: null }, now), false);
  });

  it('a ticket transferred to a counter is called only by it, before everything else', () => {
    const moved = ticket('moved', 'pabalsti', now - MIN, { targetCounter: 1 });
    const elsewhere = ticket('elsewhere', 'pensijas', now - 50 * MIN, { targetCounter: 2 });
    const due = ticket('due', 'pensijas', now - MIN, { appointmentStart: now, appointmentEnd: now + 30 * MIN });
    assert.deepEqual(callOrder([due, elsewhere, moved], counter, now).map((t) => t.id), ['moved', 'due']);
    assert.equal(chooseNext([elsewhere], counter, now), null);
  });

  it('nobody waiting for the counter: null', () => {
    assert.equal(chooseNext([], counter, now), null);
    assert.equal(chooseNext([ticket('x', 'pabalsti', now)], counter, now), null);
  });

  it('properties: only callable tickets, each once, oldest ordinary first, every due appointment before every ordinary', () => {
    const arbTicket = fc.record({
      serviceId: fc.constantFrom('pensijas', 'pabalsti', 'dokumenti'),
      issuedAgo: fc.integer({ min: 0, max: 300 }),
      appointment: fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }),
      target: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbTicket, { maxLength: 30 }), fc.subarray(['pensijas', 'pabalsti', 'dokumenti'] as const), (specs, services) => {
        const waiting = specs.map((s, i) =>
          ticket(String(i), s.serviceId, now - s.issuedAgo * MIN, {
            appointmentStart: s.appointment === null ? null : now + s.appointment * MIN,
            appointmentEnd: s.appointment === null ? null : now + (s.appointment + 20) * MIN,
            targetCounter: s.target,
          }),
        );
        const c = { number: 1, services };
        const order = callOrder(waiting, c, now);
        assert.equal(new Set(order.map((t) => t.id)).size, order.length);
        for (const t of waiting) {
          const callable = t.targetCounter === null ? services.includes(t.serviceId as never) : t.targetCounter === 1;
          assert.equal(order.includes(t), callable);
        }
        const kinds = order.map((t) => (t.targetCounter === 1 ? 0 : isAppointmentDue(t, now) ? 1 : 2));
        assert.deepEqual(kinds, [...kinds].sort((a, b) => a - b));
        const ordinary = order.filter((t) => t.targetCounter === null && !isAppointmentDue(t, now)).map((t) => t.issuedAt);
        assert.deepEqual(ordinary, [...ordinary].sort((a, b) => a - b));
        assert.equal(chooseNext(waiting, c, now), order[0] ?? null);
      }),
    );
  });
});

describe('waiting-time estimate', () => {
  it('clients ahead × median recent service time ÷ open counters, rounded up', () => {
    assert.equal(estimateWaitMinutes({ ahead: 4, recentServiceMinutes: [10, 12, 8], openCounters: 2, defaultServiceMinutes: 30 }), 20);
    assert.equal(estimateWaitMinutes({ ahead: 3, recentServiceMinutes: [], openCounters: 1, defaultServiceMinutes: 15 }), 45, 'profile duration before anyone is served');
    assert.equal(estimateWaitMinutes({ ahead: 1, recentServiceMinutes: [7], openCounters: 3, defaultServiceMinutes: 30 }), 3);
    assert.equal(estimateWaitMinutes({ ahead: 0, recentServiceMinutes: [7], openCounters: 1, defaultServiceMinutes: 30 }), 0, 'next in line at an open counter');
    assert.equal(estimateWaitMinutes({ ahead: 0, recentServiceMinutes: [7], openCounters: 0, defaultServiceMinutes: 30 }), null, 'no counter open: never "0 min"');
    assert.equal(estimateWaitMinutes({ ahead: 2, recentServiceMinutes: [5], openCounters: 0, defaultServiceMinutes: 30 }), null, 'no counter open: no guess');
  });

  it('only the last 20 service times count', () => {
    const old = Array.from({ length: 30 }, () => 100);
    const recent = Array.from({ length: 20 }, () => 5);
    assert.equal(estimateWaitMinutes({ ahead: 1, recentServiceMinutes: [...old, ...recent], openCounters: 1, defaultServiceMinutes: 30 }), 5);
  });

  it('monotone: more clients ahead never shortens, more counters never lengthens (property)', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.array(fc.integer({ min: 1, max: 90 }), { maxLength: 25 }), fc.integer({ min: 1, max: 10 }), (ahead, recent, counters) => {
        const base = { recentServiceMinutes: recent, defaultServiceMinutes: 20 };
        const e = estimateWaitMinutes({ ...base, ahead, openCounters: counters }) as number;
        assert.ok(Number.isInteger(e) && e >= 0);
        assert.ok((estimateWaitMinutes({ ...base, ahead: ahead + 1, openCounters: counters }) as number) >= e);
        assert.ok((estimateWaitMinutes({ ...base, ahead, openCounters: counters + 1 }) as number) <= e);
        assert.equal(estimateWaitMinutes({ ...base, ahead, openCounters: 0 }), null);
      }),
    );
  });

  it('median and nearest-rank percentile', () => {
    assert.equal(median([]), null);
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    assert.equal(percentile([], 90), null);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
    assert.equal(percentile([5], 90), 5);
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1 }), fc.integer({ min: 0, max: 100 }), (values, p) => {
        const v = percentile(values, p) as number;
        assert.ok(values.includes(v));
        assert.ok(values.filter((x) => x <= v).length >= Math.ceil((p / 100) * values.length));
      }),
    );
  });
});

describe('daily figures', () => {
  const t0 = Date.parse('2026-11-20T07:00:00Z');
  const fact = (serviceId: string, counter: number | null, status: TicketFact['status'], wait: number | null, service: number | null): TicketFact => ({
    serviceId,
    counter,
    status,
    issuedAt: t0,
    firstCalledAt: wait === null ? null : t0 + wait * MIN,
    finishedAt: wait === null || service === null ? null : t0 + (wait + service) * MIN,
  });

  it('totals, median and p90 waits, service time, no-shows, per service and per counter', () => {
    const facts = [
      fact('pensijas', 1, 'served', 10, 12),
      fact('pensijas', 1, 'served', 20, 8),
      fact('dokumenti', 2, 'no-show', 30, null),
      fact('dokumenti', 2, 'served', 40, 4),
      fact('pensijas', null, 'waiting', null, null),
    ];
    const figures = dailyFigures(facts, ['pensijas', 'pabalsti', 'dokumenti']);
    assert.equal(figures.tickets, 5);
    assert.equal(figures.served, 3);
    assert.equal(figures.noShows, 1);
    assert.equal(figures.stillWaiting, 1);
    assert.equal(figures.waitMedianMinutes, 25);
    assert.equal(figures.waitP90Minutes, 40);
    assert.equal(figures.serviceMedianMinutes, 8);
    assert.deepEqual(figures.byService.map((s) => [s.serviceId, s.tickets, s.served, s.noShows]), [
      ['pensijas', 3, 2, 0],
      ['pabalsti', 0, 0, 0],
      ['dokumenti', 2, 1, 1],
    ]);
    assert.deepEqual(figures.byCounter.map((c) => [c.counter, c.tickets, c.waitMedianMinutes, c.serviceMedianMinutes]), [
      [1, 2, 15, 10],
      [2, 2, 35, 4],
    ]);
  });

  it('an empty day has counts of zero and no medians', () => {
    const figures = dailyFigures([], ['pensijas']);
    assert.equal(figures.tickets, 0);
    assert.equal(figures.waitMedianMinutes, null);
    assert.equal(figures.byCounter.length, 0);
  });

  it('per-service counts add up to the total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.constantFrom('a', 'b', 'c'), c: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), st: fc.constantFrom(...TICKET_STATUSES) })),
        (specs) => {
          const facts = specs.map((x) => fact(x.s, x.c, x.st, x.st === 'waiting' ? null : 5, x.st === 'served' ? 5 : null));
          const figures = dailyFigures(facts, ['a', 'b', 'c']);
          assert.equal(figures.byService.reduce((n, s) => n + s.tickets, 0), figures.tickets);
          assert.equal(figures.byService.reduce((n, s) => n + s.noShows, 0), figures.noShows);
        },
      ),
    );
  });
});

describe('ticket and counter state', () => {
  it('staff act only on a called ticket; a double press finds it no longer called', () => {
    for (const status of TICKET_STATUSES) assert.equal(canApply(status), status === 'called');
    assert.deepEqual(TICKET_ACTIONS.map(statusAfter), ['called', 'served', 'no-show', 'waiting']);
  });

  it("yesterday's waiting tickets expire at midnight; counters must be opened again each day", () => {
    assert.equal(isExpired({ status: 'waiting', day: '2026-11-19' }, '2026-11-20'), true);
    assert.equal(isExpired({ status: 'called', day: '2026-11-19' }, '2026-11-20'), true);
    assert.equal(isExpired({ status: 'served', day: '2026-11-19' }, '2026-11-20'), false);
    assert.equal(isExpired({ status: 'waiting', day: '2026-11-20' }, '2026-11-20'), false);
    assert.equal(isCounterOpenToday({ open: true, openedDay: '2026-11-20' }, '2026-11-20'), true);
    assert.equal(isCounterOpenToday({ open: true, openedDay: '2026-11-19' }, '2026-11-20'), false);
    assert.equal(isCounterOpenToday({ open: false, openedDay: '2026-11-20' }, '2026-11-20'), false);
  });
});
