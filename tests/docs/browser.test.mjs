// The generated documentation in headless Chromium (Debian's /usr/bin/chromium
// driven by playwright-core): opened from disk (file://), following links
// from the index to a concept, through a diagram node and the language
// switch; and served by kg serve under /docs/.
//   node --test tests/docs/browser.test.mjs   (env KG_BIN, KG_DOCS_SITE = a
//   site generated with `kg docs --lang nl,en`; ctest `docs_browser` sets both)
// Every request must stay in the site (file://) or on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startKg } from '../browser/kg_serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const kgBin = process.env.KG_BIN || path.join(here, '../../build/service/kg');
const site = path.resolve(process.env.KG_DOCS_SITE || path.join(os.tmpdir(), 'kg-docs-site'));
let browser, userDataDir;
const outside = [];

before(async () => {
  // A fresh user-data-dir: playwright makes its own temporary one under TMPDIR.
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-docs-chromium-'));
  process.env.TMPDIR = userDataDir;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
  assert.deepEqual(outside, [], 'requests left the site');
});

async function newPage() {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'file:' || url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  // kg serve builds /docs/ on the first request: slow in sanitizer builds
  // (tests/sanitizers/ci_stages.sh raises KG_E2E_START_SECONDS)
  page.setDefaultNavigationTimeout(Math.max(30, Number(process.env.KG_E2E_START_SECONDS || 0)) * 1000);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return page;
}

test('the index opens from disk and a concept is one click away', async () => {
  const page = await newPage();
  await page.goto(pathToFileURL(path.join(site, 'nl/index.html')).href);
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  assert.match(await page.title(), /Utrecht Leert/);
  // The stylesheet came from the site itself.
  const bg = await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(bg, 'rgb(31, 78, 121)');
  // Table of contents -> a concept page.
  const link = page.locator('.toc a[href$="begrip/grens.html"]').first();
  await Promise.all([page.waitForURL(/\/nl\/begrip\/grens\.html$/), link.click()]);
  assert.equal((await page.locator('h1').textContent()).trim(), 'grens');
  assert.ok(await page.locator('blockquote.passage').count() >= 1, 'the quoted brochure passage');
  assert.ok(await page.locator('text=boundary').count() >= 1, 'the English label beside the Dutch');
  const jsonld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.ok(jsonld['@graph'].some((n) => n['@id'] === 'begrip:grens'));
  assert.deepEqual(page.errors, []);
});

test('a diagram node and the language switch lead to other pages', async () => {
  const page = await newPage();
  await page.goto(pathToFileURL(path.join(site, 'nl/begrip/grens.html')).href);
  const svg = page.locator('figure.diagram svg');
  await svg.waitFor();
  const node = svg.locator('a[*|href$="discontinuiteit.html"]').first();
  await Promise.all([page.waitForURL(/\/nl\/begrip\/discontinuiteit\.html$/), node.click()]);
  assert.match(await page.locator('h1').textContent(), /discontinu/);
  await Promise.all([page.waitForURL(/\/en\/begrip\/discontinuiteit\.html$/), page.locator('.lang-switch a').click()]);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('h1').textContent(), /discontinuity/i);
});

test('kg serve serves the documentation under /docs/', async () => {
  const kg = await startKg(kgBin, ['--quiet']);
  try {
    const page = await newPage();
    const response = await page.goto(kg.base + '/docs/');
    assert.equal(response.status(), 200);
    await Promise.all([page.waitForURL(/\/docs\/nl\/index\.html$/), page.locator('a[href="nl/index.html"]').click()]);
    const link = page.locator('a[href$="bronnen.html"]').first();
    await Promise.all([page.waitForURL(/\/docs\/nl\/bronnen\.html$/), link.click()]);
    assert.ok(await page.locator('ul.bibliography li').count() >= 10);
    assert.deepEqual(page.errors, []);
  } finally {
    await kg.stop();
  }
});
