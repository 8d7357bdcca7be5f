// End-to-end tests of the timeline's zoom, its focus on the story's own event and its
// clusters, in headless Chromium against the release build in dist/: presets from the
// data with aria-pressed, the period said in words, a brush dragged along the axis, the
// +/- and earlier/later steps from the keyboard, the focus marked with each event's
// distance from it, and at 100 times the built-in article clusters that zoom to their
// events. (The pictures of the zoomed timeline are in screenshots.test.mjs.)

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { scaledArticle } from '../bench/scale.mjs';
import { DIST_DIR, assertNoAxeViolations, expect, makeTempDir, startStaticServer, test } from './support.mjs';

let suite;
test.beforeEach(({ suite: current }) => {
    suite = current;
});

/** Waits until `locator`'s text is `expected` (or, with `contains`, holds it). */
const waitForText = (locator, expected, { contains = false } = {}) =>
    (contains ? expect(locator).toContainText(expected) : expect(locator).toHaveText(expected));
const waitForAttribute = (locator, name, value) => expect(locator).toHaveAttribute(name, value);
const waitUntil = (page, fn, arg) => page.waitForFunction(fn, arg);
// At 1366 px the timeline stands in a column beside the text, and its drawing is the
// narrow, vertical one; at 1100 px it runs below the text, wide and horizontal.
const WIDE = { width: 1366, height: 900 };
const HORIZONTAL = { width: 1100, height: 900 };
const NARROW = { width: 390, height: 844 };

/** Opens an article (the built-in one by default) with its drawing's markers placed. */
async function openTimeline(viewport, url) {
    const viewer = await suite.open(url, { viewport });
    const { page } = viewer;
    const drawing = page.locator('section.timeline .timeline-drawing');
    await drawing.locator('.marker').first().waitFor();
    await placed(page);
    await drawing.scrollIntoViewIfNeeded();
    return { ...viewer, drawing, status: page.locator('.zoom-status') };
}

/** Waits until every marker of the drawing has its position (set through the CSSOM). */
function placed(page) {
    return page.waitForFunction(() => [...document.querySelectorAll('.timeline-drawing .marker')]
        .every((m) => m.style.getPropertyValue('--pos') !== ''));
}

const preset = (page, name) => page.locator('.zoom-presets button', { hasText: name });
const markerIds = (drawing) => drawing.locator('.marker:not(.cluster)').evaluateAll((ms) => ms.map((m) => m.dataset.eventId));
const tickLabels = (drawing) => drawing.locator('.tick-label').evaluateAll((ls) => ls.map((l) => l.textContent));

/** Every problem with the drawing's labels: cut, overlapping, or outside the drawing. */
function labelProblems(drawing) {
    return drawing.evaluate((d) => {
        const problems = [];
        const outer = d.getBoundingClientRect();
        const boxes = [];
        for (const m of d.querySelectorAll('.marker')) {
            const id = m.dataset.eventId ?? m.textContent.trim();
            const text = m.querySelector('.marker-text');
            if (text.getClientRects().length === 0) continue;
            for (const element of [text, m.querySelector('.marker-label')]) {
                if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) problems.push(`${id}: ${element.className} scrolls sideways`);
                if (element.scrollHeight > element.clientHeight + 1 && element.clientHeight > 0) problems.push(`${id}: ${element.className} is taller than its box`);
                if (getComputedStyle(element).textOverflow === 'ellipsis') problems.push(`${id}: ellipsis`);
            }
            const r = text.getBoundingClientRect();
            boxes.push({ id, left: r.left, right: r.right, top: r.top, bottom: r.bottom });
            // The narrow drawing scrolls sideways: measure against its scrolled width.
            if (r.left < outer.left - 0.5 || r.right > outer.left + Math.max(outer.width, d.scrollWidth) + 0.5) problems.push(`${id}: outside the drawing`);
        }
        for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
                const [a, b] = [boxes[i], boxes[j]];
                const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                if (x > 0.5 && y > 0.5) problems.push(`${a.id} × ${b.id} overlap`);
            }
        }
        if (boxes.length === 0) problems.push('no label is visible');
        // Axis labels: inside the drawing, none clipped by it, none meeting another.
        const ticks = [...d.querySelectorAll('.tick-label')].map((l) => ({ text: l.textContent, r: l.getBoundingClientRect() }));
        for (const { text, r } of ticks) {
            if (r.left < outer.left - 0.5 || r.right > outer.right + 0.5 || r.top < outer.top - 0.5 || r.bottom > outer.bottom + 0.5) {
                problems.push(`tick ${text} outside the drawing: ${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)} in ${Math.round(outer.left)}–${Math.round(outer.right)} × ${Math.round(outer.top)}–${Math.round(outer.bottom)}`);
            }
        }
        for (let i = 1; i < ticks.length; i++) {
            const [a, b] = [ticks[i - 1].r, ticks[i].r];
            const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (x > 0.5 && y > 0.5) problems.push(`ticks ${ticks[i - 1].text} × ${ticks[i].text} overlap`);
        }
        return problems;
    });
}

/** Presses a button from the keyboard. */
async function press(locator) {
    await locator.focus();
    await locator.page().keyboard.press('Enter');
}

test.describe('the story\'s own event is the timeline\'s focus', () => {
    test('its marker is outlined, a rule marks its date, and every other event says how far it is from it', async () => {
        const { page, drawing } = await openTimeline(WIDE);
        const focus = drawing.locator('.marker.focus');
        assert.deepEqual(await focus.evaluateAll((ms) => ms.map((m) => m.dataset.eventId)), ['moscow-meeting']);
        assert.notEqual(await focus.locator('.marker-dot').evaluate((d) => getComputedStyle(d).outlineStyle), 'none');
        // The rule stands at the focus's dot, across both lanes: down the horizontal
        // drawing, across the vertical one (the focus's tick on the lane's edge).
        for (const viewport of [HORIZONTAL, WIDE]) {
            await page.setViewportSize(viewport);
            await placed(page);
            const rule = await drawing.locator('.focus-rule').boundingBox();
            const lanes = await drawing.locator('.lane-track').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().toJSON()));
            if (rule.height > rule.width) {
                const dot = await focus.locator('.marker-dot').boundingBox();
                assert.ok(Math.abs(rule.x + rule.width / 2 - (dot.x + dot.width / 2)) < 2, `rule at ${rule.x}, dot at ${dot.x}`);
                assert.ok(rule.y + rule.height >= Math.max(...lanes.map((l) => l.bottom)) - 1, 'the rule runs down every lane');
            } else {
                const tick = await focus.locator('xpath=preceding-sibling::span[1]').boundingBox();
                assert.ok(Math.abs(rule.y + rule.height / 2 - (tick.y + tick.height / 2)) < 2, `rule at ${rule.y}, tick at ${tick.y}`);
                assert.ok(rule.x + rule.width >= Math.max(...lanes.map((l) => l.right)) - 1, 'the rule runs across every lane');
            }
        }

        const distance = (id) => page.locator(`ol.timeline-list button[data-event-id="${id}"] .event-distance`).textContent();
        assert.equal(await distance('taliban-take-kabul'), '15 weeks before the talks');
        assert.equal(await distance('tass-report'), 'the same day as the talks');
        assert.equal(await distance('oic-islamabad-session'), '2 weeks after the talks');
        assert.equal(await distance('yusuf-appointed'), '6 months before the talks');
        assert.equal(await distance('moscow-meeting'), 'The story\'s own event: the talks');
        await page.locator('ol.timeline-list button[data-event-id="us-withdrawal-complete"]').click();
        await waitForText(page.locator('.event-details .event-distance'), '13 weeks before the talks');
    });
});

test.describe('zooming to a period', () => {
    test('the presets come from the data, say which is shown with aria-pressed, and the period is said in words', async () => {
        const { page, drawing, status } = await openTimeline(WIDE);
        const all = preset(page, 'All');
        assert.equal(await all.getAttribute('aria-pressed'), 'true');
        assert.equal((await status.textContent()).split('.')[0], 'Showing May–Dec 2021, all 12 events');
        const around = preset(page, 'Around the talks (Aug–Dec 2021)');
        assert.equal(await around.getAttribute('aria-pressed'), 'false');
        await around.click();
        await waitForAttribute(around, 'aria-pressed', 'true');
        assert.equal(await all.getAttribute('aria-pressed'), 'false');
        await waitForText(status, 'Showing Aug–Dec 2021, 10 of 12 events.', { contains: true });
        await placed(page);
        const shown = await markerIds(drawing);
        assert.equal(shown.length, 10);
        assert.ok(!shown.includes('yusuf-appointed') && !shown.includes('dushanbe-sco-meeting'), shown.join());
        assert.deepEqual(await tickLabels(drawing), ['Aug 2021', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan 2022']);
        // The list stays whole; the events the drawing shows are marked in it.
        assert.equal(await page.locator('ol.timeline-list > li').count(), 12);
        assert.equal(await page.locator('ol.timeline-list > li.in-view').count(), 10);
        assert.deepEqual(await labelProblems(drawing), []);

        // The busiest month: a tick each Monday.
        const busiest = preset(page, 'Busiest month (Aug 2021)');
        await busiest.click();
        await waitForText(status, 'Showing Aug 2021, 4 of 12 events.', { contains: true });
        await placed(page);
        assert.deepEqual(await tickLabels(drawing), ['2 Aug', '9 Aug', '16 Aug', '23 Aug', '30 Aug']);
        assert.deepEqual(await labelProblems(drawing), []);

        await all.click();
        await waitForText(status, 'Showing May–Dec 2021, all 12 events.', { contains: true });
        assert.equal((await markerIds(drawing)).length, 12);
    });

    test('the keyboard zooms in and out and moves earlier and later', async () => {
        const { page, status } = await openTimeline(WIDE);
        const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
        const zoomOut = page.getByRole('button', { name: 'Zoom out', exact: true });
        assert.equal(await zoomOut.isDisabled(), true, 'the whole timeline cannot zoom out');
        await press(zoomIn);
        // Half of 1 May to 1 January (245 days: 122), about its middle.
        await waitForText(status, 'Showing 2 Jul – 31 Oct 2021, 5 of 12 events.', { contains: true });
        assert.equal(await preset(page, 'All').getAttribute('aria-pressed'), 'false');
        const earlier = page.getByRole('button', { name: 'Earlier', exact: true });
        await press(earlier);
        await waitForText(status, 'Showing 2 May – 31 Aug 2021', { contains: true });
        await press(earlier);
        await waitForText(status, 'Showing 1 May – 30 Aug 2021', { contains: true });
        assert.equal(await earlier.isDisabled(), true, 'at the start');
        await press(page.getByRole('button', { name: 'Later', exact: true }));
        await waitForText(status, 'Showing 1 Jul – 30 Oct 2021', { contains: true });
        await press(zoomOut);
        await waitForText(status, 'Showing May–Dec 2021, all 12 events.', { contains: true });
        assert.equal(await preset(page, 'All').getAttribute('aria-pressed'), 'true');
        // Keyboard focus on the steps is visible.
        await zoomIn.focus();
        assert.notEqual(await zoomIn.evaluate((b) => getComputedStyle(b).outlineStyle), 'none');
    });

    test('dragging along the axis zooms to the dragged period, across the wide axis and down the narrow one', async () => {
        for (const viewport of [HORIZONTAL, NARROW]) {
            const { page, drawing, status } = await openTimeline(viewport);
            const axis = drawing.locator('.axis');
            await axis.scrollIntoViewIfNeeded();
            const box = await axis.boundingBox();
            const wide = box.width > box.height;
            const at = (share) => (wide
                ? { x: box.x + box.width * share, y: box.y + box.height / 2 }
                : { x: box.x + box.width / 2, y: box.y + box.height * share });
            // From about 15 August to about 5 December: a third of the way to near the end.
            const from = at(105 / 245);
            const to = at(218 / 245);
            if (!wide) await page.mouse.move(from.x, from.y);
            await page.mouse.move(from.x, from.y);
            await page.mouse.down();
            await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2);
            assert.equal(await axis.getAttribute('data-brushing'), '', 'the brushed stretch is shown');
            await page.mouse.move(to.x, to.y, { steps: 4 });
            await page.mouse.up();
            await waitUntil(page, () => !document.querySelector('.zoom-status').textContent.includes('all 12'));
            const text = await status.textContent();
            assert.match(text, /^Showing 1[3-5] Aug – [3-6] Dec 2021, 9 of 12 events\./, `${viewport.width} px: ${text}`);
            assert.equal(await axis.getAttribute('data-brushing'), null);
            await placed(page);
            const shown = await markerIds(drawing);
            assert.ok(shown.includes('moscow-meeting') && !shown.includes('oic-islamabad-session'), shown.join());
            // Ticks recomputed for about 16 weeks: each fortnight's Monday, or months.
            assert.ok((await tickLabels(drawing)).length >= 3);
            assert.deepEqual(await labelProblems(drawing), [], `${viewport.width} px`);
            // A click on the axis without a drag changes nothing.
            const before = await status.textContent();
            await page.mouse.click(from.x, from.y);
            assert.equal(await status.textContent(), before);
        }
    });

    test('Ctrl and the wheel (or a pinch) zoom about the pointer\'s date, and back out to the whole', async () => {
        const { page, drawing, status } = await openTimeline(HORIZONTAL);
        const box = await drawing.locator('.axis').boundingBox();
        await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
        await page.keyboard.down('Control');
        await page.mouse.wheel(0, -100);
        // A fifth shorter: 196 of 245 days, 1 May to 1 January, the pointer's day kept.
        await waitForText(status, 'Showing 13 May – 24 Nov 2021', { contains: true });
        for (let i = 0; i < 3; i += 1) await page.mouse.wheel(0, 100);
        await waitForText(status, 'Showing May–Dec 2021, all 12 events.', { contains: true });
        await page.keyboard.up('Control');
        // Without Ctrl the wheel scrolls the page, as ever.
        const scrolled = await page.evaluate(() => scrollY);
        await page.mouse.wheel(0, 100);
        await waitUntil(page, (before) => scrollY > before, scrolled);
        assert.match(await status.textContent(), /all 12 events/);
    });

    test('zoomed, every label is whole and apart and every axis label inside the drawing, at 1366 and 390 px, and axe finds nothing', async () => {
        for (const viewport of [WIDE, HORIZONTAL, NARROW]) {
            const { page, drawing, status } = await openTimeline(viewport);
            for (const name of ['Around the talks', 'Busiest month']) {
                await preset(page, name).click();
                await waitForText(status, 'of 12 events', { contains: true });
                await placed(page);
                assert.deepEqual(await labelProblems(drawing), [], `${name} at ${viewport.width} px`);
            }
            await preset(page, 'Around the talks').click();
            await waitForText(status, 'Showing Aug–Dec 2021', { contains: true });
            await placed(page);
            await page.locator('.zoom-bar').scrollIntoViewIfNeeded();
            await assertNoAxeViolations(page, {}, `zoomed at ${viewport.width} px`);
        }
    });
});

test.describe('clusters at 100 times the built-in article', () => {
    let articles;
    let temp;
    test.beforeAll(async () => {
        const base = JSON.parse(await readFile(`${DIST_DIR}articles/nsa-moscow-2021-12-01.json`, 'utf8'));
        temp = await makeTempDir({ 'scale-100x.json': JSON.stringify(scaledArticle(base, 100)) });
        articles = await startStaticServer(temp.dir, { cors: true });
    });
    test.afterAll(async () => {
        await articles?.close();
        await temp?.remove();
    });

    test('1,200 events are drawn as a few dozen markers; a cluster is a button that zooms to its events', async () => {
        // axe-core over a page of 400 sections and 3,000 names takes most of this.
        test.setTimeout(120_000);
        const url = `${suite.server.url}?article=${encodeURIComponent(`${articles.url}scale-100x.json`)}`;
        const { page, drawing, status } = await openTimeline(WIDE, url);
        await waitForText(page.locator('main#article h1'), '(scale 100x)', { contains: true });
        await waitForText(status, 'all 1,200 events', { contains: true });
        await placed(page);
        const markers = await drawing.locator('.marker').count();
        assert.ok(markers < 60, `${markers} markers for 1,200 events`);
        // The story's own event stands on its own beside the cluster of its day.
        assert.deepEqual(await drawing.locator('.marker.focus').evaluateAll((ms) => ms.map((m) => m.dataset.eventId)), ['moscow-meeting']);
        const december = drawing.locator('button.cluster', { hasText: '299 events' });
        assert.equal(await december.locator('.marker-date').textContent(), '1 Dec');
        assert.deepEqual(await labelProblems(drawing), []);
        await assertNoAxeViolations(page, {}, 'with clusters');

        // A real button, reached from the keyboard: it zooms to its events.
        const august = drawing.locator('button.cluster', { hasText: '400 events' });
        assert.equal(await august.locator('.marker-date').textContent(), '15 Aug – 30 Aug');
        assert.equal(await august.evaluate((b) => b.tabIndex), 0);
        await press(august);
        await waitForText(status, 'Showing 15–30 Aug 2021, 400 of 1,200 events.', { contains: true });
        await waitUntil(page, () => document.activeElement?.classList.contains('zoom-status'));
        await placed(page);
        const inAugust = await drawing.locator('button.cluster .marker-date').evaluateAll((ds) => ds.map((d) => d.textContent));
        assert.deepEqual(inAugust, ['15 Aug', '17 Aug – 18 Aug', '30 Aug']);
        assert.deepEqual(await labelProblems(drawing), []);

        // The horizontal drawing and the 390 px one hold the clusters too, every label whole.
        await page.setViewportSize(HORIZONTAL);
        await preset(page, 'All').click();
        await waitForText(status, 'all 1,200 events', { contains: true });
        await placed(page);
        assert.deepEqual(await labelProblems(drawing), []);
        await page.setViewportSize(NARROW);
        await placed(page);
        assert.deepEqual(await labelProblems(drawing), []);
        const narrowHeight = await drawing.evaluate((d) => d.getBoundingClientRect().height);
        assert.ok(narrowHeight < 2000, `the narrow drawing is ${narrowHeight} px tall`);
        await drawing.scrollIntoViewIfNeeded();
    });
});
