import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, type TestPlatform } from '../../test/support/test-platform.ts';
import { PUBLIC_CACHEABLE_ROUTES, PUBLIC_WRITE_CHANGES } from './public-cache-routes.ts';

describe('what the page cache keeps and what public writes change', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await createTestPlatform('pglite');
  });
  after(() => platform.close());

  const registered = () => new Set(platform.app.routeTable.map((route) => `${route.method} ${route.url}`));

  it('keeps only registered public GET routes', () => {
    const routes = registered();
    for (const route of PUBLIC_CACHEABLE_ROUTES) assert.ok(routes.has(`GET ${route}`), route);
  });

  it('names registered public writes, each changing only kept routes', () => {
    const routes = registered();
    for (const [write, changes] of PUBLIC_WRITE_CHANGES) {
      assert.ok(routes.has(write), `${write} is registered`);
      assert.doesNotMatch(write, /^(GET|HEAD) |\/staff/, `${write} is a public write`);
      for (const route of changes) assert.ok(PUBLIC_CACHEABLE_ROUTES.has(route), `${write} changes ${route}, which is kept`);
    }
  });

  it('lets every public write that changes seats or tickets drop the pages showing them', () => {
    for (const [write, changes] of PUBLIC_WRITE_CHANGES) {
      if (/appointments|pieraksti?/.test(write)) assert.ok(changes.includes('/api/v1/agencies/:slug/slots') && changes.includes('/:agency/pieraksts'), write);
      if (/tickets|rinda/.test(write)) assert.ok(changes.includes('/:agency/rinda/:centre/tablo') && changes.includes('/api/v1/agencies/:slug/centres/:centre/board'), write);
    }
  });
});
