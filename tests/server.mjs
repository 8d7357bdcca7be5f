// The static file server of the end-to-end tests and the benchmark: dependency-free, on a
// free port of a loopback host, with no rewrites. A path that is not a file is a 404 (a
// directory serves its index.html), and so is every path outside the served prefixes.

import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const MIME_TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.wasm': 'application/wasm',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.txt': 'text/plain; charset=utf-8',
    '.woff2': 'font/woff2',
};

/** Types worth compressing (GitHub Pages compresses these; images and fonts it leaves). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.ico']);

/** `/`, `/a/`, `/a/b/` from `a`, `/a`, `a/`, … */
const prefix = (path) => `/${path.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

/**
 * Serves the files under `root` at `basePath`. Every request is recorded in `requests` as
 * `{ method, path, status }`. Options:
 * - `host`: a loopback address (default `127.0.0.1`).
 * - `basePath: '/some-repo/'` serves `root` under that path only, as GitHub Pages serves a
 *   project site.
 * - `mounts: { '/bench/': dir }` serves more directories under their own prefixes; the
 *   longest matching prefix wins.
 * - `cors: true` adds `Access-Control-Allow-Origin: *` to every answer (GitHub Pages
 *   does; cross-origin module scripts and wasm fetches need it).
 * - `notFoundFile: '404.html'` answers a missing path under a prefix with that file of
 *   `root` (still status 404), as GitHub Pages does with a site's 404.html.
 * - `gzip: true` gzips text and wasm when the client accepts it, as GitHub Pages does, so
 *   that the bytes a browser counts are realistic; answers are then cached by file, size
 *   and mtime, so that compressing does not land in timings.
 * - `cacheControl`: the Cache-Control header of every answer (default `no-store`).
 * Returns `{ url, origin, port, requests, failedRequests, close }`.
 */
export async function startStaticServer(
    root,
    { host = '127.0.0.1', basePath = '/', mounts = {}, cors = false, notFoundFile, gzip = false, cacheControl = 'no-store' } = {},
) {
    assert.match(host, /^(127\.\d+\.\d+\.\d+|::1)$/, `the test server listens on loopback only, not on ${host}`);
    const rootDir = resolve(root);
    const base = prefix(basePath);
    const table = [[base, rootDir], ...Object.entries(mounts).map(([path, dir]) => [prefix(path), resolve(dir)])]
        .sort((a, b) => b[0].length - a[0].length);
    const cache = new Map();
    const requests = [];
    const common = { 'Cache-Control': cacheControl, ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}) };

    const server = createServer(async (req, res) => {
        const path = new URL(req.url, 'http://localhost').pathname;
        const send = (status, body, headers = {}) => {
            requests.push({ method: req.method, path, status });
            res.writeHead(status, { ...common, ...headers });
            res.end(req.method === 'HEAD' ? undefined : body);
        };
        const plain = (status, text, headers = {}) => send(status, text, { 'Content-Type': MIME_TYPES['.txt'], ...headers });
        const notFound = async () => {
            if (notFoundFile) {
                try {
                    const body = await readFile(resolve(rootDir, notFoundFile));
                    return send(404, body, { 'Content-Type': MIME_TYPES['.html'], 'Content-Length': body.length });
                } catch {
                    // fall through to the plain answer
                }
            }
            return plain(404, 'Not Found');
        };
        if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
        const mount = table.find(([start]) => path.startsWith(start));
        if (!mount) return plain(404, 'Not Found');
        const [start, dir] = mount;
        let relative;
        try {
            relative = decodeURIComponent(path.slice(start.length));
        } catch {
            return plain(400, 'Bad Request');
        }
        let file = resolve(dir, relative);
        if (file !== dir && !file.startsWith(dir + sep)) return notFound();
        let info;
        try {
            info = await stat(file);
            if (info.isDirectory()) {
                file = resolve(file, 'index.html');
                info = await stat(file);
            }
        } catch {
            return notFound();
        }
        const ext = extname(file).toLowerCase();
        const compress = gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
        const key = `${file}\0${info.size}\0${info.mtimeMs}\0${compress}`;
        let body = gzip ? cache.get(key) : undefined;
        if (!body) {
            try {
                const raw = await readFile(file);
                body = compress ? gzipSync(raw) : raw;
            } catch {
                return notFound();
            }
            if (gzip) cache.set(key, body);
        }
        const headers = { 'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream', 'Content-Length': body.length };
        if (gzip) headers.Vary = 'Accept-Encoding';
        if (compress) headers['Content-Encoding'] = 'gzip';
        return send(200, body, headers);
    });

    await new Promise((done, fail) => {
        server.once('error', fail);
        server.listen(0, host, done);
    });
    const { port } = server.address();
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return {
        url: `http://${shownHost}:${port}${base}`,
        /** `http://host:port`, with no path: what a page served here sees as its origin. */
        origin: `http://${shownHost}:${port}`,
        port,
        requests,
        /** Requests that did not succeed (status 400 and above). */
        failedRequests: () => requests.filter((r) => r.status >= 400),
        close: () =>
            new Promise((done) => {
                server.closeAllConnections?.();
                server.close(() => done());
            }),
    };
}
