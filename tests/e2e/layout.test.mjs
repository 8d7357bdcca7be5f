// Reading first: the story before the tools, the width used, and every name at a glance.
// What a reader sees at 1366 and 390 px: one line of tools, then the masthead, the title
// and the text; heading links only on hover and focus; text, names and timeline side by
// side on a wide screen, a bar to reach them on a phone; "Mark all names in the text".

import { assertNoAxeViolations, expect, runHtmlCodeSniffer, test } from './support.mjs';

let suite;
test.beforeEach(({ suite: current }) => {
    suite = current;
});

/** Waits until the viewer answers (it loads after the pre-rendered first view). */
async function live(page) {
    const toggle = page.locator('#toggle-the-backdrop');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

const box = (locator) => locator.evaluate((element) => {
    const { top, left, right, bottom, height } = element.getBoundingClientRect();
    return { top, left, right, bottom, height };
});

test.describe('Reading first', () => {
    test('the story comes first: one line of tools, then the site and copy date in one line, the title and the text', async () => {
        const { page } = await suite.open(undefined, { viewport: { width: 1366, height: 900 } });
        await live(page);
        const tools = page.locator('.toolbar').first();
        const controls = ['.open-article', '.downloads-menu > summary', '.reading-controls > summary', '#search-input'];
        const tops = await Promise.all(controls.map((selector) => tools.locator(selector).evaluate((e) => e.getBoundingClientRect().top)));
        expect(Math.max(...tops) - Math.min(...tops), `the tools stand in one line: ${tops}`).toBeLessThan(8);
        const masthead = await box(page.locator('.masthead'));
        const title = await box(page.locator('main#article h1'));
        expect((await box(tools)).bottom <= masthead.top + 1 && masthead.bottom <= title.top, 'tools, masthead, title, in that order').toBeTruthy();
        expect(title.top, 'the title is near the top').toBeLessThan(200);
        const copyDate = page.locator('.masthead .copy-date');
        expect((await box(copyDate.locator('summary'))).height, 'the copy date is one short line').toBeLessThan(40);
        await expect(copyDate.getByText('not the publication date'), 'its explanation is behind the disclosure').toBeHidden();
        await copyDate.locator('summary').click();
        await expect(copyDate.getByText('not the publication date')).toBeVisible();
        // Nothing between a heading and its text: its links share the heading's line and
        // show only on hover or focus.
        const head = page.locator('#section-the-backdrop .section-head');
        const link = head.getByRole('link', { name: 'Link to this section: The Backdrop' });
        const opacity = () => link.evaluate((e) => getComputedStyle(e.closest('.section-links')).opacity);
        expect(await opacity()).toBe('0');
        const heading = await box(page.locator('#heading-the-backdrop'));
        const firstParagraph = await box(page.locator('#section-body-the-backdrop p').first());
        const linkBox = await box(link);
        expect(linkBox.bottom <= firstParagraph.top && Math.abs(linkBox.top - heading.top) < heading.height, 'on the heading\'s line').toBeTruthy();
        await page.locator('#heading-the-backdrop').hover();
        await expect.poll(opacity, { message: 'a hovered heading shows its links' }).toBe('1');
        await page.mouse.move(0, 0);
        await expect.poll(opacity).toBe('0');
        await link.focus();
        await expect.poll(opacity, { message: 'a focused heading link shows' }).toBe('1');
        await expect(head.getByRole('button', { name: 'Copy link to this section: The Backdrop' })).toBeVisible();
    });

    test('at 1366 px the text, the names and the timeline share the screen, and the timeline stays in view', async () => {
        const { page } = await suite.open(undefined, { viewport: { width: 1366, height: 900 } });
        await live(page);
        const article = await box(page.locator('main#article'));
        const names = await box(page.locator('aside.sidebar'));
        const timeline = await box(page.locator('section.timeline'));
        expect(article.right <= names.left && names.right <= timeline.left, 'three columns, side by side').toBeTruthy();
        expect(timeline.top < 900 && names.top < 900, 'the names and the timeline show without scrolling').toBeTruthy();
        // Half way down the article (a short one: further, its end carries the panels up with it).
        await page.evaluate(() => scrollTo({ top: 700, behavior: 'instant' }));
        await expect(page.locator('main#article h1'), 'the title has scrolled away').not.toBeInViewport();
        await expect(page.locator('#timeline-heading')).toBeInViewport({ ratio: 1 });
        await expect(page.locator('#sidebar-heading')).toBeInViewport({ ratio: 1 });
        await expect(page.locator('.panel-bar'), 'no panel bar on a wide screen').toBeHidden();
    });

    test('at 390 px a bar reaches the names and the timeline without scrolling past the article', async () => {
        const { page } = await suite.open(undefined, { viewport: { width: 390, height: 844 } });
        await live(page);
        const bar = page.getByRole('navigation', { name: 'Parts of the page' });
        await expect(bar, 'the bar is on the first screen').toBeInViewport({ ratio: 1 });
        await bar.getByRole('link', { name: 'Timeline (12)' }).click();
        await expect(page.locator('#timeline-heading')).toBeInViewport();
        // The bar stays at the top, so the next part is one tap away.
        await expect(bar).toBeInViewport({ ratio: 1 });
        expect(Math.abs((await box(bar)).top), 'the bar sticks to the top').toBeLessThan(1);
        await bar.getByRole('link', { name: 'Names (30)' }).click();
        await expect(page.locator('#sidebar-heading')).toBeInViewport();
    });
});

test.describe('All names at a glance', () => {
    const markedCount = (page) => page.locator('main .mention').evaluateAll((mentions) =>
        mentions.filter((m) => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length);

    test('"Mark all names in the text" marks every mention by kind, leaves filtered kinds out, and is remembered', async () => {
        const { page } = await suite.open(undefined, { viewport: { width: 1366, height: 900 } });
        await live(page);
        const total = await page.locator('main .mention').count();
        expect(total, 'mentions in the text').toBeGreaterThan(40);
        expect(await markedCount(page), 'no marks before').toBe(0);
        const allNames = page.getByRole('switch', { name: 'Mark all names in the text' });
        await allNames.check();
        await expect.poll(() => markedCount(page), { message: 'every mention marked' }).toBe(total);
        // Coloured and patterned by kind, as the legend beside each kind shows.
        const style = (kind) => page.locator(`main .mention.kind-${kind}`).first().evaluate((m) => {
            const s = getComputedStyle(m);
            return `${s.backgroundColor} ${s.borderBottomStyle}`;
        });
        const swatch = (kind) => page.locator(`.kind-filter.kind-${kind} .kind-swatch`).evaluate((e) => {
            const s = getComputedStyle(e);
            return `${s.backgroundColor} ${s.borderBottomStyle}`;
        });
        const styles = await Promise.all(['person', 'organisation', 'place', 'topic'].map(style));
        expect(new Set(styles).size, `four looks: ${styles}`).toBe(4);
        for (const kind of ['person', 'organisation', 'place', 'topic']) expect(await swatch(kind), `legend of ${kind}`).toBe(await style(kind));
        await assertNoAxeViolations(page, {}, 'all names marked');
        // A kind filtered out of the sidebar is not marked in the text either.
        const places = await page.locator('main .mention.kind-place').count();
        await page.locator('.kind-filter.kind-place input').uncheck();
        await expect.poll(() => markedCount(page), { message: 'places unmarked' }).toBe(total - places);
        await page.locator('.kind-filter.kind-place input').check();
        await expect.poll(() => markedCount(page)).toBe(total);
        // Remembered across a reload, like the other reading settings.
        await page.reload();
        await expect(page.locator('.briefing')).toHaveAttribute('data-all-names', 'on');
        await expect(page.getByRole('switch', { name: 'Mark all names in the text' })).toBeChecked();
        await expect.poll(() => markedCount(page)).toBe(total);
    });

    test('in the dark theme all names stay readable (axe-core)', async () => {
        const { page } = await suite.open(undefined, { viewport: { width: 1366, height: 900 }, colorScheme: 'dark' });
        await live(page);
        await page.getByRole('switch', { name: 'Mark all names in the text' }).check();
        await expect(page.locator('.briefing')).toHaveAttribute('data-all-names', 'on');
        await assertNoAxeViolations(page, {}, 'all names marked, dark');
    });
});

test.describe('A second checker', () => {
    test('HTML_CodeSniffer (WCAG 2 AA) finds no errors: at 1366 and 390 px, with every name marked and the menus open', async () => {
        for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
            const { page } = await suite.open(undefined, { viewport });
            await live(page);
            expect(await runHtmlCodeSniffer(page), `at ${viewport.width} px`).toStrictEqual([]);
            await page.getByRole('switch', { name: 'Mark all names in the text' }).check();
            await page.locator('.downloads-menu > summary').click();
            await page.locator('.reading-controls > summary').click();
            await page.locator('aside.sidebar .entity-button[data-entity-id="moeed-yusuf"]').click();
            await expect(page.locator('aside.sidebar .entity-button[data-entity-id="moeed-yusuf"]')).toHaveAttribute('aria-pressed', 'true');
            expect(await runHtmlCodeSniffer(page), `at ${viewport.width} px, with choices made`).toStrictEqual([]);
        }
    });
});
