// Plays the person in a real browser: Debian's Chromium, headless, driven by
// playwright-core. Opens the authorization URL, signs in on the sandbox's
// login page, allows (or with --deny, denies) on its consent page and follows
// the redirect to the app's loopback page. With --stop-at-redirect it stops
// there instead, as a browser on another computer does: the redirect to the
// app's loopback address never reaches the app, the browser shows its error
// page ("didn't send any data"), and the address it ended on is printed for
// the test to paste. The browser is kept off the network:
// every host name but 127.0.0.1 resolves to nothing, and any request to
// another host is aborted before it leaves.
//
//   node chromium.mjs [--login NAME] [--deny] [--stop-at-redirect] [--screenshots DIR] [--prefix NAME] AUTHORIZE_URL
//
// stdout: "FINAL <status> <origin><path>" and the text the app's page shows;
// with --stop-at-redirect, "REDIRECT <the whole address>" (code and state included).
// With --screenshots, saves <prefix>-login.png, <prefix>-consent.png and
// <prefix>-final.png there. Exit 0 when the app's page answered, 1 otherwise
// with the reason on stderr.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { chromium } from 'playwright-core';

const EXECUTABLE = '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 30_000;

function fail(message) {
  console.error(`chromium: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      login: { type: 'string', default: 'jane' },
      deny: { type: 'boolean', default: false },
      'stop-at-redirect': { type: 'boolean', default: false },
      screenshots: { type: 'string' },
      prefix: { type: 'string', default: 'browser' },
    },
  });
} catch (err) {
  fail(err.message);
}
const { values: opts, positionals } = parsed;
if (positionals.length !== 1) {
  fail('usage: node chromium.mjs [--login NAME] [--deny] [--stop-at-redirect] [--screenshots DIR] [--prefix NAME] AUTHORIZE_URL');
}

let start;
try {
  start = new URL(positionals[0]);
} catch {
  fail('the authorization URL is not a URL');
}
if (start.protocol !== 'http:' || start.hostname !== '127.0.0.1') {
  fail(`refusing to open a non-loopback URL: ${start.origin}`);
}
const sandboxOrigin = start.origin;
if (opts.screenshots) fs.mkdirSync(opts.screenshots, { recursive: true });

// Only the origin and path: the query carries the authorization code or state.
const where = (text) => {
  try {
    const url = new URL(text);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '(not a URL)';
  }
};

async function shoot(page, step) {
  if (!opts.screenshots) return;
  await page.screenshot({ path: path.join(opts.screenshots, `${opts.prefix}-${step}.png`), fullPage: true });
}

// With --stop-at-redirect every loopback address but the sandbox's goes through this proxy, which
// notes the address and drops the connection: the browser shows its error page, and the
// app's listener never sees the request. (Playwright's routes do not see the redirects of a
// navigation, so they cannot stop one.)
let redirected;
let proxyArgs = ['--no-proxy-server'];
if (opts['stop-at-redirect']) {
  const proxy = http.createServer();
  redirected = new Promise((resolve) => {
    proxy.on('request', (request) => {
      // A proxy gets the whole address in the request line.
      if (request.url.startsWith('http://127.0.0.1:')) resolve(request.url);
      request.socket.destroy();
    });
  });
  proxy.on('connect', (request, socket) => socket.destroy());
  await new Promise((resolve) => { proxy.listen(0, '127.0.0.1', resolve); });
  proxy.unref();
  proxyArgs = [`--proxy-server=http://127.0.0.1:${proxy.address().port}`, `--proxy-bypass-list=<-loopback>;${start.host}`];
}

// Chromium refuses to start its sandbox as root; a person's desktop never runs it as root.
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const browser = await chromium.launch({
  executablePath: EXECUTABLE,
  headless: true,
  chromiumSandbox: !asRoot,
  timeout: STEP_TIMEOUT_MS,
  args: [
    // Names other than the loopback address resolve to nothing, so nothing can leave.
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ...proxyArgs,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--disable-default-apps',
    '--disable-extensions',
    '--no-first-run',
    '--no-default-browser-check',
    '--no-pings',
    '--metrics-recording-only',
    '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
  ],
}).catch((err) => fail(`cannot start ${EXECUTABLE}: ${err.message.split('\n')[0]}`));

let exitCode = 1;
try {
  const context = await browser.newContext({ viewport: { width: 800, height: 500 }, serviceWorkers: 'block' });
  const blocked = new Set();
  // A page may still name another host (a web font, say): abort it here rather than rely on DNS alone.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '127.0.0.1') return route.continue();
    if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.add(url.protocol === 'http:' || url.protocol === 'https:' ? url.host : url.protocol);
    return route.abort('blockedbyclient');
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();

  const response = await page.goto(start.href);
  if (!response || response.status() !== 200) {
    throw new Error(`the sandbox answered ${response?.status()} for ${where(page.url())}`);
  }

  // The login page.
  const loginField = page.getByLabel('Login name');
  await loginField.waitFor();
  await loginField.fill(opts.login);
  await shoot(page, 'login');
  await page.getByRole('button', { name: 'Sign in' }).click();

  // The consent page.
  const allow = page.getByRole('button', { name: 'Allow' });
  await allow.waitFor();
  await shoot(page, 'consent');
  if (opts['stop-at-redirect']) {
    const clicked = (opts.deny ? page.getByRole('link', { name: 'Deny' }) : allow).click();
    const timedOut = new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('the sandbox did not send the browser back to the app')), STEP_TIMEOUT_MS);
    });
    const [address] = await Promise.race([Promise.all([redirected, clicked]), timedOut]);
    await page.waitForLoadState('load').catch(() => {});
    await shoot(page, 'final');
    process.stdout.write(`REDIRECT ${address}\n`);
    exitCode = 0;
  } else {
    const leftSandbox = page.waitForURL((url) => url.origin !== sandboxOrigin, { waitUntil: 'load' });
    const finalResponse = page.waitForResponse((r) => new URL(r.url()).origin !== sandboxOrigin && r.request().isNavigationRequest());
    if (opts.deny) await page.getByRole('link', { name: 'Deny' }).click();
    else await allow.click();
    const [answer] = await Promise.all([finalResponse, leftSandbox]);

    // The app's own page on its loopback listener.
    const finalUrl = new URL(page.url());
    if (finalUrl.protocol !== 'http:' || finalUrl.hostname !== '127.0.0.1') {
      throw new Error(`the redirect went to ${finalUrl.origin}, not to the loopback address`);
    }
    await shoot(page, 'final');
    const text = (await page.locator('body').innerText()).replace(/\n{2,}/g, '\n').trim();
    process.stdout.write(`FINAL ${answer.status()} ${where(page.url())}\n${text}\n`);
    if (blocked.size) console.error(`chromium: blocked requests to ${[...blocked].join(', ')}`);
    exitCode = answer.status() === 200 ? 0 : 1;
    if (exitCode !== 0) console.error(`chromium: the app answered ${answer.status()}`);
  }
} catch (err) {
  console.error(`chromium: ${err.message.split('\n')[0]}`);
} finally {
  await browser.close().catch(() => {});
}
process.exit(exitCode);
