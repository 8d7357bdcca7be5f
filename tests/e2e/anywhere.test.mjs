// End-to-end tests that Briefing opens anywhere: under a sub-path as on GitHub Pages, as
// one file from disk with no network, as a <briefing-viewer> element in another origin's
// page, in a cross-origin iframe that sizes itself, and with another article (?article=).
// Every wait is for a condition, never for time.
//
// Needs two release builds: dist/ and a sub-path build in target/dist-subpath/
// (trunk build --release --offline --public-url /some-repo/ --dist target/dist-subpath).

import { copyFile, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    assertNoAxeViolations,
    expect,
    fail,
    makeTempDir,
    openSectionsKey,
    openViewer,
    requireDist,
    requireSubpathDist,
    startHostServer,
    startStaticServer,
    SUBPATH_BASE,
    test,
} from './support.mjs';

const ARTICLE_ID = 'nsa-moscow-2021-12-01';
const TITLE = 'Strong future: NSA meets Russian counterpart in Moscow';
const MEETING_SENTENCE = 'led a six-member delegation';
const RED = 'rgb(255, 0, 0)';
const SECTION_IDS = ['lead', 'bilateral-cooperation', 'concern-over-afghanistan', 'the-backdrop'];

let browser;
let dist;
/** Viewers opened by the running test; closed after it. */
let opened = [];
/** Servers started by the running test; closed after it. */
let started = [];

test.beforeAll(async ({ browser: workerBrowser }) => {
    dist = requireDist();
    // The worker's Chromium (playwright.config.mjs); Playwright closes it.
    browser = workerBrowser;
});

test.afterEach(async () => {
    await Promise.all(opened.map((viewer) => viewer.close()));
    await Promise.all(started.map((server) => server.close()));
    opened = [];
    started = [];
});

async function open(url, options) {
    const viewer = await openViewer(browser, url, options);
    opened.push(viewer);
    return viewer;
}

async function serve(promise) {
    const server = await promise;
    started.push(server);
    return server;
}

// ---- helpers that work on the page, inside a shadow root or inside a frame -------------
// `scope` is a Page, a Locator (a <briefing-viewer>; Playwright CSS pierces open shadow
// roots) or a FrameLocator.

const toggle = (scope, id) => scope.locator(`#section-${id} h2 > button.section-toggle`);
const sectionBody = (scope, id) => scope.locator(`#section-body-${id}`);
const entityButton = (scope, id) => scope.locator(`aside.sidebar button.entity-button[data-entity-id="${id}"]`);
const eventButton = (scope, id) => scope.locator(`ol.timeline-list button.event-button[data-event-id="${id}"]`);
const marks = (scope, id) => scope.locator(id ? `mark.mention.marked[data-entity-id="${id}"]` : 'mark.mention.marked');

async function chooseEntity(scope, id, count) {
    await entityButton(scope, id).click();
    await expect(entityButton(scope, id)).toHaveAttribute('aria-pressed', 'true');
    await expect(marks(scope, id)).toHaveCount(count);
    await expect(marks(scope), `only ${id} is marked`).toHaveCount(count);
}

async function toggleBackAndForth(scope, id) {
    const button = toggle(scope, id);
    const paragraph = sectionBody(scope, id).locator('p').first();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(paragraph).toBeVisible();
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(sectionBody(scope, id)).toHaveAttribute('hidden', 'until-found');
    await expect(paragraph).toBeHidden();
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(sectionBody(scope, id)).not.toHaveAttribute('hidden');
    await expect(paragraph).toBeVisible();
}

async function assertRendersWhole(scope, { sidebar = true, timeline = true } = {}) {
    await expect(scope.locator('main#article h1')).toHaveText(TITLE);
    await expect(scope.locator('section.article-section'), 'four sections').toHaveCount(SECTION_IDS.length);
    await expect(scope.locator('aside.sidebar'), `sidebar ${sidebar ? 'shown' : 'not shown'}`).toHaveCount(sidebar ? 1 : 0);
    if (sidebar) {
        await expect(scope.locator('aside.sidebar')).toBeVisible();
        expect(await scope.locator('aside.sidebar button.entity-button').count() >= 20, 'the sidebar lists the entities').toBeTruthy();
    }
    await expect(scope.locator('section.timeline'), `timeline ${timeline ? 'shown' : 'not shown'}`).toHaveCount(timeline ? 1 : 0);
    if (timeline) {
        await expect(scope.locator('section.timeline .timeline-drawing')).toBeVisible();
        await expect(scope.locator('ol.timeline-list button.event-button'), 'the timeline lists 12 events').toHaveCount(12);
    }
}

/** Records every response and failed request the page (and its frames) sees. */
function recordTraffic(page) {
    const responses = [];
    const failures = [];
    page.on('response', (response) => responses.push({ url: response.url(), status: response.status() }));
    page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
    return { responses, failures };
}

// ---- 1. a sub-path like GitHub Pages ------------------------------------------------------

test.describe('1. under a sub-path, like a GitHub Pages project site', () => {
    let site;

    test.beforeAll(async () => {
        site = await startStaticServer(requireSubpathDist(), { basePath: SUBPATH_BASE });
    });

    test.afterAll(async () => {
        await site?.close();
    });

    const at = (query = '') => `${site.url}${query}`;

    test('1a. /some-repo/ shows the article, sidebar and timeline; every request stays in /some-repo/ and succeeds', async () => {
        // The server serves nothing outside the sub-path: an asset asked for at the root fails.
        for (const path of ['/', '/index.html', '/briefing.html', `/articles/${ARTICLE_ID}.json`]) {
            expect((await fetch(`${site.origin}${path}`)).status, `${path} is outside ${SUBPATH_BASE}`).toBe(404);
        }
        expect((await fetch(at('briefing.html'))).status).toBe(200);

        const firstRequest = site.requests.length;
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        context.setDefaultTimeout(5_000);
        opened.push({ close: () => context.close() });
        const page = await context.newPage();
        const traffic = recordTraffic(page);
        const errors = [];
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(at());
        await expect(page.locator('main#article h1')).toBeVisible({ timeout: 15_000 });
        // A reader's pointer starts the viewer (its glue and wasm, from the sub-path too).
        await page.mouse.move(1, 1);
        await expect(page.locator('.briefing[data-live]')).toBeAttached({ timeout: 15_000 });
        await assertRendersWhole(page);
        await expect(page.locator('header.masthead')).toBeVisible();

        const outside = traffic.responses
            .filter((r) => !r.url.startsWith('data:'))
            .filter((r) => !r.url.startsWith(site.url))
            .map((r) => `${r.url} (${r.status})`);
        expect(outside, `requests outside ${site.url}`).toStrictEqual([]);
        expect(traffic.responses.filter((r) => r.status < 200 || r.status >= 300).map((r) => `${r.url} (${r.status})`), 'responses that were not 2xx').toStrictEqual([]);
        expect(traffic.failures, 'requests that failed').toStrictEqual([]);
        const served = site.requests.slice(firstRequest);
        expect(served.some((r) => r.path.endsWith('.wasm') && r.status === 200), 'the wasm was served from the sub-path').toBeTruthy();
        expect(served.filter((r) => r.status >= 300 || !r.path.startsWith(SUBPATH_BASE)), 'server-side: requests that failed or left the sub-path').toStrictEqual([]);

        // The footer's links resolve inside the sub-path too.
        const links = await page.locator('footer.site-footer a').evaluateAll((as) => as.map((a) => a.href));
        expect(links.length >= 2, `footer links: ${links}`).toBeTruthy();
        for (const link of links) {
            expect(link.startsWith(site.url), `${link} is under ${site.url}`).toBeTruthy();
            expect((await page.request.get(link)).status(), `${link} is served`).toBe(200);
        }
        expect(errors, 'console and page errors').toStrictEqual([]);
    });

    test('1b. deep links to a section, an entity and an event open it, and survive a reload', async () => {
        const firstRequest = site.requests.length;
        const { page, pageErrors } = await open(at());
        // Close the section first (remembered in storage), so that only the link can open it.
        await toggle(page, 'the-backdrop').click();
        await expect(toggle(page, 'the-backdrop')).toHaveAttribute('aria-expanded', 'false');
        await expect.poll(() => page.evaluate((key) => {
            const saved = JSON.parse(localStorage.getItem(key) ?? 'null');
            return Array.isArray(saved) && !saved.includes('the-backdrop');
        }, openSectionsKey('builtin', ARTICLE_ID))).toBeTruthy();

        const checks = {
            '?section=the-backdrop': async () => {
                await expect(toggle(page, 'the-backdrop')).toHaveAttribute('aria-expanded', 'true');
                await expect(sectionBody(page, 'the-backdrop')).not.toHaveAttribute('hidden');
                await expect(toggle(page, 'the-backdrop')).toBeFocused();
                await expect(toggle(page, 'the-backdrop')).toBeInViewport({ ratio: 1 });
            },
            '?entity=nikolay-patrushev': async () => {
                await expect(entityButton(page, 'nikolay-patrushev')).toHaveAttribute('aria-pressed', 'true');
                await expect(marks(page, 'nikolay-patrushev')).toHaveCount(7);
                await expect(page.locator('mark.mention.marked.current')).toBeInViewport({ ratio: 1 });
            },
            '?event=moscow-meeting': async () => {
                await expect(eventButton(page, 'moscow-meeting')).toHaveAttribute('aria-pressed', 'true');
                await expect(page.locator('mark#chosen-sentence')).toContainText(MEETING_SENTENCE);
                await expect(page.locator('mark#chosen-sentence')).toBeFocused();
            },
            '?section=the-backdrop&entity=tass&event=moscow-meeting': async () => {
                await expect(toggle(page, 'the-backdrop')).toHaveAttribute('aria-expanded', 'true');
                await expect(entityButton(page, 'tass')).toHaveAttribute('aria-pressed', 'true');
                expect(await marks(page, 'tass').count() > 0, 'TASS is marked').toBeTruthy();
                await expect(page.locator('mark#chosen-sentence')).toContainText(MEETING_SENTENCE);
            },
        };
        for (const [query, check] of Object.entries(checks)) {
            await page.goto(at(query));
            await expect(page.locator('main#article h1')).toBeVisible({ timeout: 15_000 });
            await check().catch((error) => fail(`${query} on load: ${error.message}`));
            expect(page.url(), 'the address keeps the link').toBe(at(query));
            await page.reload();
            await expect(page.locator('main#article h1')).toBeVisible({ timeout: 15_000 });
            await check().catch((error) => fail(`${query} after reload: ${error.message}`));
        }
        expect(pageErrors).toStrictEqual([]);
        expect(site.requests.slice(firstRequest).filter((r) => r.status >= 400), 'requests that failed').toStrictEqual([]);
    });

    test('1c. choosing an entity adds ?entity= to the address; Back clears the choice, Forward brings it back', async () => {
        const { page } = await open(at());
        await chooseEntity(page, 'nikolay-patrushev', 7);
        await page.waitForURL(at('?entity=nikolay-patrushev'));
        await page.goBack();
        await page.waitForURL(at());
        await expect(entityButton(page, 'nikolay-patrushev')).toHaveAttribute('aria-pressed', 'false');
        await expect(marks(page)).toHaveCount(0);
        await page.goForward();
        await page.waitForURL(at('?entity=nikolay-patrushev'));
        await expect(entityButton(page, 'nikolay-patrushev')).toHaveAttribute('aria-pressed', 'true');
        await expect(marks(page, 'nikolay-patrushev')).toHaveCount(7);
    });

    test('1d. a link to an unknown entity says so, and the page still works', async () => {
        const { page, pageErrors } = await open(at('?entity=nobody'));
        const notice = page.locator('.notice');
        await expect(notice).toContainText('entity "nobody"');
        await expect(notice).toBeVisible();
        await expect(marks(page), 'nothing is marked').toHaveCount(0);
        await toggleBackAndForth(page, 'lead');
        await chooseEntity(page, 'nikolay-patrushev', 7);
        expect(pageErrors).toStrictEqual([]);
    });

    test('1e. a broken link: the server answers 404, and 404.html takes the reader to the viewer with the link', async () => {
        expect((await fetch(at('no/such/page'))).status, 'no rewrites: a missing page is a 404').toBe(404);

        // GitHub Pages answers a missing page with the site's 404.html; emulated here by opening it directly.
        const { page } = await open(at('404.html?entity=tass'), { waitFor: null });
        await page.waitForURL(at('?entity=tass'), { timeout: 15_000 });
        await expect(page.locator('main#article h1')).toBeVisible({ timeout: 15_000 });
        await expect(entityButton(page, 'tass')).toHaveAttribute('aria-pressed', 'true');
        expect(await marks(page, 'tass').count() > 0, 'TASS is marked').toBeTruthy();

        // And as GitHub Pages does it: the 404.html body, with status 404, at the broken address.
        const pages = await serve(startStaticServer(requireSubpathDist(), { basePath: SUBPATH_BASE, notFoundFile: '404.html' }));
        const broken = await open(`${pages.url}no/such/page?entity=tass`, { waitFor: null });
        await broken.page.waitForURL(`${pages.url}?entity=tass`, { timeout: 15_000 });
        await expect(broken.page.locator('main#article h1')).toBeVisible({ timeout: 15_000 });
        await expect(entityButton(broken.page, 'tass')).toHaveAttribute('aria-pressed', 'true');
        expect(pages.failedRequests().map((r) => `${r.path} ${r.status}`), 'only the broken address failed').toStrictEqual([`${SUBPATH_BASE}no/such/page 404`]);
    });

    test('1f. axe-core finds no violations on the sub-path page', async () => {
        const { page } = await open(at('?entity=nikolay-patrushev'));
        await expect(marks(page, 'nikolay-patrushev')).toHaveCount(7);
        await assertNoAxeViolations(page, {}, `at ${SUBPATH_BASE}`);
    });
});

// ---- 2. one file from disk ------------------------------------------------------------------

test('2. briefing.html opens from disk, alone in its folder, with the network blocked', async () => {
    const source = resolve(dist, 'briefing.html');
    const { size } = await stat(source).catch(() => fail(`${source} is missing: the release build writes it`));
    test.info().annotations.push({ type: 'size', description: `briefing.html is ${size} bytes (${(size / 1024).toFixed(0)} KiB)` });
    const temp = await makeTempDir();
    started.push({ close: temp.remove });
    const file = join(temp.dir, 'briefing.html');
    await copyFile(source, file);
    expect(await readdir(temp.dir), 'nothing else beside it').toStrictEqual(['briefing.html']);

    const network = [];
    const block = (context) => context.route(/^https?:/, (route) => {
        network.push(route.request().url());
        return route.abort();
    });
    const url = pathToFileURL(file).href;
    const { page, pageErrors, consoleErrors } = await open(url, { prepare: block });
    expect(await page.title()).toMatch(/Strong future/);
    await assertRendersWhole(page);
    await toggleBackAndForth(page, 'bilateral-cooperation');
    await chooseEntity(page, 'nikolay-patrushev', 7);
    await eventButton(page, 'moscow-meeting').click();
    await expect(eventButton(page, 'moscow-meeting')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('mark#chosen-sentence')).toContainText(MEETING_SENTENCE);
    await expect(page.locator('mark#chosen-sentence')).toBeVisible();

    // A deep link works from disk too.
    await page.goto(`${url}?event=moscow-meeting`);
    await expect(page.locator('main#article h1')).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('mark#chosen-sentence')).toContainText(MEETING_SENTENCE);

    expect(pageErrors, 'page errors').toStrictEqual([]);
    expect(consoleErrors, 'console errors').toStrictEqual([]);
    expect(network, 'the one file asked the network for nothing').toStrictEqual([]);
});

// ---- 3. the custom element in another origin's page ---------------------------------------

test.describe('3. <briefing-viewer> in a page of another origin', () => {
    // One host page for the whole group: each test goes on from where the one before left it.
    test.describe.configure({ mode: 'serial' });
    let viewerSite;
    let host;
    let viewer;
    let page;
    let full;
    let small;
    let hostUrl;
    let historyLength;

    test.beforeAll(async () => {
        viewerSite = await startStaticServer(dist, { cors: true });
        host = await startHostServer('127.0.0.2', {
            'index.html': `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A host page</title>
<link rel="icon" href="data:,">
<style>* { font: 40px serif; color: red } html { font-size: 40px }</style>
</head>
<body>
<p id="host-text">This paragraph belongs to the host page, which embeds two viewers.</p>
<briefing-viewer></briefing-viewer>
<briefing-viewer panels="timeline" compact></briefing-viewer>
<script type="module" src="${viewerSite.url}briefing-element.js"></script>
</body>
</html>
`,
        });
        viewer = await openViewer(browser, host.url, { waitFor: null });
        page = viewer.page;
        hostUrl = page.url();
        historyLength = await page.evaluate(() => history.length);
        full = page.locator('briefing-viewer').nth(0);
        small = page.locator('briefing-viewer').nth(1);
    });

    test.afterAll(async () => {
        await viewer?.close();
        await host?.close();
        await viewerSite?.close();
    });

    test('3a. both elements render from the other origin: the first with sidebar and timeline, the second compact with the timeline only', async () => {
        expect(new URL(host.url).origin, 'cross-origin').not.toBe(new URL(viewerSite.url).origin);
        for (const element of [full, small]) {
            await expect(element.locator('main#article h1')).toBeVisible({ timeout: 15_000 })
                .catch(() => fail(`${element} did not render; page errors: ${viewer.pageErrors.join('\n') || 'none'}`));
        }
        await expect(page.locator('briefing-viewer')).toHaveCount(2);
        expect(await full.evaluate((element) => element.shadowRoot?.querySelector('main#article') != null), 'the viewer lives in an open shadow root').toBeTruthy();
        await assertRendersWhole(full, { sidebar: true, timeline: true });
        await assertRendersWhole(small, { sidebar: false, timeline: true });
        await expect(full.locator('.briefing.compact'), 'the first viewer is not compact').toHaveCount(0);
        await expect(small.locator('.briefing.compact'), 'the second viewer is compact').toHaveCount(1);
        await expect(small.locator('header.masthead'), 'compact: no masthead').toHaveCount(0);
    });

    test('3b. the host page\'s styles (* { font: 40px serif; color: red }, html { font-size: 40px }) do not reach into the viewers', async () => {
        const problems = [];
        for (const [name, element] of [['first', full], ['second (compact)', small]]) {
            await expect(element.locator('main#article h1')).toBeVisible({ timeout: 15_000 });
            const h1 = await element.locator('main#article h1').evaluate((h) => {
                const s = getComputedStyle(h);
                return { family: s.fontFamily, color: s.color, size: s.fontSize };
            });
            if (h1.family.trim() === 'serif') problems.push(`${name} viewer: h1 font-family is the host's "serif" (size ${h1.size})`);
            if (h1.color === RED) problems.push(`${name} viewer: h1 color is the host's red`);
            const paragraph = await element.locator('section.article-section .section-body p').first().evaluate((p) => {
                const s = getComputedStyle(p);
                return { size: parseFloat(s.fontSize), color: s.color, family: s.fontFamily };
            });
            if (!(paragraph.size >= 12 && paragraph.size <= 24)) {
                problems.push(`${name} viewer: paragraph font-size is ${paragraph.size}px, expected 12–24 px (font-family ${JSON.stringify(paragraph.family)})`);
            }
            if (paragraph.color === RED) problems.push(`${name} viewer: paragraph color is the host's red`);
        }
        expect(problems, 'host styles inside the viewers').toStrictEqual([]);
    });

    test('3c. the viewers\' styles do not leak out into the host page', async () => {
        await expect(full.locator('main#article h1')).toBeVisible({ timeout: 15_000 });
        const hostText = await page.locator('#host-text').evaluate((p) => {
            const s = getComputedStyle(p);
            return { color: s.color, size: s.fontSize, family: s.fontFamily };
        });
        expect(hostText, 'the host paragraph keeps the host styles').toStrictEqual({ color: RED, size: '40px', family: 'serif' });
        const html = await page.evaluate(() => ({
            size: getComputedStyle(document.documentElement).fontSize,
            background: getComputedStyle(document.body).backgroundColor,
        }));
        expect(html, 'the host page root and body keep their styles').toStrictEqual({ size: '40px', background: 'rgba(0, 0, 0, 0)' });
    });

    test('3d. a section toggle in one viewer (mouse, then keyboard) toggles only that viewer\'s section', async () => {
        await toggle(full, 'the-backdrop').click();
        await expect(toggle(full, 'the-backdrop')).toHaveAttribute('aria-expanded', 'false');
        await expect(sectionBody(full, 'the-backdrop')).toHaveAttribute('hidden', 'until-found');
        await expect(toggle(small, 'the-backdrop'), 'the other viewer is untouched').toHaveAttribute('aria-expanded', 'true');
        await expect(sectionBody(small, 'the-backdrop')).not.toHaveAttribute('hidden');

        // Keyboard inside the shadow root: Enter on a focused toggle toggles it.
        const lead = toggle(full, 'lead');
        await expect(lead).toHaveAttribute('aria-expanded', 'true');
        await lead.focus();
        await expect(lead).toBeFocused();
        await page.keyboard.press('Enter');
        await expect(lead).toHaveAttribute('aria-expanded', 'false');
        await expect(sectionBody(full, 'lead')).toHaveAttribute('hidden', 'until-found');
        await expect(toggle(small, 'lead'), 'the other viewer is untouched').toHaveAttribute('aria-expanded', 'true');
        await page.keyboard.press('Enter');
        await expect(lead).toHaveAttribute('aria-expanded', 'true');
    });

    test('3e. choosing in one viewer marks in that viewer only; the timeline-only viewer finds its own sentence', async () => {
        await chooseEntity(full, 'nikolay-patrushev', 7);
        await expect(marks(small), 'nothing is marked in the second viewer').toHaveCount(0);

        await eventButton(small, 'moscow-meeting').click();
        await expect(eventButton(small, 'moscow-meeting')).toHaveAttribute('aria-pressed', 'true');
        await expect(small.locator('mark#chosen-sentence')).toContainText(MEETING_SENTENCE);
        await expect(small.locator('mark#chosen-sentence')).toBeFocused();
        await expect(full.locator('mark#chosen-sentence'), 'no sentence chosen in the first viewer').toHaveCount(0);
        await expect(eventButton(full, 'moscow-meeting')).toHaveAttribute('aria-pressed', 'false');
    });

    test('3f. the host page keeps its address and history, and logs no errors', async () => {
        // Runs after the choices of 3d and 3e.
        expect(page.url(), 'the host page URL did not change').toBe(hostUrl);
        expect(await page.evaluate(() => location.search), 'no ?entity= or ?event= on the host page').toBe('');
        expect(await page.evaluate(() => history.length), 'no history entries were added').toBe(historyLength);
        expect(viewerSite.failedRequests(), 'viewer requests that failed').toStrictEqual([]);
        expect(host.failedRequests(), 'host requests that failed').toStrictEqual([]);
        expect(viewer.pageErrors, 'page errors').toStrictEqual([]);
        expect(viewer.consoleErrors, 'console errors on the host page').toStrictEqual([]);
    });
});

// ---- 4. the iframe in another origin's page ------------------------------------------------

test.describe('4. an iframe in a page of another origin (?embed&compact&panels=timeline)', () => {
    // One host page for the whole group: each test goes on from where the one before left it.
    test.describe.configure({ mode: 'serial' });
    let viewerSite;
    let host;
    let viewer;
    let page;
    let frame;
    let inner;

    const frameHeight = () => page.locator('#viewer').evaluate((f) => f.getBoundingClientRect().height);
    /** What the frame should show: the viewer's full height, and the frame document's scrollHeight. */
    const content = () => inner.evaluate(() => {
        const briefing = document.querySelector('.briefing');
        return {
            content: Math.ceil(briefing.getBoundingClientRect().bottom + window.scrollY),
            scroll: document.documentElement.scrollHeight,
        };
    });
    /** Waits until the frame is as tall as its content, with nothing to scroll inside it. */
    const waitFits = (what) => expect(async () => {
        const [height, inside] = [await frameHeight(), await content()];
        expect(Math.abs(height - inside.content) <= 4 && inside.scroll <= height + 1,
            `${what}: the iframe is ${height}px tall, its content ${inside.content}px ` +
            `(frame document scrollHeight ${inside.scroll}px)`).toBe(true);
    }).toPass();
    /** Waits once for the framed viewer (the later tests fail at once if it never rendered). */
    let renderedOnce;
    const rendered = () => (renderedOnce ??= waitRendered());
    const waitRendered = async () => {
        // Until the title shows, or an uncaught error says it never will.
        const title = frame.locator('main#article h1');
        const shown = await expect
            .poll(async () => viewer.pageErrors.length > 0 || (await title.isVisible()), { timeout: 15_000 })
            .toBe(true)
            .then(() => true, () => null);
        if (shown && (await title.isVisible())) return;
        const fatal = await frame.locator('#fatal-error').textContent({ timeout: 1_000 }).catch(() => null);
        const text = await frame.locator('body').innerText({ timeout: 1_000 }).catch(() => '?');
        throw new Error(`the viewer in the iframe did not render its article; it shows ${JSON.stringify(text.slice(0, 200))}` +
            `${fatal ? `; fatal error: ${fatal}` : ''}; page errors: ${viewer.pageErrors.map((e) => e.split('\n')[0]).join(' | ') || 'none'}`);
    };

    test.beforeAll(async () => {
        viewerSite = await startStaticServer(dist, { cors: true });
        const origin = viewerSite.origin;
        host = await startHostServer('127.0.0.2', {
            'index.html': `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A host page with a frame</title>
<link rel="icon" href="data:,">
<script>
addEventListener('message', (e) => { if (e.origin === '${origin}' && e.data?.type === 'briefing:height') document.getElementById('viewer').style.height = e.data.height + 'px'; });
</script>
</head>
<body>
<p>The host page's own text, above the frame.</p>
<iframe id="viewer" src="${origin}/?embed&compact&panels=timeline" style="width:600px;height:150px;border:0" title="Briefing"></iframe>
</body>
</html>
`,
        });
        viewer = await openViewer(browser, host.url, { waitFor: null });
        page = viewer.page;
        frame = page.frameLocator('#viewer');
        inner = await (await page.locator('#viewer').elementHandle()).contentFrame();
    });

    test.afterAll(async () => {
        await viewer?.close();
        await host?.close();
        await viewerSite?.close();
    });

    test('4a. the framed viewer renders compact with the timeline only, and the frame grows to fit it', async () => {
        expect(inner, 'the frame is reachable').toBeTruthy();
        await rendered();
        await assertRendersWhole(frame, { sidebar: false, timeline: true });
        await expect(frame.locator('.briefing.compact'), 'compact').toHaveCount(1);
        await expect(frame.locator('header.masthead'), 'compact: no masthead').toHaveCount(0);
        await expect.poll(frameHeight, { timeout: 15_000 }).toBeGreaterThan(600)
            .catch(async () => fail(`the iframe did not grow past 600px; it is ${await frameHeight()}px`));
        await waitFits('after loading');
    });

    test('4b. a height message from another origin is ignored', async () => {
        await rendered();
        await waitFits('before the message');
        const before = await frameHeight();
        await page.evaluate(() => new Promise((done) => {
            // Listeners run in order: when this one sees the message, the host's snippet has too.
            addEventListener('message', function seen(e) {
                if (e.data?.height === 5) {
                    removeEventListener('message', seen);
                    done();
                }
            });
            postMessage({ type: 'briefing:height', height: 5 }, '*');
        }));
        expect(await frameHeight(), 'a message from the wrong origin changed the iframe height').toBe(before);
    });

    test('4c. collapsing a section shrinks the frame to the new content height', async () => {
        await rendered();
        await waitFits('before collapsing');
        const grown = await frameHeight();
        await toggle(frame, 'lead').click();
        await expect(toggle(frame, 'lead')).toHaveAttribute('aria-expanded', 'false');
        await expect(sectionBody(frame, 'lead')).toHaveAttribute('hidden', 'until-found');
        await expect(async () => {
            const [height, inside] = [await frameHeight(), await content()];
            expect(height < grown, `after collapsing a section the iframe stayed ${height}px (was ${grown}px); ` +
                `its content is ${inside.content}px, the frame document's scrollHeight ${inside.scroll}px`).toBe(true);
        }).toPass();
        await waitFits('after collapsing a section');
        expect(viewer.pageErrors, 'page errors').toStrictEqual([]);
        expect(viewerSite.failedRequests(), 'viewer requests that failed').toStrictEqual([]);
    });
});

// ---- 5. another article: ?article= ------------------------------------------------------------

test('5. ?article= opens another article, and says plainly why one cannot be opened', async () => {
    const builtIn = JSON.parse(await readFile(resolve(dist, 'articles', `${ARTICLE_ID}.json`), 'utf8'));
    const changedTitle = 'A changed title: the same story, opened from another server';
    const badIndex = builtIn.events.findIndex((e) => e.id === 'moscow-meeting');
    expect(badIndex >= 0 && builtIn.events[badIndex].precision === 'day', 'the meeting has a full date').toBeTruthy();
    const badDate = structuredClone(builtIn);
    badDate.events[badIndex].date = '2021-02-30';

    const viewerSite = await serve(startStaticServer(dist));
    const temp = await makeTempDir({
        'changed.json': JSON.stringify({ ...builtIn, title: changedTitle }, null, 2),
        'page.html': '<!DOCTYPE html>\n<html><head><title>Not an article</title></head><body><p>Hello</p></body></html>\n',
        'bad-date.json': JSON.stringify(badDate, null, 2),
    });
    started.push({ close: temp.remove });
    const articles = await serve(startStaticServer(temp.dir, { cors: true }));
    const withArticle = (url) => `${viewerSite.url}?article=${encodeURIComponent(url)}`;

    const changed = await open(withArticle(`${articles.url}changed.json`));
    await expect(changed.page.locator('main#article h1')).toContainText(changedTitle);
    await expect(changed.page.locator('.opening-error'), 'no error').toHaveCount(0);
    expect(changed.pageErrors).toStrictEqual([]);

    const cases = [
        { file: 'missing.json', expect: ['HTTP 404'] },
        { file: 'page.html', expect: ['not JSON'] },
        { file: 'bad-date.json', expect: [`events[${badIndex}]`, '2021-02-30 is not a real date'] },
    ];
    for (const { file, expect: says } of cases) {
        const { page, pageErrors } = await open(withArticle(`${articles.url}${file}`));
        const error = page.locator('.opening-error[role="alert"]');
        await expect(error).toBeVisible().catch(() => fail(`${file}: no .opening-error[role=alert] shown`));
        const text = (await error.textContent()).trim();
        for (const part of says) expect(text.includes(part), `${file}: the error ${JSON.stringify(text)} does not say ${JSON.stringify(part)}`).toBeTruthy();
        await expect(page.locator('main#article h1')).toContainText(TITLE);
        expect(pageErrors, `${file}: page errors`).toStrictEqual([]);
    }
    expect(articles.requests.some((r) => r.path === '/changed.json' && r.status === 200), 'the other article was fetched').toBeTruthy();
});
