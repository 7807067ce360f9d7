<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>AccountIndex</name>
    <message>
        <source>No account matches &quot;%1&quot;: no account is signed in.</source>
        <translation>Geen account past bij &quot;%1&quot;: er is geen account aangemeld.</translation>
    </message>
    <message>
        <source>No account matches &quot;%1&quot;. The accounts are: %2.</source>
        <translation>Geen account past bij &quot;%1&quot;. De accounts zijn: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches several accounts: %2. Give more of the email.</source>
        <translation>&quot;%1&quot; past bij meerdere accounts: %2. Geef meer van het e-mailadres.</translation>
    </message>
    <message>
        <source>The list of accounts (%1) is locked by another program.</source>
        <translation>De lijst met accounts (%1) is vergrendeld door een ander programma.</translation>
    </message>
    <message>
        <source>The list of accounts (%1) was written by a later version of WebinarGeek Connect; it is left as it is.</source>
        <translation>De lijst met accounts (%1) is geschreven door een nieuwere versie van WebinarGeek Connect; hij blijft zoals hij is.</translation>
    </message>
    <message>
        <source>The list of accounts could not be written to %1: %2</source>
        <translation>De lijst met accounts kon niet worden geschreven naar %1: %2</translation>
    </message>
    <message>
        <source>it is not a file</source>
        <translation>het is geen bestand</translation>
    </message>
    <message>
        <source>it is larger than any list of accounts</source>
        <translation>het is groter dan welke lijst met accounts ook</translation>
    </message>
    <message>
        <source>%1 at character %2</source>
        <translation>%1 bij teken %2</translation>
    </message>
    <message>
        <source>it is not a list of accounts</source>
        <translation>het is geen lijst met accounts</translation>
    </message>
    <message>
        <source>The list of accounts (%1) cannot be read: %2. Correct or remove it.</source>
        <translation>De lijst met accounts (%1) kan niet worden gelezen: %2. Verbeter of verwijder hem.</translation>
    </message>
</context>
<context>
    <name>AccountListModel</name>
    <message>
        <source>%1 was not removed. %2</source>
        <translation>%1 is niet verwijderd. %2</translation>
    </message>
    <message>
        <source>%1 was removed from this computer.</source>
        <translation>%1 is van deze computer verwijderd.</translation>
    </message>
    <message>
        <source>%1
%2 · active</source>
        <extracomment>An account in the window&apos;s list: its name, then its state, marked when it is the active one.</extracomment>
        <translation>%1
%2 · actief</translation>
    </message>
    <message>
        <source>%1: %2, the active account</source>
        <extracomment>What a screen reader says for an account in the list: its name and its state.</extracomment>
        <translation>%1: %2, het actieve account</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Remove %1 from this computer? It is signed out and its stored tokens are revoked. The other accounts stay signed in.</source>
        <extracomment>%1 names the account.</extracomment>
        <translation>%1 van deze computer verwijderen? Het account wordt uitgelogd en de bewaarde tokens worden ingetrokken. De andere accounts blijven ingelogd.</translation>
    </message>
</context>
<context>
    <name>AccountListPanel</name>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>The WebinarGeek accounts this computer is connected to</source>
        <translation>De WebinarGeek-accounts waarmee deze computer verbonden is</translation>
    </message>
    <message>
        <source>Choose an account to see its details below</source>
        <translation>Kies een account om hieronder de gegevens te zien</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>Account toevoe&amp;gen</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Account toevoegen</translation>
    </message>
    <message>
        <source>Connects another WebinarGeek account, keeping the others</source>
        <translation>Verbindt nog een WebinarGeek-account; de andere blijven verbonden</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Ver&amp;wijderen…</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Account verwijderen</translation>
    </message>
    <message>
        <source>Signs the chosen account out and takes it off the list</source>
        <translation>Logt het gekozen account uit en haalt het van de lijst</translation>
    </message>
    <message>
        <source>Make acti&amp;ve</source>
        <translation>Actief &amp;maken</translation>
    </message>
    <message>
        <source>Make active</source>
        <translation>Actief maken</translation>
    </message>
    <message>
        <source>Makes the chosen account the one the command line uses when no account is named</source>
        <translation>Maakt het gekozen account het account dat de opdrachtregel gebruikt als er geen account wordt genoemd</translation>
    </message>
    <message>
        <source>Sign in in the &amp;browser…</source>
        <translation>Inloggen in de &amp;browser…</translation>
    </message>
    <message>
        <source>Use an &amp;API key…</source>
        <translation>&amp;API-sleutel gebruiken…</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>The WebinarGeek account this computer is connected to</source>
        <translation>Het WebinarGeek-account waarmee deze computer verbonden is</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Bedrijf:</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Connected with:</source>
        <translation>Verbonden via:</translation>
    </message>
    <message>
        <source>Connected with</source>
        <translation>Verbonden via</translation>
    </message>
    <message>
        <source>How this computer is connected: OAuth (browser sign-in) or an API key</source>
        <translation>Hoe deze computer verbonden is: OAuth (inloggen in de browser) of een API-sleutel</translation>
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
        <translation>WebinarGeek heeft het token niet geaccepteerd (401 Unauthorized).</translation>
    </message>
    <message>
        <source>Could not reach the WebinarGeek API.</source>
        <translation>De WebinarGeek-API is niet bereikbaar.</translation>
    </message>
    <message>
        <source>The WebinarGeek API did not answer in time.</source>
        <translation>De WebinarGeek-API antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>The WebinarGeek API had a problem (HTTP %1).</source>
        <translation>De WebinarGeek-API had een probleem (HTTP %1).</translation>
    </message>
    <message>
        <source>The WebinarGeek API&apos;s answer could not be used.</source>
        <translation>Het antwoord van de WebinarGeek-API is niet bruikbaar.</translation>
    </message>
    <message>
        <source>The WebinarGeek API sent the request on to another address (HTTP %1), so it was not followed.</source>
        <translation>De WebinarGeek-API stuurde het verzoek door naar een ander adres (HTTP %1); dat is niet gevolgd.</translation>
    </message>
</context>
<context>
    <name>ApiRequest</name>
    <message>
        <source>%1 is not the API&apos;s address (%2): the credential is sent only there.</source>
        <translation>%1 is niet het adres van de API (%2): de inloggegevens worden alleen daarheen gestuurd.</translation>
    </message>
    <message>
        <source>That is not an address of the API (%1): the credential is sent only there.</source>
        <translation>Dat is geen adres van de API (%1): de inloggegevens worden alleen daarheen gestuurd.</translation>
    </message>
    <message>
        <source>The path is not a valid address: %1</source>
        <translation>Het pad is geen geldig adres: %1</translation>
    </message>
    <message>
        <source>-F takes name=value; one has no name or no &quot;=&quot;.</source>
        <translation>-F verwacht naam=waarde; bij een ervan ontbreekt de naam of de &quot;=&quot;.</translation>
    </message>
    <message>
        <source>-f takes name=value; one has no name or no &quot;=&quot;.</source>
        <translation>-f verwacht naam=waarde; bij een ervan ontbreekt de naam of de &quot;=&quot;.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Kan %1 niet lezen: %2.</translation>
    </message>
    <message>
        <source>%1 is larger than 16 MiB.</source>
        <translation>%1 is groter dan 16 MiB.</translation>
    </message>
    <message>
        <source>-H takes &quot;Name: value&quot; on one line.</source>
        <translation>-H verwacht &quot;Naam: waarde&quot; op één regel.</translation>
    </message>
    <message>
        <source>-H %1: the stored credential is sent by itself; give none on the command line.</source>
        <translation>-H %1: de opgeslagen inloggegevens worden vanzelf meegestuurd; geef ze niet op de opdrachtregel.</translation>
    </message>
    <message>
        <source>The credential is sent only to %1, not to %2.</source>
        <translation>De inloggegevens worden alleen naar %1 gestuurd, niet naar %2.</translation>
    </message>
    <message>
        <source>The WebinarGeek API answered HTTP %1.</source>
        <translation>De WebinarGeek-API antwoordde met HTTP %1.</translation>
    </message>
    <message>
        <source>It asks to wait %1 s more, past the limit of --max-wait (%2 s).</source>
        <translation>Ze vraagt nog %1 s te wachten, langer dan de grens van --max-wait (%2 s).</translation>
    </message>
    <message>
        <source>The answer is larger than 256 MiB.</source>
        <translation>Het antwoord is groter dan 256 MiB.</translation>
    </message>
    <message>
        <source>The WebinarGeek API redirected to %1; a request with a body is not sent again.</source>
        <translation>De WebinarGeek-API verwees door naar %1; een verzoek met een body wordt niet opnieuw verstuurd.</translation>
    </message>
</context>
<context>
    <name>AppMain</name>
    <message>
        <source>%1

Correct or remove it, then start WebinarGeek Connect again.</source>
        <translation>%1

Verbeter of verwijder het en start WebinarGeek Connect daarna opnieuw.</translation>
    </message>
</context>
<context>
    <name>AuthError</name>
    <message>
        <source>Sign-in was denied.</source>
        <translation>Het inloggen is geweigerd.</translation>
    </message>
    <message>
        <source>The sign-in server reported an error, so sign-in did not finish.</source>
        <translation>De inlogserver meldde een fout, dus het inloggen is niet voltooid.</translation>
    </message>
    <message>
        <source>The sign-in server sent the browser back without an authorization code.</source>
        <translation>De inlogserver stuurde de browser terug zonder autorisatiecode.</translation>
    </message>
    <message>
        <source>Sign-in timed out: nothing came back from the browser in time.</source>
        <translation>Het inloggen duurde te lang: de browser gaf niet op tijd antwoord.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Het inloggen is geannuleerd.</translation>
    </message>
    <message>
        <source>Could not open a port on 127.0.0.1 for the browser to return to.</source>
        <translation>Kan geen poort op 127.0.0.1 openen waar de browser naar kan terugkeren.</translation>
    </message>
    <message>
        <source>The server rejected the sign-in grant; please sign in again.</source>
        <translation>De server heeft de inlogtoestemming geweigerd; log opnieuw in.</translation>
    </message>
    <message>
        <source>The server does not accept the client id or client secret; check them in the settings.</source>
        <translation>De server accepteert de client-ID of het clientgeheim niet; controleer ze in de instellingen.</translation>
    </message>
    <message>
        <source>The server turned down the request for a token.</source>
        <translation>De server heeft de aanvraag voor een token afgewezen.</translation>
    </message>
    <message>
        <source>The sign-in server had a problem; try again later.</source>
        <translation>De inlogserver had een probleem; probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>The server is busy (too many requests); try again later.</source>
        <translation>De server is bezet (te veel aanvragen); probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be used.</source>
        <translation>Het antwoord van de server is niet bruikbaar.</translation>
    </message>
    <message>
        <source>Could not reach the server.</source>
        <translation>De server is niet bereikbaar.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>De server antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>The settings are incomplete.</source>
        <translation>De instellingen zijn onvolledig.</translation>
    </message>
    <message>
        <source>keychain unavailable: %1</source>
        <extracomment>%1 says why, e.g. &quot;the keyring is locked; unlock it and try again&quot;.</extracomment>
        <translation>sleutelbos niet beschikbaar: %1</translation>
    </message>
    <message>
        <source>WebinarGeek did not accept the API key; connect again with a valid key.</source>
        <translation>WebinarGeek heeft de API-sleutel niet geaccepteerd; maak opnieuw verbinding met een geldige sleutel.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Niet ingelogd.</translation>
    </message>
    <message>
        <source>Signed in, but the account could not be read.</source>
        <translation>Ingelogd, maar de accountgegevens konden niet worden gelezen.</translation>
    </message>
    <message>
        <source>The API key could not be checked, so it was not stored.</source>
        <translation>De API-sleutel kon niet worden gecontroleerd en is daarom niet opgeslagen.</translation>
    </message>
    <message>
        <source>The token was not refreshed, because the refresh lock cannot be used (nothing was sent to the server):</source>
        <extracomment>The description that follows names the lock&apos;s directory and what is wrong with it.</extracomment>
        <translation>Het token is niet vernieuwd, omdat de vernieuwingsvergrendeling niet gebruikt kan worden (er is niets naar de server gestuurd):</translation>
    </message>
    <message>
        <source>The token was renewed, but the renewed session could not be saved in the keychain (%1). The refresh token it replaced was spent, so the stored session cannot be renewed any more: unlock or start the keychain, then sign in again with &quot;webinargeek-connect login&quot;.</source>
        <extracomment>%1 says why the keychain could not save it, e.g. &quot;the keyring is locked&quot;.</extracomment>
        <translation>Het token is vernieuwd, maar de vernieuwde sessie kon niet in de sleutelbos worden bewaard (%1). Het vernieuwingstoken dat ze verving is verbruikt, dus de bewaarde sessie kan niet meer worden vernieuwd: ontgrendel of start de sleutelbos en meld u daarna opnieuw aan met &quot;webinargeek-connect login&quot;.</translation>
    </message>
    <message>
        <source>The server answered with a redirect to another address. Requests that carry tokens or the client secret never follow a redirect, so nothing was sent there.</source>
        <extracomment>The description that follows names the other address.</extracomment>
        <translation>De server antwoordde met een doorverwijzing naar een ander adres. Verzoeken met tokens of het clientgeheim volgen nooit een doorverwijzing, dus daarheen is niets gestuurd.</translation>
    </message>
</context>
<context>
    <name>AuthorizationFlow</name>
    <message>
        <source>Not a sign-in request</source>
        <translation>Geen inlogverzoek</translation>
    </message>
    <message>
        <source>WebinarGeek Connect only expects the browser here.</source>
        <translation>WebinarGeek Connect verwacht hier alleen de browser.</translation>
    </message>
    <message>
        <source>Page not found</source>
        <translation>Pagina niet gevonden</translation>
    </message>
    <message>
        <source>This address is not part of signing in to WebinarGeek Connect.</source>
        <translation>Dit adres hoort niet bij het inloggen bij WebinarGeek Connect.</translation>
    </message>
    <message>
        <source>This sign-in is already complete</source>
        <translation>Dit inloggen is al voltooid</translation>
    </message>
    <message>
        <source>The browser came back a second time. Nothing was changed.</source>
        <translation>De browser kwam een tweede keer terug. Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>This link does not belong to the sign-in in progress</source>
        <translation>Deze link hoort niet bij het lopende inloggen</translation>
    </message>
    <message>
        <source>Start signing in again from WebinarGeek Connect.</source>
        <translation>Begin opnieuw met inloggen vanuit WebinarGeek Connect.</translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation>Je bent ingelogd</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>Inloggen niet voltooid</translation>
    </message>
    <message>
        <source>Port %1 is already in use by another program.</source>
        <translation>Poort %1 is al in gebruik door een ander programma.</translation>
    </message>
    <message>
        <source>Port %1: %2</source>
        <translation>Poort %1: %2</translation>
    </message>
</context>
<context>
    <name>AutostartEntry</name>
    <message>
        <source>The autostart entry %1 cannot be removed.</source>
        <translation>Het autostart-item %1 kan niet worden verwijderd.</translation>
    </message>
    <message>
        <source>The folder for the autostart entry %1 cannot be created.</source>
        <translation>De map voor het autostart-item %1 kan niet worden aangemaakt.</translation>
    </message>
    <message>
        <source>The autostart entry %1 cannot be written: %2</source>
        <translation>Het autostart-item %1 kan niet worden geschreven: %2</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Authorization endpoint (WEBINARGEEK_AUTHORIZE_URL).</source>
        <translation>Autorisatie-endpoint (WEBINARGEEK_AUTHORIZE_URL).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Token endpoint (WEBINARGEEK_TOKEN_URL).</source>
        <translation>Token-endpoint (WEBINARGEEK_TOKEN_URL).</translation>
    </message>
    <message>
        <source>Revocation endpoint (WEBINARGEEK_REVOKE_URL).</source>
        <translation>Intrekkings-endpoint (WEBINARGEEK_REVOKE_URL).</translation>
    </message>
    <message>
        <source>API base address (WEBINARGEEK_API_URL).</source>
        <translation>Basisadres van de API (WEBINARGEEK_API_URL).</translation>
    </message>
    <message>
        <source>OAuth client id (WEBINARGEEK_CLIENT_ID). The client secret is read only from WEBINARGEEK_CLIENT_SECRET.</source>
        <translation>OAuth-client-ID (WEBINARGEEK_CLIENT_ID). Het clientgeheim wordt alleen uit WEBINARGEEK_CLIENT_SECRET gelezen.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Scope to ask for (WEBINARGEEK_SCOPE); none by default.</source>
        <translation>Aan te vragen scope (WEBINARGEEK_SCOPE); standaard geen.</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>scope</translation>
    </message>
    <message>
        <source>login: connect with a personal API key, read from stdin (never an argument).</source>
        <translation>login: verbinden met een persoonlijke API-sleutel, gelezen van stdin (nooit als argument).</translation>
    </message>
    <message>
        <source>login: give up after this many seconds (default 300).</source>
        <translation>login: stoppen na dit aantal seconden (standaard 300).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>seconden</translation>
    </message>
    <message>
        <source>status: print JSON on stdout.</source>
        <translation>status: JSON tonen op stdout.</translation>
    </message>
    <message>
        <source>Without a command: start hidden in the system tray.</source>
        <translation>Zonder opdracht: verborgen starten in het systeemvak.</translation>
    </message>
    <message>
        <source>Too many arguments: give one command (secrets such as an API key are read from stdin).</source>
        <translation>Te veel argumenten: geef één opdracht (geheimen zoals een API-sleutel worden van stdin gelezen).</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: %2.</source>
        <translation>Onbekende opdracht &quot;%1&quot;. Opdrachten: %2.</translation>
    </message>
    <message>
        <source>--no-browser goes with login.</source>
        <translation>--no-browser hoort bij login.</translation>
    </message>
    <message>
        <source>--api-key goes with login.</source>
        <translation>--api-key hoort bij login.</translation>
    </message>
    <message>
        <source>--api-key and --no-browser do not go together: an API key needs no browser.</source>
        <translation>--api-key en --no-browser gaan niet samen: een API-sleutel heeft geen browser nodig.</translation>
    </message>
    <message>
        <source>--background goes with the window, not with a command.</source>
        <translation>--background hoort bij het venster, niet bij een opdracht.</translation>
    </message>
    <message>
        <source>--json goes with status.</source>
        <translation>--json hoort bij status.</translation>
    </message>
    <message>
        <source>--timeout goes with login.</source>
        <translation>--timeout hoort bij login.</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds from 1 to 86400.</source>
        <translation>--timeout verwacht een aantal seconden van 1 tot 86400.</translation>
    </message>
    <message>
        <source>Run with --help to see the commands.</source>
        <translation>Gebruik --help om de opdrachten te zien.</translation>
    </message>
    <message>
        <source>Authorization server whose metadata names the endpoints not set one by one (WEBINARGEEK_ISSUER).</source>
        <translation>Autorisatieserver waarvan de metadata de endpoints noemt die niet los zijn ingesteld (WEBINARGEEK_ISSUER).</translation>
    </message>
    <message>
        <source>login: print the sign-in address instead of opening a browser; on a terminal, then also take the address the browser ends on, pasted.</source>
        <translation>login: het inlogadres tonen in plaats van een browser te openen; op een terminal ook het adres aannemen waarop de browser eindigt, geplakt.</translation>
    </message>
    <message>
        <source>login: let the browser return to this port on 127.0.0.1 (for ssh -L); a free port by default.</source>
        <translation>login: laat de browser terugkeren naar deze poort op 127.0.0.1 (voor ssh -L); standaard een vrije poort.</translation>
    </message>
    <message>
        <source>port</source>
        <translation>poort</translation>
    </message>
    <message>
        <source>--port goes with login in the browser (not with --api-key, nor the window).</source>
        <translation>--port hoort bij login in de browser (niet bij --api-key, en niet bij het venster).</translation>
    </message>
    <message>
        <source>--port takes a port number from 1 to 65535.</source>
        <translation>--port verwacht een poortnummer van 1 tot en met 65535.</translation>
    </message>
    <message>
        <source>api: the HTTP method (default GET, or POST with fields or --input).</source>
        <translation>api: de HTTP-methode (standaard GET, of POST met velden of --input).</translation>
    </message>
    <message>
        <source>method</source>
        <translation>methode</translation>
    </message>
    <message>
        <source>api: a string parameter; in the query for GET, in the JSON body otherwise.</source>
        <translation>api: een tekstparameter; in de query bij GET, anders in de JSON-body.</translation>
    </message>
    <message>
        <source>key=value</source>
        <translation>sleutel=waarde</translation>
    </message>
    <message>
        <source>api: a typed parameter: true, false, null and numbers as JSON, @file for a file&apos;s content (@- for stdin).</source>
        <translation>api: een getypeerde parameter: true, false, null en getallen als JSON, @bestand voor de inhoud van een bestand (@- voor stdin).</translation>
    </message>
    <message>
        <source>api: an extra request header.</source>
        <translation>api: een extra header voor het verzoek.</translation>
    </message>
    <message>
        <source>Name: value</source>
        <translation>Naam: waarde</translation>
    </message>
    <message>
        <source>api: the request body, from a file or - for stdin.</source>
        <translation>api: de body van het verzoek, uit een bestand of - voor stdin.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>bestand</translation>
    </message>
    <message>
        <source>api: print the status line and headers on stderr.</source>
        <translation>api: de statusregel en de headers op stderr tonen.</translation>
    </message>
    <message>
        <source>api: do not print the answer&apos;s body.</source>
        <translation>api: de body van het antwoord niet tonen.</translation>
    </message>
    <message>
        <source>api: also print the request line and its headers on stderr (the credential hidden); implies --include.</source>
        <translation>api: ook de verzoekregel en de headers ervan op stderr tonen (de inloggegevens verborgen); omvat --include.</translation>
    </message>
    <message>
        <source>api: wait at most this many seconds in all when the API asks to (429 or 503 with Retry-After; default 60).</source>
        <translation>api: in totaal hoogstens zoveel seconden wachten als de API daarom vraagt (429 of 503 met Retry-After; standaard 60).</translation>
    </message>
    <message>
        <source>--%1 goes with api.</source>
        <translation>--%1 hoort bij api.</translation>
    </message>
    <message>
        <source>api needs a PATH, such as &quot;account&quot;.</source>
        <translation>api heeft een PATH nodig, bijvoorbeeld &quot;account&quot;.</translation>
    </message>
    <message>
        <source>Too many arguments: api takes one PATH (quote it if it has spaces).</source>
        <translation>Te veel argumenten: api neemt één PATH (zet het tussen aanhalingstekens als er spaties in staan).</translation>
    </message>
    <message>
        <source>--%1 does not go with api.</source>
        <translation>--%1 hoort niet bij api.</translation>
    </message>
    <message>
        <source>--max-wait takes a number of seconds from 0 to 3600.</source>
        <translation>--max-wait verwacht een aantal seconden van 0 tot 3600.</translation>
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
        <translation>Verbindt je WebinarGeek-account en houdt het verbonden.

Zonder opdracht wordt het venster geopend. Opdrachten:
  login     Inloggen via de browser; het account wordt toegevoegd en wordt het
            actieve account.
  status    Tonen of je bent ingelogd (uit de sleutelbos; geen netwerk).
  token     Een geldig toegangstoken tonen; een verlopen token wordt eerst vernieuwd.
  logout    De tokens van het actieve account intrekken en het account verwijderen.
  api PATH  Een verzoek naar de WebinarGeek-API sturen met de opgeslagen inloggegevens
            en het antwoord tonen (PATH is relatief aan het API-adres).
  switch [ACCOUNT]
            Een ander ingelogd account het actieve maken; zonder ACCOUNT kies je
            uit een lijst.</translation>
    </message>
    <message>
        <source>login, status, token, logout, api or switch.</source>
        <translation>login, status, token, logout, api of switch.</translation>
    </message>
    <message>
        <source>status, token, api, logout: use this account instead of the active one, named by its email (a prefix of it that fits one account is enough).</source>
        <translation>status, token, api, logout: dit account gebruiken in plaats van het actieve, aangeduid met zijn e-mailadres (een begin ervan dat bij één account past is genoeg).</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-mailadres</translation>
    </message>
    <message>
        <source>logout: sign out of every account.</source>
        <translation>logout: uitloggen bij alle accounts.</translation>
    </message>
    <message>
        <source>--account does not go with switch: name the account after it (switch ACCOUNT).</source>
        <translation>--account hoort niet bij switch: noem het account erna (switch ACCOUNT).</translation>
    </message>
    <message>
        <source>--account goes with status, token, api and logout.</source>
        <translation>--account hoort bij status, token, api en logout.</translation>
    </message>
    <message>
        <source>--account needs an account&apos;s email, or the start of it.</source>
        <translation>--account heeft het e-mailadres van een account nodig, of het begin ervan.</translation>
    </message>
    <message>
        <source>--all goes with logout.</source>
        <translation>--all hoort bij logout.</translation>
    </message>
    <message>
        <source>--all and --account do not go together: --all signs out of every account.</source>
        <translation>--all en --account gaan niet samen: --all logt uit bij alle accounts.</translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <source>API key (input hidden): </source>
        <translation>API-sleutel (invoer verborgen): </translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>fout: %1</translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in (times out in %1):</source>
        <translation>Open dit adres in een browser om in te loggen (verloopt over %1):</translation>
    </message>
    <message>
        <source>Your browser has been opened to sign in. If it did not open, visit:</source>
        <translation>Je browser is geopend om in te loggen. Is hij niet geopend, ga dan naar:</translation>
    </message>
    <message>
        <source>Could not open a browser. Open this address yourself to sign in:</source>
        <translation>Kan geen browser openen. Open dit adres zelf om in te loggen:</translation>
    </message>
    <message>
        <source>Waiting for the browser (times out in %1)…</source>
        <translation>Wachten op de browser (verloopt over %1)…</translation>
    </message>
    <message>
        <source>Not signed in. Run &quot;webinargeek-connect login&quot; to sign in.</source>
        <translation>Niet ingelogd. Voer &quot;webinargeek-connect login&quot; uit om in te loggen.</translation>
    </message>
    <message>
        <source>Sign in again with &quot;webinargeek-connect login&quot;.</source>
        <translation>Log opnieuw in met &quot;webinargeek-connect login&quot;.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>waarschuwing: %1</translation>
    </message>
    <message>
        <source>Signed out; nothing is stored any more.</source>
        <translation>Uitgelogd; er is niets meer opgeslagen.</translation>
    </message>
    <message>
        <source>If the browser runs on another computer, it ends on a page that cannot connect to %1. Copy that page&apos;s whole address from the browser&apos;s address bar, paste it here and press Enter:</source>
        <translation>Draait de browser op een andere computer, dan eindigt hij op een pagina die geen verbinding kan maken met %1. Kopieer het hele adres van die pagina uit de adresbalk van de browser, plak het hier en druk op Enter:</translation>
    </message>
    <message>
        <source>The browser came back to this computer; no address needs to be pasted.</source>
        <translation>De browser is teruggekeerd naar deze computer; je hoeft geen adres te plakken.</translation>
    </message>
    <message>
        <source>Address received; finishing sign-in…</source>
        <translation>Adres ontvangen; inloggen wordt afgerond…</translation>
    </message>
    <message>
        <source>Paste the address again, or wait for the browser:</source>
        <translation>Plak het adres opnieuw, of wacht op de browser:</translation>
    </message>
    <message>
        <source>That is not a web address. Copy the whole address from the browser&apos;s address bar; it starts with %1</source>
        <translation>Dat is geen webadres. Kopieer het hele adres uit de adresbalk van de browser; het begint met %1</translation>
    </message>
    <message>
        <source>That address does not lead to this sign-in, which waits at %1</source>
        <translation>Dat adres leidt niet naar deze inlogpoging, die wacht op %1</translation>
    </message>
    <message>
        <source>That address has another path than this sign-in&apos;s address, %1</source>
        <translation>Dat adres heeft een ander pad dan het adres van deze inlogpoging, %1</translation>
    </message>
    <message>
        <source>That address belongs to another sign-in: its state does not match this one. Open the address printed above, and paste the address the browser ends on then.</source>
        <translation>Dat adres hoort bij een andere inlogpoging: de state komt niet overeen met deze. Open het adres hierboven en plak het adres waarop de browser dan eindigt.</translation>
    </message>
    <message>
        <source>This sign-in no longer waits for an address.</source>
        <translation>Deze inlogpoging wacht niet meer op een adres.</translation>
    </message>
    <message>
        <source>The API is busy (HTTP %1): trying again in %2 s, as it asks.</source>
        <translation>De API is bezet (HTTP %1): over %2 s opnieuw, zoals ze vraagt.</translation>
    </message>
    <message>
        <source>--input - and -F %1=@- both read stdin, which can be read once; give one a file.</source>
        <translation>--input - en -F %1=@- lezen allebei stdin, dat maar één keer gelezen kan worden; geef een van beide een bestand.</translation>
    </message>
    <message>
        <source>It is the active account now. Still signed in: %1.</source>
        <translation>Het is nu het actieve account. Nog steeds ingelogd: %1.</translation>
    </message>
    <message>
        <source>%1 could not be signed out of: %2</source>
        <translation>Uitloggen bij %1 is niet gelukt: %2</translation>
    </message>
    <message>
        <source>Signed out of %1; nothing of it is stored any more.</source>
        <translation>Uitgelogd bij %1; er is daarvan niets meer opgeslagen.</translation>
    </message>
    <message>
        <source>The active account is now %1.</source>
        <translation>Het actieve account is nu %1.</translation>
    </message>
    <message>
        <source>There is no list of accounts to switch in.</source>
        <translation>Er is geen lijst met accounts om in te wisselen.</translation>
    </message>
    <message>
        <source>No account is signed in. Run &quot;webinargeek-connect login&quot; to sign in.</source>
        <translation>Er is geen account ingelogd. Voer &quot;webinargeek-connect login&quot; uit om in te loggen.</translation>
    </message>
    <message>
        <source>Only one account is signed in, %1, and it is the active one. Sign in to another with &quot;webinargeek-connect login&quot;.</source>
        <translation>Er is maar één account ingelogd, %1, en dat is het actieve. Log in bij een ander met &quot;webinargeek-connect login&quot;.</translation>
    </message>
    <message>
        <source>Name the account to switch to, as in &quot;webinargeek-connect switch EMAIL&quot; (there is no terminal to ask on). The accounts are: %1.</source>
        <translation>Noem het account waarnaar je wilt wisselen, zoals in &quot;webinargeek-connect switch EMAIL&quot; (er is geen terminal om het te vragen). De accounts zijn: %1.</translation>
    </message>
    <message>
        <source>Signed-in accounts:</source>
        <translation>Ingelogde accounts:</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1 (actief)</translation>
    </message>
    <message>
        <source>Type the number of the account to make active and press Enter (Ctrl+D leaves it as it is):</source>
        <translation>Typ het nummer van het account dat actief moet worden en druk op Enter (Ctrl+D laat het zoals het is):</translation>
    </message>
    <message>
        <source>Nothing chosen; the active account stays as it was.</source>
        <translation>Niets gekozen; het actieve account blijft zoals het was.</translation>
    </message>
    <message>
        <source>Type a number from 1 to %1, or Ctrl+D to leave the active account as it is.</source>
        <translation>Typ een nummer van 1 tot en met %1, of Ctrl+D om het actieve account te laten zoals het is.</translation>
    </message>
    <message>
        <source>The account could not be added to the list of accounts: %1</source>
        <translation>Het account kon niet aan de lijst met accounts worden toegevoegd: %1</translation>
    </message>
    <message>
        <source>It was signed out again; sign in once the list can be written.</source>
        <translation>Het is weer afgemeld; meld u aan zodra de lijst kan worden geschreven.</translation>
    </message>
</context>
<context>
    <name>Configuration</name>
    <message>
        <source>No client id is configured. Set WEBINARGEEK_CLIENT_ID, pass --client-id, or add client_id to the settings file (%1).</source>
        <translation>Er is geen client-ID ingesteld. Stel WEBINARGEEK_CLIENT_ID in, geef --client-id mee of zet client_id in het instellingenbestand (%1).</translation>
    </message>
    <message>
        <source>The authorization URL is not set.</source>
        <translation>De autorisatie-URL is niet ingesteld.</translation>
    </message>
    <message>
        <source>The authorization URL &quot;%1&quot; is not a valid web address.</source>
        <translation>De autorisatie-URL &quot;%1&quot; is geen geldig webadres.</translation>
    </message>
    <message>
        <source>The authorization URL &quot;%1&quot; does not use https. Only addresses on this computer (127.0.0.1, ::1) may use plain http.</source>
        <translation>De autorisatie-URL &quot;%1&quot; gebruikt geen https. Alleen adressen op deze computer (127.0.0.1, ::1) mogen gewoon http gebruiken.</translation>
    </message>
    <message>
        <source>The token URL is not set.</source>
        <translation>De token-URL is niet ingesteld.</translation>
    </message>
    <message>
        <source>The token URL &quot;%1&quot; is not a valid web address.</source>
        <translation>De token-URL &quot;%1&quot; is geen geldig webadres.</translation>
    </message>
    <message>
        <source>The token URL &quot;%1&quot; does not use https. Only addresses on this computer (127.0.0.1, ::1) may use plain http.</source>
        <translation>De token-URL &quot;%1&quot; gebruikt geen https. Alleen adressen op deze computer (127.0.0.1, ::1) mogen gewoon http gebruiken.</translation>
    </message>
    <message>
        <source>The revocation URL &quot;%1&quot; is not a valid web address.</source>
        <translation>De intrekkings-URL &quot;%1&quot; is geen geldig webadres.</translation>
    </message>
    <message>
        <source>The revocation URL &quot;%1&quot; does not use https. Only addresses on this computer (127.0.0.1, ::1) may use plain http.</source>
        <translation>De intrekkings-URL &quot;%1&quot; gebruikt geen https. Alleen adressen op deze computer (127.0.0.1, ::1) mogen gewoon http gebruiken.</translation>
    </message>
    <message>
        <source>The API URL is not set.</source>
        <translation>De API-URL is niet ingesteld.</translation>
    </message>
    <message>
        <source>The API URL &quot;%1&quot; is not a valid web address.</source>
        <translation>De API-URL &quot;%1&quot; is geen geldig webadres.</translation>
    </message>
    <message>
        <source>The API URL &quot;%1&quot; does not use https. Only addresses on this computer (127.0.0.1, ::1) may use plain http.</source>
        <translation>De API-URL &quot;%1&quot; gebruikt geen https. Alleen adressen op deze computer (127.0.0.1, ::1) mogen gewoon http gebruiken.</translation>
    </message>
    <message>
        <source>The authorization URL &quot;%1&quot; contains a user name or password. Leave them out: the app never sends credentials in an address.</source>
        <translation>De autorisatie-URL &quot;%1&quot; bevat een gebruikersnaam of wachtwoord. Laat die weg: de app stuurt nooit inloggegevens in een adres mee.</translation>
    </message>
    <message>
        <source>The token URL &quot;%1&quot; contains a user name or password. Leave them out: the app never sends credentials in an address.</source>
        <translation>De token-URL &quot;%1&quot; bevat een gebruikersnaam of wachtwoord. Laat die weg: de app stuurt nooit inloggegevens in een adres mee.</translation>
    </message>
    <message>
        <source>The revocation URL &quot;%1&quot; contains a user name or password. Leave them out: the app never sends credentials in an address.</source>
        <translation>De intrekkings-URL &quot;%1&quot; bevat een gebruikersnaam of wachtwoord. Laat die weg: de app stuurt nooit inloggegevens in een adres mee.</translation>
    </message>
    <message>
        <source>The API URL &quot;%1&quot; contains a user name or password. Leave them out: the app never sends credentials in an address.</source>
        <translation>De API-URL &quot;%1&quot; bevat een gebruikersnaam of wachtwoord. Laat die weg: de app stuurt nooit inloggegevens in een adres mee.</translation>
    </message>
    <message>
        <source>The issuer URL &quot;%1&quot; is not a valid web address.</source>
        <translation>De issuer-URL &quot;%1&quot; is geen geldig webadres.</translation>
    </message>
    <message>
        <source>The issuer URL &quot;%1&quot; does not use https. Only addresses on this computer (127.0.0.1, ::1) may use plain http.</source>
        <translation>De issuer-URL &quot;%1&quot; gebruikt geen https. Alleen adressen op deze computer (127.0.0.1, ::1) mogen gewoon http gebruiken.</translation>
    </message>
    <message>
        <source>The issuer URL &quot;%1&quot; contains a user name or password. Leave them out: the app never sends credentials in an address.</source>
        <translation>De issuer-URL &quot;%1&quot; bevat een gebruikersnaam of wachtwoord. Laat die weg: de app stuurt nooit inloggegevens in een adres mee.</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>Could not make the lock file %1.</source>
        <translation>Het vergrendelbestand %1 kon niet worden gemaakt.</translation>
    </message>
</context>
<context>
    <name>IssuerDiscovery</name>
    <message>
        <source>The server&apos;s metadata at %1 is too large to be metadata.</source>
        <translation>De metadata van de server op %1 is te groot om metadata te zijn.</translation>
    </message>
    <message>
        <source>The issuer&apos;s metadata could not be read from %1: %2</source>
        <translation>De metadata van de issuer konden niet worden gelezen van %1: %2</translation>
    </message>
    <message>
        <source>The server has no metadata for this issuer: %1 and %2 answered 404 Not Found. Check the issuer URL.</source>
        <translation>De server heeft geen metadata voor deze issuer: %1 en %2 antwoordden 404 Not Found. Controleer de issuer-URL.</translation>
    </message>
    <message>
        <source>The server sent the request for its metadata at %1 on to another address (HTTP %2), so it was not followed.</source>
        <translation>De server stuurde het verzoek om zijn metadata op %1 door naar een ander adres (HTTP %2); dat is niet gevolgd.</translation>
    </message>
    <message>
        <source>The issuer&apos;s metadata could not be read from %1: the server answered HTTP %2.</source>
        <translation>De metadata van de issuer konden niet worden gelezen van %1: de server antwoordde HTTP %2.</translation>
    </message>
</context>
<context>
    <name>IssuerMetadata</name>
    <message>
        <source>The server&apos;s metadata at %1 is not a JSON object. Check the issuer URL.</source>
        <translation>De metadata van de server op %1 zijn geen JSON-object. Controleer de issuer-URL.</translation>
    </message>
    <message>
        <source>The server&apos;s metadata at %1 names the issuer &quot;%2&quot;, not &quot;%3&quot; as configured. The issuer URL must match the server&apos;s exactly.</source>
        <translation>De metadata van de server op %1 noemen de issuer &quot;%2&quot;, niet &quot;%3&quot; zoals ingesteld. De issuer-URL moet precies overeenkomen met die van de server.</translation>
    </message>
    <message>
        <source>The server at %1 does not offer PKCE (its metadata lists no code_challenge_methods_supported). The app signs in only with PKCE&apos;s S256 method.</source>
        <translation>De server op %1 biedt geen PKCE aan (zijn metadata noemen geen code_challenge_methods_supported). De app logt alleen in met de S256-methode van PKCE.</translation>
    </message>
    <message>
        <source>The server at %1 does not offer PKCE&apos;s S256 method (it offers %2). The app signs in only with S256.</source>
        <translation>De server op %1 biedt de S256-methode van PKCE niet aan (wel %2). De app logt alleen in met S256.</translation>
    </message>
    <message>
        <source>The server&apos;s metadata at %1 names no %2.</source>
        <extracomment>%2 is a field name such as token_endpoint.</extracomment>
        <translation>De metadata van de server op %1 noemen geen %2.</translation>
    </message>
    <message>
        <source>The server&apos;s metadata at %1 names an endpoint the app does not use: %2</source>
        <extracomment>%1 is an address; %2 a whole sentence saying what is wrong with an endpoint it names.</extracomment>
        <translation>De metadata van de server op %1 noemen een endpoint dat de app niet gebruikt: %2</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>the Secret Service stopped before it answered</source>
        <translation>de Secret Service is gestopt voordat hij antwoord gaf</translation>
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
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Inloggen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>Signs in to WebinarGeek in your browser</source>
        <translation>Logt in bij WebinarGeek in je browser</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Nu vernieuwen</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Nu vernieuwen</translation>
    </message>
    <message>
        <source>Renews the access token now</source>
        <translation>Vernieuwt het toegangstoken nu</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Uitloggen</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Uitloggen</translation>
    </message>
    <message>
        <source>Disconnects this computer and removes the stored secrets</source>
        <translation>Verbreekt de verbinding van deze computer en verwijdert de opgeslagen geheimen</translation>
    </message>
    <message>
        <source>Use an API &amp;key…</source>
        <translation>API-&amp;sleutel gebruiken…</translation>
    </message>
    <message>
        <source>Use an API key</source>
        <translation>API-sleutel gebruiken</translation>
    </message>
    <message>
        <source>Connects with a personal API key instead of signing in</source>
        <translation>Verbindt met een persoonlijke API-sleutel in plaats van in te loggen</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>Ins&amp;tellingen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Opens the settings</source>
        <translation>Opent de instellingen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>The sign-in link is on the clipboard. Paste it into your browser&apos;s address bar.</source>
        <translation>De inloglink staat op het klembord. Plak hem in de adresbalk van je browser.</translation>
    </message>
    <message>
        <source>Signed out. Nothing of the session is stored any more.</source>
        <translation>Uitgelogd. Er is niets meer van de sessie opgeslagen.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Het inloggen is geannuleerd.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Account verwijderen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message>
        <source>Connected again</source>
        <translation>Weer verbonden</translation>
    </message>
    <message>
        <source>WebinarGeek Connect reached the server again and renewed your session.</source>
        <translation>WebinarGeek Connect heeft de server weer bereikt en je sessie vernieuwd.</translation>
    </message>
    <message>
        <source>API key rejected</source>
        <translation>API-sleutel geweigerd</translation>
    </message>
    <message>
        <source>WebinarGeek did not accept the API key. Open WebinarGeek Connect to connect again.</source>
        <translation>WebinarGeek heeft de API-sleutel niet geaccepteerd. Open WebinarGeek Connect om opnieuw verbinding te maken.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Log opnieuw in</translation>
    </message>
    <message>
        <source>Your WebinarGeek session has ended and could not be renewed. Open WebinarGeek Connect and sign in again.</source>
        <translation>Je WebinarGeek-sessie is beëindigd en kon niet worden vernieuwd. Open WebinarGeek Connect en log opnieuw in.</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Sleutelbos niet beschikbaar</translation>
    </message>
    <message>
        <source>WebinarGeek Connect cannot read the system keychain, so it cannot keep you signed in. Unlock the keychain; the app tries again by itself.</source>
        <translation>WebinarGeek Connect kan de sleutelbos van het systeem niet lezen en kan je dus niet ingelogd houden. Ontgrendel de sleutelbos; de app probeert het zelf opnieuw.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Uitgelogd</translation>
    </message>
    <message>
        <source>Your WebinarGeek session was removed outside this window. Sign in again to reconnect.</source>
        <translation>Je WebinarGeek-sessie is buiten dit venster verwijderd. Log opnieuw in om weer verbinding te maken.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>The account in a notification: email (company).</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>WebinarGeek Connect reached the server again and renewed the session of %1.</source>
        <translation>WebinarGeek Connect heeft de server weer bereikt en de sessie van %1 vernieuwd.</translation>
    </message>
    <message>
        <source>WebinarGeek did not accept the API key of %1. Open WebinarGeek Connect to connect again.</source>
        <translation>WebinarGeek heeft de API-sleutel van %1 niet geaccepteerd. Open WebinarGeek Connect om opnieuw verbinding te maken.</translation>
    </message>
    <message>
        <source>The session of %1 has ended and could not be renewed. Sign in again to reconnect.</source>
        <translation>De sessie van %1 is beëindigd en kon niet worden vernieuwd. Log opnieuw in om weer verbinding te maken.</translation>
    </message>
    <message>
        <source>The session of %1 was removed outside this window. Sign in again to reconnect.</source>
        <translation>De sessie van %1 is buiten dit venster verwijderd. Log opnieuw in om weer verbinding te maken.</translation>
    </message>
</context>
<context>
    <name>OAuthReplyHandler</name>
    <message>
        <source>The answer is larger than 1 MiB.</source>
        <translation>Het antwoord is groter dan 1 MiB.</translation>
    </message>
    <message>
        <source>The answer named no address.</source>
        <translation>Het antwoord noemde geen adres.</translation>
    </message>
    <message>
        <source>It pointed to %1.</source>
        <translation>Het verwees naar %1.</translation>
    </message>
    <message>
        <source>The connection closed before the server answered; the request was not sent again.</source>
        <translation>De verbinding werd gesloten voordat de server antwoordde; het verzoek is niet opnieuw verstuurd.</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Set by %1 on the command line</source>
        <extracomment>%1 is a command-line option such as --token-url.</extracomment>
        <translation>Ingesteld met %1 op de opdrachtregel</translation>
    </message>
    <message>
        <source>Set by %1 in the environment</source>
        <extracomment>%1 is an environment variable such as WEBINARGEEK_TOKEN_URL.</extracomment>
        <translation>Ingesteld met %1 in de omgeving</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>Het instellingenbestand %1 kan niet worden geschreven.</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged and cannot be read.</source>
        <translation>Het instellingenbestand %1 is beschadigd en kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>The client secret could not be read from the keychain: %1</source>
        <translation>Het clientgeheim kon niet uit de sleutelbos worden gelezen: %1</translation>
    </message>
</context>
<context>
    <name>RedirectPage</name>
    <message>
        <source>en</source>
        <extracomment>The code of the language this is translated into (&quot;nl&quot;, &quot;de&quot;): the browser page&apos;s lang attribute.</extracomment>
        <translation>nl</translation>
    </message>
    <message>
        <source>You can close this tab and return to WebinarGeek Connect.</source>
        <translation>Je kunt dit tabblad sluiten en teruggaan naar WebinarGeek Connect.</translation>
    </message>
</context>
<context>
    <name>RefreshLock</name>
    <message>
        <source>%1 cannot be created: %2</source>
        <translation>%1 kan niet worden aangemaakt: %2</translation>
    </message>
    <message>
        <source>%1 is a symbolic link, not a directory</source>
        <translation>%1 is een symbolische koppeling, geen map</translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 is geen map</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 kan niet worden geopend: %2</translation>
    </message>
    <message>
        <source>%1 cannot be examined: %2</source>
        <translation>%1 kan niet worden onderzocht: %2</translation>
    </message>
    <message>
        <source>%1 belongs to another user (uid %2)</source>
        <translation>%1 is van een andere gebruiker (uid %2)</translation>
    </message>
    <message>
        <source>%1 is open to other users (mode %2); it must be private to you (mode 0700)</source>
        <extracomment>%2 is a Unix file mode in octal, such as 0777.</extracomment>
        <translation>%1 is toegankelijk voor andere gebruikers (modus %2); het moet alleen van u zijn (modus 0700)</translation>
    </message>
    <message>
        <source>%1 cannot be created</source>
        <translation>%1 kan niet worden aangemaakt</translation>
    </message>
    <message>
        <source>the lock file %1 cannot be created: permission denied</source>
        <translation>het vergrendelingsbestand %1 kan niet worden aangemaakt: toegang geweigerd</translation>
    </message>
    <message>
        <source>the lock file %1 cannot be created</source>
        <translation>het vergrendelingsbestand %1 kan niet worden aangemaakt</translation>
    </message>
    <message>
        <source>another WebinarGeek Connect process (process id %1) has held the refresh lock for more than %2 seconds</source>
        <extracomment>%1 is a process id, %2 a number of seconds.</extracomment>
        <translation>een ander WebinarGeek Connect-proces (proces-id %1) houdt de vernieuwingsvergrendeling al meer dan %2 seconden vast</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>none is stored for this client; enter it again in the settings</source>
        <translation>voor deze client is er geen opgeslagen; vul het opnieuw in bij de instellingen</translation>
    </message>
    <message>
        <source>the client secret could not be read from the keychain (%1)</source>
        <translation>het clientgeheim kon niet uit de sleutelbos worden gelezen (%1)</translation>
    </message>
    <message>
        <source>The connection settings are being switched; try again in a moment.</source>
        <translation>De verbindingsinstellingen worden gewijzigd; probeer het zo opnieuw.</translation>
    </message>
    <message>
        <source>No API key was given.</source>
        <translation>Er is geen API-sleutel opgegeven.</translation>
    </message>
    <message>
        <source>The tokens were not revoked: %1</source>
        <translation>De tokens zijn niet ingetrokken: %1</translation>
    </message>
    <message>
        <source>The server did not confirm the revocation: %1</source>
        <translation>De server heeft het intrekken niet bevestigd: %1</translation>
    </message>
    <message>
        <source>No refresh token is stored, so the session cannot be renewed.</source>
        <translation>Er is geen vernieuwingstoken bewaard, dus de sessie kan niet worden vernieuwd.</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Uitgelogd</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Bezig met inloggen</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbonden</translation>
    </message>
    <message>
        <source>Refreshing</source>
        <translation>Wordt vernieuwd</translation>
    </message>
    <message>
        <source>Offline, retrying</source>
        <translation>Offline, nieuwe poging</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Inloggen nodig</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Sleutelbos niet beschikbaar</translation>
    </message>
</context>
<context>
    <name>SettingsChange</name>
    <message>
        <source>The client secret could not be saved in the keychain: %1</source>
        <translation>Het clientgeheim kon niet in de sleutelbos worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>The client secret could not be moved to the new client in the keychain: %1</source>
        <translation>Het clientgeheim kon in de sleutelbos niet naar de nieuwe client worden verplaatst: %1</translation>
    </message>
    <message>
        <source>The settings were saved. %1 The client secret is read again before it is needed.</source>
        <extracomment>%1 says why the client secret could not be read from the keychain (a whole sentence).</extracomment>
        <translation>De instellingen zijn opgeslagen. %1 Het clientgeheim wordt opnieuw gelezen voordat het nodig is.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Instellingenpagina&apos;s</translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation>Verbi&amp;nding</translation>
    </message>
    <message>
        <source>Where WebinarGeek Connect signs in, and which client it signs in as. Leave a field empty to use the default shown in it.</source>
        <translation>Waar WebinarGeek Connect inlogt en als welke client. Laat een veld leeg om de standaardwaarde te gebruiken die erin staat.</translation>
    </message>
    <message>
        <source>&amp;Authorization URL:</source>
        <translation>&amp;Autorisatie-URL:</translation>
    </message>
    <message>
        <source>Authorization URL</source>
        <translation>Autorisatie-URL</translation>
    </message>
    <message>
        <source>Where your browser signs in.</source>
        <translation>Waar je browser inlogt.</translation>
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
        <translation>Waar de app tokens inwisselt en vernieuwt.</translation>
    </message>
    <message>
        <source>&amp;Revocation URL:</source>
        <translation>&amp;Intrekkings-URL:</translation>
    </message>
    <message>
        <source>Revocation URL</source>
        <translation>Intrekkings-URL</translation>
    </message>
    <message>
        <source>Where tokens are revoked when you sign out. Leave empty if the server offers none.</source>
        <translation>Waar tokens worden ingetrokken als je uitlogt. Laat leeg als de server er geen biedt.</translation>
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
        <translation>Het adres van de WebinarGeek-API.</translation>
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
        <translation>De OAuth-client waarmee deze app inlogt.</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Clientge&amp;heim:</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Clientgeheim</translation>
    </message>
    <message>
        <source>Only for a confidential client. Stored in the keychain, never in the settings file.</source>
        <translation>Alleen voor een vertrouwelijke client. Opgeslagen in de sleutelbos, nooit in het instellingenbestand.</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Remove the client secret</source>
        <translation>Het clientgeheim verwijderen</translation>
    </message>
    <message>
        <source>Removes the stored client secret from the keychain when you press OK.</source>
        <translation>Verwijdert het opgeslagen clientgeheim uit de sleutelbos als je op OK drukt.</translation>
    </message>
    <message>
        <source>Sc&amp;ope:</source>
        <translation>&amp;Rechten (scope):</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Rechten (scope)</translation>
    </message>
    <message>
        <source>The permissions asked for, separated by spaces. Leave empty to ask for the default.</source>
        <translation>De gevraagde rechten, gescheiden door spaties. Laat leeg om de standaardrechten te vragen.</translation>
    </message>
    <message>
        <source>Problems with these settings</source>
        <translation>Problemen met deze instellingen</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-&amp;sleutel</translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation>API-sl&amp;eutel:</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-sleutel</translation>
    </message>
    <message>
        <source>Your personal WebinarGeek API key. The field is cleared once it is used.</source>
        <translation>Je persoonlijke WebinarGeek-API-sleutel. Het veld wordt na gebruik leeggemaakt.</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect with the API key</source>
        <translation>Verbinden met de API-sleutel</translation>
    </message>
    <message>
        <source>Result of connecting with the API key</source>
        <translation>Resultaat van verbinden met de API-sleutel</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>Al&amp;gemeen</translation>
    </message>
    <message>
        <source>&amp;Start WebinarGeek Connect when I log in</source>
        <translation>WebinarGeek Connect sta&amp;rten als ik inlog</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Starten bij inloggen</translation>
    </message>
    <message>
        <source>Start &amp;hidden in the system tray</source>
        <translation>&amp;Verborgen starten in het systeemvak</translation>
    </message>
    <message>
        <source>Start hidden in the system tray</source>
        <translation>Verborgen starten in het systeemvak</translation>
    </message>
    <message>
        <source>When the app starts, only its tray icon appears; the window opens from the tray.</source>
        <translation>Bij het starten verschijnt alleen het pictogram in het systeemvak; het venster open je vanuit het systeemvak.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>A new language is used the next time WebinarGeek Connect starts.</source>
        <translation>Een nieuwe taal wordt gebruikt zodra WebinarGeek Connect opnieuw start.</translation>
    </message>
    <message>
        <source>Why the settings were not saved</source>
        <translation>Waarom de instellingen niet zijn opgeslagen</translation>
    </message>
    <message>
        <source>System default</source>
        <extracomment>The language setting: use the language the system is set to.</extracomment>
        <translation>Systeemstandaard</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>De instellingen opslaan</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Sluiten zonder opslaan</translation>
    </message>
    <message>
        <source>Needed to sign in through the browser</source>
        <translation>Nodig om in te loggen via de browser</translation>
    </message>
    <message>
        <source>None: tokens are not revoked when you sign out</source>
        <extracomment>The revocation URL is empty: signing out does not revoke tokens at the server.</extracomment>
        <translation>Geen: tokens worden niet ingetrokken bij uitloggen</translation>
    </message>
    <message>
        <source>Set in the environment</source>
        <translation>Ingesteld in de omgeving</translation>
    </message>
    <message>
        <source>The new client secret is stored in the keychain when you press OK.</source>
        <translation>Het nieuwe clientgeheim wordt in de sleutelbos opgeslagen als je op OK drukt.</translation>
    </message>
    <message>
        <source>The client secret is removed from the keychain when you press OK.</source>
        <translation>Het clientgeheim wordt uit de sleutelbos verwijderd als je op OK drukt.</translation>
    </message>
    <message>
        <source>Stored in the keychain</source>
        <translation>Opgeslagen in de sleutelbos</translation>
    </message>
    <message>
        <source>Moves to the new client when you press OK.</source>
        <translation>Gaat mee naar de nieuwe client als je op OK drukt.</translation>
    </message>
    <message>
        <source>A client secret is stored in the keychain.</source>
        <translation>Er is een clientgeheim opgeslagen in de sleutelbos.</translation>
    </message>
    <message>
        <source>None (a public client)</source>
        <extracomment>The client secret field is empty: the client is a public one, which needs no secret.</extracomment>
        <translation>Geen (een openbare client)</translation>
    </message>
    <message>
        <source>The settings were not saved. %1</source>
        <translation>De instellingen zijn niet opgeslagen. %1</translation>
    </message>
    <message>
        <source>A sign-in is already in progress. Finish or cancel it, then connect with the API key.</source>
        <translation>Er loopt al een inlogpoging. Rond die af of annuleer hem en verbind daarna met de API-sleutel.</translation>
    </message>
    <message>
        <source>Checking the API key with WebinarGeek…</source>
        <translation>API-sleutel controleren bij WebinarGeek…</translation>
    </message>
    <message>
        <source>Not connected. %1</source>
        <translation>Niet verbonden. %1</translation>
    </message>
    <message>
        <source>Connected as %1 with the API key.</source>
        <translation>Verbonden als %1 met de API-sleutel.</translation>
    </message>
    <message>
        <source>Paste your personal API key</source>
        <translation>Plak je persoonlijke API-sleutel</translation>
    </message>
    <message>
        <source>None: the server&apos;s default scope</source>
        <extracomment>The scope field is empty: the request names no scope, and the server grants its default.</extracomment>
        <translation>Geen: de standaardscope van de server</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>Iss&amp;uer:</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>The authorization server whose published metadata names the endpoints left empty.</source>
        <translation>De autorisatieserver waarvan de gepubliceerde metadata de lege endpoints noemen.</translation>
    </message>
    <message>
        <source>None: the endpoints below apply</source>
        <extracomment>The issuer field is empty: the endpoints are set one by one, or WebinarGeek&apos;s apply.</extracomment>
        <translation>Geen: de endpoints hieronder gelden</translation>
    </message>
    <message>
        <source>None: the server offers no revocation</source>
        <extracomment>The issuer&apos;s metadata names no revocation endpoint.</extracomment>
        <translation>Geen: de server biedt geen intrekking aan</translation>
    </message>
    <message>
        <source>From the issuer&apos;s metadata</source>
        <extracomment>The endpoint field is empty: the address comes from the issuer&apos;s metadata.</extracomment>
        <translation>Uit de metadata van de issuer</translation>
    </message>
    <message>
        <source>Endpoints read from %1 on %2.</source>
        <extracomment>%1 is an address, %2 a date and time.</extracomment>
        <translation>Endpoints gelezen van %1 op %2.</translation>
    </message>
    <message>
        <source>The endpoints left empty are read from the issuer&apos;s metadata once you press OK.</source>
        <translation>De lege endpoints worden uit de metadata van de issuer gelezen zodra je op OK drukt.</translation>
    </message>
    <message>
        <source>Endpoints read from %1. They are read again as soon as the server answers: one of them failed.</source>
        <translation>Endpoints gelezen van %1. Ze worden opnieuw gelezen zodra de server antwoordt: een ervan werkte niet.</translation>
    </message>
    <message>
        <source>Instead of signing in through your browser, you can connect with a personal API key from your WebinarGeek account. The key is checked with WebinarGeek first, then kept in the keychain as an account beside any others.</source>
        <translation>In plaats van in te loggen via je browser kun je verbinden met een persoonlijke API-sleutel van je WebinarGeek-account. De sleutel wordt eerst bij WebinarGeek gecontroleerd en daarna in de sleutelbos bewaard, als account naast eventuele andere.</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>The settings file %1 is a link to nothing.</source>
        <translation>Het instellingenbestand %1 is een koppeling naar niets.</translation>
    </message>
    <message>
        <source>The settings file %1 is not a regular file.</source>
        <translation>Het instellingenbestand %1 is geen gewoon bestand.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read.</source>
        <translation>Het instellingenbestand %1 kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged and cannot be read.</source>
        <translation>Het instellingenbestand %1 is beschadigd en kan niet worden gelezen.</translation>
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
        <translation>WebinarGeek Connect is verbonden met %1.</translation>
    </message>
    <message>
        <source>%1. The tokens the server issued could not be revoked (no revocation URL is set); they stay valid at the server until they expire.</source>
        <translation>%1. De tokens die de server uitgaf konden niet worden ingetrokken (er is geen intrekkings-URL ingesteld); ze blijven bij de server geldig tot ze verlopen.</translation>
    </message>
    <message>
        <source>%1. The tokens the server issued could not be revoked: %2</source>
        <translation>%1. De tokens die de server uitgaf konden niet worden ingetrokken: %2</translation>
    </message>
    <message>
        <source>%1. The tokens the server issued have been revoked.</source>
        <translation>%1. De tokens die de server uitgaf zijn ingetrokken.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>Sign-in in progress</source>
        <translation>Bezig met inloggen</translation>
    </message>
    <message>
        <source>Waiting for your browser…</source>
        <translation>Wachten op je browser…</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Inlogstatus</translation>
    </message>
    <message>
        <source>Finish signing in to WebinarGeek in your browser. If no browser window opened, open it again or copy the link into a browser yourself.</source>
        <translation>Rond het inloggen bij WebinarGeek af in je browser. Is er geen browservenster geopend, open het dan opnieuw of kopieer de link zelf naar een browser.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Wat je moet doen</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Link:</translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation>Inloglink</translation>
    </message>
    <message>
        <source>The address of the sign-in page, to open in a browser yourself</source>
        <translation>Het adres van de inlogpagina, om zelf in een browser te openen</translation>
    </message>
    <message>
        <source>Cop&amp;y link</source>
        <translation>Link &amp;kopiëren</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopiëren</translation>
    </message>
    <message>
        <source>Puts the sign-in link on the clipboard</source>
        <translation>Zet de inloglink op het klembord</translation>
    </message>
    <message>
        <source>Open &amp;browser again</source>
        <translation>&amp;Browser opnieuw openen</translation>
    </message>
    <message>
        <source>Open browser again</source>
        <translation>Browser opnieuw openen</translation>
    </message>
    <message>
        <source>Opens the sign-in page in your browser once more</source>
        <translation>Opent de inlogpagina nog een keer in je browser</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Resterende tijd:</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Resterende tijd</translation>
    </message>
    <message>
        <source>How long the sign-in waits for the browser</source>
        <translation>Hoelang het inloggen nog op de browser wacht</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuleren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Stops waiting for the browser</source>
        <translation>Stopt met wachten op de browser</translation>
    </message>
    <message>
        <source>Sign-in did not finish</source>
        <translation>Inloggen niet voltooid</translation>
    </message>
    <message>
        <source>Sign-in result</source>
        <translation>Resultaat van inloggen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Why sign-in did not finish</source>
        <translation>Waarom het inloggen niet is voltooid</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Verbergen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Hides this message</source>
        <translation>Verbergt deze melding</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Starts a new sign-in in your browser</source>
        <translation>Start een nieuwe inlogpoging in je browser</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Bezig met inloggen</translation>
    </message>
    <message>
        <source>Your browser could not be opened</source>
        <translation>Je browser kon niet worden geopend</translation>
    </message>
    <message>
        <source>Choose Copy link, then paste the link into a browser&apos;s address bar to finish signing in.</source>
        <translation>Kies Link kopiëren en plak de link in de adresbalk van een browser om het inloggen af te ronden.</translation>
    </message>
    <message>
        <source>Still waiting for your browser…</source>
        <translation>Nog steeds aan het wachten op je browser…</translation>
    </message>
    <message>
        <source>If no browser window opened, choose Copy link and paste the link into a browser&apos;s address bar. If you are still signing in there, take your time.</source>
        <translation>Is er geen browservenster geopend? Kies dan Link kopiëren en plak de link in de adresbalk van een browser. Ben je daar nog aan het inloggen, neem dan gerust de tijd.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>What the server said, in its own words</source>
        <translation>Wat de server zei, in zijn eigen woorden</translation>
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
        <translation>WebinarGeek Connect draait al, maar reageert niet.</translation>
    </message>
    <message>
        <source>Could not listen on %1: %2</source>
        <translation>Kan niet luisteren op %1: %2</translation>
    </message>
    <message>
        <source>Another program answers on %1.</source>
        <translation>Een ander programma antwoordt op %1.</translation>
    </message>
</context>
<context>
    <name>StatusReport</name>
    <message>
        <source>Not signed in. Run &quot;webinargeek-connect login&quot; to sign in.</source>
        <translation>Niet ingelogd. Voer &quot;webinargeek-connect login&quot; uit om in te loggen.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>fout: %1</translation>
    </message>
    <message>
        <source>Access token expired at %1 (it is refreshed on next use).</source>
        <translation>Het toegangstoken is verlopen op %1 (het wordt bij het volgende gebruik vernieuwd).</translation>
    </message>
    <message>
        <source>Access token expires at %1.</source>
        <translation>Het toegangstoken verloopt op %1.</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>Rechten: %1</translation>
    </message>
    <message>
        <source>Stored in: %1</source>
        <translation>Opgeslagen in: %1</translation>
    </message>
    <message>
        <source>Connected with an API key as %1.</source>
        <translation>Verbonden met een API-sleutel als %1.</translation>
    </message>
    <message>
        <source>Connected with an API key as %1 (%2).</source>
        <translation>Verbonden met een API-sleutel als %1 (%2).</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Ingelogd als %1.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Ingelogd als %1 (%2).</translation>
    </message>
    <message>
        <source>The session cannot be renewed: no refresh token is stored, and the access token has expired. Sign in again with &quot;webinargeek-connect login&quot;.</source>
        <translation>De sessie kan niet worden vernieuwd: er is geen vernieuwingstoken bewaard en het toegangstoken is verlopen. Meld u opnieuw aan met &quot;webinargeek-connect login&quot;.</translation>
    </message>
    <message>
        <source>This session cannot be renewed: no refresh token is stored. Sign in again with &quot;webinargeek-connect login&quot; before the access token expires.</source>
        <translation>Deze sessie kan niet worden vernieuwd: er is geen vernieuwingstoken bewaard. Meld u opnieuw aan met &quot;webinargeek-connect login&quot; voordat het toegangstoken verloopt.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, signed out</source>
        <translation>%1, uitgelogd</translation>
    </message>
    <message>
        <source>%1, needs attention</source>
        <translation>%1, vraagt aandacht</translation>
    </message>
    <message>
        <source>%1, the active one</source>
        <translation>%1, het actieve</translation>
    </message>
    <message>
        <source>Other accounts: %1.</source>
        <translation>Andere accounts: %1.</translation>
    </message>
    <message>
        <source>Use one with --account EMAIL, or make it the active one with &quot;webinargeek-connect switch&quot;.</source>
        <translation>Gebruik er een met --account EMAIL, of maak het het actieve met &quot;webinargeek-connect switch&quot;.</translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message numerus="yes">
        <source>in %n s</source>
        <extracomment>How far away a moment is, shown in a narrow column: keep it short.</extracomment>
        <translation>
            <numerusform>over %n s</numerusform>
            <numerusform>over %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>over %n min</numerusform>
            <numerusform>over %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>over %1 u</translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation>over %1 u %2 min</translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>over %n dag</numerusform>
            <numerusform>over %n dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>WebinarGeek Connect keeps trying by itself; choose Refresh now to try at once.</source>
        <translation>WebinarGeek Connect blijft het zelf proberen; kies Nu vernieuwen om het meteen te proberen.</translation>
    </message>
    <message>
        <source>Choose Sign in to connect again.</source>
        <translation>Kies Inloggen om opnieuw verbinding te maken.</translation>
    </message>
    <message>
        <source>Unlock your keyring (or start your desktop&apos;s keyring service), then choose Refresh now.</source>
        <translation>Ontgrendel je sleutelbos (of start de sleutelbosdienst van je bureaublad) en kies dan Nu vernieuwen.</translation>
    </message>
    <message>
        <source>To connect, sign in again and allow access.</source>
        <translation>Log opnieuw in en sta toegang toe om verbinding te maken.</translation>
    </message>
    <message>
        <source>Sign in again to try once more.</source>
        <translation>Log opnieuw in om het nog eens te proberen.</translation>
    </message>
    <message>
        <source>Check that nothing on this computer blocks local connections, then sign in again.</source>
        <translation>Controleer of niets op deze computer lokale verbindingen blokkeert en log dan opnieuw in.</translation>
    </message>
    <message>
        <source>Check the endpoints and the client id under Settings.</source>
        <translation>Controleer de endpoints en de client-ID bij Instellingen.</translation>
    </message>
    <message>
        <source>Choose Refresh now to try again.</source>
        <translation>Kies Nu vernieuwen om het opnieuw te proberen.</translation>
    </message>
    <message>
        <source>The system keychain cannot be used: %1</source>
        <translation>De sleutelbos van het systeem is niet bruikbaar: %1</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <source>Offline – retrying %1</source>
        <extracomment>%1 is when: &quot;in 45 s&quot;, &quot;in 2 min&quot; or &quot;now&quot;.</extracomment>
        <translation>Offline – nieuwe poging %1</translation>
    </message>
    <message>
        <source>Retrying %1</source>
        <translation>Nieuwe poging %1</translation>
    </message>
    <message>
        <source>Offline – retrying</source>
        <translation>Offline – nieuwe poging</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Nieuwe poging</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-sleutel</translation>
    </message>
    <message>
        <source>OAuth (browser sign-in)</source>
        <translation>OAuth (inloggen in browser)</translation>
    </message>
    <message>
        <source>Never (API key)</source>
        <translation>Nooit (API-sleutel)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>expired</source>
        <extracomment>Shown in brackets after the expiry time: &quot;(expired)&quot;.</extracomment>
        <translation>verlopen</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Not needed (API key)</source>
        <translation>Niet nodig (API-sleutel)</translation>
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
        <translation>Niet gepland</translation>
    </message>
    <message>
        <source>%1 (cannot be read now)</source>
        <translation>%1 (nu niet leesbaar)</translation>
    </message>
    <message>
        <source>The system keychain cannot be read. %1</source>
        <translation>De sleutelbos van het systeem kan niet worden gelezen. %1</translation>
    </message>
    <message>
        <source>Check the connection, then connect with the key again.</source>
        <translation>Controleer de verbinding en maak dan opnieuw verbinding met de sleutel.</translation>
    </message>
    <message>
        <source>Make that folder private to you, or remove it, then choose Refresh now.</source>
        <translation>Maak die map alleen voor u toegankelijk, of verwijder hem, en kies daarna Nu vernieuwen.</translation>
    </message>
    <message>
        <source>The server no longer accepts this computer&apos;s session.</source>
        <translation>De server accepteert de sessie van deze computer niet meer.</translation>
    </message>
    <message>
        <source>%1 Sign in again as %2.</source>
        <translation>%1 Log opnieuw in als %2.</translation>
    </message>
    <message>
        <source>%1 Choose Sign in to connect again.</source>
        <translation>%1 Kies Inloggen om opnieuw te verbinden.</translation>
    </message>
    <message>
        <source>The existing connection is unchanged: still connected as %1.</source>
        <translation>De bestaande verbinding is ongewijzigd: nog steeds verbonden als %1.</translation>
    </message>
    <message>
        <source>Signing in again…</source>
        <translation>Opnieuw aan het inloggen…</translation>
    </message>
    <message>
        <source>Signing in with the browser needs a client id, and none is set yet. Enter it under Settings, or connect with an API key instead.</source>
        <translation>Inloggen met de browser vraagt om een client-id, en er is er nog geen ingesteld. Vul die in bij Instellingen, of verbind in plaats daarvan met een API-sleutel.</translation>
    </message>
    <message>
        <source>Signing in with the browser cannot work with these settings: %1 Correct them under Settings, or connect with an API key instead.</source>
        <translation>Inloggen met de browser kan met deze instellingen niet werken: %1 Verbeter ze bij Instellingen, of verbind in plaats daarvan met een API-sleutel.</translation>
    </message>
    <message>
        <source>The existing connection is unchanged.</source>
        <translation>De bestaande verbinding is ongewijzigd.</translation>
    </message>
</context>
<context>
    <name>StoredSession</name>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows Referentiebeheer</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-sleutelhanger</translation>
    </message>
    <message>
        <source>Secret Service (system keychain)</source>
        <translation>Secret Service (sleutelbos van het systeem)</translation>
    </message>
</context>
<context>
    <name>TokenReply</name>
    <message>
        <source>The answer is larger than 1 MiB.</source>
        <translation>Het antwoord is groter dan 1 MiB.</translation>
    </message>
    <message>
        <source>The token endpoint&apos;s answer is not JSON.</source>
        <translation>Het antwoord van het token-endpoint is geen JSON.</translation>
    </message>
    <message>
        <source>The answer has no access_token.</source>
        <translation>Het antwoord bevat geen access_token.</translation>
    </message>
    <message>
        <source>The token type &quot;%1&quot; is not supported; only Bearer is.</source>
        <translation>Het tokentype &quot;%1&quot; wordt niet ondersteund; alleen Bearer.</translation>
    </message>
    <message>
        <source>expires_in is not a number.</source>
        <translation>expires_in is geen getal.</translation>
    </message>
    <message>
        <source>expires_in is not a positive number of seconds.</source>
        <translation>expires_in is geen positief aantal seconden.</translation>
    </message>
</context>
<context>
    <name>TokenStatusPanel</name>
    <message>
        <source>Token status</source>
        <translation>Tokenstatus</translation>
    </message>
    <message>
        <source>Whether the connection works, when its token expires and when it is renewed</source>
        <translation>Of de verbinding werkt, wanneer het token verloopt en wanneer het wordt vernieuwd</translation>
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
        <translation>Of de verbinding nu werkt</translation>
    </message>
    <message>
        <source>Expires at:</source>
        <translation>Verloopt:</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>Verloopt</translation>
    </message>
    <message>
        <source>When the access token expires, in local time</source>
        <translation>Wanneer het toegangstoken verloopt, in lokale tijd</translation>
    </message>
    <message>
        <source>Time until expiry</source>
        <translation>Tijd tot verlopen</translation>
    </message>
    <message>
        <source>How long until the access token expires</source>
        <translation>Hoelang het nog duurt tot het toegangstoken verloopt</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Rechten:</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Rechten</translation>
    </message>
    <message>
        <source>What the connection is allowed to do</source>
        <translation>Wat de verbinding mag doen</translation>
    </message>
    <message>
        <source>Last refresh:</source>
        <translation>Laatst vernieuwd:</translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation>Laatst vernieuwd</translation>
    </message>
    <message>
        <source>When the token was last renewed</source>
        <translation>Wanneer het token voor het laatst is vernieuwd</translation>
    </message>
    <message>
        <source>Next refresh:</source>
        <translation>Volgende vernieuwing:</translation>
    </message>
    <message>
        <source>Next refresh</source>
        <translation>Volgende vernieuwing</translation>
    </message>
    <message>
        <source>When the token is renewed next</source>
        <translation>Wanneer het token de volgende keer wordt vernieuwd</translation>
    </message>
    <message>
        <source>Stored in:</source>
        <translation>Opgeslagen in:</translation>
    </message>
    <message>
        <source>Stored in</source>
        <translation>Opgeslagen in</translation>
    </message>
    <message>
        <source>Where the secret is kept</source>
        <translation>Waar het geheim wordt bewaard</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>What went wrong and what you can do about it</source>
        <translation>Wat er misging en wat je eraan kunt doen</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>What the app is doing now, while the connection stays as it is</source>
        <translation>Wat de app nu doet, terwijl de verbinding blijft zoals ze is</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>What the server said, in its own words</source>
        <translation>Wat de server zei, in zijn eigen woorden</translation>
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
        <translation>toegang tot de sleutelbos is geweigerd of hij is vergrendeld (%1)</translation>
    </message>
    <message>
        <source>no keychain service is available (%1)</source>
        <translation>er is geen sleutelbosdienst beschikbaar (%1)</translation>
    </message>
    <message>
        <source>no Secret Service (such as GNOME Keyring or KWallet) is running (%1)</source>
        <translation>er draait geen Secret Service (zoals GNOME Keyring of KWallet) (%1)</translation>
    </message>
    <message>
        <source>no D-Bus session bus to reach the keychain through (%1)</source>
        <translation>geen D-Bus-sessiebus om de sleutelbos te bereiken (%1)</translation>
    </message>
    <message>
        <source>the keyring is locked; unlock it and try again</source>
        <translation>de sleutelbos is vergrendeld; ontgrendel hem en probeer het opnieuw</translation>
    </message>
    <message>
        <source>the stored session is damaged and cannot be read; sign in again</source>
        <translation>de opgeslagen sessie is beschadigd en kan niet worden gelezen; log opnieuw in</translation>
    </message>
</context>
<context>
    <name>TrayIndicator</name>
    <message>
        <source>&amp;Open WebinarGeek Connect</source>
        <translation>WebinarGeek Connect &amp;openen</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Nu vernieuwen</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Inloggen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Uitloggen</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Bezig met inloggen…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <extracomment>The button of a notification: what clicking it does.</extracomment>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Account &amp;toevoegen…</translation>
    </message>
    <message>
        <source>&amp;Sign in again</source>
        <translation>&amp;Opnieuw inloggen</translation>
    </message>
    <message>
        <source>&amp;Make active</source>
        <translation>Actief &amp;maken</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
</context>
<context>
    <name>TrayStatus</name>
    <message>
        <source>Reading the keychain…</source>
        <translation>Sleutelbos lezen…</translation>
    </message>
    <message>
        <source>Signing in: waiting for your browser…</source>
        <translation>Inloggen: wachten op je browser…</translation>
    </message>
    <message>
        <source>Connected with an API key</source>
        <translation>Verbonden met een API-sleutel</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbonden</translation>
    </message>
    <message>
        <source>Refreshing the token…</source>
        <translation>Token vernieuwen…</translation>
    </message>
    <message>
        <source>Offline, retrying</source>
        <translation>Offline, nieuwe poging</translation>
    </message>
    <message>
        <source>Could not reach the server.</source>
        <translation>De server is niet bereikbaar.</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Inloggen nodig</translation>
    </message>
    <message>
        <source>The session has ended; sign in again.</source>
        <translation>De sessie is beëindigd; log opnieuw in.</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Sleutelbos niet beschikbaar</translation>
    </message>
    <message>
        <source>The system keychain cannot be read; unlock it or start it.</source>
        <translation>De sleutelbos van het systeem kan niet worden gelezen; ontgrendel of start hem.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Uitgelogd</translation>
    </message>
    <message>
        <source>WebinarGeek Connect</source>
        <extracomment>The first line of the tray icon&apos;s tooltip: the application&apos;s name.</extracomment>
        <translation>WebinarGeek Connect</translation>
    </message>
    <message>
        <source>Token expires at %1</source>
        <translation>Token verloopt: %1</translation>
    </message>
    <message>
        <source>Token expired at %1</source>
        <translation>Token verlopen: %1</translation>
    </message>
    <message>
        <source>Sign in from this icon&apos;s menu or the window.</source>
        <translation>Log in via het menu van dit pictogram of het venster.</translation>
    </message>
    <message>
        <source>Signing in again…</source>
        <translation>Opnieuw aan het inloggen…</translation>
    </message>
    <message>
        <source>WebinarGeek account</source>
        <extracomment>An account whose email is not known yet (an earlier version&apos;s before it is read, or a new one).</extracomment>
        <translation>WebinarGeek-account</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>One account in the tray&apos;s tooltip and menu: the account, then its state (&quot;Connected&quot;).</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Adding an account: waiting for your browser…</source>
        <extracomment>In the tray&apos;s tooltip, while a new account&apos;s sign-in waits for the browser.</extracomment>
        <translation>Account toevoegen: wachten op je browser…</translation>
    </message>
</context>
<context>
    <name>WebinarGeekClient</name>
    <message>
        <source>The answer is larger than 1 MiB.</source>
        <translation>Het antwoord is groter dan 1 MiB.</translation>
    </message>
    <message>
        <source>Unexpected HTTP status %1.</source>
        <translation>Onverwachte HTTP-status %1.</translation>
    </message>
    <message>
        <source>It is not an account.</source>
        <translation>Het is geen account.</translation>
    </message>
    <message>
        <source>It is not JSON.</source>
        <translation>Het is geen JSON.</translation>
    </message>
    <message>
        <source>The credential is sent only to %1, not to %2.</source>
        <translation>De inloggegevens worden alleen naar %1 gestuurd, niet naar %2.</translation>
    </message>
</context>
</TS>
