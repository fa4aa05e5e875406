import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  averageScore,
  groupCells,
  monthOf,
  opinionBecomesInquiry,
  OPINION_KINDS,
  OPINION_SOURCES,
  parseMonth,
  parseRating,
  responseRate,
  signInvitationToken,
  sumCells,
  SURVEY_COMMENT_MAX,
  validateSurveyAnswers,
  verifyInvitationToken,
  type SurveyQuestionRule,
} from './index.ts';

const QUESTIONS: SurveyQuestionRule[] = [
  { id: 'overall', kind: 'rating', required: true },
  { id: 'courtesy', kind: 'rating', required: false },
  { id: 'comment', kind: 'comment', required: false },
];

describe('survey answers', () => {
  it('accepts every rating 1–5 and keeps it as a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), (overall, courtesy) => {
        const result = validateSurveyAnswers(QUESTIONS, { overall: String(overall), courtesy: courtesy === undefined ? undefined : String(courtesy) });
        assert.ok(result.ok);
        assert.equal(result.answers.ratings['overall'], overall);
        assert.equal(result.answers.ratings['courtesy'], courtesy);
      }),
    );
  });

  it('refuses every integer outside 1–5 and anything that is not a plain whole number', () => {
    fc.assert(
      fc.property(fc.integer().filter((n) => n < 1 || n > 5), (n) => {
        const result = validateSurveyAnswers(QUESTIONS, { overall: String(n) });
        assert.deepEqual(result, { ok: false, problems: [{ question: 'overall', problem: 'out-of-range' }] });
      }),
    );
    for (const raw of ['3.5', '2e0', '0x3', 'three', '+3', '-1', '１']) {
      assert.equal(parseRating(raw), null, raw);
    }
    assert.equal(parseRating(' 4 '), 4);
  });

  it('a required question left empty is reported; an optional one is simply absent', () => {
    assert.deepEqual(validateSurveyAnswers(QUESTIONS, { overall: '  ', courtesy: '' }), { ok: false, problems: [{ question: 'overall', problem: 'required' }] });
    const ok = validateSurveyAnswers(QUESTIONS, { overall: '5' });
    assert.ok(ok.ok);
    assert.deepEqual(ok.answers, { ratings: { overall: 5 }, comments: {} });
  });

  it('comments up to the limit are kept trimmed; longer ones are refused (counted in characters, not bytes)', () => {
    const atLimit = 'ā'.repeat(SURVEY_COMMENT_MAX);
    const ok = validateSurveyAnswers(QUESTIONS, { overall: '4', comment: ` ${atLimit} ` });
    assert.ok(ok.ok);
    assert.equal(ok.answers.comments['comment'], atLimit);
    const tooLong = validateSurveyAnswers(QUESTIONS, { overall: '4', comment: `${atLimit}x` });
    assert.deepEqual(tooLong, { ok: false, problems: [{ question: 'comment', problem: 'too-long' }] });
  });

  it('reports every problem at once and ignores fields the profile does not ask', () => {
    const result = validateSurveyAnswers(QUESTIONS, { overall: '', courtesy: '9', comment: 'x'.repeat(SURVEY_COMMENT_MAX + 1), injected: '5' });
    assert.deepEqual(result, {
      ok: false,
      problems: [
        { question: 'overall', problem: 'required' },
        { question: 'courtesy', problem: 'out-of-range' },
        { question: 'comment', problem: 'too-long' },
      ],
    });
    const clean = validateSurveyAnswers(QUESTIONS, { overall: '1', injected: '5' });
    assert.ok(clean.ok);
    assert.deepEqual(Object.keys(clean.answers.ratings), ['overall']);
  });
});

describe('signed invitation tokens', () => {
  const secret = 'test-secret-of-this-installation';
  const now = new Date('2026-03-01T10:00:00Z');
  const uuid = fc.uuid().map((u) => u.toLowerCase());

  it('a token verifies with the same secret before it expires, giving back id and expiry (whole seconds)', () => {
    fc.assert(
      fc.property(uuid, fc.integer({ min: 1, max: 90 * 86_400 }), (invitationId, seconds) => {
        const expiresAt = new Date(now.getTime() + seconds * 1000);
        const token = signInvitationToken(secret, { invitationId, expiresAt });
        assert.deepEqual(verifyInvitationToken(secret, token, now), { ok: true, claim: { invitationId, expiresAt } });
      }),
    );
  });

  it('at and after the expiry the token is expired', () => {
    const expiresAt = new Date(now.getTime() + 60_000);
    const token = signInvitationToken(secret, { invitationId: randomUUID(), expiresAt });
    assert.deepEqual(verifyInvitationToken(secret, token, expiresAt), { ok: false, reason: 'expired' });
    assert.deepEqual(verifyInvitationToken(secret, token, new Date(expiresAt.getTime() + 1)), { ok: false, reason: 'expired' });
  });

  it('another secret, a changed id, a changed expiry or a changed signature is forged', () => {
    const invitationId = randomUUID();
    const expiresAt = new Date(now.getTime() + 86_400_000);
    const token = signInvitationToken(secret, { invitationId, expiresAt });
    const [id, expiry, mac] = token.split('.') as [string, string, string];
    assert.equal(verifyInvitationToken('other-secret', token, now).ok, false);
    assert.deepEqual(verifyInvitationToken('other-secret', token, now), { ok: false, reason: 'forged' });
    assert.deepEqual(verifyInvitationToken(secret, `${randomUUID()}.${expiry}.${mac}`, now), { ok: false, reason: 'forged' });
    const later = (parseInt(expiry, 36) + 86_400).toString(36);
    assert.deepEqual(verifyInvitationToken(secret, `${id}.${later}.${mac}`, now), { ok: false, reason: 'forged' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: mac.length - 1 }), fc.constantFrom(...'ABCxyz019_-'), (i, ch) => {
        fc.pre(mac[i] !== ch);
        const tampered = `${id}.${expiry}.${mac.slice(0, i)}${ch}${mac.slice(i + 1)}`;
        assert.deepEqual(verifyInvitationToken(secret, tampered, now), { ok: false, reason: 'forged' });
      }),
    );
  });

  it('anything that is not id.expiry.signature is malformed, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (junk) => {
        const result = verifyInvitationToken(secret, junk, now);
        assert.equal(result.ok, false);
      }),
    );
    for (const junk of ['', 'abc', 'a.b.c', `${randomUUID()}.zz`, `${randomUUID()}..${'A'.repeat(43)}`]) {
      assert.deepEqual(verifyInvitationToken(secret, junk, now), { ok: false, reason: 'malformed' }, junk);
    }
  });

  it('refuses to sign something that is not a lower-case UUID', () => {
    assert.throws(() => signInvitationToken(secret, { invitationId: 'not-a-uuid', expiresAt: now }));
  });
});

describe('score aggregation', () => {
  const cell = fc.record({ answers: fc.integer({ min: 0, max: 10_000 }), total: fc.integer({ min: 0, max: 50_000 }) });

  it('average is total / answers to one decimal, null without answers, and within 1–5 for valid ratings', () => {
    assert.equal(averageScore({ answers: 0, total: 0 }), null);
    assert.equal(averageScore({ answers: 3, total: 13 }), 4.3);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }), (ratings) => {
        const avg = averageScore({ answers: ratings.length, total: ratings.reduce((a, b) => a + b, 0) }) as number;
        assert.ok(avg >= 1 && avg <= 5);
      }),
    );
  });

  it('summing and grouping keep every answer: the groups add up to the whole', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c'), answers: fc.nat(100), total: fc.nat(500) })), (rows) => {
        const whole = sumCells(rows);
        const groups = groupCells(rows, (r) => r.key);
        assert.deepEqual(sumCells(groups.values()), whole);
        assert.deepEqual([...groups.keys()], [...new Set(rows.map((r) => r.key))]);
      }),
    );
    fc.assert(fc.property(fc.array(cell), (cells) => assert.equal(sumCells(cells).answers, cells.reduce((a, c) => a + c.answers, 0))));
  });

  it('response rate is a whole percent 0–100, null without invitations', () => {
    assert.equal(responseRate(0, 0), null);
    assert.equal(responseRate(3, 1), 33);
    assert.equal(responseRate(8, 8), 100);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(2_000_000), (invited, responded) => {
        const rate = responseRate(invited, responded) as number;
        assert.ok(Number.isInteger(rate) && rate >= 0 && rate <= 100);
      }),
    );
  });

  it('months: first day of the month, and only well-formed YYYY-MM filters', () => {
    assert.equal(monthOf('2026-02-28'), '2026-02-01');
    assert.equal(parseMonth('2026-02'), '2026-02-01');
    for (const bad of ['2026-13', '2026-00', '2026-2', '26-02', '2026-02-01', "2026-02' or 1=1"]) assert.equal(parseMonth(bad), null, bad);
  });
});

describe('opinions that become inquiries', () => {
  it('a named written complaint with a contact becomes an inquiry; praise without "expect an answer" does not', () => {
    assert.equal(opinionBecomesInquiry({ kind: 'complaint', source: 'web', anonymous: false, expectsAnswer: false, hasContact: true }), true);
    assert.equal(opinionBecomesInquiry({ kind: 'praise', source: 'web', anonymous: false, expectsAnswer: false, hasContact: true }), false);
    assert.equal(opinionBecomesInquiry({ kind: 'suggestion', source: 'phone', anonymous: false, expectsAnswer: true, hasContact: true }), true);
    assert.equal(opinionBecomesInquiry({ kind: 'complaint', source: 'in-person', anonymous: false, expectsAnswer: false, hasContact: true }), false);
  });

  it('never for anonymous opinions or without a contact to answer', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPINION_KINDS), fc.constantFrom(...OPINION_SOURCES), fc.boolean(), (kind, source, expectsAnswer) => {
        assert.equal(opinionBecomesInquiry({ kind, source, anonymous: true, expectsAnswer, hasContact: true }), false);
        assert.equal(opinionBecomesInquiry({ kind, source, anonymous: false, expectsAnswer, hasContact: false }), false);
        if (expectsAnswer) assert.equal(opinionBecomesInquiry({ kind, source, anonymous: false, expectsAnswer, hasContact: true }), true);
      }),
    );
  });
});
