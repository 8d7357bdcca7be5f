// The start of the page: the pre-rendered first view does not wait for the viewer's
// WebAssembly, a button pressed before it arrives still does what it says, and a
// WebAssembly that cannot load is told on screen while the article stays readable.

import { expect, test } from './support.mjs';

let suite;
test.beforeEach(({ suite: current }) => {
    suite = current;
});

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

test.describe('Start', () => {
    test('the first view loads without the viewer; a toggle pressed before it is ready works once it is', async () => {
        let wasm;
        const { page, consoleErrors, pageErrors } = await suite.open(undefined, {
            live: false,
            prepare: async (context) => {
                wasm = await holdWasm(context);
            },
        });
        await expect(page.locator('link[rel="preload"], link[rel="modulepreload"]'), 'nothing is preloaded').toHaveCount(0);
        await page.waitForLoadState('load');
        const toggle = page.locator('#toggle-the-backdrop');
        await expect(toggle).toHaveAttribute('aria-expanded', 'true');
        await toggle.click();
        // A checkbox too: held back (it does not change without the viewer), then clicked again.
        const people = page.locator('.kind-filter.kind-person input');
        await people.click({ force: true });
        // The viewer is on its way (idle or the click started it) but held: nothing has changed yet.
        await wasm.firstRequest;
        await expect(toggle).toHaveAttribute('aria-expanded', 'true');
        await expect(people).toBeChecked();
        wasm.release();
        // Each is pressed again, once.
        await expect(people).not.toBeChecked();
        await expect(page.locator('#entities-person')).toHaveCount(0);
        await expect(toggle).toHaveAttribute('aria-expanded', 'false');
        await expect(page.locator('#section-body-the-backdrop'), 'the section closed').toBeHidden();
        // Neither the glue nor the wasm was asked for before the first view had loaded.
        const timing = await page.evaluate(() => {
            const loaded = performance.getEntriesByType('navigation')[0].loadEventStart;
            return performance
                .getEntriesByType('resource')
                .filter((entry) => /briefing-[0-9a-f]+(_bg\.wasm|\.js)$/.test(entry.name))
                .map((entry) => ({ name: entry.name.split('/').pop(), afterLoad: entry.startTime >= loaded }));
        });
        expect(timing.length, JSON.stringify(timing)).toBe(2);
        expect(timing.every((entry) => entry.afterLoad), JSON.stringify(timing)).toBeTruthy();
        expect(consoleErrors).toStrictEqual([]);
        expect(pageErrors).toStrictEqual([]);
    });

    test('a reader who only reads never loads the viewer; one who moves the pointer does, and it answers', async () => {
        const { page } = await suite.open(undefined, { live: false });
        const wasmRequested = () => page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('_bg.wasm')));
        await page.waitForLoadState('load');
        // Loaded, scrolled through and idle: still nothing of the viewer.
        await page.evaluate(() => new Promise((done) => {
            scrollTo({ top: document.body.scrollHeight, behavior: 'instant' });
            requestIdleCallback(() => requestAnimationFrame(() => done()));
        }));
        expect(await wasmRequested(), 'no wasm for reading').toBe(false);
        await page.mouse.move(200, 200);
        await expect.poll(wasmRequested, { message: 'the pointer moved: the viewer loads' }).toBe(true);
        const entity = page.locator('aside.sidebar .entity-button').first();
        await entity.click();
        await expect(entity).toHaveAttribute('aria-pressed', 'true');
    });

    test('text typed, "/" pressed and a file dropped before the viewer runs are done again once it does', async () => {
        const openHeld = async () => {
            let wasm;
            const { page } = await suite.open(undefined, {
                live: false,
                prepare: async (context) => {
                    wasm = await holdWasm(context);
                },
            });
            return { page, release: wasm.release };
        };
        // "/" moves to the search box.
        const slash = await openHeld();
        await slash.page.keyboard.press('/');
        slash.release();
        await expect(slash.page.locator('.briefing[data-live]')).toBeAttached();
        await expect(slash.page.locator('#search-input')).toBeFocused();
        // Text typed in it searches.
        const typed = await openHeld();
        await typed.page.locator('#search-input').fill('Taliban');
        typed.release();
        await expect(typed.page.locator('.briefing[data-live]')).toBeAttached();
        await expect(typed.page.locator('#search-input')).toHaveValue('Taliban');
        await expect(typed.page.locator('#search-status')).toContainText(/of \d+ matches/);
        // A plain-text story dropped on the page opens, instead of the browser leaving for the file.
        const dropped = await openHeld();
        const dataTransfer = await dropped.page.evaluateHandle(() => {
            const transfer = new DataTransfer();
            transfer.items.add(new File(['Kabul talks\n\nKABUL (Reuters) - Officials met in Kabul on Monday, the ministry said.'], 'story.txt', { type: 'text/plain' }));
            return transfer;
        });
        await dropped.page.dispatchEvent('.briefing', 'dragover', { dataTransfer });
        await dropped.page.dispatchEvent('.briefing', 'drop', { dataTransfer });
        dropped.release();
        await expect(dropped.page.locator('main#article h1')).toHaveText('Kabul talks', { timeout: 15_000 });
    });

    test('a WebAssembly that cannot load is told on screen, and the article stays', async () => {
        const { page } = await suite.open(undefined, {
            live: false,
            prepare: (context) => context.route(/briefing-[0-9a-f]+_bg\.wasm$/, (route) => route.abort()),
        });
        await page.locator('#toggle-the-backdrop').click();
        const alert = page.locator('#start-error[role="alert"]');
        await expect(alert).toBeVisible();
        await expect(alert).toHaveText(/could not start.*the article is still here to read/);
        await expect(page.locator('main#article h1')).toBeVisible();
        await expect(page.getByText('led a six-member delegation')).toBeVisible();
    });
});
