// The pre-rendered page: the article, the entity list and the timeline list are in the
// HTML itself (no JavaScript needed), the head carries metadata for search and sharing,
// and hydration takes over the same layout without moving anything.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openViewer, requireDist, startStaticServer, waitUntil } from './support.mjs';

const TITLE = 'Strong future: NSA meets Russian counterpart in Moscow';
let server;
let browser;

before(async () => {
    server = await startStaticServer(requireDist());
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
    await server?.close();
});

/** Page positions (not viewport ones) of the headings and buttons a reader's eye rests on. */
const layout = (page) =>
    page.evaluate(() =>
        [...document.querySelectorAll('h1, h2, .entity-button, .event-button')].slice(0, 40).map((element) => {
            const box = element.getBoundingClientRect();
            return `${element.tagName}.${element.className.split(' ')[0]} ${Math.round(box.x + scrollX)},${Math.round(box.y + scrollY)} ${Math.round(box.width)}x${Math.round(box.height)}`;
        }),
    );

describe('Pre-rendered first view', () => {
    test('with JavaScript disabled the page shows the article, the entity list and the timeline list', async () => {
        const context = await browser.newContext({ javaScriptEnabled: false });
        try {
            const page = await context.newPage();
            await page.goto(server.url);
            assert.equal(await page.locator('main#article h1').textContent(), TITLE);
            assert.equal(await page.locator('section.article-section').count(), 4);
            for (const body of await page.locator('.section-body').all()) {
                assert.ok(await body.isVisible(), 'every section is open');
            }
            assert.ok(await page.getByText('led a six-member delegation').isVisible());
            assert.equal(await page.locator('aside.sidebar .entity-button').count(), 30);
            assert.ok(await page.locator('aside.sidebar').getByText('Nikolay Patrushev').first().isVisible());
            assert.equal(await page.locator('ol.timeline-list > li').count(), 12);
            assert.equal(await page.locator('ol.timeline-list time[datetime="2021-12-01"]').count(), 3);
            assert.ok(await page.locator('noscript').count(), 'says what needs JavaScript');
        } finally {
            await context.close();
        }
    });

    test('the head names the article for search engines and link previews, and the JSON-LD parses', async () => {
        const { page, close } = await openViewer(browser, server.url);
        try {
            assert.equal(await page.title(), `${TITLE} · Briefing`);
            const meta = (selector) => page.locator(selector).getAttribute('content');
            assert.match(await meta('meta[name="description"]'), /^The National Security Advisor expressed/);
            assert.equal(await meta('meta[property="og:title"]'), TITLE);
            assert.equal(await meta('meta[property="og:type"]'), 'article');
            assert.equal(await meta('meta[name="twitter:card"]'), 'summary');
            assert.equal(await meta('meta[property="article:published_time"]'), '2021-12-01');
            assert.ok(await page.locator('link[rel="canonical"]').getAttribute('href'));
            const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
            assert.equal(data['@type'], 'NewsArticle');
            assert.equal(data.headline, TITLE);
            assert.equal(data.publisher.name, 'Global Village Space');
            assert.equal(data.datePublished, '2021-12-01');
            assert.ok(!JSON.stringify(data).includes('2024-02-15'), 'the copy date is not presented as a date of the article');
            const names = [...data.about, ...data.mentions].map((entity) => entity.name);
            for (const name of ['Moeed Yusuf', 'Nikolay Patrushev', 'TASS', 'Afghanistan']) assert.ok(names.includes(name), name);
        } finally {
            await close();
        }
    });

    test('hydration keeps the pre-rendered layout and then responds', async () => {
        // The first view as a reader gets it: the pre-rendered page before the viewer's
        // wasm has arrived (held here until the layout is read).
        let release;
        const held = new Promise((done) => {
            release = done;
        });
        const { page, close, consoleErrors, pageErrors } = await openViewer(browser, server.url, {
            prepare: (context) => context.route(/briefing-[0-9a-f]+_bg\.wasm$/, async (route) => {
                await held;
                await route.continue();
            }),
        });
        try {
            await page.waitForLoadState('load');
            const before = await layout(page);
            release();
            // Hydrated once a click changes state.
            await page.locator('#toggle-the-backdrop').click();
            await waitUntil(page, () => document.querySelector('#toggle-the-backdrop').getAttribute('aria-expanded') === 'false');
            await page.locator('#toggle-the-backdrop').click();
            await waitUntil(page, () => document.querySelector('#toggle-the-backdrop').getAttribute('aria-expanded') === 'true');
            // The sidebar is sticky, so compare both pages scrolled to the top.
            await page.evaluate(() => new Promise((done) => { scrollTo({ top: 0, behavior: 'instant' }); requestAnimationFrame(() => done()); }));
            assert.deepEqual(await layout(page), before, 'nothing moved between the pre-rendered and the hydrated page');
            assert.deepEqual(consoleErrors, []);
            assert.deepEqual(pageErrors, []);
        } finally {
            await close();
        }
    });

    test('a returning reader gets their sections and theme back after hydration', async () => {
        const { page, close } = await openViewer(browser, server.url);
        try {
            await page.locator('#toggle-bilateral-cooperation').click();
            await page.locator('.reading-controls summary').click();
            await page.locator('#theme').selectOption('sepia');
            await page.reload();
            await waitUntil(page, () => document.querySelector('#toggle-bilateral-cooperation')?.getAttribute('aria-expanded') === 'false');
            await waitUntil(page, () => document.documentElement.dataset.theme === 'sepia');
            assert.equal(await page.locator('#theme').inputValue(), 'sepia');
        } finally {
            await close();
        }
    });
});
