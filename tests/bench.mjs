// Briefing benchmark: `node tests/bench.mjs` (or `npm run bench` in tests/).
//
// Builds the release viewer (unless --no-build), serves it gzipped on 127.0.0.1 beside a
// plain, script-free HTML rendering of the same article, and measures both in headless
// Chromium with the CPU slowed 4x and the cache off: first contentful paint, bytes
// transferred, when the viewer first answers a toggle, and how long its interactions
// take. Then the gzipped weight of the first view, load and interaction times for
// synthetic articles 1x, 10x and 100x the built-in one, the longest main-thread block
// that each adversarial article causes (tests/adversarial.rs makes them; CPU 1x), and
// Lighthouse's scores.
// It prints figures and says which budget lines hold; it asserts no timings.
//
// Options: --runs N (default 5), --no-build, --no-scale, --no-adversarial, --no-lighthouse,
// and --baseline DIR: another release build (an older commit's dist/, say) measured in
// the same run, alternating with this one, and printed beside it.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

import { firstContentfulPaint, interactiveProbe, settled, timeInteraction } from './bench/page.mjs';
import { plainHtml } from './bench/plain.mjs';
import { awaitOutcome, blockProbe, writeAdversarialArticles } from './bench/adversarial.mjs';
import { checkScaled, scaledArticle } from './bench/scale.mjs';
import { CHROMIUM_ARGS } from './e2e/support.mjs';
import { startStaticServer } from './server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST_BUILT = join(ROOT, 'dist');
/** The copy of dist/ that is served and weighed (set in main), so a rebuild during the run changes nothing. */
let DIST = DIST_BUILT;
const TESTS = join(ROOT, 'tests');
const ARTICLE_FILE = join('articles', 'nsa-moscow-2021-12-01.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CPU_SLOWDOWN = 4;
const LIGHTHOUSE_VERSION = '12.2.3';
const LIGHTHOUSE_DIR = join(ROOT, 'target', 'bench-tools');
const SCALES = [1, 10, 100];
const SCALE_RUNS = 3;
/** How long an adversarial article may take to show or be refused before it counts as a freeze. */
const ADVERSARIAL_TIMEOUT_MS = 180_000;
/** TimelineJS's script and stylesheet, gzip -9, when tests/node_modules does not have them. */
const TIMELINEJS_GZIP_FALLBACK = 75_986;

const budgets = {
    fcpRatio: 1.2,
    interactionMs: 50,
    /** Open a section, choose an entity or an event in the 100x article. */
    scaleInteractionMs: 100,
    /** The 100x article answers its first toggle. */
    scaleToggleMs: 3000,
    /** First view, gzipped. */
    weightBytes: 150_000,
};

// ---------------------------------------------------------------- options

function parseOptions(argv) {
    const options = { runs: 5, build: true, scale: true, adversarial: true, lighthouse: true, baseline: null };
    for (let i = 0; i < argv.length; i += 1) {
        const arg = argv[i];
        if (arg === '--no-build') options.build = false;
        else if (arg === '--no-scale') options.scale = false;
        else if (arg === '--no-adversarial') options.adversarial = false;
        else if (arg === '--no-lighthouse') options.lighthouse = false;
        else if (arg === '--baseline') {
            options.baseline = argv[(i += 1)];
            if (!options.baseline || !existsSync(join(options.baseline, 'index.html'))) fail(`--baseline needs a release build directory with an index.html, not ${options.baseline}`);
        }
        else if (arg === '--runs' || arg.startsWith('--runs=')) {
            const value = arg.includes('=') ? arg.split('=')[1] : argv[(i += 1)];
            options.runs = Number.parseInt(value, 10);
            if (!(options.runs >= 1)) fail(`--runs needs a positive number, not ${value}`);
        } else if (arg === '--help' || arg === '-h') {
            console.log('usage: node tests/bench.mjs [--runs N] [--no-build] [--no-scale] [--no-adversarial] [--no-lighthouse] [--baseline DIR]');
            process.exit(0);
        } else fail(`unknown option ${arg} (try --help)`);
    }
    return options;
}

class BenchError extends Error {}

/** Stops the benchmark with a message (temporary files are still removed). */
function fail(message) {
    throw new BenchError(message);
}

/** Progress goes to stderr; the figures go to stdout. */
const progress = (message) => process.stderr.write(`bench: ${message}\n`);

// ---------------------------------------------------------------- helpers

function run(command, args, { cwd = ROOT, env = process.env, timeoutMs = 30 * 60_000 } = {}) {
    return new Promise((resolve) => {
        const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, timeoutMs);
        child.on('error', (error) => {
            clearTimeout(timer);
            resolve({ code: -1, stdout: '', stderr: String(error), timedOut });
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
        });
    });
}

function withTimeout(promise, ms, what) {
    let timer;
    return Promise.race([
        promise,
        new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
        }),
    ]).finally(() => clearTimeout(timer));
}

function stats(values) {
    const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
    if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

const fmtInt = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const fmtMs = (n) => (Number.isFinite(n) ? (n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US')) : 'n/a');
const fmtKB = (n) => (Number.isFinite(n) ? `${(n / 1000).toFixed(1)}` : 'n/a');
const fmtRatio = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}x` : 'n/a');
const holds = (ok) => (ok ? 'holds' : 'DOES NOT HOLD');

function table(headers, rows, align) {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
    const line = (cells) =>
        cells
            .map((cell, i) => ((align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])))
            .join('  ')
            .trimEnd();
    return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function describeCommit() {
    try {
        const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
        const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'static', 'index.html', 'Cargo.toml', 'Cargo.lock', '.ci'], {
            cwd: ROOT,
            encoding: 'utf8',
        }).trim();
        return `commit ${commit}${dirty ? ' + uncommitted changes' : ''}`;
    } catch {
        return 'commit unknown';
    }
}

/** The machine's load: timings on a busy machine are noisy, so say so. */
function describeLoad() {
    const cores = availableParallelism();
    const [one] = loadavg();
    const busy = one > cores ? ', above the core count: timings may be noisy' : '';
    return `1-minute load average ${one.toFixed(2)} on ${cores} cores${busy}`;
}

// ---------------------------------------------------------------- build and files

async function build() {
    progress('building: trunk build --release --offline');
    const env = {
        ...process.env,
        PATH: `${join(TESTS, 'node_modules', '.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`,
        // An absolute canonical link, as the Pages build has, so that Lighthouse's SEO
        // audit sees what a deployment serves; the page is served from 127.0.0.1, on a
        // port chosen at run time (the audit compares host names, not ports).
        BRIEFING_SITE_URL: process.env.BRIEFING_SITE_URL || 'http://127.0.0.1/',
    };
    const started = Date.now();
    const result = await run('bash', ['-c', 'source .ci/setup.sh && trunk build --release --offline'], { env });
    if (result.code !== 0) {
        const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');
        fail(`the release build failed (exit ${result.code}):\n${tail}`);
    }
    progress(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** The hashed stylesheet, glue and wasm the built index.html loads. */
function distAssets(dir = DIST) {
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    const files = readdirSync(dir);
    const pick = (pattern, fallback, what) => {
        const match = index.match(pattern);
        const name = match ? match[1].split('/').pop() : files.find((f) => fallback.test(f));
        if (!name || !existsSync(join(dir, name))) fail(`cannot find the ${what} of ${dir}/index.html`);
        return name;
    };
    return {
        css: pick(/<link rel="stylesheet" href="([^"]+\.css)"/, /^briefing-[0-9a-f]+\.css$/, 'stylesheet'),
        js: pick(/(?:<link rel="modulepreload" href="|const glueUrl = ')([^"']+\.js)/, /^briefing-[0-9a-f]+\.js$/, 'JS glue'),
        wasm: pick(/(?:<link rel="preload" href="|const wasmUrl = ')([^"']+\.wasm)/, /^briefing-[0-9a-f]+_bg\.wasm$/, 'wasm'),
        // A build whose page preloads the viewer (older ones) needs it for the first view;
        // one that starts it with static/briefing-start.js loads it after.
        viewerInFirstView: /<link rel="(?:modulepreload|preload)"/.test(index),
    };
}

function weightSplit(assets, dir = DIST) {
    const later = assets.viewerInFirstView ? 'first view' : 'when a reader acts';
    const rows = [
        ['HTML', 'index.html', 'first view'],
        ['CSS', assets.css, 'first view'],
        ['JS', assets.js, later],
        ['wasm', assets.wasm, later],
    ].map(([kind, name, when]) => {
        const raw = readFileSync(join(dir, name));
        return { kind, name, when, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
    });
    const total = { raw: 0, gzip: 0 };
    const viewer = { raw: 0, gzip: 0 };
    for (const row of rows) {
        viewer.raw += row.raw;
        viewer.gzip += row.gzip;
        if (row.when === 'first view') {
            total.raw += row.raw;
            total.gzip += row.gzip;
        }
    }
    const timeline = join(TESTS, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
    let reference = { raw: NaN, gzip: TIMELINEJS_GZIP_FALLBACK, measured: false };
    const parts = [join(timeline, 'js', 'timeline.js'), join(timeline, 'css', 'timeline.css')];
    if (parts.every(existsSync)) {
        reference = { raw: 0, gzip: 0, measured: true };
        for (const part of parts) {
            const raw = readFileSync(part);
            reference.raw += raw.length;
            reference.gzip += gzipSync(raw, { level: 9 }).length;
        }
    }
    return { rows, total, viewer, reference };
}

// ---------------------------------------------------------------- browser sessions

async function openSession(browser, probe, { cpu = CPU_SLOWDOWN } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    if (probe) await context.addInitScript(interactiveProbe, probe);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error?.message ?? error)));
    page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
    });
    const cdp = await context.newCDPSession(page);
    const net = { bytes: 0, requests: 0, failed: [], inflight: new Set(), waiters: [] };
    const settle = () => {
        if (net.inflight.size === 0) net.waiters.splice(0).forEach((done) => done());
    };
    cdp.on('Network.requestWillBeSent', (event) => {
        if (!event.request.url.startsWith('data:')) net.inflight.add(event.requestId);
    });
    cdp.on('Network.loadingFinished', (event) => {
        if (!net.inflight.delete(event.requestId)) return;
        net.bytes += event.encodedDataLength;
        net.requests += 1;
        settle();
    });
    cdp.on('Network.loadingFailed', (event) => {
        if (!net.inflight.delete(event.requestId)) return;
        net.failed.push(event.errorText);
        settle();
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const idle = () =>
        withTimeout(
            new Promise((done) => {
                net.waiters.push(done);
                settle();
            }),
            60_000,
            'the network to go quiet',
        );
    return { context, page, net, errors, idle, close: () => context.close() };
}

const describeErrors = (errors) => (errors.length ? ` (page errors: ${errors.slice(0, 3).join(' | ')})` : '');

async function waitInteractive(session, timeoutMs) {
    const result = await withTimeout(
        session.page.evaluate(() => window.__benchInteractive),
        timeoutMs,
        `the toggle to respond${describeErrors(session.errors)}`,
    );
    if (result.error) throw new Error(`the viewer shows .opening-error: ${result.error}`);
    return result;
}

async function interaction(session, kind, selector) {
    const result = await session.page.evaluate(timeInteraction, { kind, selector, timeoutMs: 30_000 });
    if (result.error) throw new Error(`${kind} interaction: ${result.error}${describeErrors(session.errors)}`);
    return result.ms;
}

async function viewerRun(browser, url) {
    const session = await openSession(browser, { selector: '#toggle-the-backdrop' });
    try {
        await session.page.goto(url, { waitUntil: 'load', timeout: 120_000 });
        const ready = await waitInteractive(session, 120_000);
        const fcp = await withTimeout(session.page.evaluate(firstContentfulPaint), 60_000, 'first contentful paint');
        await session.idle();
        await session.page.evaluate(settled, 60_000);
        const result = { fcp, interactive: ready.t, clicks: ready.clicks, bytes: session.net.bytes, requests: session.net.requests };
        result.section = await interaction(session, 'section', '#toggle-bilateral-cooperation');
        result.entity = await interaction(session, 'entity', '.entity-button[data-entity-id="nikolay-patrushev"]');
        result.event = await interaction(session, 'event', '.event-button[data-event-id="moscow-meeting"]');
        result.errors = session.errors.slice();
        return result;
    } finally {
        await session.close();
    }
}

async function plainRun(browser, url) {
    const session = await openSession(browser, null);
    try {
        await session.page.goto(url, { waitUntil: 'load', timeout: 120_000 });
        const fcp = await withTimeout(session.page.evaluate(firstContentfulPaint), 60_000, 'first contentful paint');
        await session.idle();
        await session.page.evaluate(settled, 60_000);
        return { fcp, bytes: session.net.bytes, requests: session.net.requests };
    } finally {
        await session.close();
    }
}

async function scaleRun(browser, url, factor) {
    const session = await openSession(browser, { selector: '#toggle-lead', titleMarker: `(scale ${factor}x)` });
    try {
        await session.page.goto(url, { waitUntil: 'load', timeout: 120_000 });
        const ready = await waitInteractive(session, 240_000);
        await session.idle();
        // A long article is still being added in steps: time interactions at rest.
        const building = await session.page.evaluate(settled, 60_000);
        const result = { interactive: ready.t, building, bytes: session.net.bytes };
        result.section = await interaction(session, 'section', '#toggle-lead');
        result.entity = await interaction(session, 'entity', '.entity-button[data-entity-id="nikolay-patrushev"]');
        result.event = await interaction(session, 'event', '.event-button[data-event-id="moscow-meeting"]');
        return result;
    } finally {
        await session.close();
    }
}

/**
 * Opens one adversarial article at 1x CPU and reads the longest main-thread block from
 * navigation until the article shows (or is refused) and no long task has come for 1.5 s.
 */
async function adversarialRun(browser, url, file) {
    const session = await openSession(browser, null, { cpu: 1 });
    try {
        await session.page.addInitScript(blockProbe);
        await session.page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
        const seen = await withTimeout(
            session.page.evaluate(awaitOutcome, { title: `Adversarial article: ${file.name}`, timeoutMs: ADVERSARIAL_TIMEOUT_MS }),
            ADVERSARIAL_TIMEOUT_MS + 60_000,
            `${file.file} to show or be refused`,
        );
        let blocks = await session.page.evaluate(() => ({ ...window.__benchBlocks }));
        for (let quiet = Date.now(), waited = Date.now(); Date.now() - quiet < 1_500 && Date.now() - waited < 60_000; ) {
            await new Promise((done) => setTimeout(done, 250));
            const now = await session.page.evaluate(() => ({ ...window.__benchBlocks }));
            if (now.count !== blocks.count) quiet = Date.now();
            blocks = now;
        }
        return { ...seen, ...blocks, errors: session.errors.slice() };
    } finally {
        await session.close();
    }
}

// ---------------------------------------------------------------- Lighthouse

async function lighthouse(url) {
    const cli = join(LIGHTHOUSE_DIR, 'node_modules', 'lighthouse', 'cli', 'index.js');
    const pkg = join(LIGHTHOUSE_DIR, 'node_modules', 'lighthouse', 'package.json');
    const installed = existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version === LIGHTHOUSE_VERSION;
    if (!installed) {
        progress(`installing lighthouse@${LIGHTHOUSE_VERSION} into target/bench-tools`);
        const result = await run('npm', ['install', '--prefix', LIGHTHOUSE_DIR, '--no-audit', '--no-fund', `lighthouse@${LIGHTHOUSE_VERSION}`], {
            timeoutMs: 10 * 60_000,
        });
        if (result.code !== 0 || !existsSync(cli)) {
            return { error: `npm install lighthouse@${LIGHTHOUSE_VERSION} failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-5).join(' / ')}` };
        }
    }
    progress('running Lighthouse');
    const result = await run(
        process.execPath,
        [
            cli,
            url,
            `--chrome-path=${CHROMIUM}`,
            `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
            '--output=json',
            '--output-path=stdout',
            '--quiet',
            '--only-categories=performance,accessibility,best-practices,seo',
        ],
        { timeoutMs: 5 * 60_000 },
    );
    if (result.timedOut) return { error: 'Lighthouse took longer than 5 minutes and was stopped' };
    let report;
    try {
        report = JSON.parse(result.stdout);
    } catch {
        const why = (result.stderr || result.stdout).trim().split('\n').slice(-5).join(' / ');
        return { error: `Lighthouse exited ${result.code} without a report: ${why || 'no output'}` };
    }
    if (report.runtimeError) return { error: `Lighthouse: ${report.runtimeError.code}: ${report.runtimeError.message}` };
    const scores = {};
    for (const key of ['performance', 'accessibility', 'best-practices', 'seo']) {
        const score = report.categories?.[key]?.score;
        scores[key] = typeof score === 'number' ? Math.round(score * 100) : null;
    }
    const audits = report.audits ?? {};
    // What cost points: weighted audits of each category that did not pass.
    const lost = {};
    for (const key of Object.keys(scores)) {
        lost[key] = (report.categories?.[key]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && typeof audits[ref.id]?.score === 'number' && audits[ref.id].score < 1)
            .map((ref) => `${ref.id} (${Math.round(audits[ref.id].score * 100)})`);
    }
    return {
        lost,
        scores,
        version: report.lighthouseVersion,
        metrics: {
            'First Contentful Paint': audits['first-contentful-paint']?.displayValue,
            'Largest Contentful Paint': audits['largest-contentful-paint']?.displayValue,
            'Total Blocking Time': audits['total-blocking-time']?.displayValue,
            'Cumulative Layout Shift': audits['cumulative-layout-shift']?.displayValue,
            'Speed Index': audits['speed-index']?.displayValue,
        },
        warnings: report.runWarnings ?? [],
    };
}

// ---------------------------------------------------------------- main

async function main() {
    const options = parseOptions(process.argv.slice(2));
    const started = Date.now();
    if (options.build) await build();
    if (!existsSync(join(DIST_BUILT, 'index.html')) || !existsSync(join(DIST_BUILT, ARTICLE_FILE))) {
        fail('dist/ has no release build; run without --no-build');
    }
    // Serve a snapshot of dist/: a rebuild during the run (which renames the hashed files)
    // must not pull files from under the server.
    const tempDir = await mkdtemp(join(tmpdir(), 'briefing-bench-'));
    try {
        DIST = join(tempDir, 'site');
        await cp(DIST_BUILT, DIST, { recursive: true, filter: (source) => !source.startsWith(join(DIST_BUILT, '.stage')) });
        if (options.baseline) {
            const from = options.baseline;
            options.baseline = join(tempDir, 'baseline');
            await cp(from, options.baseline, { recursive: true, filter: (source) => !source.includes('.stage') });
        }
        await prepareAndMeasure(options, tempDir, started);
    } finally {
        await rm(tempDir, { recursive: true, force: true });
    }
}

async function prepareAndMeasure(options, tempDir, started) {
    const assets = distAssets();
    const article = JSON.parse(readFileSync(join(DIST, ARTICLE_FILE), 'utf8'));
    const benchDir = join(tempDir, 'bench');
    await mkdir(benchDir);
    await writeFile(join(benchDir, 'plain.html'), plainHtml(article, `/${assets.css}`));
    const scaleFiles = [];
    if (options.scale) {
        for (const factor of SCALES) {
            const scaled = scaledArticle(article, factor);
            const problems = checkScaled(scaled);
            if (problems.length) fail(`the ${factor}x article is not valid: ${problems.slice(0, 5).join('; ')}`);
            const text = JSON.stringify(scaled, null, 2);
            await writeFile(join(benchDir, `scale-${factor}x.json`), text);
            scaleFiles.push({
                factor,
                bytes: Buffer.byteLength(text),
                gzip: gzipSync(text).length,
                sections: scaled.sections.length,
                entities: scaled.entities.length,
                events: scaled.events.length,
            });
        }
    }

    let adversarialFiles = [];
    if (options.adversarial) {
        progress('writing the adversarial articles (cargo test --test adversarial -- --ignored write_articles)');
        const dir = join(benchDir, 'adversarial');
        await mkdir(dir);
        adversarialFiles = await writeAdversarialArticles(ROOT, dir, run);
    }

    // The baseline's synthetic articles are made from its own built-in article, in the
    // format it reads (an older build refuses fields added since).
    let baselineBenchDir = benchDir;
    if (options.baseline && options.scale) {
        baselineBenchDir = join(tempDir, 'bench-baseline');
        await cp(benchDir, baselineBenchDir, { recursive: true });
        const baseArticle = JSON.parse(readFileSync(join(options.baseline, ARTICLE_FILE), 'utf8'));
        for (const factor of SCALES) {
            await writeFile(join(baselineBenchDir, `scale-${factor}x.json`), JSON.stringify(scaledArticle(baseArticle, factor), null, 2));
        }
    }
    // Gzipped and cacheable for 10 minutes, as GitHub Pages serves a site; the benchmark's
    // own files (plain page, synthetic articles) at /bench/.
    const serve = (dir, bench) => startStaticServer(dir, { mounts: { '/bench/': bench }, gzip: true, cacheControl: 'max-age=600' });
    const server = await serve(DIST, benchDir);
    // The baseline on a server of its own, so each build fetches its articles from its own origin.
    const baselineServer = options.baseline ? await serve(options.baseline, baselineBenchDir) : null;
    try {
        await measure(options, { assets, server, baselineServer, scaleFiles, adversarialFiles, started });
    } finally {
        await server.close();
        await baselineServer?.close();
    }
}

async function measure(options, { assets, server, baselineServer, scaleFiles, adversarialFiles, started }) {
    const viewerUrl = `${server.origin}/`;
    const plainUrl = `${server.origin}/bench/plain.html`;
    // The builds measured: this one, and the baseline when one is given.
    const builds = [{ name: 'viewer', origin: server.origin, dir: DIST }];
    if (baselineServer) builds.push({ name: 'baseline', origin: baselineServer.origin, dir: options.baseline });
    let browser;
    const problems = [];
    try {
        browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
        const version = browser.version();
        console.log(`Briefing benchmark · Chromium ${version} headless · CPU ${CPU_SLOWDOWN}x slower · cache off · gzip over loopback`);
        console.log(`viewer ${viewerUrl} · plain ${plainUrl}${baselineServer ? ` · baseline ${options.baseline} at ${baselineServer.origin}/` : ''}`);
        console.log(`${describeCommit()} · ${describeLoad()}`);

        // ---- each build against the plain page, alternating
        const runs = new Map(builds.map((b) => [b.name, []]));
        const plain = [];
        // One unmeasured load of each first, so that none pays for the browser warming up.
        progress('warm-up: one load of each page (not counted)');
        for (const b of builds) await viewerRun(browser, `${b.origin}/`).catch((error) => problems.push(`warm-up ${b.name}: ${error.message}`));
        await plainRun(browser, plainUrl).catch((error) => problems.push(`warm-up plain: ${error.message}`));
        for (let i = 1; i <= options.runs; i += 1) {
            for (const b of builds) {
                progress(`run ${i}/${options.runs}: ${b.name}`);
                try {
                    runs.get(b.name).push(await viewerRun(browser, `${b.origin}/`));
                } catch (error) {
                    problems.push(`${b.name} run ${i}: ${error.message}`);
                }
            }
            progress(`run ${i}/${options.runs}: plain`);
            try {
                plain.push(await plainRun(browser, plainUrl));
            } catch (error) {
                problems.push(`plain run ${i}: ${error.message}`);
            }
        }

        const metrics = [
            ['first contentful paint (ms)', 'fcp', fmtMs],
            ['answers a toggle (ms from navigation)', 'interactive', fmtMs],
            ['bytes transferred (kB)', 'bytes', fmtKB],
            ['open a section (ms)', 'section', fmtMs],
            ['choose an entity (ms)', 'entity', fmtMs],
            ['choose an event (ms)', 'event', fmtMs],
        ];
        const statsOf = (name) => Object.fromEntries(metrics.map(([, key]) => [key, stats(runs.get(name).map((r) => r[key]))]));
        const s = statsOf('viewer');
        const base = baselineServer ? statsOf('baseline') : null;
        const plainStats = { fcp: stats(plain.map((r) => r.fcp)), bytes: stats(plain.map((r) => r.bytes)) };
        const span = (st, fmt) => `${fmt(st.median)} [${fmt(st.min)}-${fmt(st.max)}]`;
        console.log(`\n== Viewer${base ? ', baseline' : ''} and plain page (${options.runs} alternating runs each after one uncounted warm-up of each, fresh context per run; medians [min-max])`);
        console.log(
            table(
                ['metric', 'viewer', ...(base ? ['baseline', 'viewer/baseline'] : []), 'plain page', 'n'],
                metrics.map(([label, key, fmt]) => [
                    label,
                    span(s[key], fmt),
                    ...(base ? [span(base[key], fmt), fmtRatio(s[key].median / base[key].median)] : []),
                    plainStats[key] ? span(plainStats[key], fmt) : '',
                    s[key].n,
                ]),
            ),
        );
        const fcpRatio = s.fcp.median / plainStats.fcp.median;
        console.log(`ratio viewer/plain, first contentful paint (medians): ${fmtRatio(fcpRatio)}`);
        console.log(`ratio viewer/plain, bytes transferred (medians):      ${fmtRatio(s.bytes.median / plainStats.bytes.median)}`);
        const first = runs.get('viewer')[0];
        if (first) console.log(`requests: viewer ${first.requests}, plain ${plain[0]?.requests ?? 'n/a'} (kB = 1000 bytes, including HTTP headers)`);
        const clicks = stats(runs.get('viewer').map((r) => r.clicks));
        if (clicks.n) console.log(`toggle clicks before one answered: median ${clicks.median}, max ${clicks.max}`);
        const pageErrors = [...new Set(runs.get('viewer').flatMap((r) => r.errors ?? []))];
        if (pageErrors.length) console.log(`page errors seen in the viewer: ${pageErrors.slice(0, 5).join(' | ')}`);

        // ---- weight
        const weight = weightSplit(assets);
        const baseWeight = base ? weightSplit(distAssets(options.baseline), options.baseline) : null;
        console.log('\n== Weight (dist files, gzip -9): what the first view loads, and what follows it');
        console.log(
            table(
                ['part', 'file', 'loaded', 'bytes', 'gzipped', ...(baseWeight ? ['baseline gzipped', 'baseline loaded'] : [])],
                [
                    ...weight.rows.map((r, i) => [
                        r.kind,
                        r.name,
                        r.when,
                        fmtInt(r.raw),
                        fmtInt(r.gzip),
                        ...(baseWeight ? [fmtInt(baseWeight.rows[i].gzip), baseWeight.rows[i].when] : []),
                    ]),
                    ['first view', '', '', fmtInt(weight.total.raw), fmtInt(weight.total.gzip), ...(baseWeight ? [fmtInt(baseWeight.total.gzip), ''] : [])],
                    ['whole viewer', '', '', fmtInt(weight.viewer.raw), fmtInt(weight.viewer.gzip), ...(baseWeight ? [fmtInt(baseWeight.viewer.gzip), ''] : [])],
                    [
                        'TimelineJS',
                        weight.reference.measured ? 'timeline.js + timeline.css' : '(README figure)',
                        '',
                        fmtInt(weight.reference.raw),
                        fmtInt(weight.reference.gzip),
                        ...(baseWeight ? ['', ''] : []),
                    ],
                ],
                ['l', 'l', 'l', 'r', 'r', 'r', 'l'],
            ),
        );
        const offline = (dir) => {
            const file = join(dir, 'briefing.html');
            return existsSync(file) ? readFileSync(file).length : NaN;
        };
        console.log(`one-file viewer (briefing.html): ${fmtInt(offline(DIST))} bytes${base ? `; baseline ${fmtInt(offline(options.baseline))} bytes` : ''}`);
        // The modules a reader never loads: the tools (on the first conversion or download)
        // and the editor (on the first "Edit"), each its glue and its wasm.
        const module = (dir, name) => {
            const files = [`${name}.js`, `${name}_bg.wasm`].map((f) => join(dir, f));
            if (!files.every(existsSync)) return 'none';
            const bytes = files.map((f) => readFileSync(f));
            const raw = bytes.reduce((sum, b) => sum + b.length, 0);
            const gzip = bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
            return `${fmtInt(raw)} bytes, ${fmtInt(gzip)} gzipped`;
        };
        for (const [label, name] of [['tools module', 'briefing-tools'], ['editor module', 'briefing-editor']]) {
            console.log(`${label} (on first use): ${module(DIST, name)}${base ? `; baseline ${module(options.baseline, name)}` : ''}`);
        }

        // ---- scale
        let scaleStats = null;
        if (options.scale) {
            const byBuild = new Map(builds.map((b) => [b.name, new Map(SCALES.map((f) => [f, []]))]));
            for (let round = 1; round <= SCALE_RUNS; round += 1) {
                for (const factor of SCALES) {
                    for (const b of builds) {
                        progress(`scale ${factor}x, ${b.name}, run ${round}/${SCALE_RUNS}`);
                        const articleUrl = `${b.origin}/bench/scale-${factor}x.json`;
                        try {
                            byBuild.get(b.name).get(factor).push(await scaleRun(browser, `${b.origin}/?article=${articleUrl}`, factor));
                        } catch (error) {
                            problems.push(`scale ${factor}x ${b.name} run ${round}: ${error.message}`);
                        }
                    }
                }
            }
            const keys = ['interactive', 'building', 'section', 'entity', 'event'];
            const statsFor = (name) =>
                new Map(SCALES.map((f) => [f, Object.fromEntries(keys.map((k) => [k, stats(byBuild.get(name).get(f).map((r) => r[k]))]))]));
            scaleStats = statsFor('viewer');
            const baseScale = base ? statsFor('baseline') : null;
            const range = (st) => `${fmtMs(st.median)} [${fmtMs(st.min)}-${fmtMs(st.max)}]`;
            console.log(`\n== Scale (?article=/bench/scale-Nx.json, CPU ${CPU_SLOWDOWN}x, ${SCALE_RUNS} runs each, medians [min-max])`);
            console.log(scaleFiles.map((f) => `${f.factor}x: ${fmtInt(f.bytes)} bytes (${fmtInt(f.gzip)} gzipped), ${f.sections}/${f.entities}/${f.events} sections/entities/events`).join('\n'));
            const rows = [];
            for (const file of scaleFiles) {
                for (const [name, st] of [['viewer', scaleStats], ...(baseScale ? [['baseline', baseScale]] : [])]) {
                    const at = st.get(file.factor);
                    rows.push([`${file.factor}x ${name}`, ...keys.map((k) => range(at[k])), at.interactive.n]);
                }
            }
            console.log(table(['article', 'load to toggle answer (ms)', 'then built up in (ms)', 'open a section (ms)', 'choose an entity (ms)', 'choose an event (ms)', 'n'], rows));
            const growth = (a, b, key) => scaleStats.get(b)[key].median / scaleStats.get(a)[key].median;
            console.log(
                `growth (viewer medians, 10x the data each step; 10.0x would be linear):\n` +
                    `  load to toggle answer: 10x/1x ${fmtRatio(growth(1, 10, 'interactive'))}, 100x/10x ${fmtRatio(growth(10, 100, 'interactive'))}\n` +
                    `  choose an entity:      10x/1x ${fmtRatio(growth(1, 10, 'entity'))}, 100x/10x ${fmtRatio(growth(10, 100, 'entity'))}`,
            );
        }

        // ---- budgets
        const interactionLine = (what, st, limit, where) => [
            `${what} < ${limit} ms ${where} (median; slowest run)`,
            `${fmtMs(st.median)} ms; ${fmtMs(st.max)} ms`,
            holds(st.median < limit) + (st.median < limit && !(st.max < limit) ? ' (not in every run)' : ''),
        ];
        const large = scaleStats?.get(100);
        console.log('\n== Budget lines');
        console.log(
            table(
                ['budget', 'measured', 'verdict'],
                [
                    [`FCP viewer/plain <= ${budgets.fcpRatio}`, fmtRatio(fcpRatio), holds(fcpRatio <= budgets.fcpRatio)],
                    ...[
                        ['open a section', s.section],
                        ['choose an entity', s.entity],
                        ['choose an event', s.event],
                    ].map(([what, st]) => interactionLine(what, st, budgets.interactionMs, 'at 1x')),
                    ...(large
                        ? [
                              ...[
                                  ['open a section', large.section],
                                  ['choose an entity', large.entity],
                                  ['choose an event', large.event],
                              ].map(([what, st]) => interactionLine(what, st, budgets.scaleInteractionMs, 'at 100x')),
                              [
                                  `100x article answers its first toggle < ${fmtInt(budgets.scaleToggleMs)} ms (median)`,
                                  `${fmtMs(large.interactive.median)} ms`,
                                  holds(large.interactive.median < budgets.scaleToggleMs),
                              ],
                          ]
                        : []),
                    [`first view < ${fmtKB(budgets.weightBytes)} kB gzipped`, `${fmtKB(weight.total.gzip)} kB`, holds(weight.total.gzip < budgets.weightBytes)],
                ],
                ['l', 'r', 'l'],
            ),
        );

        // ---- adversarial articles
        if (options.adversarial) {
            const rows = [];
            for (const file of adversarialFiles) {
                progress(`adversarial ${file.file} (${fmtInt(file.bytes)} bytes)`);
                const articleUrl = `${server.origin}/bench/adversarial/${file.file}`;
                try {
                    rows.push({ file, ...(await adversarialRun(browser, `${viewerUrl}?article=${articleUrl}`, file)) });
                } catch (error) {
                    problems.push(`adversarial ${file.file}: ${error.message}`);
                    rows.push({ file, outcome: 'failed', longest: NaN });
                }
            }
            console.log(`\n== Adversarial articles (?article=/bench/adversarial/*.json, CPU 1x, one run each; tests/adversarial.rs)`);
            console.log(
                table(
                    ['article', 'bytes', 'expected', 'outcome', 'longest task (ms)', 'long tasks', 'long tasks total (ms)', 'longest frame blocking (ms)', 'shown or refused at (ms)'],
                    rows.map((r) => [
                        r.file.name,
                        fmtInt(r.file.bytes),
                        r.file.valid ? 'shown' : 'refused',
                        r.outcome + (r.outcome !== (r.file.valid ? 'shown' : 'refused') ? ' (!)' : ''),
                        fmtMs(r.longest),
                        r.count ?? 'n/a',
                        fmtMs(r.total),
                        fmtMs(r.frameBlocking),
                        fmtMs(r.t),
                    ]),
                    ['l', 'r', 'l', 'l', 'r', 'r', 'r', 'r', 'r'],
                ),
            );
            const worst = rows.filter((r) => Number.isFinite(r.longest)).sort((a, b) => b.longest - a.longest)[0];
            if (worst) {
                console.log(
                    `worst main-thread block: ${fmtMs(worst.longest)} ms (${worst.file.valid ? 'valid' : 'invalid'} ${worst.file.name}); ` +
                        `aim: under 1,000 ms · ${holds(worst.longest < 1_000)}`,
                );
            }
            for (const r of rows) {
                if (r.outcome !== 'failed' && r.outcome !== (r.file.valid ? 'shown' : 'refused')) {
                    problems.push(`adversarial ${r.file.name}: expected ${r.file.valid ? 'shown' : 'refused'}, got ${r.outcome}${r.message ? `: ${r.message}` : ''}`);
                }
            }
        }
    } finally {
        await browser?.close();
    }

    // ---- Lighthouse (its own Chromium, after ours has closed)
    if (options.lighthouse) {
        console.log(`\n== Lighthouse ${LIGHTHOUSE_VERSION} (${viewerUrl}, default mobile settings, simulated throttling)`);
        let result;
        try {
            result = await lighthouse(viewerUrl);
        } catch (error) {
            result = { error: String(error?.message ?? error) };
        }
        if (result.error) {
            console.log(`Lighthouse did not run: ${result.error}`);
        } else {
            console.log(
                table(
                    ['category', 'score'],
                    Object.entries(result.scores).map(([k, v]) => [k, v ?? 'n/a']),
                ),
            );
            const metrics = Object.entries(result.metrics).filter(([, v]) => v);
            if (metrics.length) console.log(metrics.map(([k, v]) => `${k}: ${v}`).join(' · '));
            for (const [key, ids] of Object.entries(result.lost)) {
                if (ids.length) console.log(`${key} lost points on: ${ids.join(', ')}`);
            }
            for (const warning of result.warnings) console.log(`Lighthouse warning: ${warning}`);
        }
    }

    if (problems.length) {
        console.log('\n== Problems');
        for (const problem of problems) console.log(`- ${problem}`);
    }
    console.log(`\nat the end: ${describeLoad()} · total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (problems.length) process.exitCode = 1;
}

main().catch((error) => {
    console.error(`bench: ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
    process.exitCode = 1;
});
