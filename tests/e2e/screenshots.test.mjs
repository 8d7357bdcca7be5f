// Pictures of the built-in article, compared with the baselines in e2e/__screenshots__/
// (committed): the whole page at four widths in the light and the dark theme, an entity and
// an event chosen, the timeline wide and narrow, and the print layout. A change of layout,
// colour or type shows as a failed comparison with a diff image in tests/output/playwright/.
// After a change on purpose, look at the new pictures and take them as the baselines:
//   npx playwright test --config playwright.config.mjs e2e/screenshots.test.mjs --update-snapshots
//
// Every picture is taken of a live page (the viewer has hydrated and answered a click), with
// animations off, the caret hidden, and the page scrolled to a place the test chose. The
// article has no time-dependent text (its dates are its own), so nothing needs a mask.

import { readFile } from 'node:fs/promises';
import { expect, expectNoErrors, test } from './support.mjs';

/** Renders what Chromium skips outside the viewport (content-visibility: auto); see the file. */
const PICTURE_CSS = await readFile(new URL('./screenshots.css', import.meta.url), 'utf8');
const PICTURE_CSS_PATH = '/__pictures.css';

let suite;
test.beforeEach(({ suite: current }) => {
    suite = current;
});
// A picture of a page that logged an error is no baseline.
test.afterEach(() => expectNoErrors(suite.opened));

const WIDTHS = [390, 768, 1366, 1920];
/** A phone's height at 390 px, a laptop's otherwise. */
const viewportFor = (width) => ({ width, height: width < 768 ? 844 : 900 });

/**
 * Opens the built-in article and waits until the viewer is live: a section toggle closes
 * and opens again (before the WebAssembly has started, a click only waits). Then nothing is
 * focused or hovered, and the page is at its top.
 */
async function openLive(options) {
    const viewer = await suite.open(undefined, {
        reducedMotion: 'reduce',
        ...options,
        prepare: (context) =>
            context.route(`**${PICTURE_CSS_PATH}`, (route) => route.fulfill({ contentType: 'text/css', body: PICTURE_CSS })),
    });
    const { page } = viewer;
    const toggle = page.locator('#toggle-the-backdrop');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('#section-body-the-backdrop p').first()).toBeVisible();
    await settle(page);
    return viewer;
}

/** Every part rendered, no focus, no hover, the fonts loaded, and (unless told) scrolled to the top. */
async function settle(page, { scrollTop = true } = {}) {
    if (!(await page.locator(`link[href="${PICTURE_CSS_PATH}"]`).count())) await page.addStyleTag({ url: PICTURE_CSS_PATH });
    await page.evaluate(() => document.activeElement?.blur());
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    if (scrollTop) {
        await page.evaluate(() => window.scrollTo({ top: 0, left: 0, behavior: 'instant' }));
        await expect.poll(() => page.evaluate(() => window.scrollY), { message: 'scrolled to the top' }).toBe(0);
    }
}

test.describe('Pictures of the built-in article', () => {
    // The whole page where its layout is its own: light at 390, 768 and 1366 px, and dark at
    // 1366 px (the article, the sidebar and the timeline in dark colours). At 1920 px the
    // layout is the 1366 px one with wider margins, and the narrow dark pages are the light
    // ones in other colours: their first screen is enough, and keeps the baselines small.
    for (const colorScheme of ['light', 'dark']) {
        for (const width of WIDTHS) {
            const fullPage = width !== 1920 && (colorScheme === 'light' || width === 1366);
            test(`the ${fullPage ? 'whole page' : 'first screen'} at ${width} px, ${colorScheme}`, async () => {
                const { page } = await openLive({ viewport: viewportFor(width), colorScheme });
                await expect(page).toHaveScreenshot(`article-${width}-${colorScheme}.png`, { fullPage });
            });
        }
    }

    test('Nikolay Patrushev chosen at 1366 px: his mentions marked, the first one current, his events marked', async () => {
        const { page } = await openLive({ viewport: viewportFor(1366) });
        const button = page.locator('aside.sidebar button.entity-button[data-entity-id="nikolay-patrushev"]');
        await button.click();
        await expect(button).toHaveAttribute('aria-pressed', 'true');
        await expect(page.locator('mark.mention.marked[data-entity-id="nikolay-patrushev"]')).toHaveCount(7);
        await expect(page.locator('.mention-stepper .mention-status')).toHaveText('Mention 1 of 7 of Nikolay Patrushev');
        const current = page.locator('mark.mention.marked.current');
        await expect(current).toBeInViewport({ ratio: 1 });
        await settle(page, { scrollTop: false });
        await expect(page).toHaveScreenshot('entity-patrushev-1366.png');
    });

    test('the Moscow meeting chosen at 1366 px: its details, and its sentence marked in the text', async () => {
        const { page } = await openLive({ viewport: viewportFor(1366) });
        const button = page.locator('ol.timeline-list button.event-button[data-event-id="moscow-meeting"]');
        await button.click();
        await expect(button).toHaveAttribute('aria-pressed', 'true');
        await expect(page.locator('.event-details[data-event-id="moscow-meeting"]')).toBeVisible();
        const sentence = page.locator('mark#chosen-sentence');
        await expect(sentence).toBeFocused();
        await expect(sentence).toBeInViewport({ ratio: 1 });
        // The sentence keeps the focus the click gave it: that is what the reader has.
        await page.mouse.move(0, 0);
        await expect(page).toHaveScreenshot('event-moscow-meeting-1366.png');
    });

    test('every name marked at 1366 px, light and dark: coloured and underlined by kind, the legend beside the kinds', async () => {
        for (const colorScheme of ['light', 'dark']) {
            const { page } = await openLive({ viewport: viewportFor(1366), colorScheme });
            await page.getByRole('switch', { name: 'Mark all names in the text' }).check();
            await expect(page.locator('.briefing')).toHaveAttribute('data-all-names', 'on');
            await page.mouse.move(0, 0);
            await expect(page).toHaveScreenshot(`all-names-1366-${colorScheme}.png`);
        }
    });

    for (const width of [1366, 1920, 390]) {
        test(`the timeline zoomed to the months around the talks at ${width} px`, async () => {
            const { page } = await openLive({ viewport: viewportFor(width) });
            const timeline = page.locator('section.timeline');
            await timeline.locator('.zoom-presets button', { hasText: 'Around the talks' }).click();
            await expect(timeline.locator('.zoom-status')).toContainText('Showing Aug–Dec 2021, 10 of 12 events.');
            await expect(timeline.locator('.timeline-drawing .marker:not([style*="--pos"])')).toHaveCount(0);
            await page.mouse.move(0, 0);
            await expect(timeline).toHaveScreenshot(`timeline-zoomed-${width}.png`);
        });
    }

    for (const width of [1366, 390]) {
        test(`the timeline at ${width} px`, async () => {
            const { page } = await openLive({ viewport: viewportFor(width) });
            const timeline = page.locator('section.timeline');
            await expect(timeline.locator('.timeline-drawing .marker')).toHaveCount(12);
            await expect(timeline.locator('ol.timeline-list > li')).toHaveCount(12);
            await expect(timeline).toHaveScreenshot(`timeline-${width}.png`);
        });
    }

    // Author mode: the editor's panel beside the article on a laptop, under it on a phone.
    for (const [width, colorScheme] of [[1366, 'light'], [390, 'dark']]) {
        test(`the editor at ${width} px, ${colorScheme}: the panel with an event's form open`, async () => {
            const { page } = await openLive({ viewport: viewportFor(width), colorScheme });
            await page.getByRole('button', { name: 'Edit', exact: true }).click();
            const editor = page.locator('#briefing-editor');
            await expect(editor.getByRole('heading', { name: 'Editing' })).toBeFocused({ timeout: 15_000 });
            await editor.locator('summary', { hasText: /^Events/ }).click();
            await editor.getByRole('button', { name: /^Edit 2021-12-01: Yusuf and Patrushev hold talks/ }).click();
            await expect(editor.getByRole('textbox', { name: 'Label' })).toHaveValue('Yusuf and Patrushev hold talks in Moscow');
            await settle(page);
            await expect(page).toHaveScreenshot(`editor-${width}-${colorScheme}.png`);
        });
    }

    test('print at 1366 px: every section open, the lists after the article, no drawing', async () => {
        const { page } = await openLive({ viewport: viewportFor(1366) });
        await page.locator('.section-controls button', { hasText: 'Collapse all' }).click();
        await expect(page.locator('#toggle-lead')).toHaveAttribute('aria-expanded', 'false');
        await settle(page);
        await page.emulateMedia({ media: 'print' });
        await expect(page.locator('.timeline-drawing')).toBeHidden();
        await expect(page).toHaveScreenshot('print-1366.png', { fullPage: true });
    });
});
