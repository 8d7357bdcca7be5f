// End-to-end tests of the reader and analyst tools of Briefing: search, deep links and
// copy-link buttons, entity cards, reading settings, print layout, downloads, and their
// accessibility. Headless Chromium against the release build in dist/, loopback only.
// Every wait is for a condition, never for time.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import {
    assertNoAxeViolations,
    hiddenParagraphIds,
    nextFrame,
    openDownloads,
    pollUntil,
    requireDist,
    viewerSuite,
    waitForAttribute,
    waitForCount,
    waitForFocus,
    waitForText,
    waitForValue,
    waitInViewport,
    waitUntil,
} from './support.mjs';

const ARTICLE_ID = 'nsa-moscow-2021-12-01';
const SECTIONS = [
    { id: 'lead', heading: 'Introduction' },
    { id: 'bilateral-cooperation', heading: 'Bilateral Cooperation' },
    { id: 'concern-over-afghanistan', heading: 'Concern over Afghanistan' },
    { id: 'the-backdrop', heading: 'The Backdrop' },
];
const PATRUSHEV_EVENTS = ['dushanbe-sco-meeting', 'moscow-meeting', 'tass-report'];
const THEMES = ['light', 'dark', 'sepia', 'contrast'];
/** axe-core options that add its target-size rule (WCAG 2.5.8, off by default; Lighthouse runs it). */
const WITH_TARGET_SIZE = { rules: { 'target-size': { enabled: true } } };

const article = JSON.parse(await readFile(resolve(requireDist(), 'articles', `${ARTICLE_ID}.json`), 'utf8'));
const suite = viewerSuite();

/** Opens the viewer at `query` (`''` or `?…`), with clipboard access for its origin. */
async function open(query = '', options = {}) {
    return suite.open(`${suite.server.url}${query}`, {
        ...options,
        prepare: async (context) => {
            await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.origin });
            await options.prepare?.(context);
        },
    });
}

/** A test that also fails on any console error or page error of the viewers it opened. */
function readerTest(name, body) {
    test(name, async () => {
        await body();
        const errors = suite.opened.flatMap((v) => [
            ...v.consoleErrors.map((e) => `console: ${e}`),
            ...v.pageErrors.map((e) => `page: ${e}`),
        ]);
        assert.deepEqual(errors, [], 'no console errors or page errors');
    });
}

const at = (query = '') => `${suite.server.url}${query}`;

// ---- article facts --------------------------------------------------------------------

/** The text of the paragraphs of a section (what search must find at the least). */
const sectionText = (section) => section.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text).join(' ');
const countIn = (text, word) => text.toLowerCase().split(word.toLowerCase()).length - 1;
const paragraphHits = (word) => article.sections.reduce((n, s) => n + countIn(sectionText(s), word), 0);
const sectionsWith = (word) => article.sections.filter((s) => countIn(sectionText(s), word) > 0).map((s) => s.id);
const entity = (id) => article.entities.find((e) => e.id === id);
const eventLabel = (id) => article.events.find((e) => e.id === id).label;

// ---- small page helpers -------------------------------------------------------------------

const toggle = (page, id) => page.locator(`#toggle-${id}`);
const body = (page, id) => page.locator(`#section-body-${id}`);
const entityButton = (page, id) => page.locator(`aside.sidebar button.entity-button[data-entity-id="${id}"]`);
const listEvent = (page, id) => page.locator(`ol.timeline-list button.event-button[data-event-id="${id}"]`);
const searchInput = (page) => page.locator('form.article-search[role="search"] input#search-input');
const searchStatus = (page) => page.locator('#search-status');
const hits = (page) => page.locator('mark.search-hit');
const card = (page) => page.locator('#entity-card');

async function collapseAll(page) {
    await page.locator('.section-controls button', { hasText: 'Collapse all' }).click();
    for (const { id } of SECTIONS) await waitForAttribute(toggle(page, id), 'aria-expanded', 'false');
}

/** Ids of the items of `listSelector` (li) that carry `.search-match`, via `idAttr` of their button. */
function matchedIds(page, itemSelector, idAttr) {
    return page.locator(`${itemSelector}.search-match [${idAttr}]`).evaluateAll(
        (elements, attr) => [...new Set(elements.map((e) => e.getAttribute(attr)))].sort(),
        idAttr,
    );
}

/** Types `query` into the search box one key at a time and waits for "1 of N matches". */
async function search(page, query) {
    const input = searchInput(page);
    await input.click();
    await input.fill('');
    await input.pressSequentially(query);
    // The status shows each prefix's count while typing; the address names the search
    // only once the whole query has been run and rendered.
    await waitUntil(page, (q) => new URLSearchParams(location.search).get('q') === q, query);
    const match = await waitForText(searchStatus(page), /^1 of (\d+) match(es)?$/);
    const total = Number(match[1]);
    await waitForCount(hits(page), total);
    await waitForCount(page.locator('mark.search-hit.current'), 1);
    return total;
}

/** The index, among all hits, of the current hit. */
const currentHitIndex = (page) =>
    page.evaluate(() => [...document.querySelectorAll('mark.search-hit')].findIndex((m) => m.classList.contains('current')));

async function waitForCurrentHit(page, index, total) {
    await waitForText(searchStatus(page), `${index + 1} of ${total} matches`);
    await waitForValue(page, 'index of mark.search-hit.current', () => currentHitIndex(page), index);
    await page.locator('mark.search-hit.current').waitFor({ state: 'visible' });
    await waitInViewport(page.locator('mark.search-hit.current'));
}

/** The copied text, read from the clipboard as the page would. */
async function readClipboard(page) {
    await page.bringToFront();
    return page.evaluate(() => navigator.clipboard.readText());
}

/** Clears the clipboard, clicks `button`, waits for "Link copied" and returns the copied URL. */
async function copyLink(page, button) {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await button.click();
    // The live region says it, and the words are on screen (the region itself may be a
    // zero-size wrapper of a toast).
    await page.locator('.copy-status[role="status"]').getByText('Link copied').first().waitFor({ state: 'visible' });
    let copied;
    await pollUntil(
        page,
        async () => {
            copied = await readClipboard(page);
            return { ok: copied !== '', copied };
        },
        { message: () => 'the clipboard stayed empty after the copy-link click' },
    );
    let url;
    assert.doesNotThrow(() => (url = new URL(copied)), `the clipboard holds a full URL: ${JSON.stringify(copied)}`);
    assert.equal(url.origin, suite.server.origin, `copied URL ${copied} is on the viewer's origin`);
    assert.equal(url.pathname, new URL(suite.server.url).pathname, `copied URL ${copied} is the viewer's page`);
    return url;
}

/** Picks the option of `select` whose value or text is `word` (any case). */
async function chooseOption(select, word) {
    const index = await select.evaluate(
        (el, word) => [...el.options].findIndex((o) => o.value.toLowerCase() === word || o.textContent.trim().toLowerCase() === word),
        word,
    );
    assert.ok(index >= 0, `${select} has an option ${word}`);
    await select.selectOption({ index });
}

const optionWords = (select) =>
    select.evaluate((el) => [...el.options].map((o) => o.value.toLowerCase() || o.textContent.trim().toLowerCase()));

const selectedWord = (select) => select.evaluate((el) => el.value.toLowerCase());

const firstParagraph = (page) => page.locator('section.article-section .section-body p').first();
const paragraphFontSize = (page) => firstParagraph(page).evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
const paragraphWidth = (page) => firstParagraph(page).evaluate((p) => p.getBoundingClientRect().width);
const articleMaxWidth = (page) => page.locator('main#article').evaluate((m) => getComputedStyle(m).maxWidth);

/** The painted page background: the html element's, or the body's if that is transparent. */
const pageBackground = (page) =>
    page.evaluate(() => {
        const transparent = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
        const html = getComputedStyle(document.documentElement).backgroundColor;
        if (!transparent(html)) return html;
        const body = getComputedStyle(document.body).backgroundColor;
        if (!transparent(body)) return body;
        return getComputedStyle(document.querySelector('.briefing') ?? document.body).backgroundColor;
    });

const luminance = (color) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
    const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

async function openReadingControls(page) {
    const details = page.locator('details.reading-controls');
    await details.waitFor({ state: 'attached' });
    assert.equal((await details.locator('summary').textContent()).trim(), 'Reading settings');
    if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
    await waitForValue(page, 'details.reading-controls open', () => details.evaluate((d) => d.open), true);
    return details;
}

async function setTheme(page, theme) {
    await chooseOption(page.locator('#theme'), theme);
    await waitForAttribute(page.locator('html'), 'data-theme', theme);
}

/** Waits for the next download that `click()` starts; returns its name and text. */
async function download(page, click) {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    const failure = await file.failure();
    assert.equal(failure, null, `download ${file.suggestedFilename()} failed: ${failure}`);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Splits CSV text into records of fields (quoted fields may hold commas and newlines). */
function parseCsv(text) {
    const records = [];
    let record = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
            else if (c === '"') quoted = false;
            else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') record.push(field), (field = '');
        else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n') i++;
            record.push(field), records.push(record), (record = []), (field = '');
        } else field += c;
    }
    if (field !== '' || record.length) record.push(field), records.push(record);
    return records;
}

// ---- the tests ----------------------------------------------------------------------------

describe('Briefing reader and analyst tools', () => {
    readerTest('1a. the search box is a labelled search landmark, and "/" focuses it from anywhere but a text field', async () => {
        const { page } = await open();
        const form = page.locator('form.article-search[role="search"]');
        await form.waitFor({ state: 'visible' });
        const input = searchInput(page);
        assert.equal(await input.getAttribute('type'), 'search');
        const named = page.getByRole('searchbox', { name: 'Search the article', exact: true });
        assert.equal(await named.count(), 1, 'one search box named "Search the article"');
        assert.equal(await named.evaluate((el) => el.id), 'search-input');
        for (const name of ['Previous match', 'Next match', 'Clear search']) {
            assert.equal(await form.getByRole('button', { name, exact: true }).count(), 1, `button "${name}" in the search form`);
        }
        // The form has a submit button (HTML_CodeSniffer, WCAG H32): "Next match".
        assert.deepEqual(await form.locator('[type="submit"]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label'))), ['Next match']);

        // From the page (nothing focused), "/" focuses the box and is not typed into it.
        await page.locator('main#article h1').click();
        await page.keyboard.press('/');
        await waitForFocus(page.locator('#search-input'));
        assert.equal(await input.inputValue(), '', '"/" is not typed into the box');

        // From a button, too.
        await entityButton(page, 'tass').focus();
        await page.keyboard.press('/');
        await waitForFocus(page.locator('#search-input'));

        // In a text field, "/" is just a character.
        await input.pressSequentially('a/b');
        await waitForValue(page, 'search box value', () => input.inputValue(), 'a/b');
        await waitForFocus(page.locator('#search-input'));
    });

    readerTest('1b. searching "Patrushev" marks every hit, opens their sections and lists the matching entity and events', async () => {
        const { page } = await open();
        await collapseAll(page);
        const total = await search(page, 'Patrushev');
        assert.equal(total, paragraphHits('Patrushev'), 'one hit per "Patrushev" in the text');
        assert.ok(total >= 3, `several hits: ${total}`);
        assert.equal(await currentHitIndex(page), 0, 'the first hit is current');
        await waitInViewport(page.locator('mark.search-hit.current'));
        // Every section holding a hit opens (all were collapsed), so every hit is on show.
        for (const id of sectionsWith('Patrushev')) {
            await waitForAttribute(toggle(page, id), 'aria-expanded', 'true');
            await waitForAttribute(body(page, id), 'hidden', null);
        }
        for (const hit of await hits(page).all()) {
            assert.equal((await hit.textContent()).toLowerCase(), 'patrushev', 'each hit is the word searched for');
            await hit.waitFor({ state: 'visible' });
        }

        await waitForValue(page, 'entities with li.entity.search-match',
            () => matchedIds(page, 'aside.sidebar li.entity', 'data-entity-id'), ['nikolay-patrushev']);
        await waitForValue(page, 'events with li.timeline-item.search-match',
            () => matchedIds(page, 'ol.timeline-list li.timeline-item', 'data-event-id'), [...PATRUSHEV_EVENTS].sort());

        const matches = page.locator('.search-matches');
        await matches.waitFor({ state: 'visible' });
        const listed = (await matches.textContent()).replace(/\s+/g, ' ');
        assert.match(listed, /Entities:/, '.search-matches lists entities');
        assert.match(listed, /Events:/, '.search-matches lists events');
        assert.ok(listed.includes('Nikolay Patrushev'), `.search-matches names Nikolay Patrushev: ${listed}`);
        for (const id of PATRUSHEV_EVENTS) assert.ok(listed.includes(eventLabel(id)), `.search-matches names "${eventLabel(id)}": ${listed}`);

        await page.waitForURL((url) => url.searchParams.get('q') === 'Patrushev');
    });

    readerTest('1c. Enter, Shift+Enter and the buttons step through the hits, wrapping; Clear search clears', async () => {
        const { page } = await open();
        // Collapsed sections: each step must reveal and scroll to its hit.
        await collapseAll(page);
        const total = await search(page, 'Patrushev');
        const input = searchInput(page);

        await input.press('Enter');
        await waitForCurrentHit(page, 1, total);
        await input.press('Shift+Enter');
        await waitForCurrentHit(page, 0, total);
        await input.press('Shift+Enter');
        await waitForCurrentHit(page, total - 1, total);
        await input.press('Enter');
        await waitForCurrentHit(page, 0, total);

        const form = page.locator('form.article-search');
        const address = page.url();
        await form.getByRole('button', { name: 'Next match', exact: true }).click();
        await waitForCurrentHit(page, 1, total);
        assert.equal(page.url(), address, 'the submit button steps, and the form goes nowhere');
        await form.getByRole('button', { name: 'Previous match', exact: true }).click();
        await waitForCurrentHit(page, 0, total);
        await form.getByRole('button', { name: 'Previous match', exact: true }).click();
        await waitForCurrentHit(page, total - 1, total);
        assert.equal(await page.locator('mark.search-hit.current').count(), 1, 'one current hit');

        await form.getByRole('button', { name: 'Clear search', exact: true }).click();
        await waitForCount(hits(page), 0);
        await waitForValue(page, 'search box value', () => input.inputValue(), '');
        await waitForCount(page.locator('.search-match'), 0);
        await page.waitForURL((url) => !url.searchParams.has('q'));
        const status = searchStatus(page);
        assert.ok((await status.count()) === 0 || !/match/.test(await status.textContent()), 'no match count is left');
    });

    readerTest('1d. search ignores case, and says when nothing matches', async () => {
        const { page } = await open();
        const total = await search(page, 'afghanistan');
        assert.ok(total >= paragraphHits('afghanistan'), `at least ${paragraphHits('afghanistan')} hits for "afghanistan": ${total}`);
        const texts = await hits(page).allTextContents();
        assert.ok(texts.every((t) => t.toLowerCase() === 'afghanistan'), `hits: ${texts}`);
        assert.ok(texts.includes('Afghanistan'), `"afghanistan" finds "Afghanistan": ${texts}`);
        const entities = await matchedIds(page, 'aside.sidebar li.entity', 'data-entity-id');
        assert.ok(entities.includes('afghanistan'), `entity afghanistan matches: ${entities}`);

        const input = searchInput(page);
        await input.fill('');
        await input.pressSequentially('xyz');
        await waitForText(searchStatus(page), /^No matches for “xyz”/);
        await waitForCount(hits(page), 0);
        await waitForCount(page.locator('.search-match'), 0);
    });

    readerTest('1e. a search and a chosen entity together: still one mark per mention, and every hit stays', async () => {
        // Reduced motion: the deep link's smooth scroll to the first hit must not move the
        // sidebar under the click.
        const { page } = await open('?q=Patrushev', { reducedMotion: 'reduce' });
        const total = Number((await waitForText(searchStatus(page), /^1 of (\d+) matches$/))[1]);
        await entityButton(page, 'nikolay-patrushev').click();
        await waitForAttribute(entityButton(page, 'nikolay-patrushev'), 'aria-pressed', 'true');
        await waitForText(page.locator('.mention-stepper .mention-status'), 'Mention 1 of 7 of Nikolay Patrushev');
        const marks = page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]');
        // A hit inside a mention must not split the mention into two marks (two Tab stops,
        // two cards, a fragment with no id).
        await waitForValue(page, 'his mentions are marked', async () => (await marks.count()) >= 7, true);
        const seen = await marks.evaluateAll((ms) => ms.map((m) => `${m.id || '(no id)'}: ${m.textContent}`));
        assert.equal(seen.length, 7, `one mark per mention (7); saw ${seen.length}: ${JSON.stringify(seen)}`);
        assert.ok(seen.every((m) => !m.startsWith('(no id)')), `every mark has its id: ${JSON.stringify(seen)}`);
        await waitForCount(hits(page), total);
        const hitTexts = await hits(page).allTextContents();
        assert.ok(hitTexts.every((t) => t.toLowerCase() === 'patrushev'), `hits: ${hitTexts}`);
        await waitForText(searchStatus(page), new RegExp(`^\\d+ of ${total} matches$`));
    });

    readerTest('2a. ?q= opens with the search done, and a reload keeps it', async () => {
        const { page } = await open('?q=afghanistan');
        for (const round of ['on load', 'after reload']) {
            await waitForValue(page, `search box value ${round}`, () => searchInput(page).inputValue(), 'afghanistan');
            const match = await waitForText(searchStatus(page), /^1 of (\d+) matches$/);
            await waitForCount(hits(page), Number(match[1]));
            await waitInViewport(page.locator('mark.search-hit.current'));
            assert.equal(new URL(page.url()).searchParams.get('q'), 'afghanistan');
            if (round === 'on load') {
                await page.reload();
                await page.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 });
            }
        }
    });

    readerTest('2b. choosing an event is a history entry (Back undoes, Forward redoes), and Back keeps a search', async () => {
        const { page } = await open();
        await listEvent(page, 'moscow-meeting').click();
        await waitForAttribute(listEvent(page, 'moscow-meeting'), 'aria-pressed', 'true');
        await page.waitForURL((url) => url.searchParams.get('event') === 'moscow-meeting');
        await page.goBack();
        await page.waitForURL((url) => !url.searchParams.has('event'));
        await waitForAttribute(listEvent(page, 'moscow-meeting'), 'aria-pressed', 'false');
        await waitForCount(page.locator('mark#chosen-sentence'), 0);
        await page.goForward();
        await page.waitForURL((url) => url.searchParams.get('event') === 'moscow-meeting');
        await waitForAttribute(listEvent(page, 'moscow-meeting'), 'aria-pressed', 'true');
        await page.locator('mark#chosen-sentence').waitFor({ state: 'visible' });

        // With a search on, choosing an event keeps the search; Back leaves the search as it was.
        await page.goto(at());
        await page.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 });
        const total = await search(page, 'Patrushev');
        await page.waitForURL((url) => url.searchParams.get('q') === 'Patrushev');
        await listEvent(page, 'tass-report').click();
        await page.waitForURL((url) => url.searchParams.get('event') === 'tass-report' && url.searchParams.get('q') === 'Patrushev');
        await page.goBack();
        await page.waitForURL((url) => !url.searchParams.has('event') && url.searchParams.get('q') === 'Patrushev');
        await waitForAttribute(listEvent(page, 'tass-report'), 'aria-pressed', 'false');
        await waitForValue(page, 'search box value after Back', () => searchInput(page).inputValue(), 'Patrushev');
        await waitForCount(hits(page), total);
    });

    readerTest('2c. copy-link buttons copy a full link to the section, entity, event and search, and each link opens that view', async () => {
        const { page } = await open();

        const sectionButton = page.getByRole('button', { name: 'Copy link to this section: The Backdrop', exact: true });
        assert.match(await sectionButton.getAttribute('class'), /\bcopy-link\b/);
        const sectionUrl = await copyLink(page, sectionButton);
        assert.equal(sectionUrl.searchParams.get('section'), 'the-backdrop', `copied ${sectionUrl}`);

        await entityButton(page, 'nikolay-patrushev').click();
        await waitForAttribute(entityButton(page, 'nikolay-patrushev'), 'aria-pressed', 'true');
        const entityCopy = page.locator('button.copy-link').filter({ visible: true })
            .and(page.getByRole('button', { name: /^Copy link to Nikolay Patrushev/ }));
        await waitForValue(page, 'visible button "Copy link to Nikolay Patrushev"', () => entityCopy.count().then((n) => n >= 1), true);
        const entityUrl = await copyLink(page, entityCopy.first());
        assert.equal(entityUrl.searchParams.get('entity'), 'nikolay-patrushev', `copied ${entityUrl}`);

        await listEvent(page, 'moscow-meeting').click();
        await waitForAttribute(listEvent(page, 'moscow-meeting'), 'aria-pressed', 'true');
        const eventCopy = page.locator('button.copy-link').filter({ visible: true })
            .and(page.getByRole('button', { name: /^Copy link to this event/ }));
        await waitForValue(page, 'visible button "Copy link to this event"', () => eventCopy.count().then((n) => n >= 1), true);
        const eventUrl = await copyLink(page, eventCopy.first());
        assert.equal(eventUrl.searchParams.get('event'), 'moscow-meeting', `copied ${eventUrl}`);

        await search(page, 'Patrushev');
        const searchCopy = page.locator('button.copy-link').filter({ visible: true })
            .and(page.getByRole('button', { name: /^Copy link to this search/ }));
        await waitForValue(page, 'visible button "Copy link to this search"', () => searchCopy.count().then((n) => n >= 1), true);
        const searchUrl = await copyLink(page, searchCopy.first());
        assert.equal(searchUrl.searchParams.get('q'), 'Patrushev', `copied ${searchUrl}`);

        // Each copied link, opened afresh, shows what was copied.
        const fresh = await open(sectionUrl.search);
        await waitForAttribute(toggle(fresh.page, 'the-backdrop'), 'aria-expanded', 'true');
        await waitForAttribute(body(fresh.page, 'the-backdrop'), 'hidden', null);
        await fresh.page.goto(entityUrl.href);
        await waitForAttribute(entityButton(fresh.page, 'nikolay-patrushev'), 'aria-pressed', 'true');
        await waitForCount(fresh.page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]'), 7);
        await fresh.page.goto(eventUrl.href);
        await waitForAttribute(listEvent(fresh.page, 'moscow-meeting'), 'aria-pressed', 'true');
        await fresh.page.locator('mark#chosen-sentence').waitFor({ state: 'visible' });
        await fresh.page.goto(searchUrl.href);
        await waitForValue(fresh.page, 'search box value', () => searchInput(fresh.page).inputValue(), 'Patrushev');
        await waitForText(searchStatus(fresh.page), /^1 of \d+ matches$/);
    });

    readerTest('3a. hovering a mention of Patrushev shows his card; moving away hides it', async () => {
        const { page } = await open();
        const patrushev = entity('nikolay-patrushev');
        const mention = page.locator('.mention[data-entity-id="nikolay-patrushev"]').first();
        await mention.scrollIntoViewIfNeeded();
        await mention.hover();
        const tooltip = page.locator('#entity-card[role="tooltip"]');
        await tooltip.waitFor({ state: 'visible' });
        const shown = (await tooltip.textContent()).replace(/\s+/g, ' ');
        for (const part of [patrushev.name, 'Person', patrushev.description, '7 mentions', ...PATRUSHEV_EVENTS.map(eventLabel)]) {
            assert.ok(shown.includes(part), `#entity-card shows ${JSON.stringify(part)}; it says ${JSON.stringify(shown)}`);
        }
        // The card sits near the mention, inside the window.
        const box = await tooltip.boundingBox();
        const viewport = page.viewportSize();
        assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height,
            `#entity-card lies inside the window: ${JSON.stringify(box)}`);

        // Another entity's mention shows that entity's card.
        const tass = page.locator('.mention[data-entity-id="tass"]').first();
        await tass.scrollIntoViewIfNeeded();
        await tass.hover();
        await waitForValue(page, '#entity-card names TASS', async () => (await tooltip.textContent()).includes(entity('tass').name) &&
            !(await tooltip.textContent()).includes(patrushev.description), true);

        await page.locator('main#article h1').hover();
        await card(page).waitFor({ state: 'hidden' });
    });

    readerTest('3b. with Patrushev chosen his marks take focus, and focus shows the card; Escape hides it', async () => {
        const { page } = await open();
        await entityButton(page, 'nikolay-patrushev').click();
        const marks = page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]');
        await waitForCount(marks, 7);
        for (const mark of await marks.all()) assert.equal(await mark.getAttribute('tabindex'), '0', 'each mark is focusable');

        const mark = marks.nth(1);
        await mark.focus();
        await waitForFocus(page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]'));
        const tooltip = page.locator('#entity-card[role="tooltip"]');
        await tooltip.waitFor({ state: 'visible' });
        assert.ok((await tooltip.textContent()).includes('Nikolay Patrushev'), 'the card names him');
        await waitForAttribute(mark, 'aria-describedby', 'entity-card');

        await page.keyboard.press('Escape');
        await card(page).waitFor({ state: 'hidden' });
        await waitForFocus(page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]'));

        // Focusing another mark shows the card again.
        await marks.nth(2).focus();
        await tooltip.waitFor({ state: 'visible' });
        await waitForAttribute(marks.nth(2), 'aria-describedby', 'entity-card');
    });

    readerTest('4a. reading settings change text size and line width, and show a reading time', async () => {
        const { page } = await open();
        const readingTime = page.locator('.article-header .reading-time');
        const minutes = Number((await waitForText(readingTime, /^(\d+) min read$/))[1]);
        const words = article.sections.map(sectionText).join(' ').split(/\s+/).length;
        assert.ok(minutes >= 1 && minutes <= 5, `reading time for ${words} words: ${minutes} min`);

        await openReadingControls(page);
        const size = page.locator('details.reading-controls select#text-size');
        const width = page.locator('details.reading-controls select#line-width');
        const theme = page.locator('details.reading-controls select#theme');
        assert.deepEqual(await optionWords(size), ['small', 'medium', 'large', 'larger']);
        assert.deepEqual(await optionWords(width), ['narrow', 'medium', 'wide']);
        assert.deepEqual(await optionWords(theme), ['system', 'light', 'dark', 'sepia', 'contrast']);
        for (const [select, name] of [[size, /text size/i], [width, /line width/i], [theme, /theme/i]]) {
            assert.equal(await page.getByRole('combobox', { name }).count() >= 1, true, `a select labelled ${name}`);
            await select.waitFor({ state: 'visible' });
        }

        const baseSize = await paragraphFontSize(page);
        await chooseOption(size, 'larger');
        await waitForValue(page, 'paragraph font size grows with "larger"', async () => (await paragraphFontSize(page)) > baseSize, true);
        await chooseOption(size, 'small');
        await waitForValue(page, 'paragraph font size shrinks with "small"', async () => (await paragraphFontSize(page)) < baseSize, true);
        await chooseOption(size, 'medium');
        await waitForValue(page, 'paragraph font size back with "medium"', () => paragraphFontSize(page), baseSize);

        const baseWidth = await paragraphWidth(page);
        const baseMax = await articleMaxWidth(page);
        await chooseOption(width, 'narrow');
        await pollUntil(page, async () => {
            const [w, max] = [await paragraphWidth(page), await articleMaxWidth(page)];
            return { ok: w < baseWidth - 20, width: w, maxWidth: max };
        }, { message: (last) => `"narrow" did not narrow the text: paragraph width ${baseWidth} → ${last?.width}, main#article max-width ${baseMax} → ${last?.maxWidth}` });
        await chooseOption(width, 'wide');
        await pollUntil(page, async () => ({ ok: (await paragraphWidth(page)) >= baseWidth, width: await paragraphWidth(page) }),
            { message: (last) => `"wide" is narrower than "medium": ${baseWidth} → ${last?.width}` });
    });

    readerTest('4b. themes change the page colours, "system" follows the browser, and every setting survives a reload', async () => {
        const { page } = await open('', { colorScheme: 'light' });
        await openReadingControls(page);
        await setTheme(page, 'light');
        const light = await pageBackground(page);
        const backgrounds = { light };
        for (const theme of ['dark', 'sepia', 'contrast']) {
            await setTheme(page, theme);
            await waitForValue(page, `background with theme ${theme} differs from light (${light})`,
                async () => (await pageBackground(page)) !== light, true);
            backgrounds[theme] = await pageBackground(page);
        }
        assert.ok(luminance(backgrounds.dark) < 0.05, `dark theme is dark: ${backgrounds.dark}`);
        const [r, , b] = backgrounds.sepia.match(/[\d.]+/g).map(Number);
        assert.ok(r > b, `sepia is warm: ${backgrounds.sepia}`);
        assert.notEqual(backgrounds.sepia, backgrounds.dark, 'sepia is not dark');

        // Settings survive a reload.
        const baseSize = await paragraphFontSize(page);
        const baseWidth = await paragraphWidth(page);
        await chooseOption(page.locator('#text-size'), 'larger');
        await chooseOption(page.locator('#line-width'), 'narrow');
        await setTheme(page, 'sepia');
        await waitForValue(page, 'font size grows', async () => (await paragraphFontSize(page)) > baseSize, true);
        const largerSize = await paragraphFontSize(page);
        await page.reload();
        await page.locator('main#article h1').waitFor({ state: 'visible', timeout: 15_000 });
        await waitForAttribute(page.locator('html'), 'data-theme', 'sepia');
        await waitForValue(page, 'background after reload', () => pageBackground(page), backgrounds.sepia);
        await waitForValue(page, 'paragraph font size after reload', () => paragraphFontSize(page), largerSize);
        assert.ok((await paragraphWidth(page)) < baseWidth, 'still narrow after reload');
        assert.equal(await selectedWord(page.locator('#text-size')), 'larger');
        assert.equal(await selectedWord(page.locator('#line-width')), 'narrow');
        assert.equal(await selectedWord(page.locator('#theme')), 'sepia');

        // "system" follows the browser's colour scheme.
        await openReadingControls(page);
        await chooseOption(page.locator('#theme'), 'system');
        await page.emulateMedia({ colorScheme: 'dark' });
        await waitForValue(page, 'system theme in a dark browser is dark', async () => luminance(await pageBackground(page)) < 0.05, true);
        await page.emulateMedia({ colorScheme: 'light' });
        await waitForValue(page, 'system theme in a light browser is light', async () => luminance(await pageBackground(page)) > 0.5, true);
    });

    readerTest('5. print shows every section, the lists after the article, link URLs, and no tools', async () => {
        const { page } = await open();
        await collapseAll(page);
        // Open the publication-date note so its outside links are on the page.
        const published = page.locator('.article-header .published');
        if (await published.count()) await published.locator('summary').click();
        await page.emulateMedia({ media: 'print' });

        assert.deepEqual(await hiddenParagraphIds(page), [], 'every paragraph prints, though every section was collapsed');

        const article = await page.locator('main#article').boundingBox();
        const articleBottom = article.y + article.height;
        for (const selector of ['aside.sidebar', 'ol.timeline-list']) {
            const element = page.locator(selector);
            assert.equal(await element.isVisible(), true, `${selector} prints`);
            const box = await element.boundingBox();
            assert.ok(box.y >= articleBottom - 1, `${selector} top ${box.y} is below the article bottom ${articleBottom}`);
        }
        for (const selector of ['.timeline-drawing', '.reading-controls', '.article-search']) {
            assert.ok(await page.locator(selector).count() >= 1, `${selector} exists on screen`);
            assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} does not print`);
        }

        const links = await page.locator('a[href^="http"]').evaluateAll((anchors) =>
            anchors.map((a) => ({
                href: a.href,
                visible: a.checkVisibility(),
                after: getComputedStyle(a, '::after').content,
            })));
        assert.ok(links.some((l) => l.visible), `an outside link prints: ${JSON.stringify(links)}`);
        const bare = links.filter((l) => l.visible && !l.after.includes('http'));
        assert.deepEqual(bare, [], 'every printed outside link shows its URL after it');
    });

    readerTest('6. downloads: TimelineJS JSON, entities CSV, events CSV and JSON-LD, with the right names and contents', async () => {
        const { page } = await open();
        const downloads = await openDownloads(page);
        const button = (name) => downloads.getByRole('button', { name, exact: true });

        const timeline = await download(page, () => button('TimelineJS JSON').click());
        assert.equal(timeline.name, `${ARTICLE_ID}.timeline.json`);
        const timelineJson = JSON.parse(timeline.text);
        assert.equal(timelineJson.events?.length, 12, 'TimelineJS JSON has 12 events');

        const entities = await download(page, () => button('Entities CSV').click());
        assert.equal(entities.name, `${ARTICLE_ID}-entities.csv`);
        assert.match(entities.text.replace(/^\uFEFF/, ''), /^"id","name","kind"/, 'entities CSV header, every field quoted');
        const entityRows = parseCsv(entities.text.replace(/^\uFEFF/, '')).filter((r) => r.some((f) => f !== ''));
        const patrushev = entityRows.find((r) => r[0] === 'nikolay-patrushev');
        assert.ok(patrushev, 'a row for nikolay-patrushev');
        assert.equal(patrushev[1], 'Nikolay Patrushev');
        assert.equal(entityRows.length, article.entities.length + 1, 'header + one row per entity');

        const events = await download(page, () => button('Events CSV').click());
        assert.equal(events.name, `${ARTICLE_ID}-events.csv`);
        const eventText = events.text.replace(/^\uFEFF/, '').replace(/(\r?\n)+$/, '');
        assert.equal(eventText.split(/\r?\n/).length, 13, 'events CSV: header + 12 lines');
        const eventRows = parseCsv(eventText);
        for (const { id } of article.events) assert.ok(eventRows.some((r) => r.includes(id)), `events CSV has ${id}`);

        const jsonLd = await download(page, () => button('JSON-LD').click());
        assert.equal(jsonLd.name, `${ARTICLE_ID}.jsonld`);
        const data = JSON.parse(jsonLd.text);
        const nodes = [data, ...(data['@graph'] ?? [])];
        const news = nodes.find((n) => n['@type'] === 'NewsArticle');
        assert.ok(news, `JSON-LD has "@type": "NewsArticle": ${jsonLd.text.slice(0, 200)}`);
        assert.equal(news.publisher?.name, 'Global Village Space');
    });

    readerTest('7. axe-core (target size too): no violations with a search on, a card shown, the settings open, in every theme', async () => {
        const { page } = await open();
        await search(page, 'Patrushev');
        await assertNoAxeViolations(page, WITH_TARGET_SIZE, 'with a search for "Patrushev"');

        const mention = page.locator('.mention[data-entity-id="nikolay-patrushev"]').first();
        await mention.scrollIntoViewIfNeeded();
        await mention.hover();
        await page.locator('#entity-card[role="tooltip"]').waitFor({ state: 'visible' });
        await assertNoAxeViolations(page, WITH_TARGET_SIZE, 'with the entity card shown');

        await openReadingControls(page);
        await assertNoAxeViolations(page, WITH_TARGET_SIZE, 'with the reading settings open');
        for (const theme of THEMES) {
            await setTheme(page, theme);
            await nextFrame(page);
            await assertNoAxeViolations(page, WITH_TARGET_SIZE, `in the ${theme} theme, search on`);
        }

        // Patrushev chosen too, with his marks, in the dark and contrast themes.
        await entityButton(page, 'nikolay-patrushev').click();
        await waitForAttribute(entityButton(page, 'nikolay-patrushev'), 'aria-pressed', 'true');
        await waitForValue(page, 'his mentions are marked',
            async () => (await page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]').count()) >= 7, true);
        for (const theme of ['dark', 'contrast']) {
            await setTheme(page, theme);
            await nextFrame(page);
            await assertNoAxeViolations(page, WITH_TARGET_SIZE, `in the ${theme} theme with Patrushev chosen and a search on`);
        }
    });

    readerTest('8. the small targets are at least 24 by 24 CSS px, or their 24 px circle is clear (WCAG 2.5.8), at 390 and 1366 px', async () => {
        const { page } = await open();
        await search(page, 'Patrushev');
        await openReadingControls(page);
        for (const width of [390, 1366]) {
            await page.setViewportSize({ width, height: 900 });
            await nextFrame(page);
            const small = await page.evaluate(() => {
                const size = (el) => el.getBoundingClientRect();
                const targets = document.querySelectorAll(
                    '.search-row button, .copy-link, .section-controls button, .open-article, .section-link, .published summary, .reading-controls summary',
                );
                const found = [...targets].map((el) => [el, size(el)]);
                // The kind checkboxes count with their margins: nothing else within the 24 px circle.
                for (const box of document.querySelectorAll('.kind-filter input[type="checkbox"]')) {
                    const style = getComputedStyle(box);
                    const r = size(box);
                    found.push([box, { width: r.width + parseFloat(style.marginLeft) + parseFloat(style.marginRight),
                        height: r.height + parseFloat(style.marginTop) + parseFloat(style.marginBottom) }]);
                }
                return {
                    count: found.length,
                    small: found.filter(([, r]) => r.width > 0 && (r.width < 23.9 || r.height < 23.9))
                        .map(([el, r]) => `${el.className || el.tagName} "${el.getAttribute('aria-label') ?? el.textContent.trim()}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`),
                };
            });
            assert.ok(small.count >= 12, `targets measured at ${width} px: ${small.count}`);
            assert.deepEqual(small.small, [], `targets under 24 by 24 CSS px at ${width} px`);
        }
    });
});
