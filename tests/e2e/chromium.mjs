// The browser of the end-to-end suite: the system Chromium, with the flags it needs here
// (playwright.config.mjs launches it; Playwright downloads no browser of its own).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags headless Chromium needs here: root, no GPU, and no calls to the outside. */
export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];
