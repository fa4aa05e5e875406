import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Attachment } from 'mailparser';
import { composeText, isAutomaticMail, NO_TEXT_PLACEHOLDER, prepareAttachments, threadMessageIds } from './email-intake.service.ts';
import { SenderThrottle } from './sender-throttle.ts';

const file = (filename: string | undefined, contentType: string, size: number, related = false) =>
  ({ filename, contentType, content: Buffer.alloc(size, 1), related }) as unknown as Attachment;

describe('sender throttle', () => {
  it('allows the limit in the window, refuses more, and lets the window slide', () => {
    const throttle = new SenderThrottle(3, 60_000);
    assert.deepEqual([0, 1, 2, 3].map((i) => throttle.tryTake('a@x.lv', 1_000 + i)), [true, true, true, false]);
    assert.equal(throttle.tryTake('b@x.lv', 1_010), true, 'another sender has its own window');
    assert.equal(throttle.tryTake('a@x.lv', 61_000), true, 'the first slot (t=1000) has left the window');
    assert.equal(throttle.tryTake('a@x.lv', 61_000), false, 'the other two are still in it');
  });

  it('a slot given back (message not accepted) can be taken again; quiet senders are forgotten', () => {
    const throttle = new SenderThrottle(1, 60_000);
    assert.equal(throttle.tryTake('a@x.lv', 0), true);
    throttle.giveBack('a@x.lv');
    assert.equal(throttle.tryTake('a@x.lv', 1), true);
    assert.equal(throttle.trackedSenders, 1);
    throttle.tryTake('b@x.lv', 200_000);
    assert.equal(throttle.trackedSenders, 1, 'a@ was swept');
  });
});

describe('attachments and text of a received mail', () => {
  it('keeps allowed files, names the rest with the reason, and fixes generic content types by extension', () => {
    const { kept, skipped } = prepareAttachments([
      file('a.pdf', 'application/octet-stream', 10),
      file('b.exe', 'application/x-msdownload', 10),
      file(undefined, 'image/png', 10, true),
      file('../../etc/c.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 10),
      file('huge.pdf', 'application/pdf', 10 * 1024 * 1024 + 1),
    ]);
    assert.deepEqual(kept.map((k) => [k.fileName, k.contentType]), [
      ['a.pdf', 'application/pdf'],
      ['c.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['pielikums-5.png', 'image/png'],
    ]);
    assert.deepEqual(skipped.map((s) => [s.fileName, s.reason]), [['b.exe', 'type'], ['huge.pdf', 'too-big']]);
  });

  it('at most 10 files and 25 MB together', () => {
    const many = prepareAttachments(Array.from({ length: 12 }, (_, i) => file(`f${i}.txt`, 'text/plain', 5)));
    assert.equal(many.kept.length, 10);
    assert.deepEqual(many.skipped.map((s) => s.reason), ['too-many', 'too-many']);
    const heavy = prepareAttachments([1, 2, 3].map((i) => file(`s${i}.pdf`, 'application/pdf', 9 * 1024 * 1024)));
    assert.deepEqual(heavy.skipped.map((s) => [s.fileName, s.reason]), [['s3.pdf', 'total-too-big']]);
  });

  it('no text gives the placeholder; left-out files are noted after the text', () => {
    assert.equal(composeText({ text: '  \n' }, []), NO_TEXT_PLACEHOLDER);
    assert.equal(composeText({ text: 'Sveiki' }, []), 'Sveiki');
    assert.match(composeText({ text: undefined }, [{ fileName: 'x.exe', contentType: 'application/x-msdownload', reason: 'type' }]), /^\(bez teksta\)\n\n---\n.*\n- x\.exe/);
  });

  it('thread ids come from In-Reply-To and References, with and without brackets', () => {
    assert.deepEqual(threadMessageIds({ inReplyTo: '<a@x>', references: ['<b@y>', '<a@x>'] }), ['<a@x>', 'a@x', '<b@y>', 'b@y']);
    assert.deepEqual(threadMessageIds({ inReplyTo: undefined, references: undefined }), []);
  });
});

describe('automatic mail gets no receipt (RFC 3834)', () => {
  const headers = (entries: Array<[string, unknown]>) => new Map(entries) as never;
  it('a person\'s mail is not automatic; an auto-reply, a bounce, a list or bulk mail is', () => {
    assert.equal(isAutomaticMail(headers([]), 'anna@example.lv'), false);
    assert.equal(isAutomaticMail(headers([['auto-submitted', 'no']]), 'anna@example.lv'), false);
    assert.equal(isAutomaticMail(headers([['auto-submitted', 'auto-replied']]), 'anna@example.lv'), true);
    assert.equal(isAutomaticMail(headers([]), ''), true, 'a bounce has an empty envelope sender');
    assert.equal(isAutomaticMail(headers([['precedence', 'Bulk']]), 'news@example.lv'), true);
    assert.equal(isAutomaticMail(headers([['list', { id: { name: 'news.example.lv' } }]]), 'news@example.lv'), true);
  });
});

