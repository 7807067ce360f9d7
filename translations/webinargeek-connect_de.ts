<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AccountIndex</name>
    <message>
        <source>No account matches &quot;%1&quot;: no account is signed in.</source>
        <translation>Kein Konto passt zu &quot;%1&quot;: Es ist kein Konto angemeldet.</translation>
    </message>
    <message>
        <source>No account matches &quot;%1&quot;. The accounts are: %2.</source>
        <translation>Kein Konto passt zu &quot;%1&quot;. Die Konten sind: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches several accounts: %2. Give more of the email.</source>
        <translation>&quot;%1&quot; passt zu mehreren Konten: %2. Geben Sie mehr von der E-Mail-Adresse an.</translation>
    </message>
    <message>
        <source>The list of accounts (%1) is locked by another program.</source>
        <translation>Die Kontenliste (%1) ist von einem anderen Programm gesperrt.</translation>
    </message>
    <message>
        <source>The list of accounts (%1) was written by a later version of WebinarGeek Connect; it is left as it is.</source>
        <translation>Die Kontenliste (%1) wurde von einer neueren Version von WebinarGeek Connect geschrieben; sie bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>The list of accounts could not be written to %1: %2</source>
        <translation>Die Kontenliste konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>it is not a file</source>
        <translation>es ist keine Datei</translation>
    </message>
    <message>
        <source>it is larger than any list of accounts</source>
        <translation>sie ist größer als jede Kontenliste</translation>
    </message>
    <message>
        <source>%1 at character %2</source>
        <translation>%1 bei Zeichen %2</translation>
    </message>
    <message>
        <source>it is not a list of accounts</source>
        <translation>es ist keine Kontenliste</translation>
    </message>
    <message>
        <source>The list of accounts (%1) cannot be read: %2. Correct or remove it.</source>
        <translation>Die Kontenliste (%1) kann nicht gelesen werden: %2. Korrigieren oder entfernen Sie sie.</translation>
    </message>
</context>
<context>
    <name>AccountListModel</name>
    <message>
        <source>%1 was not removed. %2</source>
        <translation>%1 wurde nicht entfernt. %2</translation>
    </message>
    <message>
        <source>%1 was removed from this computer.</source>
        <translation>%1 wurde von diesem Computer entfernt.</translation>
    </message>
    <message>
        <source>%1
%2 · active</source>
        <extracomment>An account in the window&apos;s list: its name, then its state, marked when it is the active one.</extracomment>
        <translation>%1
%2 · aktiv</translation>
    </message>
    <message>
        <source>%1: %2, the active account</source>
        <extracomment>What a screen reader says for an account in the list: its name and its state.</extracomment>
        <translation>%1: %2, das aktive Konto</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Remove %1 from this computer? It is signed out and its stored tokens are revoked. The other accounts stay signed in.</source>
        <extracomment>%1 names the account.</extracomment>
        <translation>%1 von diesem Computer entfernen? Das Konto wird abgemeldet und seine gespeicherten Tokens werden widerrufen. Die anderen Konten bleiben angemeldet.</translation>
    </message>
</context>
<context>
    <name>AccountListPanel</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>The WebinarGeek accounts this computer is connected to</source>
        <translation>Die WebinarGeek-Konten, mit denen dieser Computer verbunden ist</translation>
    </message>
    <message>
        <source>Choose an account to see its details below</source>
        <translation>Wählen Sie ein Konto, um unten seine Details zu sehen</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>Konto &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Connects another WebinarGeek account, keeping the others</source>
        <translation>Verbindet ein weiteres WebinarGeek-Konto; die anderen bleiben verbunden</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Ent&amp;fernen…</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Signs the chosen account out and takes it off the list</source>
        <translation>Meldet das gewählte Konto ab und nimmt es von der Liste</translation>
    </message>
    <message>
        <source>Make acti&amp;ve</source>
        <translation>Ak&amp;tiv setzen</translation>
    </message>
    <message>
        <source>Make active</source>
        <translation>Aktiv setzen</translation>
    </message>
    <message>
        <source>Makes the chosen account the one the command line uses when no account is named</source>
        <translation>Macht das gewählte Konto zu dem, das die Befehlszeile verwendet, wenn kein Konto angegeben ist</translation>
    </message>
    <message>
        <source>Sign in in the &amp;browser…</source>
        <translation>Im &amp;Browser anmelden…</translation>
    </message>
    <message>
        <source>Use an &amp;API key…</source>
        <translation>&amp;API-Schlüssel verwenden…</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>The WebinarGeek account this computer is connected to</source>
        <translation>Das WebinarGeek-Konto, mit dem dieser Computer verbunden ist</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Firma:</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Connected with:</source>
        <translation>Verbunden über:</translation>
    </message>
    <message>
        <source>Connected with</source>
        <translation>Verbunden über</translation>
    </message>
    <message>
        <source>How this computer is connected: OAuth (browser sign-in) or an API key</source>
        <translation>Wie dieser Computer verbunden ist: OAuth (Anmeldung im Browser) oder ein API-Schlüssel</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>An account: email (company).</extracomment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>WebinarGeek did not accept the token (401 Unauthorized).</source>
        <translation>WebinarGeek hat das Token nicht akzeptiert (401 Unauthorized).</translation>
    </message>
    <message>
        <source>Could not reach the WebinarGeek API.</source>
        <translation>Die WebinarGeek-API ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The WebinarGeek API did not answer in time.</source>
        <translation>Die WebinarGeek-API hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The WebinarGeek API had a problem (HTTP %1).</source>
        <translation>Bei der WebinarGeek-API ist ein Problem aufgetreten (HTTP %1).</translation>
    </message>
    <message>
        <source>The WebinarGeek API&apos;s answer could not be used.</source>
        <translation>Die Antwort der WebinarGeek-API war nicht verwendbar.</translation>
    </message>
    <message>
        <source>The WebinarGeek API sent the request on to another address (HTTP %1), so it was not followed.</source>
        <translation>Die WebinarGeek-API hat die Anfrage an eine andere Adresse weitergeleitet (HTTP %1); dem wurde nicht gefolgt.</translation>
    </message>
</context>
<context>
    <name>ApiRequest</name>
    <message>
        <source>%1 is not the API&apos;s address (%2): the credential is sent only there.</source>
        <translation>%1 ist nicht die Adresse der API (%2): Die Zugangsdaten werden nur dorthin gesendet.</translation>
    </message>
    <message>
        <source>That is not an address of the API (%1): the credential is sent only there.</source>
        <translation>Das ist keine Adresse der API (%1): Die Zugangsdaten werden nur dorthin gesendet.</translation>
    </message>
    <message>
        <source>The path is not a valid address: %1</source>
        <translation>Der Pfad ist keine gültige Adresse: %1</translation>
    </message>
    <message>
        <source>-F takes name=value; one has no name or no &quot;=&quot;.</source>
        <translation>-F erwartet Name=Wert; bei einem fehlt der Name oder das &quot;=&quot;.</translation>
    </message>
    <message>
        <source>-f takes name=value; one has no name or no &quot;=&quot;.</source>
        <translation>-f erwartet Name=Wert; bei einem fehlt der Name oder das &quot;=&quot;.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is larger than 16 MiB.</source>
        <translation>%1 ist größer als 16 MiB.</translation>
    </message>
    <message>
        <source>-H takes &quot;Name: value&quot; on one line.</source>
        <translation>-H erwartet &quot;Name: Wert&quot; in einer Zeile.</translation>
    </message>
    <message>
        <source>-H %1: the stored credential is sent by itself; give none on the command line.</source>
        <translation>-H %1: Die gespeicherten Zugangsdaten werden von selbst mitgesendet; geben Sie keine auf der Befehlszeile an.</translation>
    </message>
    <message>
        <source>The credential is sent only to %1, not to %2.</source>
        <translation>Die Zugangsdaten werden nur an %1 gesendet, nicht an %2.</translation>
    </message>
    <message>
        <source>The WebinarGeek API answered HTTP %1.</source>
        <translation>Die WebinarGeek-API hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>It asks to wait %1 s more, past the limit of --max-wait (%2 s).</source>
        <translation>Sie bittet, noch %1 s zu warten, länger als die Grenze von --max-wait (%2 s).</translation>
    </message>
    <message>
        <source>The answer is larger than 256 MiB.</source>
        <translation>Die Antwort ist größer als 256 MiB.</translation>
    </message>
    <message>
        <source>The WebinarGeek API redirected to %1; a request with a body is not sent again.</source>
        <translation>Die WebinarGeek-API hat nach %1 weitergeleitet; eine Anfrage mit Body wird nicht erneut gesendet.</translation>
    </message>
</context>
<context>
    <name>AppMain</name>
    <message>
        <source>%1

Correct or remove it, then start WebinarGeek Connect again.</source>
        <translation>%1

Korrigieren oder entfernen Sie sie und starten Sie WebinarGeek Connect dann erneut.</translation>
    </message>
</context>
<context>
    <name>AuthError</name>
    <message>
        <source>Sign-in was denied.</source>
        <translation>Die Anmeldung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in server reported an error, so sign-in did not finish.</source>
        <translation>Der Anmeldeserver hat einen Fehler gemeldet; die Anmeldung wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>The sign-in server sent the browser back without an authorization code.</source>
        <translation>Der Anmeldeserver hat den Browser ohne Autorisierungscode zurückgeschickt.</translation>
    </message>
    <message>
        <source>Sign-in timed out: nothing came back from the browser in time.</source>
        <translation>Zeitüberschreitung bei der Anmeldung: Vom Browser kam nicht rechtzeitig eine Antwort.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Could not open a port on 127.0.0.1 for the browser to return to.</source>
        <translation>Auf 127.0.0.1 konnte kein Port geöffnet werden, zu dem der Browser zurückkehren kann.</translation>
    </message>
    <message>
        <source>The server rejected the sign-in grant; please sign in again.</source>
        <translation>Der Server hat die Anmeldeberechtigung abgelehnt; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The server does not accept the client id or client secret; check them in the settings.</source>
        <translation>Der Server akzeptiert die Client-ID oder das Client-Geheimnis nicht; prüfen Sie beide in den Einstellungen.</translation>
    </message>
    <message>
        <source>The server turned down the request for a token.</source>
        <translation>Der Server hat die Anfrage nach einem Token abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in server had a problem; try again later.</source>
        <translation>Beim Anmeldeserver ist ein Problem aufgetreten; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server is busy (too many requests); try again later.</source>
        <translation>Der Server ist ausgelastet (zu viele Anfragen); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be used.</source>
        <translation>Die Antwort des Servers war nicht verwendbar.</translation>
    </message>
    <message>
        <source>Could not reach the server.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The settings are incomplete.</source>
        <translation>Die Einstellungen sind unvollständig.</translation>
    </message>
    <message>
        <source>keychain unavailable: %1</source>
        <extracomment>%1 says why, e.g. &quot;the keyring is locked; unlock it and try again&quot;.</extracomment>
        <translation>Schlüsselbund nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>WebinarGeek did not accept the API key; connect again with a valid key.</source>
        <translation>WebinarGeek hat den API-Schlüssel nicht akzeptiert; verbinden Sie sich erneut mit einem gültigen Schlüssel.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Signed in, but the account could not be read.</source>
        <translation>Angemeldet, aber die Kontodaten konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The API key could not be checked, so it was not stored.</source>
        <translation>Der API-Schlüssel konnte nicht geprüft werden und wurde daher nicht gespeichert.</translation>
    </message>
    <message>
        <source>The token was not refreshed, because the refresh lock cannot be used (nothing was sent to the server):</source>
        <extracomment>The description that follows names the lock&apos;s directory and what is wrong with it.</extracomment>
        <translation>Das Token wurde nicht erneuert, weil die Sperre für die Erneuerung nicht verwendet werden kann (es wurde nichts an den Server gesendet):</translation>
    </message>
    <message>
        <source>The token was renewed, but the renewed session could not be saved in the keychain (%1). The refresh token it replaced was spent, so the stored session cannot be renewed any more: unlock or start the keychain, then sign in again with &quot;webinargeek-connect login&quot;.</source>
        <extracomment>%1 says why the keychain could not save it, e.g. &quot;the keyring is locked&quot;.</extracomment>
        <translation>Das Token wurde erneuert, aber die erneuerte Sitzung konnte nicht im Schlüsselbund gespeichert werden (%1). Das ersetzte Aktualisierungstoken ist verbraucht, daher kann die gespeicherte Sitzung nicht mehr erneuert werden: Entsperren oder starten Sie den Schlüsselbund und melden Sie sich dann mit &quot;webinargeek-connect login&quot; erneut an.</translation>
    </message>
    <message>
        <source>The server answered with a redirect to another address. Requests that carry tokens or the client secret never follow a redirect, so nothing was sent there.</source>
        <extracomment>The description that follows names the other address.</extracomment>
        <translation>Der Server hat mit einer Weiterleitung an eine andere Adresse geantwortet. Anfragen mit Tokens oder dem Client-Geheimnis folgen nie einer Weiterleitung, daher wurde dorthin nichts gesendet.</translation>
    </message>
</context>
<context>
    <name>AuthorizationFlow</name>
    <message>
        <source>Not a sign-in request</source>
        <translation>Keine Anmeldeanfrage</translation>
    </message>
    <message>
        <source>WebinarGeek Connect only expects the browser here.</source>
        <translation>WebinarGeek Connect erwartet hier nur den Browser.</translation>
    </message>
    <message>
        <source>Page not found</source>
        <translation>Seite nicht gefunden</translation>
    </message>
    <message>
        <source>This address is not part of signing in to WebinarGeek Connect.</source>
        <translation>Diese Adresse gehört nicht zur Anmeldung bei WebinarGeek Connect.</translation>
    </message>
    <message>
        <source>This sign-in is already complete</source>
        <translation>Diese Anmeldung ist bereits abgeschlossen</translation>
    </message>
    <message>
        <source>The browser came back a second time. Nothing was changed.</source>
        <translation>Der Browser ist ein zweites Mal zurückgekehrt. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>This link does not belong to the sign-in in progress</source>
        <translation>Dieser Link gehört nicht zur laufenden Anmeldung</translation>
    </message>
    <message>
        <source>Start signing in again from WebinarGeek Connect.</source>
        <translation>Starten Sie die Anmeldung erneut in WebinarGeek Connect.</translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation>Sie sind angemeldet</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>Anmeldung nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Port %1 is already in use by another program.</source>
        <translation>Port %1 wird bereits von einem anderen Programm verwendet.</translation>
    </message>
    <message>
        <source>Port %1: %2</source>
        <translation>Port %1: %2</translation>
    </message>
</context>
<context>
    <name>AutostartEntry</name>
    <message>
        <source>The autostart entry %1 cannot be removed.</source>
        <translation>Der Autostart-Eintrag %1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The folder for the autostart entry %1 cannot be created.</source>
        <translation>Der Ordner für den Autostart-Eintrag %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The autostart entry %1 cannot be written: %2</source>
        <translation>Der Autostart-Eintrag %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Authorization endpoint (WEBINARGEEK_AUTHORIZE_URL).</source>
        <translation>Autorisierungs-Endpunkt (WEBINARGEEK_AUTHORIZE_URL).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Token endpoint (WEBINARGEEK_TOKEN_URL).</source>
        <translation>Token-Endpunkt (WEBINARGEEK_TOKEN_URL).</translation>
    </message>
    <message>
        <source>Revocation endpoint (WEBINARGEEK_REVOKE_URL).</source>
        <translation>Widerrufs-Endpunkt (WEBINARGEEK_REVOKE_URL).</translation>
    </message>
    <message>
        <source>API base address (WEBINARGEEK_API_URL).</source>
        <translation>Basisadresse der API (WEBINARGEEK_API_URL).</translation>
    </message>
    <message>
        <source>OAuth client id (WEBINARGEEK_CLIENT_ID). The client secret is read only from WEBINARGEEK_CLIENT_SECRET.</source>
        <translation>OAuth-Client-ID (WEBINARGEEK_CLIENT_ID). Das Client-Geheimnis wird nur aus WEBINARGEEK_CLIENT_SECRET gelesen.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Scope to ask for (WEBINARGEEK_SCOPE); none by default.</source>
        <translation>Anzufordernder Scope (WEBINARGEEK_SCOPE); standardmäßig keiner.</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>scope</translation>
    </message>
    <message>
        <source>login: connect with a personal API key, read from stdin (never an argument).</source>
        <translation>login: mit einem persönlichen API-Schlüssel verbinden, gelesen von stdin (nie als Argument).</translation>
    </message>
    <message>
        <source>login: give up after this many seconds (default 300).</source>
        <translation>login: nach so vielen Sekunden aufgeben (Standard: 300).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>status: print JSON on stdout.</source>
        <translation>status: JSON auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>Without a command: start hidden in the system tray.</source>
        <translation>Ohne Befehl: versteckt im Infobereich starten.</translation>
    </message>
    <message>
        <source>Too many arguments: give one command (secrets such as an API key are read from stdin).</source>
        <translation>Zu viele Argumente: Geben Sie einen Befehl an (Geheimnisse wie ein API-Schlüssel werden von stdin gelesen).</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: %2.</source>
        <translation>Unbekannter Befehl &quot;%1&quot;. Befehle: %2.</translation>
    </message>
    <message>
        <source>--no-browser goes with login.</source>
        <translation>--no-browser gehört zu login.</translation>
    </message>
    <message>
        <source>--api-key goes with login.</source>
        <translation>--api-key gehört zu login.</translation>
    </message>
    <message>
        <source>--api-key and --no-browser do not go together: an API key needs no browser.</source>
        <translation>--api-key und --no-browser schließen sich aus: Ein API-Schlüssel braucht keinen Browser.</translation>
    </message>
    <message>
        <source>--background goes with the window, not with a command.</source>
        <translation>--background gehört zum Fenster, nicht zu einem Befehl.</translation>
    </message>
    <message>
        <source>--json goes with status.</source>
        <translation>--json gehört zu status.</translation>
    </message>
    <message>
        <source>--timeout goes with login.</source>
        <translation>--timeout gehört zu login.</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds from 1 to 86400.</source>
        <translation>--timeout erwartet eine Anzahl Sekunden von 1 bis 86400.</translation>
    </message>
    <message>
        <source>Run with --help to see the commands.</source>
        <translation>Mit --help sehen Sie die Befehle.</translation>
    </message>
    <message>
        <source>Authorization server whose metadata names the endpoints not set one by one (WEBINARGEEK_ISSUER).</source>
        <translation>Autorisierungsserver, dessen Metadaten die nicht einzeln festgelegten Endpunkte nennen (WEBINARGEEK_ISSUER).</translation>
    </message>
    <message>
        <source>login: print the sign-in address instead of opening a browser; on a terminal, then also take the address the browser ends on, pasted.</source>
        <translation>login: die Anmeldeadresse ausgeben, statt einen Browser zu öffnen; an einem Terminal auch die Adresse annehmen, auf der der Browser endet, eingefügt.</translation>
    </message>
    <message>
        <source>login: let the browser return to this port on 127.0.0.1 (for ssh -L); a free port by default.</source>
        <translation>login: den Browser zu diesem Port auf 127.0.0.1 zurückkehren lassen (für ssh -L); standardmäßig ein freier Port.</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>--port goes with login in the browser (not with --api-key, nor the window).</source>
        <translation>--port gehört zu login im Browser (nicht zu --api-key und nicht zum Fenster).</translation>
    </message>
    <message>
        <source>--port takes a port number from 1 to 65535.</source>
        <translation>--port erwartet eine Portnummer von 1 bis 65535.</translation>
    </message>
    <message>
        <source>api: the HTTP method (default GET, or POST with fields or --input).</source>
        <translation>api: die HTTP-Methode (Standard GET, oder POST mit Feldern oder --input).</translation>
    </message>
    <message>
        <source>method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>api: a string parameter; in the query for GET, in the JSON body otherwise.</source>
        <translation>api: ein Textparameter; bei GET in der Query, sonst im JSON-Body.</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>Schlüssel=Wert</translation>
    </message>
    <message>
        <source>api: a typed parameter: true, false, null and numbers as JSON, @file for a file&apos;s content (@- for stdin).</source>
        <translation>api: ein typisierter Parameter: true, false, null und Zahlen als JSON, @Datei für den Inhalt einer Datei (@- für stdin).</translation>
    </message>
    <message>
        <source>api: an extra request header.</source>
        <translation>api: ein zusätzlicher Header der Anfrage.</translation>
    </message>
    <message>
        <source>Name: value</source>
        <translation>Name: Wert</translation>
    </message>
    <message>
        <source>api: the request body, from a file or - for stdin.</source>
        <translation>api: der Body der Anfrage, aus einer Datei oder - für stdin.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>api: print the status line and headers on stderr.</source>
        <translation>api: Statuszeile und Header auf stderr ausgeben.</translation>
    </message>
    <message>
        <source>api: do not print the answer&apos;s body.</source>
        <translation>api: den Body der Antwort nicht ausgeben.</translation>
    </message>
    <message>
        <source>api: also print the request line and its headers on stderr (the credential hidden); implies --include.</source>
        <translation>api: auch die Anfragezeile und ihre Header auf stderr ausgeben (die Zugangsdaten verborgen); schließt --include ein.</translation>
    </message>
    <message>
        <source>api: wait at most this many seconds in all when the API asks to (429 or 503 with Retry-After; default 60).</source>
        <translation>api: insgesamt höchstens so viele Sekunden warten, wenn die API darum bittet (429 oder 503 mit Retry-After; Standard 60).</translation>
    </message>
    <message>
        <source>--%1 goes with api.</source>
        <translation>--%1 gehört zu api.</translation>
    </message>
    <message>
        <source>api needs a PATH, such as &quot;account&quot;.</source>
        <translation>api braucht einen PATH, zum Beispiel &quot;account&quot;.</translation>
    </message>
    <message>
        <source>Too many arguments: api takes one PATH (quote it if it has spaces).</source>
        <translation>Zu viele Argumente: api nimmt einen PATH (setzen Sie ihn in Anführungszeichen, wenn er Leerzeichen enthält).</translation>
    </message>
    <message>
        <source>--%1 does not go with api.</source>
        <translation>--%1 gehört nicht zu api.</translation>
    </message>
    <message>
        <source>--max-wait takes a number of seconds from 0 to 3600.</source>
        <translation>--max-wait erwartet eine Anzahl Sekunden von 0 bis 3600.</translation>
    </message>
    <message>
        <source>Connects your WebinarGeek account and keeps it connected.

Without a command, opens the window. Commands:
  login     Sign in through the browser; the account is added and becomes the
            active one.
  status    Show whether you are signed in (from the keychain; no network).
  token     Print a valid access token, refreshing it first when it has expired.
  logout    Revoke the active account&apos;s tokens and remove it.
  api PATH  Send a request to the WebinarGeek API with the stored credential and
            print the answer (PATH is relative to the API address).
  switch [ACCOUNT]
            Make another signed-in account the active one; without ACCOUNT, choose
            from a list.</source>
        <translation>Verbindet Ihr WebinarGeek-Konto und hält die Verbindung aufrecht.

Ohne Befehl wird das Fenster geöffnet. Befehle:
  login     Über den Browser anmelden; das Konto wird hinzugefügt und wird das
            aktive Konto.
  status    Anzeigen, ob Sie angemeldet sind (aus dem Schlüsselbund; ohne Netzwerk).
  token     Ein gültiges Zugriffstoken ausgeben; ein abgelaufenes wird zuerst erneuert.
  logout    Die Tokens des aktiven Kontos widerrufen und das Konto entfernen.
  api PATH  Eine Anfrage mit den gespeicherten Zugangsdaten an die WebinarGeek-API
            senden und die Antwort ausgeben (PATH relativ zur API-Adresse).
  switch [ACCOUNT]
            Ein anderes angemeldetes Konto zum aktiven machen; ohne ACCOUNT wählen
            Sie aus einer Liste.</translation>
    </message>
    <message>
        <source>login, status, token, logout, api or switch.</source>
        <translation>login, status, token, logout, api oder switch.</translation>
    </message>
    <message>
        <source>status, token, api, logout: use this account instead of the active one, named by its email (a prefix of it that fits one account is enough).</source>
        <translation>status, token, api, logout: dieses Konto statt des aktiven verwenden, angegeben durch seine E-Mail-Adresse (ein Anfang davon, der zu genau einem Konto passt, genügt).</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>logout: sign out of every account.</source>
        <translation>logout: von allen Konten abmelden.</translation>
    </message>
    <message>
        <source>--account does not go with switch: name the account after it (switch ACCOUNT).</source>
        <translation>--account gehört nicht zu switch: Geben Sie das Konto danach an (switch ACCOUNT).</translation>
    </message>
    <message>
        <source>--account goes with status, token, api and logout.</source>
        <translation>--account gehört zu status, token, api und logout.</translation>
    </message>
    <message>
        <source>--account needs an account&apos;s email, or the start of it.</source>
        <translation>--account braucht die E-Mail-Adresse eines Kontos oder ihren Anfang.</translation>
    </message>
    <message>
        <source>--all goes with logout.</source>
        <translation>--all gehört zu logout.</translation>
    </message>
    <message>
        <source>--all and --account do not go together: --all signs out of every account.</source>
        <translation>--all und --account passen nicht zusammen: --all meldet von allen Konten ab.</translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <source>API key (input hidden): </source>
        <translation>API-Schlüssel (Eingabe verborgen): </translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in (times out in %1):</source>
        <translation>Öffnen Sie diese Adresse in einem Browser, um sich anzumelden (läuft ab in %1):</translation>
    </message>
    <message>
        <source>Your browser has been opened to sign in. If it did not open, visit:</source>
        <translation>Ihr Browser wurde zur Anmeldung geöffnet. Falls nicht, öffnen Sie:</translation>
    </message>
    <message>
        <source>Could not open a browser. Open this address yourself to sign in:</source>
        <translation>Es konnte kein Browser geöffnet werden. Öffnen Sie diese Adresse selbst, um sich anzumelden:</translation>
    </message>
    <message>
        <source>Waiting for the browser (times out in %1)…</source>
        <translation>Warten auf den Browser (läuft ab in %1)…</translation>
    </message>
    <message>
        <source>Not signed in. Run &quot;webinargeek-connect login&quot; to sign in.</source>
        <translation>Nicht angemeldet. Führen Sie &quot;webinargeek-connect login&quot; aus, um sich anzumelden.</translation>
    </message>
    <message>
        <source>Sign in again with &quot;webinargeek-connect login&quot;.</source>
        <translation>Melden Sie sich mit &quot;webinargeek-connect login&quot; erneut an.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Signed out; nothing is stored any more.</source>
        <translation>Abgemeldet; es ist nichts mehr gespeichert.</translation>
    </message>
    <message>
        <source>If the browser runs on another computer, it ends on a page that cannot connect to %1. Copy that page&apos;s whole address from the browser&apos;s address bar, paste it here and press Enter:</source>
        <translation>Läuft der Browser auf einem anderen Computer, endet er auf einer Seite, die keine Verbindung zu %1 herstellen kann. Kopieren Sie die ganze Adresse dieser Seite aus der Adressleiste des Browsers, fügen Sie sie hier ein und drücken Sie die Eingabetaste:</translation>
    </message>
    <message>
        <source>The browser came back to this computer; no address needs to be pasted.</source>
        <translation>Der Browser ist zu diesem Computer zurückgekehrt; Sie müssen keine Adresse einfügen.</translation>
    </message>
    <message>
        <source>Address received; finishing sign-in…</source>
        <translation>Adresse erhalten; die Anmeldung wird abgeschlossen…</translation>
    </message>
    <message>
        <source>Paste the address again, or wait for the browser:</source>
        <translation>Fügen Sie die Adresse erneut ein, oder warten Sie auf den Browser:</translation>
    </message>
    <message>
        <source>That is not a web address. Copy the whole address from the browser&apos;s address bar; it starts with %1</source>
        <translation>Das ist keine Webadresse. Kopieren Sie die ganze Adresse aus der Adressleiste des Browsers; sie beginnt mit %1</translation>
    </message>
    <message>
        <source>That address does not lead to this sign-in, which waits at %1</source>
        <translation>Diese Adresse führt nicht zu dieser Anmeldung, die unter %1 wartet</translation>
    </message>
    <message>
        <source>That address has another path than this sign-in&apos;s address, %1</source>
        <translation>Diese Adresse hat einen anderen Pfad als die Adresse dieser Anmeldung, %1</translation>
    </message>
    <message>
        <source>That address belongs to another sign-in: its state does not match this one. Open the address printed above, and paste the address the browser ends on then.</source>
        <translation>Diese Adresse gehört zu einer anderen Anmeldung: ihr State passt nicht zu dieser. Öffnen Sie die oben ausgegebene Adresse und fügen Sie die Adresse ein, auf der der Browser dann endet.</translation>
    </message>
    <message>
        <source>This sign-in no longer waits for an address.</source>
        <translation>Diese Anmeldung wartet nicht mehr auf eine Adresse.</translation>
    </message>
    <message>
        <source>The API is busy (HTTP %1): trying again in %2 s, as it asks.</source>
        <translation>Die API ist ausgelastet (HTTP %1): neuer Versuch in %2 s, wie sie es verlangt.</translation>
    </message>
    <message>
        <source>--input - and -F %1=@- both read stdin, which can be read once; give one a file.</source>
        <translation>--input - und -F %1=@- lesen beide stdin, das nur einmal gelesen werden kann; geben Sie einem davon eine Datei.</translation>
    </message>
    <message>
        <source>It is the active account now. Still signed in: %1.</source>
        <translation>Es ist jetzt das aktive Konto. Weiterhin angemeldet: %1.</translation>
    </message>
    <message>
        <source>%1 could not be signed out of: %2</source>
        <translation>Abmelden von %1 ist nicht gelungen: %2</translation>
    </message>
    <message>
        <source>Signed out of %1; nothing of it is stored any more.</source>
        <translation>Von %1 abgemeldet; davon ist nichts mehr gespeichert.</translation>
    </message>
    <message>
        <source>The active account is now %1.</source>
        <translation>Das aktive Konto ist jetzt %1.</translation>
    </message>
    <message>
        <source>There is no list of accounts to switch in.</source>
        <translation>Es gibt keine Liste von Konten, in der gewechselt werden kann.</translation>
    </message>
    <message>
        <source>No account is signed in. Run &quot;webinargeek-connect login&quot; to sign in.</source>
        <translation>Es ist kein Konto angemeldet. Führen Sie &quot;webinargeek-connect login&quot; aus, um sich anzumelden.</translation>
    </message>
    <message>
        <source>Only one account is signed in, %1, and it is the active one. Sign in to another with &quot;webinargeek-connect login&quot;.</source>
        <translation>Es ist nur ein Konto angemeldet, %1, und es ist das aktive. Melden Sie sich mit &quot;webinargeek-connect login&quot; bei einem weiteren an.</translation>
    </message>
    <message>
        <source>Name the account to switch to, as in &quot;webinargeek-connect switch EMAIL&quot; (there is no terminal to ask on). The accounts are: %1.</source>
        <translation>Geben Sie das Konto an, zu dem gewechselt werden soll, wie in &quot;webinargeek-connect switch EMAIL&quot; (es gibt kein Terminal, um danach zu fragen). Die Konten sind: %1.</translation>
    </message>
    <message>
        <source>Signed-in accounts:</source>
        <translation>Angemeldete Konten:</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1 (aktiv)</translation>
    </message>
    <message>
        <source>Type the number of the account to make active and press Enter (Ctrl+D leaves it as it is):</source>
        <translation>Geben Sie die Nummer des Kontos ein, das aktiv werden soll, und drücken Sie die Eingabetaste (Strg+D lässt es, wie es ist):</translation>
    </message>
    <message>
        <source>Nothing chosen; the active account stays as it was.</source>
        <translation>Nichts gewählt; das aktive Konto bleibt, wie es war.</translation>
    </message>
    <message>
        <source>Type a number from 1 to %1, or Ctrl+D to leave the active account as it is.</source>
        <translation>Geben Sie eine Zahl von 1 bis %1 ein, oder Strg+D, um das aktive Konto zu lassen, wie es ist.</translation>
    </message>
    <message>
        <source>The account could not be added to the list of accounts: %1</source>
        <translation>Das Konto konnte nicht zur Kontenliste hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>It was signed out again; sign in once the list can be written.</source>
        <translation>Es wurde wieder abgemeldet; melden Sie sich an, sobald die Liste geschrieben werden kann.</translation>
    </message>
</context>
<context>
    <name>Configuration</name>
    <message>
        <source>No client id is configured. Set WEBINARGEEK_CLIENT_ID, pass --client-id, or add client_id to the settings file (%1).</source>
        <translation>Es ist keine Client-ID eingerichtet. Setzen Sie WEBINARGEEK_CLIENT_ID, übergeben Sie --client-id oder tragen Sie client_id in die Einstellungsdatei (%1) ein.</translation>
    </message>
    <message>
        <source>The authorization URL is not set.</source>
        <translation>Die Autorisierungs-URL ist nicht festgelegt.</translation>
    </message>
    <message>
        <source>The authorization URL &quot;%1&quot; is not a valid web address.</source>
        <translation>Die Autorisierungs-URL &quot;%1&quot; ist keine gültige Webadresse.</translation>
    </message>
    <message>
        <source>The authorization URL &quot;%1&quot; does not use https. Only addresses on this computer (127.0.0.1, ::1) may use plain http.</source>
        <translation>Die Autorisierungs-URL &quot;%1&quot; verwendet kein https. Nur Adressen auf diesem Computer (127.0.0.1, ::1) dürfen einfaches http verwenden.</translation>
    </message>
    <message>
        <source>The token URL is not set.</source>
        <translation>Die Token-URL ist nicht festgelegt.</translation>
    </message>
    <message>
        <source>The token URL &quot;%1&quot; is not a valid web address.</source>
        <translation>Die Token-URL &quot;%1&quot; ist keine gültige Webadresse.</translation>
    </message>
    <message>
        <source>The token URL &quot;%1&quot; does not use https. Only addresses on this computer (127.0.0.1, ::1) may use plain http.</source>
        <translation>Die Token-URL &quot;%1&quot; verwendet kein https. Nur Adressen auf diesem Computer (127.0.0.1, ::1) dürfen einfaches http verwenden.</translation>
    </message>
    <message>
        <source>The revocation URL &quot;%1&quot; is not a valid web address.</source>
        <translation>Die Widerrufs-URL &quot;%1&quot; ist keine gültige Webadresse.</translation>
    </message>
    <message>
        <source>The revocation URL &quot;%1&quot; does not use https. Only addresses on this computer (127.0.0.1, ::1) may use plain http.</source>
        <translation>Die Widerrufs-URL &quot;%1&quot; verwendet kein https. Nur Adressen auf diesem Computer (127.0.0.1, ::1) dürfen einfaches http verwenden.</translation>
    </message>
    <message>
        <source>The API URL is not set.</source>
        <translation>Die API-URL ist nicht festgelegt.</translation>
    </message>
    <message>
        <source>The API URL &quot;%1&quot; is not a valid web address.</source>
        <translation>Die API-URL &quot;%1&quot; ist keine gültige Webadresse.</translation>
    </message>
    <message>
        <source>The API URL &quot;%1&quot; does not use https. Only addresses on this computer (127.0.0.1, ::1) may use plain http.</source>
        <translation>Die API-URL &quot;%1&quot; verwendet kein https. Nur Adressen auf diesem Computer (127.0.0.1, ::1) dürfen einfaches http verwenden.</translation>
    </message>
    <message>
        <source>The authorization URL &quot;%1&quot; contains a user name or password. Leave them out: the app never sends credentials in an address.</source>
        <translation>Die Autorisierungs-URL &quot;%1&quot; enthält einen Benutzernamen oder ein Passwort. Lassen Sie diese weg: Die App sendet nie Zugangsdaten in einer Adresse.</translation>
    </message>
    <message>
        <source>The token URL &quot;%1&quot; contains a user name or password. Leave them out: the app never sends credentials in an address.</source>
        <translation>Die Token-URL &quot;%1&quot; enthält einen Benutzernamen oder ein Passwort. Lassen Sie diese weg: Die App sendet nie Zugangsdaten in einer Adresse.</translation>
    </message>
    <message>
        <source>The revocation URL &quot;%1&quot; contains a user name or password. Leave them out: the app never sends credentials in an address.</source>
        <translation>Die Widerrufs-URL &quot;%1&quot; enthält einen Benutzernamen oder ein Passwort. Lassen Sie diese weg: Die App sendet nie Zugangsdaten in einer Adresse.</translation>
    </message>
    <message>
        <source>The API URL &quot;%1&quot; contains a user name or password. Leave them out: the app never sends credentials in an address.</source>
        <translation>Die API-URL &quot;%1&quot; enthält einen Benutzernamen oder ein Passwort. Lassen Sie diese weg: Die App sendet nie Zugangsdaten in einer Adresse.</translation>
    </message>
    <message>
        <source>The issuer URL &quot;%1&quot; is not a valid web address.</source>
        <translation>Die Issuer-URL &quot;%1&quot; ist keine gültige Webadresse.</translation>
    </message>
    <message>
        <source>The issuer URL &quot;%1&quot; does not use https. Only addresses on this computer (127.0.0.1, ::1) may use plain http.</source>
        <translation>Die Issuer-URL &quot;%1&quot; verwendet kein https. Nur Adressen auf diesem Computer (127.0.0.1, ::1) dürfen einfaches http verwenden.</translation>
    </message>
    <message>
        <source>The issuer URL &quot;%1&quot; contains a user name or password. Leave them out: the app never sends credentials in an address.</source>
        <translation>Die Issuer-URL &quot;%1&quot; enthält einen Benutzernamen oder ein Passwort. Lassen Sie diese weg: Die App sendet nie Zugangsdaten in einer Adresse.</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>Could not make the lock file %1.</source>
        <translation>Die Sperrdatei %1 konnte nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>IssuerDiscovery</name>
    <message>
        <source>The server&apos;s metadata at %1 is too large to be metadata.</source>
        <translation>Die Metadaten des Servers unter %1 sind zu groß, um Metadaten zu sein.</translation>
    </message>
    <message>
        <source>The issuer&apos;s metadata could not be read from %1: %2</source>
        <translation>Die Metadaten des Issuers konnten nicht von %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>The server has no metadata for this issuer: %1 and %2 answered 404 Not Found. Check the issuer URL.</source>
        <translation>Der Server hat keine Metadaten für diesen Issuer: %1 und %2 antworteten mit 404 Not Found. Prüfen Sie die Issuer-URL.</translation>
    </message>
    <message>
        <source>The server sent the request for its metadata at %1 on to another address (HTTP %2), so it was not followed.</source>
        <translation>Der Server hat die Anfrage nach seinen Metadaten unter %1 an eine andere Adresse weitergeleitet (HTTP %2); dem wurde nicht gefolgt.</translation>
    </message>
    <message>
        <source>The issuer&apos;s metadata could not be read from %1: the server answered HTTP %2.</source>
        <translation>Die Metadaten des Issuers konnten nicht von %1 gelesen werden: Der Server antwortete mit HTTP %2.</translation>
    </message>
</context>
<context>
    <name>IssuerMetadata</name>
    <message>
        <source>The server&apos;s metadata at %1 is not a JSON object. Check the issuer URL.</source>
        <translation>Die Metadaten des Servers unter %1 sind kein JSON-Objekt. Prüfen Sie die Issuer-URL.</translation>
    </message>
    <message>
        <source>The server&apos;s metadata at %1 names the issuer &quot;%2&quot;, not &quot;%3&quot; as configured. The issuer URL must match the server&apos;s exactly.</source>
        <translation>Die Metadaten des Servers unter %1 nennen den Issuer &quot;%2&quot;, nicht &quot;%3&quot; wie festgelegt. Die Issuer-URL muss genau mit der des Servers übereinstimmen.</translation>
    </message>
    <message>
        <source>The server at %1 does not offer PKCE (its metadata lists no code_challenge_methods_supported). The app signs in only with PKCE&apos;s S256 method.</source>
        <translation>Der Server unter %1 bietet kein PKCE an (seine Metadaten nennen keine code_challenge_methods_supported). Die App meldet sich nur mit der S256-Methode von PKCE an.</translation>
    </message>
    <message>
        <source>The server at %1 does not offer PKCE&apos;s S256 method (it offers %2). The app signs in only with S256.</source>
        <translation>Der Server unter %1 bietet die S256-Methode von PKCE nicht an (nur %2). Die App meldet sich nur mit S256 an.</translation>
    </message>
    <message>
        <source>The server&apos;s metadata at %1 names no %2.</source>
        <extracomment>%2 is a field name such as token_endpoint.</extracomment>
        <translation>Die Metadaten des Servers unter %1 nennen kein %2.</translation>
    </message>
    <message>
        <source>The server&apos;s metadata at %1 names an endpoint the app does not use: %2</source>
        <extracomment>%1 is an address; %2 a whole sentence saying what is wrong with an endpoint it names.</extracomment>
        <translation>Die Metadaten des Servers unter %1 nennen einen Endpunkt, den die App nicht verwendet: %2</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>the Secret Service stopped before it answered</source>
        <translation>der Secret Service wurde beendet, bevor er geantwortet hat</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>WebinarGeek Connect</source>
        <translation>WebinarGeek Connect</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Signs in to WebinarGeek in your browser</source>
        <translation>Meldet Sie im Browser bei WebinarGeek an</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Jetzt &amp;erneuern</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Jetzt erneuern</translation>
    </message>
    <message>
        <source>Renews the access token now</source>
        <translation>Erneuert das Zugriffstoken sofort</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Disconnects this computer and removes the stored secrets</source>
        <translation>Trennt diesen Computer und entfernt die gespeicherten Geheimnisse</translation>
    </message>
    <message>
        <source>Use an API &amp;key…</source>
        <translation>API-&amp;Schlüssel verwenden…</translation>
    </message>
    <message>
        <source>Use an API key</source>
        <translation>API-Schlüssel verwenden</translation>
    </message>
    <message>
        <source>Connects with a personal API key instead of signing in</source>
        <translation>Verbindet mit einem persönlichen API-Schlüssel statt mit einer Anmeldung</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Opens the settings</source>
        <translation>Öffnet die Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>The sign-in link is on the clipboard. Paste it into your browser&apos;s address bar.</source>
        <translation>Der Anmeldelink ist in der Zwischenablage. Fügen Sie ihn in die Adressleiste Ihres Browsers ein.</translation>
    </message>
    <message>
        <source>Signed out. Nothing of the session is stored any more.</source>
        <translation>Abgemeldet. Von der Sitzung ist nichts mehr gespeichert.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message>
        <source>Connected again</source>
        <translation>Wieder verbunden</translation>
    </message>
    <message>
        <source>WebinarGeek Connect reached the server again and renewed your session.</source>
        <translation>WebinarGeek Connect hat den Server wieder erreicht und Ihre Sitzung erneuert.</translation>
    </message>
    <message>
        <source>API key rejected</source>
        <translation>API-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>WebinarGeek did not accept the API key. Open WebinarGeek Connect to connect again.</source>
        <translation>WebinarGeek hat den API-Schlüssel nicht akzeptiert. Öffnen Sie WebinarGeek Connect, um sich erneut zu verbinden.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Your WebinarGeek session has ended and could not be renewed. Open WebinarGeek Connect and sign in again.</source>
        <translation>Ihre WebinarGeek-Sitzung ist abgelaufen und konnte nicht erneuert werden. Öffnen Sie WebinarGeek Connect und melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <source>WebinarGeek Connect cannot read the system keychain, so it cannot keep you signed in. Unlock the keychain; the app tries again by itself.</source>
        <translation>WebinarGeek Connect kann den Schlüsselbund des Systems nicht lesen und Sie daher nicht angemeldet halten. Entsperren Sie den Schlüsselbund; die App versucht es selbst erneut.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Your WebinarGeek session was removed outside this window. Sign in again to reconnect.</source>
        <translation>Ihre WebinarGeek-Sitzung wurde außerhalb dieses Fensters entfernt. Melden Sie sich erneut an, um sich wieder zu verbinden.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>The account in a notification: email (company).</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>WebinarGeek Connect reached the server again and renewed the session of %1.</source>
        <translation>WebinarGeek Connect hat den Server wieder erreicht und die Sitzung von %1 erneuert.</translation>
    </message>
    <message>
        <source>WebinarGeek did not accept the API key of %1. Open WebinarGeek Connect to connect again.</source>
        <translation>WebinarGeek hat den API-Schlüssel von %1 nicht akzeptiert. Öffnen Sie WebinarGeek Connect, um sich erneut zu verbinden.</translation>
    </message>
    <message>
        <source>The session of %1 has ended and could not be renewed. Sign in again to reconnect.</source>
        <translation>Die Sitzung von %1 ist abgelaufen und konnte nicht erneuert werden. Melden Sie sich erneut an, um sich wieder zu verbinden.</translation>
    </message>
    <message>
        <source>The session of %1 was removed outside this window. Sign in again to reconnect.</source>
        <translation>Die Sitzung von %1 wurde außerhalb dieses Fensters entfernt. Melden Sie sich erneut an, um sich wieder zu verbinden.</translation>
    </message>
</context>
<context>
    <name>OAuthReplyHandler</name>
    <message>
        <source>The answer is larger than 1 MiB.</source>
        <translation>Die Antwort ist größer als 1 MiB.</translation>
    </message>
    <message>
        <source>The answer named no address.</source>
        <translation>Die Antwort nannte keine Adresse.</translation>
    </message>
    <message>
        <source>It pointed to %1.</source>
        <translation>Sie verwies auf %1.</translation>
    </message>
    <message>
        <source>The connection closed before the server answered; the request was not sent again.</source>
        <translation>Die Verbindung wurde geschlossen, bevor der Server antwortete; die Anfrage wurde nicht erneut gesendet.</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Set by %1 on the command line</source>
        <extracomment>%1 is a command-line option such as --token-url.</extracomment>
        <translation>Festgelegt durch %1 in der Befehlszeile</translation>
    </message>
    <message>
        <source>Set by %1 in the environment</source>
        <extracomment>%1 is an environment variable such as WEBINARGEEK_TOKEN_URL.</extracomment>
        <translation>Festgelegt durch %1 in der Umgebung</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>Die Einstellungsdatei %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged and cannot be read.</source>
        <translation>Die Einstellungsdatei %1 ist beschädigt und kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The client secret could not be read from the keychain: %1</source>
        <translation>Das Client-Geheimnis konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>RedirectPage</name>
    <message>
        <source>en</source>
        <extracomment>The code of the language this is translated into (&quot;nl&quot;, &quot;de&quot;): the browser page&apos;s lang attribute.</extracomment>
        <translation>de</translation>
    </message>
    <message>
        <source>You can close this tab and return to WebinarGeek Connect.</source>
        <translation>Sie können diesen Tab schließen und zu WebinarGeek Connect zurückkehren.</translation>
    </message>
</context>
<context>
    <name>RefreshLock</name>
    <message>
        <source>%1 cannot be created: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1 is a symbolic link, not a directory</source>
        <translation>%1 ist ein symbolischer Link, kein Ordner</translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be examined: %2</source>
        <translation>%1 kann nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>%1 belongs to another user (uid %2)</source>
        <translation>%1 gehört einem anderen Benutzer (uid %2)</translation>
    </message>
    <message>
        <source>%1 is open to other users (mode %2); it must be private to you (mode 0700)</source>
        <extracomment>%2 is a Unix file mode in octal, such as 0777.</extracomment>
        <translation>%1 ist für andere Benutzer zugänglich (Modus %2); er muss nur Ihnen gehören (Modus 0700)</translation>
    </message>
    <message>
        <source>%1 cannot be created</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the lock file %1 cannot be created: permission denied</source>
        <translation>die Sperrdatei %1 kann nicht angelegt werden: Zugriff verweigert</translation>
    </message>
    <message>
        <source>the lock file %1 cannot be created</source>
        <translation>die Sperrdatei %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>another WebinarGeek Connect process (process id %1) has held the refresh lock for more than %2 seconds</source>
        <extracomment>%1 is a process id, %2 a number of seconds.</extracomment>
        <translation>ein anderer WebinarGeek-Connect-Prozess (Prozess-ID %1) hält die Sperre für die Erneuerung seit mehr als %2 Sekunden</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>none is stored for this client; enter it again in the settings</source>
        <translation>für diesen Client ist keines gespeichert; geben Sie es in den Einstellungen erneut ein</translation>
    </message>
    <message>
        <source>the client secret could not be read from the keychain (%1)</source>
        <translation>das Client-Geheimnis konnte nicht aus dem Schlüsselbund gelesen werden (%1)</translation>
    </message>
    <message>
        <source>The connection settings are being switched; try again in a moment.</source>
        <translation>Die Verbindungseinstellungen werden gerade umgestellt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>No API key was given.</source>
        <translation>Es wurde kein API-Schlüssel angegeben.</translation>
    </message>
    <message>
        <source>The tokens were not revoked: %1</source>
        <translation>Die Tokens wurden nicht widerrufen: %1</translation>
    </message>
    <message>
        <source>The server did not confirm the revocation: %1</source>
        <translation>Der Server hat den Widerruf nicht bestätigt: %1</translation>
    </message>
    <message>
        <source>No refresh token is stored, so the session cannot be renewed.</source>
        <translation>Es ist kein Aktualisierungstoken gespeichert, daher kann die Sitzung nicht erneuert werden.</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Refreshing</source>
        <translation>Wird erneuert</translation>
    </message>
    <message>
        <source>Offline, retrying</source>
        <translation>Offline, neuer Versuch</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>SettingsChange</name>
    <message>
        <source>The client secret could not be saved in the keychain: %1</source>
        <translation>Das Client-Geheimnis konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The client secret could not be moved to the new client in the keychain: %1</source>
        <translation>Das Client-Geheimnis konnte im Schlüsselbund nicht zum neuen Client verschoben werden: %1</translation>
    </message>
    <message>
        <source>The settings were saved. %1 The client secret is read again before it is needed.</source>
        <extracomment>%1 says why the client secret could not be read from the keychain (a whole sentence).</extracomment>
        <translation>Die Einstellungen wurden gespeichert. %1 Das Client-Geheimnis wird erneut gelesen, bevor es gebraucht wird.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation>Verbi&amp;ndung</translation>
    </message>
    <message>
        <source>Where WebinarGeek Connect signs in, and which client it signs in as. Leave a field empty to use the default shown in it.</source>
        <translation>Wo sich WebinarGeek Connect anmeldet und als welcher Client. Lassen Sie ein Feld leer, um den darin angezeigten Standardwert zu verwenden.</translation>
    </message>
    <message>
        <source>&amp;Authorization URL:</source>
        <translation>&amp;Autorisierungs-URL:</translation>
    </message>
    <message>
        <source>Authorization URL</source>
        <translation>Autorisierungs-URL</translation>
    </message>
    <message>
        <source>Where your browser signs in.</source>
        <translation>Wo sich Ihr Browser anmeldet.</translation>
    </message>
    <message>
        <source>&amp;Token URL:</source>
        <translation>&amp;Token-URL:</translation>
    </message>
    <message>
        <source>Token URL</source>
        <translation>Token-URL</translation>
    </message>
    <message>
        <source>Where the app exchanges and refreshes tokens.</source>
        <translation>Wo die App Tokens eintauscht und erneuert.</translation>
    </message>
    <message>
        <source>&amp;Revocation URL:</source>
        <translation>&amp;Widerrufs-URL:</translation>
    </message>
    <message>
        <source>Revocation URL</source>
        <translation>Widerrufs-URL</translation>
    </message>
    <message>
        <source>Where tokens are revoked when you sign out. Leave empty if the server offers none.</source>
        <translation>Wo Tokens beim Abmelden widerrufen werden. Leer lassen, wenn der Server keine anbietet.</translation>
    </message>
    <message>
        <source>A&amp;PI URL:</source>
        <translation>A&amp;PI-URL:</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <source>The address of the WebinarGeek API.</source>
        <translation>Die Adresse der WebinarGeek-API.</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>The OAuth client this app signs in as.</source>
        <translation>Der OAuth-Client, als der sich diese App anmeldet.</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-Ge&amp;heimnis:</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <source>Only for a confidential client. Stored in the keychain, never in the settings file.</source>
        <translation>Nur für einen vertraulichen Client. Wird im Schlüsselbund gespeichert, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the client secret</source>
        <translation>Client-Geheimnis entfernen</translation>
    </message>
    <message>
        <source>Removes the stored client secret from the keychain when you press OK.</source>
        <translation>Entfernt das gespeicherte Client-Geheimnis aus dem Schlüsselbund, wenn Sie auf OK klicken.</translation>
    </message>
    <message>
        <source>Sc&amp;ope:</source>
        <translation>&amp;Berechtigungen (Scope):</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Berechtigungen (Scope)</translation>
    </message>
    <message>
        <source>The permissions asked for, separated by spaces. Leave empty to ask for the default.</source>
        <translation>Die angeforderten Berechtigungen, durch Leerzeichen getrennt. Leer lassen, um die Standardberechtigungen anzufordern.</translation>
    </message>
    <message>
        <source>Problems with these settings</source>
        <translation>Probleme mit diesen Einstellungen</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-&amp;Schlüssel</translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation>&amp;API-Schlüssel:</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Your personal WebinarGeek API key. The field is cleared once it is used.</source>
        <translation>Ihr persönlicher WebinarGeek-API-Schlüssel. Das Feld wird nach der Verwendung geleert.</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect with the API key</source>
        <translation>Mit dem API-Schlüssel verbinden</translation>
    </message>
    <message>
        <source>Result of connecting with the API key</source>
        <translation>Ergebnis der Verbindung mit dem API-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>All&amp;gemein</translation>
    </message>
    <message>
        <source>&amp;Start WebinarGeek Connect when I log in</source>
        <translation>WebinarGeek Connect beim &amp;Anmelden am System starten</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>Start &amp;hidden in the system tray</source>
        <translation>&amp;Versteckt im Infobereich starten</translation>
    </message>
    <message>
        <source>Start hidden in the system tray</source>
        <translation>Versteckt im Infobereich starten</translation>
    </message>
    <message>
        <source>When the app starts, only its tray icon appears; the window opens from the tray.</source>
        <translation>Beim Start erscheint nur das Symbol im Infobereich; das Fenster öffnen Sie von dort aus.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Sp&amp;rache:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>A new language is used the next time WebinarGeek Connect starts.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von WebinarGeek Connect verwendet.</translation>
    </message>
    <message>
        <source>Why the settings were not saved</source>
        <translation>Warum die Einstellungen nicht gespeichert wurden</translation>
    </message>
    <message>
        <source>System default</source>
        <extracomment>The language setting: use the language the system is set to.</extracomment>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Schließen ohne zu speichern</translation>
    </message>
    <message>
        <source>Needed to sign in through the browser</source>
        <translation>Für die Anmeldung über den Browser nötig</translation>
    </message>
    <message>
        <source>None: tokens are not revoked when you sign out</source>
        <extracomment>The revocation URL is empty: signing out does not revoke tokens at the server.</extracomment>
        <translation>Keine: Tokens werden beim Abmelden nicht widerrufen</translation>
    </message>
    <message>
        <source>Set in the environment</source>
        <translation>In der Umgebung festgelegt</translation>
    </message>
    <message>
        <source>The new client secret is stored in the keychain when you press OK.</source>
        <translation>Das neue Client-Geheimnis wird im Schlüsselbund gespeichert, wenn Sie auf OK klicken.</translation>
    </message>
    <message>
        <source>The client secret is removed from the keychain when you press OK.</source>
        <translation>Das Client-Geheimnis wird aus dem Schlüsselbund entfernt, wenn Sie auf OK klicken.</translation>
    </message>
    <message>
        <source>Stored in the keychain</source>
        <translation>Im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>Moves to the new client when you press OK.</source>
        <translation>Wird zum neuen Client verschoben, wenn Sie auf OK klicken.</translation>
    </message>
    <message>
        <source>A client secret is stored in the keychain.</source>
        <translation>Im Schlüsselbund ist ein Client-Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>None (a public client)</source>
        <extracomment>The client secret field is empty: the client is a public one, which needs no secret.</extracomment>
        <translation>Keines (ein öffentlicher Client)</translation>
    </message>
    <message>
        <source>The settings were not saved. %1</source>
        <translation>Die Einstellungen wurden nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>A sign-in is already in progress. Finish or cancel it, then connect with the API key.</source>
        <translation>Es läuft bereits eine Anmeldung. Schließen Sie sie ab oder brechen Sie sie ab und verbinden Sie sich dann mit dem API-Schlüssel.</translation>
    </message>
    <message>
        <source>Checking the API key with WebinarGeek…</source>
        <translation>API-Schlüssel wird bei WebinarGeek geprüft…</translation>
    </message>
    <message>
        <source>Not connected. %1</source>
        <translation>Nicht verbunden. %1</translation>
    </message>
    <message>
        <source>Connected as %1 with the API key.</source>
        <translation>Als %1 mit dem API-Schlüssel verbunden.</translation>
    </message>
    <message>
        <source>Paste your personal API key</source>
        <translation>Fügen Sie Ihren persönlichen API-Schlüssel ein</translation>
    </message>
    <message>
        <source>None: the server&apos;s default scope</source>
        <extracomment>The scope field is empty: the request names no scope, and the server grants its default.</extracomment>
        <translation>Keiner: der Standard-Scope des Servers</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>&amp;Issuer:</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>The authorization server whose published metadata names the endpoints left empty.</source>
        <translation>Der Autorisierungsserver, dessen veröffentlichte Metadaten die leer gelassenen Endpunkte nennen.</translation>
    </message>
    <message>
        <source>None: the endpoints below apply</source>
        <extracomment>The issuer field is empty: the endpoints are set one by one, or WebinarGeek&apos;s apply.</extracomment>
        <translation>Keiner: es gelten die Endpunkte darunter</translation>
    </message>
    <message>
        <source>None: the server offers no revocation</source>
        <extracomment>The issuer&apos;s metadata names no revocation endpoint.</extracomment>
        <translation>Keine: der Server bietet keinen Widerruf an</translation>
    </message>
    <message>
        <source>From the issuer&apos;s metadata</source>
        <extracomment>The endpoint field is empty: the address comes from the issuer&apos;s metadata.</extracomment>
        <translation>Aus den Metadaten des Issuers</translation>
    </message>
    <message>
        <source>Endpoints read from %1 on %2.</source>
        <extracomment>%1 is an address, %2 a date and time.</extracomment>
        <translation>Endpunkte gelesen von %1 am %2.</translation>
    </message>
    <message>
        <source>The endpoints left empty are read from the issuer&apos;s metadata once you press OK.</source>
        <translation>Die leer gelassenen Endpunkte werden aus den Metadaten des Issuers gelesen, sobald Sie OK drücken.</translation>
    </message>
    <message>
        <source>Endpoints read from %1. They are read again as soon as the server answers: one of them failed.</source>
        <translation>Endpunkte gelesen von %1. Sie werden neu gelesen, sobald der Server antwortet: Einer von ihnen hat nicht funktioniert.</translation>
    </message>
    <message>
        <source>Instead of signing in through your browser, you can connect with a personal API key from your WebinarGeek account. The key is checked with WebinarGeek first, then kept in the keychain as an account beside any others.</source>
        <translation>Statt sich über Ihren Browser anzumelden, können Sie sich mit einem persönlichen API-Schlüssel Ihres WebinarGeek-Kontos verbinden. Der Schlüssel wird zuerst bei WebinarGeek geprüft und dann im Schlüsselbund gespeichert, als Konto neben etwaigen anderen.</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>The settings file %1 is a link to nothing.</source>
        <translation>Die Einstellungsdatei %1 ist ein Link ins Leere.</translation>
    </message>
    <message>
        <source>The settings file %1 is not a regular file.</source>
        <translation>Die Einstellungsdatei %1 ist keine normale Datei.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read.</source>
        <translation>Die Einstellungsdatei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged and cannot be read.</source>
        <translation>Die Einstellungsdatei %1 ist beschädigt und kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>SignInAttempt</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>An account: email (company).</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>WebinarGeek Connect is connected to %1.</source>
        <translation>WebinarGeek Connect ist mit %1 verbunden.</translation>
    </message>
    <message>
        <source>%1. The tokens the server issued could not be revoked (no revocation URL is set); they stay valid at the server until they expire.</source>
        <translation>%1. Die vom Server ausgegebenen Tokens konnten nicht widerrufen werden (keine Widerrufs-URL festgelegt); sie bleiben beim Server gültig, bis sie ablaufen.</translation>
    </message>
    <message>
        <source>%1. The tokens the server issued could not be revoked: %2</source>
        <translation>%1. Die vom Server ausgegebenen Tokens konnten nicht widerrufen werden: %2</translation>
    </message>
    <message>
        <source>%1. The tokens the server issued have been revoked.</source>
        <translation>%1. Die vom Server ausgegebenen Tokens wurden widerrufen.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign-in in progress</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>Waiting for your browser…</source>
        <translation>Warten auf Ihren Browser…</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <source>Finish signing in to WebinarGeek in your browser. If no browser window opened, open it again or copy the link into a browser yourself.</source>
        <translation>Schließen Sie die Anmeldung bei WebinarGeek in Ihrem Browser ab. Wenn sich kein Browserfenster geöffnet hat, öffnen Sie es erneut oder kopieren Sie den Link selbst in einen Browser.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Link:</translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation>Anmeldelink</translation>
    </message>
    <message>
        <source>The address of the sign-in page, to open in a browser yourself</source>
        <translation>Die Adresse der Anmeldeseite, um sie selbst in einem Browser zu öffnen</translation>
    </message>
    <message>
        <source>Cop&amp;y link</source>
        <translation>Link &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Puts the sign-in link on the clipboard</source>
        <translation>Legt den Anmeldelink in die Zwischenablage</translation>
    </message>
    <message>
        <source>Open &amp;browser again</source>
        <translation>&amp;Browser erneut öffnen</translation>
    </message>
    <message>
        <source>Open browser again</source>
        <translation>Browser erneut öffnen</translation>
    </message>
    <message>
        <source>Opens the sign-in page in your browser once more</source>
        <translation>Öffnet die Anmeldeseite noch einmal in Ihrem Browser</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Verbleibende Zeit:</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
    <message>
        <source>How long the sign-in waits for the browser</source>
        <translation>Wie lange die Anmeldung noch auf den Browser wartet</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stops waiting for the browser</source>
        <translation>Beendet das Warten auf den Browser</translation>
    </message>
    <message>
        <source>Sign-in did not finish</source>
        <translation>Anmeldung nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Sign-in result</source>
        <translation>Ergebnis der Anmeldung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Why sign-in did not finish</source>
        <translation>Warum die Anmeldung nicht abgeschlossen wurde</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>Ausblen&amp;den</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hides this message</source>
        <translation>Blendet diese Meldung aus</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Starts a new sign-in in your browser</source>
        <translation>Startet eine neue Anmeldung in Ihrem Browser</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>Your browser could not be opened</source>
        <translation>Ihr Browser konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Choose Copy link, then paste the link into a browser&apos;s address bar to finish signing in.</source>
        <translation>Wählen Sie Link kopieren und fügen Sie den Link in die Adressleiste eines Browsers ein, um die Anmeldung abzuschließen.</translation>
    </message>
    <message>
        <source>Still waiting for your browser…</source>
        <translation>Es wird noch auf Ihren Browser gewartet …</translation>
    </message>
    <message>
        <source>If no browser window opened, choose Copy link and paste the link into a browser&apos;s address bar. If you are still signing in there, take your time.</source>
        <translation>Wenn sich kein Browserfenster geöffnet hat, wählen Sie Link kopieren und fügen Sie den Link in die Adressleiste eines Browsers ein. Wenn Sie sich dort noch anmelden, lassen Sie sich Zeit.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>What the server said, in its own words</source>
        <translation>Was der Server gesagt hat, in seinen eigenen Worten</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>WebinarGeek Connect is already running but does not answer.</source>
        <translation>WebinarGeek Connect läuft bereits, antwortet aber nicht.</translation>
    </message>
    <message>
        <source>Could not listen on %1: %2</source>
        <translation>Auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
    <message>
        <source>Another program answers on %1.</source>
        <translation>Ein anderes Programm antwortet auf %1.</translation>
    </message>
</context>
<context>
    <name>StatusReport</name>
    <message>
        <source>Not signed in. Run &quot;webinargeek-connect login&quot; to sign in.</source>
        <translation>Nicht angemeldet. Führen Sie &quot;webinargeek-connect login&quot; aus, um sich anzumelden.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Access token expired at %1 (it is refreshed on next use).</source>
        <translation>Das Zugriffstoken ist am %1 abgelaufen (es wird bei der nächsten Verwendung erneuert).</translation>
    </message>
    <message>
        <source>Access token expires at %1.</source>
        <translation>Das Zugriffstoken läuft am %1 ab.</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>Berechtigungen: %1</translation>
    </message>
    <message>
        <source>Stored in: %1</source>
        <translation>Gespeichert in: %1</translation>
    </message>
    <message>
        <source>Connected with an API key as %1.</source>
        <translation>Mit einem API-Schlüssel verbunden als %1.</translation>
    </message>
    <message>
        <source>Connected with an API key as %1 (%2).</source>
        <translation>Mit einem API-Schlüssel verbunden als %1 (%2).</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Angemeldet als %1 (%2).</translation>
    </message>
    <message>
        <source>The session cannot be renewed: no refresh token is stored, and the access token has expired. Sign in again with &quot;webinargeek-connect login&quot;.</source>
        <translation>Die Sitzung kann nicht erneuert werden: Es ist kein Aktualisierungstoken gespeichert, und das Zugriffstoken ist abgelaufen. Melden Sie sich mit &quot;webinargeek-connect login&quot; erneut an.</translation>
    </message>
    <message>
        <source>This session cannot be renewed: no refresh token is stored. Sign in again with &quot;webinargeek-connect login&quot; before the access token expires.</source>
        <translation>Diese Sitzung kann nicht erneuert werden: Es ist kein Aktualisierungstoken gespeichert. Melden Sie sich mit &quot;webinargeek-connect login&quot; erneut an, bevor das Zugriffstoken abläuft.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, signed out</source>
        <translation>%1, abgemeldet</translation>
    </message>
    <message>
        <source>%1, needs attention</source>
        <translation>%1, braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>%1, the active one</source>
        <translation>%1, das aktive</translation>
    </message>
    <message>
        <source>Other accounts: %1.</source>
        <translation>Weitere Konten: %1.</translation>
    </message>
    <message>
        <source>Use one with --account EMAIL, or make it the active one with &quot;webinargeek-connect switch&quot;.</source>
        <translation>Verwenden Sie eines mit --account EMAIL, oder machen Sie es mit &quot;webinargeek-connect switch&quot; zum aktiven.</translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message numerus="yes">
        <source>in %n s</source>
        <extracomment>How far away a moment is, shown in a narrow column: keep it short.</extracomment>
        <translation>
            <numerusform>in %n s</numerusform>
            <numerusform>in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>in %n Min.</numerusform>
            <numerusform>in %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>in %1 Std.</translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation>in %1 Std. %2 Min.</translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>WebinarGeek Connect keeps trying by itself; choose Refresh now to try at once.</source>
        <translation>WebinarGeek Connect versucht es selbst weiter; wählen Sie Jetzt erneuern, um es sofort zu versuchen.</translation>
    </message>
    <message>
        <source>Choose Sign in to connect again.</source>
        <translation>Wählen Sie Anmelden, um sich erneut zu verbinden.</translation>
    </message>
    <message>
        <source>Unlock your keyring (or start your desktop&apos;s keyring service), then choose Refresh now.</source>
        <translation>Entsperren Sie Ihren Schlüsselbund (oder starten Sie den Schlüsselbunddienst Ihres Desktops) und wählen Sie dann Jetzt erneuern.</translation>
    </message>
    <message>
        <source>To connect, sign in again and allow access.</source>
        <translation>Melden Sie sich erneut an und erlauben Sie den Zugriff, um sich zu verbinden.</translation>
    </message>
    <message>
        <source>Sign in again to try once more.</source>
        <translation>Melden Sie sich erneut an, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Check that nothing on this computer blocks local connections, then sign in again.</source>
        <translation>Prüfen Sie, ob etwas auf diesem Computer lokale Verbindungen blockiert, und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>Check the endpoints and the client id under Settings.</source>
        <translation>Prüfen Sie die Endpunkte und die Client-ID unter Einstellungen.</translation>
    </message>
    <message>
        <source>Choose Refresh now to try again.</source>
        <translation>Wählen Sie Jetzt erneuern, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>The system keychain cannot be used: %1</source>
        <translation>Der Schlüsselbund des Systems ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>Offline – retrying %1</source>
        <extracomment>%1 is when: &quot;in 45 s&quot;, &quot;in 2 min&quot; or &quot;now&quot;.</extracomment>
        <translation>Offline – neuer Versuch %1</translation>
    </message>
    <message>
        <source>Retrying %1</source>
        <translation>Neuer Versuch %1</translation>
    </message>
    <message>
        <source>Offline – retrying</source>
        <translation>Offline – neuer Versuch</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Neuer Versuch</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>OAuth (browser sign-in)</source>
        <translation>OAuth (Anmeldung im Browser)</translation>
    </message>
    <message>
        <source>Never (API key)</source>
        <translation>Nie (API-Schlüssel)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>expired</source>
        <extracomment>Shown in brackets after the expiry time: &quot;(expired)&quot;.</extracomment>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Not needed (API key)</source>
        <translation>Nicht nötig (API-Schlüssel)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>The account: email (company).
----------
The next refresh: the time of day, then how far away it is (&quot;14:05 (in 25 min)&quot;).</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Nicht geplant</translation>
    </message>
    <message>
        <source>%1 (cannot be read now)</source>
        <translation>%1 (derzeit nicht lesbar)</translation>
    </message>
    <message>
        <source>The system keychain cannot be read. %1</source>
        <translation>Der Schlüsselbund des Systems kann nicht gelesen werden. %1</translation>
    </message>
    <message>
        <source>Check the connection, then connect with the key again.</source>
        <translation>Prüfen Sie die Verbindung und verbinden Sie sich dann erneut mit dem Schlüssel.</translation>
    </message>
    <message>
        <source>Make that folder private to you, or remove it, then choose Refresh now.</source>
        <translation>Machen Sie diesen Ordner nur für Sie zugänglich oder entfernen Sie ihn und wählen Sie dann Jetzt erneuern.</translation>
    </message>
    <message>
        <source>The server no longer accepts this computer&apos;s session.</source>
        <translation>Der Server akzeptiert die Sitzung dieses Computers nicht mehr.</translation>
    </message>
    <message>
        <source>%1 Sign in again as %2.</source>
        <translation>%1 Melden Sie sich erneut als %2 an.</translation>
    </message>
    <message>
        <source>%1 Choose Sign in to connect again.</source>
        <translation>%1 Wählen Sie Anmelden, um sich erneut zu verbinden.</translation>
    </message>
    <message>
        <source>The existing connection is unchanged: still connected as %1.</source>
        <translation>Die bestehende Verbindung ist unverändert: weiterhin verbunden als %1.</translation>
    </message>
    <message>
        <source>Signing in again…</source>
        <translation>Erneute Anmeldung läuft …</translation>
    </message>
    <message>
        <source>Signing in with the browser needs a client id, and none is set yet. Enter it under Settings, or connect with an API key instead.</source>
        <translation>Die Anmeldung im Browser braucht eine Client-ID, und es ist noch keine festgelegt. Geben Sie sie unter Einstellungen ein, oder verbinden Sie sich stattdessen mit einem API-Schlüssel.</translation>
    </message>
    <message>
        <source>Signing in with the browser cannot work with these settings: %1 Correct them under Settings, or connect with an API key instead.</source>
        <translation>Mit diesen Einstellungen kann die Anmeldung im Browser nicht funktionieren: %1 Korrigieren Sie sie unter Einstellungen, oder verbinden Sie sich stattdessen mit einem API-Schlüssel.</translation>
    </message>
    <message>
        <source>The existing connection is unchanged.</source>
        <translation>Die bestehende Verbindung ist unverändert.</translation>
    </message>
</context>
<context>
    <name>StoredSession</name>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Secret Service (system keychain)</source>
        <translation>Secret Service (Schlüsselbund des Systems)</translation>
    </message>
</context>
<context>
    <name>TokenReply</name>
    <message>
        <source>The answer is larger than 1 MiB.</source>
        <translation>Die Antwort ist größer als 1 MiB.</translation>
    </message>
    <message>
        <source>The token endpoint&apos;s answer is not JSON.</source>
        <translation>Die Antwort des Token-Endpunkts ist kein JSON.</translation>
    </message>
    <message>
        <source>The answer has no access_token.</source>
        <translation>Die Antwort enthält kein access_token.</translation>
    </message>
    <message>
        <source>The token type &quot;%1&quot; is not supported; only Bearer is.</source>
        <translation>Der Tokentyp &quot;%1&quot; wird nicht unterstützt, nur Bearer.</translation>
    </message>
    <message>
        <source>expires_in is not a number.</source>
        <translation>expires_in ist keine Zahl.</translation>
    </message>
    <message>
        <source>expires_in is not a positive number of seconds.</source>
        <translation>expires_in ist keine positive Anzahl Sekunden.</translation>
    </message>
</context>
<context>
    <name>TokenStatusPanel</name>
    <message>
        <source>Token status</source>
        <translation>Token-Status</translation>
    </message>
    <message>
        <source>Whether the connection works, when its token expires and when it is renewed</source>
        <translation>Ob die Verbindung funktioniert, wann ihr Token abläuft und wann es erneuert wird</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Whether the connection works now</source>
        <translation>Ob die Verbindung gerade funktioniert</translation>
    </message>
    <message>
        <source>Expires at:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>When the access token expires, in local time</source>
        <translation>Wann das Zugriffstoken abläuft, in Ortszeit</translation>
    </message>
    <message>
        <source>Time until expiry</source>
        <translation>Zeit bis zum Ablauf</translation>
    </message>
    <message>
        <source>How long until the access token expires</source>
        <translation>Wie lange es noch dauert, bis das Zugriffstoken abläuft</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Berechtigungen:</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>What the connection is allowed to do</source>
        <translation>Was die Verbindung tun darf</translation>
    </message>
    <message>
        <source>Last refresh:</source>
        <translation>Zuletzt erneuert:</translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation>Zuletzt erneuert</translation>
    </message>
    <message>
        <source>When the token was last renewed</source>
        <translation>Wann das Token zuletzt erneuert wurde</translation>
    </message>
    <message>
        <source>Next refresh:</source>
        <translation>Nächste Erneuerung:</translation>
    </message>
    <message>
        <source>Next refresh</source>
        <translation>Nächste Erneuerung</translation>
    </message>
    <message>
        <source>When the token is renewed next</source>
        <translation>Wann das Token als Nächstes erneuert wird</translation>
    </message>
    <message>
        <source>Stored in:</source>
        <translation>Gespeichert in:</translation>
    </message>
    <message>
        <source>Stored in</source>
        <translation>Gespeichert in</translation>
    </message>
    <message>
        <source>Where the secret is kept</source>
        <translation>Wo das Geheimnis aufbewahrt wird</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>What went wrong and what you can do about it</source>
        <translation>Was schiefgelaufen ist und was Sie tun können</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft gerade</translation>
    </message>
    <message>
        <source>What the app is doing now, while the connection stays as it is</source>
        <translation>Was die App gerade tut, während die Verbindung bleibt, wie sie ist</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>What the server said, in its own words</source>
        <translation>Was der Server gesagt hat, in seinen eigenen Worten</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <extracomment>The server&apos;s own words about a problem, shown under the app&apos;s sentence.</extracomment>
        <translation>Details: %1</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>access to the keychain was denied or it is locked (%1)</source>
        <translation>der Zugriff auf den Schlüsselbund wurde verweigert oder er ist gesperrt (%1)</translation>
    </message>
    <message>
        <source>no keychain service is available (%1)</source>
        <translation>es ist kein Schlüsselbunddienst verfügbar (%1)</translation>
    </message>
    <message>
        <source>no Secret Service (such as GNOME Keyring or KWallet) is running (%1)</source>
        <translation>es läuft kein Secret Service (wie GNOME Keyring oder KWallet) (%1)</translation>
    </message>
    <message>
        <source>no D-Bus session bus to reach the keychain through (%1)</source>
        <translation>kein D-Bus-Sitzungsbus, über den der Schlüsselbund erreichbar ist (%1)</translation>
    </message>
    <message>
        <source>the keyring is locked; unlock it and try again</source>
        <translation>der Schlüsselbund ist gesperrt; entsperren Sie ihn und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>the stored session is damaged and cannot be read; sign in again</source>
        <translation>die gespeicherte Sitzung ist beschädigt und kann nicht gelesen werden; melden Sie sich erneut an</translation>
    </message>
</context>
<context>
    <name>TrayIndicator</name>
    <message>
        <source>&amp;Open WebinarGeek Connect</source>
        <translation>WebinarGeek Connect ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Jetzt &amp;erneuern</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <extracomment>The button of a notification: what clicking it does.</extracomment>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Sign in again</source>
        <translation>Erneut &amp;anmelden</translation>
    </message>
    <message>
        <source>&amp;Make active</source>
        <translation>Aktiv &amp;setzen</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
</context>
<context>
    <name>TrayStatus</name>
    <message>
        <source>Reading the keychain…</source>
        <translation>Schlüsselbund wird gelesen…</translation>
    </message>
    <message>
        <source>Signing in: waiting for your browser…</source>
        <translation>Anmeldung: Warten auf Ihren Browser…</translation>
    </message>
    <message>
        <source>Connected with an API key</source>
        <translation>Mit einem API-Schlüssel verbunden</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Refreshing the token…</source>
        <translation>Token wird erneuert…</translation>
    </message>
    <message>
        <source>Offline, retrying</source>
        <translation>Offline, neuer Versuch</translation>
    </message>
    <message>
        <source>Could not reach the server.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <source>The session has ended; sign in again.</source>
        <translation>Die Sitzung ist abgelaufen; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <source>The system keychain cannot be read; unlock it or start it.</source>
        <translation>Der Schlüsselbund des Systems kann nicht gelesen werden; entsperren oder starten Sie ihn.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>WebinarGeek Connect</source>
        <extracomment>The first line of the tray icon&apos;s tooltip: the application&apos;s name.</extracomment>
        <translation>WebinarGeek Connect</translation>
    </message>
    <message>
        <source>Token expires at %1</source>
        <translation>Token läuft ab: %1</translation>
    </message>
    <message>
        <source>Token expired at %1</source>
        <translation>Token abgelaufen: %1</translation>
    </message>
    <message>
        <source>Sign in from this icon&apos;s menu or the window.</source>
        <translation>Melden Sie sich über das Menü dieses Symbols oder das Fenster an.</translation>
    </message>
    <message>
        <source>Signing in again…</source>
        <translation>Erneute Anmeldung läuft …</translation>
    </message>
    <message>
        <source>WebinarGeek account</source>
        <extracomment>An account whose email is not known yet (an earlier version&apos;s before it is read, or a new one).</extracomment>
        <translation>WebinarGeek-Konto</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>One account in the tray&apos;s tooltip and menu: the account, then its state (&quot;Connected&quot;).</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Adding an account: waiting for your browser…</source>
        <extracomment>In the tray&apos;s tooltip, while a new account&apos;s sign-in waits for the browser.</extracomment>
        <translation>Konto wird hinzugefügt: Warten auf Ihren Browser…</translation>
    </message>
</context>
<context>
    <name>WebinarGeekClient</name>
    <message>
        <source>The answer is larger than 1 MiB.</source>
        <translation>Die Antwort ist größer als 1 MiB.</translation>
    </message>
    <message>
        <source>Unexpected HTTP status %1.</source>
        <translation>Unerwarteter HTTP-Status %1.</translation>
    </message>
    <message>
        <source>It is not an account.</source>
        <translation>Es ist kein Konto.</translation>
    </message>
    <message>
        <source>It is not JSON.</source>
        <translation>Es ist kein JSON.</translation>
    </message>
    <message>
        <source>The credential is sent only to %1, not to %2.</source>
        <translation>Die Zugangsdaten werden nur an %1 gesendet, nicht an %2.</translation>
    </message>
</context>
</TS>
