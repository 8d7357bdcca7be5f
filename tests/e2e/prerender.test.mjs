// The pre-rendered page: the article, the entity list and the timeline list are in the
// HTML itself (no JavaScript needed), the head carries metadata for search and sharing,
// and hydration takes over the same layout without moving anything.

import {
    expect,
    openViewer,
    requireDist,
    startStaticServer,
    test,
} from './support.mjs';

const TITLE = 'Strong future: NSA meets Russian counterpart in Moscow';
let server;
let browser;

test.beforeAll(async ({ browser: workerBrowser }) => {
    server = await startStaticServer(requireDist());
    // The worker's Chromium (playwright.config.mjs); Playwright closes it.
    browser = workerBrowser;
});

test.afterAll(async () => {
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

test.describe('Pre-rendered first view', () => {
    test('with JavaScript disabled the page shows the article, the entity list and the timeline list', async () => {
        const context = await browser.newContext({ javaScriptEnabled: false });
        try {
            const page = await context.newPage();
            await page.goto(server.url);
            expect(await page.locator('main#article h1').textContent()).toBe(TITLE);
            await expect(page.locator('section.article-section')).toHaveCount(4);
            for (const body of await page.locator('.section-body').all()) {
                await expect(body, 'every section is open').toBeVisible();
            }
            await expect(page.getByText('led a six-member delegation')).toBeVisible();
            await expect(page.locator('aside.sidebar .entity-button')).toHaveCount(30);
            await expect(page.locator('aside.sidebar').getByText('Nikolay Patrushev').first()).toBeVisible();
            await expect(page.locator('ol.timeline-list > li')).toHaveCount(12);
            await expect(page.locator('ol.timeline-list time[datetime="2021-12-01"]')).toHaveCount(3);
            expect(await page.locator('noscript').count(), 'says what needs JavaScript').toBeTruthy();
        } finally {
            await context.close();
        }
    });

    test('the head names the article for search engines and link previews, and the JSON-LD parses', async () => {
        const { page, close } = await openViewer(browser, server.url);
        try {
            expect(await page.title()).toBe(`${TITLE} · Briefing`);
            const meta = (selector) => page.locator(selector).getAttribute('content');
            expect(await meta('meta[name="description"]')).toMatch(/^The National Security Advisor expressed/);
            expect(await meta('meta[property="og:title"]')).toBe(TITLE);
            expect(await meta('meta[property="og:type"]')).toBe('article');
            expect(await meta('meta[name="twitter:card"]')).toBe('summary');
            expect(await meta('meta[property="article:published_time"]')).toBe('2021-12-01');
            expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBeTruthy();
            const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
            expect(data['@type']).toBe('NewsArticle');
            expect(data.headline).toBe(TITLE);
            expect(data.publisher.name).toBe('Global Village Space');
            expect(data.datePublished).toBe('2021-12-01');
            expect(!JSON.stringify(data).includes('2024-02-15'), 'the copy date is not presented as a date of the article').toBeTruthy();
            const names = [...data.about, ...data.mentions].map((entity) => entity.name);
            for (const name of ['Moeed Yusuf', 'Nikolay Patrushev', 'TASS', 'Afghanistan']) expect(names.includes(name), name).toBeTruthy();
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
            live: false,
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
            await expect(page.locator('#toggle-the-backdrop')).toHaveAttribute('aria-expanded', 'false');
            await page.locator('#toggle-the-backdrop').click();
            await expect(page.locator('#toggle-the-backdrop')).toHaveAttribute('aria-expanded', 'true');
            // The sidebar is sticky, so compare both pages scrolled to the top.
            await page.evaluate(() => new Promise((done) => { scrollTo({ top: 0, behavior: 'instant' }); requestAnimationFrame(() => done()); }));
            expect(await layout(page), 'nothing moved between the pre-rendered and the hydrated page').toStrictEqual(before);
            expect(consoleErrors).toStrictEqual([]);
            expect(pageErrors).toStrictEqual([]);
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
            // Chosen perhaps before the viewer was live: it makes both choices once it is.
            await expect(page.locator('#toggle-bilateral-cooperation')).toHaveAttribute('aria-expanded', 'false');
            await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
            await page.reload();
            await expect(page.locator('#toggle-bilateral-cooperation')).toHaveAttribute('aria-expanded', 'false');
            await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
            await expect(page.locator('#theme')).toHaveValue('sepia');
        } finally {
            await close();
        }
    });
});
