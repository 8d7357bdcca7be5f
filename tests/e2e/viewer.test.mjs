// End-to-end tests of what a reader of Briefing sees and does, in headless Chromium
// against the release build in dist/. Every wait is for a condition, never for time.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
    assertNoAxeViolations,
    expect,
    hiddenParagraphIds,
    nextFrame,
    openSectionsKey,
    requireDist,
    test,
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
let suite;
test.beforeEach(({ suite: current }) => {
    suite = current;
});
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
    // Polled: a list item scrolled into view in a panel of its own is painted (its
    // `content-visibility` lifted) a frame later.
    await expect.poll(() => page.evaluate((selector) => {
        const element = document.querySelector(selector);
        const r = element.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!top || element.contains(top)) return null;
        const owner = top.closest('[class]:not(span):not(p)') ?? top;
        return `${top.outerHTML.slice(0, 80)} (inside ${owner.tagName.toLowerCase()}.${[...owner.classList].join('.')})`;
    }, selector), { message: `${selector} is not covered at its centre` }).toBe(null);
}

async function collapseAll(page) {
    await page.locator('.section-controls button', { hasText: 'Collapse all' }).click();
    for (const { id } of SECTIONS) await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'false');
}

async function expandAll(page) {
    await page.locator('.section-controls button', { hasText: 'Expand all' }).click();
    for (const { id } of SECTIONS) await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'true');
}

/** Presses Tab until the focused element matches `selector`; returns the presses used. */
async function tabUntil(page, selector, max) {
    for (let presses = 1; presses <= max; presses++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
    }
    const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
    throw new Error(`no element matching ${selector} after ${max} Tab presses; focus is on ${at}`);
}

const activeIs = (page, selector) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

async function checkSectionToggles(page) {
    for (const { id } of SECTIONS) {
        const button = toggle(page, id);
        await expect(button).toHaveAttribute('aria-expanded', 'true');
        await expect(button).toHaveAttribute('aria-controls', `section-body-${id}`);
        await expect(body(page, id), `${id} open: no hidden attribute`).not.toHaveAttribute('hidden');
        const paragraph = body(page, id).locator('p').first();
        await expect(paragraph, `${id}: text visible when open`).toBeVisible();

        await button.click();
        await expect(button).toHaveAttribute('aria-expanded', 'false');
        await expect(body(page, id)).toHaveAttribute('hidden', 'until-found');
        await expect(paragraph).toBeHidden();

        await button.click();
        await expect(button).toHaveAttribute('aria-expanded', 'true');
        await expect(body(page, id)).not.toHaveAttribute('hidden');
        await expect(paragraph).toBeVisible();
    }
}

async function choosePatrushev(page) {
    await collapseAll(page);
    await entityButton(page, 'nikolay-patrushev').click();
    await expect(entityButton(page, 'nikolay-patrushev')).toHaveAttribute('aria-pressed', 'true');
    const marks = page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]');
    await expect(marks).toHaveCount(7);
    for (const mark of await marks.all()) {
        await expect(mark).toBeVisible();
        const text = (await mark.textContent()).trim();
        expect(PATRUSHEV_TEXTS.includes(text), `unexpected mention text ${JSON.stringify(text)}`).toBeTruthy();
    }
    await expect(page.locator('mark.mention.marked:not([data-entity-id="nikolay-patrushev"])'), 'only the chosen entity is marked').toHaveCount(0);
    const status = page.locator('.mention-stepper .mention-status');
    await expect(status).toHaveText('Mention 1 of 7 of Nikolay Patrushev');
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
    await expect(listEvent(page, 'moscow-meeting')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.event-details[data-event-id="moscow-meeting"]')).toBeVisible();
    await expect(page.locator('mark#chosen-sentence')).toBeVisible();
}

// ---- the tests ------------------------------------------------------------------------

test.describe('Briefing viewer', () => {
    test('a. header shows the site, the copy date (not the publication date) and the title', async () => {
        const { page } = await open();
        await expect(page.locator('.masthead .site')).toHaveText('Global Village Space');
        const copyDate = page.locator('.masthead .copy-date time[datetime="2024-02-15"]');
        await expect(copyDate).toHaveText('Thursday, February 15, 2024');
        await expect(page.locator('.masthead .copy-date')).toHaveText(/not the publication date/i);
        await expect(page.locator('main#article h1')).toHaveText('Strong future: NSA meets Russian counterpart in Moscow');
        const published = page.locator('.article-header .published summary');
        await expect(published).toHaveText(/1–2 December 2021/);
        await expect(published.locator('time')).toHaveAttribute('datetime', /^2021-12-01/);
        const header = await page.locator('.article-header').textContent();
        const masthead = await page.locator('.masthead').textContent();
        expect(header, 'article header names no 2023/2024 date').not.toMatch(/2023|2024/);
        expect(masthead).not.toMatch(/2023/);
        expect(masthead, 'copy date is not called the publication date').not.toMatch(/published(:)? *(on )?[^.]*2024/i);
    });

    test('b. four sections are disclosures that work with mouse and keyboard', async () => {
        const { page } = await open();
        const sections = page.locator('section.article-section');
        await expect(sections).toHaveCount(4);
        expect((await page.locator('section.article-section h2 > button.section-toggle').allTextContents()).map((t) => t.trim())).toStrictEqual(SECTIONS.map((s) => s.heading));
        // Tab from the page start (a fresh page): the skip link first, then on to the first toggle.
        await page.keyboard.press('Tab');
        expect(await activeIs(page, 'a.skip-link'), 'first Tab stop is the skip link').toBeTruthy();
        expect((await page.evaluate(() => document.activeElement.textContent)).trim()).toBe('Skip to the article');
        await tabUntil(page, '.section-toggle', 10);
        expect((await page.evaluate(() => document.activeElement.textContent)).trim()).toBe('Introduction');
        const outline = await page.evaluate(() => {
            const style = getComputedStyle(document.activeElement);
            return { style: style.outlineStyle, width: style.outlineWidth };
        });
        expect(outline.style, 'focused toggle shows a focus outline').not.toBe('none');
        expect(outline.width).not.toBe('0px');

        await checkSectionToggles(page);

        // Keyboard: Enter toggles, Space toggles back.
        const button = toggle(page, 'bilateral-cooperation');
        await button.focus();
        await page.keyboard.press('Enter');
        await expect(button).toHaveAttribute('aria-expanded', 'false');
        await expect(body(page, 'bilateral-cooperation')).toHaveAttribute('hidden', 'until-found');
        await page.keyboard.press('Space');
        await expect(button).toHaveAttribute('aria-expanded', 'true');
        await expect(body(page, 'bilateral-cooperation')).not.toHaveAttribute('hidden');
    });

    test('c. Expand all and Collapse all open and close every section', async () => {
        const { page } = await open();
        const controls = page.locator('.section-controls button');
        expect((await controls.allTextContents()).map((t) => t.trim())).toStrictEqual(['Expand all', 'Collapse all']);
        await collapseAll(page);
        for (const { id } of SECTIONS) {
            await expect(body(page, id)).toHaveAttribute('hidden', 'until-found');
            await expect(body(page, id).locator('p').first()).toBeHidden();
        }
        await expandAll(page);
        for (const { id } of SECTIONS) {
            await expect(body(page, id)).not.toHaveAttribute('hidden');
            await expect(body(page, id).locator('p').first()).toBeVisible();
        }
    });

    test('d. the open sections survive a reload', async () => {
        const { page } = await open();
        await toggle(page, 'bilateral-cooperation').click();
        await expect(toggle(page, 'bilateral-cooperation')).toHaveAttribute('aria-expanded', 'false');
        await expect.poll(() => page.evaluate((key) => {
            const saved = JSON.parse(localStorage.getItem(key) ?? 'null');
            return Array.isArray(saved) && saved.length === 3 && !saved.includes('bilateral-cooperation');
        }, STORAGE_KEY)).toBeTruthy();
        await page.reload();
        await expect(page.locator('main#article h1')).toBeVisible();
        await expect(toggle(page, 'bilateral-cooperation')).toHaveAttribute('aria-expanded', 'false');
        await expect(body(page, 'bilateral-cooperation')).toHaveAttribute('hidden', 'until-found');
        for (const id of ['lead', 'concern-over-afghanistan', 'the-backdrop']) {
            await expect(toggle(page, id), `${id} still open`).toHaveAttribute('aria-expanded', 'true');
            await expect(body(page, id)).not.toHaveAttribute('hidden');
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
        await expect(backdrop).toHaveAttribute('aria-expanded', 'false');
        await expect(body(page, 'the-backdrop')).toHaveAttribute('hidden', 'until-found');
        await expect(body(page, 'the-backdrop'), 'the collapsed text is still in the page').toHaveText(/crippled economy/);
        await expect.poll(() => page.evaluate((key) => !JSON.parse(localStorage.getItem(key) ?? '[]').includes('the-backdrop'), STORAGE_KEY)).toBeTruthy();

        // 1. The browser's find-in-page reveal (scroll to text fragment).
        await page.goto(`${suite.server.url}#:~:text=crippled%20economy`);
        await expect(page.locator('main#article h1')).toBeVisible();
        await expect(backdrop).toHaveAttribute('aria-expanded', 'true');
        await expect(body(page, 'the-backdrop')).not.toHaveAttribute('hidden');
        await expect(body(page, 'the-backdrop').getByText('crippled economy')).toBeVisible();

        // 2. The viewer's `beforematch` handler on its own.
        await backdrop.click();
        await expect(body(page, 'the-backdrop')).toHaveAttribute('hidden', 'until-found');
        await body(page, 'the-backdrop').evaluate((element) => element.dispatchEvent(new Event('beforematch')));
        await expect(backdrop).toHaveAttribute('aria-expanded', 'true');
        await expect(body(page, 'the-backdrop')).not.toHaveAttribute('hidden');
    });

    test('f. the sidebar lists the entities by kind with counts and descriptions', async () => {
        const { page } = await open();
        const sidebar = page.locator('aside.sidebar');
        await expect(sidebar).toHaveCount(1);
        expect(await sidebar.evaluate((el) => el.tagName), 'complementary landmark').toBe('ASIDE');
        expect((await sidebar.locator('.entity-group h3').allTextContents()).map((t) => t.trim())).toStrictEqual(['People', 'Organisations', 'Places', 'Topics']);
        for (const id of REQUIRED_ENTITIES) {
            const button = entityButton(page, id);
            await expect(button, `entity button ${id}`).toHaveCount(1);
            const item = button.locator('xpath=..');
            await expect(button.locator('.entity-count'), `${id} mention count`).toHaveText(/^(\d+ mentions?|not named on its own in the text)$/);
            expect((await item.locator('.entity-description').textContent()).trim().length > 10, `${id} description`).toBeTruthy();
        }
        await expect(entityButton(page, 'nikolay-patrushev').locator('.entity-count')).toHaveText('7 mentions');
    });

    test('g. choosing Nikolay Patrushev marks his mentions, steps through them and marks his events', async () => {
        const { page } = await open();
        const { marks, status } = await choosePatrushev(page);

        const currentId = () => page.locator('mark.mention.marked.current').getAttribute('id');
        await expect(page.locator('mark.mention.marked.current')).toHaveCount(1);
        const first = await currentId();
        expect(first, 'first mention is current').toBe(await marks.first().getAttribute('id'));
        await expect(page.locator('mark.mention.marked.current')).toBeInViewport({ ratio: 1 });

        const stepper = page.locator('.mention-stepper');
        await stepper.getByRole('button', { name: 'Next' }).click();
        await expect(status).toHaveText('Mention 2 of 7 of Nikolay Patrushev');
        await expect(page.locator('mark.mention.marked.current')).toHaveCount(1);
        const second = await currentId();
        expect(second, 'the current mark moved').not.toBe(first);
        expect(second).toBe(await marks.nth(1).getAttribute('id'));
        await expect(page.locator('mark.mention.marked.current')).toBeInViewport({ ratio: 1 });

        await stepper.getByRole('button', { name: 'Previous' }).click();
        await expect(status).toHaveText('Mention 1 of 7 of Nikolay Patrushev');
        await stepper.getByRole('button', { name: 'Previous' }).click();
        await expect(status).toHaveText('Mention 7 of 7 of Nikolay Patrushev');
        expect(await currentId(), 'Previous from 1 wraps to 7').toBe(await marks.nth(6).getAttribute('id'));
        await expect(page.locator('mark.mention.marked.current')).toBeInViewport({ ratio: 1 });

        for (const id of ['dushanbe-sco-meeting', 'moscow-meeting', 'tass-report']) {
            await expect(page.locator(`ol.timeline-list li.timeline-item:has([data-event-id="${id}"])`), `list item ${id} involves him`).toHaveAttribute('class', /\binvolves-entity\b/);
            await expect(page.locator(`.timeline-drawing .marker[data-event-id="${id}"]`), `marker ${id} involves him`).toHaveAttribute('class', /\binvolves-entity\b/);
        }
        expect(await page.locator('ol.timeline-list li.timeline-item:has([data-event-id="yusuf-appointed"])').getAttribute('class')).not.toMatch(/\binvolves-entity\b/);
        expect(await page.locator('.timeline-drawing .marker[data-event-id="yusuf-appointed"]').getAttribute('class')).not.toMatch(/\binvolves-entity\b/);

        await stepper.getByRole('button', { name: 'Clear' }).click();
        await expect(page.locator('mark.mention.marked')).toHaveCount(0);
        await expect(entityButton(page, 'nikolay-patrushev')).toHaveAttribute('aria-pressed', 'false');
        await expect(page.locator('.mention-stepper')).toHaveCount(0);
        await expect(page.locator('.involves-entity')).toHaveCount(0);
    });

    test('h. the People filter hides and shows the People group', async () => {
        const { page } = await open();
        const checkbox = page.locator('.kind-filter', { hasText: 'People' }).locator('input[type="checkbox"]');
        const peopleGroup = page.locator('aside.sidebar .entity-group', { has: page.locator('h3', { hasText: /^People$/ }) });
        await expect(checkbox).toBeChecked();
        await expect(peopleGroup).toBeVisible();
        await checkbox.uncheck();
        await expect(peopleGroup).not.toBeAttached();
        await expect(entityButton(page, 'moeed-yusuf')).toHaveCount(0);
        await expect(entityButton(page, 'moscow'), 'other groups stay').toHaveCount(1);
        await checkbox.check();
        await expect(peopleGroup).toBeVisible();
        await expect(entityButton(page, 'moeed-yusuf')).toHaveCount(1);
    });

    test('i. the timeline draws the article\'s lanes with month ticks and lists the events in date order', async () => {
        const { page } = await open();
        const timeline = page.locator('section.timeline');
        const drawing = timeline.locator('.timeline-drawing');
        await expect(drawing).toBeVisible();
        // A row per declared lane, in the article's order, named by its label.
        expect(await drawing.locator('.lane').evaluateAll((lanes) => lanes.map((lane) => [lane.dataset.lane, lane.querySelector('.lane-label').textContent]))).toStrictEqual(article.lanes.map((lane) => [lane.id, lane.label]));
        const ticks = (await drawing.locator('.tick-label').allTextContents()).map((t) => t.trim());
        for (const month of ['Aug', 'Sep', 'Oct', 'Nov', 'Dec']) expect(ticks.includes(month), `tick ${month} in ${ticks}`).toBeTruthy();

        const items = timeline.locator('ol.timeline-list > li');
        expect(article.events.length).toBe(12);
        await expect(items).toHaveCount(article.events.length);
        const dates = await items.evaluateAll((lis) => lis.map((li) => li.querySelector('time[datetime]')?.getAttribute('datetime')));
        expect(dates.every(Boolean), 'every item has a time[datetime]').toBeTruthy();
        for (let i = 1; i < dates.length; i++) expect(dates[i - 1] <= dates[i], `date order: ${dates[i - 1]} before ${dates[i]}`).toBeTruthy();

        const meetingTime = timeline.locator('ol.timeline-list [data-event-id="moscow-meeting"] time');
        await expect(meetingTime).toHaveAttribute('datetime', '2021-12-01');
        await expect(meetingTime).toHaveText('1 December 2021');

        const backdrop = await timeline.locator('ol.timeline-list > li[data-lane="backdrop"] time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
        const inAutumn = backdrop.filter((d) => d >= '2021-08' && d < '2022-01');
        expect(inAutumn.length >= 6, `at least six backdrop events Aug–Dec 2021: ${backdrop}`).toBeTruthy();

        for (const basis of await timeline.locator('ol.timeline-list button.event-button .event-basis').allTextContents()) {
            expect(BASIS_TEXTS.some((b) => basis.includes(b)), `basis text ${JSON.stringify(basis)}`).toBeTruthy();
        }
        await expect(timeline.locator('ol.timeline-list button.event-button .event-basis')).toHaveCount(12);
        expect(await timeline.textContent()).not.toMatch(/2023|2024/);
    });

    test('j. choosing the meeting shows where its date comes from and its sentence; a marker chooses too', async () => {
        const { page } = await open();
        await collapseAll(page);
        await assertNotCovered(page, 'ol.timeline-list button.event-button[data-event-id="moscow-meeting"]');
        await chooseMeeting(page);
        const details = page.locator('.event-details');
        await expect(details.locator('.provenance-kind')).toHaveText(/Stated in the article/);
        await expect(details.locator('.provenance-quote')).toHaveText(/“on December 1 in Moscow”/);
        await expect(details.locator('.provenance-reasoning')).toHaveText(/2021/);
        expect(await details.locator('a[rel="noopener noreferrer"]').count() >= 1, 'source links').toBeTruthy();
        expect(await details.textContent()).not.toMatch(/2023|2024/);

        const sentence = page.locator('mark#chosen-sentence');
        await expect(sentence).toHaveCount(1);
        await expect(sentence).toHaveText(/led a six-member delegation/);
        await expect(toggle(page, 'lead')).toHaveAttribute('aria-expanded', 'true');
        await expect(page.locator('mark#chosen-sentence')).toBeInViewport({ ratio: 1 });
        await expect(page.locator('#chosen-sentence')).toBeFocused();

        const involved = await page.locator('aside.sidebar li.entity.involved .entity-button')
            .evaluateAll((bs) => bs.map((b) => b.dataset.entityId));
        for (const id of ['moeed-yusuf', 'nikolay-patrushev']) expect(involved.includes(id), `${id} involved: ${involved}`).toBeTruthy();
        expect(!involved.includes('taliban')).toBeTruthy();

        await page.locator('.timeline-drawing .marker[data-event-id="taliban-take-kabul"]').click();
        await expect(listEvent(page, 'taliban-take-kabul')).toHaveAttribute('aria-pressed', 'true');
        await expect(listEvent(page, 'moscow-meeting')).toHaveAttribute('aria-pressed', 'false');
        const kabul = page.locator('.event-details[data-event-id="taliban-take-kabul"]');
        await expect(kabul).toBeVisible();
        await expect(kabul.locator('.provenance-kind')).toHaveText(/From an outside source/);
        expect(await kabul.locator('.provenance-sources a[href^="http"]').count() >= 1, 'outside source link').toBeTruthy();
    });

    test('k. keyboard only: Space chooses an entity, Enter chooses an event', async () => {
        const { page } = await open();
        await tabUntil(page, 'aside.sidebar button.entity-button', 30);
        const entityId = await page.evaluate(() => document.activeElement.dataset.entityId);
        await page.keyboard.press('Space');
        await expect(entityButton(page, entityId)).toHaveAttribute('aria-pressed', 'true');
        await expect(page.locator('mark.mention.marked').first()).toBeAttached();

        await tabUntil(page, 'ol.timeline-list button.event-button', 80);
        const eventId = await page.evaluate(() => document.activeElement.dataset.eventId);
        await page.keyboard.press('Enter');
        await expect(listEvent(page, eventId)).toHaveAttribute('aria-pressed', 'true');
        await expect(page.locator(`.event-details[data-event-id="${eventId}"]`)).toBeVisible();
    });

    test('l. on a 360 px screen nothing scrolls sideways and the timeline turns vertical', async () => {
        const { page } = await open({ viewport: { width: 360, height: 800 } });
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(widths.scroll <= 360, `page is ${widths.scroll}px wide at 360px`).toBeTruthy();
        const axis = await page.locator('.timeline-drawing .axis').boundingBox();
        expect(axis.height > axis.width, `axis is vertical: ${JSON.stringify(axis)}`).toBeTruthy();
        const overflow = await page.locator('.timeline-drawing').evaluate((drawing) => {
            const d = drawing.getBoundingClientRect();
            return [...drawing.querySelectorAll('.marker')]
                .map((m) => ({ id: m.dataset.eventId, r: m.getBoundingClientRect() }))
                .filter(({ r }) => r.left < d.left - 0.5 || r.right > d.right + 0.5)
                .map(({ id, r }) => `${id}: ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(d.left)}–${Math.round(d.right)}`);
        });
        expect(overflow, 'markers stay inside the drawing').toStrictEqual([]);
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
        expect(luminance < 0.05, `dark background, relative luminance ${luminance.toFixed(3)}`).toBeTruthy();
        await assertNoAxeViolations(page, {}, 'in the dark theme');

        const smooth = await open();
        expect(await smooth.page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
        const reduced = await open({ reducedMotion: 'reduce' });
        expect(await reduced.page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
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
        await expect(body(page, 'the-backdrop')).toHaveAttribute('hidden', 'until-found');
        await body(page, 'the-backdrop').evaluate((element) => element.dispatchEvent(new Event('beforematch')));
        await expect(toggle(page, 'the-backdrop')).toHaveAttribute('aria-expanded', 'true');
        const { status } = await choosePatrushev(page);
        const stepper = page.locator('.mention-stepper');
        await stepper.getByRole('button', { name: 'Next' }).click();
        await expect(status).toHaveText('Mention 2 of 7 of Nikolay Patrushev');
        await stepper.getByRole('button', { name: 'Previous' }).click();
        await stepper.getByRole('button', { name: 'Previous' }).click();
        await expect(status).toHaveText('Mention 7 of 7 of Nikolay Patrushev');
        await chooseMeeting(page);
        await page.locator('.timeline-drawing .marker[data-event-id="taliban-take-kabul"]').click();
        await expect(listEvent(page, 'taliban-take-kabul')).toHaveAttribute('aria-pressed', 'true');
        await page.locator('.event-details .go-to-sentence').click();
        await expect(page.locator('#chosen-sentence')).toBeFocused();
        await page.locator('.event-details .close-details').click();
        await expect(page.locator('.event-details')).not.toBeAttached();
        await stepper.getByRole('button', { name: 'Clear' }).click();
        await expect(page.locator('mark.mention.marked')).toHaveCount(0);
        const people = page.locator('.kind-filter', { hasText: 'People' }).locator('input');
        await people.uncheck();
        await expect(entityButton(page, 'moeed-yusuf')).toHaveCount(0);
        await people.check();
        await expect(entityButton(page, 'moeed-yusuf')).toHaveCount(1);
        await page.setViewportSize({ width: 360, height: 800 });
        await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
        await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
        await page.reload();
        await expect(page.locator('main#article h1')).toBeVisible();
        await assertNoAxeViolations(page);

        expect(viewer.consoleErrors, 'console errors').toStrictEqual([]);
        expect(viewer.pageErrors, 'page errors').toStrictEqual([]);
        const requests = suite.server.requests.slice(firstRequest);
        expect(requests.some((r) => r.path.endsWith('.wasm') && r.status === 200), 'the wasm was served').toBeTruthy();
        expect(requests.filter((r) => r.status >= 400), 'requests that failed').toStrictEqual([]);
    });

    test('p. print shows the whole text and the lists, not the drawing', async () => {
        const { page } = await open();
        await collapseAll(page);
        await page.emulateMedia({ media: 'print' });
        expect(await hiddenParagraphIds(page), 'every paragraph prints').toStrictEqual([]);
        await expect(page.locator('.timeline-drawing'), 'the drawing does not print').toBeHidden();
        await expect(page.locator('ol.timeline-list')).toBeVisible();
        await expect(page.locator('aside.sidebar')).toBeVisible();
    });
});
