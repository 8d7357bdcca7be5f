// A long article (ten times the built-in one: 40 sections, 300 entities, 120 events, as the
// benchmark makes it) keeps what is on screen: while it is added in steps, and when the
// reader chooses an entity or an event, opens a section or hides a kind of entity, the
// page changes only what changed. Nothing already shown is taken out and built again,
// which is what makes choices slow in a very long article.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { scaledArticle } from '../bench/scale.mjs';
import { expect, makeTempDir, openViewer, requireDist, startStaticServer, test } from './support.mjs';

const FACTOR = 10;
const dist = requireDist();
const builtin = JSON.parse(await readFile(resolve(dist, 'articles', 'nsa-moscow-2021-12-01.json'), 'utf8'));
const article = scaledArticle(builtin, FACTOR);

/**
 * Init script: records every element the page takes out of the document for good (not
 * moved elsewhere), as `window.__removed`: how many, and the sections and entities
 * taken out of their lists.
 */
function recordRemovals() {
    const removed = { elements: 0, sections: [], entities: [] };
    window.__removed = removed;
    new MutationObserver((records) => {
        for (const record of records) {
            for (const node of record.removedNodes) {
                if (node.nodeType !== Node.ELEMENT_NODE || node.isConnected) continue;
                removed.elements += 1 + node.getElementsByTagName('*').length;
                // Sections and entities taken out one by one from their lists (opening
                // the article replaces the whole view of the one before, which is fine).
                if (node.matches('section.article-section')) removed.sections.push(node.id);
                if (node.matches('li.entity')) removed.entities.push(node.className);
            }
        }
    }).observe(document, { childList: true, subtree: true });
}

/** What was removed since the last call, after the page has had two frames to settle. */
async function takeRemoved(page) {
    return page.evaluate(async () => {
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const { elements, sections, entities } = window.__removed;
        Object.assign(window.__removed, { elements: 0, sections: [], entities: [] });
        return { elements, sections, entities };
    });
}

test.describe(`A ${FACTOR}x article`, () => {
    let temp;
    let server;
    test.beforeAll(async () => {
        temp = await makeTempDir({ [`scale-${FACTOR}x.json`]: JSON.stringify(article) });
        server = await startStaticServer(dist, { mounts: { '/big/': temp.dir } });
    });
    test.afterAll(async () => {
        await server?.close();
        await temp?.remove();
    });

    test('keeps what it shows while it is built up and as the reader chooses', async ({ browser }) => {
        test.setTimeout(60_000);
        const url = `${server.url}?article=${encodeURIComponent(`${server.origin}/big/scale-${FACTOR}x.json`)}`;
        const viewer = await openViewer(browser, url, { prepare: (context) => context.addInitScript(recordRemovals) });
        const { page } = viewer;
        try {
            const counts = { sections: article.sections.length, entities: article.entities.length, events: article.events.length };
            await expect.poll(() => page.evaluate(() => ({
                sections: document.querySelectorAll('section.article-section').length,
                entities: document.querySelectorAll('li.entity').length,
                events: document.querySelectorAll('li.timeline-item').length,
            })), { timeout: 30_000, message: `the ${FACTOR}x article was not all in the page within 30 s` }).toStrictEqual(counts);
            const built = await takeRemoved(page);
            expect(built.sections, 'no section is taken out and built again while the article is added').toStrictEqual([]);
            expect(built.entities, 'no entity is taken out and built again while the list is added').toStrictEqual([]);

            // Each choice changes a few marks: far fewer elements than a section or a chunk has.
            const small = 60;
            const entity = page.locator('aside.sidebar button.entity-button[data-entity-id="nikolay-patrushev"]');
            await entity.click();
            await expect(entity).toHaveAttribute('aria-pressed', 'true');
            const chosen = await takeRemoved(page);
            expect(chosen.elements < small && chosen.sections.length === 0, `choosing an entity removed ${JSON.stringify(chosen)}`).toBeTruthy();

            const event = page.locator('button.event-button[data-event-id="moscow-meeting"]');
            await event.click();
            await expect(page.locator('mark#chosen-sentence')).toBeAttached();
            const event_ = await takeRemoved(page);
            expect(event_.elements < small && event_.sections.length === 0, `choosing an event removed ${JSON.stringify(event_)}`).toBeTruthy();

            const toggle = page.locator('#toggle-the-backdrop-2');
            for (const expanded of ['false', 'true']) {
                await toggle.click();
                await expect(toggle).toHaveAttribute('aria-expanded', expanded);
            }
            const toggled = await takeRemoved(page);
            expect(toggled.elements, `closing and opening a section removed ${JSON.stringify(toggled)}`).toBe(0);

            // Hiding one kind takes out that kind's entities and no others.
            const organisations = page.locator('.kind-filter', { hasText: 'Organisations' }).locator('input[type="checkbox"]');
            await organisations.uncheck();
            await expect(page.locator('li.entity.kind-organisation')).toHaveCount(0);
            const hidden = await takeRemoved(page);
            const others = hidden.entities.filter((classes) => !classes.split(' ').includes('kind-organisation'));
            expect(others, 'hiding organisations leaves the other entities in place').toStrictEqual([]);
        } finally {
            await viewer.close();
        }
    });
});
