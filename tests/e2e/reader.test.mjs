// End-to-end tests of the reader and analyst tools of Briefing: search, deep links and
// copy-link buttons, entity cards, reading settings, print layout, downloads, and their
// accessibility. Headless Chromium against the release build in dist/, loopback only.
// Every wait is for a condition, never for time.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
    assertNoAxeViolations,
    expect,
    expectNoErrors,
    hiddenParagraphIds,
    nextFrame,
    requireDist,
    test,
    textMatching,
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
let suite;
test.beforeEach(({ suite: current }) => {
    suite = current;
});

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
        expectNoErrors(suite.opened);
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
    for (const { id } of SECTIONS) await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'false');
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
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { message: 'the address names the search' }).toBe(query);
    const match = await textMatching(searchStatus(page), /^1 of (\d+) match(es)?$/);
    const total = Number(match[1]);
    await expect(hits(page)).toHaveCount(total);
    await expect(page.locator('mark.search-hit.current')).toHaveCount(1);
    return total;
}

/** The index, among all hits, of the current hit. */
const currentHitIndex = (page) =>
    page.evaluate(() => [...document.querySelectorAll('mark.search-hit')].findIndex((m) => m.classList.contains('current')));

async function waitForCurrentHit(page, index, total) {
    await expect(searchStatus(page)).toHaveText(`${index + 1} of ${total} matches`);
    await expect.poll(() => currentHitIndex(page), { message: 'index of mark.search-hit.current' }).toStrictEqual(index);
    await expect(page.locator('mark.search-hit.current')).toBeVisible();
    await expect(page.locator('mark.search-hit.current')).toBeInViewport({ ratio: 1 });
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
    await expect(page.locator('.copy-status[role="status"]').getByText('Link copied').first()).toBeVisible();
    let copied;
    await expect
        .poll(async () => (copied = await readClipboard(page)), { message: 'the clipboard stayed empty after the copy-link click' })
        .not.toBe('');
    let url;
    expect(() => (url = new URL(copied)), `the clipboard holds a full URL: ${JSON.stringify(copied)}`).not.toThrow();
    expect(url.origin, `copied URL ${copied} is on the viewer's origin`).toBe(suite.server.origin);
    expect(url.pathname, `copied URL ${copied} is the viewer's page`).toBe(new URL(suite.server.url).pathname);
    return url;
}

/** Picks the option of `select` whose value or text is `word` (any case). */
async function chooseOption(select, word) {
    const index = await select.evaluate(
        (el, word) => [...el.options].findIndex((o) => o.value.toLowerCase() === word || o.textContent.trim().toLowerCase() === word),
        word,
    );
    expect(index >= 0, `${select} has an option ${word}`).toBeTruthy();
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
    await expect(details).toBeAttached();
    await expect(details.locator('summary')).toHaveText('Reading settings');
    if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
    await expect.poll(() => details.evaluate((d) => d.open), { message: 'details.reading-controls open' }).toBe(true);
    return details;
}

async function setTheme(page, theme) {
    await chooseOption(page.locator('#theme'), theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Waits for the next download that `click()` starts; returns its name and text. */
async function download(page, click) {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    const failure = await file.failure();
    expect(failure, `download ${file.suggestedFilename()} failed: ${failure}`).toBe(null);
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

test.describe('Briefing reader and analyst tools', () => {
    readerTest('1a. the search box is a labelled search landmark, and "/" focuses it from anywhere but a text field', async () => {
        const { page } = await open();
        const form = page.locator('form.article-search[role="search"]');
        await expect(form).toBeVisible();
        const input = searchInput(page);
        await expect(input).toHaveAttribute('type', 'search');
        const named = page.getByRole('searchbox', { name: 'Search the article', exact: true });
        await expect(named, 'one search box named "Search the article"').toHaveCount(1);
        expect(await named.evaluate((el) => el.id)).toBe('search-input');
        for (const name of ['Previous match', 'Next match', 'Clear search']) {
            await expect(form.getByRole('button', { name, exact: true }), `button "${name}" in the search form`).toHaveCount(1);
        }
        // The form has a submit button (HTML_CodeSniffer, WCAG H32): "Next match".
        expect(await form.locator('[type="submit"]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toStrictEqual(['Next match']);

        // From the page (nothing focused), "/" focuses the box and is not typed into it.
        await page.locator('main#article h1').click();
        await page.keyboard.press('/');
        await expect(page.locator('#search-input')).toBeFocused();
        await expect(input, '"/" is not typed into the box').toHaveValue('');

        // From a button, too.
        await entityButton(page, 'tass').focus();
        await page.keyboard.press('/');
        await expect(page.locator('#search-input')).toBeFocused();

        // In a text field, "/" is just a character.
        await input.pressSequentially('a/b');
        await expect.poll(() => input.inputValue(), { message: 'search box value' }).toBe('a/b');
        await expect(page.locator('#search-input')).toBeFocused();
    });

    readerTest('1b. searching "Patrushev" marks every hit, opens their sections and lists the matching entity and events', async () => {
        const { page } = await open();
        await collapseAll(page);
        const total = await search(page, 'Patrushev');
        expect(total, 'one hit per "Patrushev" in the text').toBe(paragraphHits('Patrushev'));
        expect(total >= 3, `several hits: ${total}`).toBeTruthy();
        expect(await currentHitIndex(page), 'the first hit is current').toBe(0);
        await expect(page.locator('mark.search-hit.current')).toBeInViewport({ ratio: 1 });
        // Every section holding a hit opens (all were collapsed), so every hit is on show.
        for (const id of sectionsWith('Patrushev')) {
            await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'true');
            await expect(body(page, id)).not.toHaveAttribute('hidden');
        }
        for (const hit of await hits(page).all()) {
            expect((await hit.textContent()).toLowerCase(), 'each hit is the word searched for').toBe('patrushev');
            await expect(hit).toBeVisible();
        }

        await expect.poll(() => matchedIds(page, 'aside.sidebar li.entity', 'data-entity-id'), { message: 'entities with li.entity.search-match' }).toStrictEqual(['nikolay-patrushev']);
        await expect.poll(() => matchedIds(page, 'ol.timeline-list li.timeline-item', 'data-event-id'), { message: 'events with li.timeline-item.search-match' }).toStrictEqual([...PATRUSHEV_EVENTS].sort());

        const matches = page.locator('.search-matches');
        await expect(matches).toBeVisible();
        const listed = (await matches.textContent()).replace(/\s+/g, ' ');
        expect(listed, '.search-matches lists entities').toMatch(/Entities:/);
        expect(listed, '.search-matches lists events').toMatch(/Events:/);
        expect(listed.includes('Nikolay Patrushev'), `.search-matches names Nikolay Patrushev: ${listed}`).toBeTruthy();
        for (const id of PATRUSHEV_EVENTS) expect(listed.includes(eventLabel(id)), `.search-matches names "${eventLabel(id)}": ${listed}`).toBeTruthy();

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
        expect(page.url(), 'the submit button steps, and the form goes nowhere').toBe(address);
        await form.getByRole('button', { name: 'Previous match', exact: true }).click();
        await waitForCurrentHit(page, 0, total);
        await form.getByRole('button', { name: 'Previous match', exact: true }).click();
        await waitForCurrentHit(page, total - 1, total);
        await expect(page.locator('mark.search-hit.current'), 'one current hit').toHaveCount(1);

        await form.getByRole('button', { name: 'Clear search', exact: true }).click();
        await expect(hits(page)).toHaveCount(0);
        await expect.poll(() => input.inputValue(), { message: 'search box value' }).toBe('');
        await expect(page.locator('.search-match')).toHaveCount(0);
        await page.waitForURL((url) => !url.searchParams.has('q'));
        const status = searchStatus(page);
        expect((await status.count()) === 0 || !/match/.test(await status.textContent()), 'no match count is left').toBeTruthy();
    });

    readerTest('1d. search ignores case, and says when nothing matches', async () => {
        const { page } = await open();
        const total = await search(page, 'afghanistan');
        expect(total >= paragraphHits('afghanistan'), `at least ${paragraphHits('afghanistan')} hits for "afghanistan": ${total}`).toBeTruthy();
        const texts = await hits(page).allTextContents();
        expect(texts.every((t) => t.toLowerCase() === 'afghanistan'), `hits: ${texts}`).toBeTruthy();
        expect(texts.includes('Afghanistan'), `"afghanistan" finds "Afghanistan": ${texts}`).toBeTruthy();
        const entities = await matchedIds(page, 'aside.sidebar li.entity', 'data-entity-id');
        expect(entities.includes('afghanistan'), `entity afghanistan matches: ${entities}`).toBeTruthy();

        const input = searchInput(page);
        await input.fill('');
        await input.pressSequentially('xyz');
        await expect(searchStatus(page)).toHaveText(/^No matches for “xyz”/);
        await expect(hits(page)).toHaveCount(0);
        await expect(page.locator('.search-match')).toHaveCount(0);
    });

    readerTest('1e. a search and a chosen entity together: still one mark per mention, and every hit stays', async () => {
        // Reduced motion: the deep link's smooth scroll to the first hit must not move the
        // sidebar under the click.
        const { page } = await open('?q=Patrushev', { reducedMotion: 'reduce' });
        const total = Number((await textMatching(searchStatus(page), /^1 of (\d+) matches$/))[1]);
        await entityButton(page, 'nikolay-patrushev').click();
        await expect(entityButton(page, 'nikolay-patrushev')).toHaveAttribute('aria-pressed', 'true');
        await expect(page.locator('.mention-stepper .mention-status')).toHaveText('Mention 1 of 7 of Nikolay Patrushev');
        const marks = page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]');
        // A hit inside a mention must not split the mention into two marks (two Tab stops,
        // two cards, a fragment with no id).
        await expect.poll(async () => (await marks.count()) >= 7, { message: 'his mentions are marked' }).toBe(true);
        const seen = await marks.evaluateAll((ms) => ms.map((m) => `${m.id || '(no id)'}: ${m.textContent}`));
        expect(seen.length, `one mark per mention (7); saw ${seen.length}: ${JSON.stringify(seen)}`).toBe(7);
        expect(seen.every((m) => !m.startsWith('(no id)')), `every mark has its id: ${JSON.stringify(seen)}`).toBeTruthy();
        await expect(hits(page)).toHaveCount(total);
        const hitTexts = await hits(page).allTextContents();
        expect(hitTexts.every((t) => t.toLowerCase() === 'patrushev'), `hits: ${hitTexts}`).toBeTruthy();
        await expect(searchStatus(page)).toHaveText(new RegExp(`^\\d+ of ${total} matches$`));
    });

    readerTest('2a. ?q= opens with the search done, and a reload keeps it', async () => {
        const { page } = await open('?q=afghanistan');
        for (const round of ['on load', 'after reload']) {
            await expect.poll(() => searchInput(page).inputValue(), { message: `search box value ${round}` }).toBe('afghanistan');
            const match = await textMatching(searchStatus(page), /^1 of (\d+) matches$/);
            await expect(hits(page)).toHaveCount(Number(match[1]));
            await expect(page.locator('mark.search-hit.current')).toBeInViewport({ ratio: 1 });
            expect(new URL(page.url()).searchParams.get('q')).toBe('afghanistan');
            if (round === 'on load') {
                await page.reload();
                await expect(page.locator('main#article h1')).toBeVisible({ timeout: 15_000 });
            }
        }
    });

    readerTest('2b. choosing an event is a history entry (Back undoes, Forward redoes), and Back keeps a search', async () => {
        const { page } = await open();
        await listEvent(page, 'moscow-meeting').click();
        await expect(listEvent(page, 'moscow-meeting')).toHaveAttribute('aria-pressed', 'true');
        await page.waitForURL((url) => url.searchParams.get('event') === 'moscow-meeting');
        await page.goBack();
        await page.waitForURL((url) => !url.searchParams.has('event'));
        await expect(listEvent(page, 'moscow-meeting')).toHaveAttribute('aria-pressed', 'false');
        await expect(page.locator('mark#chosen-sentence')).toHaveCount(0);
        await page.goForward();
        await page.waitForURL((url) => url.searchParams.get('event') === 'moscow-meeting');
        await expect(listEvent(page, 'moscow-meeting')).toHaveAttribute('aria-pressed', 'true');
        await expect(page.locator('mark#chosen-sentence')).toBeVisible();

        // With a search on, choosing an event keeps the search; Back leaves the search as it was.
        await page.goto(at());
        await expect(page.locator('main#article h1')).toBeVisible({ timeout: 15_000 });
        const total = await search(page, 'Patrushev');
        await page.waitForURL((url) => url.searchParams.get('q') === 'Patrushev');
        await listEvent(page, 'tass-report').click();
        await page.waitForURL((url) => url.searchParams.get('event') === 'tass-report' && url.searchParams.get('q') === 'Patrushev');
        await page.goBack();
        await page.waitForURL((url) => !url.searchParams.has('event') && url.searchParams.get('q') === 'Patrushev');
        await expect(listEvent(page, 'tass-report')).toHaveAttribute('aria-pressed', 'false');
        await expect.poll(() => searchInput(page).inputValue(), { message: 'search box value after Back' }).toBe('Patrushev');
        await expect(hits(page)).toHaveCount(total);
    });

    readerTest('2c. copy-link buttons copy a full link to the section, entity, event and search, and each link opens that view', async () => {
        const { page } = await open();

        const sectionButton = page.getByRole('button', { name: 'Copy link to this section: The Backdrop', exact: true });
        await expect(sectionButton).toHaveAttribute('class', /\bcopy-link\b/);
        const sectionUrl = await copyLink(page, sectionButton);
        expect(sectionUrl.searchParams.get('section'), `copied ${sectionUrl}`).toBe('the-backdrop');

        await entityButton(page, 'nikolay-patrushev').click();
        await expect(entityButton(page, 'nikolay-patrushev')).toHaveAttribute('aria-pressed', 'true');
        const entityCopy = page.locator('button.copy-link').filter({ visible: true })
            .and(page.getByRole('button', { name: /^Copy link to Nikolay Patrushev/ }));
        await expect.poll(() => entityCopy.count().then((n) => n >= 1), { message: 'visible button "Copy link to Nikolay Patrushev"' }).toBe(true);
        const entityUrl = await copyLink(page, entityCopy.first());
        expect(entityUrl.searchParams.get('entity'), `copied ${entityUrl}`).toBe('nikolay-patrushev');

        await listEvent(page, 'moscow-meeting').click();
        await expect(listEvent(page, 'moscow-meeting')).toHaveAttribute('aria-pressed', 'true');
        const eventCopy = page.locator('button.copy-link').filter({ visible: true })
            .and(page.getByRole('button', { name: /^Copy link to this event/ }));
        await expect.poll(() => eventCopy.count().then((n) => n >= 1), { message: 'visible button "Copy link to this event"' }).toBe(true);
        const eventUrl = await copyLink(page, eventCopy.first());
        expect(eventUrl.searchParams.get('event'), `copied ${eventUrl}`).toBe('moscow-meeting');

        await search(page, 'Patrushev');
        const searchCopy = page.locator('button.copy-link').filter({ visible: true })
            .and(page.getByRole('button', { name: /^Copy link to this search/ }));
        await expect.poll(() => searchCopy.count().then((n) => n >= 1), { message: 'visible button "Copy link to this search"' }).toBe(true);
        const searchUrl = await copyLink(page, searchCopy.first());
        expect(searchUrl.searchParams.get('q'), `copied ${searchUrl}`).toBe('Patrushev');

        // Each copied link, opened afresh, shows what was copied.
        const fresh = await open(sectionUrl.search);
        await expect(toggle(fresh.page, 'the-backdrop')).toHaveAttribute('aria-expanded', 'true');
        await expect(body(fresh.page, 'the-backdrop')).not.toHaveAttribute('hidden');
        await fresh.page.goto(entityUrl.href);
        await expect(entityButton(fresh.page, 'nikolay-patrushev')).toHaveAttribute('aria-pressed', 'true');
        await expect(fresh.page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]')).toHaveCount(7);
        await fresh.page.goto(eventUrl.href);
        await expect(listEvent(fresh.page, 'moscow-meeting')).toHaveAttribute('aria-pressed', 'true');
        await expect(fresh.page.locator('mark#chosen-sentence')).toBeVisible();
        await fresh.page.goto(searchUrl.href);
        await expect.poll(() => searchInput(fresh.page).inputValue(), { message: 'search box value' }).toBe('Patrushev');
        await expect(searchStatus(fresh.page)).toHaveText(/^1 of \d+ matches$/);
    });

    readerTest('3a. hovering a mention of Patrushev shows his card; moving away hides it', async () => {
        const { page } = await open();
        const patrushev = entity('nikolay-patrushev');
        const mention = page.locator('.mention[data-entity-id="nikolay-patrushev"]').first();
        await mention.scrollIntoViewIfNeeded();
        await mention.hover();
        const tooltip = page.locator('#entity-card[role="tooltip"]');
        await expect(tooltip).toBeVisible();
        const shown = (await tooltip.textContent()).replace(/\s+/g, ' ');
        for (const part of [patrushev.name, 'Person', patrushev.description, '7 mentions', ...PATRUSHEV_EVENTS.map(eventLabel)]) {
            expect(shown.includes(part), `#entity-card shows ${JSON.stringify(part)}; it says ${JSON.stringify(shown)}`).toBeTruthy();
        }
        // The card sits near the mention, inside the window.
        const box = await tooltip.boundingBox();
        const viewport = page.viewportSize();
        expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, `#entity-card lies inside the window: ${JSON.stringify(box)}`).toBeTruthy();

        // Another entity's mention shows that entity's card.
        const tass = page.locator('.mention[data-entity-id="tass"]').first();
        await tass.scrollIntoViewIfNeeded();
        await tass.hover();
        await expect.poll(async () => (await tooltip.textContent()).includes(entity('tass').name) &&
            !(await tooltip.textContent()).includes(patrushev.description), { message: '#entity-card names TASS' }).toBe(true);

        await page.locator('main#article h1').hover();
        await expect(card(page)).toBeHidden();
    });

    readerTest('3b. with Patrushev chosen his marks take focus, and focus shows the card; Escape hides it', async () => {
        const { page } = await open();
        await entityButton(page, 'nikolay-patrushev').click();
        const marks = page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]');
        await expect(marks).toHaveCount(7);
        for (const mark of await marks.all()) await expect(mark, 'each mark is focusable').toHaveAttribute('tabindex', '0');

        const mark = marks.nth(1);
        await mark.focus();
        await expect(page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]:focus'), 'one of his marks has the focus').toHaveCount(1);
        const tooltip = page.locator('#entity-card[role="tooltip"]');
        await expect(tooltip).toBeVisible();
        expect((await tooltip.textContent()).includes('Nikolay Patrushev'), 'the card names him').toBeTruthy();
        await expect(mark).toHaveAttribute('aria-describedby', 'entity-card');

        await page.keyboard.press('Escape');
        await expect(card(page)).toBeHidden();
        await expect(page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]:focus'), 'one of his marks has the focus').toHaveCount(1);

        // Focusing another mark shows the card again.
        await marks.nth(2).focus();
        await expect(tooltip).toBeVisible();
        await expect(marks.nth(2)).toHaveAttribute('aria-describedby', 'entity-card');
    });

    readerTest('4a. reading settings change text size and line width, and show a reading time', async () => {
        const { page } = await open();
        const readingTime = page.locator('.article-header .reading-time');
        const minutes = Number((await textMatching(readingTime, /^(\d+) min read$/))[1]);
        const words = article.sections.map(sectionText).join(' ').split(/\s+/).length;
        expect(minutes >= 1 && minutes <= 5, `reading time for ${words} words: ${minutes} min`).toBeTruthy();

        await openReadingControls(page);
        const size = page.locator('details.reading-controls select#text-size');
        const width = page.locator('details.reading-controls select#line-width');
        const theme = page.locator('details.reading-controls select#theme');
        expect(await optionWords(size)).toStrictEqual(['small', 'medium', 'large', 'larger']);
        expect(await optionWords(width)).toStrictEqual(['narrow', 'medium', 'wide']);
        expect(await optionWords(theme)).toStrictEqual(['system', 'light', 'dark', 'sepia', 'contrast']);
        for (const [select, name] of [[size, /text size/i], [width, /line width/i], [theme, /theme/i]]) {
            expect(await page.getByRole('combobox', { name }).count() >= 1, `a select labelled ${name}`).toBe(true);
            await expect(select).toBeVisible();
        }

        const baseSize = await paragraphFontSize(page);
        await chooseOption(size, 'larger');
        await expect.poll(async () => (await paragraphFontSize(page)) > baseSize, { message: 'paragraph font size grows with "larger"' }).toBe(true);
        await chooseOption(size, 'small');
        await expect.poll(async () => (await paragraphFontSize(page)) < baseSize, { message: 'paragraph font size shrinks with "small"' }).toBe(true);
        await chooseOption(size, 'medium');
        await expect.poll(() => paragraphFontSize(page), { message: 'paragraph font size back with "medium"' }).toStrictEqual(baseSize);

        const baseWidth = await paragraphWidth(page);
        const baseMax = await articleMaxWidth(page);
        await chooseOption(width, 'narrow');
        await expect(async () => {
            const [w, max] = [await paragraphWidth(page), await articleMaxWidth(page)];
            expect(w, `"narrow" did not narrow the text: paragraph width ${baseWidth} → ${w}, main#article max-width ${baseMax} → ${max}`)
                .toBeLessThan(baseWidth - 20);
        }).toPass();
        await chooseOption(width, 'wide');
        await expect.poll(() => paragraphWidth(page), { message: `"wide" is narrower than "medium" (${baseWidth})` })
            .toBeGreaterThanOrEqual(baseWidth);
    });

    readerTest('4b. themes change the page colours, "system" follows the browser, and every setting survives a reload', async () => {
        const { page } = await open('', { colorScheme: 'light' });
        await openReadingControls(page);
        await setTheme(page, 'light');
        const light = await pageBackground(page);
        const backgrounds = { light };
        for (const theme of ['dark', 'sepia', 'contrast']) {
            await setTheme(page, theme);
            await expect.poll(async () => (await pageBackground(page)) !== light, { message: `background with theme ${theme} differs from light (${light})` }).toBe(true);
            backgrounds[theme] = await pageBackground(page);
        }
        expect(luminance(backgrounds.dark) < 0.05, `dark theme is dark: ${backgrounds.dark}`).toBeTruthy();
        const [r, , b] = backgrounds.sepia.match(/[\d.]+/g).map(Number);
        expect(r > b, `sepia is warm: ${backgrounds.sepia}`).toBeTruthy();
        expect(backgrounds.sepia, 'sepia is not dark').not.toBe(backgrounds.dark);

        // Settings survive a reload.
        const baseSize = await paragraphFontSize(page);
        const baseWidth = await paragraphWidth(page);
        await chooseOption(page.locator('#text-size'), 'larger');
        await chooseOption(page.locator('#line-width'), 'narrow');
        await setTheme(page, 'sepia');
        await expect.poll(async () => (await paragraphFontSize(page)) > baseSize, { message: 'font size grows' }).toBe(true);
        const largerSize = await paragraphFontSize(page);
        await page.reload();
        await expect(page.locator('main#article h1')).toBeVisible({ timeout: 15_000 });
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
        await expect.poll(() => pageBackground(page), { message: 'background after reload' }).toStrictEqual(backgrounds.sepia);
        await expect.poll(() => paragraphFontSize(page), { message: 'paragraph font size after reload' }).toStrictEqual(largerSize);
        expect((await paragraphWidth(page)) < baseWidth, 'still narrow after reload').toBeTruthy();
        expect(await selectedWord(page.locator('#text-size'))).toBe('larger');
        expect(await selectedWord(page.locator('#line-width'))).toBe('narrow');
        expect(await selectedWord(page.locator('#theme'))).toBe('sepia');

        // "system" follows the browser's colour scheme.
        await openReadingControls(page);
        await chooseOption(page.locator('#theme'), 'system');
        await page.emulateMedia({ colorScheme: 'dark' });
        await expect.poll(async () => luminance(await pageBackground(page)) < 0.05, { message: 'system theme in a dark browser is dark' }).toBe(true);
        await page.emulateMedia({ colorScheme: 'light' });
        await expect.poll(async () => luminance(await pageBackground(page)) > 0.5, { message: 'system theme in a light browser is light' }).toBe(true);
    });

    readerTest('5. print shows every section, the lists after the article, link URLs, and no tools', async () => {
        const { page } = await open();
        await collapseAll(page);
        // Open the publication-date note so its outside links are on the page.
        const published = page.locator('.article-header .published');
        if (await published.count()) await published.locator('summary').click();
        await page.emulateMedia({ media: 'print' });

        expect(await hiddenParagraphIds(page), 'every paragraph prints, though every section was collapsed').toStrictEqual([]);

        const article = await page.locator('main#article').boundingBox();
        const articleBottom = article.y + article.height;
        for (const selector of ['aside.sidebar', 'ol.timeline-list']) {
            const element = page.locator(selector);
            await expect(element, `${selector} prints`).toBeVisible();
            const box = await element.boundingBox();
            expect(box.y >= articleBottom - 1, `${selector} top ${box.y} is below the article bottom ${articleBottom}`).toBeTruthy();
        }
        for (const selector of ['.timeline-drawing', '.reading-controls', '.article-search']) {
            expect(await page.locator(selector).count() >= 1, `${selector} exists on screen`).toBeTruthy();
            await expect(page.locator(selector).first(), `${selector} does not print`).toBeHidden();
        }

        const links = await page.locator('a[href^="http"]').evaluateAll((anchors) =>
            anchors.map((a) => ({
                href: a.href,
                visible: a.checkVisibility(),
                after: getComputedStyle(a, '::after').content,
            })));
        expect(links.some((l) => l.visible), `an outside link prints: ${JSON.stringify(links)}`).toBeTruthy();
        const bare = links.filter((l) => l.visible && !l.after.includes('http'));
        expect(bare, 'every printed outside link shows its URL after it').toStrictEqual([]);
    });

    readerTest('6. downloads: TimelineJS JSON, entities CSV, events CSV and JSON-LD, with the right names and contents', async () => {
        const { page } = await open();
        const downloads = page.locator('.downloads');
        await expect(downloads).toBeVisible();
        const button = (name) => downloads.getByRole('button', { name, exact: true });

        const timeline = await download(page, () => button('TimelineJS JSON').click());
        expect(timeline.name).toBe(`${ARTICLE_ID}.timeline.json`);
        const timelineJson = JSON.parse(timeline.text);
        expect(timelineJson.events?.length, 'TimelineJS JSON has 12 events').toBe(12);

        const entities = await download(page, () => button('Entities CSV').click());
        expect(entities.name).toBe(`${ARTICLE_ID}-entities.csv`);
        expect(entities.text.replace(/^\uFEFF/, ''), 'entities CSV header, every field quoted').toMatch(/^"id","name","kind"/);
        const entityRows = parseCsv(entities.text.replace(/^\uFEFF/, '')).filter((r) => r.some((f) => f !== ''));
        const patrushev = entityRows.find((r) => r[0] === 'nikolay-patrushev');
        expect(patrushev, 'a row for nikolay-patrushev').toBeTruthy();
        expect(patrushev[1]).toBe('Nikolay Patrushev');
        expect(entityRows.length, 'header + one row per entity').toBe(article.entities.length + 1);

        const events = await download(page, () => button('Events CSV').click());
        expect(events.name).toBe(`${ARTICLE_ID}-events.csv`);
        const eventText = events.text.replace(/^\uFEFF/, '').replace(/(\r?\n)+$/, '');
        expect(eventText.split(/\r?\n/).length, 'events CSV: header + 12 lines').toBe(13);
        const eventRows = parseCsv(eventText);
        for (const { id } of article.events) expect(eventRows.some((r) => r.includes(id)), `events CSV has ${id}`).toBeTruthy();

        const jsonLd = await download(page, () => button('JSON-LD').click());
        expect(jsonLd.name).toBe(`${ARTICLE_ID}.jsonld`);
        const data = JSON.parse(jsonLd.text);
        const nodes = [data, ...(data['@graph'] ?? [])];
        const news = nodes.find((n) => n['@type'] === 'NewsArticle');
        expect(news, `JSON-LD has "@type": "NewsArticle": ${jsonLd.text.slice(0, 200)}`).toBeTruthy();
        expect(news.publisher?.name).toBe('Global Village Space');
    });

    readerTest('7. axe-core (target size too): no violations with a search on, a card shown, the settings open, in every theme', async () => {
        const { page } = await open();
        await search(page, 'Patrushev');
        await assertNoAxeViolations(page, WITH_TARGET_SIZE, 'with a search for "Patrushev"');

        const mention = page.locator('.mention[data-entity-id="nikolay-patrushev"]').first();
        await mention.scrollIntoViewIfNeeded();
        await mention.hover();
        await expect(page.locator('#entity-card[role="tooltip"]')).toBeVisible();
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
        await expect(entityButton(page, 'nikolay-patrushev')).toHaveAttribute('aria-pressed', 'true');
        await expect.poll(async () => (await page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]').count()) >= 7, { message: 'his mentions are marked' }).toBe(true);
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
            expect(small.count >= 12, `targets measured at ${width} px: ${small.count}`).toBeTruthy();
            expect(small.small, `targets under 24 by 24 CSS px at ${width} px`).toStrictEqual([]);
        }
    });
});
