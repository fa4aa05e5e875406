import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { standardFiguresPublicApi, standardFiguresStaffApi } from './standard-figures.api.ts';
import { standardFiguresPublicPages, standardFiguresStaffPages } from './standard-figures.pages.tsx';

/** /staff/{agency}/standarts (page, CSV, records behind a figure) and GET /api/v1/staff/{agency}/standard-figures. */
export async function standardFiguresStaffRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await standardFiguresStaffPages(app, deps);
  await standardFiguresStaffApi(app, deps);
}

/** /{agency}/standarts/izpilde and the open data: GET /api/v1/agencies/{slug}/standard-figures (JSON) and .csv. */
export async function standardFiguresPublicRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await standardFiguresPublicPages(app, deps);
  await standardFiguresPublicApi(app, deps);
}
