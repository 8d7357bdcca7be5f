// Shared helpers for the Briefing end-to-end tests (Playwright Test): the static file server
// (tests/server.mjs, which the benchmark uses too) and host pages on it, the `test` of the
// suite with its fixtures (the server over dist/, and `suite`, a viewer opener that records
// console and page errors), axe-core checks, storage keys and the one wait Playwright does
// not have (the next animation frame). Every other wait is a web-first assertion.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base } from '@playwright/test';
import { startStaticServer } from '../server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

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

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/**
 * The suite's `test`, with two fixtures beside Playwright's own (`browser` is the system
 * Chromium of playwright.config.mjs):
 * - `distServer` (one per worker): the static server over dist/, on a loopback port chosen
 *   when it starts; `requests` records every request it answered.
 * - `suite`: `{ server, browser, opened, open(url, options) }` for one test; `open` opens a
 *   viewer (see `openViewer`, `url` defaults to the server's) and every viewer it opened is
 *   closed after the test.
 * A test file whose helpers use the suite takes it in a `test.beforeEach`.
 */
export const test = base.extend({
    distServer: [
        async ({}, use) => {
            const server = await startStaticServer(requireDist());
            await use(server);
            await server.close();
        },
        { scope: 'worker' },
    ],
    suite: async ({ browser, distServer }, use) => {
        const suite = { server: distServer, browser, opened: [] };
        suite.open = async (url, options) => {
            const viewer = await openViewer(browser, url ?? distServer.url, options);
            suite.opened.push(viewer);
            return viewer;
        };
        await use(suite);
        await Promise.all(suite.opened.map((viewer) => viewer.close()));
    },
});

export { expect };

/** Fails the test if any viewer in `viewers` logged a console error or threw a page error. */
export function expectNoErrors(viewers) {
    const errors = viewers.flatMap((v) => [
        ...v.consoleErrors.map((e) => `console: ${e}`),
        ...v.pageErrors.map((e) => `page: ${e}`),
    ]);
    expect(errors, 'no console errors or page errors').toStrictEqual([]);
}

/**
 * Opens the viewer in a fresh context and waits for the article title.
 * Returns `{ context, page, consoleErrors, pageErrors, close }`.
 * `prepare(context)` runs before the page opens (to route or block requests, say);
 * `waitFor` is the selector to wait for (`null`: wait for the load event only), and then,
 * on the pre-rendered page, for the viewer to run after a move of the pointer (`live:
 * false` does neither).
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
        live = true,
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
    // A pre-rendered page shows before the viewer runs, which starts when a reader may act:
    // unless the test is about that time (`live: false`), move the pointer as a reader
    // would and wait until it runs, so what the test does reaches the viewer.
    if (waitFor && live && (await page.locator('#briefing[data-prerendered]').count())) {
        await page.mouse.move(1, 1);
        await page.locator('.briefing[data-live]').first().waitFor({ state: 'attached', timeout: 15_000 });
    }
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
    expect(
        violations.length,
        `axe-core found ${violations.length} violation(s)${label ? ` ${label}` : ''}:\n${formatViolations(violations)}`,
    ).toBe(0);
}

let htmlcsSource;

/**
 * Runs HTML_CodeSniffer's WCAG 2 AA sniffs on the page and returns its errors (not its
 * warnings and notices, which ask for a human's judgement), each as "code: message (element)".
 */
export async function runHtmlCodeSniffer(page) {
    htmlcsSource ??= await readFile(require.resolve('html_codesniffer/build/HTMLCS.js'), 'utf8');
    if (!(await page.evaluate(() => typeof window.HTMLCS === 'object'))) {
        // Through the DevTools protocol, as axe-core is (the pages' policy refuses inline scripts).
        await page.evaluate(`${htmlcsSource}\nwindow.HTMLCS = HTMLCS;`);
    }
    return page.evaluate(() => new Promise((done, failed) => {
        window.HTMLCS.process('WCAG2AA', document, () => {
            done(window.HTMLCS.getMessages()
                .filter((message) => message.type === window.HTMLCS.ERROR)
                .map((message) => `${message.code}: ${message.msg} (${message.element?.outerHTML?.slice(0, 100)})`));
        }, failed, 'en');
    }));
}

/** Ids of the article's paragraphs that are not visible (for print checks). */
export async function hiddenParagraphIds(page) {
    const paragraphs = page.locator('section.article-section .section-body p');
    const count = await paragraphs.count();
    expect(count, `paragraphs: ${count}`).toBeGreaterThanOrEqual(8);
    const hidden = [];
    for (let i = 0; i < count; i++) {
        if (!(await paragraphs.nth(i).isVisible())) hidden.push(await paragraphs.nth(i).getAttribute('id'));
    }
    return hidden;
}

/** Resolves after the next animation frame of `page` (a rendering step, not a time). */
export function nextFrame(page) {
    return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
}

/** Fails the test with `message` (for a `.catch()` that names what went wrong). */
export function fail(message) {
    throw new Error(message);
}

/**
 * Waits until the trimmed text of the locator's first element matches `pattern`, and
 * returns the match (for a number in it, say).
 */
export async function textMatching(locator, pattern, { timeout } = {}) {
    let match = null;
    await expect
        .poll(async () => (match = (await locator.allTextContents())[0]?.trim().match(pattern) ?? null), {
            message: `${locator} text matches ${pattern}`,
            timeout,
        })
        .not.toBeNull();
    return match;
}

/** Opens the toolbar's "Download" menu (a disclosure), where the download buttons are. */
export async function openDownloads(page) {
    const menu = page.locator('details.downloads-menu');
    if (!(await menu.evaluate((details) => details.open))) await menu.locator('summary').click();
    await menu.locator('.downloads').waitFor({ state: 'visible' });
    return menu.locator('.downloads');
}
