// Opening other articles: from a file chooser, by drag and drop, and from plain text;
// every bad input ends in a message that says what and where, with the article that
// was on screen kept; a hostile article runs nothing; the page's CSP is never violated.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, requireDist, test } from './support.mjs';

const BUILTIN_TITLE = 'Strong future: NSA meets Russian counterpart in Moscow';
// Read at load time: the bad inputs below are built from the real article.
const dist = requireDist();
const builtin = JSON.parse(await readFile(resolve(dist, 'articles', 'nsa-moscow-2021-12-01.json'), 'utf8'));
const seedText = await readFile(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8');
let suite;
test.beforeEach(({ suite: current }) => {
    suite = current;
});

/** Opens the viewer with listeners that notice any script an article might smuggle in. */
async function open() {
    const viewer = await suite.open(undefined, {
        prepare: (context) =>
            context.addInitScript(() => {
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation', (e) =>
                    window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`),
                );
            }),
    });
    viewer.dialogs = [];
    viewer.page.on('dialog', async (dialog) => {
        viewer.dialogs.push(dialog.message());
        await dialog.dismiss();
    });
    return viewer;
}

const article = (changes = {}) => ({ ...structuredClone(builtin), ...changes });
const json = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

async function chooseFile(page, name, buffer, mimeType = 'application/octet-stream') {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open article…' }).click()]);
    await chooser.setFiles({ name, mimeType, buffer });
}

async function dropFile(page, name, text) {
    const dataTransfer = await page.evaluateHandle(
        ({ name, text }) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], name));
            return transfer;
        },
        { name, text },
    );
    await page.dispatchEvent('.briefing', 'dragover', { dataTransfer });
    await page.dispatchEvent('.briefing', 'drop', { dataTransfer });
}

async function expectError(page, ...parts) {
    const error = page.locator('.opening-error[role="alert"]');
    await expect(error).toBeVisible();
    const text = await error.textContent();
    for (const part of parts) expect(text.includes(part), `error ${JSON.stringify(text)} lacks ${JSON.stringify(part)}`).toBeTruthy();
    return text;
}

async function expectTitle(page, title) {
    await expect(page.locator('main#article h1')).toHaveText(title, { useInnerText: false });
}

test.describe('Opening other articles', () => {
    test('a Briefing JSON file from the file chooser replaces the article', async () => {
        const { page, consoleErrors } = await open();
        // The hidden file input has a name too (HTML_CodeSniffer asks every input for one).
        await expect(page.locator('.open-bar input[type="file"]')).toHaveAttribute('aria-label', 'Article file to open');
        await chooseFile(page, 'other.json', json(article({ id: 'other', title: 'Another story' })), 'application/json');
        await expectTitle(page, 'Another story');
        await expect(page.locator('.opening-error')).toHaveCount(0);
        expect(consoleErrors).toStrictEqual([]);
    });

    test('a file of the older format, without lanes, opens with the lanes Briefing names and says so', async () => {
        const { page, consoleErrors } = await open();
        const old = article({ id: 'older', title: 'An older file' });
        delete old.lanes;
        await chooseFile(page, 'older.json', json(old), 'application/json');
        await expectTitle(page, 'An older file');
        const timeline = page.locator('section.timeline');
        expect(await timeline.locator('.timeline-drawing .lane').evaluateAll((lanes) => lanes.map((lane) => [lane.dataset.lane, lane.querySelector('.lane-label').textContent]))).toStrictEqual([['meeting', 'The story'], ['backdrop', 'Background']]);
        const note = await timeline.locator('.lane-descriptions').textContent();
        expect(note).toMatch(/Named by Briefing: this file marks these events “meeting” and declares no lanes/);
        await expect(timeline.locator('ol.timeline-list [data-event-id="moscow-meeting"] .event-basis')).toHaveText(/ · The story$/);
        await expect(page.locator('.opening-error')).toHaveCount(0);
        expect(consoleErrors).toStrictEqual([]);
    });

    test('a dropped plain-text story is converted, with suggestions marked as automatic', async () => {
        const { page } = await open();
        await dropFile(page, 'seed.txt', seedText);
        await expectTitle(page, BUILTIN_TITLE);
        const notes = await page.locator('.opening-notes').textContent();
        expect(notes).toMatch(/found automatically/);
        expect(notes).toMatch(/December 1/);
        expect(notes).toMatch(/no year/);
        const headings = await page.locator('button.section-toggle').allTextContents();
        expect(headings.map((h) => h.trim())).toStrictEqual(['Introduction', 'Bilateral Cooperation', 'Concern over Afghanistan', 'The Backdrop']);
        expect((await page.locator('aside.sidebar .suggested-tag').count()) > 5, 'suggested entities are tagged').toBeTruthy();
        for (const name of ['Moeed Yusuf', 'Nikolay Patrushev', 'Moscow', 'TASS']) {
            expect(await page.locator('.entity-name', { hasText: name }).count(), `suggests ${name}`).toBeTruthy();
        }
        await expect(page.locator('.related'), 'both Read More links').toHaveCount(2);
    });

    const badInputs = [
        ['malformed JSON', 'broken.json', json('{\n  "id": "x",\n  oops\n}'), ['line 3, column 3']],
        ['JSON of the wrong shape', 'list.json', json('[1, 2, 3]'), ['(top level)', 'must be a JSON object']],
        ['a missing required field', 'nosite.json', json({ id: 'x', title: 'T', sections: [] }), ['missing field `site`']],
        [
            'an unknown entity reference',
            'ref.json',
            json(article({ events: builtin.events.map((e, i) => (i === 0 ? { ...e, entities: ['nobody'] } : e)) })),
            ['events[0].entities[0]', 'no entity has the id "nobody"'],
        ],
        [
            'a duplicate id',
            'dup.json',
            json(article({ entities: [...builtin.entities, builtin.entities[0]] })),
            [`entities[${builtin.entities.length}].id`, 'duplicate id'],
        ],
        [
            'an impossible day',
            'day.json',
            json(article({ events: builtin.events.map((e, i) => (i === 2 ? { ...e, date: '2021-02-30' } : e)) })),
            ['events[2].date', '2021-02-30 is not a real date'],
        ],
        [
            'month 13',
            'month.json',
            json(article({ events: builtin.events.map((e, i) => (i === 1 ? { ...e, date: '2021-13-01' } : e)) })),
            ['events[1].date', 'month 13 does not exist'],
        ],
        [
            'an empty section',
            'empty.json',
            json(article({ sections: [...builtin.sections, { id: 'empty', heading: 'Empty', blocks: [] }] })),
            ['sections[4].blocks', 'no paragraph'],
        ],
        ['an article over 5 MB', 'huge.json', json(`{"id": "${'x'.repeat(5 * 1024 * 1024)}"}`), ['5242890 bytes', 'up to 5242880 bytes']],
        ['deeply nested JSON', 'deep.json', json(`{"id": ${'['.repeat(5000)}${']'.repeat(5000)}}`), ['nests more than 32 levels deep', 'the limit is 32']],
        ['text that is not UTF-8', 'latin1.txt', Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0x74, 0xe9]), ['not UTF-8', 'offset 6']],
        ['an HTML page', 'page.json', json('<!DOCTYPE html><p>hi</p>'), ['not JSON']],
        [
            'a javascript: link',
            'js.json',
            json(article({ entities: builtin.entities.map((e, i) => (i === 0 ? { ...e, same_as: 'javascript:alert(1)' } : e)) })),
            ['entities[0].same_as', 'not an http or https link'],
        ],
    ];
    for (const [what, name, buffer, parts] of badInputs) {
        test(`${what} is refused with a message, and the article on screen stays`, async () => {
            const { page, pageErrors } = await open();
            await chooseFile(page, name, buffer);
            const message = await expectError(page, `Could not open ${name}`, 'The article on screen is unchanged', ...parts);
            expect(message.length < 2000, 'the message is readable').toBeTruthy();
            expect(await page.locator('main#article h1').textContent()).toBe(BUILTIN_TITLE);
            await expect(page.locator('section.article-section')).toHaveCount(4);
            // The page still responds.
            await page.locator('#toggle-the-backdrop').click();
            await expect(page.locator('#toggle-the-backdrop')).toHaveAttribute('aria-expanded', 'false');
            expect(pageErrors).toStrictEqual([]);
        });
    }

    test('long words, right-to-left text, combining characters and emoji render as written', async () => {
        const { page } = await open();
        const long = 'x'.repeat(3000);
        const rtl = 'هذه فقرة باللغة العربية عن موسكو';
        const combining = 'Cafe\u0301 and e\u0300 with n\u0303';
        const emoji = 'Talks 🤝 in Moscow 🇷🇺🇵🇰 👩🏽‍💼';
        const sections = [{ id: 'lead', blocks: [long, rtl, combining, emoji].map((text, i) => ({ type: 'paragraph', id: `p${i}`, text })) }];
        await chooseFile(page, 'unicode.json', json({ id: 'unicode', site: 'S', title: `${emoji} ${rtl}`, sections }));
        await expectTitle(page, `${emoji} ${rtl}`);
        const texts = await page.locator('.section-body p').allTextContents();
        expect(texts).toStrictEqual([long, rtl, combining, emoji]);
        expect(await page.locator('#paragraph-p1').evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow <= 0, `the long word widens the page by ${overflow}px`).toBeTruthy();
    });

    test('a hostile article executes nothing and renders its payloads as text', async () => {
        const { page, dialogs, consoleErrors } = await open();
        const payloads = [
            '<script>window.__pwned = 1; alert(1)</script>',
            '<img src=x onerror="window.__pwned = 2; alert(2)">',
            '"><svg onload="window.__pwned = 3">',
            '</style><style>body { display: none }</style>',
            "javascript:window.__pwned = 4",
            '{{7*7}} ${alert(5)}',
        ];
        const payload = payloads.join(' ');
        const hostile = {
            // Ids follow a grammar that refuses markup (validation tests that); every
            // text field carries the payloads.
            id: 'hostile',
            site: payload,
            title: `Hostile ${payloads[0]}`,
            copy_date: { text: payload, date: '2024-02-15', note: payload },
            published: { from: '2021-12-01', basis: { kind: 'inferred', reasoning: payload, sources: [{ name: payload, url: 'https://example.org/"><script>window.__pwned=6</script>' }] } },
            sections: [
                { id: 'lead', blocks: [{ type: 'paragraph', id: 'p1', text: `Text ${payload} names Moscow.` }, { type: 'related', title: payload, url: 'https://example.org/?q=<script>' }] },
                { id: 's2', heading: payload, blocks: [{ type: 'paragraph', id: 'p2', text: payload }] },
            ],
            entities: [{ id: 'moscow', name: payload, kind: 'place', aliases: ['Moscow', '<script>'], description: payload, same_as: 'https://example.org/<img/src=x/onerror=alert(7)>' }],
            events: [{ id: 'e1', date: '2021-12-01', precision: 'day', lane: 'meeting', label: payload, entities: ['moscow'], sentence: { paragraph: 'p1', text: `Text ${payload} names Moscow.` }, basis: { kind: 'stated', quote: payload, reasoning: payload } }],
        };
        await chooseFile(page, 'hostile.json', json(hostile));
        await expectTitle(page, hostile.title);
        // Exercise every view of the payloads.
        await page.locator('.entity-button').first().click();
        await page.locator('ol.timeline-list .event-button').first().click();
        await page.locator('.published summary').click();
        await expect(page.locator('mark#chosen-sentence')).toBeVisible();
        expect(await page.evaluate(() => window.__pwned)).toBe(undefined);
        expect(dialogs).toStrictEqual([]);
        await expect(page.locator('main img, main svg, aside img, section.timeline img')).toHaveCount(0);
        await expect(page.locator('body script'), 'no script element was added to the body').toHaveCount(0);
        await expect(page.locator('body'), 'no injected style hid the page').toBeVisible();
        expect((await page.locator('#paragraph-p2').textContent()).includes('<script>window.__pwned = 1')).toBeTruthy();
        for (const link of await page.locator('a[href]').all()) {
            const href = await link.getAttribute('href');
            expect(!/^\s*javascript:/i.test(href), `link to ${href}`).toBeTruthy();
            if (/^https?:/.test(href)) await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
        }
        expect(await page.evaluate(() => window.__cspViolations)).toStrictEqual([]);
        expect(consoleErrors).toStrictEqual([]);
    });

    test('the built pages carry a Content Security Policy that the viewer satisfies', async () => {
        const { page, consoleErrors } = await open();
        const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
        expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
        await page.locator('.entity-button[data-entity-id="nikolay-patrushev"]').click();
        await expect(page.locator('mark.marked').first()).toBeVisible();
        expect(await page.evaluate(() => window.__cspViolations)).toStrictEqual([]);
        expect(consoleErrors).toStrictEqual([]);
    });
});
