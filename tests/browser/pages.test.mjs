// Browser tests of kg's browsing pages: Debian's Chromium, driven by
// playwright-core, against real `kg serve` processes on loopback ports.
//   node --test tests/browser/   (env KG_BIN = the kg binary, KG_ARTIFACTS =
//   folder for screenshots; ctest `browser_pages` sets both)
// Every request a page makes must stay on 127.0.0.1: anything else fails
// the test that caused it (and is aborted, so nothing leaves the machine).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startKg } from './kg_serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const kgBin = process.env.KG_BIN || path.join(here, '../../build/service/kg');
const artifacts = process.env.KG_ARTIFACTS || path.join(os.tmpdir(), 'kg-browser-artifacts');
fs.mkdirSync(artifacts, { recursive: true });

let kg, hostile, browser, userDataDir;
const external = [];

async function launch() {
  // playwright gives the browser a fresh, temporary user-data-dir of its own
  // (it refuses --user-data-dir with launch()); TMPDIR points it at ours.
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-chromium-'));
  process.env.TMPDIR = userDataDir;
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A context whose every request is checked: loopback only.
async function newContext(options = {}) {
  const context = await browser.newContext({ locale: 'nl-NL', ...options });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    external.push(route.request().url());
    return route.abort();
  });
  return context;
}

async function newPage(options) {
  const context = await newContext(options);
  const page = await context.newPage();
  // Script errors and console errors (a blocked resource, a CSP violation,
  // a 404 of an asset) are collected; tests assert there are none.
  page.on('pageerror', (e) => { page.__errors = (page.__errors || []).concat(String(e)); });
  page.on('console', (m) => {
    if (m.type() === 'error' && !page.__expectErrors)
      page.__errors = (page.__errors || []).concat('console: ' + m.text() + ' at ' + page.url());
  });
  return page;
}

async function closeClean(page) {
  const errors = page.__errors || [];
  await page.context().close();
  assert.deepEqual(errors, [], 'errors in the page');
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(artifacts, name + '.png'), fullPage: true });
}

before(async () => {
  kg = await startKg(kgBin, ['--quiet'], path.join(artifacts, 'kg-serve.log'));
  hostile = await startKg(kgBin, ['--quiet', '--data', path.join(here, 'fixtures/hostile.ttl')]);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (kg) await kg.stop();
  if (hostile) await hostile.stop();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  assert.deepEqual(external, [], 'requests left 127.0.0.1');
});

describe('browsing pages', { timeout: 120000 }, () => {
  test('home page: programme, schemes with top concepts, search box, overview diagram', async () => {
    const page = await newPage();
    await page.goto(kg.base + '/');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.match(await page.textContent('h1'), /Begrippen/);
    assert.ok(await page.isVisible('#search-input'));
    const schemes = await page.locator('.schemes > li').count();
    assert.ok(schemes >= 5, 'schemes listed: ' + schemes);
    assert.ok(await page.locator('.schemes .inline a').count() >= 5, 'top concepts linked');
    assert.match(await page.textContent('.programme'), /Vernieuwend Opleiden/);
    const svgLinks = await page.locator('#overview-diagram svg a').count();
    assert.ok(svgLinks >= 10, 'overview diagram nodes are links: ' + svgLinks);
    assert.match(await page.textContent('#overview-diagram svg'), /pedagogische basis/i);
    await shot(page, 'home');
    await closeClean(page);
  });

  test('search as you type, keyboard only: "coordinatie", ArrowDown, Enter', async () => {
    const page = await newPage();
    await page.goto(kg.base + '/');
    await page.focus('#search-input');
    await page.keyboard.type('coordinatie', { delay: 20 });
    // A slow machine can answer a prefix typed on the way ("co") first:
    // wait for the list that answers the whole word.
    const first = page.locator('#search-suggestions[data-query="coordinatie"] [role=option]').first();
    await first.waitFor({ state: 'visible', timeout: 15000 });
    assert.match(await first.textContent(), /coördinatie/);
    assert.equal(await page.getAttribute('#search-input', 'aria-expanded'), 'true');
    await shot(page, 'search-suggestions');
    await page.keyboard.press('ArrowDown');
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    assert.equal(await page.getAttribute('#search-input', 'aria-activedescendant'), await first.getAttribute('id'));
    await Promise.all([page.waitForURL(/\/begrip\/coordinatie$/), page.keyboard.press('Enter')]);
    assert.match(await page.textContent('h1'), /coördinatie/i);
    await closeClean(page);
  });

  test('search finds English labels and one letter shows nothing', async () => {
    const page = await newPage();
    await page.goto(kg.base + '/');
    await page.fill('#search-input', 'b');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#search-suggestions [role=option]').count(), 0);
    await page.fill('#search-input', 'boundary cross');
    await page.locator('#search-suggestions [role=option]').first().waitFor({ timeout: 15000 });
    assert.match(await page.locator('#search-suggestions [role=option]').first().textContent(), /boundary crossing/i);
    await closeClean(page);
  });

  test('concept page: labels, definition, passage, relations, works, IRI, data links, diagram', async () => {
    const page = await newPage();
    await page.goto(kg.base + '/begrip/grens');
    assert.match(await page.textContent('h1'), /^grens/i);
    const labels = await page.textContent('.labels');
    assert.match(labels, /Nederlands/);
    assert.match(labels, /boundary/i);
    assert.ok((await page.textContent('.definition')).length > 20, 'definition shown');
    const quote = page.locator('blockquote.passage').first();
    assert.ok((await quote.locator('p').first().textContent()).length > 20, 'passage quoted');
    assert.match(await quote.locator('footer').textContent(), /sectie .+alinea \d+/);
    assert.match(await page.textContent('.translation'), /boundar/i);
    assert.ok(await page.locator('.works-cited li').count() >= 1, 'works cited');
    assert.match(await page.textContent('.works-cited'), /Beausaert, S\., Bakker, A\.,.*\(2016\)\. Tussen opleiding/);
    assert.match(await page.textContent('.shared-works'), /\S/);
    assert.equal(await page.textContent('#concept-iri'), 'https://w3id.org/utrecht-leert/begrip/grens');
    assert.ok(await page.isVisible('button[data-copy]'), 'copy button shown with JavaScript');
    for (const t of ['text/turtle', 'application/ld+json', 'application/rdf+xml'])
      assert.equal(await page.locator(`link[rel=alternate][type="${t}"]`).count(), 1, t);
    const jsonld = JSON.parse(await page.textContent('script[type="application/ld+json"]'));
    assert.match(JSON.stringify(jsonld), /begrip:grens|begrip\/grens/);
    const nodes = page.locator('#concept-diagram svg a');
    assert.ok(await nodes.count() >= 3, 'diagram has clickable nodes');
    await shot(page, 'concept-grens');
    // Follow a node of the diagram.
    const target = await nodes.nth(1).getAttribute('xlink:href');
    assert.match(target, /^\/begrip\//);
    await Promise.all([page.waitForURL(new RegExp(target.replace(/[.?]/g, '\\$&') + '$')), nodes.nth(1).click()]);
    assert.ok((await page.textContent('h1')).length > 0);
    await closeClean(page);
  });

  test('concept relations are labelled and can be followed', async () => {
    const page = await newPage();
    await page.goto(kg.base + '/begrip/transformatie');
    const rel = page.locator('table.relations');
    assert.ok(await rel.locator('tr').count() >= 1);
    assert.doesNotMatch(await rel.textContent(), /https?:\/\//, 'relations by label, not IRI');
    assert.match(await page.textContent('.examples'), /\S/);
    const link = page.locator('.relations-block ul.refs a').first();
    const href = await link.getAttribute('href');
    await Promise.all([page.waitForURL('**' + href), link.click()]);
    await closeClean(page);
  });

  test('copy button puts the IRI on the clipboard', async () => {
    const context = await newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(kg.base + '/begrip/grens');
    await page.click('button[data-copy]');
    // The clipboard write is asynchronous; the label says when it is done.
    await page.waitForFunction(() => document.querySelector('button[data-copy]').textContent === 'Gekopieerd',
      null, { timeout: 10000 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
      'https://w3id.org/utrecht-leert/begrip/grens');
    await context.close();
  });

  test('language switch: English page, remembered, Accept-Language honoured', async () => {
    const page = await newPage();
    await page.goto(kg.base + '/begrip/grens');
    await Promise.all([page.waitForURL(/lang=en/), page.click('#lang-switch')]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('nav[aria-label="Main menu"]'), /Sources/);
    assert.match(await page.textContent('h1'), /boundary/i);
    assert.match(await page.textContent('.translation h3'), /Dutch/);
    await shot(page, 'concept-grens-en');
    await page.goto(kg.base + '/sources');  // no parameter: the cookie remembers
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await closeClean(page);
    const en = await newPage({ locale: 'en-GB' });
    await en.goto(kg.base + '/');
    assert.equal(await en.getAttribute('html', 'lang'), 'en');
    await en.context().close();
  });

  test('a label missing in the chosen language falls back and is marked', async () => {
    const page = await newPage();
    await page.goto(hostile.base + '/begrip/alleen-engels');
    const marked = page.locator('h1 .fallback');
    assert.equal(await marked.count(), 1);
    assert.equal(await marked.getAttribute('lang'), 'en');
    assert.match(await marked.getAttribute('title'), /Niet beschikbaar in het Nederlands/);
    assert.match(await marked.textContent(), /English only concept/);
    await closeClean(page);
  });

  test('labels are data: <script> in a label is shown, never run', async () => {
    const page = await newPage();
    await page.goto(hostile.base + '/begrip/xss-test');
    assert.match(await page.textContent('h1'), /<script>window.__kgPwned = 1<\/script>grensgeval/);
    assert.match(await page.textContent('.definition'), /<\/script><script>/);
    await page.goto(hostile.base + '/begrip/xss-test?lang=en');
    await page.goto(hostile.base + '/hierarchy?lang=nl');
    await page.goto(hostile.base + '/index');
    await page.goto(hostile.base + '/');
    await page.fill('#search-input', 'grensgeval');
    await page.locator('#search-suggestions [role=option]').first().waitFor({ timeout: 15000 });
    await page.fill('#search-input', 'svg onload');
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => window.__kgPwned), undefined);
    await closeClean(page);
  });

  test('hierarchy: expandable tree (details) and expand all', async () => {
    const page = await newPage();
    await page.goto(kg.base + '/hierarchy');
    const first = page.locator('.tree > li.branch > details').first();
    assert.equal(await first.getAttribute('open'), null);
    const child = first.locator(':scope > ul > li a').first();
    assert.equal(await child.isVisible(), false);
    await first.locator(':scope > summary').focus();
    await page.keyboard.press('Enter');  // keyboard opens it
    assert.notEqual(await first.getAttribute('open'), null);
    assert.equal(await child.isVisible(), true);
    await page.click('[data-tree-action=expand]');
    assert.equal(await page.locator('.tree details:not([open])').count(), 0);
    await page.click('[data-tree-action=collapse]');
    assert.equal(await page.locator('.tree details[open]').count(), 0);
    // From a concept page: "show in the hierarchy" opens the path to it.
    await page.goto(kg.base + '/begrip/identificatie');
    await Promise.all([page.waitForURL(/\/hierarchy\?focus=/), page.click('.tree-link a')]);
    assert.ok(await page.isVisible('#focus .focus a'), 'the concept is shown in its open branch');
    assert.match(await page.textContent('#focus'), /identificatie/);
    await page.click('[data-tree-action=expand]');
    assert.equal(await page.locator('.tree details:not([open])').count(), 0);
    await shot(page, 'hierarchy');
    await closeClean(page);
  });

  test('alphabetical index per language', async () => {
    const page = await newPage();
    await page.goto(kg.base + '/index');
    assert.ok(await page.locator('.letters a').count() >= 10);
    const link = page.locator('.index-list a', { hasText: 'coördinatie' }).first();
    assert.equal(await link.getAttribute('href'), '/begrip/coordinatie');
    await page.goto(kg.base + '/index?lang=en');
    assert.match(await page.textContent('main'), /boundary crossing/i);
    await shot(page, 'index-en');
    await closeClean(page);
  });

  test('sources page and work page: works with their citing concepts', async () => {
    const page = await newPage();
    await page.goto(kg.base + '/sources');
    assert.ok(await page.locator('.bibliography > li').count() >= 10);
    assert.ok(await page.locator('.bibliography .cited-by').count() >= 5);
    await shot(page, 'sources');
    const work = page.locator('.bibliography a.title[href="/werk/akkerman-bakker-2011"]');
    await Promise.all([page.waitForURL('**/werk/akkerman-bakker-2011'), work.click()]);
    assert.match(await page.textContent('.full-reference'), /Akkerman/);
    assert.match(await page.textContent('.full-reference'), /2011/);
    const citing = page.locator('.citing-concepts a');
    assert.ok(await citing.count() >= 3, 'concepts citing the work');
    assert.match(await page.textContent('.citing-concepts'), /boundary crossing/);
    await shot(page, 'work');
    const href = await citing.first().getAttribute('href');
    await Promise.all([page.waitForURL('**' + href), citing.first().click()]);
    await closeClean(page);
  });

  test('SPARQL page: YASGUI served by kg runs an example query', async () => {
    const page = await newPage();
    await page.goto(kg.base + '/query');
    await page.locator('.yasqe .CodeMirror').waitFor({ timeout: 15000 });
    assert.equal(await page.isVisible('#sparql-form'), false, 'plain form replaced by the editor');
    const example = page.locator('a[data-example]').first();
    await example.click();
    const text = await page.evaluate(() => window.kgYasgui.getTab().getQuery());
    assert.match(text, /SELECT/i);
    await page.click('.yasqe_queryButton');
    await page.locator('.yasr table tbody tr').first().waitFor({ timeout: 15000 });
    assert.ok(await page.locator('.yasr table tbody tr').count() >= 1);
    await shot(page, 'sparql');
    await closeClean(page);
  });

  test('without JavaScript: pages read, the tree opens, the search form works', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(kg.base + '/begrip/coordinatie');
    assert.match(await page.textContent('h1'), /coördinatie/);
    assert.equal(await page.isVisible('button[data-copy]'), false, 'copy needs JavaScript: hidden');
    await page.goto(kg.base + '/');
    await page.fill('#search-input', 'reflectie');
    await Promise.all([page.waitForURL(/\/search\?q=reflectie/), page.press('#search-input', 'Enter')]);
    assert.match(await page.textContent('.results'), /reflectie/);
    await page.goto(kg.base + '/hierarchy');
    const first = page.locator('.tree > li.branch > details').first();
    await first.locator(':scope > summary').click();
    assert.notEqual(await first.getAttribute('open'), null);
    await closeClean(page);
  });

  test('phone width: no horizontal scrolling, search still works', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    for (const p of ['/', '/begrip/grens', '/hierarchy', '/sources', '/werk/akkerman-bakker-2011', '/index']) {
      await page.goto(kg.base + p);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, p + ' overflows by ' + overflow + 'px');
    }
    await page.goto(kg.base + '/begrip/grens');
    await shot(page, 'concept-grens-phone');
    await page.fill('#search-input', 'transfor');
    await page.locator('#search-suggestions [role=option]').first().waitFor({ timeout: 15000 });
    await closeClean(page);
  });

  test('accessibility: axe-core finds no WCAG 2.1 A/AA violation (contrast included)', async () => {
    const axe = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
    // bypassCSP only so that the axe script can be injected.
    const page = await newPage({ bypassCSP: true });
    const problems = [];
    for (const p of ['/', '/begrip/grens', '/begrip/grens?lang=en', '/hierarchy', '/index', '/sources',
      '/werk/akkerman-bakker-2011', '/search?q=grens', '/schema/boundary-crossing']) {
      await page.goto(kg.base + p);
      await page.addScriptTag({ content: axe });
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }));
      for (const v of result.violations)
        problems.push(`${p}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    }
    assert.deepEqual(problems, []);
    await closeClean(page);
  });

  test('focus is visible and the skip link works', async () => {
    const page = await newPage();
    await page.goto(kg.base + '/begrip/grens');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none');
    await page.keyboard.press('Tab');
    const style = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return s.outlineStyle + ' ' + s.outlineWidth;
    });
    assert.match(style, /solid 3px/);
    await closeClean(page);
  });

  test('linked data: the concept IRI answers HTML to browsers and RDF by Accept', async () => {
    const context = await newContext();
    const api = context.request;
    const html = await api.get(kg.base + '/begrip/grens', { headers: { Accept: 'text/html' } });
    assert.equal(html.status(), 200);
    assert.match(html.headers()['content-type'], /text\/html/);
    assert.match(html.headers()['vary'], /Accept/);
    for (const [accept, type] of [['text/turtle', 'text/turtle'], ['application/ld+json', 'application/ld+json'],
      ['application/rdf+xml', 'application/rdf+xml'], ['application/n-triples', 'application/n-triples']]) {
      const r = await api.get(kg.base + '/begrip/grens', { headers: { Accept: accept } });
      assert.equal(r.status(), 200, accept);
      assert.match(r.headers()['content-type'], new RegExp(type.replace('+', '\\+')));
      assert.match(r.headers()['vary'], /Accept/);
      assert.match(await r.text(), /utrecht-leert\/begrip\/grens|begrip:grens/);
    }
    const missing = await api.get(kg.base + '/begrip/bestaat-niet', { headers: { Accept: 'text/turtle' } });
    assert.equal(missing.status(), 404);
    const page404 = await api.get(kg.base + '/begrip/bestaat-niet');
    assert.equal(page404.status(), 404);
    assert.match(await page404.text(), /Niet gevonden/);
    await context.close();
  });
});
