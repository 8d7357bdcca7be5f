// End-to-end tests that Briefing opens anywhere: under a sub-path as on GitHub Pages, as
// one file from disk with no network, as a <briefing-viewer> element in another origin's
// page, in a cross-origin iframe that sizes itself, and with another article (?article=).
// Every wait is for a condition, never for time.
//
// Needs two release builds: dist/ and a sub-path build in target/dist-subpath/
// (trunk build --release --offline --public-url /some-repo/ --dist target/dist-subpath).

import assert from 'node:assert/strict';
import { copyFile, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
    assertNoAxeViolations,
    launchBrowser,
    makeTempDir,
    openSectionsKey,
    openViewer,
    pollUntil,
    requireDist,
    requireSubpathDist,
    startHostServer,
    startStaticServer,
    SUBPATH_BASE,
    waitForAttribute,
    waitForCount,
    waitForFocus,
    waitForText,
    waitInViewport,
    waitUntil,
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

before(async () => {
    dist = requireDist();
    browser = await launchBrowser();
});

after(async () => {
    await browser?.close();
});

afterEach(async () => {
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
    await waitForAttribute(entityButton(scope, id), 'aria-pressed', 'true');
    await waitForCount(marks(scope, id), count);
    assert.equal(await marks(scope).count(), count, `only ${id} is marked`);
}

async function toggleBackAndForth(scope, id) {
    const button = toggle(scope, id);
    const paragraph = sectionBody(scope, id).locator('p').first();
    await waitForAttribute(button, 'aria-expanded', 'true');
    await paragraph.waitFor({ state: 'visible' });
    await button.click();
    await waitForAttribute(button, 'aria-expanded', 'false');
    await waitForAttribute(sectionBody(scope, id), 'hidden', 'until-found');
    await paragraph.waitFor({ state: 'hidden' });
    await button.click();
    await waitForAttribute(button, 'aria-expanded', 'true');
    await waitForAttribute(sectionBody(scope, id), 'hidden', null);
    await paragraph.waitFor({ state: 'visible' });
}

async function assertRendersWhole(scope, { sidebar = true, timeline = true } = {}) {
    assert.equal((await scope.locator('main#article h1').textContent()).trim(), TITLE);
    assert.equal(await scope.locator('section.article-section').count(), SECTION_IDS.length, 'four sections');
    assert.equal(await scope.locator('aside.sidebar').count(), sidebar ? 1 : 0, `sidebar ${sidebar ? 'shown' : 'not shown'}`);
    if (sidebar) {
        await scope.locator('aside.sidebar').waitFor({ state: 'visible' });
        assert.ok(await scope.locator('aside.sidebar button.entity-button').count() >= 20, 'the sidebar lists the entities');
    }
    assert.equal(await scope.locator('section.timeline').count(), timeline ? 1 : 0, `timeline ${timeline ? 'shown' : 'not shown'}`);
    if (timeline) {
        await scope.locator('section.timeline .timeline-drawing').waitFor({ state: 'visible' });
        assert.equal(await scope.locator('ol.timeline-list button.event-button').count(), 12, 'the timeline lists 12 events');
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

describe('1. under a sub-path, like a GitHub Pages project site', () => {
    let site;

    before(async () => {
        site = await startStaticServer(requireSubpathDist(), { basePath: SUBPATH_BASE });
    });

    after(async () => {
        await site?.close();
    });

    const at = (query = '') => `${site.url}${query}`;

    test('1a. /some-repo/ shows the article, sidebar and timeline; every request stays in /some-repo/ and succeeds', async () => {
        // The server serves nothing outside the sub-path: an asset asked for at the root fails.
        for (const path of ['/', '/index.html', '/briefing.html', `/articles/${ARTICLE_ID}.json`]) {
            assert.equal((await fetch(`${site.origin}${path}`)).status, 404, `${path} is outside ${SUBPATH_BASE}`);
        }
        assert.equal((await fetch(at('briefing.html'))).status, 200);

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
        await page.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 });
        await assertRendersWhole(page);
        await page.locator('header.masthead').waitFor({ state: 'visible' });

        const outside = traffic.responses
            .filter((r) => !r.url.startsWith('data:'))
            .filter((r) => !r.url.startsWith(site.url))
            .map((r) => `${r.url} (${r.status})`);
        assert.deepEqual(outside, [], `requests outside ${site.url}`);
        assert.deepEqual(traffic.responses.filter((r) => r.status < 200 || r.status >= 300).map((r) => `${r.url} (${r.status})`),
            [], 'responses that were not 2xx');
        assert.deepEqual(traffic.failures, [], 'requests that failed');
        const served = site.requests.slice(firstRequest);
        assert.ok(served.some((r) => r.path.endsWith('.wasm') && r.status === 200), 'the wasm was served from the sub-path');
        assert.deepEqual(served.filter((r) => r.status >= 300 || !r.path.startsWith(SUBPATH_BASE)), [],
            'server-side: requests that failed or left the sub-path');

        // The footer's links resolve inside the sub-path too.
        const links = await page.locator('footer.site-footer a').evaluateAll((as) => as.map((a) => a.href));
        assert.ok(links.length >= 2, `footer links: ${links}`);
        for (const link of links) {
            assert.ok(link.startsWith(site.url), `${link} is under ${site.url}`);
            assert.equal((await page.request.get(link)).status(), 200, `${link} is served`);
        }
        assert.deepEqual(errors, [], 'console and page errors');
    });

    test('1b. deep links to a section, an entity and an event open it, and survive a reload', async () => {
        const firstRequest = site.requests.length;
        const { page, pageErrors } = await open(at());
        // Close the section first (remembered in storage), so that only the link can open it.
        await toggle(page, 'the-backdrop').click();
        await waitForAttribute(toggle(page, 'the-backdrop'), 'aria-expanded', 'false');
        await waitUntil(page, (key) => {
            const saved = JSON.parse(localStorage.getItem(key) ?? 'null');
            return Array.isArray(saved) && !saved.includes('the-backdrop');
        }, openSectionsKey('builtin', ARTICLE_ID));

        const checks = {
            '?section=the-backdrop': async () => {
                await waitForAttribute(toggle(page, 'the-backdrop'), 'aria-expanded', 'true');
                await waitForAttribute(sectionBody(page, 'the-backdrop'), 'hidden', null);
                await waitForFocus(toggle(page, 'the-backdrop'));
                await waitInViewport(toggle(page, 'the-backdrop'));
            },
            '?entity=nikolay-patrushev': async () => {
                await waitForAttribute(entityButton(page, 'nikolay-patrushev'), 'aria-pressed', 'true');
                await waitForCount(marks(page, 'nikolay-patrushev'), 7);
                await waitInViewport(page.locator('mark.mention.marked.current'));
            },
            '?event=moscow-meeting': async () => {
                await waitForAttribute(eventButton(page, 'moscow-meeting'), 'aria-pressed', 'true');
                await waitForText(page.locator('mark#chosen-sentence'), MEETING_SENTENCE, { contains: true });
                await waitForFocus(page.locator('mark#chosen-sentence'));
            },
            '?section=the-backdrop&entity=tass&event=moscow-meeting': async () => {
                await waitForAttribute(toggle(page, 'the-backdrop'), 'aria-expanded', 'true');
                await waitForAttribute(entityButton(page, 'tass'), 'aria-pressed', 'true');
                assert.ok(await marks(page, 'tass').count() > 0, 'TASS is marked');
                await waitForText(page.locator('mark#chosen-sentence'), MEETING_SENTENCE, { contains: true });
            },
        };
        for (const [query, check] of Object.entries(checks)) {
            await page.goto(at(query));
            await page.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 });
            await check().catch((error) => assert.fail(`${query} on load: ${error.message}`));
            assert.equal(page.url(), at(query), 'the address keeps the link');
            await page.reload();
            await page.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 });
            await check().catch((error) => assert.fail(`${query} after reload: ${error.message}`));
        }
        assert.deepEqual(pageErrors, []);
        assert.deepEqual(site.requests.slice(firstRequest).filter((r) => r.status >= 400), [], 'requests that failed');
    });

    test('1c. choosing an entity adds ?entity= to the address; Back clears the choice, Forward brings it back', async () => {
        const { page } = await open(at());
        await chooseEntity(page, 'nikolay-patrushev', 7);
        await page.waitForURL(at('?entity=nikolay-patrushev'));
        await page.goBack();
        await page.waitForURL(at());
        await waitForAttribute(entityButton(page, 'nikolay-patrushev'), 'aria-pressed', 'false');
        await waitForCount(marks(page), 0);
        await page.goForward();
        await page.waitForURL(at('?entity=nikolay-patrushev'));
        await waitForAttribute(entityButton(page, 'nikolay-patrushev'), 'aria-pressed', 'true');
        await waitForCount(marks(page, 'nikolay-patrushev'), 7);
    });

    test('1d. a link to an unknown entity says so, and the page still works', async () => {
        const { page, pageErrors } = await open(at('?entity=nobody'));
        const notice = page.locator('.notice');
        await waitForText(notice, 'entity "nobody"', { contains: true });
        await notice.waitFor({ state: 'visible' });
        assert.equal(await marks(page).count(), 0, 'nothing is marked');
        await toggleBackAndForth(page, 'lead');
        await chooseEntity(page, 'nikolay-patrushev', 7);
        assert.deepEqual(pageErrors, []);
    });

    test('1e. a broken link: the server answers 404, and 404.html takes the reader to the viewer with the link', async () => {
        assert.equal((await fetch(at('no/such/page'))).status, 404, 'no rewrites: a missing page is a 404');

        // GitHub Pages answers a missing page with the site's 404.html; emulated here by opening it directly.
        const { page } = await open(at('404.html?entity=tass'), { waitFor: null });
        await page.waitForURL(at('?entity=tass'), { timeout: 15_000 });
        await page.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 });
        await waitForAttribute(entityButton(page, 'tass'), 'aria-pressed', 'true');
        assert.ok(await marks(page, 'tass').count() > 0, 'TASS is marked');

        // And as GitHub Pages does it: the 404.html body, with status 404, at the broken address.
        const pages = await serve(startStaticServer(requireSubpathDist(), { basePath: SUBPATH_BASE, notFoundFile: '404.html' }));
        const broken = await open(`${pages.url}no/such/page?entity=tass`, { waitFor: null });
        await broken.page.waitForURL(`${pages.url}?entity=tass`, { timeout: 15_000 });
        await broken.page.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 });
        await waitForAttribute(entityButton(broken.page, 'tass'), 'aria-pressed', 'true');
        assert.deepEqual(pages.failedRequests().map((r) => `${r.path} ${r.status}`), [`${SUBPATH_BASE}no/such/page 404`],
            'only the broken address failed');
    });

    test('1f. axe-core finds no violations on the sub-path page', async () => {
        const { page } = await open(at('?entity=nikolay-patrushev'));
        await waitForCount(marks(page, 'nikolay-patrushev'), 7);
        await assertNoAxeViolations(page, {}, `at ${SUBPATH_BASE}`);
    });
});

// ---- 2. one file from disk ------------------------------------------------------------------

test('2. briefing.html opens from disk, alone in its folder, with the network blocked', async (t) => {
    const source = resolve(dist, 'briefing.html');
    const { size } = await stat(source).catch(() => assert.fail(`${source} is missing: the release build writes it`));
    t.diagnostic(`briefing.html is ${size} bytes (${(size / 1024).toFixed(0)} KiB)`);
    const temp = await makeTempDir();
    started.push({ close: temp.remove });
    const file = join(temp.dir, 'briefing.html');
    await copyFile(source, file);
    assert.deepEqual(await readdir(temp.dir), ['briefing.html'], 'nothing else beside it');

    const network = [];
    const block = (context) => context.route(/^https?:/, (route) => {
        network.push(route.request().url());
        return route.abort();
    });
    const url = pathToFileURL(file).href;
    const { page, pageErrors, consoleErrors } = await open(url, { prepare: block });
    assert.match(await page.title(), /Strong future/);
    await assertRendersWhole(page);
    await toggleBackAndForth(page, 'bilateral-cooperation');
    await chooseEntity(page, 'nikolay-patrushev', 7);
    await eventButton(page, 'moscow-meeting').click();
    await waitForAttribute(eventButton(page, 'moscow-meeting'), 'aria-pressed', 'true');
    await waitForText(page.locator('mark#chosen-sentence'), MEETING_SENTENCE, { contains: true });
    await page.locator('mark#chosen-sentence').waitFor({ state: 'visible' });

    // A deep link works from disk too.
    await page.goto(`${url}?event=moscow-meeting`);
    await page.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 });
    await waitForText(page.locator('mark#chosen-sentence'), MEETING_SENTENCE, { contains: true });

    assert.deepEqual(pageErrors, [], 'page errors');
    assert.deepEqual(consoleErrors, [], 'console errors');
    assert.deepEqual(network, [], 'the one file asked the network for nothing');
});

// ---- 3. the custom element in another origin's page ---------------------------------------

describe('3. <briefing-viewer> in a page of another origin', () => {
    let viewerSite;
    let host;
    let viewer;
    let page;
    let full;
    let small;
    let hostUrl;
    let historyLength;

    before(async () => {
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

    after(async () => {
        await viewer?.close();
        await host?.close();
        await viewerSite?.close();
    });

    test('3a. both elements render from the other origin: the first with sidebar and timeline, the second compact with the timeline only', async () => {
        assert.notEqual(new URL(host.url).origin, new URL(viewerSite.url).origin, 'cross-origin');
        for (const element of [full, small]) {
            await element.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 })
                .catch(() => assert.fail(`${element} did not render; page errors: ${viewer.pageErrors.join('\n') || 'none'}`));
        }
        assert.equal(await page.locator('briefing-viewer').count(), 2);
        assert.ok(await full.evaluate((element) => element.shadowRoot?.querySelector('main#article') != null),
            'the viewer lives in an open shadow root');
        await assertRendersWhole(full, { sidebar: true, timeline: true });
        await assertRendersWhole(small, { sidebar: false, timeline: true });
        assert.equal(await full.locator('.briefing.compact').count(), 0, 'the first viewer is not compact');
        assert.equal(await small.locator('.briefing.compact').count(), 1, 'the second viewer is compact');
        assert.equal(await small.locator('header.masthead').count(), 0, 'compact: no masthead');
    });

    test('3b. the host page\'s styles (* { font: 40px serif; color: red }, html { font-size: 40px }) do not reach into the viewers', async () => {
        const problems = [];
        for (const [name, element] of [['first', full], ['second (compact)', small]]) {
            await element.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 });
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
        assert.deepEqual(problems, [], 'host styles inside the viewers');
    });

    test('3c. the viewers\' styles do not leak out into the host page', async () => {
        await full.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 });
        const hostText = await page.locator('#host-text').evaluate((p) => {
            const s = getComputedStyle(p);
            return { color: s.color, size: s.fontSize, family: s.fontFamily };
        });
        assert.deepEqual(hostText, { color: RED, size: '40px', family: 'serif' }, 'the host paragraph keeps the host styles');
        const html = await page.evaluate(() => ({
            size: getComputedStyle(document.documentElement).fontSize,
            background: getComputedStyle(document.body).backgroundColor,
        }));
        assert.deepEqual(html, { size: '40px', background: 'rgba(0, 0, 0, 0)' }, 'the host page root and body keep their styles');
    });

    test('3d. a section toggle in one viewer (mouse, then keyboard) toggles only that viewer\'s section', async () => {
        await toggle(full, 'the-backdrop').click();
        await waitForAttribute(toggle(full, 'the-backdrop'), 'aria-expanded', 'false');
        await waitForAttribute(sectionBody(full, 'the-backdrop'), 'hidden', 'until-found');
        assert.equal(await toggle(small, 'the-backdrop').getAttribute('aria-expanded'), 'true', 'the other viewer is untouched');
        assert.equal(await sectionBody(small, 'the-backdrop').getAttribute('hidden'), null);

        // Keyboard inside the shadow root: Enter on a focused toggle toggles it.
        const lead = toggle(full, 'lead');
        await waitForAttribute(lead, 'aria-expanded', 'true');
        await lead.focus();
        await waitForFocus(lead);
        await page.keyboard.press('Enter');
        await waitForAttribute(lead, 'aria-expanded', 'false');
        await waitForAttribute(sectionBody(full, 'lead'), 'hidden', 'until-found');
        assert.equal(await toggle(small, 'lead').getAttribute('aria-expanded'), 'true', 'the other viewer is untouched');
        await page.keyboard.press('Enter');
        await waitForAttribute(lead, 'aria-expanded', 'true');
    });

    test('3e. choosing in one viewer marks in that viewer only; the timeline-only viewer finds its own sentence', async () => {
        await chooseEntity(full, 'nikolay-patrushev', 7);
        assert.equal(await marks(small).count(), 0, 'nothing is marked in the second viewer');

        await eventButton(small, 'moscow-meeting').click();
        await waitForAttribute(eventButton(small, 'moscow-meeting'), 'aria-pressed', 'true');
        await waitForText(small.locator('mark#chosen-sentence'), MEETING_SENTENCE, { contains: true });
        await waitForFocus(small.locator('mark#chosen-sentence'));
        assert.equal(await full.locator('mark#chosen-sentence').count(), 0, 'no sentence chosen in the first viewer');
        assert.equal(await eventButton(full, 'moscow-meeting').getAttribute('aria-pressed'), 'false');
    });

    test('3f. the host page keeps its address and history, and logs no errors', async () => {
        // Runs after the choices of 3d and 3e.
        assert.equal(page.url(), hostUrl, 'the host page URL did not change');
        assert.equal(await page.evaluate(() => location.search), '', 'no ?entity= or ?event= on the host page');
        assert.equal(await page.evaluate(() => history.length), historyLength, 'no history entries were added');
        assert.deepEqual(viewerSite.failedRequests(), [], 'viewer requests that failed');
        assert.deepEqual(host.failedRequests(), [], 'host requests that failed');
        assert.deepEqual(viewer.pageErrors, [], 'page errors');
        assert.deepEqual(viewer.consoleErrors, [], 'console errors on the host page');
    });
});

// ---- 4. the iframe in another origin's page ------------------------------------------------

describe('4. an iframe in a page of another origin (?embed&compact&panels=timeline)', () => {
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
    const waitFits = (what) => pollUntil(page, async () => {
        const [height, inside] = [await frameHeight(), await content()];
        return { ok: Math.abs(height - inside.content) <= 4 && inside.scroll <= height + 1, height, ...inside };
    }, {
        message: (last) => `${what}: the iframe is ${last.height}px tall, its content ${last.content}px ` +
            `(frame document scrollHeight ${last.scroll}px)`,
    });
    /** Waits once for the framed viewer (the later tests fail at once if it never rendered). */
    let renderedOnce;
    const rendered = () => (renderedOnce ??= waitRendered());
    const waitRendered = async () => {
        // Until the title shows, or an uncaught error says it never will.
        const title = frame.locator('main#article h1');
        const shown = await pollUntil(page, async () => ({
            ok: viewer.pageErrors.length > 0 || (await title.isVisible()),
        }), { timeout: 15_000, message: () => 'the framed viewer showed no title within 15 s' }).catch(() => null);
        if (shown && (await title.isVisible())) return;
        const fatal = await frame.locator('#fatal-error').textContent({ timeout: 1_000 }).catch(() => null);
        const text = await frame.locator('body').innerText({ timeout: 1_000 }).catch(() => '?');
        assert.fail(`the viewer in the iframe did not render its article; it shows ${JSON.stringify(text.slice(0, 200))}` +
            `${fatal ? `; fatal error: ${fatal}` : ''}; page errors: ${viewer.pageErrors.map((e) => e.split('\n')[0]).join(' | ') || 'none'}`);
    };

    before(async () => {
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

    after(async () => {
        await viewer?.close();
        await host?.close();
        await viewerSite?.close();
    });

    test('4a. the framed viewer renders compact with the timeline only, and the frame grows to fit it', async () => {
        assert.ok(inner, 'the frame is reachable');
        await rendered();
        await assertRendersWhole(frame, { sidebar: false, timeline: true });
        assert.equal(await frame.locator('.briefing.compact').count(), 1, 'compact');
        assert.equal(await frame.locator('header.masthead').count(), 0, 'compact: no masthead');
        await waitUntil(page, () => document.getElementById('viewer').getBoundingClientRect().height > 600, undefined, { timeout: 15_000 })
            .catch(async () => assert.fail(`the iframe did not grow past 600px; it is ${await frameHeight()}px`));
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
        assert.equal(await frameHeight(), before, 'a message from the wrong origin changed the iframe height');
    });

    test('4c. collapsing a section shrinks the frame to the new content height', async () => {
        await rendered();
        await waitFits('before collapsing');
        const grown = await frameHeight();
        await toggle(frame, 'lead').click();
        await waitForAttribute(toggle(frame, 'lead'), 'aria-expanded', 'false');
        await waitForAttribute(sectionBody(frame, 'lead'), 'hidden', 'until-found');
        await pollUntil(page, async () => {
            const [height, inside] = [await frameHeight(), await content()];
            return { ok: height < grown, height, ...inside };
        }, {
            message: (last) => `after collapsing a section the iframe stayed ${last.height}px (was ${grown}px); ` +
                `its content is ${last.content}px, the frame document's scrollHeight ${last.scroll}px`,
        });
        await waitFits('after collapsing a section');
        assert.deepEqual(viewer.pageErrors, [], 'page errors');
        assert.deepEqual(viewerSite.failedRequests(), [], 'viewer requests that failed');
    });
});

// ---- 5. another article: ?article= ------------------------------------------------------------

test('5. ?article= opens another article, and says plainly why one cannot be opened', async () => {
    const builtIn = JSON.parse(await readFile(resolve(dist, 'articles', `${ARTICLE_ID}.json`), 'utf8'));
    const changedTitle = 'A changed title: the same story, opened from another server';
    const badIndex = builtIn.events.findIndex((e) => e.id === 'moscow-meeting');
    assert.ok(badIndex >= 0 && builtIn.events[badIndex].precision === 'day', 'the meeting has a full date');
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
    await waitForText(changed.page.locator('main#article h1'), changedTitle, { contains: true });
    assert.equal(await changed.page.locator('.opening-error').count(), 0, 'no error');
    assert.deepEqual(changed.pageErrors, []);

    const cases = [
        { file: 'missing.json', expect: ['HTTP 404'] },
        { file: 'page.html', expect: ['not JSON'] },
        { file: 'bad-date.json', expect: [`events[${badIndex}]`, '2021-02-30 is not a real date'] },
    ];
    for (const { file, expect } of cases) {
        const { page, pageErrors } = await open(withArticle(`${articles.url}${file}`));
        const error = page.locator('.opening-error[role="alert"]');
        await error.waitFor({ state: 'visible' }).catch(() => assert.fail(`${file}: no .opening-error[role=alert] shown`));
        const text = (await error.textContent()).trim();
        for (const part of expect) assert.ok(text.includes(part), `${file}: the error ${JSON.stringify(text)} does not say ${JSON.stringify(part)}`);
        await waitForText(page.locator('main#article h1'), TITLE, { contains: true });
        assert.deepEqual(pageErrors, [], `${file}: page errors`);
    }
    assert.ok(articles.requests.some((r) => r.path === '/changed.json' && r.status === 200), 'the other article was fetched');
});
