// Starts the viewer on the pre-rendered page (the release build inlines this module into
// index.html, with the hashed names of the viewer's glue and wasm filled in).
//
// The pre-rendered article can be read without the viewer's WebAssembly, so the first
// view does not wait for it: it loads once the page has loaded and the browser is idle,
// or at once when a reader acts (pointer, key or focus). The buttons and checkboxes
// clicked before the viewer is ready are clicked again, each once and in order, once it
// is (the early clicks themselves are held back, so a checkbox does not change without
// the viewer); a choice made in a list box meanwhile is made again too. Anything else the
// page is asked to show (another article, a deep link, a framed page, a returning
// reader's settings) needs the viewer first, so it starts at once.
const glueUrl = '__BRIEFING_GLUE__';
const wasmUrl = '__BRIEFING_WASM__';
const wasmIntegrity = '__BRIEFING_WASM_INTEGRITY__';

const root = document.getElementById('briefing');

// The timeline drawing's positions and sizes are data attributes (the page's policy
// allows no style attributes); the viewer copies them into custom properties. Done here
// too, at once, so the first view is laid out as the viewer lays it out and nothing
// moves when it starts. The same pairs as POSITIONS in src/components/timeline.rs.
const positions = [
    ['data-pos', '--pos'],
    ['data-row', '--row'],
    ['data-label-chars', '--label-chars'],
    ['data-narrow-top', '--narrow-top'],
    ['data-narrow-height', '--narrow-height'],
    ['data-rows', '--rows'],
    ['data-lanes', '--lanes'],
    ['data-lane-rows', '--lane-rows'],
];
for (const element of root?.querySelectorAll('.timeline-drawing, .timeline-drawing [data-pos], .timeline-drawing [data-rows]') ?? []) {
    for (const [attribute, property] of positions) {
        const value = element.getAttribute(attribute);
        if (value !== null) element.style.setProperty(property, value);
    }
}
let started = null;
const heldControls = new Set();

const holdEarlyClick = (event) => {
    const control = event.target instanceof Element
        ? event.target.closest('button, input[type="checkbox"], input[type="radio"]')
        : null;
    if (!control || !root?.contains(control)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    heldControls.add(control);
    start();
};

const heldChoices = new Map();
const holdEarlyChoice = (event) => {
    const select = event.target;
    if (select instanceof HTMLSelectElement && root?.contains(select)) {
        heldChoices.set(select, select.value);
        start();
    }
};

const showFailure = (error) => {
    const alert = document.createElement('div');
    alert.id = 'start-error';
    alert.className = 'fatal-error';
    alert.setAttribute('role', 'alert');
    alert.textContent =
        'The viewer could not start, so choosing, searching and the timeline drawing do not work; ' +
        `the article is still here to read. Reload the page to try again. Details: ${error}`;
    document.body.prepend(alert);
};

function start() {
    started ??= (async () => {
        // Both requests at once; the glue takes the response as it streams in.
        const wasm = fetch(wasmUrl, { integrity: wasmIntegrity });
        wasm.catch(() => {}); // a failure is reported once, through init below
        const glue = await import(glueUrl);
        await glue.default({ module_or_path: wasm });
        // Yew hydrates in its scheduler, after init returns: a task later the page is live.
        await new Promise((done) => setTimeout(done));
        document.removeEventListener('click', holdEarlyClick, true);
        document.removeEventListener('change', holdEarlyChoice, true);
        // Hydration set the list boxes back to what the page first showed.
        for (const [select, value] of heldChoices) {
            if (!select.isConnected) continue;
            select.value = value;
            select.dispatchEvent(new Event('change', { bubbles: true }));
        }
        heldChoices.clear();
        for (const control of heldControls) {
            if (control.isConnected) control.click();
        }
        heldControls.clear();
    })().catch((error) => {
        document.removeEventListener('click', holdEarlyClick, true);
        document.removeEventListener('change', holdEarlyChoice, true);
        showFailure(error);
    });
    return started;
}

const returningReader = () => {
    try {
        return Object.keys(localStorage).some((key) => key.startsWith('briefing.'));
    } catch {
        return false;
    }
};

// Held until the viewer runs, however soon it starts.
document.addEventListener('click', holdEarlyClick, true);
document.addEventListener('change', holdEarlyChoice, true);
if (!root?.hasAttribute('data-prerendered') || location.search || location.hash || window !== window.top || returningReader()) {
    start();
} else {
    for (const type of ['pointerdown', 'keydown', 'focusin']) {
        addEventListener(type, start, { once: true, capture: true, passive: true });
    }
    const whenIdle = () =>
        'requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 200);
    if (document.readyState === 'complete') whenIdle();
    else addEventListener('load', whenIdle, { once: true });
}
