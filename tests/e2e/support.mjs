// Shared helpers for the Briefing end-to-end tests: a dependency-free static file
// server for the release build, a Chromium launcher, a viewer opener that records
// console and page errors, and axe-core checks.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

/** The release build the tests look at. */
export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Fails with a clear message when the release build is missing. */
export function requireDist() {
    const index = resolve(DIST_DIR, 'index.html');
    assert.ok(
        existsSync(index),
        `${index} is missing: run the release build first ` +
            '(cd /work/main && PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH" trunk build --release --offline)',
    );
    return DIST_DIR;
}

const MIME_TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.wasm': 'application/wasm',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the files under `root` at `basePath` on a free port of a loopback host.
 * No rewrites: a path that is not a file is a 404 (a directory serves its index.html).
 * Every request is recorded in `requests` as `{ method, path, status }`.
 */
export async function startStaticServer(root, { host = '127.0.0.1', basePath = '/' } = {}) {
    const rootDir = resolve(root);
    const base = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
    const requests = [];

    const server = createServer(async (req, res) => {
        const path = new URL(req.url, 'http://localhost').pathname;
        const send = (status, body, headers = {}) => {
            requests.push({ method: req.method, path, status });
            res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
            res.end(req.method === 'HEAD' ? undefined : body);
        };
        if (req.method !== 'GET' && req.method !== 'HEAD') {
            return send(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
        }
        if (!path.startsWith(base)) return send(404, 'Not Found');
        let relative;
        try {
            relative = decodeURIComponent(path.slice(base.length));
        } catch {
            return send(400, 'Bad Request');
        }
        let file = resolve(rootDir, relative);
        if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(404, 'Not Found');
        try {
            if ((await stat(file)).isDirectory()) file = resolve(file, 'index.html');
            const body = await readFile(file);
            const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
            return send(200, body, { 'Content-Type': type, 'Content-Length': body.length });
        } catch {
            return send(404, 'Not Found');
        }
    });

    await new Promise((done, fail) => {
        server.once('error', fail);
        server.listen(0, host, done);
    });
    const { port } = server.address();
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return {
        url: `http://${shownHost}:${port}${base}`,
        requests,
        /** Requests that did not succeed (status 400 and above). */
        failedRequests: () => requests.filter((r) => r.status >= 400),
        close: () =>
            new Promise((done) => {
                server.closeAllConnections?.();
                server.close(() => done());
            }),
    };
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser() {
    return chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
        ],
    });
}

/**
 * Opens the viewer in a fresh context and waits for the article title.
 * Returns `{ context, page, consoleErrors, pageErrors, close }`.
 */
export async function openViewer(
    browser,
    url,
    { viewport = { width: 1280, height: 900 }, colorScheme = 'light', reducedMotion = 'no-preference' } = {},
) {
    const context = await browser.newContext({ viewport, colorScheme, reducedMotion });
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
    await page.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 });
    return { context, page, consoleErrors, pageErrors, close: () => context.close() };
}

let axeSource;

/** Runs axe-core on the whole page and returns its violations. */
export async function runAxe(page, options = {}) {
    axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
        await page.addScriptTag({ content: axeSource });
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

/** Polls a condition in the page until it holds (a thin `expect.poll`). */
export function waitInPage(page, fn, arg, timeout = 5_000) {
    return page.waitForFunction(fn, arg, { timeout, polling: 'raf' });
}
