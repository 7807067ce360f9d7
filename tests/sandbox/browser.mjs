// Plays the person in the browser for tests: opens the authorization URL on the
// sandbox, signs in, allows (or denies) and follows the redirect back to the
// app's loopback listener. Only ever talks to 127.0.0.1.
//
//   node browser.mjs [--login NAME] [--deny] [--stop-before-redirect] AUTHORIZE_URL
//
// stdout: "STATUS <code>" and the app's response body, or with
// --stop-before-redirect only the app's redirect URL. Exit 0 when the app's URL
// was reached (or printed), 1 otherwise with the reason on stderr.
import { parseArgs } from 'node:util';

const TIMEOUT_MS = 10_000;
const MAX_STEPS = 20;

function fail(message) {
  console.error(`browser: ${message}`);
  process.exit(1);
}

let options;
try {
  options = parseArgs({
    allowPositionals: true,
    options: {
      login: { type: 'string', default: 'jane' },
      deny: { type: 'boolean', default: false },
      'stop-before-redirect': { type: 'boolean', default: false },
    },
  });
} catch (err) {
  fail(err.message);
}
const { values: opts, positionals } = options;
if (positionals.length !== 1) fail('usage: node browser.mjs [--login NAME] [--deny] [--stop-before-redirect] AUTHORIZE_URL');

function loopbackUrl(text, base) {
  let url;
  try {
    url = new URL(text, base);
  } catch {
    fail(`not a URL: ${text}`);
  }
  // Never let a redirect take us anywhere but this machine.
  if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1') fail(`refusing to contact a non-loopback URL: ${url.origin}`);
  return url;
}

const start = loopbackUrl(positionals[0]);
const sandboxOrigin = start.origin;

// Minimal cookie jar for the sandbox's own origin: name + path, honouring expiry.
const jar = new Map();
function storeCookies(response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    if (eq < 1) continue;
    const cookie = { name: pair.slice(0, eq), value: pair.slice(eq + 1), path: '/' };
    let expired = false;
    for (const attr of attrs) {
      const [key, val = ''] = attr.split('=');
      const k = key.toLowerCase();
      if (k === 'path' && val.startsWith('/')) cookie.path = val;
      if (k === 'expires' && Date.parse(val) <= Date.now()) expired = true;
      if (k === 'max-age' && Number(val) <= 0) expired = true;
    }
    const key = `${cookie.name} ${cookie.path}`;
    if (expired) jar.delete(key);
    else jar.set(key, cookie);
  }
}
function cookieHeader(url) {
  const p = url.pathname;
  return [...jar.values()]
    .filter((c) => p === c.path || p.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
    .map((c) => `${c.name}=${c.value}`).join('; ');
}

async function request(method, url, body) {
  const headers = { Accept: 'text/html' };
  if (url.origin === sandboxOrigin) {
    const cookies = cookieHeader(url);
    if (cookies) headers.Cookie = cookies;
  }
  if (body) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  let response;
  try {
    response = await fetch(url, {
      method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    fail(`${method} ${url.origin}${url.pathname} failed: ${err.cause?.message || err.message}`);
  }
  if (url.origin === sandboxOrigin) storeCookies(response);
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

const unescape = (s) => s.replace(/&(#\d+|amp|lt|gt|quot|#39);/g, (m, e) => (
  { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }[e] ?? String.fromCharCode(Number(e.slice(1)))));
const attr = (tag, name) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return m ? unescape(m[1]) : undefined;
};

// The sandbox's forms: action plus their named inputs.
function parseForm(html) {
  const m = /<form([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!m) return undefined;
  const fields = new URLSearchParams();
  for (const [input] of m[2].matchAll(/<input[^>]*>/gi)) {
    const name = attr(input, 'name');
    if (name) fields.set(name, attr(input, 'value') ?? '');
  }
  return { action: attr(m[1], 'action'), fields };
}

let method = 'GET';
let url = start;
let body;
for (let step = 0; step < MAX_STEPS; step += 1) {
  if (url.origin !== sandboxOrigin) {
    // The redirect back to the app's loopback listener.
    if (opts['stop-before-redirect']) {
      process.stdout.write(`${url.href}\n`);
      process.exit(0);
    }
    const result = await request('GET', url);
    process.stdout.write(`STATUS ${result.status}\n${result.text}`);
    process.exit(0);
  }

  const page = await request(method, url, body);
  method = 'GET';
  body = undefined;
  if (page.status >= 300 && page.status < 400 && page.location) {
    url = loopbackUrl(page.location, url);
    continue;
  }
  if (page.status !== 200) {
    const text = unescape(page.text.replace(/<head>[\s\S]*<\/head>/i, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
    fail(`sandbox answered ${page.status} for ${url.pathname}: ${text.slice(0, 300)}`);
  }

  const form = parseForm(page.text);
  const prompt = form?.fields.get('prompt');
  if (prompt === 'login') {
    form.fields.set('login', opts.login);
  } else if (prompt === 'consent' && opts.deny) {
    const abort = /href="([^"]*\/abort)"/.exec(page.text);
    if (!abort) fail('consent page has no deny link');
    url = loopbackUrl(unescape(abort[1]), url);
    continue;
  } else if (prompt !== 'consent') {
    fail(`unexpected page at ${url.pathname}: ${page.text.slice(0, 300)}`);
  }
  method = 'POST';
  body = form.fields.toString();
  url = loopbackUrl(form.action, url);
}
fail(`gave up after ${MAX_STEPS} steps without reaching the app`);
