// Local authorization server shaped like WebinarGeek's OAuth 2 API, for
// integration tests and demos. Everything lives in memory and dies with the
// process. Listens on 127.0.0.1 only; pages never reference another host.
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

// stdout carries only the ready line; oidc-provider prints notices with console.info.
console.log = console.info = console.error;

const { values: args } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`sandbox: invalid --port ${args.port}`);
  process.exit(2);
}

function positiveEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`sandbox: ${name} must be a positive integer (seconds), got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const API_KEY = process.env.SANDBOX_API_KEY || 'sandbox-api-key';
const CLIENT_SECRET = process.env.SANDBOX_CLIENT_SECRET || 'sandbox-client-secret';
const ACCESS_TTL = positiveEnv('SANDBOX_ACCESS_TOKEN_TTL', 3600);
const REFRESH_TTL = positiveEnv('SANDBOX_REFRESH_TOKEN_TTL', 1209600);

const PUBLIC_CLIENT = 'webinargeek-connect-sandbox';
const CONFIDENTIAL_CLIENT = 'webinargeek-connect-sandbox-confidential';
const DEFAULT_SCOPE = 'api';
const COMPANY = 'Sandbox Webinars B.V.';
const ROUTES = { authorization: '/oauth/authorize', token: '/oauth/token', revocation: '/oauth/revoke' };

const log = (...parts) => console.error('sandbox:', ...parts);

// Native clients with a port-less loopback redirect URI: oidc-provider then
// accepts any port (RFC 8252 section 7.3), which the app's ephemeral listener needs.
const nativeClient = {
  application_type: 'native',
  redirect_uris: ['http://127.0.0.1/'],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
};

const configuration = {
  clients: [
    { ...nativeClient, client_id: PUBLIC_CLIENT, token_endpoint_auth_method: 'none' },
    {
      ...nativeClient,
      client_id: CONFIDENTIAL_CLIENT,
      client_secret: CLIENT_SECRET,
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  routes: ROUTES,
  scopes: ['openid', 'offline_access', DEFAULT_SCOPE],
  // Fresh keys per run: nothing persists, and no development keys warning.
  cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  jwks: {
    keys: [{
      ...crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
      use: 'sig',
    }],
  },
  features: {
    // Our own pages below: the built-in ones load Google Fonts and show debug data.
    devInteractions: { enabled: false },
    // A client may revoke only its own tokens; others are ignored (still 200, RFC 7009).
    revocation: { enabled: true, allowedPolicy: async (ctx, client, token) => token.clientId === client.clientId },
    // Opaque access tokens for the userinfo-less API; no resource indicators needed.
    resourceIndicators: { enabled: false },
    // Its pages load Google Fonts and the app never logs out through the browser.
    rpInitiatedLogout: { enabled: false },
    // Would bypass the default-scope hook on the authorization route.
    pushedAuthorizationRequests: { enabled: false },
  },
  pkce: { required: () => true }, // v9 supports only S256
  // WebinarGeek issues refresh tokens without offline_access; they must outlive
  // the browser session the login created.
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  expiresWithSession: async () => false,
  rotateRefreshToken: true,
  clientBasedCORS: () => false, // native apps only: no browser JavaScript calls the endpoints
  ttl: {
    AccessToken: ACCESS_TTL,
    AuthorizationCode: 600,
    RefreshToken: REFRESH_TTL,
    Interaction: 3600,
    IdToken: 3600,
    Session: 86400,
    // The grant must outlive every rotated refresh token of it.
    Grant: REFRESH_TTL * 10,
  },
  findAccount: async (ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Error', Object.entries(out)
      .map(([key, value]) => `<p><strong>${esc(key)}</strong>: ${esc(value)}</p>`).join(''));
  },
};

function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(title)} - WebinarGeek sandbox</title>
<style>body{font-family:sans-serif;max-width:28em;margin:2em auto}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 65536) throw new Error('form body too large');
  }
  return new URLSearchParams(body);
}

function loginPage(uid) {
  return page('Sign in', `
<form method="post" action="/interaction/${esc(uid)}">
  <input type="hidden" name="prompt" value="login">
  <p><label>Login name <input type="text" name="login" required autofocus></label></p>
  <p><button type="submit">Sign in</button></p>
</form>
<p><a href="/interaction/${esc(uid)}/abort">Cancel</a></p>`);
}

function consentPage(uid, clientId, scopes) {
  return page('Authorize', `
<p>The application <strong>${esc(clientId)}</strong> asks for access to your account
(scopes: ${esc(scopes.join(' ') || '(none)')}).</p>
<form method="post" action="/interaction/${esc(uid)}">
  <input type="hidden" name="prompt" value="consent">
  <p><button type="submit">Allow</button></p>
</form>
<p><a id="deny" href="/interaction/${esc(uid)}/abort">Deny</a></p>`);
}

// Login and consent, replacing devInteractions (see features above).
async function interaction(provider, ctx, uid, action) {
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.uid !== uid) ctx.throw(400, 'interaction does not match this browser session');
  const { prompt, params, session } = details;

  if (action === 'abort') {
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, {
      error: 'access_denied',
      error_description: 'The user denied the authorization request',
    }, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(returnTo);
    return;
  }

  if (ctx.method === 'GET') {
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    if (prompt.name === 'login') ctx.body = loginPage(uid);
    else if (prompt.name === 'consent') ctx.body = consentPage(uid, params.client_id, String(params.scope || '').split(' ').filter(Boolean));
    else ctx.throw(501, `prompt ${prompt.name} not implemented`);
    return;
  }

  const form = await readForm(ctx.req);
  let result;
  if (form.get('prompt') === 'login' && prompt.name === 'login') {
    const login = (form.get('login') || '').trim();
    if (!login) ctx.throw(400, 'login name is required');
    result = { login: { accountId: login } };
  } else if (form.get('prompt') === 'consent' && prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    result = { consent: { grantId: await grant.save() } };
  } else {
    ctx.throw(400, `unexpected form for prompt ${prompt.name}`);
  }
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, {
    mergeWithLastSubmission: prompt.name === 'consent',
  });
  ctx.status = 303;
  ctx.redirect(returnTo);
}

function unauthorized(ctx, message) {
  ctx.status = 401;
  ctx.set('WWW-Authenticate', 'Bearer realm="sandbox"');
  ctx.body = { code: 'unauthorized', message }; // Koa sends objects as application/json
}

// Who a request to the API comes from: the login name (or the API key's user), or null after
// answering 401.
async function authenticate(provider, ctx) {
  const apiToken = ctx.get('Api-Token');
  if (apiToken) {
    if (apiToken.length === API_KEY.length && crypto.timingSafeEqual(Buffer.from(apiToken), Buffer.from(API_KEY))) {
      return 'api-key-user';
    }
    unauthorized(ctx, 'The API token is invalid.');
    return null;
  }
  const match = /^Bearer +([^ ]+)$/i.exec(ctx.get('Authorization'));
  if (!match) {
    unauthorized(ctx, 'Authentication required: send an access token as "Authorization: Bearer <token>".');
    return null;
  }
  // find() only returns tokens that are stored (so not revoked) and unexpired.
  const token = await provider.AccessToken.find(match[1]);
  const grant = token && !token.isExpired && await provider.Grant.find(token.grantId);
  if (!grant) {
    unauthorized(ctx, 'The access token is invalid, expired or revoked.');
    return null;
  }
  return token.accountId;
}

// The one API call the app makes: who is signed in.
async function account(provider, ctx) {
  ctx.set('Cache-Control', 'no-store');
  const login = await authenticate(provider, ctx);
  if (login) ctx.body = { company: COMPANY, email: `${login}@example.com` };
}

// ---- Routes for the `api` command's tests (not WebinarGeek's; see README.md) ----
// GET /api/v2/echo answers with its query (or, with ?bytes=N, N bytes); any other method also
// with its body (JSON or text).
// Both say which X-Sandbox-* headers came. Every other /api/v2 path is a JSON 404.
async function readBody(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 1048576) throw new Error('body too large');
  }
  return body;
}

async function apiForTests(provider, ctx) {
  ctx.set('Cache-Control', 'no-store');
  const login = await authenticate(provider, ctx);
  if (!login) return;
  if (ctx.path !== '/api/v2/echo') {
    ctx.status = 404;
    ctx.body = { code: 'not_found', message: `No such resource: ${ctx.path}` };
    return;
  }
  // ?bytes=N: N bytes, byte i being i % 251, for answers larger than the app's own cap.
  if (ctx.method === 'GET' && ctx.query.bytes !== undefined) {
    const size = Math.min(Number(ctx.query.bytes) || 0, 64 * 1048576);
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i++) bytes[i] = i % 251;
    ctx.type = 'application/octet-stream';
    ctx.body = bytes;
    return;
  }
  const headers = Object.fromEntries(Object.entries(ctx.headers).filter(([name]) => name.startsWith('x-sandbox-')));
  const answer = { method: ctx.method, query: ctx.query, headers, account: `${login}@example.com` };
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
    const text = await readBody(ctx.req);
    answer.contentType = ctx.get('Content-Type');
    try {
      answer.json = JSON.parse(text);
    } catch {
      answer.text = text;
    }
  }
  ctx.body = answer;
}
// ---- end of the `api` command's routes ----

function sandboxRoutes(provider) {
  return async (ctx, next) => {
    const started = Date.now();
    try {
      const m = /^\/interaction\/([\w-]+)(?:\/(abort))?$/.exec(ctx.path);
      if (m && (ctx.method === 'GET' || (ctx.method === 'POST' && !m[2]))) {
        try {
          await interaction(provider, ctx, m[1], m[2]);
        } catch (err) {
          log(`interaction error: ${err.name}: ${err.error_description || err.message}`);
          ctx.status = err.status || err.statusCode || 500;
          ctx.type = 'html';
          ctx.body = page('Error', `<p>${esc(err.error_description || err.message)}</p>`);
        }
      } else if (ctx.path === '/api/v2/account' && ctx.method === 'GET') {
        await account(provider, ctx);
      } else if (ctx.path.startsWith('/api/v2/')) {
        await apiForTests(provider, ctx);
      } else {
        // WebinarGeek grants a default scope when the request names none, like
        // Doorkeeper's default_scopes; oidc-provider would deny a grant with no scope.
        if (ctx.path === ROUTES.authorization && ctx.method === 'GET' && !ctx.query.scope) {
          const query = new URLSearchParams(ctx.querystring);
          query.set('scope', DEFAULT_SCOPE);
          ctx.querystring = query.toString();
        }
        await next();
      }
    } finally {
      // Path only: query strings and bodies may carry codes, tokens or secrets.
      log(`${ctx.method} ${ctx.path} -> ${ctx.status} (${Date.now() - started} ms)`);
    }
  };
}

function logEvents(provider) {
  const describe = (err) => [err.error || err.name, err.error_description, err.error_detail && `(${err.error_detail})`]
    .filter(Boolean).join(' ');
  for (const event of ['authorization.error', 'grant.error', 'revocation.error', 'userinfo.error', 'introspection.error']) {
    provider.on(event, (ctx, err) => log(`${event}: ${describe(err)} client=${ctx.oidc?.client?.clientId ?? '-'}`));
  }
  provider.on('server_error', (ctx, err) => log(`server_error: ${err.stack || err}`));
  provider.on('grant.success', (ctx) => log(`grant.success: client=${ctx.oidc.client.clientId} grant_type=${ctx.oidc.params.grant_type}`));
  provider.on('grant.revoked', (ctx, grantId) => log(`grant.revoked: ${grantId}`));
}

let handler = (req, res) => { res.writeHead(503).end(); };
const server = http.createServer((req, res) => handler(req, res));

server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration);
  provider.use(sandboxRoutes(provider));
  logEvents(provider);
  handler = provider.callback();
  process.stdout.write(`SANDBOX_READY ${issuer}\n`);
  log(`clients ${PUBLIC_CLIENT} (public), ${CONFIDENTIAL_CLIENT} (client_secret_post); access TTL ${ACCESS_TTL} s, refresh TTL ${REFRESH_TTL} s`);
});

server.on('error', (err) => {
  console.error(`sandbox: cannot listen: ${err.message}`);
  process.exit(1);
});

function shutdown(signal) {
  log(`${signal}, shutting down`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
