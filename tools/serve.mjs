#!/usr/bin/env node
// A dependency-free static file server for the yingji page (development and tests only).
//
//   node tools/serve.mjs [--port N] [--host 127.0.0.1]
//
// Serves the repository root; `/` redirects to `/www/`. Binds 127.0.0.1 unless told otherwise.
// `startServer({port, host, root, headers})` starts it in-process (port 0 = any free port) and
// resolves to `{url, origin, port, close()}`; `headers` are added to every response (e.g. a CSP);
// `types` overrides MIME types by extension (tests use it to serve .wasm wrongly).
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
};

function send(res, status, body, headers = {}) {
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': buf.length,
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : buf);
}

/** Maps a request path to a file under root, or null when it would leave root. */
function resolveUnder(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Reject any `..` segment outright rather than normalising it away; hide dotfiles (.git, .ci).
  if (decoded.split('/').some((seg) => seg === '..' || seg.startsWith('.'))) return null;
  const full = resolve(root, '.' + decoded);
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

function handler(root, extraHeaders, types = {}) {
  return async (req, res) => {
    for (const [k, v] of Object.entries(extraHeaders)) res.setHeader(k, v);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    let url;
    try {
      url = new URL(req.url, 'http://localhost');
    } catch {
      send(res, 400, 'bad request\n');
      return;
    }
    const pathname = url.pathname;
    if (pathname === '/') {
      send(res, 302, 'see /www/\n', { Location: '/www/' });
      return;
    }
    let file = resolveUnder(root, pathname);
    if (file === null) {
      send(res, 403, 'forbidden\n');
      return;
    }
    let info;
    try {
      info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          send(res, 301, 'moved\n', { Location: pathname + '/' + url.search });
          return;
        }
        file = resolve(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) throw new Error('not a file');
    } catch {
      send(res, 404, 'not found\n');
      return;
    }
    const ext = extname(file).toLowerCase();
    const type = types[ext] || MIME[ext] || 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': info.size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}

/**
 * Starts the server. Resolves to `{url, origin, port, close}` once listening; `url` is the page.
 * @param {{port?: number, host?: string, root?: string, headers?: Record<string,string>, types?: Record<string,string>}} [opts]
 */
export function startServer({ port = 8000, host = '127.0.0.1', root = REPO_ROOT, headers = {}, types = {} } = {}) {
  const absRoot = resolve(root);
  const server = createServer(handler(absRoot, headers, types));
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      const actual = server.address().port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      const origin = `http://${shownHost}:${actual}`;
      ok({
        url: `${origin}/www/`,
        origin,
        port: actual,
        server,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const next = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--port') {
      const n = Number(next());
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error('--port needs a number 0-65535');
      opts.port = n;
    } else if (flag === '--host') {
      const h = next();
      if (!h) throw new Error('--host needs a value');
      opts.host = h;
    } else if (flag === '--help' || flag === '-h') {
      process.stdout.write('usage: node tools/serve.mjs [--port N] [--host 127.0.0.1]\n');
      process.exit(0);
    } else {
      throw new Error(`unknown argument: ${a}`);
    }
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`yingji serve: ${e.message}\n`);
    process.exit(2);
  }
  startServer(opts).then(
    (s) => process.stdout.write(`yingji: ${s.url}\n`),
    (e) => {
      process.stderr.write(`yingji serve: ${e.message}\n`);
      process.exit(1);
    },
  );
}
