// End-to-end tests of the timeline drawing's labels, in headless Chromium against the
// release build in dist/: every label whole, none overlapping, same-day events apart,
// and the month labels inside the drawing.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoAxeViolations, viewerSuite, waitUntil } from './support.mjs';

const suite = viewerSuite();
const WIDE = { width: 1366, height: 900 };
const SAME_DAY = ['moscow-meeting', 'tass-report', 'nsa-tweet'];

/** Opens the built-in article at `viewport` with its drawing's markers placed. */
async function openDrawing(viewport) {
    const viewer = await suite.open(undefined, { viewport });
    const drawing = viewer.page.locator('section.timeline .timeline-drawing');
    await drawing.locator('.marker').first().waitFor();
    // Positions go in through the CSSOM after the render: wait until every marker has one.
    await viewer.page.waitForFunction(() => [...document.querySelectorAll('.timeline-drawing .marker')]
        .every((m) => m.style.getPropertyValue('--pos') !== ''));
    await drawing.scrollIntoViewIfNeeded();
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

describe('the timeline drawing at 1366 px', () => {
    test('no marker label is cut: none overflows its box and none ends in an ellipsis', async () => {
        const { drawing } = await openDrawing(WIDE);
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
        assert.deepEqual(cut, []);
        // The date is shown with the whole label.
        const kabul = drawing.locator('.marker[data-event-id="taliban-take-kabul"]');
        assert.equal(await kabul.locator('.marker-date').innerText(), '15 Aug');
        assert.equal(await kabul.locator('.marker-label').innerText(), 'Taliban take Kabul');
    });

    test('no two marker labels overlap, and every label stays inside the drawing', async () => {
        const { drawing } = await openDrawing(WIDE);
        const boxes = await labelBoxes(drawing);
        assert.equal(boxes.length, 12, 'every marker label is visible');
        assert.deepEqual(intersecting(boxes), []);
        const d = await drawing.boundingBox();
        const outside = boxes.filter((b) => b.left < d.x - 0.5 || b.right > d.x + d.width + 0.5)
            .map((b) => `${b.id}: ${Math.round(b.left)}–${Math.round(b.right)}`);
        assert.deepEqual(outside, [], `inside ${Math.round(d.x)}–${Math.round(d.x + d.width)}`);
        // The check can fail: the labels overlap once their rows (wide) or their tops
        // (narrow) are taken away.
        await drawing.evaluate((d) => d.querySelectorAll('.marker').forEach((m) => {
            m.style.setProperty('--row', '0');
            m.style.setProperty('--narrow-top', '0');
        }));
        assert.notDeepEqual(intersecting(await labelBoxes(drawing)), []);
    });

    test('the three events of 1 December are drawn apart, in rows of their own', async () => {
        const { drawing } = await openDrawing(WIDE);
        const placed = await drawing.evaluate((d, ids) => ids.map((id) => {
            const dot = d.querySelector(`.marker[data-event-id="${id}"] .marker-dot`).getBoundingClientRect();
            return { id, x: Math.round(dot.left), y: Math.round(dot.top) };
        }), SAME_DAY);
        const spots = new Set(placed.map(({ x, y }) => `${x},${y}`));
        assert.equal(spots.size, 3, `three places: ${JSON.stringify(placed)}`);
        const rows = new Set(placed.map(({ y }) => y));
        assert.equal(rows.size, 3, `three rows: ${JSON.stringify(placed)}`);
    });

    test('the month labels lie within the drawing, the first and last included', async () => {
        const { drawing } = await openDrawing(WIDE);
        const d = await drawing.boundingBox();
        const ticks = drawing.locator('.tick-label');
        const first = await ticks.first().boundingBox();
        const last = await ticks.last().boundingBox();
        assert.equal((await ticks.first().textContent()).trim(), 'May 2021');
        for (const [name, box] of [['first', first], ['last', last]]) {
            assert.ok(box.x >= d.x - 0.5 && box.x + box.width <= d.x + d.width + 0.5,
                `${name} tick label ${Math.round(box.x)}–${Math.round(box.x + box.width)} within the drawing ${Math.round(d.x)}–${Math.round(d.x + d.width)}`);
        }
        // Neighbouring month labels do not run into each other.
        const boxes = await ticks.evaluateAll((labels) => labels.map((l, i) => {
            const r = l.getBoundingClientRect();
            return { id: `${i}:${l.textContent}`, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }));
        assert.deepEqual(intersecting(boxes), []);
    });

    test('the page with the new labels passes axe', async () => {
        const { page } = await openDrawing(WIDE);
        await assertNoAxeViolations(page);
    });
});

describe('the timeline drawing zoomed, at 1100, 1366 and 390 px', () => {
    test('no label is cut, none overlaps another, and the month labels stay inside the drawing', async () => {
        for (const viewport of [{ width: 1100, height: 900 }, WIDE, { width: 390, height: 800 }]) {
            const { page, drawing } = await openDrawing(viewport);
            for (const name of ['Around the talks', 'Busiest month', 'All']) {
                await page.locator('.zoom-presets button', { hasText: name }).click();
                await waitUntil(page, (name) => document.querySelector('.zoom-presets button[aria-pressed="true"]')?.textContent.startsWith(name), name);
                await page.waitForFunction(() => [...document.querySelectorAll('.timeline-drawing .marker')]
                    .every((m) => m.style.getPropertyValue('--pos') !== ''));
                const where = `${name} at ${viewport.width} px`;
                const cut = await drawing.evaluate((d) => [...d.querySelectorAll('.marker-text')]
                    .filter((t) => t.scrollHeight > t.clientHeight + 1 || t.scrollWidth > t.clientWidth + 1)
                    .map((t) => t.textContent));
                assert.deepEqual(cut, [], where);
                assert.deepEqual(intersecting(await labelBoxes(drawing)), [], where);
                const d = await drawing.boundingBox();
                const ticks = await drawing.locator('.tick-label').evaluateAll((labels) => labels.map((l) => {
                    const r = l.getBoundingClientRect();
                    return { id: l.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
                }));
                const outside = ticks.filter((b) => b.left < d.x - 0.5 || b.right > d.x + d.width + 0.5 || b.top < d.y - 0.5 || b.bottom > d.y + d.height + 0.5);
                assert.deepEqual(outside, [], where);
                assert.deepEqual(intersecting(ticks), [], where);
                // Nothing in the drawing is clipped by it.
                assert.ok(await drawing.evaluate((e) => e.scrollHeight <= e.clientHeight), `${where}: the drawing scrolls down`);
            }
        }
    });
});

describe('the list points at the drawing', () => {
    /** The ids of the markers drawn as pointed at. */
    const pointedIds = (page) => page.locator('.timeline-drawing .marker.pointed')
        .evaluateAll((ms) => ms.map((m) => m.dataset.eventId));
    const item = (page, id) => page.locator(`ol.timeline-list button.event-button[data-event-id="${id}"]`);

    test('focusing or hovering a list item marks its event in the drawing, its label whole', async () => {
        for (const viewport of [WIDE, { width: 390, height: 800 }]) {
            const { page, drawing } = await openDrawing(viewport);
            assert.deepEqual(await pointedIds(page), []);
            await item(page, 'nsa-tweet').focus();
            await waitUntil(page, () => document.querySelectorAll('.timeline-drawing .marker.pointed').length === 1);
            assert.deepEqual(await pointedIds(page), ['nsa-tweet']);
            // Whole, even in the narrow drawing's columns, where other labels show three lines.
            const text = drawing.locator('.marker[data-event-id="nsa-tweet"] .marker-text');
            assert.ok(await text.evaluate((t) => t.scrollHeight <= t.clientHeight + 1 && getComputedStyle(t).webkitLineClamp === 'none'),
                `label whole at ${viewport.width} px`);
            await page.locator('body').focus();
            await page.evaluate(() => document.activeElement.blur());
            await waitUntil(page, () => document.querySelectorAll('.timeline-drawing .marker.pointed').length === 0);
            await item(page, 'taliban-take-kabul').hover();
            await waitUntil(page, () => document.querySelector('.timeline-drawing .marker.pointed')?.dataset.eventId === 'taliban-take-kabul');
            await page.mouse.move(0, 0);
            await waitUntil(page, () => document.querySelectorAll('.timeline-drawing .marker.pointed').length === 0);
        }
    });
});
