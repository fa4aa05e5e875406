import type { FaqSeed } from './faq.topics.ts';

// VSAA knowledge base as first published. Drawn from the agency's client service standard
// (shared/seeds/000_…txt) and its profile; general on purpose: no amounts, ages or legal section
// numbers, which change — the answers say where the current figures are published instead.
export const VSAA_FAQ: FaqSeed = {
  topics: [
    { id: 'pensijas', name: { lv: 'Pensijas', en: 'Pensions' } },
    { id: 'pabalsti', name: { lv: 'Pabalsti un atlīdzības', en: 'Benefits and allowances' } },
    { id: 'centri', name: { lv: 'Klientu apkalpošanas centri', en: 'Client service centres' } },
    { id: 'videokonsultacijas', name: { lv: 'Videokonsultācijas', en: 'Video consultations' } },
    { id: 'sazina', name: { lv: 'Saziņa ar aģentūru', en: 'Contacting the Agency' } },
    { id: 'dokumenti', name: { lv: 'Dokumenti un iesniegumi', en: 'Documents and applications' } },
  ],
  entries: [
    {
      topic: 'pensijas',
      question: { lv: 'Kā pieteikties vecuma pensijai?', en: 'How do I apply for an old-age pension?' },
      answer: {
        lv: 'Vecuma pensijas piešķiršanai jāiesniedz iesniegums. To var izdarīt elektroniski ar e-pakalpojumu portālā Latvija.lv, nosūtot iesniegumu uz aģentūras oficiālo elektronisko adresi (e-adresi) vai pa pastu, kā arī klātienē jebkurā aģentūras klientu apkalpošanas centrā (KAC).\n\nPensionēšanās vecums un nepieciešamais apdrošināšanas stāžs ir noteikts likumā un laika gaitā mainās, tāpēc aktuālās prasības pārbaudiet aģentūras tīmekļvietnē www.vsaa.gov.lv.',
        en: 'To be granted an old-age pension you submit an application. You can do this electronically with the e-service on the Latvija.lv portal, by sending the application to the Agency’s official electronic address (e-address) or by post, or in person at any of the Agency’s client service centres (KAC).\n\nThe retirement age and the required insurance period are set by law and change over time, so please check the current requirements on the Agency’s website www.vsaa.gov.lv.',
      },
    },
    {
      topic: 'pensijas',
      question: {
        lv: 'Kā uzzināt savu apdrošināšanas stāžu un par mani veiktās sociālās iemaksas?',
        en: 'How can I find out my insurance period and the social insurance contributions made for me?',
      },
      answer: {
        lv: 'Savus sociālās apdrošināšanas datus — apdrošināšanas periodus un veiktās iemaksas — var apskatīt e-pakalpojumā “Mani dati sociālajā apdrošināšanā” portālā Latvija.lv. Izziņu var pieprasīt arī aģentūrai rakstiski vai jebkurā KAC.\n\nJa iemaksas nav veiktas vai ir parāds, tā piedziņa ir Valsts ieņēmumu dienesta (www.vid.gov.lv) kompetencē.',
        en: 'You can see your social insurance data — insurance periods and contributions made — in the e-service “My social insurance data” (“Mani dati sociālajā apdrošināšanā”) on the Latvija.lv portal. You can also request a statement from the Agency in writing or at any client service centre.\n\nIf contributions have not been paid or are in arrears, their collection is a matter for the State Revenue Service (www.vid.gov.lv).',
      },
    },
    {
      topic: 'pensijas',
      question: {
        lv: 'Kā mainīt kontu, uz kuru tiek izmaksāta pensija vai pabalsts?',
        en: 'How do I change the account my pension or benefit is paid into?',
      },
      answer: {
        lv: 'Iesniedziet aģentūrai iesniegumu par izmaksas konta vai izmaksas veida maiņu: ar e-pakalpojumu portālā Latvija.lv, uz aģentūras e-adresi, pa pastu vai klātienē jebkurā KAC. Lai izmaksa netiktu aizkavēta, iesniegumu iesniedziet, tiklīdz zināt jaunā konta numuru, un neslēdziet veco kontu, kamēr izmaiņas nav stājušās spēkā.',
        en: 'Submit an application to change the payment account or payment method: with the e-service on the Latvija.lv portal, to the Agency’s e-address, by post or in person at any client service centre. To avoid a delayed payment, apply as soon as you know the new account number, and do not close the old account until the change has taken effect.',
      },
    },
    {
      topic: 'pensijas',
      question: {
        lv: 'Kur redzēt savu uzkrājumu valsts fondēto pensiju shēmā (pensiju 2. līmenī)?',
        en: 'Where can I see my savings in the state funded pension scheme (the 2nd pension pillar)?',
      },
      answer: {
        lv: 'Valsts fondēto pensiju shēmu administrē aģentūra. Informāciju par uzkrāto kapitālu un izvēlēto ieguldījumu plānu, kā arī iespēju mainīt plānu vai tā pārvaldītāju var atrast aģentūras e-pakalpojumos portālā Latvija.lv. Vispārīgu informāciju par shēmu skatiet www.vsaa.gov.lv.',
        en: 'The state funded pension scheme is administered by the Agency. Information on your accumulated capital and the chosen investment plan, and the option to change the plan or its manager, is available in the Agency’s e-services on the Latvija.lv portal. General information about the scheme is at www.vsaa.gov.lv.',
      },
    },
    {
      topic: 'pensijas',
      question: { lv: 'Kur vērsties par invaliditātes noteikšanu?', en: 'Where do I turn to have a disability assessed?' },
      answer: {
        lv: 'Invaliditāti nosaka Veselības un darbspēju ekspertīzes ārstu valsts komisija (www.vdeavk.gov.lv), nevis aģentūra. Kad invaliditāte ir noteikta, invaliditātes pensiju vai citu pakalpojumu piešķir un izmaksā aģentūra; par pieprasīšanas kārtību skatiet www.vsaa.gov.lv.',
        en: 'Disability is assessed by the State Medical Commission for the Assessment of Health Condition and Working Ability (www.vdeavk.gov.lv), not by the Agency. Once a disability has been established, the disability pension or another service is granted and paid by the Agency; see www.vsaa.gov.lv for how to apply.',
      },
    },
    {
      topic: 'pabalsti',
      question: { lv: 'Kādus pabalstus administrē aģentūra?', en: 'Which benefits does the Agency administer?' },
      answer: {
        lv: 'Aģentūra administrē valsts sociālās apdrošināšanas pabalstus (piemēram, slimības, maternitātes, paternitātes, vecāku, bezdarbnieka un apbedīšanas pabalstu) un valsts sociālos pabalstus (piemēram, ģimenes valsts pabalstu un bērna kopšanas pabalstu). Pilns pabalstu saraksts, piešķiršanas nosacījumi un aktuālie apmēri ir publicēti aģentūras tīmekļvietnē www.vsaa.gov.lv.',
        en: 'The Agency administers state social insurance benefits (for example sickness, maternity, paternity, parental, unemployment and funeral benefits) and state social benefits (for example the family state benefit and the childcare benefit). The full list of benefits, the conditions and the current amounts are published on the Agency’s website www.vsaa.gov.lv.',
      },
    },
    {
      topic: 'pabalsti',
      question: { lv: 'Kā pieteikties pabalstam?', en: 'How do I apply for a benefit?' },
      answer: {
        lv: 'Vairumam pabalstu jāiesniedz iesniegums. Ērtāk to izdarīt elektroniski ar e-pakalpojumu portālā Latvija.lv; iesniegumu var arī nosūtīt uz aģentūras e-adresi, pa pastu vai iesniegt klātienē jebkurā KAC. Kuri dokumenti katram pabalstam vajadzīgi, ir norādīts pabalsta aprakstā www.vsaa.gov.lv.',
        en: 'For most benefits you submit an application. The easiest way is electronically, with the e-service on the Latvija.lv portal; you can also send the application to the Agency’s e-address, by post, or submit it in person at any client service centre. The documents each benefit needs are listed in its description on www.vsaa.gov.lv.',
      },
    },
    {
      topic: 'pabalsti',
      question: { lv: 'Vai pabalstu pieprasīšanai ir noteikts termiņš?', en: 'Is there a time limit for claiming a benefit?' },
      answer: {
        lv: 'Jā, daudziem pabalstiem normatīvajos aktos ir noteikts laiks, kurā pabalsts jāpieprasa pēc tiesību rašanās. Ja termiņš nokavēts, pabalstu var nepiešķirt vai piešķirt tikai par daļu perioda. Katra pabalsta termiņu skatiet tā aprakstā www.vsaa.gov.lv un iesniegumu iesniedziet savlaicīgi.',
        en: 'Yes, for many benefits the law sets a period within which the benefit must be claimed after the right to it arises. If the deadline is missed, the benefit may not be granted, or granted for part of the period only. Check the time limit in each benefit’s description on www.vsaa.gov.lv and apply in good time.',
      },
    },
    {
      topic: 'pabalsti',
      question: {
        lv: 'Kā uzzināt, vai pabalsts ir piešķirts un kad to izmaksās?',
        en: 'How can I find out whether my benefit has been granted and when it will be paid?',
      },
      answer: {
        lv: 'Par lēmumu aģentūra paziņo iesniedzējam. Informāciju par piešķirtajiem pakalpojumiem un izmaksām var apskatīt aģentūras e-pakalpojumos portālā Latvija.lv. Ja jautājumi paliek, zvaniet uz informatīvo tālruni 64507020, rakstiet uz konsultacijas@vsaa.gov.lv vai vērsieties jebkurā KAC.',
        en: 'The Agency informs the applicant of its decision. Information on the services granted and on payments is available in the Agency’s e-services on the Latvija.lv portal. If you still have questions, call the information phone 64507020, write to konsultacijas@vsaa.gov.lv or visit any client service centre.',
      },
    },
    {
      topic: 'pabalsti',
      question: { lv: 'Kur pieteikties bezdarbnieka pabalstam?', en: 'Where do I apply for unemployment benefit?' },
      answer: {
        lv: 'Bezdarbnieka statusu piešķir Nodarbinātības valsts aģentūra (www.nva.gov.lv), bet bezdarbnieka pabalstu piešķir un izmaksā aģentūra. Pieprasīšanas kārtība un vajadzīgie dokumenti ir aprakstīti www.vsaa.gov.lv un www.nva.gov.lv. Par darba meklēšanu, apmācībām un statusu jautājiet Nodarbinātības valsts aģentūrai.',
        en: 'Unemployed status is granted by the State Employment Agency (www.nva.gov.lv), while the unemployment benefit is granted and paid by the Agency. How to claim and which documents are needed is described on www.vsaa.gov.lv and www.nva.gov.lv. For job search, training and the status itself, ask the State Employment Agency.',
      },
    },
    {
      topic: 'pabalsti',
      question: {
        lv: 'Kur saņemt sociālo palīdzību, piemēram, garantētā minimālā ienākuma vai mājokļa pabalstu?',
        en: 'Where can I get social assistance, such as the guaranteed minimum income benefit or housing benefit?',
      },
      answer: {
        lv: 'Šos pabalstus piešķir pašvaldības sociālais dienests pēc jūsu deklarētās dzīvesvietas, nevis aģentūra. Sazinieties ar sava novada vai pilsētas sociālo dienestu.',
        en: 'These benefits are granted by the municipal social service of your declared place of residence, not by the Agency. Please contact the social service of your municipality or city.',
      },
    },
    {
      topic: 'centri',
      question: {
        lv: 'Vai varu apmeklēt jebkuru klientu apkalpošanas centru, ne tikai savā dzīvesvietā?',
        en: 'Can I visit any client service centre, not only the one where I live?',
      },
      answer: {
        lv: 'Jā. Klātienē aģentūra apkalpo klientus jebkurā savā klientu apkalpošanas centrā (KAC) neatkarīgi no klienta deklarētās dzīvesvietas — ar iepriekšēju pierakstu vai rindas kārtībā.',
        en: 'Yes. The Agency serves clients in person at any of its client service centres (KAC), regardless of the client’s declared place of residence — by prior appointment or in the queue.',
      },
    },
    {
      topic: 'centri',
      question: { lv: 'Kā pieteikt apmeklējumu klientu apkalpošanas centrā?', en: 'How do I book a visit to a client service centre?' },
      answer: {
        lv: 'KAC var apmeklēt ar iepriekšēju pierakstu vai rindas kārtībā. Centru adreses, darba laiki un pieraksta iespējas ir publicētas aģentūras tīmekļvietnes sadaļā “Kontakti”. Ja apmeklējums ir pieteikts, ierodieties noteiktajā laikā vai savlaicīgi paziņojiet par kavēšanos, neierašanos vai apmeklējuma atcelšanu.',
        en: 'You can visit a client service centre by prior appointment or in the queue. The centres’ addresses, opening hours and appointment options are published in the “Contacts” section of the Agency’s website. If you have an appointment, please arrive on time or let us know in good time that you will be late, will not come or are cancelling.',
      },
    },
    {
      topic: 'centri',
      question: { lv: 'Kas jāņem līdzi uz klientu apkalpošanas centru?', en: 'What should I bring to a client service centre?' },
      answer: {
        lv: 'Individuālai konsultācijai vai pakalpojuma saņemšanai klātienē jāuzrāda personu apliecinošs dokuments. Paņemiet līdzi arī dokumentus, kas attiecas uz jūsu jautājumu. Ja nepieciešams, varat ierasties kopā ar personu, kas palīdzēs saziņā ar aģentūras darbiniekiem.',
        en: 'For an individual consultation or to receive a service in person you must present an identity document. Please also bring the documents that concern your question. If needed, you may come together with a person who will help you communicate with the Agency’s staff.',
      },
    },
    {
      topic: 'centri',
      question: { lv: 'Kādi noteikumi jāievēro aģentūras telpās?', en: 'What rules apply on the Agency’s premises?' },
      answer: {
        lv: 'Lai aizsargātu personas datus, privātumu un drošību, aģentūras telpās aizliegts fotografēt un veikt audio vai video ierakstus bez iepriekšējas saskaņošanas ar darbinieku, atrasties alkohola vai citu apreibinošu vielu ietekmē, kā arī uzvesties agresīvi, izaicinoši vai aizskaroši. Ja šie ierobežojumi netiek ievēroti, darbiniekam ir tiesības lūgt atstāt telpas un pārtraukt saskarsmi.',
        en: 'To protect personal data, privacy and safety, on the Agency’s premises it is prohibited to take photographs or make audio or video recordings without prior agreement with an employee, to be under the influence of alcohol or other intoxicating substances, and to behave aggressively, provocatively or offensively. If these restrictions are not observed, the employee may ask the client to leave and end the contact.',
      },
    },
    {
      topic: 'videokonsultacijas',
      question: { lv: 'Kas ir videokonsultācija un kur to var saņemt?', en: 'What is a video consultation and where can I get one?' },
      answer: {
        lv: 'Videokonsultācija ir saruna ar aģentūras speciālistu video tiešsaistē. To var saņemt visos Valsts un pašvaldību vienotajos klientu apkalpošanas centros (VPVKAC), tāpēc nav jābrauc uz aģentūras KAC. VPVKAC sarakstu un adreses skatiet portālā Latvija.lv.',
        en: 'A video consultation is a conversation with an Agency specialist over a video link. It is available at all State and Local Government Single Client Service Centres (VPVKAC), so you do not have to travel to an Agency client service centre. See the Latvija.lv portal for the list and addresses of the VPVKAC.',
      },
    },
    {
      topic: 'videokonsultacijas',
      question: { lv: 'Kā pieteikties videokonsultācijai?', en: 'How do I book a video consultation?' },
      answer: {
        lv: 'Sazinieties ar izvēlēto vienoto klientu apkalpošanas centru (VPVKAC) vai skatiet informāciju par videokonsultācijām aģentūras tīmekļvietnē www.vsaa.gov.lv. Uz konsultāciju paņemiet līdzi personu apliecinošu dokumentu un dokumentus, kas attiecas uz jūsu jautājumu.',
        en: 'Contact the single client service centre (VPVKAC) of your choice or see the information on video consultations on the Agency’s website www.vsaa.gov.lv. Bring an identity document and the documents that concern your question to the consultation.',
      },
    },
    {
      topic: 'sazina',
      question: { lv: 'Kā sazināties ar aģentūru?', en: 'How can I contact the Agency?' },
      answer: {
        lv: 'Zvaniet uz informatīvo tālruni 64507020 vai uz KAC kontakttālruņiem, kas publicēti tīmekļvietnes sadaļā “Kontakti”. Rakstiet uz aģentūras oficiālo elektronisko adresi (e-adresi) vai e-pastu konsultacijas@vsaa.gov.lv vai pasts@vsaa.gov.lv. Vēstuli var sūtīt pa pastu uz juridisko adresi Lāčplēša iela 70A, Rīga, LV-1011, vai uz jebkuru KAC adresi.',
        en: 'Call the information phone 64507020 or the client service centres’ contact numbers published in the “Contacts” section of the website. Write to the Agency’s official electronic address (e-address) or to konsultacijas@vsaa.gov.lv or pasts@vsaa.gov.lv. Letters can be posted to the legal address Lāčplēša iela 70A, Rīga, LV-1011, or to any client service centre.',
      },
    },
    {
      topic: 'sazina',
      question: { lv: 'Cik ātri saņemšu atbildi uz rakstisku iesniegumu?', en: 'How soon will I get an answer to a written submission?' },
      answer: {
        lv: 'Saskaņā ar Iesniegumu likumu aģentūra atbild saprātīgā termiņā, bet ne vēlāk kā mēneša laikā no iesnieguma saņemšanas. Ja atbildes sagatavošanai vajadzīgs ilgāks laiks, aģentūra termiņa pagarinājumu rakstiski pamato un par to paziņo iesniedzējam.',
        en: 'Under the Law on Submissions the Agency replies within a reasonable time, but no later than one month from receiving the submission. If more time is needed to prepare the answer, the Agency gives the reason for the extension in writing and informs the submitter.',
      },
    },
    {
      topic: 'sazina',
      question: { lv: 'Vai varu saņemt informāciju par saviem datiem pa e-pastu?', en: 'Can I receive information about my personal data by e-mail?' },
      answer: {
        lv: 'Informāciju par konkrētu personu aģentūra sniedz tikai tad, ja var pārliecināties par pieprasītāja identitāti. Savus datus varat apskatīt aģentūras e-pakalpojumos portālā Latvija.lv, nosūtīt iesniegumu, kas parakstīts ar drošu elektronisko parakstu vai iesniegts caur e-adresi, vai jautāt klātienē KAC, uzrādot personu apliecinošu dokumentu.',
        en: 'The Agency gives information about a specific person only when it can be sure of the requester’s identity. You can see your data in the Agency’s e-services on the Latvija.lv portal, send an application signed with a secure electronic signature or through the e-address, or ask in person at a client service centre, presenting an identity document.',
      },
    },
    {
      topic: 'sazina',
      question: { lv: 'Kā izteikt atsauksmi vai sūdzību par apkalpošanu?', en: 'How can I give feedback or complain about the service?' },
      answer: {
        lv: 'Klientu viedoklis aģentūrai palīdz uzlabot pakalpojumus. Varat piedalīties aptaujās un novērtēt apkalpošanas kvalitāti, kā arī izteikt viedokli klātienē, pa tālruni vai rakstveidā. Uz rakstiskām atsauksmēm aģentūra atbild Iesniegumu likumā noteiktajā termiņā.',
        en: 'Clients’ opinions help the Agency improve its services. You can take part in surveys and rate the quality of service, or give your opinion in person, by phone or in writing. The Agency answers written feedback within the term set by the Law on Submissions.',
      },
    },
    {
      topic: 'dokumenti',
      question: { lv: 'Kā iesniegt dokumentus aģentūrai elektroniski?', en: 'How can I submit documents to the Agency electronically?' },
      answer: {
        lv: 'Izmantojiet aģentūras e-pakalpojumus portālā Latvija.lv, sūtiet dokumentus uz aģentūras oficiālo elektronisko adresi (e-adresi) vai pa e-pastu, parakstot tos ar drošu elektronisko parakstu (piemēram, eParaksts). Ar drošu elektronisko parakstu parakstīts dokuments ir līdzvērtīgs pašrocīgi parakstītam.',
        en: 'Use the Agency’s e-services on the Latvija.lv portal, or send the documents to the Agency’s official electronic address (e-address) or by e-mail, signed with a secure electronic signature (for example eParaksts). A document signed with a secure electronic signature is equivalent to one signed by hand.',
      },
    },
    {
      topic: 'dokumenti',
      question: {
        lv: 'Kā saņemt izziņu par piešķirto pensiju vai pabalstu?',
        en: 'How do I get a statement about my pension or benefit?',
      },
      answer: {
        lv: 'Izziņu var pieprasīt, iesniedzot iesniegumu ar e-pakalpojumu portālā Latvija.lv, uz aģentūras e-adresi, pa pastu vai klātienē jebkurā KAC. Daļa informācijas par piešķirtajiem pakalpojumiem ir pieejama arī aģentūras e-pakalpojumos portālā Latvija.lv uzreiz.',
        en: 'You can request a statement by applying with the e-service on the Latvija.lv portal, to the Agency’s e-address, by post or in person at any client service centre. Some information on the services granted is also available straight away in the Agency’s e-services on the Latvija.lv portal.',
      },
    },
  ],
};
