// Trunk post-build hook (release builds only). It pre-renders the default view into
// Trunk's index.html (the `prerender` command: Yew's server renderer, plus the head tags
// for search engines and link previews), starts the viewer with static/briefing-start.js
// (the WebAssembly follows the first view), and beside it writes:
// - briefing.html: the whole viewer in one file (CSS, the wasm-bindgen glue and both wasm
//   modules inlined, packed with LZMA) that opens from disk. A Trunk index.html cannot:
//   Chromium refuses module imports and wasm fetches from file:// URLs.
// - briefing-element.js (static/briefing-element.js with the hashed file names filled in)
//   and briefing-element.css: the <briefing-viewer> custom element, for embedding in other
//   pages; it loads the same wasm and renders in a shadow root.
// - 404.html: sends readers of a broken link to the viewer (GitHub Pages serves it).
// Each page gets a Content Security Policy that allows its own inline scripts by hash
// and nothing else inline, so nothing an article contains could run.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
    console.error('post-build: TRUNK_STAGING_DIR is not set; run this as a Trunk hook');
    process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') {
    process.exit(0);
}
const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';

// The page's address for canonical links and previews: absolute where the deployment
// says (BRIEFING_SITE_URL, set by the Pages workflow), else the public path.
const pageUrl = process.env.BRIEFING_SITE_URL || publicUrl;
execFileSync(
    'cargo',
    ['run', '--quiet', '--release', '--locked', '--features', 'ssr', '--bin', 'prerender', '--', join(staging, 'index.html'), pageUrl],
    { stdio: 'inherit', cwd: process.env.TRUNK_SOURCE_DIR || process.cwd() },
);
const page = readFileSync(join(staging, 'index.html'), 'utf8');
const asset = (pattern, what) => {
    const match = page.match(pattern);
    if (!match) {
        console.error(`post-build: cannot find the ${what} in index.html`);
        process.exit(1);
    }
    return match[1].split('/').pop();
};
const cssFile = asset(/<link rel="stylesheet" href="([^"]+\.css)"/, 'stylesheet');
const jsFile = asset(/<link rel="modulepreload" href="([^"]+\.js)"/, 'JS glue');
const wasmFile = asset(/<link rel="preload" href="([^"]+\.wasm)"/, 'wasm');
const css = readFileSync(join(staging, cssFile), 'utf8');
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inlineHashes = (html, tag) =>
    [...html.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => sha256(m[1])).join(' ');
// Origins the deployment trusts to serve articles (BRIEFING_TRUSTED_ORIGINS, space- or
// comma-separated; the viewer reads the same variable when it is compiled): articles from
// them show without a click-through notice, and they may be plain http. Checked here,
// because they go into the policy.
const trustedOrigins = (process.env.BRIEFING_TRUSTED_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean)
    .map((origin) => origin.replace(/\/+$/, '').toLowerCase());
for (const origin of trustedOrigins) {
    if (!/^https?:\/\/([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:(\d{1,5}|\*))?$/.test(origin)) {
        console.error(`post-build: BRIEFING_TRUSTED_ORIGINS: ${JSON.stringify(origin)} is not an origin like https://news.example or http://127.0.0.1:*`);
        process.exit(1);
    }
}
// Articles the reader asks for (?article=) may be on any https site, or a trusted origin;
// no inline style at all: the timeline's positions are set through the CSSOM.
// Scripts that a page's own script inserts are listed too (`scripts`, their texts).
const withPolicy = (html, scripts = []) => {
    const policy = [
        "default-src 'self'",
        `script-src 'self' 'wasm-unsafe-eval' ${[inlineHashes(html, 'script'), ...scripts.map(sha256)].join(' ')}`,
        `style-src-elem 'self' ${inlineHashes(html, 'style')}`,
        "style-src-attr 'none'",
        ["connect-src 'self' https:", ...trustedOrigins].join(' '),
        "img-src 'self' data:",
        // The tools module's worker: beside the page, or (the one-file viewer) a blob.
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ].join('; ');
    return html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
};
const write = (name, text) => {
    writeFileSync(join(staging, name), text);
    console.log(`post-build: wrote ${name} (${Buffer.byteLength(text)} bytes)`);
};

// One file. Its scripts and WebAssembly modules travel as one LZMA stream (`xz`
// compresses the two modules together to about a third less than gzip does apart),
// written 13 bits to two printable characters and unpacked by .ci/one-file-unpack.js,
// inlined:
// the viewer's glue and module at start, the tools' glue and module when the viewer
// first asks for the tools' worker (window.briefingToolsUrl). The glue, an ES module,
// runs as an inline module script whose hash the policy lists; it finds its module in
// window.briefingWasm.
const unpackSource = readFileSync(join(process.env.TRUNK_SOURCE_DIR || process.cwd(), '.ci', 'one-file-unpack.js'), 'utf8');
const viewerGlue = `${readFileSync(join(staging, jsFile), 'utf8').replace(/^export \{[^}]*\};?\s*$/m, '')}
initSync({ module: window.briefingWasm });
delete window.briefingWasm;
`;
// The tools' worker is a blob made when it is first needed; its module comes in it as
// base64 (self.briefingToolsWasm), which costs nothing in the file.
const toolsGlue = `${readFileSync(join(staging, 'briefing-tools.js'), 'utf8')}
{
    const binary = atob(self.briefingToolsWasm);
    delete self.briefingToolsWasm;
    const module_or_path = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) module_or_path[i] = binary.charCodeAt(i);
    wasm_bindgen({ module_or_path }).catch((error) => postMessage(\`failed: \${error}\`));
}
`;
const parts = [Buffer.from(viewerGlue), readFileSync(join(staging, wasmFile)),
    Buffer.from(toolsGlue), readFileSync(join(staging, 'briefing-tools_bg.wasm'))];
const payload = Buffer.concat(parts);
// The digits of the text: printable ASCII but for ", < and \ (see one-file-unpack.js).
const digits = [];
for (let c = 32; c < 127; c++) {
    if (c !== 34 && c !== 60 && c !== 92) digits.push(String.fromCharCode(c));
}
const pack = (bytes) => {
    let lzma;
    try {
        lzma = execFileSync('xz', ['--format=lzma', '--lzma1=preset=9e,lc=3,lp=0,pb=0,nice=273', '--stdout'],
            { input: bytes, maxBuffer: 1 << 28 });
    } catch (error) {
        console.error(`post-build: xz (from xz-utils) is needed to pack briefing.html: ${error.message}`);
        process.exit(1);
    }
    // 13 bits at a time, the last ones padded with zeros, each as two base-92 digits.
    const text = [];
    let bits = 0;
    let held = 0;
    const put = (value) => text.push(digits[value % 92], digits[Math.floor(value / 92)]);
    for (const byte of lzma) {
        bits = (bits << 8) | byte;
        held += 8;
        if (held >= 13) {
            held -= 13;
            put(bits >>> held);
            bits &= (1 << held) - 1;
        }
    }
    if (held > 0) put(bits << (13 - held));
    return text.join('');
};
const packed = pack(payload);
// The unpacker, run here on what it will run on in the page, in parts as the page asks.
const sandbox = {};
vm.runInNewContext(`${unpackSource}\nthis.take = unpack(${JSON.stringify(packed)}, ${payload.length});`, sandbox);
const unpacked = Buffer.concat(parts.map((part) => Buffer.from(sandbox.take(part.length))));
if (!unpacked.equals(payload)) {
    console.error('post-build: briefing.html would not unpack to its scripts and modules');
    process.exit(1);
}
const [viewerGlueSize, viewerWasmSize, toolsGlueSize, toolsWasmSize] = parts.map((part) => part.length);
const loader = `${unpackSource}
const take = unpack("${packed}", ${payload.length});
const text = (bytes) => new TextDecoder().decode(bytes);
const glue = text(take(${viewerGlueSize}));
window.briefingWasm = take(${viewerWasmSize});
// The editor (author mode) is left out of the one file, which is for reading; the
// viewer's "Edit" says so.
window.briefingEditor = false;
let tools;
Object.defineProperty(window, 'briefingToolsUrl', {
    configurable: true,
    get: () => tools ??= (() => {
        const glue = text(take(${toolsGlueSize}));
        const wasm = take(${toolsWasmSize});
        let binary = '';
        for (let i = 0; i < wasm.length; i += 0x8000) binary += String.fromCharCode(...wasm.subarray(i, i + 0x8000));
        const script = \`self.briefingToolsWasm = "\${btoa(binary)}";\\n\${glue}\`;
        return URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
    })(),
});
const script = document.createElement('script');
script.type = 'module';
script.textContent = glue;
document.body.append(script);
`;
// The page's start: static/briefing-start.js instead of Trunk's loader and preloads, so the
// pre-rendered first view does not wait for the viewer's WebAssembly (it loads when a
// reader may act).
const sourceFile = (name) => readFileSync(join(process.env.TRUNK_SOURCE_DIR || process.cwd(), 'static', name), 'utf8');
const filled = (name, values) => {
    let text = sourceFile(name);
    for (const [placeholder, value] of Object.entries(values)) {
        if (!text.includes(placeholder)) {
            console.error(`post-build: static/${name} must name ${placeholder}`);
            process.exit(1);
        }
        text = text.replace(placeholder, value);
    }
    return text;
};
const gluePath = page.match(/<link rel="modulepreload" href="([^"]+\.js)"/)[1];
const wasmPreload = page.match(/<link rel="preload" href="([^"]+\.wasm)"[^>]*>/);
const wasmIntegrity = wasmPreload[0].match(/integrity="([^"]+)"/)?.[1] ?? '';
const startScript = filled('briefing-start.js', {
    __BRIEFING_GLUE__: gluePath,
    __BRIEFING_WASM__: wasmPreload[1],
    __BRIEFING_WASM_INTEGRITY__: wasmIntegrity,
});
write('index.html', withPolicy(page
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>\s*/g, '')
    .replace(/<script type="module">[\s\S]*?<\/script>/, () => `<script type="module">\n${startScript}</script>`)));
write('briefing.html', withPolicy(page
    .replace(/<base [^>]*>\s*/, '')
    .replace(/<script type="module">[\s\S]*?<\/script>\s*/, '')
    .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${css}</style>`)
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace('</body>', () => `<script type="module">${loader.replaceAll('</script', '<\\/script')}</script>\n</body>`),
[viewerGlue]));

// The element's stylesheet: the page's, with `rem` turned into pixels and the element
// reset, so that the host page's fonts and sizes (`html { font-size: 40px }`, `* { font:
// ... }`) cannot reach in through inheritance or rem units.
// The reset is !important: a host page's own rules (say `* { font: 40px serif }`) match
// the element itself and would otherwise win over :host and be inherited inside.
const elementCss = `:host { all: initial !important; display: block !important; font-size: 16px !important; }\n` +
    css.replace(/(-?\d*\.?\d+)rem\b/g, (_, n) => `${+(Number(n) * 16).toFixed(3)}px`);
write('briefing-element.css', elementCss);

// The element's script is static/briefing-element.js, with the hashed file names filled in.
write('briefing-element.js', filled('briefing-element.js', { __BRIEFING_GLUE__: jsFile, __BRIEFING_WASM__: wasmFile }));

// 404: a broken or stale link lands on the viewer, keeping any query (a deep link).
write('404.html', withPolicy(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not found · Briefing</title>
<meta http-equiv="refresh" content="3; url=${publicUrl}">
</head>
<body>
<main>
<h1>This page does not exist</h1>
<p>Taking you to the viewer: <a href="${publicUrl}">open Briefing</a>.</p>
</main>
<script>location.replace(${JSON.stringify(publicUrl)} + location.search);</script>
</body>
</html>
`));
