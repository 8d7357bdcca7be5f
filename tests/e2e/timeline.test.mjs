// End-to-end tests of the timeline drawing's labels, in headless Chromium against the
// release build in dist/: every label whole, none overlapping, same-day events apart,
// and the month labels inside the drawing.

import { assertNoAxeViolations, expect, test } from './support.mjs';

let suite;
test.beforeEach(({ suite: current }) => {
    suite = current;
});
const WIDE = { width: 1366, height: 900 };
/** Where the drawing runs down (1366: a column beside the text; 390: a phone) or across (1920). */
const VIEWPORTS = [WIDE, { width: 1920, height: 1000 }, { width: 390, height: 844 }];
const SAME_DAY = ['moscow-meeting', 'tass-report', 'nsa-tweet'];

/** Opens the built-in article at `viewport` with its drawing's markers placed. */
async function openDrawing(viewport) {
    const viewer = await suite.open(undefined, { viewport });
    const drawing = viewer.page.locator('section.timeline .timeline-drawing');
    await expect(drawing.locator('.marker').first()).toBeVisible();
    // Positions go in through the CSSOM after the render: wait until every marker has one.
    await expect(drawing.locator('.marker:not([style*="--pos"])'), 'every marker has its position').toHaveCount(0);
    await drawing.scrollIntoViewIfNeeded();
    // The drawing is laid out only near the screen (content-visibility): a frame after it is.
    await expect.poll(() => drawing.evaluate((d) => d.querySelector('.marker-date').innerText), { message: 'the drawing is rendered' }).not.toBe('');
    return { ...viewer, drawing };
}

/** The boxes of the drawing's visible marker labels (date and label), by event id. */
function labelBoxes(drawing) {
    return drawing.evaluate((d) => [...d.querySelectorAll('.marker')]
        .map((m) => ({ id: m.dataset.eventId, text: m.querySelector('.marker-text') }))
        .filter(({ text }) => text.getClientRects().length > 0)
        .map(({ id, text }) => {
            const r = text.getBoundingClientRect();
            return { id, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }));
}

/** Pairs of boxes that intersect (by more than half a pixel). */
function intersecting(boxes) {
    const found = [];
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i], boxes[j]];
            const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (x > 0.5 && y > 0.5) found.push(`${a.id} × ${b.id}`);
        }
    }
    return found;
}

for (const VIEWPORT of VIEWPORTS) test.describe(`the timeline drawing at ${VIEWPORT.width} px`, () => {
    test('no marker label is cut: none overflows its box and none ends in an ellipsis', async () => {
        const { drawing } = await openDrawing(VIEWPORT);
        const cut = await drawing.evaluate((d) => [...d.querySelectorAll('.marker')].flatMap((m) => {
            const label = m.querySelector('.marker-label');
            const problems = [];
            for (const element of [label, m.querySelector('.marker-text')]) {
                const style = getComputedStyle(element);
                if (element.scrollWidth > element.clientWidth && element.clientWidth > 0) problems.push(`${element.className} scrolls sideways`);
                if (element.scrollHeight > element.clientHeight + 1 && element.clientHeight > 0) problems.push(`${element.className} is taller than its box`);
                if (style.textOverflow === 'ellipsis') problems.push(`${element.className} has an ellipsis`);
                if (style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '') problems.push(`${element.className} is clamped to ${style.webkitLineClamp} lines`);
            }
            return problems.map((p) => `${m.dataset.eventId}: ${p}`);
        }));
        expect(cut).toStrictEqual([]);
        // The date is shown with the whole label.
        const kabul = drawing.locator('.marker[data-event-id="taliban-take-kabul"]');
        expect(await kabul.locator('.marker-date').innerText()).toBe('15 Aug');
        expect(await kabul.locator('.marker-label').innerText()).toBe('Taliban take Kabul');
    });

    test('no two marker labels overlap, and every label stays inside the drawing', async () => {
        const { drawing } = await openDrawing(VIEWPORT);
        const boxes = await labelBoxes(drawing);
        expect(boxes.length, 'every marker label is visible').toBe(12);
        expect(intersecting(boxes)).toStrictEqual([]);
        const d = await drawing.boundingBox();
        const outside = boxes.filter((b) => b.left < d.x - 0.5 || b.right > d.x + d.width + 0.5)
            .map((b) => `${b.id}: ${Math.round(b.left)}–${Math.round(b.right)}`);
        expect(outside, `inside ${Math.round(d.x)}–${Math.round(d.x + d.width)}`).toStrictEqual([]);
        // The check can fail: the labels overlap once their rows (across) or their stacking (down) are taken away.
        await drawing.evaluate((d) => d.querySelectorAll('.marker').forEach((m) => {
            m.style.setProperty('--row', '0');
            m.style.setProperty('--narrow-top', '0');
        }));
        expect(intersecting(await labelBoxes(drawing))).not.toStrictEqual([]);
    });

    test('the three events of 1 December are drawn apart, in rows of their own', async () => {
        const { drawing } = await openDrawing(VIEWPORT);
        const placed = await drawing.evaluate((d, ids) => ids.map((id) => {
            const dot = d.querySelector(`.marker[data-event-id="${id}"] .marker-dot`).getBoundingClientRect();
            return { id, x: Math.round(dot.left), y: Math.round(dot.top) };
        }), SAME_DAY);
        const spots = new Set(placed.map(({ x, y }) => `${x},${y}`));
        expect(spots.size, `three places: ${JSON.stringify(placed)}`).toBe(3);
        const rows = new Set(placed.map(({ y }) => y));
        expect(rows.size, `three rows: ${JSON.stringify(placed)}`).toBe(3);
    });

    test('the month labels lie within the drawing, the first and last included', async () => {
        const { drawing } = await openDrawing(VIEWPORT);
        const d = await drawing.boundingBox();
        const ticks = drawing.locator('.tick-label');
        const first = await ticks.first().boundingBox();
        const last = await ticks.last().boundingBox();
        await expect(ticks.first()).toHaveText('May 2021');
        for (const [name, box] of [['first', first], ['last', last]]) {
            expect(box.x >= d.x - 0.5 && box.x + box.width <= d.x + d.width + 0.5, `${name} tick label ${Math.round(box.x)}–${Math.round(box.x + box.width)} within the drawing ${Math.round(d.x)}–${Math.round(d.x + d.width)}`).toBeTruthy();
        }
        // Neighbouring month labels do not run into each other.
        const boxes = await ticks.evaluateAll((labels) => labels.map((l, i) => {
            const r = l.getBoundingClientRect();
            return { id: `${i}:${l.textContent}`, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }));
        expect(intersecting(boxes)).toStrictEqual([]);
    });

    test('the page with the new labels passes axe', async () => {
        const { page } = await openDrawing(VIEWPORT);
        await assertNoAxeViolations(page);
    });
});

test.describe('the timeline drawing zoomed, at 1100, 1366 and 390 px', () => {
    test('no label is cut, none overlaps another, and the month labels stay inside the drawing', async () => {
        for (const viewport of [{ width: 1100, height: 900 }, WIDE, { width: 390, height: 800 }]) {
            const { page, drawing } = await openDrawing(viewport);
            for (const name of ['Around the talks', 'Busiest month', 'All']) {
                await page.locator('.zoom-presets button', { hasText: name }).click();
                await expect(page.locator('.zoom-presets button[aria-pressed="true"]')).toHaveText(new RegExp(`^${name}`));
                await expect(drawing.locator('.marker:not([style*="--pos"])'), 'every marker has its position').toHaveCount(0);
                const where = `${name} at ${viewport.width} px`;
                const cut = await drawing.evaluate((d) => [...d.querySelectorAll('.marker-text')]
                    .filter((t) => t.scrollHeight > t.clientHeight + 1 || t.scrollWidth > t.clientWidth + 1)
                    .map((t) => t.textContent));
                expect(cut, where).toStrictEqual([]);
                expect(intersecting(await labelBoxes(drawing)), where).toStrictEqual([]);
                const d = await drawing.boundingBox();
                const ticks = await drawing.locator('.tick-label').evaluateAll((labels) => labels.map((l) => {
                    const r = l.getBoundingClientRect();
                    return { id: l.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
                }));
                const outside = ticks.filter((b) => b.left < d.x - 0.5 || b.right > d.x + d.width + 0.5 || b.top < d.y - 0.5 || b.bottom > d.y + d.height + 0.5);
                expect(outside, where).toStrictEqual([]);
                expect(intersecting(ticks), where).toStrictEqual([]);
                // Nothing in the drawing is clipped by it.
                expect(await drawing.evaluate((e) => e.scrollHeight <= e.clientHeight), `${where}: the drawing scrolls down`).toBeTruthy();
            }
        }
    });
});

test.describe('the list points at the drawing', () => {
    /** The ids of the markers drawn as pointed at. */
    const pointedIds = (page) => page.locator('.timeline-drawing .marker.pointed')
        .evaluateAll((ms) => ms.map((m) => m.dataset.eventId));
    const item = (page, id) => page.locator(`ol.timeline-list button.event-button[data-event-id="${id}"]`);

    test('focusing or hovering a list item marks its event in the drawing, its label whole', async () => {
        for (const viewport of [WIDE, { width: 390, height: 800 }]) {
            const { page, drawing } = await openDrawing(viewport);
            expect(await pointedIds(page)).toStrictEqual([]);
            await item(page, 'nsa-tweet').focus();
            await expect(page.locator('.timeline-drawing .marker.pointed')).toHaveCount(1);
            expect(await pointedIds(page)).toStrictEqual(['nsa-tweet']);
            // Whole, in the narrow drawing's columns too.
            const text = drawing.locator('.marker[data-event-id="nsa-tweet"] .marker-text');
            expect(await text.evaluate((t) => t.scrollHeight <= t.clientHeight + 1 && getComputedStyle(t).webkitLineClamp === 'none'), `label whole at ${viewport.width} px`).toBeTruthy();
            await page.locator('body').focus();
            await page.evaluate(() => document.activeElement.blur());
            await expect(page.locator('.timeline-drawing .marker.pointed')).toHaveCount(0);
            await item(page, 'taliban-take-kabul').hover();
            await expect(page.locator('.timeline-drawing .marker.pointed').first()).toHaveAttribute('data-event-id', 'taliban-take-kabul');
            await page.mouse.move(0, 0);
            await expect(page.locator('.timeline-drawing .marker.pointed')).toHaveCount(0);
        }
    });
});
