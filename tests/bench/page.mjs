// What runs inside the page. Each function is passed to Playwright, serialised, and run
// in the page; none of them sleeps: they poll on animation frames.

/**
 * Init script (runs before the page's own scripts, at document creation): from then on,
 * on every animation frame, looks for the toggle `selector`; when it is there (and the
 * page's h1 contains `titleMarker`, if given), clicks it and checks on the next frame
 * whether its `aria-expanded` flipped. The first frame that sees the flip resolves
 * `window.__benchInteractive` with `{ t: performance.now(), clicks }`: the time since
 * navigation start at which the page answered a toggle. A `.opening-error` in the page
 * resolves it with `{ error }` instead.
 */
export function interactiveProbe({ selector, titleMarker }) {
    if (window !== window.top) return;
    let resolve;
    window.__benchInteractive = new Promise((done) => {
        resolve = done;
    });
    let pending = null;
    let clicks = 0;
    const tick = () => {
        const error = document.querySelector('.opening-error');
        if (error) {
            resolve({ error: error.textContent.trim(), t: performance.now(), clicks });
            return;
        }
        if (pending && pending.element.isConnected && pending.element.getAttribute('aria-expanded') !== pending.before) {
            resolve({ t: performance.now(), clicks });
            return;
        }
        const element = document.querySelector(selector);
        const titled =
            !titleMarker || (document.querySelector('main#article h1')?.textContent ?? '').includes(titleMarker);
        if (element && titled) {
            pending = { element, before: element.getAttribute('aria-expanded') };
            clicks += 1;
            element.click();
        } else {
            pending = null;
        }
        requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
}

/** First contentful paint in ms since navigation start, waiting for the entry if needed. */
export function firstContentfulPaint() {
    return new Promise((resolve) => {
        const entry = performance.getEntriesByName('first-contentful-paint')[0];
        if (entry) return resolve(entry.startTime);
        new PerformanceObserver((list, observer) => {
            const found = list.getEntriesByName('first-contentful-paint')[0];
            if (found) {
                observer.disconnect();
                resolve(found.startTime);
            }
        }).observe({ type: 'paint', buffered: true });
    });
}

/**
 * One interaction, timed in the page: `performance.now()` before `click()`, and again
 * once the expected change is in the DOM and the frame that shows it has been painted
 * (a double requestAnimationFrame when the change is there straight after the click;
 * one more frame when it turns up in a frame callback). Returns
 * `{ ms }` or `{ error }`.
 *
 * kinds:
 * - `section`: `selector` is a section toggle; closes it first if open (not timed), then
 *   times opening it until `aria-expanded="true"`.
 * - `entity`: clicks `selector` until `mark.marked` elements exist.
 * - `event`: clicks `selector` until `#chosen-sentence` exists.
 */
export async function timeInteraction({ kind, selector, timeoutMs }) {
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const conditions = {
        expanded: () => document.querySelector(selector)?.getAttribute('aria-expanded') === 'true',
        collapsed: () => document.querySelector(selector)?.getAttribute('aria-expanded') === 'false',
        marks: () => document.querySelectorAll('mark.marked').length > 0,
        sentence: () => document.getElementById('chosen-sentence') !== null,
    };
    // Resolves true once `holds()` and the frame showing it has been painted.
    const painted = async (holds) => {
        if (holds()) {
            await frame();
            await frame();
            return true;
        }
        const start = performance.now();
        while (performance.now() - start < timeoutMs) {
            await frame();
            if (holds()) {
                await frame();
                return true;
            }
        }
        return false;
    };
    const target = () => document.querySelector(selector);
    if (!target()) return { error: `${selector} is not in the page` };
    let done;
    if (kind === 'section') {
        if (conditions.expanded()) {
            target().click();
            if (!(await painted(conditions.collapsed))) return { error: `${selector} did not close` };
        }
        done = conditions.expanded;
    } else if (kind === 'entity') {
        if (conditions.marks()) return { error: 'marks were there before the click' };
        done = conditions.marks;
    } else if (kind === 'event') {
        if (conditions.sentence()) return { error: '#chosen-sentence was there before the click' };
        done = conditions.sentence;
    } else {
        return { error: `unknown interaction ${kind}` };
    }
    const before = performance.now();
    target().click();
    if (!(await painted(done))) return { error: `no response to ${selector} within ${timeoutMs} ms` };
    return { ms: performance.now() - before };
}

/**
 * Resolves once the page has had two idle periods in a row with 40 ms or more to spare,
 * or after `timeoutMs`: whatever the viewer builds after loading (long lists are added in
 * steps) is done, so interactions are timed on a page at rest.
 */
export function settled(timeoutMs) {
    return new Promise((resolve) => {
        const start = performance.now();
        let quiet = 0;
        const check = (deadline) => {
            quiet = deadline.timeRemaining() >= 40 ? quiet + 1 : 0;
            if (quiet >= 2 || performance.now() - start > timeoutMs) resolve(performance.now() - start);
            else requestIdleCallback(check);
        };
        requestIdleCallback(check);
    });
}
