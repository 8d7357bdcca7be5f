// The start of the page: the pre-rendered first view does not wait for the viewer's
// WebAssembly, a button pressed before it arrives still does what it says, and a
// WebAssembly that cannot load is told on screen while the article stays readable.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { viewerSuite, waitForAttribute, waitUntil } from './support.mjs';

const suite = viewerSuite();

/** Holds every request for the viewer's wasm until `release()`; `requested` resolves on the first. */
async function holdWasm(context) {
    let release;
    const released = new Promise((done) => {
        release = done;
    });
    let requested;
    const firstRequest = new Promise((done) => {
        requested = done;
    });
    await context.route(/briefing-[0-9a-f]+_bg\.wasm$/, async (route) => {
        requested();
        await released;
        await route.continue();
    });
    return { release, firstRequest };
}

describe('Start', () => {
    test('the first view loads without the viewer; a toggle pressed before it is ready works once it is', async () => {
        let wasm;
        const { page, consoleErrors, pageErrors } = await suite.open(undefined, {
            prepare: async (context) => {
                wasm = await holdWasm(context);
            },
        });
        assert.equal(await page.locator('link[rel="preload"], link[rel="modulepreload"]').count(), 0, 'nothing is preloaded');
        await page.waitForLoadState('load');
        const toggle = page.locator('#toggle-the-backdrop');
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        await toggle.click();
        // The viewer is on its way (idle or the click started it) but held: nothing has changed yet.
        await wasm.firstRequest;
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        wasm.release();
        await waitForAttribute(toggle, 'aria-expanded', 'false');
        assert.ok(await page.locator('#section-body-the-backdrop').isHidden(), 'the section closed');
        // Neither the glue nor the wasm was asked for before the first view had loaded.
        const timing = await page.evaluate(() => {
            const loaded = performance.getEntriesByType('navigation')[0].loadEventStart;
            return performance
                .getEntriesByType('resource')
                .filter((entry) => /briefing-[0-9a-f]+(_bg\.wasm|\.js)$/.test(entry.name))
                .map((entry) => ({ name: entry.name.split('/').pop(), afterLoad: entry.startTime >= loaded }));
        });
        assert.equal(timing.length, 2, JSON.stringify(timing));
        assert.ok(timing.every((entry) => entry.afterLoad), JSON.stringify(timing));
        assert.deepEqual(consoleErrors, []);
        assert.deepEqual(pageErrors, []);
    });

    test('the viewer loads by itself once the page is idle', async () => {
        const { page } = await suite.open();
        // No interaction at all: choosing an entity works, because the viewer has started.
        await waitUntil(page, () => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('_bg.wasm')));
        const entity = page.locator('aside.sidebar .entity-button').first();
        await entity.click();
        await waitForAttribute(entity, 'aria-pressed', 'true');
    });

    test('a WebAssembly that cannot load is told on screen, and the article stays', async () => {
        const { page } = await suite.open(undefined, {
            prepare: (context) => context.route(/briefing-[0-9a-f]+_bg\.wasm$/, (route) => route.abort()),
        });
        await page.locator('#toggle-the-backdrop').click();
        const alert = page.locator('#start-error[role="alert"]');
        await alert.waitFor({ state: 'visible' });
        assert.match(await alert.textContent(), /could not start.*the article is still here to read/);
        assert.ok(await page.locator('main#article h1').isVisible());
        assert.ok(await page.getByText('led a six-member delegation').isVisible());
    });
});
