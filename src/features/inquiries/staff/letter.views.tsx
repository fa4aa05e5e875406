import { rigaDateAt } from '../../../domain/opening-hours/index.ts';
import { formatDate } from '../../../web/format.ts';
import { renderDocument } from '../../../web/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { AgencyProfile } from '../../agencies/agency-profile.schema.ts';
import type { InquiryMessageRow, InquiryRow } from '../inquiries.repository.ts';

// A4 letter: the site chrome and the toolbar disappear on paper; margins as for an official letter.
const LETTER_CSS = `
.letter { max-width: 42rem; margin: 0 auto; padding: 1.5rem; font-family: Georgia, 'Times New Roman', serif; font-size: 12pt; line-height: 1.45; color: #000; }
.letterhead { border-bottom: 2px solid #000; margin-bottom: 1.5rem; padding-bottom: 0.5rem; }
.letterhead .agency { font-size: 15pt; font-weight: 700; margin: 0; }
.letter .meta { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
.letter .addressee, .letter .body { white-space: pre-wrap; overflow-wrap: anywhere; }
.letter .subject { font-weight: 700; margin: 1.5rem 0 1rem; }
.letter .signature { margin-top: 2.5rem; }
.toolbar { background: #f3f2f1; padding: 0.75rem 1.5rem; display: flex; gap: 1rem; align-items: center; }
@media print {
  @page { size: A4; margin: 20mm 20mm 25mm 25mm; }
  .toolbar { display: none !important; }
  .letter { padding: 0; max-width: none; }
  a { color: #000; text-decoration: none; }
}
`;

type LetterProps = {
  ctx: PageContext;
  agency: AgencyProfile;
  inquiry: InquiryRow;
  message: InquiryMessageRow;
  author: string | null;
  backHref: string;
};

/** The printable letter: its own document (no site header), with print CSS. */
export function renderLetterDocument({ ctx, agency, inquiry, message, author, backHref }: LetterProps): string {
  const t = ctx.t;
  const sentOn = rigaDateAt(message.at.getTime());
  return renderDocument(
    <html lang={ctx.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t('inquiries.staff.letterTitle', { reference: inquiry.reference })} — ${t('app.name')}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <style dangerouslySetInnerHTML={{ __html: LETTER_CSS }} />
        <script src="/static/print.js" defer />
      </head>
      <body>
        <div className="toolbar">
          <a href={backHref}>{t('inquiries.staff.backToInquiry')}</a>
          <button type="button" data-print hidden>
            {t('inquiries.staff.letterPrint')}
          </button>
        </div>
        <main className="letter" id="main">
          <header className="letterhead">
            <p className="agency">{agency.name[ctx.lang]}</p>
            <p>
              {agency.legalAddress} · {agency.website}
            </p>
          </header>
          <div className="meta">
            <div className="addressee" aria-label={t('inquiries.staff.letterTo')}>
              {[inquiry.requesterName, inquiry.requesterAddress].filter(Boolean).join('\n')}
            </div>
            <div>
              <p>{formatDate(sentOn, ctx.lang)}</p>
              <p>{t('inquiries.staff.letterOurRef', { reference: inquiry.reference })}</p>
              <p>{t('inquiries.staff.letterYourSubmission', { date: formatDate(inquiry.receivedOn, ctx.lang) })}</p>
            </div>
          </div>
          <p className="subject">{message.subject}</p>
          <div className="body">{message.bodyText}</div>
          <div className="signature">
            <p>{t('inquiries.staff.letterSignature')},</p>
            {author && <p>{author}</p>}
            <p>{agency.name[ctx.lang]}</p>
          </div>
        </main>
      </body>
    </html>,
  );
}
