// Shared helpers for the Briefing end-to-end tests: the static file server (tests/server.mjs,
// which the benchmark uses too) and host pages on it, a Chromium launcher, a viewer opener
// that records console and page errors, the waits, and axe-core checks.

import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { chromium, errors } from 'playwright-core';
import { startStaticServer } from '../server.mjs';

export { startStaticServer };

const require = createRequire(import.meta.url);

/** The release build the tests look at. */
export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

/** A second release build with `--public-url /some-repo/`, as for a GitHub Pages project site. */
export const SUBPATH_DIST_DIR = fileURLToPath(new URL('../../target/dist-subpath/', import.meta.url));
export const SUBPATH_BASE = '/some-repo/';

/** Fails with a clear message when the release build is missing. */
export function requireDist() {
    const index = resolve(DIST_DIR, 'index.html');
    assert.ok(
        existsSync(index),
        `${index} is missing: run the release build first ` +
            `(PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH" BRIEFING_TRUSTED_ORIGINS='${TEST_TRUSTED_ORIGINS}' trunk build --release --offline)`,
    );
    requireTrustedTestOrigins(DIST_DIR);
    return DIST_DIR;
}

/**
 * Origins the e2e builds must list in BRIEFING_TRUSTED_ORIGINS: the test servers for
 * articles run on 127.0.0.1 over plain http, on ports chosen when they start.
 */
export const TEST_TRUSTED_ORIGINS = 'http://127.0.0.1:*';

/** Fails with a clear message when the build does not trust the test article servers. */
export function requireTrustedTestOrigins(dir = DIST_DIR) {
    const page = readFileSync(resolve(dir, 'index.html'), 'utf8');
    const connect = page.match(/connect-src ([^;"]*)/)?.[1] ?? '';
    assert.ok(
        connect.split(' ').includes(TEST_TRUSTED_ORIGINS),
        `${dir} was built without the test article servers' origin (its connect-src is ${JSON.stringify(connect)}): ` +
            `build with BRIEFING_TRUSTED_ORIGINS='${TEST_TRUSTED_ORIGINS}' trunk build --release --offline (as .ci/test.sh does)`,
    );
}

/**
 * The local-storage key of an article's open sections, as `src/remember.rs` makes it:
 * `<prefix>open-sections.` and the 64-bit FNV-1a hash of the source, a zero byte and the id.
 * `source` is `builtin`, `url:<address>` or `file:<name>`.
 */
export function openSectionsKey(source, id, prefix = 'briefing.') {
    let hash = 0xcbf29ce484222325n;
    for (const byte of [...Buffer.from(source), 0, ...Buffer.from(id)]) {
        hash ^= BigInt(byte);
        hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    return `${prefix}open-sections.${hash.toString(16).padStart(16, '0')}`;
}

/** Fails with a clear message when the sub-path build (`--public-url /some-repo/`) is missing. */
export function requireSubpathDist() {
    const index = resolve(SUBPATH_DIST_DIR, 'index.html');
    assert.ok(
        existsSync(index),
        `${index} is missing: run: trunk build --release --offline --public-url ${SUBPATH_BASE} --dist target/dist-subpath ` +
            '(from the repository root, with PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH")',
    );
    return SUBPATH_DIST_DIR;
}

/**
 * Writes `files` (`{ 'name.html': text, 'dir/a.json': text }`) into a fresh temporary
 * directory. Returns `{ dir, remove }`.
 */
export async function makeTempDir(files = {}, prefix = 'briefing-e2e-') {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    for (const [name, text] of Object.entries(files)) {
        const file = resolve(dir, name);
        assert.ok(file.startsWith(dir + sep), `temp file ${name} stays inside ${dir}`);
        await mkdirFor(file);
        await writeFile(file, text);
    }
    return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function mkdirFor(file) {
    return mkdir(dirname(file), { recursive: true });
}

/**
 * Serves host pages (`{ 'index.html': html, ... }`, written to a temporary directory)
 * from a loopback host, for pages that embed the viewer from another origin.
 * `pages` may be a function of the server's origin, for pages that must name it.
 * Closing the server removes the directory.
 */
export async function startHostServer(host, pages, options = {}) {
    const temp = await makeTempDir();
    const server = await startStaticServer(temp.dir, { ...options, host });
    const files = typeof pages === 'function' ? pages(server.origin) : pages;
    for (const [name, text] of Object.entries(files)) {
        const file = resolve(temp.dir, name);
        assert.ok(file.startsWith(temp.dir + sep), `host page ${name} stays inside ${temp.dir}`);
        await mkdirFor(file);
        await writeFile(file, text);
    }
    return {
        ...server,
        dir: temp.dir,
        close: async () => {
            await server.close();
            await temp.remove();
        },
    };
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags headless Chromium needs here: root, no GPU, and no calls to the outside. */
export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

export function launchBrowser() {
    return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * For a test file: one static server over dist/ and one browser, registered with the
 * node:test hooks, and `open(url, options)` for viewers that are closed after each test.
 */
export function viewerSuite() {
    const suite = { server: undefined, browser: undefined, opened: [] };
    before(async () => {
        suite.server = await startStaticServer(requireDist());
        suite.browser = await launchBrowser();
    });
    after(async () => {
        await suite.browser?.close();
        await suite.server?.close();
    });
    afterEach(async () => {
        await Promise.all(suite.opened.map((viewer) => viewer.close()));
        suite.opened = [];
    });
    suite.open = async (url, options) => {
        const viewer = await openViewer(suite.browser, url ?? suite.server.url, options);
        suite.opened.push(viewer);
        return viewer;
    };
    return suite;
}

/**
 * Opens the viewer in a fresh context and waits for the article title.
 * Returns `{ context, page, consoleErrors, pageErrors, close }`.
 * `prepare(context)` runs before the page opens (to route or block requests, say);
 * `waitFor` is the selector to wait for (`null`: wait for the load event only).
 */
export async function openViewer(
    browser,
    url,
    {
        viewport = { width: 1280, height: 900 },
        colorScheme = 'light',
        reducedMotion = 'no-preference',
        prepare,
        waitFor = 'main#article h1',
        contextOptions = {},
    } = {},
) {
    const context = await browser.newContext({ viewport, colorScheme, reducedMotion, ...contextOptions });
    if (prepare) await prepare(context);
    // A local page answers in milliseconds: fail an action after 5 s, not Playwright's 30 s.
    context.setDefaultTimeout(5_000);
    context.setDefaultNavigationTimeout(15_000);
    const page = await context.newPage();
    const consoleErrors = [];
    const pageErrors = [];
    page.on('console', (message) => {
        if (message.type() === 'error') {
            const { url: at = '', lineNumber = 0 } = message.location() ?? {};
            consoleErrors.push(`${message.text()}${at ? ` (${at}:${lineNumber})` : ''}`);
        }
    });
    page.on('pageerror', (error) => pageErrors.push(String(error?.stack ?? error)));
    await page.goto(url);
    if (waitFor) await page.locator(waitFor).first().waitFor({ state: 'visible', timeout: 15_000 });
    return { context, page, consoleErrors, pageErrors, close: () => context.close() };
}

let axeSource;

/** Runs axe-core on the whole page and returns its violations. */
export async function runAxe(page, options = {}) {
    axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
        // Evaluated through the DevTools protocol, not as a <script> tag: the built pages'
        // Content Security Policy (rightly) refuses inline scripts it has no hash for.
        await page.evaluate(axeSource);
    }
    return page.evaluate(
        (options) => window.axe.run(document, { resultTypes: ['violations'], ...options }).then((r) => r.violations),
        options,
    );
}

/** A readable list of axe violations: rule, impact, targets and what is wrong. */
export function formatViolations(violations) {
    return violations
        .map((v) => {
            const nodes = v.nodes
                .map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
                .join('\n');
            return `* ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${nodes}`;
        })
        .join('\n');
}

export async function assertNoAxeViolations(page, options = {}, label = '') {
    const violations = await runAxe(page, options);
    assert.equal(
        violations.length,
        0,
        `axe-core found ${violations.length} violation(s)${label ? ` ${label}` : ''}:\n${formatViolations(violations)}`,
    );
}

/** Ids of the article's paragraphs that are not visible (for print checks). */
export async function hiddenParagraphIds(page) {
    const paragraphs = page.locator('section.article-section .section-body p');
    const count = await paragraphs.count();
    assert.ok(count >= 8, `paragraphs: ${count}`);
    const hidden = [];
    for (let i = 0; i < count; i++) {
        if (!(await paragraphs.nth(i).isVisible())) hidden.push(await paragraphs.nth(i).getAttribute('id'));
    }
    return hidden;
}

// ---- waits ------------------------------------------------------------------------------
// The tests' one vocabulary for waiting. Each re-checks a condition until it holds, and
// fails after `timeout` (5 s unless told) naming what it last saw; none sleeps. The locator
// waits work on the page, inside an open shadow root (a <briefing-viewer>) and inside a
// frame (a FrameLocator's locators). Playwright's `locator.waitFor({ state })` stays the
// call for visible, hidden, attached and detached.
//
// - waitForAttribute(locator, name, value): the one element's attribute is `value` (`null`: absent)
// - waitForText(locator, expected): the first element's trimmed text is `expected`, contains it
//   (`{ contains: true }`), or matches it (a RegExp; returns the match)
// - waitForCount(locator, count): the locator matches `count` elements
// - waitForFocus(locator): one of its elements has the focus of its document or shadow root
// - waitInViewport(locator): the one element lies wholly inside its frame's viewport
// - waitUntil(page, fn, arg): `fn(arg)`, run in the page, is truthy
// - waitForValue(page, what, read, expected): `read()`, run in Node, deep-equals `expected`
// - pollUntil(page, check, { message }): `check()`, run in Node, returns `true` or `{ ok: true, … }`
// - nextFrame(page): the next animation frame, the pause between two checks

const WAIT_TIMEOUT = 5_000;

/** Resolves after the next animation frame of `page`: the pause between two checks. */
export function nextFrame(page) {
    return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
}

/**
 * Re-checks `check()` (a Node-side async function) after each animation frame of `page`
 * until it returns `true`, or an object whose `ok` is true (the rest describes what was
 * seen, for the failure message `message(last)`). Returns the last result.
 */
export async function pollUntil(page, check, { timeout = WAIT_TIMEOUT, message = (last) => `condition not met; last: ${JSON.stringify(last)}` } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    do {
        last = await check();
        if (last === true || (typeof last === 'object' && last?.ok === true)) return last;
        await nextFrame(page);
    } while (Date.now() < deadline);
    assert.fail(message(last));
}

/** Waits until `read()` (Node side) returns `expected` (deepEqual); `what` names it in the failure. */
export async function waitForValue(page, what, read, expected, { timeout } = {}) {
    await pollUntil(
        page,
        async () => {
            const value = await read();
            return { ok: isDeepStrictEqual(value, expected), value };
        },
        { timeout, message: (last) => `${what}: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(last.value)}` },
    );
}

/**
 * Waits until `fn(arg)`, run in the page at each animation frame, is truthy (a thin
 * `page.waitForFunction`); on time-out fails with `message`.
 */
export async function waitUntil(page, fn, arg, { timeout = WAIT_TIMEOUT, message = `${fn} did not hold within ${timeout} ms` } = {}) {
    try {
        await page.waitForFunction(fn, arg, { timeout, polling: 'raf' });
    } catch (error) {
        if (error instanceof errors.TimeoutError) assert.fail(message);
        throw error;
    }
}

/** Waits until the locator's one element has attribute `name` equal to `value` (`null`: no such attribute). */
export async function waitForAttribute(locator, name, value, { timeout } = {}) {
    await pollUntil(
        locator.page(),
        async () => {
            const actual = await locator.evaluateAll(
                (elements, name) => (elements.length === 1 ? elements[0].getAttribute(name) : `<${elements.length} elements>`),
                name,
            );
            return { ok: actual === value, actual };
        },
        { timeout, message: (last) => `${locator} [${name}] is ${JSON.stringify(last.actual)}, expected ${JSON.stringify(value)}` },
    );
}

/**
 * Waits until the trimmed text of the locator's first element is `expected`, contains it
 * (`contains: true`), or matches it (`expected` a RegExp). Returns the text, or the match.
 */
export async function waitForText(locator, expected, { contains = false, timeout } = {}) {
    const test = (text) => {
        if (text === null) return null;
        if (expected instanceof RegExp) return text.match(expected);
        return (contains ? text.includes(expected) : text === expected) ? text : null;
    };
    const { result } = await pollUntil(
        locator.page(),
        async () => {
            const text = await locator.evaluateAll((elements) => (elements.length ? elements[0].textContent.trim() : null));
            const result = test(text);
            return { ok: result !== null, result, text };
        },
        {
            timeout,
            message: (last) => `${locator} text ${JSON.stringify(last.text)} ` +
                `${expected instanceof RegExp ? 'does not match' : contains ? 'does not contain' : 'is not'} ${expected instanceof RegExp ? expected : JSON.stringify(expected)}`,
        },
    );
    return result;
}

/** Waits until the locator matches `count` elements. */
export async function waitForCount(locator, count, { timeout } = {}) {
    await pollUntil(
        locator.page(),
        async () => {
            const actual = await locator.count();
            return { ok: actual === count, actual };
        },
        { timeout, message: (last) => `expected ${count} of ${locator}, found ${last.actual}` },
    );
}

/** Waits until one of the locator's elements is the focused element of its own tree (document or shadow root). */
export async function waitForFocus(locator, { timeout } = {}) {
    await pollUntil(
        locator.page(),
        () => locator.evaluateAll((elements) => {
            const root = elements[0]?.getRootNode() ?? document;
            const active = root.activeElement;
            return {
                ok: elements.some((element) => element.getRootNode().activeElement === element),
                active: active ? active.outerHTML.slice(0, 120) : null,
            };
        }),
        { timeout, message: (last) => `${locator} is not focused; focus is on ${last.active}` },
    );
}

/** Waits until the locator's one element lies wholly inside the viewport of its frame. */
export async function waitInViewport(locator, { timeout } = {}) {
    await pollUntil(
        locator.page(),
        () => locator.evaluateAll((elements) => {
            if (elements.length !== 1) return { ok: false, elements: elements.length };
            const r = elements[0].getBoundingClientRect();
            const ok = r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 &&
                r.bottom <= window.innerHeight && r.right <= window.innerWidth;
            return { ok, top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right), vh: innerHeight, vw: innerWidth };
        }),
        { timeout, message: (last) => `${locator} is not in the viewport: ${JSON.stringify(last)}` },
    );
}

/** Opens the toolbar's "Download" menu (a disclosure), where the download buttons are. */
export async function openDownloads(page) {
    const menu = page.locator('details.downloads-menu');
    if (!(await menu.evaluate((details) => details.open))) await menu.locator('summary').click();
    await menu.locator('.downloads').waitFor({ state: 'visible' });
    return menu.locator('.downloads');
}
