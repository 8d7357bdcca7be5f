// Starts the viewer on the pre-rendered page (the release build inlines this module into
// index.html, with the hashed names of the viewer's glue and wasm filled in).
//
// The pre-rendered article can be read without the viewer's WebAssembly, so the first
// view does not wait for it, and a reader who only reads does not pay for it: it loads
// when a reader may act (the pointer moves, a key, a touch, a focus), some hundreds of
// milliseconds before a click. What a reader does before it runs is done again once it
// does: the buttons and checkboxes clicked (held back meanwhile, so a checkbox does not
// change without the viewer), each once and in order; the choice in a list box and the
// text typed in a box; "/" to search; a file dropped on the page. Anything else the page
// is asked to show (another article, a deep link, a framed page, a returning reader's
// settings) needs the viewer first, so it starts at once.
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

// List boxes and text boxes, with what was chosen or typed in them.
const heldValues = new Map();
const holdEarlyValue = (event) => {
    const field = event.target;
    const kind = field instanceof HTMLSelectElement ? 'change' : field instanceof HTMLInputElement && field.type !== 'file' ? 'input' : null;
    if (kind && root?.contains(field)) {
        heldValues.set(field, [field.value, kind]);
        start();
    }
};

let slashPressed = false;
const holdEarlySlash = (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement;
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        slashPressed = true;
    }
};

// A file dropped on the page would otherwise be opened by the browser in place of it.
let droppedFiles = null;
const allowEarlyDrop = (event) => {
    if (root?.contains(event.target) && event.dataTransfer?.types.includes('Files')) {
        event.preventDefault();
        start();
    }
};
const holdEarlyDrop = (event) => {
    if (root?.contains(event.target) && event.dataTransfer?.files.length) {
        event.preventDefault();
        droppedFiles = [...event.dataTransfer.files];
        start();
    }
};

const holding = [
    ['click', holdEarlyClick],
    ['change', holdEarlyValue],
    ['input', holdEarlyValue],
    ['keydown', holdEarlySlash],
    ['dragover', allowEarlyDrop],
    ['drop', holdEarlyDrop],
];
const stopHolding = () => {
    for (const [type, listener] of holding) document.removeEventListener(type, listener, true);
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

/** Resolves when the viewer marks its root `data-live`, or after 10 s whatever happens. */
const viewerLive = () =>
    new Promise((done) => {
        const isLive = () => root?.querySelector('.briefing[data-live]');
        if (isLive()) return done();
        const observer = new MutationObserver(() => {
            if (!isLive()) return;
            observer.disconnect();
            done();
        });
        observer.observe(root ?? document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-live'] });
        setTimeout(() => {
            observer.disconnect();
            done();
        }, 10_000);
    });

function start() {
    started ??= (async () => {
        // Both requests at once; the glue takes the response as it streams in.
        const wasm = fetch(wasmUrl, { integrity: wasmIntegrity });
        wasm.catch(() => {}); // a failure is reported once, through init below
        const glue = await import(glueUrl);
        await glue.default({ module_or_path: wasm });
        // Yew hydrates in its scheduler, after init returns. Holding stops the moment the
        // viewer marks itself live (the observer runs before any later event), so that no
        // click after that is held and pressed again without the reader's activation (a
        // file chooser would not open).
        await viewerLive();
        stopHolding();
        // Hydration set the boxes back to what the page first showed.
        for (const [field, [value, kind]] of heldValues) {
            if (!field.isConnected) continue;
            field.value = value;
            field.dispatchEvent(new Event(kind, { bubbles: true }));
        }
        heldValues.clear();
        for (const control of heldControls) {
            if (control.isConnected) control.click();
        }
        heldControls.clear();
        if (slashPressed) document.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true }));
        if (droppedFiles) {
            const dataTransfer = new DataTransfer();
            for (const file of droppedFiles) dataTransfer.items.add(file);
            root.firstElementChild?.dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
            droppedFiles = null;
        }
    })().catch((error) => {
        stopHolding();
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
for (const [type, listener] of holding) document.addEventListener(type, listener, true);
if (!root?.hasAttribute('data-prerendered') || location.search || location.hash || window !== window.top || returningReader()) {
    start();
} else {
    for (const type of ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'focusin']) {
        addEventListener(type, start, { once: true, capture: true, passive: true });
    }
}
