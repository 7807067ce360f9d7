<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AccountPanel</name>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebinarGeek account this computer is connected to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How this computer is connected: OAuth (browser sign-in) or an API key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>WebinarGeek did not accept the token (401 Unauthorized).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the WebinarGeek API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebinarGeek API did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebinarGeek API had a problem (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebinarGeek API&apos;s answer could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthError</name>
    <message>
        <source>Sign-in was denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in server reported an error, so sign-in did not finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in server sent the browser back without an authorization code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in timed out: nothing came back from the browser in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open a port on 127.0.0.1 for the browser to return to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejected the sign-in grant; please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not accept the client id or client secret; check them in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server turned down the request for a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in server had a problem; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is busy (too many requests); try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings are incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebinarGeek did not accept the API key; connect again with a valid key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in, but the account could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthorizationFlow</name>
    <message>
        <source>Not a sign-in request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebinarGeek Connect only expects the browser here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address is not part of signing in to WebinarGeek Connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in is already complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser came back a second time. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link does not belong to the sign-in in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start signing in again from WebinarGeek Connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutostartEntry</name>
    <message>
        <source>The autostart entry %1 cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder for the autostart entry %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The autostart entry %1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Connects your WebinarGeek account and keeps it connected.

Without a command, opens the window. Commands:
  login     Sign in through the browser.
  status    Show whether you are signed in (from the keychain; no network).
  token     Print a valid access token, refreshing it first when it has expired.
  logout    Revoke the tokens and remove everything stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login, status, token or logout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization endpoint (WEBINARGEEK_AUTHORIZE_URL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token endpoint (WEBINARGEEK_TOKEN_URL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revocation endpoint (WEBINARGEEK_REVOKE_URL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API base address (WEBINARGEEK_API_URL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth client id (WEBINARGEEK_CLIENT_ID). The client secret is read only from WEBINARGEEK_CLIENT_SECRET.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope to ask for (WEBINARGEEK_SCOPE); none by default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login: print the sign-in address instead of opening a browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login: connect with a personal API key, read from stdin (never an argument).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login: give up after this many seconds (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status: print JSON on stdout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a command: start hidden in the system tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many arguments: give one command (secrets such as an API key are read from stdin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--no-browser goes with login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api-key goes with login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api-key and --no-browser do not go together: an API key needs no browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--background goes with the window, not with a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--json goes with status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout goes with login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds from 1 to 86400.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <source>API key (input hidden): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in (times out in %1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your browser has been opened to sign in. If it did not open, visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open a browser. Open this address yourself to sign in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the browser (times out in %1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in. Run &quot;webinargeek-connect login&quot; to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again with &quot;webinargeek-connect login&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out; nothing is stored any more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Configuration</name>
    <message>
        <source>The %1 is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; is not a valid web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; does not use https. Only addresses on this computer (127.0.0.1, ::1) may use plain http.</source>
        <extracomment>%1 is e.g. &quot;token URL&quot;, %2 the address.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authorization URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revocation URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client id is configured. Set WEBINARGEEK_CLIENT_ID, pass --client-id, or add client_id to the settings file (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>WebinarGeek Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs in to WebinarGeek in your browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renews the access token now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnects this computer and removes the stored secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an API &amp;key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects with a personal API key instead of signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in link is on the clipboard. Paste it into your browser&apos;s address bar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out. Nothing of the session is stored any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message>
        <source>Connected again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebinarGeek Connect reached the server again and renewed your session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebinarGeek did not accept the API key. Open WebinarGeek Connect to connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your WebinarGeek session has ended and could not be renewed. Open WebinarGeek Connect and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebinarGeek Connect cannot read the system keychain, so it cannot keep you signed in. Unlock the keychain; the app tries again by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your WebinarGeek session was removed outside this window. Sign in again to reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OAuthReplyHandler</name>
    <message>
        <source>The answer is larger than 1 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Set by %1 on the command line</source>
        <extracomment>%1 is a command-line option such as --token-url.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by %1 in the environment</source>
        <extracomment>%1 is an environment variable such as WEBINARGEEK_TOKEN_URL.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 is damaged and cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client secret could not be read from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedirectPage</name>
    <message>
        <source>en</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can close this tab and return to WebinarGeek Connect.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none is stored for this client; enter it again in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client secret could not be read from the keychain (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server gave no refresh token, so the session cannot be renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebinarGeek Connect is connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection settings are being switched; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tokens were not revoked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not confirm the revocation: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsChange</name>
    <message>
        <source>The client secret could not be saved in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client secret could not be moved to the new client in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were saved. %1 It is read again before it is needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where WebinarGeek Connect signs in, and which client it signs in as. Leave a field empty to use the default shown in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Authorization URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your browser signs in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the app exchanges and refreshes tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revocation URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revocation URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where tokens are revoked when you sign out. Leave empty if the server offers none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;PI URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of the WebinarGeek API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OAuth client this app signs in as.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for a confidential client. Stored in the keychain, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the stored client secret from the keychain when you press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sc&amp;ope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The permissions asked for, separated by spaces. Leave empty to ask for the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instead of signing in through your browser, you can connect with a personal API key from your WebinarGeek account. The key is checked with WebinarGeek first, then kept in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your personal WebinarGeek API key. The field is cleared once it is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of connecting with the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start WebinarGeek Connect when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;hidden in the system tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start hidden in the system tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the app starts, only its tray icon appears; the window opens from the tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language is used the next time WebinarGeek Connect starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the settings were not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <extracomment>The language setting: use the language the system is set to.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed to sign in through the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: tokens are not revoked when you sign out</source>
        <extracomment>The revocation URL is empty: signing out does not revoke tokens at the server.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set in the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new client secret is stored in the keychain when you press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client secret is removed from the keychain when you press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves to the new client when you press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client secret is stored in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (a public client)</source>
        <extracomment>The client secret field is empty: the client is a public one, which needs no secret.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were not saved. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sign-in is already in progress. Finish or cancel it, then connect with the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the API key with WebinarGeek…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected as %1 with the API key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish signing in to WebinarGeek in your browser. If no browser window opened, open it again or copy the link into a browser yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of the sign-in page, to open in a browser yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts the sign-in link on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;browser again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open browser again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the sign-in page in your browser once more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the sign-in waits for the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops waiting for the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in did not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why sign-in did not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hides this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a new sign-in in your browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your browser could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the link below and open it in a browser to finish signing in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Another start of WebinarGeek Connect is holding %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebinarGeek Connect is already running but does not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not listen on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusReport</name>
    <message>
        <source>Not signed in. Run &quot;webinargeek-connect login&quot; to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token expired at %1 (it is refreshed on next use).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token expires at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected with an API key as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected with an API key as %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message numerus="yes">
        <source>in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>WebinarGeek Connect keeps trying by itself; choose Refresh now to try at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Sign in to connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock your keyring (or start your desktop&apos;s keyring service), then choose Refresh now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To connect, sign in again and allow access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to try once more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that nothing on this computer blocks local connections, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the endpoints and the client id under Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Refresh now to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline – retrying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline – retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth (browser sign-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never (API key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not needed (API key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cannot be read now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session can no longer be used. Choose Sign in to connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain cannot be read. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoredSession</name>
    <message>
        <source>Windows Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret Service (system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenReply</name>
    <message>
        <source>The answer is larger than 1 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token endpoint&apos;s answer is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer has no access_token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token type &quot;%1&quot; is not supported; only Bearer is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires_in is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires_in is not a positive number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenStatusPanel</name>
    <message>
        <source>Token status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the connection works, when its token expires and when it is renewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the connection works now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the access token expires, in local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time until expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long until the access token expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the connection is allowed to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last refresh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the token was last renewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next refresh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the token is renewed next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the secret is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went wrong and what you can do about it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>access to the keychain was denied or it is locked (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service is available (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Secret Service (such as GNOME Keyring or KWallet) is running (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no D-Bus session bus to reach the keychain through (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keyring is locked; unlock it and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored session is damaged and cannot be read; sign in again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIndicator</name>
    <message>
        <source>&amp;Open WebinarGeek Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayStatus</name>
    <message>
        <source>Reading the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in: waiting for your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected with an API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session has ended; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain cannot be read; unlock it or start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebinarGeek Connect</source>
        <extracomment>The first line of the tray icon&apos;s tooltip: the application&apos;s name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>The account in the tray&apos;s tooltip: email (company).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token expires at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token expired at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in from this icon&apos;s menu or the window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebinarGeekClient</name>
    <message>
        <source>The answer is larger than 1 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected HTTP status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not an account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run with --help to see the commands.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
