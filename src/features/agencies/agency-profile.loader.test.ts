import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  AgencyProfileError,
  formatIssuePath,
  loadAgencyProfiles,
  parseAgencyProfile,
  slugFromFileName,
  validateAgencyProfileFile,
} from './agency-profile.loader.ts';
import type { AgencyProfile } from './agency-profile.schema.ts';

const agenciesDir = fileURLToPath(new URL('../../../agencies/', import.meta.url));
const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const brokenDir = join(fixturesDir, 'broken');
const demoFile = join(fixturesDir, 'third-agency', 'demo.yaml');
const vsaaFile = join(agenciesDir, 'vsaa.yaml');
const kaseFile = join(agenciesDir, 'kase.yaml');

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apkalpe-agencies-'));
  tempDirs.push(dir);
  return dir;
}
after(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

async function loadReal(file: string): Promise<AgencyProfile> {
  const result = await validateAgencyProfileFile(file);
  if (!result.ok) assert.fail(result.error.message);
  return result.profile;
}

function channel(profile: AgencyProfile, predicate: (c: AgencyProfile['channels'][number]) => boolean) {
  const found = profile.channels.find(predicate);
  assert.ok(found, `channel not found in ${profile.slug}`);
  return found;
}

/** Every {lv, en} object anywhere in the value, with its path. */
function localizedTexts(value: unknown, path = ''): Array<{ path: string; text: Record<string, unknown> }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedTexts(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if ('lv' in record || 'en' in record) return [{ path, text: record }];
  return Object.entries(record).flatMap(([key, item]) => localizedTexts(item, path ? `${path}.${key}` : key));
}

async function brokenError(name: string): Promise<{ error: AgencyProfileError; file: string; lines: string[] }> {
  const file = join(brokenDir, `${name}.yaml`);
  const result = await validateAgencyProfileFile(file);
  assert.equal(result.ok, false, `${name}.yaml should be rejected`);
  if (result.ok) throw new Error('unreachable');
  assert.ok(result.error instanceof AgencyProfileError);
  assert.equal(result.error.file, file);
  const lines = (await readFile(file, 'utf8')).split('\n');
  return { error: result.error, file, lines };
}

function issueAt(error: AgencyProfileError, path: string) {
  const issue = error.issues.find((i) => i.path === path);
  assert.ok(issue, `no issue at ${path}; got:\n${error.message}`);
  return issue;
}

describe('real agency profiles', () => {
  it('load from agencies/ sorted by slug', async () => {
    const profiles = await loadAgencyProfiles(agenciesDir);
    const slugs = profiles.map((p) => p.slug);
    assert.ok(slugs.includes('vsaa') && slugs.includes('kase'), slugs.join());
    assert.deepEqual(slugs, [...slugs].sort());
  });

  it('VSAA: identity, phone, e-mails, e-address, post and residence-independent centres', async () => {
    const vsaa = await loadReal(vsaaFile);
    assert.equal(vsaa.slug, 'vsaa');
    assert.equal(vsaa.legalAddress, 'Lāčplēša iela 70A, Rīga, LV-1011');
    assert.equal(vsaa.name.lv, 'Valsts sociālās apdrošināšanas aģentūra');
    assert.match(vsaa.description.lv, /ir valsts pārvaldes iestāde/);
    assert.match(vsaa.mission.lv, /^Aģentūras mērķis/);
    assert.match(vsaa.source, /000_bc1f4bdc98520817\.txt/);

    const phone = channel(vsaa, (c) => c.kind === 'phone');
    assert.equal(phone.address, '64507020');
    assert.ok(phone.hours?.note, 'assumed phone hours must carry a note');
    const emails = vsaa.channels.filter((c) => c.kind === 'email').map((c) => c.address);
    assert.deepEqual(emails.sort(), ['konsultacijas@vsaa.gov.lv', 'pasts@vsaa.gov.lv']);
    assert.equal(channel(vsaa, (c) => c.kind === 'e-address').address, 'Valsts sociālās apdrošināšanas aģentūra');
    assert.equal(channel(vsaa, (c) => c.kind === 'post').address, 'Lāčplēša iela 70A, Rīga, LV-1011');
    assert.ok(vsaa.channels.some((c) => c.kind === 'in-person'));
    assert.ok(vsaa.channels.some((c) => c.kind === 'video-consultation'));
    assert.ok(vsaa.channels.every((c) => !c.requiresSecureSignature));

    assert.equal(vsaa.clientMayExpect.length, 7);
    assert.equal(vsaa.agencyExpects.length, 7);
    assert.equal(vsaa.premisesRules?.rules.length, 3);
    assert.ok(vsaa.premisesRules?.consequences.some((c) => /policijā/.test(c.lv)));
    // The seed's remote channels (3 bullets) and its in-person paragraphs (3), as its contact section.
    assert.deepEqual(vsaa.contactSections.map((section) => section.contacts.length), [3, 3]);
    assert.equal(vsaa.serviceDelivery.length, 0);

    assert.equal(vsaa.booking.anyCentreRegardlessOfResidence, true);
    assert.equal(vsaa.booking.requiresElectronicImpossibleReason, false);
    assert.equal(vsaa.booking.minNoticeWorkingDays, 0);
    assert.equal(vsaa.feedback.invitations.length, 2);
    assert.match(vsaa.feedback.answerPromise.lv, /Iesniegumu likumā/);
    assert.equal(vsaa.unsignedEmailPolicy.answer, 'answer-by-email');
  });

  it('VSAA: demo centres in several cities and VPVKAC video locations are marked as demo data', async () => {
    const vsaa = await loadReal(vsaaFile);
    const cities = new Set(vsaa.serviceCentres.map((c) => c.city));
    for (const city of ['Rīga', 'Daugavpils', 'Jelgava', 'Liepāja', 'Valmiera', 'Rēzekne', 'Ventspils', 'Jēkabpils']) {
      assert.ok(cities.has(city), `no centre in ${city}`);
    }
    assert.ok(vsaa.serviceCentres.filter((c) => c.city === 'Rīga').length >= 2);
    for (const centre of vsaa.serviceCentres) {
      assert.ok(centre.appointments && centre.walkIn, centre.id);
      assert.match(centre.note?.lv ?? '', /Demonstrācijas dati/, centre.id);
      assert.match(centre.note?.en ?? '', /Demo data/, centre.id);
      assert.deepEqual(centre.hours.weekly.fri, ['08:30-16:00'], centre.id);
    }
    const video = vsaa.videoConsultation;
    assert.ok(video);
    assert.ok(video.locations.length >= 5);
    assert.ok(vsaa.services.some((s) => s.id === video.serviceId), 'video service must be declared');
    for (const location of video.locations) assert.match(location.hours.note?.en ?? '', /Demo data/, location.id);
  });

  it('Treasury: phone and hours, e-address sub-addressee, signatures, topics and booking rules', async () => {
    const kase = await loadReal(kaseFile);
    assert.equal(kase.slug, 'kase');
    assert.equal(kase.legalAddress, 'Smilšu iela 1, Rīga, LV-1919');
    assert.match(kase.source, /001_b0ab26e51c4c8198\.txt/);

    const phone = channel(kase, (c) => c.kind === 'phone');
    assert.equal(phone.address, '+371 67094368');
    assert.deepEqual(phone.hours?.weekly.mon, ['08:30-17:15']);
    assert.deepEqual(phone.hours?.weekly.thu, ['08:30-17:15']);
    assert.deepEqual(phone.hours?.weekly.fri, ['08:30-16:00']);
    assert.equal(phone.hours?.weekly.sat, undefined);

    const eAddress = channel(kase, (c) => c.kind === 'e-address');
    assert.equal(eAddress.subAddressee, 'KLIENTU APKALPOŠANA');
    assert.equal(eAddress.requiresSecureSignature, true);
    assert.equal(channel(kase, (c) => c.address === 'ekase@kase.gov.lv').requiresSecureSignature, true);
    assert.equal(channel(kase, (c) => c.address === 'pasts@kase.gov.lv').requiresSecureSignature, false);
    assert.equal(channel(kase, (c) => c.kind === 'post').address, 'Valsts kases klientu apkalpošanas centrs, Smilšu iela 1, Rīga, LV-1919');
    assert.equal(channel(kase, (c) => c.kind === 'e-services').address, 'https://epakalpojumi.kase.gov.lv');
    assert.equal(channel(kase, (c) => c.kind === 'national-portal').address, 'www.Latvija.lv');
    assert.match(channel(kase, (c) => c.kind === 'web-form').note?.lv ?? '', /Biežāk uzdotie jautājumi/);

    assert.deepEqual(
      kase.phoneTopics.map((t) => t.id),
      ['konti', 'parakstu-kartites', 'e-pakalpojumi', 'maksajumi', 'citi'],
    );
    assert.equal(kase.booking.minNoticeWorkingDays, 2);
    assert.equal(kase.booking.requiresElectronicImpossibleReason, true);
    assert.equal(kase.booking.anyCentreRegardlessOfResidence, false);
    assert.deepEqual(kase.booking.bookingChannels, [phone.id]);

    assert.equal(kase.serviceCentres.length, 1);
    const centre = kase.serviceCentres[0];
    assert.equal(centre?.address, 'Smilšu iela 1, Rīga, LV-1919');
    assert.equal(centre?.walkIn, false);
    assert.equal(centre?.appointments, true);

    assert.equal(kase.values.length, 5);
    assert.equal(kase.clientMayExpect.length, 4);
    assert.equal(kase.agencyExpects.length, 5);
    assert.deepEqual(kase.notices.map((n) => n.kind).sort(), ['call-recording', 'pre-holiday-hours', 'video-surveillance']);
    assert.deepEqual(
      kase.feedback.channels.map((id) => kase.channels.find((c) => c.id === id)?.address).sort(),
      ['+371 67094368', 'Jautājuma veidlapa', 'ekase@kase.gov.lv', 'pasts@kase.gov.lv'],
    );
  });

  for (const file of [vsaaFile, kaseFile]) {
    it(`every text in ${slugFromFileName(file)} has Latvian and English, and source typos are fixed`, async () => {
      const text = await readFile(file, 'utf8');
      const data: unknown = parseYaml(text);
      const texts = localizedTexts(data);
      assert.ok(texts.length > 50, `only ${texts.length} texts found`);
      for (const { path, text: t } of texts) {
        assert.deepEqual(Object.keys(t).sort(), ['en', 'lv'], path);
        assert.ok(typeof t.lv === 'string' && t.lv.trim() !== '', `${path}.lv`);
        assert.ok(typeof t.en === 'string' && t.en.trim() !== '', `${path}.en`);
        if (String(t.lv).length > 12) assert.notEqual(t.lv, t.en, `${path} looks untranslated`);
      }
      const values = JSON.stringify(data); // comments may name the fixed typos; the data must not
      for (const typo of ['SAGAIĀT', 'paršādām', 'Smiļšu', 'veiktavideonovērošana', 'pārvaldībasprincipus', '](#)']) {
        assert.ok(!values.includes(typo), `typo "${typo}" left in ${file}`);
      }
    });
  }
});

describe('a third agency needs only a profile file', () => {
  it('loads alongside copies of the two real profiles, sorted by slug; other files are ignored', async () => {
    const dir = await tempDir();
    await copyFile(vsaaFile, join(dir, 'vsaa.yaml'));
    await copyFile(kaseFile, join(dir, 'kase.yaml'));
    await copyFile(demoFile, join(dir, 'demo.yaml'));
    await writeFile(join(dir, 'README.md'), 'not a profile');
    const profiles = await loadAgencyProfiles(dir);
    assert.deepEqual(
      profiles.map((p) => p.slug),
      ['demo', 'kase', 'vsaa'],
    );
    const demo = profiles[0];
    assert.equal(demo?.name.en, 'Demonstration Agency');
    assert.deepEqual(demo?.channels[0]?.hours?.weekly.mon, ['09:00-12:00', '13:00-17:00']);
    // Schema defaults are applied.
    assert.equal(demo?.channels[0]?.hours?.shortenBeforeHolidays, true);
    assert.deepEqual(demo?.notices, []);
  });

  it('accepts a .yml file whose slug matches its name', async () => {
    const text = (await readFile(demoFile, 'utf8')).replace('slug: demo', 'slug: other-demo');
    assert.equal(parseAgencyProfile(text, 'somewhere/other-demo.yml').slug, 'other-demo');
  });
});

describe('broken profiles name the file, the field path and the problem', () => {
  it('missing or blank English text', async () => {
    const { error, file } = await brokenError('missing-english');
    assert.match(issueAt(error, 'mission.en').message, /missing/i);
    assert.match(issueAt(error, 'description.en').message, /English text is required/);
    assert.equal(error.issues.length, 2);
    const lines = error.message.split('\n');
    assert.ok(lines.some((l) => l.startsWith(`${file}: mission.en: Required field is missing`)), error.message);
    assert.ok(lines.some((l) => l.startsWith(`${file}: description.en: English text is required`)), error.message);
  });

  it('bad hours "8:30-17", reported once and at the right line', async () => {
    const { error, lines } = await brokenError('bad-hours');
    const issue = issueAt(error, 'channels[0].hours.weekly.mon[0]');
    assert.match(issue.message, /HH:MM-HH:MM/);
    assert.equal(error.issues.length, 1, error.message);
    assert.ok(issue.line !== undefined && lines[issue.line - 1]?.includes('"8:30-17"'), `line ${issue.line}`);
  });

  it('a centre offering an undeclared service', async () => {
    const { error } = await brokenError('unknown-service');
    assert.match(issueAt(error, 'serviceCentres[0].services[1]').message, /Unknown service "pensijas"/);
  });

  it('a duplicate channel id', async () => {
    const { error } = await brokenError('duplicate-channel');
    assert.match(issueAt(error, 'channels[1].id').message, /Duplicate channel id "talrunis"/);
  });

  it('a slug that differs from the file name', async () => {
    const { error } = await brokenError('wrong-slug');
    const issue = issueAt(error, 'slug');
    assert.match(issue.message, /"demo".*"wrong-slug"/);
    assert.equal(issue.line, 2);
  });

  it('a YAML syntax error, with line and column', async () => {
    const { error, file } = await brokenError('syntax-error');
    const issue = issueAt(error, '(yaml)');
    assert.match(issue.message, /YAML syntax error/);
    assert.equal(issue.line, 6);
    assert.equal(typeof issue.column, 'number');
    assert.ok(error.message.includes(`${file}: (yaml): YAML syntax error`), error.message);
  });

  it('unknown fields, at the top level and inside a channel', async () => {
    const { error, lines } = await brokenError('unknown-field');
    assert.match(issueAt(error, 'channels[0].hourz').message, /Unknown field/);
    const top = issueAt(error, 'telefons');
    assert.match(top.message, /Unknown field/);
    assert.ok(top.line !== undefined && lines[top.line - 1]?.startsWith('telefons:'), `line ${top.line}`);
  });

  it('an empty file and a file that is not a mapping', () => {
    assert.throws(
      () => parseAgencyProfile('', 'empty.yaml'),
      (e: unknown) => e instanceof AgencyProfileError && e.file === 'empty.yaml' && /empty/.test(e.issues[0]?.message ?? ''),
    );
    assert.throws(
      () => parseAgencyProfile('- a\n- b\n', 'list.yaml'),
      (e: unknown) => e instanceof AgencyProfileError && e.issues[0]?.path === '(root)' && /mapping/.test(e.message),
    );
  });

  it('an unquoted phone number is a number, and the message says to quote it', async () => {
    const text = (await readFile(demoFile, 'utf8')).replace('address: "+371 60000000"', 'address: 60000000');
    assert.throws(
      () => parseAgencyProfile(text, 'demo.yaml'),
      (e: unknown) =>
        e instanceof AgencyProfileError &&
        e.issues.length === 1 &&
        e.issues[0]?.path === 'channels[0].address' &&
        /put it in quotes \("60000000"\)/.test(e.issues[0].message),
    );
  });

  it('a slug the platform uses for its own pages (staff, api, static, kalendars) is refused', async () => {
    const demo = await readFile(demoFile, 'utf8');
    for (const reserved of ['staff', 'api', 'static', 'kalendars']) {
      assert.throws(
        () => parseAgencyProfile(demo.replace(/^slug: demo$/m, `slug: ${reserved}`), `${reserved}.yaml`),
        (e: unknown) => e instanceof AgencyProfileError && e.issues.some((i) => i.path === 'slug' && /Reserved by the platform/.test(i.message)),
        reserved,
      );
    }
  });

  it('an unreadable file is reported, not thrown', async () => {
    const result = await validateAgencyProfileFile(join(brokenDir, 'does-not-exist.yaml'));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error.message, /Cannot read the file/);
  });
});

describe('loading a directory', () => {
  it('stops at a broken file with all of its issues', async () => {
    const dir = await tempDir();
    await copyFile(demoFile, join(dir, 'demo.yaml'));
    await copyFile(join(brokenDir, 'missing-english.yaml'), join(dir, 'missing-english.yaml'));
    await assert.rejects(loadAgencyProfiles(dir), (e: unknown) => {
      assert.ok(e instanceof AgencyProfileError);
      assert.equal(e.file, join(dir, 'missing-english.yaml'));
      assert.deepEqual(e.issues.map((i) => i.path).sort(), ['description.en', 'mission.en']);
      return true;
    });
  });

  it('an empty directory is a plain error', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'nothing here');
    await assert.rejects(loadAgencyProfiles(dir), (e: unknown) => {
      assert.ok(e instanceof Error && !(e instanceof AgencyProfileError));
      assert.match(e.message, /No agency profile/);
      assert.ok(e.message.includes(dir));
      return true;
    });
  });

  it('two files with the same slug are a plain error naming both', async () => {
    const dir = await tempDir();
    await copyFile(demoFile, join(dir, 'demo.yaml'));
    await copyFile(demoFile, join(dir, 'demo.yml'));
    await assert.rejects(loadAgencyProfiles(dir), (e: unknown) => {
      assert.ok(e instanceof Error && !(e instanceof AgencyProfileError));
      assert.match(e.message, /Duplicate agency slug "demo"/);
      assert.ok(e.message.includes('demo.yaml') && e.message.includes('demo.yml'), e.message);
      return true;
    });
  });
});

describe('helpers', () => {
  it('formatIssuePath and slugFromFileName', () => {
    assert.equal(formatIssuePath(['channels', 2, 'hours', 'weekly', 'mon', 0]), 'channels[2].hours.weekly.mon[0]');
    assert.equal(formatIssuePath([]), '(root)');
    assert.equal(formatIssuePath(['hours', 'dates', '2025-12-23']), 'hours.dates["2025-12-23"]');
    assert.equal(slugFromFileName('/x/agencies/kase.yaml'), 'kase');
    assert.equal(slugFromFileName('vsaa.yml'), 'vsaa');
  });
});
