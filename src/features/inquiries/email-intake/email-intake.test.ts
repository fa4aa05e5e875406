import { tinyZip } from '../../../../test/support/tiny-zip.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, desc, eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { inquiries } from '../inquiries.tables.ts';
import { mailOutbox } from '../../../platform/db/tables.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../../test/support/test-platform.ts';
import type { AgencyRegistry } from '../../agencies/agency-registry.ts';
import { insertInquiryMessage, listInquiryAttachmentsMeta, listInquiryMessages, type InquiryRow } from '../inquiries.repository.ts';
import { startEmailIntake, type EmailIntake } from './email-intake.server.ts';
import { NO_TEXT_PLACEHOLDER } from './email-intake.service.ts';
import { smtpConversation } from './smtp-client.testing.ts';
import { buildAsice, makeCa, makeSigner } from '../../signatures/signatures.testing.ts';

type SendError = Error & { responseCode?: number; command?: string; rejected?: string[] };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

for (const target of testTargets()) {
  describe(`e-mail intake over SMTP (${target})`, () => {
    let platform: TestPlatform;
    let intake: EmailIntake;
    let mailer: Transporter;
    let sequence = 0;

    const send = async (mail: Mail.Options): Promise<{ response: string }> => {
      const info = await mailer.sendMail({ from: '"Anna Bērziņa" <anna@example.lv>', to: 'konsultacijas@vsaa.gov.lv', ...mail });
      return { response: String(info.response ?? '') };
    };
    const sendFailure = async (mail: Mail.Options, transport = mailer): Promise<SendError> => {
      try {
        await transport.sendMail({ from: 'anna@example.lv', to: 'konsultacijas@vsaa.gov.lv', ...mail });
      } catch (error) {
        return error as SendError;
      }
      throw new Error('the mail was accepted');
    };
    const inquiryCount = async () => (await platform.deps.db.select({ n: count() }).from(inquiries))[0]?.n ?? -1;
    const newest = async (): Promise<InquiryRow> => {
      const [row] = await platform.deps.db.select().from(inquiries).orderBy(desc(inquiries.createdAt)).limit(1);
      assert.ok(row, 'an inquiry exists');
      return row;
    };
    const byReference = async (reference: string): Promise<InquiryRow> => {
      const [row] = await platform.deps.db.select().from(inquiries).where(eq(inquiries.reference, reference));
      assert.ok(row, `inquiry ${reference}`);
      return row;
    };
    const referenceIn = (response: string) => /(?:filed|appended) ([A-Z]+-\d{4}-\d{6})/.exec(response)?.[1] ?? '';
    const uniqueSubject = (text: string) => `${text} #${++sequence}`;

    before(async () => {
      platform = await createTestPlatform(target);
      intake = await startEmailIntake(platform.deps, { port: 0, host: '127.0.0.1' });
      mailer = nodemailer.createTransport({ host: '127.0.0.1', port: intake.port, secure: false, ignoreTLS: true });
    });
    after(async () => {
      mailer.close();
      await intake.close();
      await platform.close();
    });

    it('a mail to konsultacijas@vsaa.gov.lv becomes a VSAA inquiry with its attachment', async () => {
      const info = await send({
        subject: 'Jautājums par pensiju',
        text: 'Labdien!\nKad tiks pārrēķināta mana pensija?',
        messageId: '<q-pension-1@example.lv>',
        attachments: [{ filename: 'iesniegums.pdf', content: PDF, contentType: 'application/pdf' }],
      });
      assert.match(info.response, /^250 .*filed VSAA-\d{4}-\d{6}/);
      const inquiry = await byReference(referenceIn(info.response));
      assert.equal(inquiry.agency, 'vsaa');
      assert.equal(inquiry.channel, 'email');
      assert.equal(inquiry.requesterName, 'Anna Bērziņa');
      assert.equal(inquiry.requesterEmail, 'anna@example.lv');
      assert.equal(inquiry.subject, 'Jautājums par pensiju');
      assert.equal(inquiry.signed, null, 'VSAA e-mail needs no e-signature');
      const [message] = await listInquiryMessages(platform.deps.db, inquiry.id);
      assert.equal(message?.bodyText.trim(), 'Labdien!\nKad tiks pārrēķināta mana pensija?');
      assert.equal(message?.emailMessageId, '<q-pension-1@example.lv>');
      assert.equal(message?.medium, 'email');
      const files = await listInquiryAttachmentsMeta(platform.deps.db, inquiry.id);
      assert.deepEqual(files.map((f) => [f.fileName, f.contentType, f.size]), [['iesniegums.pdf', 'application/pdf', PDF.length]]);
    });

    it('a mail to an unknown address is refused at RCPT with 550 and files nothing', async () => {
      const before = await inquiryCount();
      const error = await sendFailure({ to: 'nobody@vsaa.gov.lv', subject: 'x', text: 'x' });
      assert.equal(error.responseCode, 550);
      assert.equal(error.command, 'RCPT TO');
      const replies = await smtpConversation(intake.port, ['EHLO test', 'MAIL FROM:<a@example.lv>', 'RCPT TO:<info@example.com>', 'QUIT']);
      assert.match(replies[3] ?? '', /^550 5\.1\.1 <info@example\.com>: no such mailbox/);
      assert.equal(await inquiryCount(), before);
    });

    it('the SIZE limit (30 MB) is advertised; a message declared bigger is refused at MAIL FROM with 552', async () => {
      const replies = await smtpConversation(intake.port, ['EHLO test', `MAIL FROM:<a@example.lv> SIZE=${40 * 1024 * 1024}`, 'QUIT']);
      assert.match(replies[1] ?? '', /SIZE 31457280/);
      assert.match(replies[2] ?? '', /^552 /);
    });

    it('a reply with the reference in the subject joins its inquiry (also as the X-Apkalpe-Reference header)', async () => {
      const first = await send({ subject: uniqueSubject('Iesniegums'), text: 'Pirmā vēstule' });
      const reference = referenceIn(first.response);
      const before = await inquiryCount();
      const reply = await send({ subject: `Re: Jūsu iesniegums ${reference}`, text: 'Papildinu ar informāciju.' });
      assert.match(reply.response, new RegExp(`appended ${reference}`));
      const byHeader = await send({ subject: 'Vēl viens papildinājums', text: 'Trešā vēstule', headers: { 'X-Apkalpe-Reference': reference } });
      assert.match(byHeader.response, new RegExp(`appended ${reference}`));
      assert.equal(await inquiryCount(), before);
      const messages = await listInquiryMessages(platform.deps.db, (await byReference(reference)).id);
      assert.deepEqual(messages.map((m) => m.bodyText.trim()), ['Pirmā vēstule', 'Papildinu ar informāciju.', 'Trešā vēstule']);
    });

    it("another agency's reference does not join: the mail becomes the addressed agency's own inquiry", async () => {
      const kase = await send({ to: 'pasts@kase.gov.lv', subject: uniqueSubject('Kasei'), text: 'Kasei' });
      const kaseReference = referenceIn(kase.response);
      assert.match(kaseReference, /^KASE-/);
      const toVsaa = await send({ subject: `Re: ${kaseReference}`, text: 'Šis nonāca VSAA' });
      assert.match(toVsaa.response, /filed VSAA-/);
      assert.equal((await listInquiryMessages(platform.deps.db, (await byReference(kaseReference)).id)).length, 1);
    });

    it('a reply threaded only by In-Reply-To joins, whether it answers the client’s own mail or our outgoing one', async () => {
      const first = await send({ subject: uniqueSubject('Par iemaksām'), text: 'Sākums', messageId: `<thread-${sequence}@example.lv>` });
      const reference = referenceIn(first.response);
      const reply = await send({ subject: 'Papildinājums', text: 'Turpinājums', inReplyTo: `<thread-${sequence}@example.lv>` });
      assert.match(reply.response, new RegExp(`appended ${reference}`));

      const inquiry = await byReference(reference);
      await insertInquiryMessage(platform.deps.db, {
        inquiryId: inquiry.id,
        direction: 'out',
        medium: 'email',
        subject: `Atbilde ${reference}`,
        bodyText: 'Mūsu atbilde',
        emailMessageId: `<answer-${sequence}@apkalpe.lv>`,
      });
      const answerReply = await send({ subject: 'Paldies', text: 'Paldies par atbildi', references: [`<other@example.lv>`, `<answer-${sequence}@apkalpe.lv>`] });
      assert.match(answerReply.response, new RegExp(`appended ${reference}`));
      assert.equal((await listInquiryMessages(platform.deps.db, inquiry.id)).length, 4);
    });

    it('a mail to ekase@kase.gov.lv without a signed container is marked unsigned; with a really signed .edoc it is signed; a renamed one is not', async () => {
      const unsigned = await send({ to: 'ekase@kase.gov.lv', subject: uniqueSubject('Konta atvēršana'), text: 'Lūdzu atvērt kontu', attachments: [{ filename: 'pieteikums.pdf', content: PDF }] });
      const unsignedInquiry = await byReference(referenceIn(unsigned.response));
      assert.equal(unsignedInquiry.agency, 'kase');
      assert.equal(unsignedInquiry.signed, false);
      const signed = await send({
        to: 'ekase@kase.gov.lv',
        subject: uniqueSubject('Konta atvēršana'),
        text: 'Parakstīts pielikumā',
        attachments: [{ filename: 'pieteikums.edoc', content: Buffer.from(await buildAsice({ 'pieteikums.txt': new TextEncoder().encode('Atvērt kontu') }, [await makeSigner(await makeCa())])), contentType: 'application/vnd.etsi.asic-e+zip' }],
      });
      const signedInquiry = await byReference(referenceIn(signed.response));
      assert.equal(signedInquiry.signed, true);
      const renamed = await send({
        to: 'ekase@kase.gov.lv',
        subject: uniqueSubject('Konta atvēršana'),
        text: 'Pārdēvēts ZIP',
        attachments: [{ filename: 'pieteikums.edoc', content: Buffer.from('PK\u0003\u0004 edoc'), contentType: 'application/vnd.etsi.asic-e+zip' }],
      });
      assert.equal((await byReference(referenceIn(renamed.response))).signed, false, 'the name .edoc alone is not a signature');
      assert.deepEqual((await listInquiryAttachmentsMeta(platform.deps.db, signedInquiry.id)).map((f) => f.fileName), ['pieteikums.edoc']);
    });

    it('the address a mail was sent to decides the signature rule: pasts@kase.gov.lv needs none, ekase@ and pasts@ together need none', async () => {
      const plain = await send({ to: 'pasts@kase.gov.lv', subject: uniqueSubject('Jautājums'), text: 'Bez paraksta' });
      const plainInquiry = await byReference(referenceIn(plain.response));
      assert.equal(plainInquiry.agency, 'kase');
      assert.equal(plainInquiry.signed, null, 'pasts@kase.gov.lv does not require a secure e-signature');
      const both = await send({ to: ['ekase@kase.gov.lv', 'pasts@kase.gov.lv'], subject: uniqueSubject('Abās adresēs'), text: 'Uz abām' });
      assert.equal((await byReference(referenceIn(both.response))).signed, null);
    });

    it('a mail gets a receipt with the access code; an automatic one (Auto-Submitted, a list, bulk) gets none (RFC 3834; the bounce case is in the unit tests)', async () => {
      const outboxTo = async (address: string) => (await platform.deps.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address))).length;
      const human = await send({ from: 'peteris@example.lv', subject: uniqueSubject('Cilvēks'), text: 'Sveiki' });
      const reference = referenceIn(human.response);
      const [receipt] = (await platform.deps.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'peteris@example.lv'))).filter((m) => m.subject.includes(reference));
      assert.match(receipt?.bodyText ?? '', /Piekļuves kods: [A-Z2-9]{10}/);
      await send({ from: 'robots@example.lv', subject: uniqueSubject('Prombūtnē'), text: 'Esmu atvaļinājumā', headers: { 'Auto-Submitted': 'auto-replied' } });
      await send({ from: 'robots@example.lv', subject: uniqueSubject('Jaunumi'), text: 'Saraksts', headers: { 'List-Id': '<news.example.lv>' } });
      await send({ from: 'robots@example.lv', subject: uniqueSubject('Masveida'), text: 'Masveida', headers: { Precedence: 'bulk' } });
      assert.equal(await outboxTo('robots@example.lv'), 0);
    });

    it('a mail with no text at all is filed with a placeholder body and its attachment; an HTML-only mail keeps its text', async () => {
      const empty = await send({ subject: '', text: '', attachments: [{ filename: 'skenējums.jpg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0]), contentType: 'image/jpeg' }] });
      const emptyInquiry = await byReference(referenceIn(empty.response));
      const [message] = await listInquiryMessages(platform.deps.db, emptyInquiry.id);
      assert.equal(message?.bodyText, NO_TEXT_PLACEHOLDER);
      assert.equal((await listInquiryAttachmentsMeta(platform.deps.db, emptyInquiry.id))[0]?.fileName, 'skenējums.jpg');

      const html = await send({ subject: uniqueSubject('HTML'), html: '<p>Labdien, <b>lūdzu</b> palīdziet!</p>' });
      const [htmlMessage] = await listInquiryMessages(platform.deps.db, (await byReference(referenceIn(html.response))).id);
      assert.match(htmlMessage?.bodyText ?? '', /Labdien, (LŪDZU|lūdzu) palīdziet!/i);
    });

    it('a forbidden attachment type is left out with a note in the text; the mail and its allowed files are kept', async () => {
      const info = await send({
        subject: uniqueSubject('Ar pielikumiem'),
        text: 'Skatīt pielikumus.',
        attachments: [
          { filename: 'rēķins.exe', content: Buffer.from('MZ'), contentType: 'application/x-msdownload' },
          { filename: 'izziņa.pdf', content: PDF, contentType: 'application/octet-stream' },
        ],
      });
      const inquiry = await byReference(referenceIn(info.response));
      const files = await listInquiryAttachmentsMeta(platform.deps.db, inquiry.id);
      assert.deepEqual(files.map((f) => [f.fileName, f.contentType]), [['izziņa.pdf', 'application/pdf']]);
      const [message] = await listInquiryMessages(platform.deps.db, inquiry.id);
      assert.match(message?.bodyText ?? '', /^Skatīt pielikumus\./);
      assert.match(message?.bodyText ?? '', /netika saglabāti:\n- rēķins\.exe \(application\/x-msdownload\): faila veids nav atļauts/);
    });

    it('HTML and script in the subject and body are stored exactly as sent (escaping is the pages’ job)', async () => {
      const subject = `<script>alert("s${++sequence}")</script> & <b>treknraksts</b>`;
      const text = '<img src=x onerror="alert(1)"> un <script>document.cookie</script>';
      const info = await send({ subject, text });
      const inquiry = await byReference(referenceIn(info.response));
      assert.equal(inquiry.subject, subject);
      const [message] = await listInquiryMessages(platform.deps.db, inquiry.id);
      assert.equal(message?.bodyText.trim(), text);
      assert.equal(message?.subject, subject);
    });

    it('a mail to two agencies becomes one inquiry in each; a retried delivery of the same message is not filed twice', async () => {
      const mail = { to: ['konsultacijas@vsaa.gov.lv', 'pasts@kase.gov.lv'], subject: uniqueSubject('Abām iestādēm'), text: 'Sveiki', messageId: `<both-${sequence}@example.lv>` };
      const before = await inquiryCount();
      const first = await send(mail);
      assert.match(first.response, /filed VSAA-.*filed KASE-/);
      const again = await send(mail);
      assert.match(again.response, /duplicate, duplicate/);
      assert.equal(await inquiryCount(), before + 2);
    });

    it('a message over the size limit is refused with 552 after DATA and nothing is filed', async () => {
      const small = await startEmailIntake(platform.deps, { port: 0, host: '127.0.0.1', maxMessageBytes: 20_000 });
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: small.port, secure: false, ignoreTLS: true });
      try {
        const before = await inquiryCount();
        const error = await sendFailure({ subject: 'Liels', text: 'x', attachments: [{ filename: 'liels.pdf', content: Buffer.alloc(40_000, 1) }] }, transport);
        assert.equal(error.responseCode, 552);
        const body = `Subject: raw\r\n\r\n${'a'.repeat(76)}\r\n`.repeat(400);
        const replies = await smtpConversation(small.port, ['EHLO t', 'MAIL FROM:<raw@example.lv>', 'RCPT TO:<konsultacijas@vsaa.gov.lv>', 'DATA', `${body}.`, 'QUIT']);
        assert.match(replies[5] ?? '', /^552 /);
        assert.equal(await inquiryCount(), before);
        assert.equal(small.stats().oversized, 2);
      } finally {
        transport.close();
        await small.close();
      }
    });

    it('a sender over its limit gets 450 (try later) at MAIL FROM; other senders are not affected', async () => {
      const throttled = await startEmailIntake(platform.deps, { port: 0, host: '127.0.0.1', senderLimit: { messages: 3, windowMs: 60_000 } });
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: throttled.port, secure: false, ignoreTLS: true });
      try {
        const results: Array<number | 250> = [];
        for (let i = 0; i < 5; i++) {
          results.push(
            await transport.sendMail({ from: 'busy@example.lv', to: 'konsultacijas@vsaa.gov.lv', subject: `Nr. ${i}`, text: 'x' }).then(
              () => 250 as const,
              (error: SendError) => error.responseCode ?? 0,
            ),
          );
        }
        assert.deepEqual(results, [250, 250, 250, 450, 450]);
        const other = await transport.sendMail({ from: 'calm@example.lv', to: 'konsultacijas@vsaa.gov.lv', subject: 'Cits', text: 'x' });
        assert.match(other.response, /^250 /);
      } finally {
        transport.close();
        await throttled.close();
      }
    });

    it('when the mail cannot be stored the answer is 451 (temporary) and the intake keeps working', async () => {
      const real = platform.deps.agencies;
      const vsaa = real.get('vsaa');
      assert.ok(vsaa);
      const ghost = { ...vsaa, slug: 'ghost', channels: [{ ...vsaa.channels.find((c) => c.kind === 'email')!, address: 'ghost@example.lv' }] };
      // The address book knows ghost@, but the agency cannot be found when filing: fileInquiry throws.
      const agencies: AgencyRegistry = { list: () => [...real.list(), ghost], get: (slug) => real.get(slug), require: (slug) => real.require(slug) };
      const broken = await startEmailIntake({ ...platform.deps, agencies }, { port: 0, host: '127.0.0.1' });
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: broken.port, secure: false, ignoreTLS: true });
      try {
        const error = await sendFailure({ to: 'ghost@example.lv', subject: 'Spoks', text: 'x' }, transport);
        assert.equal(error.responseCode, 451);
        assert.equal(broken.stats().failed, 1);
        const ok = await transport.sendMail({ from: 'anna@example.lv', to: 'konsultacijas@vsaa.gov.lv', subject: 'Pēc kļūdas', text: 'x' });
        assert.match(ok.response, /^250 .*filed VSAA-/);
      } finally {
        transport.close();
        await broken.close();
      }
    });

    it('every mail is filed as channel "email" and audited as the e-mail intake’s doing', async () => {
      assert.equal((await newest()).channel, 'email');
      const audit = await platform.deps.db.execute(sql`select count(*)::int as n from audit_log where action = 'inquiry.filed' and actor_label = 'email-intake'`);
      const filedByIntake = (audit as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0;
      assert.equal(filedByIntake, await inquiryCount());
      assert.ok(intake.stats().accepted >= 15);
    });
  });
}
