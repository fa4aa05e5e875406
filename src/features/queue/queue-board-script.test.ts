// The display board's script (src/web/static/queue-board.js) run against a tiny stand-in DOM: it draws the board
// from an event, opens a new EventSource when the server ended the old one (restart), and toggles the chime.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';

class FakeElement {
  children: FakeElement[] = [];
  attributes = new Map<string, string>();
  textContent = '';
  className = '';
  id = '';
  hidden = false;
  scope = '';
  listeners = new Map<string, () => void>();
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  appendChild(child: FakeElement) {
    this.children.push(child);
    return child;
  }
  replaceChildren(...children: FakeElement[]) {
    this.children = children;
  }
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, listener);
  }
  all(): FakeElement[] {
    return this.children.flatMap((c) => [c, ...c.all()]);
  }
}

class FakeEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onerror: (() => void) | null = null;
  listeners = new Map<string, (event: { data: string }) => void>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: { data: string }) => void) {
    this.listeners.set(type, listener);
  }
}

const texts = {
  called: 'Izsauktie numuri', waiting: 'Gaida rindā', counters: 'Lodziņi', service: 'Pakalpojums', people: 'Cilvēki', estimate: 'Aptuveni',
  number: 'Numurs', counter: 'Lodziņš', nobodyCalled: 'Neviens', chimeOn: 'Skaņa: ieslēgta', chimeOff: 'Skaņa: izslēgta',
  live: 'Tiešraide', reconnecting: 'Atjauno…', counterN: '{counter}. lodziņš', free: 'brīvs', closedCounter: 'slēgts', minutes: '{count} min',
};

const board = {
  calls: [{ number: 'P-007', counter: 3, service: 'pensijas', status: 'called', calledAt: '2026-11-19T08:00:00Z' }],
  counters: [{ counter: 3, open: true, services: ['pensijas'], current: 'P-007' }, { counter: 4, open: false, services: [], current: null }],
  waiting: [{ service: 'pensijas', letter: 'P', name: { lv: 'Pensijas', en: 'Pensions' }, waiting: 2, estimatedWaitMinutes: 30 }],
};

function runScript() {
  FakeEventSource.opened = [];
  const main = new FakeElement('main');
  main.setAttribute('data-texts', JSON.stringify(texts));
  main.setAttribute('data-lang', 'lv');
  main.setAttribute('data-events', '/api/v1/agencies/vsaa/centres/jelgava/board/events');
  const status = new FakeElement('span');
  const chime = new FakeElement('button');
  chime.hidden = true;
  const byId: Record<string, FakeElement> = { board: main, 'board-status': status, 'board-chime': chime };
  const timers: Array<() => void> = [];
  const window = { EventSource: FakeEventSource };
  const document = { getElementById: (id: string) => byId[id] ?? null, createElement: (tag: string) => new FakeElement(tag) };
  runInNewContext(readFileSync(new URL('../../web/static/queue-board.js', import.meta.url), 'utf8'), {
    window,
    document,
    EventSource: FakeEventSource,
    setTimeout: (fn: () => void) => timers.push(fn),
    JSON,
    String,
    Math,
  });
  return { main, status, chime, timers };
}

describe('display board script', () => {
  it('draws the board from an event: the latest call and its counter, waiting, counters', () => {
    const { main, status } = runScript();
    assert.equal(FakeEventSource.opened.length, 1);
    assert.equal(FakeEventSource.opened[0]?.url, '/api/v1/agencies/vsaa/centres/jelgava/board/events');
    FakeEventSource.opened[0]?.listeners.get('board')?.({ data: JSON.stringify(board) });
    assert.equal(status.textContent, 'Tiešraide');
    const cells = main.all().filter((e) => e.tagName === 'td').map((e) => e.textContent);
    assert.deepEqual(cells.slice(0, 2), ['P-007', '3']);
    assert.ok(cells.includes('P – Pensijas') && cells.includes('30 min'));
    const items = main.all().filter((e) => e.tagName === 'li').map((e) => e.textContent);
    assert.deepEqual(items, ['3. lodziņš: P-007', '4. lodziņš: slēgts']);
    assert.equal(main.all().find((e) => e.tagName === 'tr' && e.className === 'board-latest')?.children[0]?.textContent, 'P-007');
  });

  it('reconnects after the server closed the stream (restart); a dropped network is left to EventSource', () => {
    const { status, timers } = runScript();
    const first = FakeEventSource.opened[0] as FakeEventSource;
    first.readyState = FakeEventSource.CONNECTING;
    first.onerror?.();
    assert.equal(status.textContent, 'Atjauno…');
    assert.equal(timers.length, 0, 'EventSource retries by itself while CONNECTING');
    first.readyState = FakeEventSource.CLOSED;
    first.onerror?.();
    assert.equal(timers.length, 1);
    timers.shift()?.();
    assert.equal(FakeEventSource.opened.length, 2, 'a new EventSource after the back-off');
    const second = FakeEventSource.opened[1] as FakeEventSource;
    second.readyState = FakeEventSource.CLOSED;
    second.onerror?.();
    timers.shift()?.();
    assert.equal(FakeEventSource.opened.length, 3, 'and again, as long as it takes');
  });

  it('shows the chime toggle only with JavaScript and switches it', () => {
    const { chime } = runScript();
    assert.equal(chime.hidden, false);
    chime.listeners.get('click')?.();
    assert.equal(chime.getAttribute('aria-pressed'), 'true');
    assert.equal(chime.textContent, 'Skaņa: ieslēgta');
    chime.listeners.get('click')?.();
    assert.equal(chime.getAttribute('aria-pressed'), 'false');
  });
});
