// Starts the viewer on the pre-rendered page (the release build inlines this module into
// index.html, with the hashed names of the viewer's glue and wasm filled in).
//
// The pre-rendered article can be read without the viewer's WebAssembly, so the first
// view does not wait for it: it loads once the page has loaded and the browser is idle,
// or at once when a reader acts (pointer, key or focus). A button clicked before the
// viewer is ready is clicked again, on the same element, once it is. Anything else the
// page is asked to show (another article, a deep link, a framed page, a returning
// reader's settings) needs the viewer first, so it starts at once.
const glueUrl = '__BRIEFING_GLUE__';
const wasmUrl = '__BRIEFING_WASM__';
const wasmIntegrity = '__BRIEFING_WASM_INTEGRITY__';

const root = document.getElementById('briefing');
let started = null;
let heldButton = null;

const holdEarlyClick = (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button || !root?.contains(button)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    heldButton = button;
    start();
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
        if (heldButton?.isConnected) heldButton.click();
        heldButton = null;
    })().catch((error) => {
        document.removeEventListener('click', holdEarlyClick, true);
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

if (!root?.hasAttribute('data-prerendered') || location.search || location.hash || window !== window.top || returningReader()) {
    start();
} else {
    document.addEventListener('click', holdEarlyClick, true);
    for (const type of ['pointerdown', 'keydown', 'focusin']) {
        addEventListener(type, start, { once: true, capture: true, passive: true });
    }
    const whenIdle = () =>
        'requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 200);
    if (document.readyState === 'complete') whenIdle();
    else addEventListener('load', whenIdle, { once: true });
}
