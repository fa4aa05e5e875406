import type { FaqSeed } from './faq.topics.ts';

// State Treasury knowledge base as first published, grouped by the phone consultation topics of its
// client service standard (shared/seeds/001_…txt). General on purpose: forms, requirements and
// account numbers change, so the answers point to www.kase.gov.lv and the e-services portal.
export const KASE_FAQ: FaqSeed = {
  topics: [
    { id: 'konti', name: { lv: 'Kontu atvēršana un slēgšana', en: 'Opening and closing accounts' } },
    {
      id: 'parakstu-kartites',
      name: { lv: 'Parakstu paraugu kartītes un e-pakalpojumu pieteikumi', en: 'Signature specimen cards and e-service applications' },
    },
    { id: 'e-pakalpojumi', name: { lv: 'E-pakalpojumu lietošana', en: 'Using e-services' } },
    {
      id: 'maksajumi',
      name: { lv: 'Maksājumi, pārgrāmatošana un klasifikācijas kodi', en: 'Payments, rebooking and classification codes' },
    },
    { id: 'citi', name: { lv: 'Citi jautājumi', en: 'Other questions' } },
  ],
  entries: [
    {
      topic: 'konti',
      question: { lv: 'Kā atvērt kontu Valsts kasē?', en: 'How do I open an account with the State Treasury?' },
      answer: {
        lv: 'Valsts kase atver kontus klientiem, kuriem to paredz normatīvie akti, piemēram, valsts un pašvaldību iestādēm. Pieteikumu konta atvēršanai iesniedz elektroniski Valsts kases e-pakalpojumu portālā https://epakalpojumi.kase.gov.lv; kopā ar to parasti jāiesniedz arī parakstu paraugu kartīte. Aktuālās prasības un veidlapas ir publicētas www.kase.gov.lv, konsultācijas sniedz pa tālruni +371 67094368.',
        en: 'The Treasury opens accounts for clients entitled to them by law, for example state and municipal institutions. The application to open an account is submitted electronically on the Treasury’s e-services portal https://epakalpojumi.kase.gov.lv; a signature specimen card is usually submitted with it. The current requirements and forms are published on www.kase.gov.lv, and advice is given by phone on +371 67094368.',
      },
    },
    {
      topic: 'konti',
      question: { lv: 'Kā slēgt kontu Valsts kasē?', en: 'How do I close an account with the State Treasury?' },
      answer: {
        lv: 'Pieteikumu konta slēgšanai iesniedz Valsts kases e-pakalpojumu portālā https://epakalpojumi.kase.gov.lv. Pirms slēgšanas pārliecinieties, ka kontā nav neizpildītu maksājumu un ka ir zināms, uz kurieni pārskaitīt atlikumu. Aktuālā kārtība ir aprakstīta www.kase.gov.lv.',
        en: 'The application to close an account is submitted on the Treasury’s e-services portal https://epakalpojumi.kase.gov.lv. Before closing, make sure there are no outstanding payments on the account and that you know where the remaining balance should be transferred. The current procedure is described on www.kase.gov.lv.',
      },
    },
    {
      topic: 'konti',
      question: { lv: 'Vai kontu var atvērt vai slēgt klātienē?', en: 'Can I open or close an account in person?' },
      answer: {
        lv: 'Valsts kases pakalpojumi tiek sniegti elektroniski. Klātienē klientu apkalpošanas centrā Rīgā, Smilšu ielā 1, var ierasties tikai pēc iepriekšējas pieteikšanās un tikai tad, ja apstākļu dēļ pakalpojumu nav iespējams saņemt elektroniskajā vidē. Apmeklējumu piesaka vismaz divas darbdienas iepriekš pa tālruni +371 67094368.',
        en: 'The Treasury’s services are provided electronically. You can come to the client service centre in Riga, Smilšu iela 1, only by prior appointment and only if your circumstances make it impossible to receive the service electronically. Book the visit at least two working days in advance by calling +371 67094368.',
      },
    },
    {
      topic: 'parakstu-kartites',
      question: {
        lv: 'Kas ir parakstu paraugu kartīte un kad tā jāiesniedz?',
        en: 'What is a signature specimen card and when must it be submitted?',
      },
      answer: {
        lv: 'Parakstu paraugu kartītē klients norāda personas, kurām ir tiesības parakstīt konta dokumentus un rīkoties ar kontu. Kartīti iesniedz, atverot kontu, un no jauna ikreiz, kad mainās personas ar paraksta tiesībām. Aktuālā veidlapa un aizpildīšanas norādījumi ir pieejami www.kase.gov.lv un e-pakalpojumu portālā.',
        en: 'On the signature specimen card the client names the persons who have the right to sign the account’s documents and to operate the account. The card is submitted when the account is opened and again whenever the persons with signing rights change. The current form and instructions for filling it in are on www.kase.gov.lv and the e-services portal.',
      },
    },
    {
      topic: 'parakstu-kartites',
      question: { lv: 'Kā pareizi aizpildīt parakstu paraugu kartīti?', en: 'How do I fill in the signature specimen card correctly?' },
      answer: {
        lv: 'Izmantojiet aktuālo veidlapu no www.kase.gov.lv vai e-pakalpojumu portāla un ievērojiet tās norādījumus. Dokumentu paraksta ar drošu elektronisko parakstu (piemēram, eParaksts). Ja rodas jautājumi, Valsts kases speciālisti konsultē par parakstu paraugu kartītes aizpildīšanu pa tālruni +371 67094368.',
        en: 'Use the current form from www.kase.gov.lv or the e-services portal and follow its instructions. The document is signed with a secure electronic signature (for example eParaksts). If you have questions, the Treasury’s specialists advise on filling in the signature specimen card by phone on +371 67094368.',
      },
    },
    {
      topic: 'parakstu-kartites',
      question: {
        lv: 'Kā pieteikt darbinieku e-pakalpojumu lietošanai?',
        en: 'How do I register an employee to use the e-services?',
      },
      answer: {
        lv: 'Lai darbinieks varētu lietot Valsts kases e-pakalpojumus, klients iesniedz e-pakalpojumu pieteikumu, kurā norāda lietotāju un viņam piešķiramās tiesības. Pieteikumu paraksta persona, kurai ir tiesības pārstāvēt klientu. Pieteikuma veidlapa un norādījumi ir pieejami e-pakalpojumu portālā https://epakalpojumi.kase.gov.lv un www.kase.gov.lv.',
        en: 'For an employee to use the Treasury’s e-services, the client submits an e-service application naming the user and the rights to be granted. The application is signed by a person entitled to represent the client. The form and instructions are on the e-services portal https://epakalpojumi.kase.gov.lv and on www.kase.gov.lv.',
      },
    },
    {
      topic: 'parakstu-kartites',
      question: {
        lv: 'Kas jādara, ja mainās persona ar paraksta tiesībām vai e-pakalpojumu lietotājs?',
        en: 'What must be done when a person with signing rights or an e-service user changes?',
      },
      answer: {
        lv: 'Iesniedziet jaunu parakstu paraugu kartīti un, ja vajadzīgs, e-pakalpojumu pieteikumu, lai piešķirtu vai atsauktu lietotāja tiesības. Tas jādara nekavējoties, lai ar kontu nevarētu rīkoties persona, kurai šādu tiesību vairs nav.',
        en: 'Submit a new signature specimen card and, where needed, an e-service application to grant or withdraw user rights. Do this without delay, so that nobody who no longer holds such rights can operate the account.',
      },
    },
    {
      topic: 'e-pakalpojumi',
      question: { lv: 'Kur pieejami Valsts kases e-pakalpojumi?', en: 'Where are the State Treasury’s e-services available?' },
      answer: {
        lv: 'Valsts kases publiskos pakalpojumus var pieprasīt un saņemt elektroniski e-pakalpojumu portālā https://epakalpojumi.kase.gov.lv. Informācija par pakalpojumiem un to saņemšanas nosacījumiem ir publicēta Valsts kases tīmekļa vietnē www.kase.gov.lv.',
        en: 'The Treasury’s public services can be requested and received electronically on the e-services portal https://epakalpojumi.kase.gov.lv. Information on the services and the conditions for receiving them is published on the Treasury’s website www.kase.gov.lv.',
      },
    },
    {
      topic: 'e-pakalpojumi',
      question: { lv: 'Kā pieslēgties e-pakalpojumu portālam?', en: 'How do I sign in to the e-services portal?' },
      answer: {
        lv: 'Portālu var lietot persona, kurai ar e-pakalpojumu pieteikumu ir piešķirtas lietotāja tiesības. Pieejamie autentifikācijas veidi ir norādīti portāla https://epakalpojumi.kase.gov.lv pieslēgšanās lapā. Ja pieslēgties neizdodas, zvaniet uz klientu apkalpošanas tālruni +371 67094368.',
        en: 'The portal can be used by a person who has been granted user rights through an e-service application. The available ways to sign in are listed on the sign-in page of https://epakalpojumi.kase.gov.lv. If you cannot sign in, call the client service phone +371 67094368.',
      },
    },
    {
      topic: 'e-pakalpojumi',
      question: { lv: 'Ko darīt, ja e-pakalpojumos rodas kļūda?', en: 'What should I do if an error occurs in the e-services?' },
      answer: {
        lv: 'Pierakstiet kļūdas paziņojumu, laiku un darbību, ko veicāt. Speciālisti konsultē par e-pakalpojumu lietošanu pa tālruni +371 67094368 (pirmdien–ceturtdien 8.30–17.15, piektdien 8.30–16.00). Rakstiski jautājumu var uzdot tīmekļa vietnes sadaļā “Uzdot jautājumu”.',
        en: 'Note down the error message, the time and what you were doing. Specialists advise on using the e-services by phone on +371 67094368 (Monday–Thursday 8.30–17.15, Friday 8.30–16.00). You can also ask in writing in the “Ask a question” section of the website.',
      },
    },
    {
      topic: 'maksajumi',
      question: { lv: 'Kā veikt maksājumu no Valsts kases konta?', en: 'How do I make a payment from a State Treasury account?' },
      answer: {
        lv: 'Maksājumus no Valsts kases konta sagatavo un iesniedz e-pakalpojumu portālā https://epakalpojumi.kase.gov.lv, ievērojot portālā un www.kase.gov.lv publicētos norādījumus. Par maksājumu veikšanu speciālisti konsultē pa tālruni +371 67094368.',
        en: 'Payments from a Treasury account are prepared and submitted on the e-services portal https://epakalpojumi.kase.gov.lv, following the instructions published on the portal and on www.kase.gov.lv. Specialists advise on making payments by phone on +371 67094368.',
      },
    },
    {
      topic: 'maksajumi',
      question: { lv: 'Kā pārgrāmatot kļūdaini iegrāmatotu darījumu?', en: 'How do I rebook a transaction that was booked wrongly?' },
      answer: {
        lv: 'Iesniedziet Valsts kasei pieprasījumu par darījuma pārgrāmatošanu, norādot darījuma datus un pārgrāmatošanas iemeslu. Pieprasījumu iesniedz e-pakalpojumu portālā vai parakstītu ar drošu elektronisko parakstu. Aktuālā kārtība un veidlapas ir pieejamas www.kase.gov.lv.',
        en: 'Send the Treasury a request to rebook the transaction, stating the transaction details and the reason for rebooking. The request is submitted on the e-services portal or signed with a secure electronic signature. The current procedure and forms are on www.kase.gov.lv.',
      },
    },
    {
      topic: 'maksajumi',
      question: { lv: 'Kā labot maksājumā norādīto klasifikācijas kodu?', en: 'How do I correct the classification code given in a payment?' },
      answer: {
        lv: 'Ja maksājumā norādīts nepareizs budžeta klasifikācijas kods, iesniedziet pieprasījumu koda labošanai, norādot maksājuma datus, kļūdaino un pareizo kodu. Kārtība un veidlapas ir publicētas www.kase.gov.lv; par klasifikācijas kodu labošanu speciālisti konsultē pa tālruni +371 67094368.',
        en: 'If a payment carries the wrong budget classification code, submit a request to correct it, stating the payment details and the wrong and the correct code. The procedure and forms are published on www.kase.gov.lv; specialists advise on correcting classification codes by phone on +371 67094368.',
      },
    },
    {
      topic: 'maksajumi',
      question: {
        lv: 'Kur atrast Valsts kases kontu numurus budžeta ieņēmumu iemaksai?',
        en: 'Where can I find the Treasury account numbers for paying budget revenue?',
      },
      answer: {
        lv: 'Valsts kases kontu rekvizīti budžeta ieņēmumu iemaksai ir publicēti Valsts kases tīmekļa vietnē www.kase.gov.lv. Nodokļu maksājumu rekvizītus un maksājuma mērķa norādīšanas kārtību skatiet Valsts ieņēmumu dienesta tīmekļvietnē www.vid.gov.lv.',
        en: 'The details of the Treasury accounts for paying budget revenue are published on the Treasury’s website www.kase.gov.lv. For the details of tax payments and how to state the payment purpose, see the State Revenue Service’s website www.vid.gov.lv.',
      },
    },
    {
      topic: 'citi',
      question: { lv: 'Kā uzdot jautājumu Valsts kasei rakstiski?', en: 'How can I ask the State Treasury a question in writing?' },
      answer: {
        lv: 'Jautājumu var uzdot Valsts kases tīmekļa vietnes sadaļā “Uzdot jautājumu” (vispirms pārbaudiet, vai atbilde jau nav sniegta biežāk uzdoto jautājumu sadaļā). Vēstules, kas parakstītas ar drošu elektronisko parakstu, var sūtīt uz Valsts kases e-adreses apakšadresātu KLIENTU APKALPOŠANA vai uz e-pastu ekase@kase.gov.lv. Pa pastu vēstuli adresē Valsts kases klientu apkalpošanas centram, Smilšu iela 1, Rīga, LV-1919. Iesniegumu var iesniegt arī portālā www.Latvija.lv.',
        en: 'You can ask a question in the “Ask a question” section of the Treasury’s website (first check whether the answer is already in the frequently asked questions). Letters signed with a secure electronic signature can be sent to the sub-addressee KLIENTU APKALPOŠANA of the Treasury’s e-address or to ekase@kase.gov.lv. Letters by post go to the Treasury’s client service centre, Smilšu iela 1, Rīga, LV-1919. Applications can also be submitted on the portal www.Latvija.lv.',
      },
    },
    {
      topic: 'citi',
      question: { lv: 'Kāds ir klientu apkalpošanas tālruņa darba laiks?', en: 'What are the hours of the client service phone?' },
      answer: {
        lv: 'Klientu apkalpošanas tālrunis +371 67094368 darbojas pirmdienā–ceturtdienā no 8.30 līdz 17.15 un piektdienā no 8.30 līdz 16.00. Darba laiks pirmssvētku dienās tiek publicēts www.kase.gov.lv un e-pakalpojumu portālā. Kvalitātes kontroles nolūkā sarunas tiek ierakstītas.',
        en: 'The client service phone +371 67094368 is open Monday to Thursday from 8.30 to 17.15 and on Friday from 8.30 to 16.00. The hours on days before public holidays are published on www.kase.gov.lv and the e-services portal. Calls are recorded for quality control.',
      },
    },
    {
      topic: 'citi',
      question: { lv: 'Vai varu ierasties Valsts kasē bez iepriekšējas pieteikšanās?', en: 'Can I come to the Treasury without an appointment?' },
      answer: {
        lv: 'Nē. Klātienē klientus apkalpo tikai pēc iepriekšējas pieteikšanās un tikai tad, ja pakalpojumu nav iespējams saņemt elektroniskajā vidē. Apmeklējumu piesaka vismaz divas darbdienas iepriekš pa tālruni +371 67094368. Ja pakalpojuma saņemšanai tas nepieciešams, jāuzrāda personu apliecinošs dokuments. Telpās tiek veikta videonovērošana.',
        en: 'No. Clients are served in person only by prior appointment and only if the service cannot be received electronically. Book the visit at least two working days in advance by calling +371 67094368. Where the service requires it, you must present an identity document. The premises are under video surveillance.',
      },
    },
    {
      topic: 'citi',
      question: {
        lv: 'Kāpēc vēstulei uz ekase@kase.gov.lv jābūt parakstītai ar drošu elektronisko parakstu?',
        en: 'Why must a letter to ekase@kase.gov.lv be signed with a secure electronic signature?',
      },
      answer: {
        lv: 'Valsts kases klientu apkalpošanas standarts paredz, ka vēstules uz e-pastu ekase@kase.gov.lv un uz e-adresi sūta parakstītas ar drošu elektronisko parakstu (piemēram, eParaksts): tā Valsts kase var pārliecināties par sūtītāja identitāti un pilnvarām. Vispārīgu jautājumu bez paraksta var uzdot tīmekļa vietnes sadaļā “Uzdot jautājumu”.',
        en: 'The Treasury’s client service standard requires letters to ekase@kase.gov.lv and to the e-address to be signed with a secure electronic signature (for example eParaksts): this lets the Treasury be sure of the sender’s identity and authority. A general question can be asked without a signature in the “Ask a question” section of the website.',
      },
    },
    {
      topic: 'citi',
      question: { lv: 'Ko darīt, ja mans jautājums nav Valsts kases kompetencē?', en: 'What if my question is outside the Treasury’s competence?' },
      answer: {
        lv: 'Ja jautājums nav Valsts kases kompetencē, darbinieki iespēju robežās noskaidro kompetento institūciju un novirza jautājumu tai. Piemēram, par nodokļiem jautājiet Valsts ieņēmumu dienestam (www.vid.gov.lv), par Eiropas Savienības fondu projektiem — Centrālajai finanšu un līgumu aģentūrai (www.cfla.gov.lv), par pensijām un pabalstiem — Valsts sociālās apdrošināšanas aģentūrai (www.vsaa.gov.lv).',
        en: 'If a question is outside the Treasury’s competence, staff will, where possible, find the competent institution and pass the question on to it. For example, ask the State Revenue Service about taxes (www.vid.gov.lv), the Central Finance and Contracting Agency about European Union funds projects (www.cfla.gov.lv), and the State Social Insurance Agency about pensions and benefits (www.vsaa.gov.lv).',
      },
    },
    {
      topic: 'citi',
      question: { lv: 'Kā izteikt viedokli par Valsts kases pakalpojumu kvalitāti?', en: 'How can I give my opinion on the quality of the Treasury’s services?' },
      answer: {
        lv: 'Valsts kase būs pateicīga, ja piedalīsieties klientu aptaujās vai izteiksiet viedokli — gan uzslavu, gan neapmierinātību: sūtot e-pastu uz pasts@kase.gov.lv vai ekase@kase.gov.lv, zvanot pa tālruni +371 67094368 vai iesniedzot e-iesniegumu Valsts kases tīmekļa vietnē.',
        en: 'The Treasury will be grateful if you take part in client surveys or give your opinion — praise or dissatisfaction alike: by e-mail to pasts@kase.gov.lv or ekase@kase.gov.lv, by phone on +371 67094368, or by submitting an electronic application on the Treasury’s website.',
      },
    },
  ],
};
