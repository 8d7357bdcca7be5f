// Author mode: the editor loads only when an author asks for it, corrects what the
// converter suggested, adds what it missed from words selected in the text, keeps the
// draft in the browser across a reload, and saves a file that opens again the same.

import { readFile } from 'node:fs/promises';
import { assertNoAxeViolations, expect, expectNoErrors, openDownloads, test } from './support.mjs';

// A U.S. Department of State media note (public domain), one of the converter's
// evaluation texts: its conversion has wrong suggestions ("Meeting" as a topic, a person
// "Child Friendly Space", a topic "Human Rights Uzra Zeya"), misses "human trafficking",
// and misses the second note's event ("On February 19, Ambassador Pamela Hamamoto…").
const NEWS_FILE = 'state-media-notes.txt';
const newsText = await readFile(new URL(`../fixtures/eval/${NEWS_FILE}`, import.meta.url), 'utf8');

let suite;
test.beforeEach(({ suite: current }) => {
    suite = current;
});

const editor = (page) => page.locator('#briefing-editor');

async function convert(page, name = NEWS_FILE, text = newsText) {
    const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Open article…' }).click(),
    ]);
    await chooser.setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await expect(page.locator('.opening-notes li', { hasText: 'Converted from plain text' })).toBeVisible();
}

async function openEditor(page) {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(editor(page).getByRole('heading', { name: 'Editing' })).toBeVisible({ timeout: 15_000 });
}

/** Selects `words` in paragraph `paragraph` of the text with the mouse, as an author would. */
async function dragSelect(page, paragraph, words) {
    const box = await page.evaluate(([paragraph, words]) => {
        const element = document.getElementById(`paragraph-${paragraph}`);
        element.scrollIntoView({ block: 'center', behavior: 'instant' });
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const nodes = [];
        while (walker.nextNode()) nodes.push(walker.currentNode);
        const text = nodes.map((n) => n.data).join('');
        const start = text.indexOf(words);
        const end = start + words.length;
        const at = (offset) => {
            let seen = 0;
            for (const node of nodes) {
                if (offset <= seen + node.data.length) return [node, offset - seen];
                seen += node.data.length;
            }
            throw new Error(`no offset ${offset}`);
        };
        const range = document.createRange();
        range.setStart(...at(start));
        range.setEnd(...at(start + 1));
        const first = range.getBoundingClientRect();
        range.setStart(...at(end - 1));
        range.setEnd(...at(end));
        const last = range.getBoundingClientRect();
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }, [paragraph, words]);
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 5 });
    await page.mouse.up();
    await expect(editor(page).locator('.selected-words')).toHaveText(`“${words}”`);
}

/** The entities (id, name, kind) and events (id, date, label, basis) the viewer shows. */
const shown = (page) =>
    page.evaluate(() => ({
        entities: [...document.querySelectorAll('#names .entity-button')].map((b) => b.dataset.entityId).sort(),
        events: [...document.querySelectorAll('ol.timeline-list .event-button')].map((b) => b.dataset.eventId).sort(),
    }));

test('reading never loads the editor; Edit loads it once', async () => {
    const requested = [];
    const { page } = await suite.open(undefined, {
        prepare: (context) => context.on('request', (r) => requested.push(new URL(r.url()).pathname)),
    });
    await page.locator('.section-toggle').first().click();
    await page.getByRole('button', { name: 'Download ▾' }).isVisible();
    expect(requested.filter((p) => p.includes('editor')), 'a reader loads no editor').toStrictEqual([]);
    await openEditor(page);
    expect(requested.filter((p) => p.includes('briefing-editor'))).toStrictEqual([
        '/briefing-editor.css',
        '/briefing-editor.js',
        '/briefing-editor-loader.js',
        '/briefing-editor_bg.wasm',
    ]);
    await expect(page).toHaveURL(/\?edit$/);
    await editor(page).getByRole('button', { name: 'Done' }).click();
    await expect(editor(page)).toBeHidden();
    await expect(page).not.toHaveURL(/edit/);
    await openEditor(page);
    expect(requested.filter((p) => p.includes('briefing-editor')), 'loaded once').toHaveLength(4);
});

test('an author converts a news text, fixes its suggestions, adds what it missed, and saves it to open again', async () => {
    const viewer = await suite.open();
    const { page } = viewer;
    await convert(page);
    await openEditor(page);
    await assertNoAxeViolations(page, {}, 'editor open on a converted article');
    const sidebar = page.locator('#names');

    // Three wrong suggestions: two rejected, one given its right kind.
    const suggestions = editor(page).locator('details', { hasText: 'Suggestions to check' });
    await suggestions.getByRole('button', { name: 'Reject Meeting · Topic' }).click();
    await expect(sidebar.getByRole('button', { name: /^Meeting\b/ })).toHaveCount(0);
    await suggestions.getByRole('button', { name: 'Reject Human Rights Uzra Zeya · Topic' }).click();
    await expect(sidebar.getByRole('button', { name: /^Human Rights Uzra Zeya\b/ })).toHaveCount(0);
    await editor(page).locator('summary', { hasText: /^Entities/ }).click();
    await editor(page).getByRole('button', { name: 'Edit Child Friendly Space' }).click();
    await editor(page).getByRole('list', { name: 'Entities', exact: true }).getByLabel('Kind').selectOption('place');
    await expect(page.locator('#names [aria-labelledby="entities-place"] .entity-button', { hasText: 'Child Friendly Space' })).toBeVisible();

    // A missed entity, from words selected in the text with the mouse.
    await dragSelect(page, 'p3', 'human trafficking');
    await editor(page).getByRole('button', { name: 'New entity…' }).click();
    const entityDialog = page.getByRole('dialog', { name: 'New entity' });
    // Name and id are proposed from the words; the author capitalises the name.
    await expect(entityDialog.getByLabel('Name')).toHaveValue('human trafficking');
    await expect(entityDialog.getByLabel('Id')).toHaveValue('human-trafficking');
    await entityDialog.getByLabel('Name').fill('Human trafficking');
    await entityDialog.getByLabel('Kind').selectOption('topic');
    await entityDialog.getByRole('button', { name: 'Create' }).click();
    await expect(entityDialog).toBeHidden();
    await expect(page.locator('#paragraph-p3 .mention', { hasText: 'human trafficking' })).toBeAttached();
    await expect(sidebar.locator('.entity-button', { hasText: 'Human trafficking' })).toBeVisible();

    // A missed event with a stated date: the selected words give the date.
    await dragSelect(page, 'p5', 'February 19');
    await editor(page).getByRole('button', { name: 'New event from this sentence…' }).click();
    const eventDialog = page.getByRole('dialog', { name: 'New event' });
    await expect(eventDialog.locator('blockquote')).toContainText('On February 19, Ambassador Pamela Hamamoto');
    await eventDialog.getByRole('textbox', { name: 'Date (required)' }).fill('2024-02-19');
    await eventDialog.getByRole('textbox', { name: 'Label (optional)' }).fill('U.S. delegation at the pandemic accord talks in Geneva');
    await expect(eventDialog.getByRole('radio', { name: 'Stated in the article' })).toBeChecked();
    await eventDialog.getByRole('button', { name: 'Create' }).click();
    await expect(eventDialog).toBeHidden();
    const newEvent = page.locator('ol.timeline-list .event-button', { hasText: 'U.S. delegation at the pandemic accord talks' });
    await expect(newEvent).toBeVisible();
    await expect(newEvent).toContainText('Stated in the article');
    await expect(newEvent, 'an author’s event is not a suggestion').not.toContainText('suggested');
    await expect(page.locator('.source-banner')).toHaveText(
        `Opened from your edited copy of the file “${NEWS_FILE}”, not published by this site`,
    );
    const edited = await shown(page);
    expect(edited.entities).toContain('human-trafficking');
    expect(edited.entities).not.toContain('meeting');

    // A reload asks first, then offers the draft back.
    await expect(editor(page).getByText('Your changes are kept in this browser')).toBeVisible();
    let asked = false;
    page.once('dialog', (dialog) => {
        asked = dialog.type() === 'beforeunload';
        void dialog.accept();
    });
    await page.reload();
    expect(asked, 'leaving with unsaved changes asks first').toBe(true);
    const offer = page.getByRole('dialog', { name: 'Drafts kept in this browser' });
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await offer.getByRole('button', { name: /^Restore “Under Secretary Zeya/ }).click();
    await expect(offer).toBeHidden();
    await expect.poll(() => shown(page)).toStrictEqual(edited);
    await expect(page.locator('.source-banner')).toContainText(`your edited copy of the file “${NEWS_FILE}”`);

    // Save, and open the saved file: the same entities and events.
    const [download] = await Promise.all([
        page.waitForEvent('download'),
        editor(page).getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('state-media-notes.json');
    const saved = await readFile(await download.path(), 'utf8');
    await expect(editor(page).locator('.editor-status')).toHaveText(/^Saved as /);
    const again = await suite.open();
    const [chooser] = await Promise.all([
        again.page.waitForEvent('filechooser'),
        again.page.getByRole('button', { name: 'Open article…' }).click(),
    ]);
    await chooser.setFiles({ name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
    await expect.poll(() => shown(again.page)).toStrictEqual(edited);
    const savedArticle = JSON.parse(saved);
    // Opened again, the article is the one saved, field for field.
    const [reexport] = await Promise.all([
        again.page.waitForEvent('download'),
        (await openDownloads(again.page)).getByRole('button', { name: 'Briefing JSON' }).click(),
    ]);
    expect(JSON.parse(await readFile(await reexport.path(), 'utf8'))).toStrictEqual(savedArticle);
    const added = savedArticle.events.find((e) => e.label.startsWith('U.S. delegation'));
    expect(added).toMatchObject({
        date: '2024-02-19',
        precision: 'day',
        basis: { kind: 'stated', quote: 'February 19' },
        sentence: { paragraph: 'p5' },
    });
    expect(added.suggested ?? false).toBe(false);
    expect(savedArticle.entities.find((e) => e.id === 'child-friendly-space').kind).toBe('place');
    expectNoErrors([viewer, again]);
});

test('undo and redo step through every change, by button and by key; Copy JSON', async () => {
    const { page } = await suite.open(`${suite.server.url}?edit`, {
        contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
    });
    await expect(editor(page).getByRole('heading', { name: 'Editing' })).toBeVisible({ timeout: 15_000 });
    const title = page.locator('main#article h1');
    const original = await title.textContent();
    await editor(page).locator('summary', { hasText: 'Title, site and dates' }).click();
    const field = editor(page).getByRole('textbox', { name: 'Title' });
    await field.fill('Talks in Moscow');
    await expect(title).toHaveText('Talks in Moscow');
    // An empty title is refused next to the field; the article keeps its last valid one.
    await field.fill('');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(editor(page).locator('.field-problem')).toContainText('title');
    await expect(editor(page).getByRole('button', { name: 'Save (1 problem)' })).toBeVisible();
    await expect(title).toHaveText('Talks in Moscow');
    await field.fill('Talks');
    await expect(title).toHaveText('Talks');
    await editor(page).getByRole('button', { name: 'Undo' }).click();
    await expect(title).toHaveText(original, { useInnerText: false });
    await page.keyboard.press('Control+Shift+Z');
    await expect(title).toHaveText('Talks');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Z');
    await expect(title).toHaveText(original);
    await expect(editor(page).getByRole('button', { name: 'Undo' })).toBeDisabled();
    // The edited built-in article is never passed off as this site's.
    await page.keyboard.press('Control+Y');
    await editor(page).getByRole('button', { name: 'Copy JSON' }).click();
    await expect(editor(page).locator('.editor-status')).toHaveText('Copied the article’s JSON');
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.title).toBe('Talks');
    await expect(page.locator('.source-banner')).toHaveText(
        'Opened from your edited copy of this site’s article, not published by this site',
    );
});

test('a refused storage is said, and the draft stays in memory', async () => {
    const { page } = await suite.open(`${suite.server.url}?edit`, {
        prepare: (context) =>
            context.addInitScript(() => {
                Storage.prototype.setItem = function refuse() {
                    throw new DOMException('full', 'QuotaExceededError');
                };
            }),
    });
    await expect(editor(page).getByRole('heading', { name: 'Editing' })).toBeVisible({ timeout: 15_000 });
    await editor(page).locator('summary', { hasText: 'Title, site and dates' }).click();
    await editor(page).getByRole('textbox', { name: 'Title' }).fill('Talks');
    await expect(editor(page).getByRole('alert')).toContainText('This browser did not keep your changes');
    await expect(page.locator('main#article h1')).toHaveText('Talks');
    await expect(editor(page).getByRole('button', { name: 'Undo' })).toBeEnabled();
});

test('the one-file viewer, which has no editor, says so', async () => {
    const { page } = await suite.open(`${suite.server.url}briefing.html`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(page.locator('.opening-error')).toHaveText(
        'This one-file copy of Briefing has no editor: open Briefing from its site to edit.',
    );
    await expect(page.locator('main#article h1')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
});

/**
 * Presses Tab (or Shift+Tab, when `target` comes before the focus) until `target` has
 * focus, as a keyboard user would; returns the presses.
 */
async function tabTo(page, target, limit = 150) {
    const backwards = await target.evaluate(
        (element) => !!document.activeElement && !!(element.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    for (let presses = 1; presses <= limit; presses++) {
        await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
        if (await target.evaluate((element) => element === document.activeElement)) return presses;
    }
    throw new Error(`${limit} presses of Tab did not reach ${target}`);
}

test('the same corrections by keyboard alone', async () => {
    const started = Date.now();
    const { page } = await suite.open();
    let keys = 0;
    const press = async (key) => {
        keys += 1;
        await page.keyboard.press(key);
    };
    const type = async (text) => {
        keys += text.length;
        await page.keyboard.type(text);
    };
    const tabs = [];
    const tab = async (target) => {
        const presses = await tabTo(page, target);
        tabs.push(presses);
        keys += presses;
    };

    await tab(page.getByRole('button', { name: 'Open article…' }));
    // Playwright intercepts the file chooser once told to, a message away: a key press
    // sent at once can beat it (a click waits for its checks first). One round trip first.
    const choosing = page.waitForEvent('filechooser');
    await page.evaluate(() => undefined);
    await press('Enter');
    const chooser = await choosing;
    await chooser.setFiles({ name: NEWS_FILE, mimeType: 'text/plain', buffer: Buffer.from(newsText) });
    await expect(page.locator('.opening-notes li', { hasText: 'Converted from plain text' })).toBeVisible();
    await tab(page.getByRole('button', { name: 'Edit', exact: true }));
    await press('Enter');
    await expect(editor(page).getByRole('heading', { name: 'Editing' })).toBeFocused({ timeout: 15_000 });

    // Rejected suggestions: focus goes on to the next one.
    await tab(editor(page).getByRole('button', { name: 'Reject Meeting · Topic' }));
    await press('Enter');
    await expect(page.locator('#names .entity-button', { hasText: /^Meeting/ })).toHaveCount(0);
    await tab(editor(page).getByRole('button', { name: 'Reject Human Rights Uzra Zeya · Topic' }));
    await press('Enter');
    await tab(editor(page).locator('summary', { hasText: /^Entities/ }));
    await press('Enter');
    await tab(editor(page).getByRole('button', { name: 'Edit Child Friendly Space' }));
    await press('Enter');
    await tab(editor(page).getByRole('list', { name: 'Entities', exact: true }).getByLabel('Kind'));
    await type('pl');
    await expect(page.locator('#names [aria-labelledby="entities-place"] .entity-button', { hasText: 'Child Friendly Space' })).toBeVisible();

    // A missed entity: F (outside a field) goes to "Find words", which selects them in
    // the text.
    const find = editor(page).getByRole('searchbox', { name: 'Find words in the text' });
    await tab(editor(page).getByRole('button', { name: 'Edit Child Friendly Space' }));
    await press('f');
    await expect(find).toBeFocused();
    await expect(find, 'the key is not typed into the field').toHaveValue('');
    await type('human trafficking');
    await press('Enter');
    await expect(editor(page).locator('.selected-words')).toHaveText('“human trafficking”');
    await tab(editor(page).getByRole('button', { name: 'New entity…' }));
    await press('Enter');
    const entityDialog = page.getByRole('dialog', { name: 'New entity' });
    await expect(entityDialog.getByLabel('Kind')).toBeFocused();
    await type('t');
    await press('Tab');
    await press('Control+A');
    await type('Human trafficking');
    await press('Enter');
    await expect(entityDialog).toBeHidden();
    await expect(page.locator('#names .entity-button', { hasText: 'Human trafficking' })).toBeVisible();

    // A missed event: "On February 19" opens the note on Geneva.
    await tab(find);
    await press('Control+A');
    await type('On February 19');
    await press('Enter');
    await expect(editor(page).locator('.selected-words')).toHaveText('“On February 19”');
    await expect.poll(() => page.evaluate(() => getSelection().anchorNode.parentElement.closest('p')?.id)).toBe('paragraph-p5');
    await tab(editor(page).getByRole('button', { name: 'New event from this sentence…' }));
    await press('Enter');
    const eventDialog = page.getByRole('dialog', { name: 'New event' });
    await expect(eventDialog.getByRole('textbox', { name: 'Date (required)' })).toBeFocused();
    await type('2024-02-19');
    await press('Tab');
    await type('U.S. delegation at the pandemic accord talks in Geneva');
    await press('Enter');
    await expect(eventDialog).toBeHidden();
    await expect(page.locator('ol.timeline-list .event-button', { hasText: 'U.S. delegation at the pandemic accord talks' })).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent('download'), press('Control+S')]);
    const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(saved.entities.map((e) => e.id)).toContain('human-trafficking');
    expect(saved.events.some((e) => e.basis.quote === 'On February 19' && e.sentence.paragraph === 'p5')).toBe(true);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    test.info().annotations.push({ type: 'keyboard', description: `${keys} key presses, ${seconds} s in headless Chromium` });
    console.log(`keyboard alone: ${keys} key presses (Tab runs ${tabs.join(', ')}), ${seconds} s in headless Chromium`);
});

for (const [width, colorScheme] of [[1366, 'light'], [1366, 'dark'], [390, 'light']]) {
    test(`axe-core finds nothing in edit mode at ${width} px, ${colorScheme}: forms and a dialog open`, async () => {
        const { page } = await suite.open(`${suite.server.url}?edit`, { viewport: { width, height: 900 }, colorScheme });
        await expect(editor(page).getByRole('heading', { name: 'Editing' })).toBeVisible({ timeout: 15_000 });
        for (const part of ['Entities', 'Events', 'Sections', 'Title, site and dates']) {
            await editor(page).locator('summary', { hasText: part }).click();
        }
        await editor(page).getByRole('button', { name: 'Edit Moscow' }).click();
        await editor(page).getByRole('button', { name: /^Edit 2021-12-01/ }).first().click();
        await assertNoAxeViolations(page, {}, `edit mode, ${width} px ${colorScheme}`);
        await dragSelect(page, 'p2', 'Nikolay Patrushev');
        await editor(page).getByRole('button', { name: 'New event from this sentence…' }).click();
        await expect(page.getByRole('dialog', { name: 'New event' })).toBeVisible();
        await assertNoAxeViolations(page, {}, `new event dialog, ${width} px ${colorScheme}`);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog', { name: 'New event' })).toBeHidden();
        await expect(editor(page).getByRole('button', { name: 'New event from this sentence…' }), 'focus returns to the opener').toBeFocused();
    });
}

test('entities are renamed, given aliases, merged and removed; suggestions accepted a kind at once; the timeline follows typing', async () => {
    const viewer = await suite.open();
    const { page } = viewer;
    await convert(page);
    await openEditor(page);
    const sidebar = page.locator('#names');
    const entities = editor(page).getByRole('list', { name: 'Entities', exact: true });

    // Every suggested place accepted at once: they lose "suggested" in the sidebar.
    const places = page.locator('#names [aria-labelledby="entities-place"] .entity-button');
    await expect(places.filter({ hasText: 'suggested' })).not.toHaveCount(0);
    await editor(page).getByRole('button', { name: /^Accept all \d+ suggested places$/ }).click();
    await expect(places.filter({ hasText: 'suggested' })).toHaveCount(0);
    await expect(places).not.toHaveCount(0);

    // Rename.
    const zeya = page.locator('#names .entity-button[data-entity-id="zeya"]');
    await editor(page).locator('summary', { hasText: /^Entities/ }).click();
    await entities.getByRole('button', { name: 'Edit Zeya' }).click();
    await entities.getByRole('textbox', { name: 'Name' }).fill('Uzra Zeya');
    await expect(zeya).toContainText('Uzra Zeya');

    // The duplicate merged into it: its name becomes an alias, and the events name the one kept.
    await entities.getByRole('button', { name: 'Edit Human Rights Uzra Zeya' }).click();
    await entities.getByLabel('Merge into').selectOption('zeya');
    await entities.getByRole('button', { name: 'Merge' }).click();
    await expect(page.locator('#names .entity-button[data-entity-id="human-rights-uzra-zeya"]')).toHaveCount(0);
    await expect(entities.getByRole('button', { name: 'Remove the alias “Human Rights Uzra Zeya”' })).toBeVisible();

    // An alias added from the text, one removed; one not in the text is refused beside them.
    await entities.getByRole('textbox', { name: 'New alias' }).fill('the Under Secretary');
    await entities.getByRole('button', { name: 'Add alias' }).click();
    await expect(entities.getByRole('button', { name: 'Remove the alias “the Under Secretary”' })).toBeVisible();
    await entities.getByRole('button', { name: 'Remove the alias “Under Secretary”' }).click();
    await expect(entities.getByRole('button', { name: 'Remove the alias “Under Secretary”' })).toHaveCount(0);
    await entities.getByRole('textbox', { name: 'New alias' }).fill('Madam Under Secretary');
    await entities.getByRole('button', { name: 'Add alias' }).click();
    await expect(entities.locator('.field-problem')).toContainText('not in the text');
    // Removing an entity takes it out of the sidebar and the text.
    await entities.getByRole('button', { name: 'Edit Meeting' }).click();
    await entities.getByRole('button', { name: 'Remove Meeting' }).click();
    await expect(sidebar.locator('.entity-button', { hasText: /^Meeting/ })).toHaveCount(0);

    // The event's label: the timeline list follows each keystroke.
    await editor(page).locator('summary', { hasText: /^Events/ }).click();
    await editor(page).getByRole('button', { name: /^Edit 2024-02-19:/ }).click();
    const label = editor(page).getByRole('textbox', { name: 'Label' });
    await label.fill('Zeya travels to Jamaica and Belize');
    await expect(page.locator('ol.timeline-list .event-button', { hasText: 'Zeya travels to Jamaica and Belize' })).toBeVisible();
    await label.press('Backspace');
    await expect(page.locator('ol.timeline-list .event-button', { hasText: /Jamaica and Beliz(?!e)/ })).toBeVisible();
    // The draft kept in the browser follows, a moment after the last change.
    const kept = () => page.evaluate(() => JSON.parse(localStorage.getItem('briefing-draft:state-media-notes') ?? '{}'));
    await expect.poll(async () => (await kept()).events?.some((e) => e.label === 'Zeya travels to Jamaica and Beliz')).toBe(true);
    expect((await kept()).entities.map((e) => e.id)).not.toContain('human-rights-uzra-zeya');
    expectNoErrors([viewer]);
});

test('the publication date is added with how it is known, and the copy date removed', async () => {
    const viewer = await suite.open();
    const { page } = viewer;
    await convert(page);
    await openEditor(page);
    await editor(page).locator('summary', { hasText: 'Title, site and dates' }).click();
    const published = editor(page).locator('fieldset.published');
    await published.getByRole('button', { name: 'Add a publication date' }).click();
    await published.getByRole('textbox', { name: 'From' }).fill('2024-02-16');
    // Stated with no quote is refused beside it; the reasoning of an inferred date is taken.
    await published.getByRole('button', { name: 'Add the publication date' }).click();
    await expect(published.locator('.field-problem')).toContainText('A stated date needs the article’s words that give it');
    await published.getByRole('radio', { name: 'Inferred' }).check();
    await published.getByRole('textbox', { name: 'Reasoning' }).fill('The notes announce travel from 19 February 2024.');
    await published.getByRole('button', { name: 'Add the publication date' }).click();
    await expect(page.locator('.published summary')).toContainText('16 February 2024');
    await expect(page.locator('.published summary')).toContainText('inferred');
    await expect(published.getByRole('button', { name: 'Remove the publication date' })).toBeVisible();

    // The built-in article's copy date, removed and brought back by undo.
    const builtin = await suite.open(`${suite.server.url}?edit`);
    await expect(editor(builtin.page).getByRole('heading', { name: 'Editing' })).toBeVisible({ timeout: 15_000 });
    await editor(builtin.page).locator('summary', { hasText: 'Title, site and dates' }).click();
    const masthead = builtin.page.locator('.masthead');
    await expect(masthead).toContainText('Copy dated Thursday, February 15, 2024');
    await editor(builtin.page).getByRole('button', { name: 'Remove the copy date' }).click();
    await expect(masthead).not.toContainText('Copy dated');
    await editor(builtin.page).getByRole('button', { name: 'Undo' }).click();
    await expect(masthead).toContainText('Copy dated Thursday, February 15, 2024');
    expectNoErrors([viewer, builtin]);
});

test('sections are renamed, reordered, and a heading boundary moved', async () => {
    const viewer = await suite.open(`${suite.server.url}?edit`);
    const { page } = viewer;
    await expect(editor(page).getByRole('heading', { name: 'Editing' })).toBeVisible({ timeout: 15_000 });
    await editor(page).locator('summary', { hasText: /^Sections/ }).click();
    const sections = editor(page).getByRole('list', { name: 'Sections' });
    const headings = () => page.locator('main#article h2.section-heading').allTextContents();
    await sections.getByRole('textbox', { name: 'Heading of section 2' }).fill('Cooperation');
    await expect.poll(headings).toStrictEqual(['Introduction', 'Cooperation', 'Concern over Afghanistan', 'The Backdrop']);
    // Moved down, the section's "Move down" keeps the focus.
    await page.locator('#section-down-bilateral-cooperation').click();
    await expect.poll(headings).toStrictEqual(['Introduction', 'Concern over Afghanistan', 'Cooperation', 'The Backdrop']);
    await expect(page.locator('#section-down-bilateral-cooperation')).toBeFocused();
    // The last block of the lead becomes the first of the next section.
    const paragraphsOf = (id) => page.locator(`#section-${id} p[id^="paragraph-"]`).count();
    const lead = await paragraphsOf('lead');
    await page.locator('#section-last-lead').click();
    await expect.poll(() => paragraphsOf('lead')).toBe(lead - 1);
    await editor(page).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => paragraphsOf('lead')).toBe(lead);
    expectNoErrors([viewer]);
});

test('an editor that cannot load says so, and the article stays', async () => {
    const viewer = await suite.open(undefined, {
        prepare: (context) => context.route('**/briefing-editor_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' })),
    });
    const { page } = viewer;
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(page.locator('.opening-error')).toHaveText(/^The editor could not be loaded: the editor’s module could not start/);
    await expect(page.locator('main#article h1')).toBeVisible();
    await expect(editor(page)).toHaveCount(0);
    // Edit mode is left, so that "Edit" can be tried again.
    await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
    await expect(page).not.toHaveURL(/edit/);
});

test('a long article reaches the viewer once typing pauses, and still follows every change', async () => {
    // The built-in article with 1,000 more paragraphs: about 270 kB of JSON.
    const article = JSON.parse(await readFile(new URL('../../static/articles/nsa-moscow-2021-12-01.json', import.meta.url), 'utf8'));
    const text = article.sections[1].blocks.find((b) => b.type === 'paragraph').text;
    // (A section holds at most 1,000 blocks: they go into two.)
    for (let i = 0; i < 1000; i++) article.sections[2 + (i % 2)].blocks.push({ type: 'paragraph', id: `extra-${i}`, text: `${text} (${i})` });
    const json = JSON.stringify(article);
    expect(json.length).toBeGreaterThan(200_000);
    const viewer = await suite.open();
    const { page } = viewer;
    const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Open article…' }).click(),
    ]);
    await chooser.setFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await expect(page.locator('.source-banner')).toContainText('the file “long.json”');
    await openEditor(page);
    await editor(page).locator('summary', { hasText: 'Title, site and dates' }).click();
    const title = editor(page).getByRole('textbox', { name: 'Title' });
    await title.press('End');
    await title.pressSequentially(' (long)');
    await expect(page.locator('main#article h1')).toHaveText(`${article.title} (long)`);
    expectNoErrors([viewer]);
});
