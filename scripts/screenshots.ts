// Screenshots of the staff inbox, one inquiry and the queue console (issue 14: "before and after"), at 1280 px and
// 390 px, full page. Starts the platform in process on a fresh embedded database the way the browser tests do
// (test/support/browser.ts), files a few VSAA inquiries, issues queue tickets at Jelgava, signs in as a VSAA
// specialist through the real form and calls one ticket at counter 1 through the real console.
//   node --import tsx scripts/screenshots.ts <outDir>
// Writes <outDir>/{inbox,inquiry,queue-console}-{1280,390}.png.
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fixedClock } from '../src/platform/clock.ts';
import { appendClientMessage, fileInquiry } from '../src/features/inquiries/inquiries.service.ts';
import { requireCentre } from '../src/features/queue/queue-centre.ts';
import { issueTicket } from '../src/features/queue/queue-tickets.service.ts';
import { createStaffAccount, launchChromium, newContext, signInWithKeyboard, startServedPlatform, visit } from '../test/support/browser.ts';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node --import tsx scripts/screenshots.ts <outDir>');

// Thursday 19 November 2026, 10:00 in Riga: the VSAA centres are open.
const NOW = '2026-11-19T08:00:00Z';
const SPECIALIST = { email: 'ilze.kalnina@vsaa.example.lv', password: 'ekrānuzņēmumi-2026', agency: 'vsaa', role: 'specialist' as const };
const CLIENT = { actorId: null, actorLabel: 'client', ip: null };
const WIDTHS = [1280, 390] as const;

const platform = await startServedPlatform({ clock: fixedClock(NOW) });
const browser = await launchChromium();
try {
  await createStaffAccount(platform, SPECIALIST);
  const file = (name: string, email: string, receivedAt: string, subject: string, text: string, channel: 'web-form' | 'email' = 'web-form') =>
    fileInquiry(platform.deps, CLIENT, { agency: 'vsaa', channel, name, email, subject, text, receivedAt: new Date(receivedAt), acknowledge: false });

  const { inquiry: pension } = await file(
    'Anna Bērziņa',
    'anna.berzina@example.lv',
    '2026-11-16T09:12:00Z',
    'Pensijas pārrēķins pēc darba stāža precizēšanas',
    'Labdien! Oktobrī iesniedzu izziņu par darba stāžu padomju laikā (1984–1991, kolhozs "Nākotne"). Kad tiks pārrēķināta mana vecuma pensija un vai starpību izmaksās par visu periodu? Ar cieņu, Anna Bērziņa',
  );
  await appendClientMessage(platform.deps, CLIENT, pension, {
    medium: 'email',
    subject: 'Re: Pensijas pārrēķins pēc darba stāža precizēšanas',
    text: 'Papildinot savu iesniegumu: pielikumā ir arī arhīva izziņa Nr. 2-7/415. Lūdzu, atbildi sūtiet uz e-pastu, pa pastu to saņemt nevaru.',
    receivedAt: new Date('2026-11-18T14:40:00Z'),
  });
  await file('Jānis Ozoliņš', 'janis.ozolins@example.lv', '2026-11-19T07:05:00Z', 'Vecāku pabalsts, ja strādāju nepilnu slodzi', 'Vai varu saņemt vecāku pabalstu, ja no janvāra atgriežos darbā uz pusslodzi? Meitai ir 8 mēneši.');
  await file('Līga Kalniņa', 'liga.kalnina@example.lv', '2026-10-13T11:30:00Z', 'Slimības pabalsts nav izmaksāts', 'Darbnespējas lapa B noslēgta 2. oktobrī, bet slimības pabalsts vēl nav saņemts. Lūdzu, paskaidrojiet, kāpēc.', 'email');
  await file('Pēteris Liepa', 'peteris.liepa@example.lv', '2026-11-04T08:20:00Z', 'Apdrošināšanas periodu izziņa', 'Lūdzu izsniegt izziņu par maniem sociālās apdrošināšanas periodiem no 2001. gada darba devēja vajadzībām.');

  const jelgava = requireCentre(platform.deps.agencies.get('vsaa')!, 'jelgava');
  for (const service of ['pensijas', 'pensijas', 'pabalsti', 'dokumenti', 'pensijas']) {
    await issueTicket(platform.deps, CLIENT, jelgava, { service, channel: 'kiosk' });
  }

  await mkdir(outDir, { recursive: true });
  const shots: Array<[string, string]> = [
    ['inbox', '/staff/vsaa/iesniegumi'],
    ['inquiry', `/staff/vsaa/iesniegumi/${pension.id}`],
    ['queue-console', '/staff/vsaa/rinda/jelgava?counter=1'],
  ];
  for (const width of WIDTHS) {
    const context = await newContext(browser, platform.baseUrl, { javaScript: true, viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, SPECIALIST.email, SPECIALIST.password);
      if (width === WIDTHS[0]) {
        // Counter 1 opens for every service and calls the first client, through the console's own forms.
        await visit(page, '/staff/vsaa/rinda/jelgava?counter=1');
        for (const service of ['pensijas', 'pabalsti', 'dokumenti']) await page.check(`#service-${service}`);
        await Promise.all([page.waitForURL(/done=opened/), page.getByRole('button', { name: 'Atvērt lodziņu / saglabāt pakalpojumus' }).click()]);
        await Promise.all([page.waitForURL(/done=called/), page.getByRole('button', { name: 'Izsaukt nākamo' }).click()]);
      }
      for (const [name, path] of shots) {
        const response = await visit(page, path);
        if (response.status() !== 200) throw new Error(`${path}: ${response.status()}`);
        const target = join(outDir, `${name}-${width}.png`);
        await page.screenshot({ path: target, fullPage: true });
        console.log(`${target} ${Math.round((await stat(target)).size / 1024)} KB`);
      }
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await platform.close();
}
