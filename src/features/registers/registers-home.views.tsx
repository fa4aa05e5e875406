import type { StaffRole } from '../../platform/access/roles.ts';
import { roleAllows } from '../../platform/access/policy.ts';
import { type PageContext, withLang } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { registersPath } from './register-common.views.tsx'

/** /staff/{agency}/registri: the three registers and what the role may do in them. */
export function RegistersHomeView({ ctx, profile, role }: { ctx: PageContext; profile: AgencyProfile; role: StaffRole }) {
  const { t } = ctx;
  const mayRecord = roleAllows(role, 'registers.record');
  const all = role !== 'specialist';
  const cards = [
    { path: '/incidenti', title: t('registers.incidents.title'), add: '/incidenti/jauns', addLabel: t('registers.incidents.newTitle') },
    { path: '/kludas', title: t('registers.serviceErrors.title'), add: '/kludas/jauna', addLabel: t('registers.serviceErrors.newTitle') },
    { path: '/davanas', title: t('registers.gifts.title'), add: '/davanas/jauna', addLabel: t('registers.gifts.newTitle') },
  ];
  return (
    <>
      <h1>{t('registers.title')}</h1>
      <p>{t('registers.intro')}</p>
      {!all && <p>{t('registers.list.onlyOwn')}</p>}
      <ul className="card-list">
        {cards.map((c) => (
          <li className="card" key={c.path}>
            <h2>
              <a href={withLang(registersPath(profile.slug, c.path), ctx)}>{c.title}</a>
            </h2>
            {mayRecord && (
              <p>
                <a href={withLang(registersPath(profile.slug, c.add), ctx)}>{c.addLabel}</a>
              </p>
            )}
            {c.path === '/kludas' && (
              <p>
                <a href={withLang(registersPath(profile.slug, '/kludas?open=yes'), ctx)}>{t('registers.openErrors')}</a>
              </p>
            )}
            {c.path === '/davanas' && all && (
              <p>
                <a href={withLang(registersPath(profile.slug, '/davanas/kopsavilkums'), ctx)}>{t('registers.gifts.summary')}</a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
