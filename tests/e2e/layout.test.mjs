// Reading first: the story before the tools, the width used, and every name at a glance.
// What a reader sees at 1366 and 390 px: one line of tools, then the masthead, the title
// and the text; heading links only on hover and focus; text, names and timeline side by
// side on a wide screen, a bar to reach them on a phone; "Mark all names in the text".

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoAxeViolations, viewerSuite, waitForAttribute, waitInViewport, waitUntil } from './support.mjs';

const suite = viewerSuite();

/** Waits until the viewer answers (it loads after the pre-rendered first view). */
async function live(page) {
    const toggle = page.locator('#toggle-the-backdrop');
    await toggle.click();
    await waitForAttribute(toggle, 'aria-expanded', 'false');
    await toggle.click();
    await waitForAttribute(toggle, 'aria-expanded', 'true');
}

const box = (locator) => locator.evaluate((element) => {
    const { top, left, right, bottom, height } = element.getBoundingClientRect();
    return { top, left, right, bottom, height };
});

describe('Reading first', () => {
    test('the story comes first: one line of tools, then the site and copy date in one line, the title and the text', async () => {
        const { page } = await suite.open(undefined, { viewport: { width: 1366, height: 900 } });
        await live(page);
        const tools = page.locator('.toolbar').first();
        const controls = ['.open-article', '.downloads-menu > summary', '.reading-controls > summary', '#search-input'];
        const tops = await Promise.all(controls.map((selector) => tools.locator(selector).evaluate((e) => e.getBoundingClientRect().top)));
        assert.ok(Math.max(...tops) - Math.min(...tops) < 8, `the tools stand in one line: ${tops}`);
        const masthead = await box(page.locator('.masthead'));
        const title = await box(page.locator('main#article h1'));
        assert.ok((await box(tools)).bottom <= masthead.top + 1 && masthead.bottom <= title.top, 'tools, masthead, title, in that order');
        assert.ok(title.top < 200, `the title is near the top (${title.top} px)`);
        const copyDate = page.locator('.masthead .copy-date');
        assert.ok((await box(copyDate.locator('summary'))).height < 40, 'the copy date is one short line');
        assert.ok(await copyDate.getByText('not the publication date').isHidden(), 'its explanation is behind the disclosure');
        await copyDate.locator('summary').click();
        assert.ok(await copyDate.getByText('not the publication date').isVisible());
        // Nothing between a heading and its text: its links share the heading's line and
        // show only on hover or focus.
        const head = page.locator('#section-the-backdrop .section-head');
        const link = head.getByRole('link', { name: 'Link to this section: The Backdrop' });
        const opacity = () => link.evaluate((e) => getComputedStyle(e.closest('.section-links')).opacity);
        assert.equal(await opacity(), '0');
        const heading = await box(page.locator('#heading-the-backdrop'));
        const firstParagraph = await box(page.locator('#section-body-the-backdrop p').first());
        assert.ok((await box(link)).bottom <= firstParagraph.top && Math.abs((await box(link)).top - heading.top) < heading.height);
        await page.locator('#heading-the-backdrop').hover();
        await waitUntil(page, () => getComputedStyle(document.querySelector('#section-the-backdrop .section-links')).opacity === '1');
        await page.mouse.move(0, 0);
        await link.focus();
        assert.equal(await opacity(), '1', 'a focused heading link shows');
        assert.ok(await head.getByRole('button', { name: 'Copy link to this section: The Backdrop' }).isVisible());
    });

    test('at 1366 px the text, the names and the timeline share the screen, and the timeline stays in view', async () => {
        const { page } = await suite.open(undefined, { viewport: { width: 1366, height: 900 } });
        await live(page);
        const article = await box(page.locator('main#article'));
        const names = await box(page.locator('aside.sidebar'));
        const timeline = await box(page.locator('section.timeline'));
        assert.ok(article.right <= names.left && names.right <= timeline.left, 'three columns, side by side');
        assert.ok(timeline.top < 900 && names.top < 900, 'the names and the timeline show without scrolling');
        // Half way down the article (a short one: further, its end carries the panels up with it).
        await page.evaluate(() => scrollTo({ top: 700, behavior: 'instant' }));
        assert.ok((await box(page.locator('main#article h1'))).bottom < 0, 'the title has scrolled away');
        await waitInViewport(page.locator('#timeline-heading'));
        await waitInViewport(page.locator('#sidebar-heading'));
        assert.equal(await page.locator('.panel-bar').isVisible(), false, 'no panel bar on a wide screen');
    });

    test('at 390 px a bar reaches the names and the timeline without scrolling past the article', async () => {
        const { page } = await suite.open(undefined, { viewport: { width: 390, height: 844 } });
        await live(page);
        const bar = page.getByRole('navigation', { name: 'Parts of the page' });
        assert.ok((await box(bar)).top < 844, 'the bar is on the first screen');
        await bar.getByRole('link', { name: 'Timeline (12)' }).click();
        await waitInViewport(page.locator('#timeline-heading'));
        // The bar stays at the top, so the next part is one tap away.
        assert.ok(await bar.isVisible());
        assert.ok(Math.abs((await box(bar)).top) < 1, 'the bar sticks to the top');
        await bar.getByRole('link', { name: 'Names (30)' }).click();
        await waitInViewport(page.locator('#sidebar-heading'));
    });
});

describe('All names at a glance', () => {
    const markedCount = (page) => page.locator('main .mention').evaluateAll((mentions) =>
        mentions.filter((m) => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length);

    test('"Mark all names in the text" marks every mention by kind, leaves filtered kinds out, and is remembered', async () => {
        const { page } = await suite.open(undefined, { viewport: { width: 1366, height: 900 } });
        await live(page);
        const total = await page.locator('main .mention').count();
        assert.ok(total > 40, `${total} mentions`);
        assert.equal(await markedCount(page), 0, 'no marks before');
        const allNames = page.getByRole('switch', { name: 'Mark all names in the text' });
        await allNames.check();
        await waitUntil(page, (count) => [...document.querySelectorAll('main .mention')]
            .filter((m) => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length === count, total);
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
        assert.equal(new Set(styles).size, 4, `four looks: ${styles}`);
        for (const kind of ['person', 'organisation', 'place', 'topic']) assert.equal(await swatch(kind), await style(kind), `legend of ${kind}`);
        await assertNoAxeViolations(page, {}, 'all names marked');
        // A kind filtered out of the sidebar is not marked in the text either.
        const places = await page.locator('main .mention.kind-place').count();
        await page.locator('.kind-filter.kind-place input').uncheck();
        await waitUntil(page, (count) => [...document.querySelectorAll('main .mention')]
            .filter((m) => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length === count, total - places);
        await page.locator('.kind-filter.kind-place input').check();
        // Remembered across a reload, like the other reading settings.
        await page.reload();
        await waitUntil(page, () => document.querySelector('.briefing')?.dataset.allNames === 'on');
        await waitUntil(page, () => document.querySelector('.all-names input')?.checked === true);
        assert.equal(await markedCount(page), total);
    });

    test('in the dark theme all names stay readable (axe-core)', async () => {
        const { page } = await suite.open(undefined, { viewport: { width: 1366, height: 900 }, colorScheme: 'dark' });
        await live(page);
        await page.getByRole('switch', { name: 'Mark all names in the text' }).check();
        await waitUntil(page, () => document.querySelector('.briefing')?.dataset.allNames === 'on');
        await assertNoAxeViolations(page, {}, 'all names marked, dark');
    });
});
