// Synthetic articles N times the built-in one, to see how load and interaction times grow.
// Copy 1 is the article as it is; copy k (k >= 2) has every section, paragraph, entity and
// event again under new ids (`p3-k`, `moeed-yusuf-k`), with numbered names and aliases
// ("Moeed Yusuf 7") that its rewritten text really uses, so mentions exist; its events
// point at its own entities and paragraphs and quote their rewritten sentences exactly.
// Dates are kept, so they stay real.

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every alias of `entities`, longest first, as whole words. */
function aliasPattern(entities) {
    const aliases = [...new Set(entities.flatMap((e) => e.aliases))].sort((a, b) => b.length - a.length);
    const word = '[\\p{L}\\p{N}\\p{M}_]';
    return new RegExp(`(?<!${word})(?:${aliases.map(escapeRegExp).join('|')})(?!${word})`, 'gu');
}

/** Rewrites each alias in `text` (longest first, whole words) as "alias k". */
function makeRewriter(entities) {
    const pattern = aliasPattern(entities);
    return (text, k) => text.replace(pattern, (alias) => `${alias} ${k}`);
}

/** The article `factor` times over, as a plain object. */
export function scaledArticle(base, factor) {
    const rewrite = makeRewriter(base.entities ?? []);
    const article = structuredClone(base);
    article.id = `${base.id}-scale-${factor}x`;
    article.title = `${base.title} (scale ${factor}x)`;
    for (let k = 2; k <= factor; k += 1) {
        const id = (old) => `${old}-${k}`;
        for (const section of base.sections) {
            article.sections.push({
                id: id(section.id),
                heading: `${section.heading ?? 'Introduction'} (${k})`,
                blocks: section.blocks.map((block) =>
                    block.type === 'paragraph'
                        ? { type: 'paragraph', id: id(block.id), text: rewrite(block.text, k) }
                        : { ...block, title: rewrite(block.title, k) },
                ),
            });
        }
        for (const entity of base.entities ?? []) {
            article.entities.push({
                ...entity,
                id: id(entity.id),
                name: `${entity.name} ${k}`,
                aliases: entity.aliases.map((alias) => `${alias} ${k}`),
            });
        }
        for (const event of base.events ?? []) {
            const copy = {
                ...structuredClone(event),
                id: id(event.id),
                label: `${event.label} (${k})`,
                entities: (event.entities ?? []).map(id),
            };
            if (event.sentence) {
                copy.sentence = { paragraph: id(event.sentence.paragraph), text: rewrite(event.sentence.text, k) };
            }
            if (copy.basis.quote) copy.basis.quote = rewrite(copy.basis.quote, k);
            article.events.push(copy);
        }
    }
    return article;
}

/**
 * The checks the viewer makes that copying could break: unique ids, references that
 * resolve, sentences quoted word for word, and (for the copies) aliases the text uses.
 * Returns a list of problems; empty when the article is fine.
 */
export function checkScaled(article) {
    const problems = [];
    const unique = (what, ids) => {
        const seen = new Set();
        for (const id of ids) {
            if (seen.has(id)) problems.push(`duplicate ${what} id ${id}`);
            seen.add(id);
        }
        return seen;
    };
    unique('section', article.sections.map((s) => s.id));
    const paragraphs = new Map();
    for (const section of article.sections) {
        for (const block of section.blocks) {
            if (block.type !== 'paragraph') continue;
            if (paragraphs.has(block.id)) problems.push(`duplicate paragraph id ${block.id}`);
            paragraphs.set(block.id, block.text);
        }
    }
    article.sections.forEach((s, i) => {
        if (i > 0 && !s.heading) problems.push(`section ${s.id} has no heading`);
    });
    const entities = unique('entity', article.entities.map((e) => e.id));
    unique('event', article.events.map((e) => e.id));
    for (const event of article.events) {
        for (const ref of event.entities ?? []) {
            if (!entities.has(ref)) problems.push(`event ${event.id} names unknown entity ${ref}`);
        }
        if (event.sentence) {
            const text = paragraphs.get(event.sentence.paragraph);
            if (text === undefined) problems.push(`event ${event.id} points at unknown paragraph ${event.sentence.paragraph}`);
            else if (!text.includes(event.sentence.text)) problems.push(`event ${event.id}: sentence not in ${event.sentence.paragraph}`);
        }
    }
    const allText = article.sections
        .flatMap((s) => s.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.title)))
        .join('\n');
    // A copy must be named in the text wherever its original is named on its own (the
    // Russian Security Council is not: its alias only occurs inside a longer one).
    const base = article.entities.filter((e) => !/-\d+$/.test(e.id));
    const pattern = aliasPattern(base);
    const used = new Set(allText.match(pattern) ?? []);
    const byId = new Map(article.entities.map((e) => [e.id, e]));
    for (const entity of article.entities) {
        const original = byId.get(entity.id.replace(/-\d+$/, ''));
        if (original && original !== entity && original.aliases.some((a) => used.has(a))) {
            if (!entity.aliases.some((alias) => allText.includes(alias))) {
                problems.push(`entity ${entity.id}: no alias appears in the text`);
            }
        }
    }
    return problems;
}
