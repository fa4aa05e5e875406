import { weeklySummary } from '../../domain/opening-hours/index.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { CheckboxField, CsrfField, ErrorSummary, SelectField, TextAreaField, TextField, errorFor } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { StatusBadge, WeeklyHours } from '../agencies/agencies.views.tsx';
import { CALLBACK_LIMITS } from './callback-request.service.ts';
import { lineSpec, phoneTopics, telHref, type LineWithStatus, type PhoneLine } from './phone-lines.ts';

function LineCard({ ctx, item, heading }: { ctx: PageContext; item: LineWithStatus; heading: 'h3' | 'h2' }) {
  const { t, lang } = ctx;
  const { line, status } = item;
  const Heading = heading;
  return (
    <li className="card" id={`line-${line.id}`}>
      <Heading>{line.name[lang]}</Heading>
      <p className="phone-number">
        <a href={telHref(line.number)}>{line.number}</a>
      </p>
      <p>
        <StatusBadge ctx={ctx} status={status} />
      </p>
      <WeeklyHours ctx={ctx} status={status} />
      {line.recorded && <p className="notice">{t('phone.page.recorded')}</p>}
      {line.note && <p className="muted">{line.note[lang]}</p>}
    </li>
  );
}

/** Half-hour steps (and the exact opening and closing times) of the line's week, for the window selects. */
export function windowTimes(line: PhoneLine | undefined): string[] {
  if (!line) return [];
  const minutes = new Set<number>();
  for (const group of weeklySummary(lineSpec(line))) {
    for (const range of group.ranges) {
      const [oh = 0, om = 0] = range.open.split(':').map(Number);
      const [ch = 0, cm = 0] = range.close.split(':').map(Number);
      const open = oh * 60 + om;
      const close = ch * 60 + cm;
      minutes.add(open).add(close);
      for (let m = Math.ceil(open / 30) * 30; m < close; m += 30) minutes.add(m);
    }
  }
  return [...minutes].sort((a, b) => a - b).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
}

export function CallbackForm({ ctx, profile, line, values, errors }: { ctx: PageContext; profile: AgencyProfile; line: PhoneLine | undefined; values: Record<string, string>; errors: FieldError[] }) {
  const { t, lang } = ctx;
  const times = windowTimes(line).map((time) => ({ value: time, label: time }));
  const days = profile.phone.callbackWithinWorkingDays;
  return (
    <section aria-labelledby="callback-title">
      <h2 id="callback-title">{t('phone.page.callbackTitle')}</h2>
      <p>{t('phone.page.callbackIntro')}</p>
      <p>{days === 0 ? t('phone.page.callbackPromiseSameDay') : days === 1 ? t('phone.page.callbackPromiseNextDay') : t('phone.page.callbackPromise', { days })}</p>
      <form method="post" action={`/${profile.slug}/talrunis/atzvanit`} noValidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <CsrfField ctx={ctx} />
        <TextField name="name" label={t('phone.callback.name')} value={values['name'] ?? ''} error={errorFor(errors, 'name')} autoComplete="name" required />
        <TextField name="phone" type="tel" label={t('phone.callback.phone')} hint={t('phone.callback.phoneHint')} value={values['phone'] ?? ''} error={errorFor(errors, 'phone')} autoComplete="tel" required />
        <SelectField
          name="topic"
          label={t('phone.callback.topic')}
          value={values['topic'] ?? ''}
          error={errorFor(errors, 'topic')}
          required
          options={[{ value: '', label: t('phone.callback.chooseOne') }, ...phoneTopics(profile).map((topic) => ({ value: topic.id, label: topic.name[lang] }))]}
        />
        <TextField name="date" type="date" label={t('phone.callback.date')} hint={t('phone.callback.dateHint')} value={values['date'] ?? ''} error={errorFor(errors, 'date')} required />
        <div className="time-pair">
          <SelectField name="from" label={t('phone.callback.from')} hint={t('phone.callback.windowHint')} value={values['from'] ?? times[0]?.value ?? ''} error={errorFor(errors, 'from')} options={times} />
          <SelectField name="to" label={t('phone.callback.to')} value={values['to'] ?? times[1]?.value ?? ''} error={errorFor(errors, 'to')} options={times} />
        </div>
        <TextAreaField name="description" label={t('phone.callback.description')} hint={t('phone.callback.descriptionHint', { max: CALLBACK_LIMITS.description })} value={values['description'] ?? ''} error={errorFor(errors, 'description')} rows={3} />
        <TextField name="email" type="email" label={t('phone.callback.email')} value={values['email'] ?? ''} error={errorFor(errors, 'email')} autoComplete="email" />
        <CheckboxField name="consent" label={t('phone.callback.consent')} checked={values['consent'] === 'yes'} error={errorFor(errors, 'consent')} />
        <button type="submit">{t('phone.callback.submit')}</button>
      </form>
    </section>
  );
}

export function PhonePageView({ ctx, profile, lines, line, values, errors }: { ctx: PageContext; profile: AgencyProfile; lines: LineWithStatus[]; line: PhoneLine | undefined; values: Record<string, string>; errors: FieldError[] }) {
  const { t, lang } = ctx;
  const channels = lines.filter((l) => l.line.kind === 'channel');
  const centres = lines.filter((l) => l.line.kind === 'centre');
  const topics = phoneTopics(profile);
  return (
    <>
      <h1>
        {t('phone.page.title')}: {profile.shortName[lang]}
      </h1>
      <p className="lead">{t('phone.page.intro')}</p>
      <h2>{t('phone.page.lines')}</h2>
      <ul className="card-list">
        {channels.map((item) => (
          <LineCard key={item.line.id} ctx={ctx} item={item} heading="h3" />
        ))}
      </ul>
      <p className="notice">{t('phone.page.shortenedNote')}</p>
      <h2>{t('phone.page.topics')}</h2>
      <ul>
        {topics.map((topic) => (
          <li key={topic.id}>{topic.name[lang]}</li>
        ))}
      </ul>
      {centres.length > 0 && (
        <>
          <h2>{t('phone.page.centreLines')}</h2>
          <ul className="card-list">
            {centres.map((item) => (
              <LineCard key={item.line.id} ctx={ctx} item={item} heading="h3" />
            ))}
          </ul>
        </>
      )}
      <CallbackForm ctx={ctx} profile={profile} line={line} values={values} errors={errors} />
    </>
  );
}

export function CallbackDoneView({ ctx, profile, callBy, emailed }: { ctx: PageContext; profile: AgencyProfile; callBy: string; emailed: boolean }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('phone.callback.doneTitle')}</h1>
      <p className="notice" role="status">
        {t('phone.callback.doneText', { callBy })}
      </p>
      {emailed && <p>{t('phone.callback.doneEmail')}</p>}
      <p>
        <a href={`/${profile.slug}/talrunis`}>{t('phone.page.title')}</a>
      </p>
    </>
  );
}
