import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { markMatches } from '../domain/latvian-text/index.ts';
import { Marked, markedTextHtml } from './marked-text.tsx';

const unescape = (html: string) =>
  html.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('marked search text as HTML', () => {
  it('escapes the five HTML characters and marks only the matching words', () => {
    const parts = markMatches('<script>alert("pabalsts")</script> Pabalsti & pabalstu; \'pensija\'', ['pabalst'], 'lv');
    assert.equal(
      markedTextHtml(parts),
      '&lt;script&gt;alert(&quot;<mark>pabalsts</mark>&quot;)&lt;/script&gt; <mark>Pabalsti</mark> &amp; <mark>pabalstu</mark>; &#39;pensija&#39;',
    );
  });

  it('only adds <mark> tags: removing them and unescaping gives the text back, and nothing else is markup', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom('pabalst', 'pensij', 'zzz'), (text, term) => {
        const html = markedTextHtml(markMatches(text, [term], 'lv'));
        assert.equal(unescape(html), text);
        assert.doesNotMatch(html.replace(/<\/?mark>/g, ''), /[<>"']/);
      }),
      { numRuns: 300 },
    );
  });

  it('as elements: React escapes the text, the matches in <mark>', () => {
    const html = renderToStaticMarkup(<Marked parts={markMatches('<b>pabalsts</b>', ['pabalst'], 'lv')} />);
    assert.equal(html, '&lt;b&gt;<mark>pabalsts</mark>&lt;/b&gt;');
  });
});
