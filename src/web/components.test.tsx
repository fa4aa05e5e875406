import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToStaticMarkup } from 'react-dom/server';
import { ScrollRegion, SelectField } from './components.tsx';

describe('SelectField', () => {
  it('lists the ungrouped options, then each group that has options, with the value chosen', () => {
    const html = renderToStaticMarkup(
      <SelectField
        name="centre"
        label="Vieta"
        value="riga"
        options={[{ value: '', label: 'Visas' }]}
        groups={[
          { label: 'Centri', options: [{ value: 'riga', label: 'Rīga' }, { value: 'cesis', label: 'Cēsis' }] },
          { label: 'Tukša', options: [] },
        ]}
      />,
    );
    assert.match(html, /<label for="field-centre">Vieta<\/label>/);
    assert.match(html, /<select id="field-centre" name="centre">/);
    assert.deepEqual([...html.matchAll(/<option value="([^"]*)"( selected="")?/g)].map((m) => `${m[1]}${m[2] ? '*' : ''}`), ['', 'riga*', 'cesis']);
    assert.deepEqual([...html.matchAll(/<optgroup label="([^"]*)"/g)].map((m) => m[1]), ['Centri']);
  });

  it('without groups is a plain select with the error tied to it', () => {
    const html = renderToStaticMarkup(<SelectField name="kind" label="Veids" error={{ field: 'kind', code: 'invalid_value', message: 'Izvēlieties veidu.' }} options={[{ value: 'a', label: 'A' }]} />);
    assert.doesNotMatch(html, /optgroup/);
    assert.match(html, /aria-invalid="true"/);
    assert.match(html, /aria-describedby="[^"]*field-kind-error/);
  });
});

describe('ScrollRegion', () => {
  it('is a named region that takes the keyboard focus, by its heading or by a label', () => {
    assert.equal(renderToStaticMarkup(<ScrollRegion labelledBy="h">x</ScrollRegion>), '<div class="table-scroll" tabindex="0" role="region" aria-labelledby="h">x</div>');
    assert.equal(renderToStaticMarkup(<ScrollRegion label="Tabula">x</ScrollRegion>), '<div class="table-scroll" tabindex="0" role="region" aria-label="Tabula">x</div>');
  });
});
