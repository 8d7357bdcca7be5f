// Runs the Nu Html Checker (vnu.jar from the vnu-jar package, on the system's Java) over
// every page the release builds write, and fails listing each error it reports.
// Usage: node tests/html-check.mjs [page.html ...] (default: the built pages below).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = ['dist/index.html', 'dist/briefing.html', 'dist/404.html', 'target/dist-subpath/index.html'];
const pages = process.argv.length > 2 ? process.argv.slice(2) : built.map((page) => `${root}${page}`);
const missing = pages.filter((page) => !existsSync(page));
if (missing.length) {
    console.error(`html-check: not built: ${missing.join(', ')} (run both release builds first, see .ci/test.sh)`);
    process.exit(1);
}
const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

// --format json writes the report to stderr; the exit status is 1 when there are errors.
let report;
try {
    execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...pages], { stdio: ['ignore', 'ignore', 'pipe'] });
    report = { messages: [] };
} catch (error) {
    if (error.code === 'ENOENT') {
        console.error('html-check: java is missing (.ci/setup.sh --browser installs default-jre-headless)');
        process.exit(1);
    }
    try {
        report = JSON.parse(error.stderr.toString());
    } catch {
        console.error(`html-check: the checker failed without a report (exit ${error.status}):\n${error.stderr}`);
        process.exit(1);
    }
}
// The checker's CSS part (the W3C CSS validator) does not know container queries yet
// (w3c/css-validator#422 and #474, open): only those messages are set aside, and counted.
const unknownToChecker = [/^CSS: Unrecognized at-rule “@container”\.?$/, /^CSS: “container(-type|-name)?”: Property “container(-type|-name)?” doesn't exist\.?$/];
const reported = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
const errors = reported.filter((m) => !unknownToChecker.some((known) => known.test(m.message)));
const setAside = reported.length - errors.length;
const where = (m) => `${relative(root, fileURLToPath(m.url))}${m.lastLine ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn}` : ''}`;
for (const m of errors) console.error(`${where(m)}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}` : ''}`);
if (errors.length) {
    console.error(`html-check: the Nu Html Checker found ${errors.length} error(s) in ${pages.length} page(s)`);
    process.exit(1);
}
console.log(`html-check: the Nu Html Checker found no errors in ${pages.length} page(s): ${pages.map((p) => relative(root, p)).join(', ')}` +
    (setAside ? ` (${setAside} message(s) on CSS container queries, which it does not know, set aside)` : ''));
