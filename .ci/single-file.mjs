// Trunk post-build hook: writes briefing.html, the whole viewer in one file (CSS, the
// wasm-bindgen glue and the wasm inlined), which opens from disk (file://) with no
// network. A Trunk index.html cannot: Chromium refuses module imports and wasm fetches
// from file:// URLs. Runs for release builds only.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
    console.error('single-file: TRUNK_STAGING_DIR is not set; run this as a Trunk hook');
    process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') {
    process.exit(0);
}

const page = readFileSync(join(staging, 'index.html'), 'utf8');
const asset = (pattern, what) => {
    const match = page.match(pattern);
    if (!match) {
        console.error(`single-file: cannot find the ${what} in index.html`);
        process.exit(1);
    }
    return match[1].split('/').pop();
};
const cssFile = asset(/<link rel="stylesheet" href="([^"]+\.css)"/, 'stylesheet');
const jsFile = asset(/<link rel="modulepreload" href="([^"]+\.js)"/, 'JS glue');
const wasmFile = asset(/<link rel="preload" href="([^"]+\.wasm)"/, 'wasm');

const css = readFileSync(join(staging, cssFile), 'utf8');
// The glue is an ES module; inlined, its export line must go, and init is synchronous.
const glue = readFileSync(join(staging, jsFile), 'utf8').replace(/^export \{[^}]*\};?\s*$/m, '');
const wasm = readFileSync(join(staging, wasmFile)).toString('base64');
const loader = `${glue}
const wasmBase64 = "${wasm}";
initSync({ module: Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0)) });
`;

const single = page
    .replace(/<base [^>]*>\s*/, '')
    .replace(/<script type="module">[\s\S]*?<\/script>\s*/, '')
    .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${css}</style>`)
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace('</body>', () => `<script type="module">${loader.replaceAll('</script', '<\\/script')}</script>\n</body>`);
writeFileSync(join(staging, 'briefing.html'), single);
console.log(`single-file: wrote briefing.html (${single.length} bytes)`);
