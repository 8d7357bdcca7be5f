// End-to-end tests of trust and limits: an article this site did not publish always says
// where it came from (page, iframe and element), an untrusted site's article is shown only
// after the reader agrees, oversized answers are cut off as they stream in, remembered
// state belongs to one article from one source, echoed input is cut, the iframe posts its
// height only where it is told (and even off screen), and the pages' policy allows no
// inline style. Every wait is for a condition, never for time.
//
// Needs the release build made with BRIEFING_TRUSTED_ORIGINS='http://127.0.0.1:*' (as
// .ci/test.sh does): the article servers here run on 127.0.0.1 over plain http. An
// untrusted site is a self-signed https server on 127.0.0.2.

import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join, resolve } from 'node:path';
import { Readable, pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import {
    assertNoAxeViolations,
    expect,
    makeTempDir,
    openSectionsKey,
    openViewer,
    requireDist,
    startHostServer,
    startStaticServer,
    test,
} from './support.mjs';

const ARTICLE_ID = 'nsa-moscow-2021-12-01';
const TITLE = 'Strong future: NSA meets Russian counterpart in Moscow';
const CHANGED_TITLE = 'A changed title: the same story, opened from another server';
const LIMIT = 5 * 1024 * 1024;

const dist = requireDist();
const builtIn = JSON.parse(await readFile(resolve(dist, 'articles', `${ARTICLE_ID}.json`), 'utf8'));
/** The built-in article with another title and the same id, as another site might serve it. */
const changedJson = JSON.stringify({ ...builtIn, title: CHANGED_TITLE });

let browser;
let viewerSite;
let articles;
let untrusted;
let temp;
let opened = [];

/** A self-signed certificate for 127.0.0.2, made for this run (the browser is told to accept it). */
async function selfSignedServer(handler) {
    const dir = await makeTempDir({}, 'briefing-tls-');
    const [key, cert] = [join(dir.dir, 'key.pem'), join(dir.dir, 'cert.pem')];
    execFileSync('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
        '-subj', '/CN=127.0.0.2', '-addext', 'subjectAltName=IP:127.0.0.2', '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' });
    const requests = [];
    const server = createHttpsServer({ key: await readFile(key), cert: await readFile(cert) }, (req, res) => {
        requests.push(req.url);
        handler(req, res);
    });
    await new Promise((done) => server.listen(0, '127.0.0.2', done));
    const origin = `https://127.0.0.2:${server.address().port}`;
    return {
        origin,
        host: `127.0.0.2:${server.address().port}`,
        requests,
        close: async () => {
            server.closeAllConnections();
            await new Promise((done) => server.close(done));
            await dir.remove();
        },
    };
}

test.beforeAll(async ({ browser: workerBrowser }) => {
    // The worker's Chromium (playwright.config.mjs); Playwright closes it.
    browser = workerBrowser;
    viewerSite = await startStaticServer(dist, { cors: true });
    temp = await makeTempDir({ 'changed.json': changedJson });
    articles = await startStaticServer(temp.dir, { cors: true });
    untrusted = await selfSignedServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        res.end(changedJson);
    });
});

test.afterAll(async () => {
    await Promise.all([viewerSite?.close(), articles?.close(), untrusted?.close()]);
    await temp?.remove();
});

test.afterEach(async () => {
    await Promise.all(opened.map((viewer) => viewer.close()));
    opened = [];
});

async function open(url, options = {}) {
    const viewer = await openViewer(browser, url, {
        ...options,
        contextOptions: { ignoreHTTPSErrors: true, ...options.contextOptions },
        prepare: async (context) => {
            await context.addInitScript(() => {
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation', (e) =>
                    window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
            });
            await options.prepare?.(context);
        },
    });
    opened.push(viewer);
    return viewer;
}

const withArticle = (address, extra = '') => `${viewerSite.url}?article=${encodeURIComponent(address)}${extra}`;
const articleHost = () => `127.0.0.1:${articles.port}`;
const bannerFor = (host) => `Opened from ${host}, not published by this site`;
const title = (scope) => scope.locator('main#article h1');

test.describe('1. where an article came from', () => {
    test('1a. an article from another address says where it came from, outside the article, and in the page title', async () => {
        const { page, pageErrors, consoleErrors } = await open(withArticle(`${articles.url}changed.json`));
        await expect(title(page)).toHaveText(CHANGED_TITLE, { timeout: 15_000 });
        const banner = page.locator('.source-banner');
        await expect(banner).toHaveText(bannerFor(articleHost()));
        await expect(banner, 'the banner is visible').toBeVisible();
        await expect(page.locator('main#article .source-banner, header.masthead .source-banner'), 'the banner is not part of the article or its masthead').toHaveCount(0);
        expect(await page.title()).toBe(`${CHANGED_TITLE} · from ${articleHost()} · Briefing`);
        await expect(page.locator('.consent'), 'a trusted origin is not asked about').toHaveCount(0);
        await assertNoAxeViolations(page, {}, 'with the banner');
        expect(pageErrors).toStrictEqual([]);
        expect(consoleErrors).toStrictEqual([]);
    });

    test('1b. the built-in article has no banner and keeps its title', async () => {
        const { page } = await open(viewerSite.url);
        await expect(page.locator('.source-banner')).toHaveCount(0);
        expect(await page.title()).toBe(`${TITLE} · Briefing`);
    });

    test('1c. "Copy link" keeps the article\'s address, and whoever opens the link sees the banner too', async () => {
        const { page, context } = await open(withArticle(`${articles.url}changed.json`), {
            prepare: (context) => context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: viewerSite.origin }),
        });
        await expect(title(page)).toHaveText(CHANGED_TITLE, { timeout: 15_000 });
        await page.locator('aside.sidebar button.entity-button[data-entity-id="nikolay-patrushev"]').click();
        await page.evaluate(() => navigator.clipboard.writeText(''));
        await page.locator('.mention-stepper button.copy-link').click();
        let copied = '';
        await expect
            .poll(async () => (copied = await page.evaluate(() => navigator.clipboard.readText())), { message: 'nothing was copied' })
            .not.toBe('');
        const link = new URL(copied);
        expect(link.searchParams.get('article'), `the copied link ${copied} names the article`).toBe(`${articles.url}changed.json`);
        const receiver = await context.newPage();
        await receiver.goto(copied);
        await expect(title(receiver)).toHaveText(CHANGED_TITLE, { timeout: 15_000 });
        await expect(receiver.locator('.source-banner')).toHaveText(bannerFor(articleHost()));
        await expect(receiver.locator('aside.sidebar button.entity-button[data-entity-id="nikolay-patrushev"][aria-pressed="true"]')).toBeVisible();
    });

    test('1d. an article from a site the build does not trust is fetched only after the reader agrees', async () => {
        const address = `${untrusted.origin}/story.json`;
        const before = untrusted.requests.length;
        const { page, pageErrors } = await open(withArticle(address), { waitFor: '.consent' });
        const question = page.locator('.consent-question');
        await expect(question).toHaveText(`This article comes from ${untrusted.host}, not from this site. Show it?`);
        await expect(page.locator('section.article-section'), 'no article is shown behind the question').toHaveCount(0);
        expect(untrusted.requests.length, 'nothing was fetched before the reader agreed').toBe(before);
        await assertNoAxeViolations(page, {}, 'with the click-through notice');
        await page.getByRole('button', { name: 'Show it' }).click();
        await expect(title(page)).toHaveText(CHANGED_TITLE, { timeout: 15_000 });
        await expect(page.locator('.source-banner')).toHaveText(bannerFor(untrusted.host));
        await expect(page.locator('.consent'), 'the question is gone').toHaveCount(0);
        expect(untrusted.requests.length, 'fetched once').toBe(before + 1);
        expect(pageErrors).toStrictEqual([]);
        expect(await page.evaluate(() => window.__cspViolations)).toStrictEqual([]);
    });

    test('1e. declining shows the built-in article, with no banner', async () => {
        const before = untrusted.requests.length;
        const { page } = await open(withArticle(`${untrusted.origin}/story.json`), { waitFor: '.consent' });
        await page.getByRole('button', { name: 'Show the built-in article instead' }).click();
        await expect(title(page)).toHaveText(TITLE, { timeout: 15_000 });
        await expect(page.locator('.source-banner')).toHaveCount(0);
        expect(await page.title()).toBe(`${TITLE} · Briefing`);
        expect(untrusted.requests.length, 'nothing was fetched').toBe(before);
    });

    test('1f. a look-alike host is named as the browser parses it (punycode), and a long address by its host only', async () => {
        const address = `https://\u0430pple.com/${'a/'.repeat(2000)}story.json`;
        const { page } = await open(withArticle(address), { waitFor: '.consent' });
        await expect(page.locator('.consent-question')).toHaveText('This article comes from xn--pple-43d.com, not from this site. Show it?');
        const text = await page.locator('body').innerText();
        expect(!text.includes('a/a/a/'), 'the page does not repeat the path').toBeTruthy();
    });

    test('1g. an article opened from a file names the file, cut when it is long', async () => {
        const { page } = await open(viewerSite.url);
        const name = `${'n'.repeat(300)}.json`;
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open article…' }).click()]);
        await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(changedJson) });
        await expect(title(page)).toHaveText(CHANGED_TITLE, { timeout: 15_000 });
        const banner = (await page.locator('.source-banner').textContent()).trim();
        expect(banner).toMatch(/^Opened from the file “n+…”, not published by this site$/);
        expect(banner.length < 140, `the banner is ${banner.length} characters`).toBeTruthy();
        expect((await page.title()).startsWith(`${CHANGED_TITLE} · from the file nnn`), await page.title()).toBeTruthy();
    });
});

test.describe('1h. plain http', () => {
    test('1h. plain http from a site the build does not trust is refused at once, with a message naming the host', async () => {
        const { page } = await open(withArticle(`http://127.0.0.2:9/${'p'.repeat(500)}.json`));
        const error = page.locator('.opening-error[role="alert"]');
        await expect(error).toBeVisible();
        await expect(error).toHaveText('127.0.0.2:9 serves articles over plain http, which this site accepts only from the sites it was built to trust. Showing the built-in article instead.');
        await expect(title(page)).toHaveText(TITLE, { timeout: 15_000 });
        await expect(page.locator('.consent')).toHaveCount(0);
        expect(await page.evaluate(() => window.__cspViolations), 'nothing was even tried').toStrictEqual([]);
    });
});

test.describe('3. the size limit counts what arrives', () => {
    /** Answers with a JSON string that never ends, until the client goes away. */
    function endless(encode) {
        const state = { closed: false, sent: 0 };
        const server = createHttpServer((req, res) => {
            const headers = { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
            if (encode) headers['Content-Encoding'] = 'gzip';
            res.writeHead(200, headers);
            const spaces = Buffer.alloc(64 * 1024, 0x20);
            let first = true;
            const source = new Readable({
                read() {
                    state.sent += spaces.length;
                    this.push(first ? Buffer.from('{"id": "x", "padding": "') : spaces);
                    first = false;
                },
            });
            res.on('close', () => { state.closed = true; });
            if (encode) pipeline(source, createGzip(), res, () => source.destroy());
            else pipeline(source, res, () => source.destroy());
        });
        return { server, state };
    }

    for (const [what, encode] of [['a gzip-encoded answer (its compressed size far under the limit)', true], ['a chunked answer with no length', false]]) {
        test(`3${encode ? 'a' : 'b'}. ${what} is stopped past the limit, with a message`, async () => {
            const { server, state } = endless(encode);
            await new Promise((done) => server.listen(0, '127.0.0.1', done));
            try {
                const { page, pageErrors } = await open(withArticle(`http://127.0.0.1:${server.address().port}/big.json`));
                const error = page.locator('.opening-error[role="alert"]');
                await expect(error).toBeVisible({ timeout: 15_000 });
                const text = (await error.textContent()).trim();
                expect(text.includes(`larger than ${LIMIT} bytes`), text).toBeTruthy();
                await expect(title(page)).toHaveText(TITLE, { timeout: 15_000 });
                await expect.poll(() => state.closed, { message: 'the server is still sending: the request was not aborted' }).toBe(true);
                // Uncompressed, the bytes sent are what the browser read (give or take buffers).
                if (!encode) expect(state.sent < 4 * LIMIT, `the server sent ${state.sent} bytes before the request was aborted`).toBeTruthy();
                expect(pageErrors).toStrictEqual([]);
            } finally {
                server.closeAllConnections();
                await new Promise((done) => server.close(done));
            }
        });
    }
});

test.describe('6. remembered state belongs to one article from one source', () => {
    const expanded = (page, id) => page.locator(`#toggle-${id}`).getAttribute('aria-expanded');
    const stored = (page, key) => page.evaluate((key) => localStorage.getItem(key), key);

    test('6a. an article reusing the built-in article\'s id neither reads nor overwrites its open sections', async () => {
        const builtinKey = openSectionsKey('builtin', ARTICLE_ID);
        const { page } = await open(viewerSite.url);
        await page.locator('#toggle-lead').click();
        await expect.poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]').includes('the-backdrop')
            && !JSON.parse(localStorage.getItem(key)).includes('lead'), builtinKey)).toBeTruthy();
        const builtinState = await stored(page, builtinKey);

        const address = `${articles.url}changed.json`;
        await page.goto(withArticle(address));
        await expect(title(page)).toHaveText(CHANGED_TITLE, { timeout: 15_000 });
        expect(await expanded(page, 'lead'), 'the other article does not read the built-in one\'s state').toBe('true');
        await page.locator('#toggle-the-backdrop').click();
        const otherKey = openSectionsKey(`url:${address}`, ARTICLE_ID);
        await expect.poll(() => page.evaluate((key) => {
            const open = JSON.parse(localStorage.getItem(key) ?? 'null');
            return open && open.includes('lead') && !open.includes('the-backdrop');
        }, otherKey)).toBeTruthy();
        expect(await stored(page, builtinKey), 'the built-in article\'s state is untouched').toBe(builtinState);

        await page.goto(viewerSite.url);
        await expect(page.locator('#toggle-lead')).toHaveAttribute('aria-expanded', 'false');
        expect(await expanded(page, 'the-backdrop')).toBe('true');
        const keys = await page.evaluate(() => Object.keys(localStorage));
        expect(keys.every((key) => key.startsWith('briefing.') && key.length < 64), `keys: ${keys}`).toBeTruthy();
        const values = await page.evaluate(() => Object.values(localStorage).map((v) => v.length));
        expect(values.every((length) => length <= 400), `value lengths: ${values}`).toBeTruthy();
    });

    test('6c. keys an earlier version wrote per article id are removed', async () => {
        const legacy = `briefing.open-sections.${'x'.repeat(3000)}`;
        const { page } = await open(viewerSite.url, {
            prepare: (context) => context.addInitScript((key) => {
                if (!sessionStorage.getItem('planted')) {
                    localStorage.setItem(key, '["lead"]');
                    sessionStorage.setItem('planted', '1');
                }
            }, legacy),
        });
        await page.locator('#toggle-lead').click();
        await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) === null, legacy)).toBeTruthy();
    });

    test('6b. an oversized stored value is ignored', async () => {
        const builtinKey = openSectionsKey('builtin', ARTICLE_ID);
        const { page } = await open(viewerSite.url, {
            prepare: (context) => context.addInitScript((key) => {
                localStorage.setItem(key, JSON.stringify(['lead', ...Array.from({ length: 100 }, (_, i) => `padding-${i}`)]));
            }, builtinKey),
        });
        await expect(page.locator('button.section-toggle[aria-expanded="true"]')).toHaveCount(4);
    });
});

test.describe('8. echoed input is cut', () => {
    test('8a. a link to a very long unknown entity id repeats only the start of it', async () => {
        const { page } = await open(`${viewerSite.url}?entity=${'x'.repeat(3000)}`);
        const notice = page.getByText('This link names', { exact: false });
        await expect(notice).toBeVisible();
        const text = (await notice.textContent()).trim();
        expect(text.includes('x…'), text).toBeTruthy();
        expect(text.length < 200, `the notice is ${text.length} characters long`).toBeTruthy();
    });

    test('8b. an address that is not http or https is refused with a short message', async () => {
        const { page } = await open(withArticle(`ftp://example.org/${'p'.repeat(3000)}`));
        const error = page.locator('.opening-error[role="alert"]');
        await expect(error).toBeVisible();
        const text = (await error.textContent()).trim();
        expect(text.includes('is not an http or https address'), text).toBeTruthy();
        expect(text.length < 250, `the message is ${text.length} characters long`).toBeTruthy();
        await expect(title(page)).toHaveText(TITLE, { timeout: 15_000 });
    });
});

test.describe('9. embedding', () => {
    let host;
    let viewer;
    test.beforeAll(async () => {
        host = await startHostServer('127.0.0.2', (hostOrigin) => ({
            'index.html': `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A host page with frames</title>
<link rel="icon" href="data:,">
<script>
window.__messages = [];
addEventListener('message', (e) => {
  if (e.origin !== '${viewerSite.origin}') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow !== e.source) continue;
    window.__messages.push({ frame: frame.id, type: e.data?.type });
    if (e.data?.type === 'briefing:height') frame.style.height = e.data.height + 'px';
  }
});
</script>
</head>
<body>
<iframe id="wrong" src="${viewerSite.origin}/?embed=${encodeURIComponent('http://127.0.0.3:9')}&compact&panels=timeline" style="width:600px;height:150px;border:0" title="Briefing, told another origin"></iframe>
<iframe id="full" src="${viewerSite.origin}/" style="width:600px;height:150px;border:0" title="Briefing, framed without embed"></iframe>
<div style="height:3000px">Long host content pushes the next frame far below the fold.</div>
<iframe id="below" src="${viewerSite.origin}/?embed=${encodeURIComponent(hostOrigin)}&compact&panels=timeline" style="width:600px;height:150px;border:0" title="Briefing, below the fold"></iframe>
</body>
</html>
`,
        }));
        // One page for the whole group, closed after it.
        viewer = await openViewer(browser, host.url, { waitFor: null });
    });
    test.afterAll(async () => {
        await viewer?.close();
        await host?.close();
    });

    const frameHeight = (id) => viewer.page.locator(`#${id}`).evaluate((f) => f.getBoundingClientRect().height);

    test('9a. a frame far below the fold, never scrolled into view, gets its height, posted to the origin it named', async () => {
        const { page } = viewer;
        await expect.poll(() => frameHeight('below'), { timeout: 15_000, message: 'the off-screen frame grows past 600 px' }).toBeGreaterThan(600);
        expect(await page.evaluate(() => scrollY), 'the host page was never scrolled').toBe(0);
        const inView = await page.locator('#below').evaluate((f) => f.getBoundingClientRect().top < innerHeight);
        expect(!inView, 'the frame is below the fold').toBeTruthy();
    });

    test('9b. a frame told another origin posts its height to nobody here', async () => {
        const { page } = viewer;
        const frame = await (await page.locator('#wrong').elementHandle()).contentFrame();
        await expect(title(page.frameLocator('#wrong'))).toHaveText(TITLE, { timeout: 15_000 });
        // Messages from one window to another arrive in order: once this probe from the
        // frame has arrived, so has every height it posted where this page could read it.
        await frame.evaluate(() => parent.postMessage({ type: 'briefing:probe' }, '*'));
        await expect.poll(() => page.evaluate(() => window.__messages.some((m) => m.frame === 'wrong' && m.type === 'briefing:probe'))).toBeTruthy();
        const heights = await page.evaluate(() => window.__messages.filter((m) => m.frame === 'wrong'));
        expect(heights, 'the host received a height from the frame').toStrictEqual([{ frame: 'wrong', type: 'briefing:probe' }]);
        expect(await frameHeight('wrong')).toBe(150);
    });

    test('9c. a page that frames the full viewer without ?embed gets the embed view: no file opening, no downloads', async () => {
        const { page } = viewer;
        const frame = page.frameLocator('#full');
        await expect(title(frame)).toHaveText(TITLE, { timeout: 15_000 });
        await expect(frame.locator('.open-bar'), 'no "Open article…"').toHaveCount(0);
        await expect(frame.locator('.downloads, footer.site-footer'), 'no downloads').toHaveCount(0);
        await expect.poll(() => frameHeight('full'), { timeout: 15_000, message: 'the framed viewer posted no height' }).toBeGreaterThan(600);
    });
});

test.describe('9. embedding: a bad origin', () => {
    test('9d. a frame given something that is not an origin says so, and posts its height nowhere', async () => {
        const host = await startHostServer('127.0.0.2', {
            'index.html': `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script>
window.__messages = [];
addEventListener('message', (e) => window.__messages.push(e.data?.type));
</script>
</head>
<body>
<iframe id="bad" src="${viewerSite.origin}/?embed=${encodeURIComponent(`javascript:alert(1)//${'x'.repeat(500)}`)}" style="width:600px;height:400px;border:0" title="Briefing"></iframe>
</body>
</html>
`,
        });
        try {
            const { page } = await open(host.url, { waitFor: null });
            const frame = page.frameLocator('#bad');
            await expect(title(frame)).toHaveText(TITLE, { timeout: 15_000 });
            const message = (await frame.locator('.opening-error').textContent()).trim();
            expect(message).toMatch(/^The embedding page named “javascript:alert\(1\)\/\/x+…” as its origin, which is not one/);
            expect(message.length < 300, `the message is ${message.length} characters long`).toBeTruthy();
            const inner = await (await page.locator('#bad').elementHandle()).contentFrame();
            await inner.evaluate(() => parent.postMessage({ type: 'briefing:probe' }, '*'));
            await expect.poll(() => page.evaluate(() => window.__messages.includes('briefing:probe'))).toBeTruthy();
            expect(await page.evaluate(() => window.__messages), 'no height was posted').toStrictEqual(['briefing:probe']);
        } finally {
            await host.close();
        }
    });
});

test.describe('1 and 9. in an iframe and as an element', () => {
    test('the banner shows in an iframe and in <briefing-viewer>, and the element leaves the host page\'s title and storage names alone', async () => {
        const article = `${articles.url}changed.json`;
        const host = await startHostServer('127.0.0.2', {
            'index.html': `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>The host page's own title</title>
<link rel="icon" href="data:,">
<script type="module" src="${viewerSite.origin}/briefing-element.js"></script>
</head>
<body>
<main>
<iframe id="framed" src="${viewerSite.origin}/?embed&article=${encodeURIComponent(article)}" style="width:600px;height:400px;border:0" title="Briefing"></iframe>
<briefing-viewer article="${article}"></briefing-viewer>
</main>
</body>
</html>
`,
        });
        try {
            const { page, pageErrors } = await open(host.url, { waitFor: null });
            const element = page.locator('briefing-viewer');
            await expect(title(element)).toHaveText(CHANGED_TITLE, { timeout: 15_000 });
            await expect(element.locator('.source-banner')).toHaveText(bannerFor(articleHost()));
            const frame = page.frameLocator('#framed');
            await expect(title(frame)).toHaveText(CHANGED_TITLE, { timeout: 15_000 });
            await expect(frame.locator('.source-banner')).toHaveText(bannerFor(articleHost()));
            expect(await page.title()).toBe("The host page's own title");
            // The element's skip link sits above it until focused: it must not show there.
            const skipShows = await element.evaluate((host) => {
                const link = host.shadowRoot.querySelector('.skip-link');
                const box = link.getBoundingClientRect();
                return host.shadowRoot.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === link;
            });
            expect(skipShows, 'the element\'s skip link shows over the host page').toBe(false);
            await element.locator('#toggle-lead').click();
            await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.includes('open-sections')))).toBeTruthy();
            const keys = await page.evaluate(() => Object.keys(localStorage));
            expect(keys.length > 0 && keys.every((k) => k.startsWith('briefing-viewer.')), `host page keys: ${keys}`).toBeTruthy();
            expect(pageErrors).toStrictEqual([]);
        } finally {
            await host.close();
        }
    });
});

test.describe('10. Content Security Policy', () => {
    test('10. no inline style is allowed, fetches go to the site, https and the trusted origins only, and the timeline is still drawn in place', async () => {
        const { page, consoleErrors } = await open(viewerSite.url);
        const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(policy).not.toMatch(/'unsafe-inline'/);
        expect(policy).toMatch(/style-src-attr 'none'/);
        expect(policy.match(/connect-src ([^;]*)/)[1]).toBe("'self' https: http://127.0.0.1:*");
        const lefts = await page.locator('.lane-track .marker').evaluateAll((markers) =>
            markers.map((m) => m.getBoundingClientRect().left - m.parentElement.getBoundingClientRect().left));
        expect(lefts.length > 3, 'markers are drawn').toBeTruthy();
        expect(new Set(lefts.map(Math.round)).size > 3, `the markers are spread along the axis: ${lefts}`).toBeTruthy();
        await page.locator('ol.timeline-list button.event-button[data-event-id="moscow-meeting"]').click();
        await expect(page.locator('.event-details')).toBeVisible();
        expect(await page.evaluate(() => window.__cspViolations)).toStrictEqual([]);
        expect(consoleErrors).toStrictEqual([]);
    });
});
