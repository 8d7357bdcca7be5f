// Other languages and directions: an article's `language` sets `lang` and `dir` on the
// text and the sidebar beside it; a right-to-left story is laid out mirrored, and names
// are isolated so they cannot reorder the words around them.

import { assertNoAxeViolations, expect, test } from './support.mjs';

let suite;
test.beforeEach(({ suite: current }) => {
    suite = current;
});

const paragraph = (id, text) => ({ type: 'paragraph', id, text });

/** A hand-made Arabic article (the converter reads English only). */
const arabic = {
    id: 'ar-sample',
    site: 'مثال',
    title: 'مستشار الأمن القومي يلتقي نظيره الروسي في موسكو',
    language: 'ar',
    sections: [
        { id: 'lead', blocks: [paragraph('p1', 'التقى مستشار الأمن القومي الباكستاني معيد يوسف بنظيره الروسي نيكولاي باتروشيف في موسكو.')] },
        { id: 'afghanistan', heading: 'أفغانستان', blocks: [paragraph('p2', 'ناقش الجانبان الوضع في أفغانستان والتعاون في مكافحة الإرهاب.')] },
    ],
    entities: [
        { id: 'moeed-yusuf', name: 'معيد يوسف', kind: 'person', aliases: ['معيد يوسف'], description: 'مستشار الأمن القومي الباكستاني' },
        { id: 'moscow', name: 'موسكو', kind: 'place', aliases: ['موسكو'], description: 'عاصمة روسيا' },
    ],
    events: [],
};

/** A hand-made Russian article. */
const russian = {
    id: 'ru-sample',
    site: 'Пример',
    title: 'Советник по национальной безопасности Пакистана встретился с Николаем Патрушевым',
    language: 'ru',
    sections: [{ id: 'lead', blocks: [paragraph('p1', 'Встреча Моида Юсуфа и Николая Патрушева прошла в Москве.')] }],
    entities: [{ id: 'moscow', name: 'Москва', kind: 'place', aliases: ['Москве'], description: 'Столица России' }],
    events: [],
};

async function openArticle(page, article) {
    const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Open article…' }).click(),
    ]);
    await chooser.setFiles({ name: `${article.id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(article)) });
    await expect(page.locator('main#article h1', { hasText: article.title })).toBeVisible();
}

test('a right-to-left article reads right to left, with the sidebar mirrored and names isolated', async () => {
    const { page } = await suite.open(undefined, { viewport: { width: 1366, height: 900 } });
    await openArticle(page, arabic);
    const reading = page.locator('.reading');
    await expect(reading).toHaveAttribute('lang', 'ar');
    await expect(reading).toHaveAttribute('dir', 'rtl');
    expect(await page.locator('main#article').evaluate((main) => getComputedStyle(main).direction)).toBe('rtl');
    const text = await page.locator('main#article').boundingBox();
    const sidebar = await page.locator('aside.sidebar').boundingBox();
    expect(sidebar.x + sidebar.width <= text.x + 1, `the sidebar is left of the text: sidebar ${JSON.stringify(sidebar)}, text ${JSON.stringify(text)}`).toBeTruthy();
    expect(await page.locator('.entity-name > bdi').allTextContents()).toStrictEqual(['معيد يوسف', 'موسكو']);
    await page.locator('.entity-button[data-entity-id="moscow"]').click();
    expect(await page.locator('mark.marked').first().textContent()).toBe('موسكو');
    await assertNoAxeViolations(page, {}, 'Arabic article');
});

test('a Cyrillic article reads left to right in its own language', async () => {
    const { page } = await suite.open(undefined, { viewport: { width: 390, height: 844 } });
    await openArticle(page, russian);
    const reading = page.locator('.reading');
    await expect(reading).toHaveAttribute('lang', 'ru');
    await expect(reading).toHaveAttribute('dir', 'ltr');
    expect(await page.locator('#paragraph-p1').textContent()).toBe(russian.sections[0].blocks[0].text);
    expect(await page.locator('.entity-name > bdi').textContent()).toBe('Москва');
});
