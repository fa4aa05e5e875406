import { rigaDateAt } from '../../../domain/opening-hours/index.ts';
import { formatDate } from '../../../web/format.ts';
import { renderDocument } from '../../../web/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { AgencyProfile } from '../../agencies/agency-profile.schema.ts';
import type { InquiryMessageRow, InquiryRow } from '../inquiries.repository.ts';

// A4 letter: the site chrome and the toolbar disappear on paper; margins as for an official letter.

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
        <link rel="stylesheet" href="/static/letter.css" />
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
