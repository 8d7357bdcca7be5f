// A tiny static server for the benchmark: serves the release build at `/` and the
// benchmark's own files (plain page, synthetic articles) at `/bench/`, on 127.0.0.1.
// Answers are gzipped (zlib.gzipSync, as GitHub Pages compresses text and wasm) when the
// client accepts it, so the bytes the browser counts are realistic. Compressed bodies are
// cached by file, size and mtime, so compressing does not land in the timings.

import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MIME_TYPES as SHARED_TYPES } from '../e2e/support.mjs';

// Fonts too, which the plain page's stylesheet could ask for.
const MIME_TYPES = { ...SHARED_TYPES, '.woff2': 'font/woff2' };


/** Types worth compressing (GitHub Pages compresses these; images and fonts it leaves). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.ico']);

/**
 * Starts the server. `mounts` maps a URL prefix (`/`, `/bench/`) to a directory; the
 * longest matching prefix wins. Returns `{ origin, port, requests, close }`.
 */
export async function startBenchServer(mounts) {
    const table = Object.entries(mounts)
        .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, resolve(dir)])
        .sort((a, b) => b[0].length - a[0].length);
    const cache = new Map();
    const requests = [];

    const server = createServer(async (req, res) => {
        const path = new URL(req.url, 'http://127.0.0.1').pathname;
        const send = (status, body, headers) => {
            requests.push({ method: req.method, path, status });
            res.writeHead(status, { 'Cache-Control': 'max-age=600', ...headers });
            res.end(req.method === 'HEAD' ? undefined : body);
        };
        const notFound = () => send(404, 'Not Found', { 'Content-Type': MIME_TYPES['.txt'] });
        if (req.method !== 'GET' && req.method !== 'HEAD') {
            return send(405, 'Method Not Allowed', { Allow: 'GET, HEAD', 'Content-Type': MIME_TYPES['.txt'] });
        }
        const mount = table.find(([prefix]) => path.startsWith(prefix));
        if (!mount) return notFound();
        const [prefix, root] = mount;
        let relative;
        try {
            relative = decodeURIComponent(path.slice(prefix.length));
        } catch {
            return send(400, 'Bad Request', { 'Content-Type': MIME_TYPES['.txt'] });
        }
        let file = resolve(root, relative);
        if (file !== root && !file.startsWith(root + sep)) return notFound();
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
        const type = MIME_TYPES[ext] ?? 'application/octet-stream';
        const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
        const key = `${file}\0${info.size}\0${info.mtimeMs}\0${gzip}`;
        let body = cache.get(key);
        if (!body) {
            try {
                const raw = await readFile(file);
                body = gzip ? gzipSync(raw) : raw;
            } catch {
                return notFound();
            }
            cache.set(key, body);
        }
        const headers = { 'Content-Type': type, 'Content-Length': body.length, Vary: 'Accept-Encoding' };
        if (gzip) headers['Content-Encoding'] = 'gzip';
        return send(200, body, headers);
    });

    await new Promise((done, fail) => {
        server.once('error', fail);
        server.listen(0, '127.0.0.1', done);
    });
    const { port } = server.address();
    return {
        origin: `http://127.0.0.1:${port}`,
        port,
        requests,
        close: () =>
            new Promise((done) => {
                server.closeAllConnections?.();
                server.close(() => done());
            }),
    };
}
