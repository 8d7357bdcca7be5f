// End-to-end tests of what a reader of Briefing sees and does, in headless Chromium
// against the release build in dist/. Every wait is for a condition, never for time.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import {
    assertNoAxeViolations,
    hiddenParagraphIds,
    nextFrame,
    openSectionsKey,
    requireDist,
    viewerSuite,
    waitForAttribute,
    waitForCount,
    waitForText,
    waitInViewport,
    waitUntil,
} from './support.mjs';

const ARTICLE_ID = 'nsa-moscow-2021-12-01';
const STORAGE_KEY = openSectionsKey('builtin', ARTICLE_ID);
const SECTIONS = [
    { id: 'lead', heading: 'Introduction' },
    { id: 'bilateral-cooperation', heading: 'Bilateral Cooperation' },
    { id: 'concern-over-afghanistan', heading: 'Concern over Afghanistan' },
    { id: 'the-backdrop', heading: 'The Backdrop' },
];
const REQUIRED_ENTITIES = [
    'moeed-yusuf', 'nikolay-patrushev', 'imran-khan', 'security-council-of-russia',
    'pakistan-embassy-moscow', 'tass', 'un', 'sco', 'taliban', 'moscow', 'russia', 'pakistan',
    'afghanistan', 'united-states', 'defence', 'drug-trafficking', 'cyber-security', 'energy',
    'counter-terrorism', 'humanitarian-crisis',
];
const PATRUSHEV_TEXTS = ['Nikolay Patrushev', 'Patrushev', 'Russian counterpart', 'Russian Security Council Chief'];
const BASIS_TEXTS = ['Stated in the article', 'Inferred', 'From an outside source'];

// Read at load time, like the page under test.
const article = JSON.parse(await readFile(resolve(requireDist(), 'articles', `${ARTICLE_ID}.json`), 'utf8'));
const suite = viewerSuite();
const open = (options) => suite.open(undefined, options);

// ---- small page helpers -------------------------------------------------------------

const toggle = (page, id) => page.locator(`#section-${id} h2 > button.section-toggle`);
const body = (page, id) => page.locator(`#section-body-${id}`);
const entityButton = (page, id) => page.locator(`aside.sidebar button.entity-button[data-entity-id="${id}"]`);
const listEvent = (page, id) => page.locator(`ol.timeline-list button.event-button[data-event-id="${id}"]`);

/**
 * Scrolls an element into view and checks that a pointer at its centre reaches it,
 * naming what covers it otherwise (a readable form of Playwright's click check).
 */
async function assertNotCovered(page, selector) {
    await page.locator(selector).scrollIntoViewIfNeeded();
    // A list item scrolled in from off screen (content-visibility: auto) takes part in
    // hit testing from the next frame on: wait for it, as a click would.
    await nextFrame(page);
    await nextFrame(page);
    const hit = await page.evaluate((selector) => {
        const element = document.querySelector(selector);
        const r = element.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!top || element.contains(top)) return null;
        const owner = top.closest('[class]:not(span):not(p)') ?? top;
        return `${top.outerHTML.slice(0, 80)} (inside ${owner.tagName.toLowerCase()}.${[...owner.classList].join('.')})`;
    }, selector);
    assert.equal(hit, null, `${selector} is covered at its centre by ${hit}`);
}

async function collapseAll(page) {
    await page.locator('.section-controls button', { hasText: 'Collapse all' }).click();
    for (const { id } of SECTIONS) await waitForAttribute(toggle(page, id), 'aria-expanded', 'false');
}

async function expandAll(page) {
    await page.locator('.section-controls button', { hasText: 'Expand all' }).click();
    for (const { id } of SECTIONS) await waitForAttribute(toggle(page, id), 'aria-expanded', 'true');
}

/** Presses Tab until the focused element matches `selector`; returns the presses used. */
async function tabUntil(page, selector, max) {
    for (let presses = 1; presses <= max; presses++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
    }
    const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
    assert.fail(`no element matching ${selector} after ${max} Tab presses; focus is on ${at}`);
}

const activeIs = (page, selector) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

async function checkSectionToggles(page) {
    for (const { id } of SECTIONS) {
        const button = toggle(page, id);
        await waitForAttribute(button, 'aria-expanded', 'true');
        assert.equal(await button.getAttribute('aria-controls'), `section-body-${id}`);
        assert.equal(await body(page, id).getAttribute('hidden'), null, `${id} open: no hidden attribute`);
        const paragraph = body(page, id).locator('p').first();
        assert.ok(await paragraph.isVisible(), `${id}: text visible when open`);

        await button.click();
        await waitForAttribute(button, 'aria-expanded', 'false');
        await waitForAttribute(body(page, id), 'hidden', 'until-found');
        await paragraph.waitFor({ state: 'hidden' });

        await button.click();
        await waitForAttribute(button, 'aria-expanded', 'true');
        await waitForAttribute(body(page, id), 'hidden', null);
        await paragraph.waitFor({ state: 'visible' });
    }
}

async function choosePatrushev(page) {
    await collapseAll(page);
    await entityButton(page, 'nikolay-patrushev').click();
    await waitForAttribute(entityButton(page, 'nikolay-patrushev'), 'aria-pressed', 'true');
    const marks = page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]');
    await waitForCount(marks, 7);
    for (const mark of await marks.all()) {
        await mark.waitFor({ state: 'visible' });
        const text = (await mark.textContent()).trim();
        assert.ok(PATRUSHEV_TEXTS.includes(text), `unexpected mention text ${JSON.stringify(text)}`);
    }
    assert.equal(await page.locator('mark.mention.marked:not([data-entity-id="nikolay-patrushev"])').count(), 0,
        'only the chosen entity is marked');
    const status = page.locator('.mention-stepper .mention-status');
    await waitForText(status, 'Mention 1 of 7 of Nikolay Patrushev');
    return { marks, status };
}

/**
 * Chooses the meeting in the timeline list, with the mouse (the default) or with the
 * keyboard (focus and Enter), for tests whose subject is not the pointer path.
 */
async function chooseMeeting(page, { via = 'mouse' } = {}) {
    if (via === 'mouse') {
        await listEvent(page, 'moscow-meeting').click();
    } else {
        await listEvent(page, 'moscow-meeting').focus();
        await page.keyboard.press('Enter');
    }
    await waitForAttribute(listEvent(page, 'moscow-meeting'), 'aria-pressed', 'true');
    await page.locator('.event-details[data-event-id="moscow-meeting"]').waitFor({ state: 'visible' });
    await page.locator('mark#chosen-sentence').waitFor({ state: 'visible' });
}

// ---- the tests ------------------------------------------------------------------------

describe('Briefing viewer', () => {
    test('a. header shows the site, the copy date (not the publication date) and the title', async () => {
        const { page } = await open();
        assert.equal((await page.locator('.masthead .site').textContent()).trim(), 'Global Village Space');
        const copyDate = page.locator('.masthead .copy-date time[datetime="2024-02-15"]');
        assert.equal((await copyDate.textContent()).trim(), 'Thursday, February 15, 2024');
        assert.match(await page.locator('.masthead .copy-date').textContent(), /not the publication date/i);
        assert.equal((await page.locator('main#article h1').textContent()).trim(),
            'Strong future: NSA meets Russian counterpart in Moscow');
        const published = page.locator('.article-header .published summary');
        assert.match(await published.textContent(), /1–2 December 2021/);
        assert.match(await published.locator('time').getAttribute('datetime'), /^2021-12-01/);
        const header = await page.locator('.article-header').textContent();
        const masthead = await page.locator('.masthead').textContent();
        assert.doesNotMatch(header, /2023|2024/, 'article header names no 2023/2024 date');
        assert.doesNotMatch(masthead, /2023/);
        assert.doesNotMatch(masthead, /published(:)? *(on )?[^.]*2024/i, 'copy date is not called the publication date');
    });

    test('b. four sections are disclosures that work with mouse and keyboard', async () => {
        const { page } = await open();
        const sections = page.locator('section.article-section');
        assert.equal(await sections.count(), 4);
        assert.deepEqual(
            (await page.locator('section.article-section h2 > button.section-toggle').allTextContents()).map((t) => t.trim()),
            SECTIONS.map((s) => s.heading),
        );
        // Tab from the page start (a fresh page): the skip link first, then on to the first toggle.
        await page.keyboard.press('Tab');
        assert.ok(await activeIs(page, 'a.skip-link'), 'first Tab stop is the skip link');
        assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), 'Skip to the article');
        await tabUntil(page, '.section-toggle', 10);
        assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), 'Introduction');
        const outline = await page.evaluate(() => {
            const style = getComputedStyle(document.activeElement);
            return { style: style.outlineStyle, width: style.outlineWidth };
        });
        assert.notEqual(outline.style, 'none', 'focused toggle shows a focus outline');
        assert.notEqual(outline.width, '0px');

        await checkSectionToggles(page);

        // Keyboard: Enter toggles, Space toggles back.
        const button = toggle(page, 'bilateral-cooperation');
        await button.focus();
        await page.keyboard.press('Enter');
        await waitForAttribute(button, 'aria-expanded', 'false');
        await waitForAttribute(body(page, 'bilateral-cooperation'), 'hidden', 'until-found');
        await page.keyboard.press('Space');
        await waitForAttribute(button, 'aria-expanded', 'true');
        await waitForAttribute(body(page, 'bilateral-cooperation'), 'hidden', null);
    });

    test('c. Expand all and Collapse all open and close every section', async () => {
        const { page } = await open();
        const controls = page.locator('.section-controls button');
        assert.deepEqual((await controls.allTextContents()).map((t) => t.trim()), ['Expand all', 'Collapse all']);
        await collapseAll(page);
        for (const { id } of SECTIONS) {
            assert.equal(await body(page, id).getAttribute('hidden'), 'until-found');
            assert.equal(await body(page, id).locator('p').first().isVisible(), false);
        }
        await expandAll(page);
        for (const { id } of SECTIONS) {
            assert.equal(await body(page, id).getAttribute('hidden'), null);
            assert.equal(await body(page, id).locator('p').first().isVisible(), true);
        }
    });

    test('d. the open sections survive a reload', async () => {
        const { page } = await open();
        await toggle(page, 'bilateral-cooperation').click();
        await waitForAttribute(toggle(page, 'bilateral-cooperation'), 'aria-expanded', 'false');
        await waitUntil(page, (key) => {
            const saved = JSON.parse(localStorage.getItem(key) ?? 'null');
            return Array.isArray(saved) && saved.length === 3 && !saved.includes('bilateral-cooperation');
        }, STORAGE_KEY);
        await page.reload();
        // The pre-rendered page shows every section open until the viewer has started.
        await waitForAttribute(toggle(page, 'bilateral-cooperation'), 'aria-expanded', 'false');
        assert.equal(await body(page, 'bilateral-cooperation').getAttribute('hidden'), 'until-found');
        for (const id of ['lead', 'concern-over-afghanistan', 'the-backdrop']) {
            assert.equal(await toggle(page, id).getAttribute('aria-expanded'), 'true', `${id} still open`);
            assert.equal(await body(page, id).getAttribute('hidden'), null);
        }
    });

    test('e. find-in-page reaches text in a collapsed section', async () => {
        // Probed in Chromium 156: window.find('crippled economy') finds the text (returns
        // true) but does NOT fire `beforematch`, so it cannot reveal hidden=until-found.
        // A text-fragment navigation (#:~:text=) uses the same find-in-page reveal path
        // and does fire `beforematch`, so that is the real browser check; the direct
        // `beforematch` dispatch checks the viewer's handler on its own.
        const { page } = await open();
        const backdrop = toggle(page, 'the-backdrop');
        await backdrop.click();
        await waitForAttribute(backdrop, 'aria-expanded', 'false');
        await waitForAttribute(body(page, 'the-backdrop'), 'hidden', 'until-found');
        assert.match(await body(page, 'the-backdrop').textContent(), /crippled economy/,
            'the collapsed text is still in the page');
        await waitUntil(page, (key) => !JSON.parse(localStorage.getItem(key) ?? '[]').includes('the-backdrop'), STORAGE_KEY);

        // 1. The browser's find-in-page reveal (scroll to text fragment).
        await page.goto(`${suite.server.url}#:~:text=crippled%20economy`);
        await page.locator('main#article h1').waitFor();
        await waitForAttribute(backdrop, 'aria-expanded', 'true');
        await waitForAttribute(body(page, 'the-backdrop'), 'hidden', null);
        await body(page, 'the-backdrop').getByText('crippled economy').waitFor({ state: 'visible' });

        // 2. The viewer's `beforematch` handler on its own.
        await backdrop.click();
        await waitForAttribute(body(page, 'the-backdrop'), 'hidden', 'until-found');
        await body(page, 'the-backdrop').evaluate((element) => element.dispatchEvent(new Event('beforematch')));
        await waitForAttribute(backdrop, 'aria-expanded', 'true');
        await waitForAttribute(body(page, 'the-backdrop'), 'hidden', null);
    });

    test('f. the sidebar lists the entities by kind with counts and descriptions', async () => {
        const { page } = await open();
        const sidebar = page.locator('aside.sidebar');
        assert.equal(await sidebar.count(), 1);
        assert.equal(await sidebar.evaluate((el) => el.tagName), 'ASIDE', 'complementary landmark');
        assert.deepEqual(
            (await sidebar.locator('.entity-group h3').allTextContents()).map((t) => t.trim()),
            ['People', 'Organisations', 'Places', 'Topics'],
        );
        for (const id of REQUIRED_ENTITIES) {
            const button = entityButton(page, id);
            assert.equal(await button.count(), 1, `entity button ${id}`);
            const item = button.locator('xpath=..');
            assert.match((await button.locator('.entity-count').textContent()).trim(),
                /^(\d+ mentions?|not named on its own in the text)$/, `${id} mention count`);
            assert.ok((await item.locator('.entity-description').textContent()).trim().length > 10, `${id} description`);
        }
        assert.equal((await entityButton(page, 'nikolay-patrushev').locator('.entity-count').textContent()).trim(), '7 mentions');
    });

    test('g. choosing Nikolay Patrushev marks his mentions, steps through them and marks his events', async () => {
        const { page } = await open();
        const { marks, status } = await choosePatrushev(page);

        const currentId = () => page.locator('mark.mention.marked.current').getAttribute('id');
        await waitForCount(page.locator('mark.mention.marked.current'), 1);
        const first = await currentId();
        assert.equal(first, await marks.first().getAttribute('id'), 'first mention is current');
        await waitInViewport(page.locator('mark.mention.marked.current'));

        const stepper = page.locator('.mention-stepper');
        await stepper.getByRole('button', { name: 'Next' }).click();
        await waitForText(status, 'Mention 2 of 7 of Nikolay Patrushev');
        await waitForCount(page.locator('mark.mention.marked.current'), 1);
        const second = await currentId();
        assert.notEqual(second, first, 'the current mark moved');
        assert.equal(second, await marks.nth(1).getAttribute('id'));
        await waitInViewport(page.locator('mark.mention.marked.current'));

        await stepper.getByRole('button', { name: 'Previous' }).click();
        await waitForText(status, 'Mention 1 of 7 of Nikolay Patrushev');
        await stepper.getByRole('button', { name: 'Previous' }).click();
        await waitForText(status, 'Mention 7 of 7 of Nikolay Patrushev');
        assert.equal(await currentId(), await marks.nth(6).getAttribute('id'), 'Previous from 1 wraps to 7');
        await waitInViewport(page.locator('mark.mention.marked.current'));

        for (const id of ['dushanbe-sco-meeting', 'moscow-meeting', 'tass-report']) {
            assert.match(await page.locator(`ol.timeline-list li.timeline-item:has([data-event-id="${id}"])`).getAttribute('class'),
                /\binvolves-entity\b/, `list item ${id} involves him`);
            assert.match(await page.locator(`.timeline-drawing .marker[data-event-id="${id}"]`).getAttribute('class'),
                /\binvolves-entity\b/, `marker ${id} involves him`);
        }
        assert.doesNotMatch(await page.locator('ol.timeline-list li.timeline-item:has([data-event-id="yusuf-appointed"])').getAttribute('class'),
            /\binvolves-entity\b/);
        assert.doesNotMatch(await page.locator('.timeline-drawing .marker[data-event-id="yusuf-appointed"]').getAttribute('class'),
            /\binvolves-entity\b/);

        await stepper.getByRole('button', { name: 'Clear' }).click();
        await waitForCount(page.locator('mark.mention.marked'), 0);
        await waitForAttribute(entityButton(page, 'nikolay-patrushev'), 'aria-pressed', 'false');
        assert.equal(await page.locator('.mention-stepper').count(), 0);
        assert.equal(await page.locator('.involves-entity').count(), 0);
    });

    test('h. the People filter hides and shows the People group', async () => {
        const { page } = await open();
        const checkbox = page.locator('.kind-filter', { hasText: 'People' }).locator('input[type="checkbox"]');
        const peopleGroup = page.locator('aside.sidebar .entity-group', { has: page.locator('h3', { hasText: /^People$/ }) });
        assert.equal(await checkbox.isChecked(), true);
        await peopleGroup.waitFor({ state: 'visible' });
        await checkbox.uncheck();
        await peopleGroup.waitFor({ state: 'detached' });
        assert.equal(await entityButton(page, 'moeed-yusuf').count(), 0);
        assert.equal(await entityButton(page, 'moscow').count(), 1, 'other groups stay');
        await checkbox.check();
        await peopleGroup.waitFor({ state: 'visible' });
        assert.equal(await entityButton(page, 'moeed-yusuf').count(), 1);
    });

    test('i. the timeline draws the article\'s lanes with month ticks and lists the events in date order', async () => {
        const { page } = await open();
        const timeline = page.locator('section.timeline');
        const drawing = timeline.locator('.timeline-drawing');
        await drawing.waitFor();
        // A row per declared lane, in the article's order, named by its label.
        assert.deepEqual(
            await drawing.locator('.lane').evaluateAll((lanes) => lanes.map((lane) => [lane.dataset.lane, lane.querySelector('.lane-label').textContent])),
            article.lanes.map((lane) => [lane.id, lane.label]),
        );
        const ticks = (await drawing.locator('.tick-label').allTextContents()).map((t) => t.trim());
        for (const month of ['Aug', 'Sep', 'Oct', 'Nov', 'Dec']) assert.ok(ticks.includes(month), `tick ${month} in ${ticks}`);

        const items = timeline.locator('ol.timeline-list > li');
        assert.equal(article.events.length, 12);
        assert.equal(await items.count(), article.events.length);
        const dates = await items.evaluateAll((lis) => lis.map((li) => li.querySelector('time[datetime]')?.getAttribute('datetime')));
        assert.ok(dates.every(Boolean), 'every item has a time[datetime]');
        for (let i = 1; i < dates.length; i++) assert.ok(dates[i - 1] <= dates[i], `date order: ${dates[i - 1]} before ${dates[i]}`);

        const meetingTime = timeline.locator('ol.timeline-list [data-event-id="moscow-meeting"] time');
        assert.equal(await meetingTime.getAttribute('datetime'), '2021-12-01');
        assert.equal((await meetingTime.textContent()).trim(), '1 December 2021');

        const backdrop = await timeline.locator('ol.timeline-list > li[data-lane="backdrop"] time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
        const inAutumn = backdrop.filter((d) => d >= '2021-08' && d < '2022-01');
        assert.ok(inAutumn.length >= 6, `at least six backdrop events Aug–Dec 2021: ${backdrop}`);

        for (const basis of await timeline.locator('ol.timeline-list button.event-button .event-basis').allTextContents()) {
            assert.ok(BASIS_TEXTS.some((b) => basis.includes(b)), `basis text ${JSON.stringify(basis)}`);
        }
        assert.equal(await timeline.locator('ol.timeline-list button.event-button .event-basis').count(), 12);
        assert.doesNotMatch(await timeline.textContent(), /2023|2024/);
    });

    test('j. choosing the meeting shows where its date comes from and its sentence; a marker chooses too', async () => {
        const { page } = await open();
        await collapseAll(page);
        await assertNotCovered(page, 'ol.timeline-list button.event-button[data-event-id="moscow-meeting"]');
        await chooseMeeting(page);
        const details = page.locator('.event-details');
        assert.match(await details.locator('.provenance-kind').textContent(), /Stated in the article/);
        assert.match(await details.locator('.provenance-quote').textContent(), /“on December 1 in Moscow”/);
        assert.match(await details.locator('.provenance-reasoning').textContent(), /2021/);
        assert.ok(await details.locator('a[rel="noopener noreferrer"]').count() >= 1, 'source links');
        assert.doesNotMatch(await details.textContent(), /2023|2024/);

        const sentence = page.locator('mark#chosen-sentence');
        assert.equal(await sentence.count(), 1);
        assert.match(await sentence.textContent(), /led a six-member delegation/);
        await waitForAttribute(toggle(page, 'lead'), 'aria-expanded', 'true');
        await waitInViewport(page.locator('mark#chosen-sentence'));
        await waitUntil(page, () => document.activeElement?.id === 'chosen-sentence');

        const involved = await page.locator('aside.sidebar li.entity.involved .entity-button')
            .evaluateAll((bs) => bs.map((b) => b.dataset.entityId));
        for (const id of ['moeed-yusuf', 'nikolay-patrushev']) assert.ok(involved.includes(id), `${id} involved: ${involved}`);
        assert.ok(!involved.includes('taliban'));

        await page.locator('.timeline-drawing .marker[data-event-id="taliban-take-kabul"]').click();
        await waitForAttribute(listEvent(page, 'taliban-take-kabul'), 'aria-pressed', 'true');
        await waitForAttribute(listEvent(page, 'moscow-meeting'), 'aria-pressed', 'false');
        const kabul = page.locator('.event-details[data-event-id="taliban-take-kabul"]');
        await kabul.waitFor({ state: 'visible' });
        assert.match(await kabul.locator('.provenance-kind').textContent(), /From an outside source/);
        assert.ok(await kabul.locator('.provenance-sources a[href^="http"]').count() >= 1, 'outside source link');
    });

    test('k. keyboard only: Space chooses an entity, Enter chooses an event', async () => {
        const { page } = await open();
        await tabUntil(page, 'aside.sidebar button.entity-button', 30);
        const entityId = await page.evaluate(() => document.activeElement.dataset.entityId);
        await page.keyboard.press('Space');
        await waitForAttribute(entityButton(page, entityId), 'aria-pressed', 'true');
        await waitUntil(page, () => document.querySelectorAll('mark.mention.marked').length > 0);

        await tabUntil(page, 'ol.timeline-list button.event-button', 80);
        const eventId = await page.evaluate(() => document.activeElement.dataset.eventId);
        await page.keyboard.press('Enter');
        await waitForAttribute(listEvent(page, eventId), 'aria-pressed', 'true');
        await page.locator(`.event-details[data-event-id="${eventId}"]`).waitFor({ state: 'visible' });
    });

    test('l. on a 360 px screen nothing scrolls sideways and the timeline turns vertical', async () => {
        const { page } = await open({ viewport: { width: 360, height: 800 } });
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        assert.ok(widths.scroll <= 360, `page is ${widths.scroll}px wide at 360px`);
        const axis = await page.locator('.timeline-drawing .axis').boundingBox();
        assert.ok(axis.height > axis.width, `axis is vertical: ${JSON.stringify(axis)}`);
        const overflow = await page.locator('.timeline-drawing').evaluate((drawing) => {
            const d = drawing.getBoundingClientRect();
            return [...drawing.querySelectorAll('.marker')]
                .map((m) => ({ id: m.dataset.eventId, r: m.getBoundingClientRect() }))
                .filter(({ r }) => r.left < d.left - 0.5 || r.right > d.right + 0.5)
                .map(({ id, r }) => `${id}: ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(d.left)}–${Math.round(d.right)}`);
        });
        assert.deepEqual(overflow, [], 'markers stay inside the drawing');
    });

    test('m. dark theme is dark and accessible; reduced motion turns off smooth scrolling', async () => {
        const { page } = await open({ colorScheme: 'dark' });
        const luminance = await page.evaluate(() => {
            const parse = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
            let [r, g, b, a = 1] = parse(getComputedStyle(document.documentElement).backgroundColor);
            if (a === 0) [r, g, b] = parse(getComputedStyle(document.body).backgroundColor);
            const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
            return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        });
        assert.ok(luminance < 0.05, `dark background, relative luminance ${luminance.toFixed(3)}`);
        await assertNoAxeViolations(page, {}, 'in the dark theme');

        const smooth = await open();
        assert.equal(await smooth.page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'smooth');
        const reduced = await open({ reducedMotion: 'reduce' });
        assert.equal(await reduced.page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'auto');
    });

    test('n. axe-core finds no violations: expanded, with choices made, and at 360 px', async () => {
        const { page } = await open();
        await expandAll(page);
        await assertNoAxeViolations(page, {}, 'with every section expanded');
        await choosePatrushev(page);
        await chooseMeeting(page, { via: 'keyboard' });
        await assertNoAxeViolations(page, {}, 'with Nikolay Patrushev and the meeting chosen');
        const narrow = await open({ viewport: { width: 360, height: 800 } });
        await assertNoAxeViolations(narrow.page, {}, 'at 360 px');
    });

    test('o. a whole session logs no errors and requests nothing missing', async () => {
        const firstRequest = suite.server.requests.length;
        const viewer = await open();
        const { page } = viewer;
        await checkSectionToggles(page);
        await collapseAll(page);
        await expandAll(page);
        await toggle(page, 'the-backdrop').click();
        await waitForAttribute(body(page, 'the-backdrop'), 'hidden', 'until-found');
        await body(page, 'the-backdrop').evaluate((element) => element.dispatchEvent(new Event('beforematch')));
        await waitForAttribute(toggle(page, 'the-backdrop'), 'aria-expanded', 'true');
        const { status } = await choosePatrushev(page);
        const stepper = page.locator('.mention-stepper');
        await stepper.getByRole('button', { name: 'Next' }).click();
        await waitForText(status, 'Mention 2 of 7 of Nikolay Patrushev');
        await stepper.getByRole('button', { name: 'Previous' }).click();
        await stepper.getByRole('button', { name: 'Previous' }).click();
        await waitForText(status, 'Mention 7 of 7 of Nikolay Patrushev');
        await chooseMeeting(page);
        await page.locator('.timeline-drawing .marker[data-event-id="taliban-take-kabul"]').click();
        await waitForAttribute(listEvent(page, 'taliban-take-kabul'), 'aria-pressed', 'true');
        await page.locator('.event-details .go-to-sentence').click();
        await waitUntil(page, () => document.activeElement?.id === 'chosen-sentence');
        await page.locator('.event-details .close-details').click();
        await page.locator('.event-details').waitFor({ state: 'detached' });
        await stepper.getByRole('button', { name: 'Clear' }).click();
        await waitForCount(page.locator('mark.mention.marked'), 0);
        const people = page.locator('.kind-filter', { hasText: 'People' }).locator('input');
        await people.uncheck();
        await waitForCount(entityButton(page, 'moeed-yusuf'), 0);
        await people.check();
        await waitForCount(entityButton(page, 'moeed-yusuf'), 1);
        await page.setViewportSize({ width: 360, height: 800 });
        await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
        await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
        await page.reload();
        await page.locator('main#article h1').waitFor();
        await assertNoAxeViolations(page);

        assert.deepEqual(viewer.consoleErrors, [], 'console errors');
        assert.deepEqual(viewer.pageErrors, [], 'page errors');
        const requests = suite.server.requests.slice(firstRequest);
        assert.ok(requests.some((r) => r.path.endsWith('.wasm') && r.status === 200), 'the wasm was served');
        assert.deepEqual(requests.filter((r) => r.status >= 400), [], 'requests that failed');
    });

    test('p. print shows the whole text and the lists, not the drawing', async () => {
        const { page } = await open();
        await collapseAll(page);
        await page.emulateMedia({ media: 'print' });
        assert.deepEqual(await hiddenParagraphIds(page), [], 'every paragraph prints');
        assert.equal(await page.locator('.timeline-drawing').isVisible(), false, 'the drawing does not print');
        assert.equal(await page.locator('ol.timeline-list').isVisible(), true);
        assert.equal(await page.locator('aside.sidebar').isVisible(), true);
    });
});
