// The registry: every indicator Apkalpe measures, with its exact definition.
import { countWhere, percent, total } from './histogram.ts';
import { METRICS, QUEUE_TARGET_MINUTES, surveyMetric, type Indicator, type Text } from './indicator-model.ts';
import { average, count, def, flowShare, onTimeShare, oneShare, q, snapshot } from './measures.ts';

const SURVEY_QUESTIONS: Array<[string, Text]> = [
  ['overall', { lv: 'kopējais vērtējums', en: 'overall rating' }],
  ['competence', { lv: 'kompetence', en: 'competence' }],
  ['courtesy', { lv: 'pieklājība un laipnība', en: 'courtesy' }],
  ['clarity', { lv: 'informācijas skaidrība', en: 'clarity of information' }],
  ['timeliness', { lv: 'savlaicīgums', en: 'timeliness' }],
];

/** Every indicator Apkalpe measures, with its exact definition. Profiles name promises' indicators from here. */
export const INDICATORS: readonly Indicator[] = [
  def({
    id: 'inquiries.answeredWithinTerm', unit: 'percent', metrics: [METRICS.answeredLate], dimensions: ['channel'],
    name: { lv: 'Atbildēts termiņā', en: 'Answered within the term' },
    definition: {
      lv: 'Iesniegumu daļa, uz kuriem pirmā atbilde nosūtīta ne vēlāk kā termiņa pēdējā dienā (Iesniegumu likuma termiņš, ieskaitot likumīgu pagarinājumu); skaita pēc atbildes dienas Rīgas laikā.',
      en: 'Share of inquiries whose first answer was sent no later than the last day of the term (Law on Submissions, including a lawful extension); counted by the Riga day of the answer.',
    },
    compute: onTimeShare(METRICS.answeredLate),
  }),
  def({
    id: 'inquiries.medianWorkingDaysToAnswer', unit: 'workingDays', metrics: [METRICS.answeredDays], dimensions: ['channel'],
    name: { lv: 'Atbildes laika mediāna', en: 'Median time to answer' },
    definition: {
      lv: 'Darbdienu skaita mediāna no saņemšanas dienas līdz pirmās atbildes dienai (Latvijas darba dienu kalendārs) iesniegumiem, uz kuriem atbildēts periodā.',
      en: 'Median number of working days from the day of receipt to the day of the first answer (Latvian working-day calendar), for inquiries answered in the period.',
    },
    compute: q(METRICS.answeredDays, 0.5),
  }),
  def({
    id: 'inquiries.openNow', unit: 'count', metrics: [METRICS.open],
    name: { lv: 'Neatbildēti iesniegumi', en: 'Open inquiries' },
    definition: { lv: 'Iesniegumi, uz kuriem vēl jāatbild, perioda pēdējās dienas beigās.', en: 'Inquiries still awaiting an answer at the end of the last day of the period.' },
    compute: snapshot(METRICS.open),
  }),
  def({
    id: 'inquiries.overdueNow', unit: 'count', metrics: [METRICS.overdue],
    name: { lv: 'Nokavēti iesniegumi', en: 'Overdue inquiries' },
    definition: { lv: 'Neatbildēti iesniegumi, kuru termiņš jau pagājis, perioda pēdējās dienas beigās.', en: 'Open inquiries whose term has passed, at the end of the last day of the period.' },
    compute: snapshot(METRICS.overdue),
  }),
  def({
    id: 'inquiries.forwardedWithinFiveDays', unit: 'percent', metrics: [METRICS.forwardedLate], dimensions: ['channel'],
    name: { lv: 'Pārsūtīts piecu darbdienu laikā', en: 'Forwarded within five working days' },
    definition: {
      lv: 'Citai iestādei pārsūtīto iesniegumu daļa, kas pārsūtīti ne vēlāk kā piektajā darbdienā pēc saņemšanas.',
      en: 'Share of inquiries forwarded to the competent institution no later than the fifth working day after receipt.',
    },
    compute: onTimeShare(METRICS.forwardedLate),
  }),
  def({
    id: 'inquiries.extensions', unit: 'count', metrics: [METRICS.extended],
    name: { lv: 'Termiņa pagarinājumi', en: 'Term extensions' },
    definition: { lv: 'Periodā pagarināto atbildes termiņu skaits.', en: 'Number of answer terms extended in the period.' },
    compute: count(METRICS.extended),
  }),
  def({
    id: 'inquiries.extensionsLawful', unit: 'percent', metrics: [METRICS.extended],
    name: { lv: 'Pamatoti pagarinājumi', en: 'Lawful extensions' },
    definition: {
      lv: 'Periodā pagarināto termiņu daļa, kuriem norādīts iemesls un jaunais termiņš nav vēlāks par četriem mēnešiem no saņemšanas.',
      en: 'Share of extensions in the period that carry a reason and whose new term is no later than four months from receipt.',
    },
    compute: oneShare(METRICS.extended),
  }),
  def({
    id: 'inquiries.unexamined', unit: 'count', metrics: [METRICS.unexamined], dimensions: ['channel'],
    name: { lv: 'Atstāti neizskatīti', en: 'Left unexamined' },
    definition: { lv: 'Periodā neizskatītu atstāto iesniegumu skaits.', en: 'Number of inquiries left unexamined in the period.' },
    compute: count(METRICS.unexamined),
  }),
  def({
    id: 'appointments.noShowRate', unit: 'percent', metrics: [METRICS.appointmentOutcome], dimensions: ['centre'],
    name: { lv: 'Neieradušies klienti', en: 'No-show rate' },
    definition: {
      lv: 'To pieteikto apmeklējumu daļa, uz kuriem klients neieradās, no apmeklējumiem ar reģistrētu iznākumu (ieradās, apkalpots, neieradās); pēc apmeklējuma dienas.',
      en: 'Share of booked appointments the client did not come to, of those with a recorded outcome (arrived, served, no-show); by the day of the appointment.',
    },
    compute: oneShare(METRICS.appointmentOutcome),
  }),
  def({
    id: 'appointments.cancelledByAgency', unit: 'count', metrics: [METRICS.cancelledByAgency], dimensions: ['centre'],
    name: { lv: 'Iestādes atceltie apmeklējumi', en: 'Appointments cancelled by the agency' },
    definition: { lv: 'Iestādes (ne klienta) atcelto apmeklējumu skaits pēc atcelšanas dienas.', en: 'Appointments cancelled by the agency (not the client), by the day of cancelling.' },
    compute: count(METRICS.cancelledByAgency),
  }),
  def({
    id: 'appointments.daysToFirstFreeSlot', unit: 'workingDays', metrics: [METRICS.firstFreeSlot], dimensions: ['centre'],
    name: { lv: 'Līdz pirmajam brīvajam laikam', en: 'To the first free slot' },
    definition: {
      lv: 'Vidējais darbdienu skaits no dienas līdz pirmajam brīvajam pieraksta laikam centrā, mērot reizi dienā.',
      en: 'Average number of working days from the day to the first free appointment slot at a centre, sampled once a day.',
    },
    compute: average(METRICS.firstFreeSlot),
  }),
  def({
    id: 'queue.waitMedian', unit: 'minutes', metrics: [METRICS.queueWait], dimensions: ['centre', 'service'],
    name: { lv: 'Gaidīšanas laika mediāna', en: 'Median wait' },
    definition: {
      lv: 'Gaidīšanas laika (no biļetes saņemšanas līdz pirmajam izsaukumam, pilnās minūtēs) mediāna izsauktajām rindas biļetēm.',
      en: 'Median wait (from taking the ticket to the first call, whole minutes) of the queue tickets called.',
    },
    compute: q(METRICS.queueWait, 0.5),
  }),
  def({
    id: 'queue.waitP90', unit: 'minutes', metrics: [METRICS.queueWait], dimensions: ['centre', 'service'],
    name: { lv: 'Gaidīšanas laika 90. procentile', en: '90th percentile wait' },
    definition: {
      lv: 'Gaidīšanas laiks pilnās minūtēs, ko nepārsniedz 90 % izsaukto rindas biļešu (tuvākā ranga metode).',
      en: 'The wait in whole minutes not exceeded by 90 % of the queue tickets called (nearest-rank method).',
    },
    compute: q(METRICS.queueWait, 0.9),
  }),
  def({
    id: 'queue.servedWithinTarget', unit: 'percent', metrics: [METRICS.queueWait], dimensions: ['centre', 'service'],
    name: { lv: 'Izsaukti 20 minūšu laikā', en: 'Called within 20 minutes' },
    definition: {
      lv: `Izsaukto rindas biļešu daļa, kas gaidīja ne vairāk kā ${QUEUE_TARGET_MINUTES} minūtes.`,
      en: `Share of the queue tickets called that waited at most ${QUEUE_TARGET_MINUTES} minutes.`,
    },
    compute: (d) => {
      const h = d.histogram(METRICS.queueWait);
      const n = total(h);
      return { value: percent(countWhere(h, (b) => b <= QUEUE_TARGET_MINUTES), n), base: n };
    },
  }),
  ...SURVEY_QUESTIONS.map(([question, label]) =>
    def({
      id: `survey.${question}`, unit: 'score', metrics: [surveyMetric(question)], dimensions: ['centre', 'channel'],
      name: { lv: `Aptauja: ${label.lv}`, en: `Survey: ${label.en}` },
      definition: {
        lv: `Aptaujas jautājuma "${question}" vidējais vērtējums (1–5) atbildēm, kas saņemtas periodā.`,
        en: `Average rating (1–5) of the survey question "${question}" in the answers received in the period.`,
      },
      compute: average(surveyMetric(question)),
    }),
  ),
  def({
    id: 'survey.responseRate', unit: 'percent', metrics: [METRICS.invitations], dimensions: ['centre', 'channel'],
    name: { lv: 'Aptaujas atsaucība', en: 'Survey response rate' },
    definition: { lv: 'Periodā izsūtīto aptaujas aicinājumu daļa, uz kuriem atbildēts.', en: 'Share of the survey invitations sent in the period that were answered.' },
    compute: oneShare(METRICS.invitations),
  }),
  def({
    id: 'survey.satisfied', unit: 'percent', metrics: [surveyMetric('overall')], dimensions: ['centre', 'channel'],
    name: { lv: 'Apmierināti klienti', en: 'User satisfaction' },
    definition: {
      lv: 'Respondentu daļa, kas kopējo vērtējumu devuši 4 vai 5 (apmierināti) — GOV.UK obligātais rādītājs.',
      en: 'Share of respondents who gave an overall rating of 4 or 5 (satisfied) — the GOV.UK mandatory KPI.',
    },
    compute: (d) => {
      const h = d.histogram(surveyMetric('overall'));
      const n = total(h);
      return { value: percent(countWhere(h, (b) => b >= 4), n), base: n };
    },
  }),
  def({
    id: 'feedback.complaints', unit: 'count', metrics: [METRICS.complaints], dimensions: ['centre', 'channel'],
    name: { lv: 'Sūdzības', en: 'Complaints' },
    definition: { lv: 'Periodā saņemto sūdzību skaits (visi kanāli).', en: 'Number of complaints received in the period (every channel).' },
    compute: count(METRICS.complaints),
  }),
  def({
    id: 'feedback.praise', unit: 'count', metrics: [METRICS.praise], dimensions: ['centre', 'channel'],
    name: { lv: 'Pateicības', en: 'Praise' },
    definition: { lv: 'Periodā saņemto pateicību skaits (visi kanāli).', en: 'Number of praises received in the period (every channel).' },
    compute: count(METRICS.praise),
  }),
  def({
    id: 'feedback.complaintsAnsweredWithinTerm', unit: 'percent', metrics: [METRICS.complaintAnsweredLate],
    name: { lv: 'Uz sūdzībām atbildēts termiņā', en: 'Complaints answered within the term' },
    definition: {
      lv: 'Sūdzību, kas kļuvušas par iesniegumiem, daļa, uz kurām atbildēts Iesniegumu likuma termiņā; pēc atbildes dienas.',
      en: 'Share of complaints that became inquiries answered within the Law on Submissions term; by the day of the answer.',
    },
    compute: onTimeShare(METRICS.complaintAnsweredLate),
  }),
  def({
    id: 'faq.deflection', unit: 'percent', metrics: [METRICS.questionSuggested, METRICS.questionFiledAfterSuggestions, METRICS.questionFiled],
    name: { lv: 'Atbilde atrasta BUJ', en: 'Answered by the FAQ' },
    definition: {
      lv: 'Jautājuma formas apmeklējumi, kas beidzās pie BUJ atbildes (ieteikumi parādīti, jautājums netika iesniegts), pret visiem šiem apmeklējumiem un iesniegtajiem jautājumiem kopā.',
      en: 'Question-form visits that ended at an FAQ answer (suggestions shown, no question filed) against those visits plus the questions filed.',
    },
    compute: (d) => {
      const shown = total(d.histogram(METRICS.questionSuggested));
      const filedAfter = total(d.histogram(METRICS.questionFiledAfterSuggestions));
      const filed = total(d.histogram(METRICS.questionFiled));
      const deflected = Math.max(0, shown - filedAfter);
      return { value: percent(deflected, deflected + filed), base: deflected + filed };
    },
  }),
  def({
    id: 'digital.takeUp', unit: 'percent', metrics: [METRICS.contacts], dimensions: ['channel'],
    name: { lv: 'Elektronisko kanālu īpatsvars', en: 'Digital take-up' },
    definition: {
      lv: 'Kontaktu daļa, kas notika elektroniski (tīmekļa forma, e-pasts, e-adrese, Latvija.lv, API) no visiem: iesniegumi pēc kanāla, rindas biļetes klātienē un reģistrētās tālruņa konsultācijas.',
      en: 'Share of contacts made electronically (web form, e-mail, e-address, Latvija.lv, API) of all: inquiries by channel, queue tickets in person and logged phone consultations.',
    },
    compute: oneShare(METRICS.contacts),
  }),
  def({
    id: 'forms.questionCompletion', unit: 'percent', metrics: [METRICS.questionStarted, METRICS.questionFiled],
    name: { lv: 'Jautājuma formas pabeigšana', en: 'Question form completion' },
    definition: {
      lv: 'Iesniegto jautājumu skaits pret jautājuma formas atvēršanas reizēm (skaita bez ziņām par to, kas sāka).',
      en: 'Questions filed against the times the question form was opened (counted without storing who started).',
    },
    compute: flowShare(METRICS.questionFiled, METRICS.questionStarted),
  }),
  def({
    id: 'forms.bookingCompletion', unit: 'percent', metrics: [METRICS.bookingStarted, METRICS.bookingFinished],
    name: { lv: 'Pieraksta pabeigšana', en: 'Booking completion' },
    definition: {
      lv: 'Pabeigto pierakstu skaits pret pieraksta sākšanas reizēm (skaita bez ziņām par to, kas sāka).',
      en: 'Bookings finished against the times the booking flow was started (counted without storing who started).',
    },
    compute: flowShare(METRICS.bookingFinished, METRICS.bookingStarted),
  }),
  // Phone feature (phone_calls.outcome, phone_callbacks): declared now, "no data" until it registers its source.
  def({
    id: 'phone.calls', unit: 'count', metrics: [METRICS.phoneCalls], dimensions: ['channel'], source: 'phone',
    name: { lv: 'Zvani', en: 'Calls' },
    definition: { lv: 'Reģistrēto zvanu skaits (pa tēmām: tēma ir filtra "kanāls" vērtība).', en: 'Number of logged calls (per topic: the topic is the "channel" filter value).' },
    compute: count(METRICS.phoneCalls),
  }),
  def({
    id: 'phone.callbacksWithinPromise', unit: 'percent', metrics: [METRICS.phoneCallbackLate], dimensions: ['channel'], source: 'phone',
    name: { lv: 'Atzvanīts solītajā laikā', en: 'Called back as promised' },
    definition: {
      lv: 'Atzvanīšanas pieprasījumu daļa, kam atzvanīts līdz solītajam laikam (pa tēmām: tēma ir filtra "kanāls" vērtība).',
      en: 'Share of callback requests called back by the promised time (per topic: the topic is the "channel" filter value).',
    },
    compute: onTimeShare(METRICS.phoneCallbackLate),
  }),
  // Registers feature (service errors, incidents, gifts): declared now, "no data" until it registers its source.
  def({
    id: 'errors.acknowledged', unit: 'count', metrics: [METRICS.errorsAcknowledged], source: 'registers',
    name: { lv: 'Atzītas kļūdas', en: 'Errors acknowledged' },
    definition: { lv: 'Periodā reģistrēto un atzīto apkalpošanas kļūdu skaits.', en: 'Number of service errors recorded and acknowledged in the period.' },
    compute: count(METRICS.errorsAcknowledged),
  }),
  def({
    id: 'errors.apologisedWithinDays', unit: 'days', metrics: [METRICS.errorsApologisedDays], source: 'registers',
    name: { lv: 'Atvainošanās laiks', en: 'Days to apologise' },
    definition: {
      lv: 'Kalendāra dienu mediāna no kļūdas atzīšanas līdz atvainošanās nosūtīšanai klientam.',
      en: 'Median calendar days from acknowledging an error to the apology sent to the client.',
    },
    compute: q(METRICS.errorsApologisedDays, 0.5),
  }),
  def({
    id: 'errors.remediedShare', unit: 'percent', metrics: [METRICS.errorsRemedied], source: 'registers',
    name: { lv: 'Novērstas sekas', en: 'Errors remedied' },
    definition: { lv: 'Periodā atzīto kļūdu daļa, kuru sekas novērstas.', en: 'Share of the errors acknowledged in the period whose consequences were remedied.' },
    compute: oneShare(METRICS.errorsRemedied),
  }),
  def({
    id: 'incidents.recorded', unit: 'count', metrics: [METRICS.incidents, METRICS.incidentActions], dimensions: ['channel'], source: 'registers',
    name: { lv: 'Incidenti', en: 'Incidents' },
    definition: {
      lv: 'Reģistrēto incidentu skaits (pēc veida un rīcības: veids vai rīcība ir filtra "kanāls" vērtība).',
      en: 'Number of incidents recorded (by kind and action: the kind or the action is the "channel" filter value).',
    },
    // Unfiltered or by kind: incidents.recorded has one row per incident (channel_key its kind). By an action:
    // incidents.recorded has no row with an action's key, and incidents.action counts the incidents that action
    // was taken about. Kinds and actions never share a name (registers' INCIDENT_KINDS, INCIDENT_ACTIONS).
    compute: (d) => {
      const n = total(d.histogram(METRICS.incidents)) || total(d.histogram(METRICS.incidentActions));
      return { value: n, base: n };
    },
  }),
  def({
    id: 'gifts.declared', unit: 'count', metrics: [METRICS.gifts], source: 'registers',
    name: { lv: 'Deklarētas dāvanas', en: 'Gifts declared' },
    definition: { lv: 'Darbinieku deklarēto dāvanu piedāvājumu skaits.', en: 'Number of gift offers declared by staff.' },
    compute: count(METRICS.gifts),
  }),
  def({
    id: 'gifts.declinedShare', unit: 'percent', metrics: [METRICS.gifts], source: 'registers',
    name: { lv: 'Atteiktas dāvanas', en: 'Gifts declined' },
    definition: { lv: 'Deklarēto dāvanu piedāvājumu daļa, kas atteikti.', en: 'Share of the declared gift offers that were declined.' },
    compute: oneShare(METRICS.gifts),
  }),
];

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

export function findIndicator(id: string): Indicator | undefined {
  return BY_ID.get(id);
}
