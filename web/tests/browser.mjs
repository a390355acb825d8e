// Browser tests of the page `dyad serve` shows, in Debian's chromium driven headless by
// playwright-core: load the page, filter, open an event and see its evidence highlighted,
// paste text and see it coded. Usage: node web/tests/browser.mjs path/to/dyad [--screenshot FILE]
// Needs /usr/bin/chromium (scripts/setup-browser-tests.sh installs it and playwright-core).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dyad = resolve(process.argv[2] || join(root, 'target/debug/dyad'));
const shotAt = process.argv.indexOf('--screenshot');
const screenshot = shotAt > 0 ? resolve(process.argv[shotAt + 1]) : null;

if (!existsSync(CHROMIUM)) {
  if (process.env.DYAD_REQUIRE_BROWSER === '1') {
    console.error(`browser tests: ${CHROMIUM} is missing (run scripts/setup-browser-tests.sh)`);
    process.exit(1);
  }
  console.log(`browser tests: SKIPPED, ${CHROMIUM} is not installed and could not be installed`);
  process.exit(0);
}

const tmp = mkdtempSync(join(tmpdir(), 'dyad-browser-'));
const db = join(tmp, 'examples.db');
execFileSync(dyad, ['ingest', '--db', db, join(root, 'examples')], { stdio: ['ignore', 'ignore', 'inherit'] });

const server = spawn(dyad, ['serve', '--db', db, '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
const base = await new Promise((ok, fail) => {
  let seen = '';
  server.stderr.on('data', (chunk) => {
    seen += chunk;
    const m = seen.match(/http:\/\/[0-9.]+:\d+\//);
    if (m) ok(m[0]);
  });
  server.on('exit', (code) => fail(new Error(`dyad serve exited (${code}): ${seen}`)));
  setTimeout(() => fail(new Error('dyad serve did not start: ' + seen)), 60000);
});

let failures = 0;
const outside = [];
let context;
try {
  context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(20000);
  // The page must not need the network: anything not from the server is refused and noted.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const api = async (path) => (await fetch(base + path.replace(/^\//, ''))).json();

  async function check(name, body) {
    try {
      await body();
      console.log(`ok - ${name}`);
    } catch (e) {
      failures += 1;
      console.log(`not ok - ${name}: ${e.message}`);
    }
  }
  const expect = (cond, msg) => { if (!cond) throw new Error(msg); };

  await check('the page loads with table, timeline, map and network', async () => {
    await page.goto(base);
    await page.waitForSelector('#events tbody tr');
    const stats = await api('/api/stats');
    await page.waitForFunction((n) => document.querySelector('#count').textContent === `${n} events`, stats.events);
    expect((await page.locator('#events tbody tr').count()) === Math.min(50, stats.events), 'first page of rows');
    await page.waitForSelector('#timeline svg rect', { state: 'attached' });
    await page.waitForSelector('#map svg path.country', { state: 'attached' });
    await page.waitForSelector('#map svg circle.dot', { state: 'attached' });
    await page.waitForSelector('#network svg line.edge', { state: 'attached' });
    expect((await page.textContent('#stats')).includes(`${stats.documents} articles`), 'stats shown');
  });

  await check('filtering by event type shows only those events', async () => {
    const want = (await api('/api/events?event=ASSAULT&actor=PAK')).total;
    expect(want > 0, 'the examples have PAK assaults');
    await page.selectOption('#f-event', 'ASSAULT');
    await page.fill('input[name=actor]', 'PAK');
    await page.click('#apply');
    await page.waitForFunction((n) => document.querySelector('#count').textContent === `${n} events`, want);
    const rows = await page.$$eval('#events tbody tr', (trs) => trs.map((tr) => [tr.children[1].textContent, tr.children[2].textContent]));
    expect(rows.length === want, `${rows.length} rows, want ${want}`);
    expect(rows.every(([actor, ev]) => actor.startsWith('PAK') && ev === 'ASSAULT'), 'every row matches: ' + JSON.stringify(rows));
  });

  await check('a bad filter value shows the server\'s message', async () => {
    await page.fill('input[name=cameo]', '1x');
    await page.click('#apply');
    await page.waitForFunction(() => document.querySelector('#filter-error').textContent.includes('cameo'));
    await page.fill('input[name=cameo]', '');
    await page.click('#clear');
    await page.waitForFunction(() => document.querySelector('#filter-error').textContent === '');
  });

  await check('opening an event highlights actor, trigger, recipient, place and time', async () => {
    const all = (await api('/api/events?limit=1000')).events;
    const target = all.find((e) => e.actor.length && e.recipient.length && e.event_loc && e.date_text);
    expect(target, 'an event with every part');
    await page.fill('input[name=text]', target.event_text[0]);
    await page.click('#apply');
    const row = page.locator(`#events tbody tr[data-id="${target.id}"]`);
    await row.click();
    await page.waitForSelector('#detail mark.hl-event');
    const marks = await page.$$eval('#detail .sentence mark', (ms) => ms.map((m) => [m.className, m.textContent]));
    const has = (cls, text) => marks.some(([c, t]) => c === cls && t === text);
    expect(has('hl-event', target.event_text[0]), 'trigger: ' + JSON.stringify(marks));
    expect(has('hl-actor', target.actor[0].entity_text), 'actor: ' + JSON.stringify(marks));
    expect(has('hl-recipient', target.recipient[0].entity_text), 'recipient: ' + JSON.stringify(marks));
    expect(has('hl-date', target.date_text), 'time words: ' + JSON.stringify(marks));
    expect(marks.some(([c, t]) => c === 'hl-place' && t.includes(target.event_loc.extracted_place)), 'place: ' + JSON.stringify(marks));
    const sentence = await page.textContent('#detail .sentence');
    expect(sentence === target.text, 'the whole sentence is shown');
  });

  await check('pasted text is coded and shown with highlights', async () => {
    await page.fill('#paste textarea', 'Turkish pilots shot down a Russian warplane on Tuesday. Russia denied the charge.');
    await page.fill('#paste input[name=date]', '2015-11-24');
    await page.click('#code-btn');
    await page.waitForSelector('#coded .coded-event');
    const items = await page.$$eval('#coded .coded-event', (ds) => ds.map((d) => d.textContent));
    expect(items.length === 2, `${items.length} events: ${JSON.stringify(items)}`);
    expect(items[0].includes('TUR MIL') && items[0].includes('ASSAULT'), items[0]);
    expect((await page.locator('#coded mark.hl-event').count()) === 2, 'triggers highlighted');
    const stats = await api('/api/stats');
    const before = (await api('/api/events?limit=1')).total;
    expect(stats.events === before, 'nothing stored');
  });

  await check('no script errors and no outside requests', async () => {
    expect(errors.length === 0, 'page errors: ' + errors.join('; '));
    expect(outside.length === 0, 'outside requests: ' + outside.join(', '));
  });

  if (screenshot) {
    await page.click('#clear');
    await page.fill('#paste textarea', '');
    await page.locator('#coded').evaluate((n) => n.replaceChildren());
    await page.waitForFunction(() => !document.querySelector('#filter-error').textContent);
    const all = (await api('/api/events?limit=1000')).events;
    const pick = all.find((e) => e.actor.length && e.recipient.length && e.event_loc && e.date_text) || all[0];
    await page.fill('input[name=text]', pick.event_text[0]);
    await page.click('#apply');
    await page.locator(`#events tbody tr[data-id="${pick.id}"]`).click();
    await page.waitForSelector('#detail mark.hl-event');
    await page.click('#clear');
    await page.waitForSelector('#map svg circle.dot', { state: 'attached' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
  }
} finally {
  if (context) await context.close();
  server.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
console.log(failures ? `browser tests: ${failures} failed` : 'browser tests: all passed');
process.exit(failures ? 1 : 0);
