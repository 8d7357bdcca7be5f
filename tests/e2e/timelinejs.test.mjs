// The TimelineJS export of the built-in article (dist/articles/<id>.timeline.json), opened
// by the real TimelineJS 3 (the @knight-lab/timelinejs npm package) in headless Chromium.
// Everything is served from loopback: TimelineJS's script and CSS from a temporary
// directory with a tiny host page, the export from the release build (with CORS, as
// GitHub Pages answers). Requests to any other host are blocked and reported.
// Every wait is for a condition, never for time.

import { cp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import {
    expect,
    requireDist,
    startHostServer,
    startStaticServer,
    test,
} from './support.mjs';

const require = createRequire(import.meta.url);
const ARTICLE_ID = 'nsa-moscow-2021-12-01';
const TIMELINEJS_DIST = resolve(dirname(require.resolve('@knight-lab/timelinejs/package.json')), 'dist');

let dist;
let host;
let browser;
let article;
let exported;

// The host page names the export's URL; TimelineJS fetches and reads it itself.
// `script_path` points at the local copy (the default is Knight Lab's CDN), `font: null`
// skips the web-font stylesheet, and the built-in English needs no language file.
const hostPage = (exportUrl) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TimelineJS export</title>
<link rel="stylesheet" href="timelinejs/css/timeline.css">
<script src="timelinejs/js/timeline.js"></script>
</head>
<body>
<div id="timeline" style="width: 1200px; height: 650px"></div>
<script>
window.timeline = new TL.Timeline('timeline', ${JSON.stringify(exportUrl)}, {
    script_path: new URL('timelinejs/js/', location.href).href,
    font: null,
    theme: null,
    language: 'en',
    hash_bookmark: false,
    ga_measurement_id: null,
});
window.timeline.on('loaded', () => { window.timelineLoaded = true; });
</script>
</body>
</html>
`;

test.beforeAll(async ({ browser: workerBrowser }) => {
    const distDir = requireDist();
    const exportFile = resolve(distDir, 'articles', `${ARTICLE_ID}.timeline.json`);
    exported = JSON.parse(await readFile(exportFile, 'utf8'));
    article = JSON.parse(await readFile(resolve(distDir, 'articles', `${ARTICLE_ID}.json`), 'utf8'));
    dist = await startStaticServer(distDir, { cors: true });
    host = await startHostServer('127.0.0.1', {
        'index.html': hostPage(new URL(`articles/${ARTICLE_ID}.timeline.json`, dist.url).href),
    });
    await cp(resolve(TIMELINEJS_DIST, 'js', 'timeline.js'), resolve(host.dir, 'timelinejs', 'js', 'timeline.js'));
    await cp(resolve(TIMELINEJS_DIST, 'css', 'timeline.css'), resolve(host.dir, 'timelinejs', 'css', 'timeline.css'));
    // The icon font timeline.css points at (css/icons/), so that no request fails.
    await cp(resolve(TIMELINEJS_DIST, 'css', 'icons'), resolve(host.dir, 'timelinejs', 'css', 'icons'), { recursive: true });
    // The worker's Chromium (playwright.config.mjs); Playwright closes it.
    browser = workerBrowser;
});

test.afterAll(async () => {
    await host?.close();
    await dist?.close();
});

test('the built-in article export matches the article it ships with', () => {
    expect(exported.events.length).toBe(article.events.length);
    expect(exported.events.map((slide) => slide.unique_id).sort()).toStrictEqual(article.events.map((event) => event.id).sort());
});

test('TimelineJS renders the export: one marker per event, the headlines and the lanes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
    const outside = [];
    await context.route('**/*', (route) => {
        const { hostname } = new URL(route.request().url());
        if (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]') return route.continue();
        outside.push(route.request().url());
        return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    const pageErrors = [];
    const consoleErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error?.stack ?? error)));
    page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
    });
    try {
        await page.goto(host.url);
        const events = article.events;
        await expect.poll(() => page.evaluate((count) => window.timelineLoaded === true && document.querySelectorAll('.tl-timemarker').length === count, events.length), { timeout: 15_000 }).toBeTruthy();

        await expect(page.locator('.tl-timemarker'), 'one marker per event').toHaveCount(events.length);
        const markerHeadlines = await page.locator('.tl-timemarker .tl-headline').allTextContents();
        expect(markerHeadlines.length).toBe(events.length);
        for (const event of events) {
            expect(markerHeadlines.filter((text) => text.trim() === event.label).length, `the marker headline "${event.label}" appears once among ${JSON.stringify(markerHeadlines)}`).toBe(1);
        }

        const groups = (await page.locator('.tl-timegroup-message').allTextContents()).map((t) => t.trim());
        expect([...groups].sort(), 'one group per lane, named by its label').toStrictEqual([...new Set(events.map((event) => article.lanes.find((lane) => lane.id === event.lane).label))].sort());

        // The title slide shows the headline and the site; the meeting's slide its
        // provenance, with outside sources as links that open in a new tab.
        const title = page.locator('.tl-slide-titleslide');
        await expect(title.locator('.tl-headline-title')).toHaveText(article.title);
        await expect(title).toHaveText(/Global Village Space/);
        const meeting = page.locator('.tl-slide#moscow-meeting');
        await expect(meeting).toHaveText(/Stated in the article: “on December 1 in Moscow”/);
        const dawn = meeting.locator('a[href^="https://www.dawn.com/"]');
        await expect(dawn).toHaveCount(1);
        await expect(dawn).toHaveAttribute('target', '_blank');
        await expect(dawn).toHaveAttribute('rel', 'noopener noreferrer');

        expect(pageErrors, 'no page errors').toStrictEqual([]);
        expect(consoleErrors, 'no console errors').toStrictEqual([]);
        expect(outside, 'no request left loopback').toStrictEqual([]);
        expect(host.failedRequests(), 'every TimelineJS file was found').toStrictEqual([]);
        expect(dist.failedRequests(), 'the export was found').toStrictEqual([]);
        expect(dist.requests.some((r) => r.path === `/articles/${ARTICLE_ID}.timeline.json` && r.status === 200), 'TimelineJS read the export from the release build').toBeTruthy();
    } finally {
        await context.close();
    }
});
