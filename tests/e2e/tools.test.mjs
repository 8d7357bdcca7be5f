// The tools module: the converter and the exports live in a second WebAssembly module,
// run in a Web Worker that loads the first time a tool is used. A reader who only reads
// never downloads it; a failure to load it ends in a message, with the article kept.

import { copyFile, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    expect,
    makeTempDir,
    openDownloads,
    requireDist,
    test,
} from './support.mjs';

const BUILTIN_TITLE = 'Strong future: NSA meets Russian counterpart in Moscow';
const seedText = await readFile(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8');
let suite;
test.beforeEach(({ suite: current }) => {
    suite = current;
});
/** What the running test leaves to remove after it. */
let cleanUps = [];
test.afterEach(async () => {
    await Promise.all(cleanUps.map((cleanUp) => cleanUp()));
    cleanUps = [];
});

const openRecording = (options = {}) => suite.open(undefined, options);

/** Records the path of every request made in `context`. */
function recordRequests(context) {
    const requested = [];
    context.on('request', (request) => requested.push(new URL(request.url()).pathname));
    return requested;
}

async function chooseFile(page, name, text) {
    const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Open article…' }).click(),
    ]);
    await chooser.setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

/** The title and the ids of the entities and events a page shows. */
const shownArticle = async (page) => ({
    title: await page.locator('main#article h1').textContent(),
    entities: await page.locator('.entity-button').evaluateAll((buttons) => buttons.map((b) => b.dataset.entityId)),
    events: await page.locator('.event-button').evaluateAll((buttons) => buttons.map((b) => b.dataset.eventId)),
});

const toolsRequests = (requested) => requested.filter((path) => path.includes('briefing-tools'));

test('reading loads no tools; the first conversion loads them once, and downloads reuse them', async () => {
    let requested;
    const { page } = await openRecording({ prepare: (context) => void (requested = recordRequests(context)) });
    // The page is interactive: a section toggle answers.
    const toggle = page.locator('.section-toggle').first();
    await toggle.click();
    await expect(page.locator('.section-toggle').first()).toHaveAttribute('aria-expanded', 'false');
    await page.locator('.entity-button').first().click();
    await expect(page.locator('mark.mention.marked').first()).toBeVisible();
    expect(toolsRequests(requested), 'nothing of the tools module is fetched for reading').toStrictEqual([]);

    await chooseFile(page, 'seed.txt', seedText);
    await expect(page.locator('.opening-notes li', { hasText: 'Converted from plain text' })).toBeVisible();
    expect(toolsRequests(requested).sort()).toStrictEqual(['/briefing-tools-loader.js', '/briefing-tools.js', '/briefing-tools_bg.wasm']);

    await openDownloads(page);
    const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Entities CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('seed-entities.csv');
    expect(toolsRequests(requested).length, 'the module is loaded once').toBe(3);
});

test('a converted article saves as Briefing JSON that opens again the same', async () => {
    const { page } = await openRecording();
    await chooseFile(page, 'seed.txt', seedText);
    await expect(page.locator('.opening-notes li', { hasText: 'Converted from plain text' })).toBeVisible();
    const converted = await shownArticle(page);
    expect(converted.entities.length > 5, JSON.stringify(converted)).toBeTruthy();
    await openDownloads(page);
    const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Briefing JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('seed.json');
    const saved = await readFile(await download.path(), 'utf8');

    // Open the saved file in a fresh viewer: the same article, with nothing converted.
    const again = await openRecording();
    const [chooser] = await Promise.all([
        again.page.waitForEvent('filechooser'),
        again.page.getByRole('button', { name: 'Open article…' }).click(),
    ]);
    await chooser.setFiles({ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
    // The built-in article has the same title: wait for the saved one's entities.
    await expect.poll(() => shownArticle(again.page), { message: 'the saved article is shown' }).toStrictEqual(converted);
    await expect(again.page.locator('.opening-notes li'), 'a saved article is not converted again').toHaveCount(0);
});

test('a real news page converts with its stated publication date and dated events', async () => {
    const text = await readFile(new URL('../fixtures/eval/voa-austin-cancer.txt', import.meta.url), 'utf8');
    const { page } = await openRecording();
    await chooseFile(page, 'voa-austin-cancer.txt', text);
    await expect(page.locator('.opening-notes li', { hasText: 'Converted from plain text' })).toBeVisible();
    const published = await page.locator('.published summary').textContent();
    expect(published, published).toMatch(/9 January 2024.*\(stated in the article\)/);
    const events = await page.locator('ol.timeline-list .event-button').allTextContents();
    expect(events.length >= 2, `dated events: ${events.join(' | ')}`).toBeTruthy();
    expect(events.every((e) => /suggested/.test(e)), 'every converted event is marked suggested').toBeTruthy();
    expect(await page.locator('.entity-button').count() >= 3).toBeTruthy();
});

test('a download says it is being prepared while the tools load', async () => {
    const { page } = await openRecording({
        // Hold the tools' wasm until the test has seen the status.
        prepare: (context) =>
            context.route('**/briefing-tools_bg.wasm', async (route) => {
                await expect(page.locator('.opening-status', { hasText: 'Preparing the download…' })).toBeVisible();
                await route.continue();
            }),
    });
    await openDownloads(page);
    const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Events CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('nsa-moscow-2021-12-01-events.csv');
    await expect(page.locator('.opening-status p')).not.toBeAttached();
});

for (const [what, blocked] of [
    ['its loader', '**/briefing-tools*'],
    ['its WebAssembly', '**/briefing-tools_bg.wasm'],
]) {
    test(`when the tools cannot load (${what}), converting says so and the article on screen stays`, async () => {
        const { page } = await openRecording({
            prepare: (context) => context.route(blocked, (route) => route.abort()),
        });
        await chooseFile(page, 'seed.txt', seedText);
        const alert = page.locator('.opening-error[role="alert"]');
        await expect(alert).toBeVisible();
        const message = await alert.textContent();
        expect(message).toMatch(/^Could not open seed\.txt\. The tools could not be loaded/);
        expect(message).toMatch(/The article on screen is unchanged\.$/);
        expect(await page.locator('main#article h1').textContent()).toBe(BUILTIN_TITLE);

        await openDownloads(page);
        const [download] = await Promise.all([
            page.waitForEvent('download', { timeout: 1_000 }).catch(() => null),
            page.getByRole('button', { name: 'JSON-LD' }).click(),
        ]);
        expect(download, 'nothing is downloaded').toBe(null);
        await expect(page.locator('.opening-error', { hasText: 'Could not prepare the download.' })).toBeVisible();
    });
}

test('the one-file viewer carries the tools: it converts and exports from disk, offline', async () => {
    const temp = await makeTempDir();
    cleanUps.push(temp.remove);
    const file = join(temp.dir, 'briefing.html');
    await copyFile(resolve(requireDist(), 'briefing.html'), file);
    const network = [];
    const viewer = await suite.open(pathToFileURL(file).href, {
        prepare: (context) =>
            context.route(/^https?:/, (route) => {
                network.push(route.request().url());
                return route.abort();
            }),
    });
    const { page } = viewer;
    await chooseFile(page, 'seed.txt', seedText);
    await expect(page.locator('.opening-notes li', { hasText: 'Converted from plain text' })).toBeVisible();
    await openDownloads(page);
    const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Events CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('seed-events.csv');
    expect(network, 'nothing was asked of the network').toStrictEqual([]);
    expect(viewer.pageErrors, 'page errors').toStrictEqual([]);
    expect(viewer.consoleErrors, 'console errors').toStrictEqual([]);
});
