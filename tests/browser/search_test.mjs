// The search page in a real browser: indexes data/sample, starts morgue-serve on a free loopback
// port and drives Debian's headless Chromium through playwright-core, as a reader would: search,
// click a facet, open a comment thread, page forward and back, brush the date histogram, load a
// shared URL. Every expectation is checked against the sample archive or the server's own JSON.
//
//   node tests/browser/search_test.mjs --index build/morgue-index --serve build/morgue-serve \
//        --source . --screenshots build/screenshots
//
// ctest runs it (tests/CMakeLists.txt). It exits 77 (ctest: skipped) when Chromium is not
// installed; .ci/install-deps installs it.
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {parseArgs} from 'node:util';

const {values: options} = parseArgs({
  options: {
    index: {type: 'string'},
    serve: {type: 'string'},
    source: {type: 'string', default: '.'},
    web: {type: 'string'},
    screenshots: {type: 'string'},
    chromium: {type: 'string', default: '/usr/bin/chromium'},
  },
});

const kSkip = 77;
if (!fs.existsSync(options.chromium)) {
  console.log(`SKIP: ${
      options.chromium} is not installed (apt-get install chromium, or run .ci/install-deps)`);
  process.exit(kSkip);
}
for (const name of ['index', 'serve']) {
  if (!options[name]) {
    console.error(
        `usage: search_test.mjs --index MORGUE_INDEX --serve MORGUE_SERVE [--screenshots DIR]`);
    process.exit(2);
  }
}

const {chromium} = await import('playwright-core');

// The flags this machine needs: no GPU, no sandbox as root, and nothing that reaches out to the
// network (its connections are refused here, many at a time).
const kChromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'morgue-browser-'));
let server = null;
let serverLog = '';
let baseUrl = '';
const contexts = [];
const scriptErrors = [];

/** Resolves with the port morgue-serve says it listens on ("... on http://127.0.0.1:PORT/"). */
function announcedPort(child) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer =
        setTimeout(() => reject(new Error(`morgue-serve did not start:\n${serverLog}`)), 15000);
    child.stdout.on('data', (data) => {
      seen += data;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`morgue-serve exited with ${code}:\n${serverLog}`));
    });
  });
}

async function waitForHealth(url, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (server.exitCode !== null) {
      throw new Error(`morgue-serve exited with ${server.exitCode}:\n${serverLog}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok)
        return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`morgue-serve did not answer /healthz:\n${serverLog}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The server's own answer, to compare the page with. */
async function api(pathAndQuery) {
  const response = await fetch(`${baseUrl}/${pathAndQuery}`);
  assert.equal(response.status, 200, `GET /${pathAndQuery}`);
  return response.json();
}

async function newContext(viewport, extra = {}) {
  const profile = fs.mkdtempSync(path.join(temp, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.chromium,
    headless: true,
    args: kChromiumArgs,
    viewport,
    ...extra,
  });
  context.on('weberror', (error) => scriptErrors.push(error.error().message));
  context.on('console', (message) => {
    if (message.type() === 'error')
      scriptErrors.push(message.text());
  });
  contexts.push(context);
  return context;
}

async function openPage(context, query = '') {
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(`${baseUrl}/${query}`);
  await page.locator('#summary strong').waitFor();
  return page;
}

/** Waits until the page shows the search in `search` (the hits of the server's answer). */
async function waitForHits(page, expected) {
  const titles = expected.hits.map((hit) => hit.title);
  await page.waitForFunction(
      (want) => {
        const shown =
            [...document.querySelectorAll('#hits > li .hit-title')].map((h) => h.textContent);
        return JSON.stringify(shown) === JSON.stringify(want) &&
            !document.body.classList.contains('loading');
      },
      titles,
  );
}

async function screenshot(page, name) {
  if (!options.screenshots)
    return;
  fs.mkdirSync(options.screenshots, {recursive: true});
  await page.screenshot({path: path.join(options.screenshots, name)});
}

before(async () => {
  const database = path.join(temp, 'sample.db');
  const indexed = spawnSync(options.index, [database, path.join(options.source, 'data/sample')], {
    encoding: 'utf8',
  });
  assert.equal(indexed.status, 0, `morgue-index failed:\n${indexed.stderr}`);
  // An article whose every field is hostile markup, as a scrape can bring.
  const hostile = path.join(temp, 'hostile.jsonl');
  fs.writeFileSync(hostile, JSON.stringify({
    id: 'hostile-1',
    url: 'javascript:window.pwned=1',
    site: '<b>site</b>',
    published: '2016-10-01',
    title: '<img src=x onerror="window.pwned=1">',
    authors: ['<i>author</i>'],
    tags: ['<script>window.pwned=1</script>'],
    body: 'The word xsscheck beside <img src=x onerror="window.pwned=1"> markup.',
    comments: [{author: '<b>commenter</b>', text: 'xsscheck <img src=x onerror="window.pwned=1">'}],
  }) + '\n');
  const added = spawnSync(options.index, [database, hostile], {encoding: 'utf8'});
  assert.equal(added.status, 0, `morgue-index failed:\n${added.stderr}`);

  // Port 0: the server picks a free loopback port and prints it.
  const web = options.web || path.join(options.source, 'web');
  server = spawn(options.serve, [database, '--host', '127.0.0.1', '--port', '0', '--web', web], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (data) => (serverLog += data));
  server.stderr.on('data', (data) => (serverLog += data));
  baseUrl = `http://127.0.0.1:${await announcedPort(server)}`;
  await waitForHealth(baseUrl, 15000);
});

after(async () => {
  for (const context of contexts)
    await context.close();
  if (server && server.exitCode === null)
    server.kill('SIGTERM');
  fs.rmSync(temp, {recursive: true, force: true});
});

describe('the search page on a laptop', () => {
  let context;
  let page;
  before(async () => {
    context = await newContext({width: 1366, height: 768});
    page = await openPage(context);
  });

  it('searches for a word and shows the hits, marked words and counts the server found',
     async () => {
       const expected = await api('api/search?q=kerry&limit=10');
       await page.fill('#q', 'kerry');
       await page.press('#q', 'Enter');
       await waitForHits(page, expected);
       assert.match(page.url(), /\?q=kerry$/);
       const summary = await page.textContent('#summary');
       assert.match(summary, new RegExp(`^${expected.total.hits} hits for “kerry”`));
       assert.match(
           summary,
           new RegExp(
               `${expected.total.articles} articles and ${expected.total.comments} comments match`),
       );
       const marks = await page.locator('#hits mark').allTextContents();
       assert.ok(marks.length > 0, 'matched words are marked');
       assert.ok(marks.every((word) => word.toLowerCase() === 'kerry'), `marked: ${marks}`);
       // A facet's counts on the page are the server's.
       const sputnik = expected.facets.site.values.find((value) => value.value === 'Sputnik');
       const button = page.locator('.facet-value[data-filter="site:Sputnik"]');
       assert.equal(await button.locator('.count').textContent(), String(sputnik.count));
       await screenshot(page, 'laptop-search.png');
     });

  it('narrows the hits when a facet value is clicked, and keeps the other values', async () => {
    const expected = await api('api/search?q=kerry&filter=site:Sputnik&limit=10');
    const all = await api('api/search?q=kerry&limit=10');
    assert.ok(expected.total.hits < all.total.hits, 'the sample has hits outside Sputnik');
    await page.click('.facet-value[data-filter="site:Sputnik"]');
    await waitForHits(page, expected);
    assert.match(page.url(), /[?&]filter=site%3ASputnik/);
    assert.equal(
        await page.getAttribute('.facet-value[data-filter="site:Sputnik"]', 'aria-pressed'),
        'true');
    assert.equal(await page.locator('#hits > li').count(), expected.hits.length);
    // Multi-select: the site facet still lists the sites not selected.
    const sites = await page.locator('[data-facet="site"] .facet-value').count();
    assert.equal(sites, all.facets.site.values.length);
    assert.match(await page.textContent('#selected-filters'), /Sputnik/);
  });

  it('opens a comment thread and shows every comment with its author', async () => {
    const hit = page.locator('#hits > li', {hasText: 'US Threatens to Suspend Engagement'});
    await hit.getByRole('button', {name: /Show all 20 comments/}).click();
    const full = hit.locator('.comments.full');
    await full.waitFor();
    assert.equal(await full.locator('> li').count(), 20);
    const mikhas = full.locator('> li', {hasText: 'Mikhas'});
    assert.equal(await mikhas.locator('.author').textContent(), 'Mikhas');
    assert.match(
        await mikhas.locator('.comment-text').textContent(),
        /^The concern Kerry feels for his blood soaked cuttroath merc´s is admirable but futile\./,
    );
    await hit.evaluate((element) => element.scrollIntoView({block: 'start'}));
    await screenshot(page, 'laptop-thread.png');
    await hit.getByRole('button', {name: 'Show only matching comments'}).click();
    assert.equal(await full.isHidden(), true);
  });

  it('pages forward and back, with the page in the URL and the back button', async () => {
    const first = await api('api/search?q=&limit=10&offset=0');
    const second = await api('api/search?q=&limit=10&offset=10');
    assert.ok(first.total.hits > 10, 'the sample fills more than one page');
    await page.goto(`${baseUrl}/`);
    await waitForHits(page, first);
    await page.click('#next');
    await waitForHits(page, second);
    assert.match(page.url(), /[?&]offset=10/);
    assert.match(
        await page.textContent('#page-info'), new RegExp(`^11–${10 + second.hits.length} of`));
    assert.equal(await page.isDisabled('#prev'), false);
    await page.goBack();
    await waitForHits(page, first);
    assert.doesNotMatch(page.url(), /offset/);
  });

  it('sorts by date', async () => {
    const expected = await api('api/search?q=elections&sort=oldest&limit=10');
    await page.fill('#q', 'elections');
    await page.press('#q', 'Enter');
    await page.selectOption('#sort', 'oldest');
    await waitForHits(page, expected);
    assert.match(page.url(), /[?&]sort=oldest/);
  });

  it('narrows the dates when the histogram is brushed', async () => {
    await page.goto(`${baseUrl}/?q=kerry`);
    await page.locator('#histogram .bar').first().waitFor();
    const bars = page.locator('#histogram .bar');
    const count = await bars.count();
    assert.ok(count >= 3, `the histogram has ${count} bars`);
    const from = await bars.nth(0).boundingBox();
    const to = await bars.nth(2).boundingBox();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height - 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height - 2, {steps: 5});
    await page.mouse.up();
    await page.waitForURL(/filter=date%3A/);
    const filter = new URL(page.url()).searchParams.get('filter');
    assert.match(filter, /^date:\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/);
    const expected = await api(`api/search?q=kerry&filter=${encodeURIComponent(filter)}&limit=10`);
    await waitForHits(page, expected);
    assert.equal(await page.locator('#histogram .bar.selected').count(), 3);
    await page.click('#clear-dates');
    await page.waitForURL((url) => !url.search.includes('date'));
    // The URL changes before the unfiltered answer is drawn; bars focused before that are
    // replaced under the keyboard (seen with a slow, sanitized server).
    await page.waitForFunction(
        () => document.getElementById('clear-dates').hidden &&
            !document.body.classList.contains('loading'));
    // The keyboard does the same: Shift+arrows stretch a range, Enter chooses it.
    await page.locator('#histogram .bar').first().waitFor();
    await page.locator('#histogram .bar').first().focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForURL(/filter=date%3A/);
    assert.equal(new URL(page.url()).searchParams.get('filter'), filter);
  });

  it('unfolds a long facet', async () => {
    const all = await api('api/search?q=&facet_values=100');
    await page.goto(`${baseUrl}/`);
    const tags = page.locator('[data-facet="tag"] .facet-value');
    await tags.first().waitFor();
    assert.equal(await tags.count(), 10);
    const more = all.facets.tag.values.length - 10;
    await page.getByRole('button', {name: `Show ${more} more Tags`}).click();
    await page.waitForFunction(
        (want) => document.querySelectorAll('[data-facet="tag"] .facet-value').length === want,
        all.facets.tag.values.length);
  });

  it('offers a spelling that finds something', async () => {
    await page.goto(`${baseUrl}/?q=${encodeURIComponent('harbour qouta')}`);
    await page.locator('#did-you-mean a').waitFor();
    assert.equal(await page.textContent('#summary'), 'No hits for “harbour qouta”');
    const link = page.locator('#did-you-mean a');
    assert.equal(await link.textContent(), 'harbour quota');
    await link.click();
    await page.waitForURL(/q=harbour\+quota/);
    await page.locator('#hits > li').first().waitFor();
  });
});

describe('hostile data', () => {
  it('is shown as text, never run as markup', async () => {
    const context = await newContext({width: 1366, height: 768});
    const page = await openPage(context, '?q=xsscheck');
    const hit = page.locator('#hits > li').first();
    await hit.waitFor();
    assert.equal(
        await hit.locator('.hit-title').textContent(), '<img src=x onerror="window.pwned=1">');
    assert.equal(await hit.locator('.hit-title a').count(), 0, 'a javascript: URL is no link');
    assert.match(
        await hit.locator('.snippet').textContent(), /<img src=x onerror="window.pwned=1">/);
    assert.deepEqual(await hit.locator('.snippet mark').allTextContents(), ['xsscheck']);
    assert.equal(await hit.locator('.comment .author').first().textContent(), '<b>commenter</b>');
    await hit.getByRole('button', {name: /Show all 1 comment/}).click();
    await hit.locator('.comments.full').waitFor();
    assert.equal(
        await page.locator('#hits img, #hits script, #hits b, #hits i, #facets b').count(), 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
  });
});

describe('a shared URL', () => {
  it('opens the same search, filters and page', async () => {
    const context = await newContext({width: 1366, height: 768});
    // The multi-word tag as its facet value's filter carries it, quotes and all: the page sends
    // it to the server as it is (issue 6).
    const shared = '?q=kerry&filter=kind%3Acomment&filter=tag%3A%22John+Kerry%22';
    const expected = await api(
        'api/search?q=kerry&filter=kind:comment&filter=tag:%22John%20Kerry%22&limit=10');
    const page = await openPage(context, shared);
    await waitForHits(page, expected);
    assert.equal(await page.inputValue('#q'), 'kerry');
    assert.equal(
        await page.getAttribute('.facet-value[data-filter="kind:comment"]', 'aria-pressed'),
        'true');
    assert.equal(
        await page.getAttribute('.facet-value[data-filter=\'tag:"John Kerry"\']', 'aria-pressed'),
        'true',
    );
    assert.match(await page.textContent('#summary'), new RegExp(`^${expected.total.hits} hit`));
  });
});

describe('the search page on a phone', () => {
  it('fits the screen, with the filters folded away', async () => {
    const context = await newContext(
        {width: 390, height: 844},
        {deviceScaleFactor: 1, isMobile: true, hasTouch: true},
    );
    const page = await openPage(context, '?q=aleppo+ceasefire');
    await page.locator('#hits > li').first().waitFor();
    assert.equal(await page.locator('#refine').getAttribute('open'), null);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width}px wide on a 390px screen`);
    await screenshot(page, 'phone-search.png');
  });
});

describe('every page above', () => {
  it('ran without a script error', () => {
    assert.deepEqual(scriptErrors, []);
  });
});
