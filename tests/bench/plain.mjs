// The comparison page: the same article as plain, script-free HTML (title, sections with
// headings and paragraphs, the entity list, the timeline list), styled by the viewer's
// own stylesheet. Its first paint is what a static page would give; the viewer is
// measured against it.

const escapeHtml = (text) =>
    String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const KIND_HEADINGS = [
    ['person', 'People'],
    ['organisation', 'Organisations'],
    ['place', 'Places'],
    ['topic', 'Topics'],
];

const LANE_LABELS = { meeting: 'The meeting', backdrop: 'Afghanistan backdrop' };

const BASIS_LABELS = {
    stated: 'Stated in the article',
    inferred: 'Inferred',
    external: 'From an outside source',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2021-12-01` as "1 December 2021", `2021-12` as "December 2021", `2021` as is. */
export function dateText(date) {
    const [year, month, day] = date.split('-');
    if (day) return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
    if (month) return `${MONTHS[Number(month) - 1]} ${year}`;
    return year;
}

/** The plain page for `article`, linking the stylesheet at `cssHref`. */
export function plainHtml(article, cssHref) {
    const sections = article.sections
        .map((section) => {
            const heading = section.heading ?? 'Introduction';
            const blocks = section.blocks
                .map((block) =>
                    block.type === 'paragraph'
                        ? `<p id="paragraph-${escapeHtml(block.id)}" dir="auto">${escapeHtml(block.text)}</p>`
                        : `<p class="related" dir="auto"><span class="related-label">Read more: </span>` +
                          (block.url
                              ? `<a href="${escapeHtml(block.url)}" rel="noopener noreferrer">${escapeHtml(block.title)}</a>`
                              : `<cite class="related-title">${escapeHtml(block.title)}</cite>`) +
                          `</p>`,
                )
                .join('\n');
            return `<section id="section-${escapeHtml(section.id)}" class="article-section" aria-labelledby="heading-${escapeHtml(section.id)}">
<h2 id="heading-${escapeHtml(section.id)}" class="section-heading${section.heading ? '' : ' lead-heading'}">${escapeHtml(heading)}</h2>
<div id="section-body-${escapeHtml(section.id)}" class="section-body">
${blocks}
</div>
</section>`;
        })
        .join('\n');

    const groups = KIND_HEADINGS.map(([kind, plural]) => {
        const items = (article.entities ?? [])
            .filter((entity) => entity.kind === kind)
            .map(
                (entity) => `<li class="entity kind-${kind}"><span class="entity-name">${escapeHtml(entity.name)}</span>
<p class="entity-description">${escapeHtml(entity.description)}</p></li>`,
            )
            .join('\n');
        if (!items) return '';
        return `<section class="entity-group" aria-labelledby="entities-${kind}">
<h3 id="entities-${kind}">${plural}</h3>
<ul>
${items}
</ul>
</section>`;
    }).join('\n');

    const events = [...(article.events ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const timelineItems = events
        .map(
            (event) => `<li class="timeline-item lane-${event.lane}"><time datetime="${escapeHtml(event.date)}">${escapeHtml(dateText(event.date))}</time>
<span class="event-label">${escapeHtml(event.label)}</span>
<span class="event-basis basis-${event.basis.kind}">${BASIS_LABELS[event.basis.kind] ?? ''} · ${LANE_LABELS[event.lane] ?? event.lane}</span></li>`,
        )
        .join('\n');

    const copyDate = article.copy_date
        ? `<p class="copy-date">Date on this copy of the page: <time datetime="${escapeHtml(article.copy_date.date)}">${escapeHtml(article.copy_date.text)}</time>. ${escapeHtml(article.copy_date.note ?? 'This is not the publication date.')}</p>`
        : '';
    const published = article.published
        ? `<p class="published">Published <time datetime="${escapeHtml(article.published.from)}">${escapeHtml(dateText(article.published.from))}${article.published.to ? ` – ${escapeHtml(dateText(article.published.to))}` : ''}</time></p>`
        : '';

    return `<!DOCTYPE html>
<html lang="${escapeHtml(article.language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(article.title)} · Briefing (plain)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(cssHref)}">
</head>
<body>
<div id="briefing">
<div class="briefing">
<header class="masthead">
<p class="site">${escapeHtml(article.site)}</p>
${copyDate}
</header>
<div class="reading">
<main id="article" class="article" lang="${escapeHtml(article.language ?? 'en')}">
<article>
<header class="article-header">
<h1 dir="auto">${escapeHtml(article.title)}</h1>
${published}
</header>
${sections}
</article>
</main>
<aside class="sidebar" aria-labelledby="sidebar-heading">
<h2 id="sidebar-heading">Who and what the story names</h2>
${groups}
</aside>
</div>
<section class="timeline" aria-labelledby="timeline-heading">
<h2 id="timeline-heading">Timeline</h2>
<div class="timeline-body">
<div class="timeline-side">
<ol class="timeline-list">
${timelineItems}
</ol>
</div>
</div>
</section>
</div>
</div>
</body>
</html>
`;
}
