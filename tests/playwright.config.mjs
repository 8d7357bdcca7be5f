// Playwright Test configuration of the Briefing end-to-end suite (tests/e2e/), run from tests/:
//   npx playwright test --config playwright.config.mjs
// It needs the release builds in dist/ and target/dist-subpath/ (see the README) and uses
// the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium); Playwright downloads no
// browser. Servers listen on loopback ports chosen at run time (tests/e2e/support.mjs).

import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium.mjs';

export default defineConfig({
    testDir: './e2e',
    testMatch: '**/*.test.mjs',
    // One worker: the CI machine has two cores, and Chromium and the servers share them.
    // Measured here: two workers took as long (220 s against 215 s) and made the
    // timing-sensitive tests less reliable.
    workers: 1,
    fullyParallel: false,
    // A flaky test must show.
    retries: 0,
    forbidOnly: true,
    reporter: 'list',
    timeout: 60_000,
    expect: {
        // Web-first assertions, expect.poll and toPass retry for 5 s.
        timeout: 5_000,
        toPass: { timeout: 5_000 },
        toHaveScreenshot: {
            // At most 0.1 % of the pixels may differ. Measured here: run to run, the full
            // 1366 px dark page differs at most by one anti-aliased border line (574 of
            // 4.5 million pixels); a sidebar 2rem wider differs by 27,000 (0.6 %), which a
            // 1 % allowance would let through on the tall full-page pictures.
            maxDiffPixelRatio: 0.001,
            animations: 'disabled',
            caret: 'hide',
            scale: 'css',
        },
    },
    // Screenshot baselines, committed: e2e/__screenshots__/<test file>/<name>.png.
    snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
    outputDir: './output/playwright',
    use: {
        browserName: 'chromium',
        headless: true,
        // A local page answers in milliseconds: fail an action after 5 s, not never.
        actionTimeout: 5_000,
        navigationTimeout: 15_000,
        launchOptions: {
            executablePath: CHROMIUM_PATH,
            args: CHROMIUM_ARGS,
        },
    },
});
