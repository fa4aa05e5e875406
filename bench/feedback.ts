// Feedback results on PostgreSQL with 1,000,000 survey responses (issue 7):
//   results page (one agency, all months, all centres)        p95 < 500 ms
//   results page filtered (month range + centre)               p95 < 500 ms
//   CSV export                                                 p95 < 500 ms
//   answering a survey (response + aggregates, 20 concurrent)  reported
// Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- feedback
// (a fresh database is created and dropped; BENCH_FEEDBACK_RESPONSES overrides the row count).
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { loadResults } from '../src/features/feedback/results.service.ts';
import { rebuildAggregates } from '../src/features/feedback/feedback.repository.ts';
import { inviteToSurvey } from '../src/features/feedback/survey-invitations.service.ts';
import { submitSurvey } from '../src/features/feedback/survey-responses.service.ts';
import { createStaffUser } from '../src/features/staff/staff.service.ts';
import { translator } from '../src/platform/i18n/index.ts';
import { benchPlatform, getOk, report, signIn, timeConcurrent, timeSequential } from './measure.ts';

const RESPONSES = Number(process.env.BENCH_FEEDBACK_RESPONSES ?? 1_000_000);
// Four invitations in five are answered: RESPONSES answers need RESPONSES × 5/4 invitations.
const INVITATIONS = Math.ceil((RESPONSES * 5) / 4);

const platform = await benchPlatform();
try {
  const db = platform.deps.db;
  const centres = (platform.deps.agencies.get('vsaa')?.serviceCentres ?? []).map((c) => c.id);
  const centreArray = sql.raw(`array[${centres.map((c) => `'${c}'`).join(',')}]`);
  let t0 = performance.now();
  // Two years of contacts: VSAA 80 % (at its centres, or by e-mail / phone), the Treasury 20 %.
  await db.execute(sql`
    insert into feedback_invitations (agency, contact_kind, contact_ref, centre_id, channel_id, month, created_at, expires_at, used_at, lang)
    select case when i % 5 = 0 then 'kase' else 'vsaa' end,
           (array['inquiry','appointment','ticket','phone'])[1 + i % 4],
           'BENCH-' || i,
           case when i % 5 <> 0 and i % 4 in (1, 2) then (${centreArray})[1 + (i / 7) % ${centres.length}] end,
           case when i % 4 = 0 then 'e-pasts' when i % 4 = 3 then 'info-talrunis' end,
           date_trunc('month', current_date - (i % 730))::date,
           now() - (i % 730) * interval '1 day',
           now() - (i % 730) * interval '1 day' + interval '14 days',
           case when i % 5 <> 4 then now() - (i % 730) * interval '1 day' + interval '1 hour' end,
           case when i % 10 = 0 then 'en' else 'lv' end
    from generate_series(1, ${INVITATIONS}) as i`);
  console.log(`seeded ${INVITATIONS} invitations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  t0 = performance.now();
  await db.execute(sql`
    insert into feedback_responses (invitation_id, agency, contact_kind, centre_id, channel_id, month, ratings, comments, has_comment, lang, submitted_at)
    select id, agency, contact_kind, centre_id, channel_id, month,
           jsonb_build_object('overall', 1 + h % 5, 'competence', 1 + (h / 5) % 5, 'courtesy', 1 + (h / 25) % 5,
                              'clarity', 1 + (h / 125) % 5, 'timeliness', 1 + (h / 625) % 5),
           case when h % 5 = 1 then jsonb_build_object('comment', 'Komentārs ' || h) else '{}'::jsonb end,
           h % 5 = 1, lang, used_at
    from (select *, abs(hashtext(id::text)) as h from feedback_invitations where used_at is not null) inv`);
  const counted = (await db.execute(sql`select count(*)::int as n from feedback_responses`)) as unknown as { rows: Array<{ n: number }> };
  const n = counted.rows[0]?.n ?? 0;
  console.log(`seeded ${n} responses in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  t0 = performance.now();
  await rebuildAggregates(db);
  await db.execute(sql`analyze`);
  console.log(`built the monthly aggregates from the rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const user = await createStaffUser({ ...platform.deps, agencyExists: () => true }, { actorId: null, actorLabel: 'bench', ip: null }, {
    email: 'bench@vsaa.test', name: 'Bench', password: 'bench-password-123', agency: 'vsaa', role: 'supervisor',
  });
  const scope = { actor: { id: user.id, email: user.email, name: user.name, memberships: [{ agency: 'vsaa', role: 'supervisor' as const }], sessionId: 'bench' }, agency: 'vsaa', role: 'supervisor' as const };
  const origin = { actorId: user.id, actorLabel: user.email, ip: '127.0.0.1' };
  const service = await timeSequential(100, () => loadResults(platform.deps, scope, origin, {}, 'lv').then(() => undefined));
  report('loadResults service (all months, all centres)', service, 500);

  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const cookie = await signIn(base, 'bench@vsaa.test', 'bench-password-123');
  const thisYear = Temporal.Now.plainDateISO('Europe/Riga').year;
  report('GET /staff/vsaa/atsauksmes (all)', await timeSequential(100, () => getOk(`${base}/staff/vsaa/atsauksmes`, cookie)), 500);
  report(
    'GET /staff/vsaa/atsauksmes (year + centre filter)',
    await timeSequential(100, (i) => getOk(`${base}/staff/vsaa/atsauksmes?from=${thisYear - 1}-01&to=${thisYear - 1}-12&centre=${centres[i % centres.length]}`, cookie)),
    500,
  );
  report('GET /staff/vsaa/atsauksmes/eksports.csv', await timeSequential(50, () => getOk(`${base}/staff/vsaa/atsauksmes/eksports.csv`, cookie)), 500);

  // Answering: each answer claims its invitation, stores the response and adds to the aggregates in one transaction.
  const profile = platform.deps.agencies.get('vsaa');
  if (!profile) throw new Error('no vsaa profile');
  const links: string[] = [];
  for (let i = 0; i < 1000; i++) links.push((await inviteToSurvey(platform.deps, { agency: 'vsaa', contactKind: 'ticket', contactRef: `LIVE-${i}`, centreId: centres[i % centres.length] as string, lang: 'lv' })).url);
  t0 = performance.now();
  const answering = await timeConcurrent(20, links.length, async (i) => {
    const token = (links[i] as string).split('/').pop() as string;
    const result = await submitSurvey(platform.deps, origin, { profile, token, form: { overall: String(1 + (i % 5)), courtesy: '4' }, t: translator('lv'), lang: 'lv' });
    if (result.kind !== 'saved') throw new Error(`answer ${i}: ${result.kind}`);
  });
  report('submitSurvey (20 concurrent, all centres share the month rows)', answering, 100);
  console.log(`answering throughput: ${(links.length / ((performance.now() - t0) / 1000)).toFixed(0)} answers/s`);
} finally {
  await platform.close();
}



