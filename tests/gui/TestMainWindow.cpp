// The main window, offscreen: every state of the status panel fed with StatusSummary values, and
// the real Session against the sandbox and a private keyring, driven by mouse and keyboard.
// Each state is checked for accessible names and clipped text in a light and a dark palette,
// and saved as a screenshot. tst_gui_mainwindow_2x runs the layout checks again at 200 %, and
// tst_gui_mainwindow_nl and _de in Dutch and German (WGC_TEST_LANGUAGE), where the longer words
// are what clips first.

#include "KeychainAccess.h"
#include "Sandbox.h"

#include "api/NetworkAccess.h"
#include "auth/Accounts.h"
#include "auth/Session.h"
#include "config/IssuerMetadata.h"
#include "config/Translations.h"
#include "desktop/AccountListModel.h"
#include "desktop/AccountNotifications.h"
#include "desktop/StatusSummary.h"
#include "desktop/TrayIndicator.h"
#include "desktop/TrayStatus.h"
#include "storage/AccountIndex.h"
#include "storage/TokenStore.h"

#include "MainWindow.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

using State = Session::State;
using Kind = AuthError::Kind;

Q_DECLARE_METATYPE(StatusSummary::Input)

// Stands in for the desktop's browser: QDesktopServices hands it the URLs the app opens.
class BrowserStandIn : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened << url; }
};

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2e), base(0x1e, 0x1e, 0x20), text(0xee, 0xee, 0xee);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3e));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x35, 0x84, 0xe4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    return p;
}

// A text as the window shows it in the language of the run (English when none is installed).
QString translated(const char *context, const char *source, int n = -1)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

QString withoutMnemonic(QString text)
{
    return text.replace(QLatin1String("&&"), QLatin1String("\x01"))
        .remove(QLatin1Char('&'))
        .replace(QLatin1Char('\x01'), QLatin1Char('&'));
}

StoredSession oauthSession(const QDateTime &now, qint64 expiresIn)
{
    StoredSession s;
    s.accessToken = QStringLiteral("access");
    s.scope = QStringLiteral("api");
    s.updatedAt = now.addSecs(3600 - expiresIn);
    s.expiresAt = now.addSecs(expiresIn);
    s.company = QStringLiteral("Sandbox Webinars B.V.");
    s.email = QStringLiteral("jane@example.com");
    return s;
}

StatusSummary::Input input(State state, const StoredSession &stored = {}, const AuthError &error = {},
                           const QDateTime &next = {})
{
    StatusSummary::Input in;
    in.state = state;
    in.stored = stored;
    in.lastError = error;
    in.nextRefreshAt = next;
    return in;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    // Fed with StatusSummary values: no server, no keychain.
    void everyState_data();
    void everyState();
    void badgesLookDifferent();
    void beforeTheSession();
    void signalsForTheRestOfTheApp();
    // The real Session, against the sandbox.
    void signInAndOutByClicking();
    void signInPage();
    void denialAndTryAgain();
    void keyboardOnly();
    void refreshNow();
    void countdownOnlyWhileVisible();
    void offlineRetryCountsDown();
    void needsSignIn();
    // Issue 14.
    void firstStartWithoutClientId();
    void issuerMetadataRefused();
    void rejectedSessionKeepsTheAccount();
    void signInAgainWhileConnected();
    void browserDidNotOpen();
    void layoutLinesUp();
    // Issue 16: two accounts side by side in the window, each with its own session.
    void accountListAlone();
    void twoAccountsListed();
    void makeActive();
    void oneRevokedOtherConnected();
    void removeAccount();
    void removedFromTheTray();
    void signInAgainAsSomeoneElse();
    void signOutInTheWindow();
    void removeTheShownAccount();
    void cancelAddAccount();
    void upgradeFromOneSession();
    void overlappingRefreshes();
    void keychainUnavailable(); // locks the keyring for good: last
    void keychainUnavailableWithoutAccounts(); // in the keyring keychainUnavailable() locked

private:
    template<typename T = QLabel> T *find(const char *name) const
    {
        T *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    QString text(const char *name) const { return find<QLabel>(name)->text(); }
    QPushButton *button(const char *name) const { return find<QPushButton>(name); }
    void startSession();
    void signInWithBrowser();
    void signOut();
    // Revokes the stored refresh token at the sandbox: the next refresh is rejected for good.
    void revokeStoredRefreshToken();
    void usePalette(bool dark);
    void screenshot(QWidget *window, const QString &name);
    // Every visible control and value has an accessible name; buttons have mnemonics.
    static void checkAccessible(QWidget *window);
    // No visible label or button shows less than its whole text.
    static void checkNothingClipped(QWidget *window);
    // In a run in another language, the window's own texts are that language's, not English.
    void checkTranslated(QWidget *window) const;
    // A failed sign-in's sentence is the app's own; the server's words (with `code`) are apart.
    void checkServerWordsApart(const char *code) const;

    // Issue 16: a window over Accounts at a sandbox of its own, with its own list file.
    void openAccountsWindow(const Configuration &config, bool restore = true);
    void closeAccountsWindow();
    // Signs a new account in as `login`@example.com the way a person does: Sign in while there is
    // no account, Add account in the browser once there is one.
    void addAccountInBrowser(const QString &login);
    template<typename T = QWidget> T *inAccounts(const char *name) const
    {
        T *widget = m_accountsWindow->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no %s in the accounts window", name);
        return widget;
    }
    QString accountsText(const char *name) const { return inAccounts<QLabel>(name)->text(); }
    Session *accountOf(const QString &login) const;
    // Chooses `login`'s account in the list with the mouse.
    void clickAccount(const QString &login);
    AccountList listFile() const;
    TokenStore::Result storedAccount(const Session *session) const;
    // POSTs a refresh with `refreshToken`; the HTTP status (0: no answer).
    int refreshStatus(const QString &refreshToken) const;

    QString m_language; // "nl", "de": WGC_TEST_LANGUAGE; empty: English
    QString m_suffix; // "-2x" when the whole run is scaled, "-nl" in Dutch
    QPalette m_lightPalette;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<NetworkAccess> m_network;
    std::unique_ptr<TokenStore> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_accountsDir;
    QString m_indexFile;
    Configuration m_accountsConfig;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<AccountListModel> m_accountList;
    std::unique_ptr<MainWindow> m_accountsWindow;
    QList<QColor> m_badgeColours;
    BrowserStandIn m_browser;
};

void TestMainWindow::initTestCase()
{
    // Fusion in both palettes, as the dark-palette check needs a style that follows the palette.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_lightPalette = QApplication::style()->standardPalette();
    QApplication::setPalette(m_lightPalette);
    if (qApp->devicePixelRatio() > 1.5)
        m_suffix = QStringLiteral("-%1x").arg(qRound(qApp->devicePixelRatio()));
    m_language = qEnvironmentVariable("WGC_TEST_LANGUAGE");
    if (!m_language.isEmpty()) {
        // As the app does at start-up when the settings name a language.
        const Translations::Installed installed = Translations::install(qApp, m_language);
        QCOMPARE(installed.language, m_language);
        QVERIFY2(installed.app, "the app's translation is not in the resources");
        QVERIFY2(installed.qt, "Qt's own translation (qtbase) is not installed");
        m_suffix += QLatin1Char('-') + m_language;
    }
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "open");
    m_network = std::make_unique<NetworkAccess>();
}

void TestMainWindow::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    m_window.reset();
    m_session.reset();
}

void TestMainWindow::usePalette(bool dark)
{
    QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
    QApplication::processEvents();
}

void TestMainWindow::screenshot(QWidget *window, const QString &name)
{
    // Saved for people to look at (docs/ takes the best); not compared.
    const QString dir = QDir::current().absoluteFilePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    QVERIFY(window->grab().save(dir + QStringLiteral("/main-window-%1%2.png").arg(name, m_suffix)));
}

void TestMainWindow::checkAccessible(QWidget *window)
{
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(window))
            continue;
        const bool control = w->focusPolicy() != Qt::NoFocus;
        const bool value = w->objectName().endsWith(QLatin1String("Value"));
        if (!control && !value)
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        QVERIFY2(iface, qPrintable(w->objectName()));
        QVERIFY2(!iface->text(QAccessible::Name).trimmed().isEmpty(), qPrintable(w->objectName()));
        // A value's name says what it is, not what it shows ("Email", not "jane@example.com").
        if (value)
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        if (auto *b = qobject_cast<QPushButton *>(w))
            QVERIFY2(b->text().contains(QLatin1Char('&')),
                     qPrintable(b->objectName() + QLatin1String(" has no mnemonic")));
        ++checked;
    }
    QVERIFY(checked >= 6);

    // Two controls shown at once with the same mnemonic: Alt+letter reaches only one of them.
    QHash<QChar, QString> mnemonics;
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(window))
            continue;
        QString text;
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            text = b->text();
        else if (auto *l = qobject_cast<QLabel *>(w); l && l->buddy())
            text = l->text();
        const qsizetype at = text.indexOf(QRegularExpression(QStringLiteral("&[^&]")));
        if (at < 0)
            continue;
        const QChar key = text.at(at + 1).toLower();
        QVERIFY2(
            !mnemonics.contains(key),
            qPrintable(QStringLiteral("Alt+%1 is both %2 and %3").arg(key, mnemonics.value(key), w->objectName())));
        mnemonics.insert(key, w->objectName());
    }
}

void TestMainWindow::checkNothingClipped(QWidget *window)
{
    // Layout requests travel up one level per round of posted events.
    for (int i = 0; i < 6; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QApplication::processEvents();
    }
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(window))
            continue;
        QString shown;
        int room = 0;
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (label->text().isEmpty())
                continue;
            if (label->wordWrap()) {
                QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                         qPrintable(label->objectName() + QLatin1String(" is cut off at the bottom")));
                continue;
            }
            shown = label->buddy() ? withoutMnemonic(label->text()) : label->text();
            room = label->contentsRect().width();
        } else if (auto *b = qobject_cast<QPushButton *>(w)) {
            shown = withoutMnemonic(b->text());
            room = b->width();
            // Issue 14, 6: the style's padding. The size hint is the style's (its margins and
            // frame around the text); nothing in the app restyles a button, and no layout
            // squeezes one below it (the check below).
            QVERIFY2(b->styleSheet().isEmpty() && qApp->styleSheet().isEmpty(), qPrintable(b->objectName()));
            QVERIFY2(b->width() >= b->sizeHint().width() && b->height() >= b->sizeHint().height(),
                     qPrintable(QStringLiteral("%1 is %2x%3, smaller than the style's %4x%5 for it")
                                    .arg(b->objectName())
                                    .arg(b->width())
                                    .arg(b->height())
                                    .arg(b->sizeHint().width())
                                    .arg(b->sizeHint().height())));
        } else {
            continue;
        }
        const QString what = QStringLiteral("%1 (\"%2\"): %3 px wide, needs %4")
                                 .arg(w->objectName(), shown)
                                 .arg(w->width())
                                 .arg(w->minimumSizeHint().width());
        QVERIFY2(w->width() >= w->minimumSizeHint().width(), qPrintable(what));
        QVERIFY2(w->height() >= w->minimumSizeHint().height(), qPrintable(what));
        QVERIFY2(room >= w->fontMetrics().horizontalAdvance(shown), qPrintable(what));
        QVERIFY2(window->rect().contains(QRect(w->mapTo(window, QPoint(0, 0)), w->size())),
                 qPrintable(what + QLatin1String(", outside the window")));
    }
}

void TestMainWindow::checkTranslated(QWidget *window) const
{
    if (m_language.isEmpty())
        return;
    // Texts that differ from English in every language the app speaks: a missing or empty .qm
    // leaves them English.
    const QList<std::pair<const char *, QString>> english = {
        {"signInButton", QStringLiteral("&Sign in")},      {"refreshButton", QStringLiteral("&Refresh now")},
        {"signOutButton", QStringLiteral("Sign &out")},    {"settingsButton", QStringLiteral("S&ettings…")},
        {"expiresCaption", QStringLiteral("Expires at:")}, {"lastRefreshCaption", QStringLiteral("Last refresh:")},
    };
    // And the state, whichever it is.
    const QStringList states = {QStringLiteral("Loading"),       QStringLiteral("Signed out"),
                                QStringLiteral("Signing in"),    QStringLiteral("Connected"),
                                QStringLiteral("Refreshing"),    QStringLiteral("Offline, retrying"),
                                QStringLiteral("Needs sign-in"), QStringLiteral("Keychain unavailable")};
    const QString badge = window->findChild<QLabel *>(QStringLiteral("stateValue"))->text();
    QVERIFY2(!states.contains(badge) && !badge.startsWith(QStringLiteral("Offline – retrying")), qPrintable(badge));
    for (const auto &[name, text] : english) {
        QWidget *widget = window->findChild<QWidget *>(QLatin1String(name));
        QVERIFY2(widget, name);
        const QString shown = qobject_cast<QPushButton *>(widget) ? qobject_cast<QPushButton *>(widget)->text()
                                                                  : qobject_cast<QLabel *>(widget)->text();
        QVERIFY2(shown != text, qPrintable(QStringLiteral("%1 is still English: %2").arg(QLatin1String(name), shown)));
        QVERIFY2(!shown.isEmpty(), name);
    }
}

void TestMainWindow::checkServerWordsApart(const char *code) const
{
    const QString reason = text("reasonValue");
    QVERIFY2(!reason.contains(QLatin1String(code)), qPrintable(reason));
    QVERIFY(find<QWidget>("reasonDetailsValue")->isVisible());
    const QString details = text("reasonDetailsValue");
    QVERIFY2(details.startsWith(translated("SignInPage", "Details: %1").section(QLatin1Char('%'), 0, 0)),
             qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("(%1)").arg(QLatin1String(code))), qPrintable(details));
    // The sandbox's English stays out of the sentence, whatever the language.
    QVERIFY2(!reason.contains(QLatin1String("authorization request")), qPrintable(reason));
}

// --- every state, fed with StatusSummary values ---------------------------------------------

void TestMainWindow::everyState_data()
{
    QTest::addColumn<StatusSummary::Input>("in");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const AuthError offline = AuthError::make(Kind::NetworkError, QStringLiteral("Connection refused"));

    QTest::newRow("loading") << input(State::Loading);
    QTest::newRow("signed-out") << input(State::SignedOut);
    StatusSummary::Input signingIn = input(State::SigningIn);
    signingIn.authorizationUrl = QUrl(QStringLiteral(
        "http://127.0.0.1:8123/oauth/authorize?response_type=code&client_id=webinargeek-connect&redirect_uri="
        "http%3A%2F%2F127.0.0.1%3A40123%2F&code_challenge=Q7lcrJ2Zk1pYh4bG0WmX&code_challenge_method=S256"));
    signingIn.signInDeadline = now.addSecs(272);
    QTest::newRow("signing-in") << signingIn;
    QTest::newRow("connected") << input(State::SignedIn, oauthSession(now, 3240), {}, now.addSecs(2940));
    StoredSession longNames = oauthSession(now, 3240);
    longNames.company = QStringLiteral("Internationale Vereniging voor Webinarorganisatoren en Evenementen B.V.");
    longNames.email = QStringLiteral("jane.van.der.berg-de.vries@internationale-webinarorganisatoren.example.com");
    longNames.scope = QStringLiteral("api webinars.read webinars.write subscriptions.read broadcasts.read");
    QTest::newRow("connected-long-names") << input(State::SignedIn, longNames, {}, now.addSecs(2940));
    StoredSession apiKey;
    apiKey.method = QStringLiteral("api_key");
    apiKey.accessToken = QStringLiteral("key");
    apiKey.updatedAt = now.addSecs(-60);
    apiKey.company = QStringLiteral("Sandbox Webinars B.V.");
    apiKey.email = QStringLiteral("api-key-user@example.com");
    QTest::newRow("connected-api-key") << input(State::SignedIn, apiKey);
    QTest::newRow("expiring-soon") << input(State::SignedIn, oauthSession(now, 75), {}, now.addSecs(15));
    QTest::newRow("refreshing") << input(State::Refreshing, oauthSession(now, 20));
    QTest::newRow("offline-retrying") << input(State::Retrying, oauthSession(now, -100), offline, now.addSecs(45));
    QTest::newRow("needs-sign-in") << input(State::NeedsSignIn, {},
                                            AuthError::make(Kind::InvalidGrant, {}, QStringLiteral("invalid_grant")));
    QTest::newRow("keychain-unavailable")
        << input(State::KeychainUnavailable, {},
                 AuthError::make(Kind::Keychain, QStringLiteral("the keyring is locked")), now.addSecs(30));
}

void TestMainWindow::everyState()
{
    QFETCH(StatusSummary::Input, in);
    TokenStore store(QStringLiteral("wgc-gui-test-unused"));
    Session session(Configuration(), m_network.get(), &store);
    MainWindow window;
    window.setSession(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const StatusSummary summary = StatusSummary::compute(in, QDateTime::currentDateTimeUtc());

    for (const bool dark : {false, true}) {
        usePalette(dark);
        window.showSummary(summary);
        const auto label = [&window](const char *name) { return window.findChild<QLabel *>(QLatin1String(name)); };
        const auto button = [&window](const char *name) {
            return window.findChild<QPushButton *>(QLatin1String(name));
        };
        QCOMPARE(label("stateValue")->text(), summary.badgeText);
        QCOMPARE(label("companyValue")->text(), summary.company);
        QCOMPARE(label("emailValue")->text(), summary.email);
        QCOMPARE(label("connectedWithValue")->text(), summary.connectedWith);
        QCOMPARE(label("expiresValue")->text(), summary.expiresAt);
        QCOMPARE(label("scopeValue")->text(), summary.scopes);
        QCOMPARE(label("lastRefreshValue")->text(), summary.lastRefresh);
        QCOMPARE(label("nextRefreshValue")->text(), summary.nextRefresh);
        QCOMPARE(label("storageValue")->text(), summary.storedIn);
        QCOMPARE(label("countdownValue")->isVisible(), !summary.expiresIn.isEmpty());
        if (!summary.expiresIn.isEmpty())
            QVERIFY(label("countdownValue")->text().contains(summary.expiresIn));
        QCOMPARE(label("problemValue")->isVisible(), !summary.error.isEmpty());
        QCOMPARE(label("problemValue")->text(), summary.error);
        QCOMPARE(window.findChild<QWidget *>(QStringLiteral("signInPage"))->isVisible(), summary.waitingForBrowser);
        if (summary.waitingForBrowser) {
            QCOMPARE(label("timeLeftValue")->text(), summary.signInTimeLeft);
            QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("linkEdit"))->text(),
                     summary.authorizationUrl.toString(QUrl::FullyEncoded));
            QVERIFY(button("cancelButton")->isEnabled());
        }
        QCOMPARE(button("signInButton")->isEnabled(), summary.canSignIn);
        QCOMPARE(button("signOutButton")->isEnabled(), summary.canSignOut);
        QCOMPARE(button("refreshButton")->isEnabled(), summary.canRefresh);
        QCOMPARE(button("useApiKeyButton")->isVisible(), summary.offerApiKey);
        QVERIFY(button("settingsButton")->isVisible());
        // Nothing counts down on screen: no timer. Something does: at most a minute away.
        auto *tick = window.findChild<QTimer *>(QStringLiteral("countdownTimer"));
        QCOMPARE(tick->isActive(), summary.msUntilChange > 0);
        if (tick->isActive())
            QVERIFY(tick->interval() <= 60020);

        checkAccessible(&window);
        checkNothingClipped(&window);
        checkTranslated(&window);
        const QString name = QStringLiteral("state-") + QString::fromLatin1(QTest::currentDataTag())
            + (dark ? QStringLiteral("-dark") : QString());
        screenshot(&window, name);

        // The badge is a filled pill, not text on the window's own background.
        QLabel *badge = label("stateValue");
        const QImage pill = badge->grab().toImage();
        const QColor fill = pill.pixelColor(int(6 * pill.devicePixelRatio()), pill.height() / 2);
        QVERIFY2(fill != window.palette().color(QPalette::Window), qPrintable(fill.name()));
        if (!dark)
            m_badgeColours << fill;
    }
    usePalette(false);
}

void TestMainWindow::badgesLookDifferent()
{
    // loading, signed out, signing in, connected, …: the states a glance must tell apart.
    QVERIFY(m_badgeColours.size() >= 10);
    const QColor signedOut = m_badgeColours.at(1), connected = m_badgeColours.at(3), retrying = m_badgeColours.at(8),
                 needsSignIn = m_badgeColours.at(9);
    QVERIFY(signedOut != connected);
    QVERIFY(connected != retrying);
    QVERIFY(retrying != needsSignIn);
    QVERIFY(needsSignIn != connected);
}

// The window may be shown before the session exists: until setSession() it says "Loading" and
// offers nothing but Quit; then it follows the session.
void TestMainWindow::beforeTheSession()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto label = [&window](const char *name) { return window.findChild<QLabel *>(QLatin1String(name)); };
    const auto button = [&window](const char *name) { return window.findChild<QPushButton *>(QLatin1String(name)); };
    QCOMPARE(label("stateValue")->text(), Session::stateName(Session::State::Loading));
    for (const char *name : {"signInButton", "refreshButton", "signOutButton", "settingsButton"})
        QVERIFY2(!button(name)->isEnabled(), name);
    QVERIFY(!button("useApiKeyButton")->isVisible());
    QSignalSpy quit(&window, &MainWindow::quitRequested);
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    QCOMPARE(quit.size(), 1);
    checkAccessible(&window);
    checkNothingClipped(&window);
    screenshot(&window, QStringLiteral("loading"));

    TokenStore store(QStringLiteral("wgc-gui-test-unused"));
    Session session(Configuration(), m_network.get(), &store);
    window.setSession(&session);
    QVERIFY(button("settingsButton")->isEnabled());
    QSignalSpy restored(&session, &Session::restoreFinished);
    session.restore();
    QVERIFY(restored.wait(10000));
    QCOMPARE(label("stateValue")->text(), Session::stateName(Session::State::SignedOut));
    // No client id in an empty configuration: Settings, not Sign in (firstStartWithoutClientId).
    QVERIFY(!button("signInButton")->isEnabled());
    QVERIFY(button("useApiKeyButton")->isEnabled());
}

void TestMainWindow::signalsForTheRestOfTheApp()
{
    // By mouse here; by keyboard (Alt+K, Alt+E, Ctrl+Q) in keyboardOnly.
    TokenStore store(QStringLiteral("wgc-gui-test-unused"));
    Session session(Configuration(), m_network.get(), &store);
    MainWindow window;
    window.setSession(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showSummary(StatusSummary::compute(input(State::SignedOut), QDateTime::currentDateTimeUtc()));
    QSignalSpy settings(&window, &MainWindow::settingsRequested);
    QSignalSpy apiKey(&window, &MainWindow::apiKeyRequested);
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("useApiKeyButton")), Qt::LeftButton);
    QCOMPARE(apiKey.size(), 1);
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("settingsButton")), Qt::LeftButton);
    QCOMPARE(settings.size(), 1);
}

// --- the real Session against the sandbox ---------------------------------------------------

void TestMainWindow::startSession()
{
    if (m_window)
        return;
    m_sandbox = std::make_unique<Sandbox>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    const Configuration config = m_sandbox->configuration();
    m_store = std::make_unique<TokenStore>(config.storageKey());
    m_session = std::make_unique<Session>(config, m_network.get(), m_store.get());
    m_session->setAutoRefresh(true); // as the app's window does
    m_window = std::make_unique<MainWindow>();
    m_window->setSession(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy restored(m_session.get(), &Session::restoreFinished);
    m_session->restore();
    QVERIFY(restored.wait(10000));
    QCOMPARE(text("stateValue"), translated("Session", "Signed out"));
    QCOMPARE(text("emailValue"), QStringLiteral("–"));
}

void TestMainWindow::signInWithBrowser()
{
    QTest::mouseClick(button("signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(m_browser.opened.takeFirst());
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), translated("Session", "Connected"), 10000);
}

void TestMainWindow::signOut()
{
    QTest::mouseClick(button("signOutButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), translated("Session", "Signed out"), 10000);
    m_browser.opened.clear();
}

void TestMainWindow::signInAndOutByClicking()
{
    startSession();
    QVERIFY(button("signInButton")->isEnabled());
    QVERIFY(!button("signOutButton")->isEnabled());
    QVERIFY(button("useApiKeyButton")->isVisible());
    QVERIFY(!find<QWidget>("signInPage")->isVisible());

    QTest::mouseClick(button("signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QCOMPARE(text("stateValue"), translated("Session", "Signing in"));
    QVERIFY(find<QWidget>("signInPage")->isVisible());
    QCOMPARE(text("headingLabel"), translated("SignInPage", "Waiting for your browser…"));
    QVERIFY(!button("signInButton")->isEnabled());
    checkNothingClipped(m_window.get());
    screenshot(m_window.get(), QStringLiteral("signing-in"));

    const Sandbox::BrowserResult browser = Sandbox::runBrowser(m_browser.opened.takeFirst());
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QTRY_COMPARE_WITH_TIMEOUT(text("emailValue"), QStringLiteral("jane@example.com"), 10000);
    QCOMPARE(text("companyValue"), QStringLiteral("Sandbox Webinars B.V."));
    QCOMPARE(text("connectedWithValue"), translated("StatusSummary", "OAuth (browser sign-in)"));
    QCOMPARE(text("stateValue"), translated("Session", "Connected"));
    QCOMPARE(text("scopeValue"), QStringLiteral("api"));
    QVERIFY(text("expiresValue") != QStringLiteral("–"));
    // "in 54 min", or however the language says it.
    const QString minutes = QRegularExpression::escape(translated("StatusSummary", "in %n min", 7))
                                .replace(QLatin1Char('7'), QLatin1String("\\d+"));
    QVERIFY2(text("countdownValue").contains(QRegularExpression(minutes)), qPrintable(text("countdownValue")));
    QVERIFY(text("lastRefreshValue") != QStringLiteral("–"));
    QVERIFY(text("nextRefreshValue") != QStringLiteral("–"));
    QCOMPARE(text("storageValue"), StoredSession::backendName());
    QVERIFY(!find<QWidget>("problemValue")->isVisible());
    QVERIFY(!find<QWidget>("signInPage")->isVisible());
    QVERIFY(button("refreshButton")->isEnabled());
    QVERIFY(button("signOutButton")->isEnabled());
    QVERIFY(!button("useApiKeyButton")->isVisible());
    checkAccessible(m_window.get());
    checkNothingClipped(m_window.get());
    checkTranslated(m_window.get());
    // The window shrank back after the sign-in page (layoutLinesUp): as a person would open it.
    checkNothingClipped(m_window.get());
    screenshot(m_window.get(), QStringLiteral("signed-in"));
    usePalette(true);
    checkNothingClipped(m_window.get());
    screenshot(m_window.get(), QStringLiteral("signed-in-dark"));
    usePalette(false);

    QTest::mouseClick(button("signOutButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), translated("Session", "Signed out"), 10000);
    QCOMPARE(text("emailValue"), QStringLiteral("–"));
    QCOMPARE(text("companyValue"), QStringLiteral("–"));
    const QString signedOut = translated("MainWindow", "Signed out. Nothing of the session is stored any more.");
    QVERIFY2(text("messageLabel").startsWith(signedOut.section(QLatin1Char('.'), 0, 0) + QLatin1Char('.')),
             qPrintable(text("messageLabel")));
    QVERIFY(!button("signOutButton")->isEnabled());
    screenshot(m_window.get(), QStringLiteral("signed-out"));
}

void TestMainWindow::signInPage()
{
    startSession();
    QTest::mouseClick(button("signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    const QUrl url = m_browser.opened.first();
    QCOMPARE(find<QLineEdit>("linkEdit")->text(), url.toString(QUrl::FullyEncoded));

    QTest::mouseClick(button("copyLinkButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), url.toString(QUrl::FullyEncoded));
    QVERIFY(text("messageLabel").contains(QLatin1String("clipboard")));

    QTest::mouseClick(button("openAgainButton"), Qt::LeftButton);
    QCOMPARE(m_browser.opened.size(), 2);
    QCOMPARE(m_browser.opened.at(1), url);

    // The time left counts down, each second.
    const QRegularExpression clock(QStringLiteral("^(\\d+):(\\d\\d)$"));
    const QRegularExpressionMatch first = clock.match(text("timeLeftValue"));
    QVERIFY2(first.hasMatch(), qPrintable(text("timeLeftValue")));
    const int seconds = first.captured(1).toInt() * 60 + first.captured(2).toInt();
    QVERIFY(seconds > Configuration::kSignInTimeoutSeconds - 10 && seconds <= Configuration::kSignInTimeoutSeconds);
    QVERIFY(find<QTimer>("countdownTimer")->interval() <= 1020);
    QTRY_VERIFY_WITH_TIMEOUT(text("timeLeftValue") != first.captured(0), 2500);

    QTest::mouseClick(button("cancelButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), translated("Session", "Signed out"), 5000);
    QVERIFY(!find<QWidget>("signInPage")->isVisible());
    QVERIFY(text("messageLabel").contains(QLatin1String("cancelled")));
    QVERIFY(!find<QWidget>("problemValue")->isVisible()); // a cancel is not a problem
    m_browser.opened.clear();
}

void TestMainWindow::denialAndTryAgain()
{
    startSession();
    QTest::mouseClick(button("signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    const QUrl first = m_browser.opened.takeFirst();
    QCOMPARE(Sandbox::runBrowser(first, {QStringLiteral("--deny")}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(find<QWidget>("failedPart")->isVisible(), 10000);
    QVERIFY2(text("reasonValue").startsWith(translated("AuthError", "Sign-in was denied.")),
             qPrintable(text("reasonValue")));
    QVERIFY(text("reasonValue").contains(translated("StatusSummary", "To connect, sign in again and allow access.")));
    checkServerWordsApart("access_denied");
    QVERIFY(!find<QWidget>("waitingPart")->isVisible());
    QVERIFY(!find<QWidget>("problemValue")->isVisible()); // said once, next to Try again
    QCOMPARE(text("stateValue"), translated("Session", "Signed out"));
    QCOMPARE(QApplication::focusWidget(), button("tryAgainButton"));
    checkTranslated(m_window.get());
    checkAccessible(m_window.get());
    checkNothingClipped(m_window.get());
    screenshot(m_window.get(), QStringLiteral("denied"));

    QTest::mouseClick(button("tryAgainButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QVERIFY(m_browser.opened.first() != first); // a new attempt: new state, new port
    QVERIFY(find<QWidget>("waitingPart")->isVisible());
    QCOMPARE(Sandbox::runBrowser(m_browser.opened.takeFirst()).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), translated("Session", "Connected"), 10000);
    QVERIFY(!find<QWidget>("signInPage")->isVisible());
    signOut();
}

void TestMainWindow::keyboardOnly()
{
    startSession();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    button("settingsButton")->setFocus();
    // Tab round to Sign in, press Space.
    for (int i = 0; i < 20 && QApplication::focusWidget() != button("signInButton"); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), button("signInButton"));
    QTest::keyClick(button("signInButton"), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QCOMPARE(text("stateValue"), QStringLiteral("Signing in"));
    // The focus went with the action, onto the sign-in page; Tab reaches Cancel.
    QCOMPARE(QApplication::focusWidget(), button("copyLinkButton"));
    for (int i = 0; i < 20 && QApplication::focusWidget() != button("cancelButton"); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), button("cancelButton"));
    QTest::keyClick(button("cancelButton"), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), translated("Session", "Signed out"), 5000);
    m_browser.opened.clear();

    // And by mnemonics: Alt+S signs in, Alt+Y copies the link, Alt+C cancels.
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(m_window.get(), Qt::Key_Y, Qt::AltModifier); // "Cop&y link"
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), m_browser.opened.first().toString(QUrl::FullyEncoded));
    QTest::keyClick(m_window.get(), Qt::Key_C, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), translated("Session", "Signed out"), 5000);
    m_browser.opened.clear();

    // What the rest of the app does: Alt+K for the API key, Alt+E for settings, Ctrl+Q quits.
    QSignalSpy apiKey(m_window.get(), &MainWindow::apiKeyRequested);
    QSignalSpy settings(m_window.get(), &MainWindow::settingsRequested);
    QSignalSpy quit(m_window.get(), &MainWindow::quitRequested);
    // A mnemonic "presses" the button for a moment (animateClick): the signal follows.
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::AltModifier);
    QTRY_COMPARE(apiKey.size(), 1);
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::AltModifier);
    QTRY_COMPARE(settings.size(), 1);
    QTest::keyClick(m_window.get(), Qt::Key_Q, Qt::ControlModifier);
    QCOMPARE(quit.size(), 1);
    QVERIFY(m_window->isVisible()); // quitting is the app's business, not the window's
}

void TestMainWindow::refreshNow()
{
    startSession();
    signInWithBrowser();
    const QString before = m_session->stored().accessToken;
    QSignalSpy refreshed(m_session.get(), &Session::refreshFinished);
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::AltModifier); // "&Refresh now"
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!refreshed.first().first().value<AuthError>().isError());
    QVERIFY(m_session->stored().accessToken != before);
    QCOMPARE(text("stateValue"), translated("Session", "Connected"));
    QVERIFY(!find<QWidget>("problemValue")->isVisible());
    signOut();
}

void TestMainWindow::countdownOnlyWhileVisible()
{
    startSession();
    signInWithBrowser();
    // An hour's token: the expiry and the next refresh are minutes away, so the window wakes at
    // the next minute mark, not every second.
    auto *tick = find<QTimer>("countdownTimer");
    QVERIFY(tick->isActive());
    QVERIFY2(tick->interval() > 1020 && tick->interval() <= 60020, qPrintable(QString::number(tick->interval())));
    m_window->hide();
    QVERIFY(!tick->isActive());
    // Whatever happens while hidden, nothing ticks.
    QSignalSpy refreshed(m_session.get(), &Session::refreshFinished);
    m_session->refresh();
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!tick->isActive());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(tick->isActive());
    signOut();
    QVERIFY(!tick->isActive()); // signed out: nothing counts down
}

void TestMainWindow::offlineRetryCountsDown()
{
    startSession();
    // A stored session whose token has expired, and a token endpoint that is not there.
    Configuration config = m_sandbox->configuration();
    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost, 0);
    config.tokenUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/oauth/token").arg(closed.serverPort()));
    closed.close();
    TokenStore store(config.storageKey());
    StoredSession stored;
    stored.accessToken = QStringLiteral("expired-access-token");
    stored.refreshToken = QStringLiteral("some-refresh-token");
    stored.scope = QStringLiteral("api");
    stored.updatedAt = QDateTime::currentDateTimeUtc().addSecs(-3700);
    stored.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-100);
    stored.company = QStringLiteral("Sandbox Webinars B.V.");
    stored.email = QStringLiteral("jane@example.com");
    QCOMPARE(KeychainAccess::save(store, stored), TokenStore::Status::Ok);

    Session session(config, m_network.get(), &store);
    session.setAutoRefresh(true);
    MainWindow window;
    window.setSession(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    session.restore();
    auto *state = window.findChild<QLabel *>(QStringLiteral("stateValue"));
    auto *problem = window.findChild<QLabel *>(QStringLiteral("problemValue"));
    QTRY_VERIFY2_WITH_TIMEOUT(state->text().startsWith(QStringLiteral("Offline – retrying in")),
                              qPrintable(state->text()), 10000);
    QCOMPARE(session.state(), Session::State::Retrying);
    QVERIFY2(problem->isVisible() && problem->text().contains(QLatin1String("Could not reach the server")),
             qPrintable(problem->text()));
    QVERIFY(problem->text().contains(QLatin1String("Refresh now")));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("countdownValue"))->text(), QStringLiteral("(expired)"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("emailValue"))->text(), QStringLiteral("jane@example.com"));
    // The retry counts down, each second, while the window is visible.
    auto *tick = window.findChild<QTimer *>(QStringLiteral("countdownTimer"));
    QVERIFY(tick->isActive() && tick->interval() <= 1020);
    const QString first = state->text();
    QTRY_VERIFY_WITH_TIMEOUT(state->text() != first, 2500);
    QVERIFY(state->text().startsWith(QStringLiteral("Offline – retrying")));
    checkAccessible(&window);
    checkNothingClipped(&window);
    screenshot(&window, QStringLiteral("offline"));
    window.hide();
    QVERIFY(!tick->isActive());
    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
}

void TestMainWindow::needsSignIn()
{
    startSession();
    // An API key WebinarGeek refused earlier: kept, marked, and the window says what to do.
    const Configuration config = m_sandbox->configuration();
    TokenStore store(config.storageKey());
    StoredSession stored;
    stored.method = QStringLiteral("api_key");
    stored.accessToken = QStringLiteral("refused-key");
    stored.updatedAt = QDateTime::currentDateTimeUtc();
    stored.email = QStringLiteral("api-key-user@example.com");
    stored.rejected = true;
    QCOMPARE(KeychainAccess::save(store, stored), TokenStore::Status::Ok);
    Session session(config, m_network.get(), &store);
    MainWindow window;
    window.setSession(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy restored(&session, &Session::restoreFinished);
    session.restore();
    QVERIFY(restored.wait(10000));
    const auto label = [&window](const char *name) { return window.findChild<QLabel *>(QLatin1String(name)); };
    QCOMPARE(label("stateValue")->text(), QStringLiteral("Needs sign-in"));
    QCOMPARE(label("connectedWithValue")->text(), QStringLiteral("API key"));
    QVERIFY(label("problemValue")->text().contains(QLatin1String("did not accept the API key")));
    auto *useKey = window.findChild<QPushButton *>(QStringLiteral("useApiKeyButton"));
    QVERIFY(useKey->isVisible() && useKey->isEnabled());
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("refreshButton"))->isEnabled());
    QSignalSpy apiKey(&window, &MainWindow::apiKeyRequested);
    QTest::mouseClick(useKey, Qt::LeftButton);
    QCOMPARE(apiKey.size(), 1);
    checkNothingClipped(&window);
    screenshot(&window, QStringLiteral("needs-sign-in"));
    QCOMPARE(KeychainAccess::clear(store), TokenStore::Status::Ok);
}

// --- issue 16: several accounts side by side ------------------------------------------------

void TestMainWindow::openAccountsWindow(const Configuration &config, bool restore)
{
    m_accountsConfig = config;
    m_accounts = std::make_unique<Accounts>(config, m_network.get(), nullptr, m_indexFile);
    m_accounts->setAutoRefresh(true); // as the app's window does
    m_accounts->load();
    m_accountList = std::make_unique<AccountListModel>(m_accounts.get());
    m_accountsWindow = std::make_unique<MainWindow>();
    m_accountsWindow->setAccounts(m_accountList.get());
    m_accountsWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_accountsWindow.get()));
    if (!restore)
        return;
    QSignalSpy loaded(m_accounts.get(), &Accounts::loaded);
    m_accounts->restoreAll();
    QVERIFY(m_accounts->isLoaded() || loaded.wait(15000));
}

void TestMainWindow::closeAccountsWindow()
{
    m_accountsWindow.reset();
    m_accountList.reset();
    if (!m_accounts)
        return;
    // A keychain job or a refresh must not lose its session while it runs.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::none_of(m_accounts->sessions().cbegin(), m_accounts->sessions().cend(),
                     [](const Session *s) { return s->isBusy() || s->state() == Session::State::Loading; }),
        15000);
    m_accounts.reset();
}

void TestMainWindow::addAccountInBrowser(const QString &login)
{
    const qsizetype before = m_accounts->sessions().size();
    m_browser.opened.clear();
    QSignalSpy added(m_accounts.get(), &Accounts::accountAdded);
    if (before == 0) {
        // No account: the window is the one it always was.
        QVERIFY(!inAccounts("accountListPanel")->isVisible());
        QTest::mouseClick(inAccounts<QPushButton>("signInButton"), Qt::LeftButton);
    } else {
        QVERIFY(inAccounts("accountListPanel")->isVisible());
        inAccounts<QAction>("addInBrowserAction")->trigger();
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    // The new account's sign-in, in the detail; no account of the list is chosen meanwhile.
    QVERIFY(inAccounts("signInPage")->isVisible());
    QCOMPARE(accountsText("stateValue"), translated("Session", "Signing in"));
    QCOMPARE(m_accountsWindow->session(), m_accounts->pending());
    QVERIFY(inAccounts<QListView>("accountList")->selectionModel()->selectedIndexes().isEmpty());
    QVERIFY(!inAccounts<QPushButton>("removeAccountButton")->isEnabled());
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(m_browser.opened.takeFirst(), {}, login);
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(accountsText("stateValue"), translated("Session", "Connected"), 10000);
    QCOMPARE(accountsText("emailValue"), login + QStringLiteral("@example.com"));
    QCOMPARE(m_accounts->sessions().size(), before + 1);
    // Listed, chosen in the list, and active.
    Session *account = added.first().first().value<Session *>();
    QCOMPARE(m_accountsWindow->session(), account);
    QCOMPARE(inAccounts<QListView>("accountList")->currentIndex().row(), m_accountList->rowOf(account));
    QCOMPARE(m_accounts->active(), account);
    QVERIFY(inAccounts("accountListPanel")->isVisible());
}

Session *TestMainWindow::accountOf(const QString &login) const
{
    for (Session *session : m_accounts->sessions()) {
        if (m_accounts->entry(session).email == login + QStringLiteral("@example.com"))
            return session;
    }
    return nullptr;
}

void TestMainWindow::clickAccount(const QString &login)
{
    auto *list = inAccounts<QListView>("accountList");
    const int row = m_accountList->rowOf(accountOf(login));
    QVERIFY(row >= 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(m_accountList->index(row)).center());
    QCOMPARE(m_accountsWindow->session(), accountOf(login));
    QCOMPARE(accountsText("emailValue"), login + QStringLiteral("@example.com"));
}

AccountList TestMainWindow::listFile() const
{
    return AccountIndex(m_indexFile).read(m_accountsConfig.storageKey());
}

TokenStore::Result TestMainWindow::storedAccount(const Session *session) const
{
    TokenStore store(m_accountsConfig.storageKey(), session->slot());
    return KeychainAccess::load(store, true);
}

int TestMainWindow::refreshStatus(const QString &refreshToken) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(m_accountsConfig.tokenUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), refreshToken);
    form.addQueryItem(QStringLiteral("client_id"), m_accountsConfig.clientId);
    std::unique_ptr<QNetworkReply> reply(network.post(request, form.toString(QUrl::FullyEncoded).toUtf8()));
    waitFor([&reply] { return reply->isFinished(); }, 10000);
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// The window's logic without the window: AccountListModel over two accounts, one signed in in
// the browser and one with an API key.
void TestMainWindow::accountListAlone()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    m_indexFile = m_accountsDir.filePath(QStringLiteral("model.json"));
    m_accountsConfig = sandbox.configuration();
    m_accounts = std::make_unique<Accounts>(m_accountsConfig, m_network.get(), nullptr, m_indexFile);
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    m_accounts->load();
    QSignalSpy loaded(m_accounts.get(), &Accounts::loaded);
    m_accounts->restoreAll();
    QVERIFY(m_accounts->isLoaded() || loaded.wait(15000));
    AccountListModel model(m_accounts.get());
    // No account: the new account is shown, nothing can be removed or made active.
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.selected());
    QCOMPARE(model.selected(), m_accounts->pending());
    QVERIFY(!model.canRemove() && !model.canMakeActive());

    QSignalSpy selected(&model, &AccountListModel::selectedChanged);
    QVERIFY(::signInWithBrowser(*model.selected(), QStringLiteral("jane")));
    QCOMPARE(model.rowCount(), 1);
    Session *jane = model.sessionAt(0);
    QCOMPARE(model.selected(), jane); // the new account, listed now, stays shown
    QVERIFY(selected.isEmpty());
    Session *keyAccount = model.addAccount();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(model.selected(), keyAccount);
    QCOMPARE(model.rowOf(keyAccount), -1);
    QVERIFY(!model.canRemove() && !model.canMakeActive());
    QCOMPARE(model.addAccount(), keyAccount); // the same one until it signs in
    // Its name, while its email is not known, is the one the tray gives such an account.
    QVERIFY2(TrayStatus::accountLine(TrayAccount {}).startsWith(model.nameOf(keyAccount)),
             qPrintable(model.nameOf(keyAccount)));
    // Read once (its slot is empty), so that it says Signed out rather than Loading.
    QTRY_COMPARE_WITH_TIMEOUT(keyAccount->state(), Session::State::SignedOut, 10000);
    QSignalSpy finished(keyAccount, &Session::signInFinished);
    keyAccount->signInWithApiKey(QStringLiteral("sandbox-api-key"));
    QVERIFY(finished.wait(15000));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.sessionAt(1), keyAccount);
    QCOMPARE(model.selected(), keyAccount);
    QCOMPARE(m_accounts->active(), keyAccount);
    QCOMPARE(model.nameOf(keyAccount), QStringLiteral("api-key-user@example.com (Sandbox Webinars B.V.)"));

    // Make active.
    model.selectRow(0);
    QCOMPARE(model.selected(), jane);
    QVERIFY(model.canMakeActive());
    QString error;
    QVERIFY(model.makeSelectedActive(&error));
    QCOMPARE(m_accounts->active(), jane);
    QVERIFY(model.index(0).data(AccountListModel::ActiveRole).toBool());
    QVERIFY(!model.index(1).data(AccountListModel::ActiveRole).toBool());
    QVERIFY(!model.canMakeActive());

    // Remove the key's account: asked by name; afterwards Jane, the active one, is shown.
    model.selectRow(1);
    QVERIFY(model.removeQuestion().contains(QLatin1String("api-key-user@example.com")));
    QSignalSpy removed(&model, &AccountListModel::removeFinished);
    model.removeSelected();
    QVERIFY(!model.canRemove()); // not twice
    QVERIFY(removed.wait(15000));
    QVERIFY2(removed.first().first().toString().contains(QLatin1String("api-key-user@example.com")),
             qPrintable(removed.first().first().toString()));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.selected(), jane);

    // The last one removed: the new account is shown again, as with none at the start.
    model.removeSelected();
    QVERIFY(removed.wait(15000));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.selected());
    QCOMPARE(model.selected(), m_accounts->newAccount());
    QTRY_COMPARE_WITH_TIMEOUT(model.selected()->state(), Session::State::SignedOut, 10000);
    // No account left: nothing recorded, as before the first sign-in.
    QVERIFY(!listFile().recorded);
}

// Both accounts listed with their states, the active one marked; the detail follows the list,
// by mouse and keyboard; readable by a screen reader, nothing clipped, in every language.
void TestMainWindow::twoAccountsListed()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    m_indexFile = m_accountsDir.filePath(QStringLiteral("listed.json"));
    openAccountsWindow(sandbox.configuration());
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    // No account yet: as the window always was, with the API key offered.
    QVERIFY(!inAccounts("accountListPanel")->isVisible());
    QVERIFY(inAccounts<QPushButton>("signInButton")->isEnabled());
    QVERIFY(inAccounts<QPushButton>("useApiKeyButton")->isVisible());
    QCOMPARE(accountsText("stateValue"), translated("Session", "Signed out"));

    addAccountInBrowser(QStringLiteral("jane"));
    QCOMPARE(m_accountList->rowCount(), 1);
    addAccountInBrowser(QStringLiteral("bob"));
    QCOMPARE(m_accountList->rowCount(), 2);

    Session *jane = accountOf(QStringLiteral("jane"));
    Session *bob = accountOf(QStringLiteral("bob"));
    QVERIFY(jane && bob && jane != bob);
    QVERIFY(jane->slot() != bob->slot());
    // In the order they were added, each with its state; the last one added is active.
    const QModelIndex first = m_accountList->index(0), second = m_accountList->index(1);
    QCOMPARE(first.data(AccountListModel::SessionRole).value<Session *>(), jane);
    QCOMPARE(second.data(AccountListModel::SessionRole).value<Session *>(), bob);
    const QString connected = translated("Session", "Connected");
    for (const QModelIndex &row : {first, second}) {
        QVERIFY2(row.data().toString().contains(connected), qPrintable(row.data().toString()));
        QVERIFY2(row.data(Qt::AccessibleTextRole).toString().contains(connected),
                 qPrintable(row.data(Qt::AccessibleTextRole).toString()));
        QVERIFY(!row.data(Qt::DecorationRole).value<QIcon>().isNull());
    }
    QVERIFY(first.data().toString().startsWith(QLatin1String("jane@example.com")));
    QVERIFY(second.data().toString().startsWith(QLatin1String("bob@example.com")));
    QVERIFY(!first.data(AccountListModel::ActiveRole).toBool());
    QVERIFY(second.data(AccountListModel::ActiveRole).toBool());
    // The active one is marked in what is seen and what is heard, the other is not.
    QCOMPARE(first.data().toString(), QStringLiteral("%1\n%2").arg(m_accountList->nameOf(jane), connected));
    QCOMPARE(second.data().toString(),
             translated("AccountListModel", "%1\n%2 · active").arg(m_accountList->nameOf(bob), connected));
    QCOMPARE(first.data(Qt::AccessibleTextRole).toString(),
             translated("AccountListModel", "%1: %2").arg(m_accountList->nameOf(jane), connected));
    QCOMPARE(second.data(Qt::AccessibleTextRole).toString(),
             translated("AccountListModel", "%1: %2, the active account").arg(m_accountList->nameOf(bob), connected));
    QVERIFY(!first.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(second.data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(listFile().activeEntry()->email, QStringLiteral("bob@example.com"));
    // No secret in what the list shows or says, nor in the list file.
    QFile file(m_indexFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray listed = file.readAll();
    for (Session *account : {jane, bob}) {
        const TokenStore::Result stored = storedAccount(account);
        QCOMPARE(stored.status, TokenStore::Status::Ok);
        for (const QString &secret : {stored.session.accessToken, stored.session.refreshToken}) {
            QVERIFY(secret.size() > 8);
            QVERIFY(!listed.contains(secret.toUtf8()));
            for (const QModelIndex &row : {first, second}) {
                for (const int role : {int(Qt::DisplayRole), int(Qt::AccessibleTextRole), int(Qt::ToolTipRole)})
                    QVERIFY(!row.data(role).toString().contains(secret));
            }
        }
    }

    // The keyboard: up the list to Jane, whose detail shows; Tab goes on to the list's buttons.
    auto *list = inAccounts<QListView>("accountList");
    list->setFocus(Qt::TabFocusReason);
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(m_accountsWindow->session(), jane);
    QCOMPARE(accountsText("emailValue"), QStringLiteral("jane@example.com"));
    QVERIFY(inAccounts<QPushButton>("makeActiveButton")->isEnabled());
    QVERIFY(inAccounts<QPushButton>("removeAccountButton")->isEnabled());
    QTest::keyClick(list, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), inAccounts("addAccountButton"));
    QCOMPARE(inAccounts<QPushButton>("addAccountButton")->menu()->actions().size(), 2);

    QVERIFY(!inAccounts<QWidget>("accountList")->accessibleName().isEmpty());
    checkAccessible(m_accountsWindow.get());
    checkNothingClipped(m_accountsWindow.get());
    checkTranslated(m_accountsWindow.get());
    list->setFocus(Qt::TabFocusReason);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(m_accountsWindow->session(), bob);
    screenshot(m_accountsWindow.get(), QStringLiteral("accounts"));
}

// Make active: the list file's active account changes, and the mark in the list moves.
void TestMainWindow::makeActive()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    m_indexFile = m_accountsDir.filePath(QStringLiteral("active.json"));
    openAccountsWindow(sandbox.configuration());
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    addAccountInBrowser(QStringLiteral("jane"));
    addAccountInBrowser(QStringLiteral("bob"));
    QCOMPARE(listFile().activeEntry()->email, QStringLiteral("bob@example.com"));
    QVERIFY(!inAccounts<QPushButton>("makeActiveButton")->isEnabled()); // Bob is shown, and active

    clickAccount(QStringLiteral("jane"));
    QPushButton *makeActive = inAccounts<QPushButton>("makeActiveButton");
    QVERIFY(makeActive->isEnabled());
    QSignalSpy activeChanged(m_accounts.get(), &Accounts::activeChanged);
    QTest::mouseClick(makeActive, Qt::LeftButton);
    QCOMPARE(activeChanged.size(), 1);
    const AccountList list = listFile();
    QVERIFY(list.activeEntry());
    QCOMPARE(list.activeEntry()->email, QStringLiteral("jane@example.com"));
    QCOMPARE(list.active, accountOf(QStringLiteral("jane"))->slot());
    QCOMPARE(m_accounts->active(), accountOf(QStringLiteral("jane")));
    QVERIFY(m_accountList->index(0).data(AccountListModel::ActiveRole).toBool());
    QVERIFY(!m_accountList->index(1).data(AccountListModel::ActiveRole).toBool());
    QVERIFY(!makeActive->isEnabled());
    // Both stay signed in: switching changes which one the command line uses, nothing else.
    QCOMPARE(accountOf(QStringLiteral("jane"))->state(), Session::State::SignedIn);
    QCOMPARE(accountOf(QStringLiteral("bob"))->state(), Session::State::SignedIn);

    // Switched by another process (`switch`) while the window runs: the window follows.
    m_accounts->watchForChanges();
    const QString bobSlot = accountOf(QStringLiteral("bob"))->slot();
    QVERIFY(AccountIndex(m_indexFile).update(m_accountsConfig.storageKey(), [&bobSlot](AccountList &l) {
        l.active = bobSlot;
    }));
    QTRY_VERIFY_WITH_TIMEOUT(m_accountList->index(1).data(AccountListModel::ActiveRole).toBool(), 10000);
    QVERIFY(makeActive->isEnabled()); // Jane is still shown, no longer active
}

// Bob's grant revoked at the server: his account needs a new sign-in, Jane's stays connected and
// refreshes as before.
void TestMainWindow::oneRevokedOtherConnected()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    m_indexFile = m_accountsDir.filePath(QStringLiteral("revoked.json"));
    openAccountsWindow(sandbox.configuration());
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    addAccountInBrowser(QStringLiteral("jane"));
    addAccountInBrowser(QStringLiteral("bob"));
    Session *jane = accountOf(QStringLiteral("jane"));
    Session *bob = accountOf(QStringLiteral("bob"));
    const TokenStore::Result bobs = storedAccount(bob);
    QCOMPARE(bobs.status, TokenStore::Status::Ok);
    QCOMPARE(sandbox.revokeRefreshToken(bobs.session.refreshToken), 200);

    // Bob is shown (the last added): Refresh now meets the revoked grant.
    QCOMPARE(m_accountsWindow->session(), bob);
    QSignalSpy bobRefreshed(bob, &Session::refreshFinished);
    QTest::mouseClick(inAccounts<QPushButton>("refreshButton"), Qt::LeftButton);
    QVERIFY(bobRefreshed.wait(15000));
    QCOMPARE(bob->state(), Session::State::NeedsSignIn);
    QTRY_COMPARE(accountsText("stateValue"), translated("Session", "Needs sign-in"));
    QCOMPARE(m_accountList->index(1).data(AccountListModel::StateRole).value<Session::State>(),
             Session::State::NeedsSignIn);
    QVERIFY(m_accountList->index(1).data().toString().contains(translated("Session", "Needs sign-in")));
    // Jane's row and session are untouched, and her refresh still works.
    QCOMPARE(jane->state(), Session::State::SignedIn);
    QVERIFY(m_accountList->index(0).data().toString().contains(translated("Session", "Connected")));
    QVERIFY(m_accountList->index(0).data(AccountListModel::StateRole).value<Session::State>()
            == Session::State::SignedIn);
    clickAccount(QStringLiteral("jane"));
    const QString before = storedAccount(jane).session.refreshToken;
    QSignalSpy janeRefreshed(jane, &Session::refreshFinished);
    QTest::mouseClick(inAccounts<QPushButton>("refreshButton"), Qt::LeftButton);
    QVERIFY(janeRefreshed.wait(15000));
    QVERIFY(!janeRefreshed.first().first().value<AuthError>().isError());
    QCOMPARE(jane->state(), Session::State::SignedIn);
    QCOMPARE(accountsText("stateValue"), translated("Session", "Connected"));
    QVERIFY(storedAccount(jane).session.refreshToken != before); // rotated: her own grant works
    QCOMPARE(bob->state(), Session::State::NeedsSignIn);
    // The list shows who needs the person: Bob's row is chosen to show it.
    clickAccount(QStringLiteral("bob"));
    checkNothingClipped(m_accountsWindow.get());
    screenshot(m_accountsWindow.get(), QStringLiteral("accounts-one-needs-sign-in"));
}

// Remove… asks first, naming the account; Cancel keeps it. Removed: signed out at the server,
// gone from the keychain and the list; the other account stays and is shown.
void TestMainWindow::removeAccount()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    m_indexFile = m_accountsDir.filePath(QStringLiteral("removed.json"));
    openAccountsWindow(sandbox.configuration());
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    addAccountInBrowser(QStringLiteral("jane"));
    addAccountInBrowser(QStringLiteral("bob"));
    Session *bob = accountOf(QStringLiteral("bob"));
    const QString bobSlot = bob->slot();
    const QString bobsRefreshToken = storedAccount(bob).session.refreshToken;
    QVERIFY(!bobsRefreshToken.isEmpty());
    QCOMPARE(m_accountsWindow->session(), bob);

    QPushButton *remove = inAccounts<QPushButton>("removeAccountButton");
    QTest::mouseClick(remove, Qt::LeftButton);
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = m_accountsWindow->findChild<QMessageBox *>(QStringLiteral("removeQuestion"))));
    QVERIFY(question->isVisible());
    QVERIFY2(question->text().contains(QLatin1String("bob@example.com")), qPrintable(question->text()));
    QCOMPARE(question->defaultButton(), question->button(QMessageBox::Cancel));
    QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!m_accountsWindow->findChild<QMessageBox *>(QStringLiteral("removeQuestion")));
    QCOMPARE(m_accounts->sessions().size(), 2); // cancelled: nothing happened
    QCOMPARE(storedAccount(bob).status, TokenStore::Status::Ok);

    QSignalSpy removed(m_accounts.get(), &Accounts::removeFinished);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY((question = m_accountsWindow->findChild<QMessageBox *>(QStringLiteral("removeQuestion"))));
    QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("confirmRemoveButton")), Qt::LeftButton);
    QVERIFY(removed.wait(15000));
    QVERIFY(!removed.first().at(1).value<AuthError>().isError());
    QCOMPARE(m_accountList->rowCount(), 1);
    QCOMPARE(m_accounts->sessions().size(), 1);
    QVERIFY(!accountOf(QStringLiteral("bob")));
    // Jane is shown, and active now; the message names who was removed.
    QCOMPARE(accountsText("emailValue"), QStringLiteral("jane@example.com"));
    QCOMPARE(accountsText("stateValue"), translated("Session", "Connected"));
    QVERIFY(inAccounts("messageLabel")->isVisible());
    QVERIFY2(accountsText("messageLabel").contains(QLatin1String("bob@example.com")),
             qPrintable(accountsText("messageLabel")));
    const AccountList list = listFile();
    QCOMPARE(list.accounts.size(), 1);
    QCOMPARE(list.accounts.first().email, QStringLiteral("jane@example.com"));
    QCOMPARE(list.activeEntry()->email, QStringLiteral("jane@example.com"));
    // Nothing of Bob in the keychain, and his refresh token is dead at the server.
    TokenStore bobsStore(m_accountsConfig.storageKey(), bobSlot);
    QCOMPARE(KeychainAccess::load(bobsStore, true).status, TokenStore::Status::NotFound);
    QCOMPARE(refreshStatus(bobsRefreshToken), 400);
    QCOMPARE(accountOf(QStringLiteral("jane"))->state(), Session::State::SignedIn);
    checkNothingClipped(m_accountsWindow.get());

    // The last one too: the window is as it was with no account, ready to sign in.
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY((question = m_accountsWindow->findChild<QMessageBox *>(QStringLiteral("removeQuestion"))));
    QVERIFY(question->text().contains(QLatin1String("jane@example.com")));
    QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("confirmRemoveButton")), Qt::LeftButton);
    QVERIFY(removed.wait(15000));
    QCOMPARE(m_accounts->sessions().size(), 0);
    QVERIFY(!inAccounts("accountListPanel")->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(accountsText("stateValue"), translated("Session", "Signed out"), 10000);
    QCOMPARE(accountsText("emailValue"), QStringLiteral("–"));
    QVERIFY(inAccounts<QPushButton>("signInButton")->isEnabled());
    QVERIFY(inAccounts<QPushButton>("useApiKeyButton")->isVisible());
}

// Removed from the tray (Accounts::remove, not the list's Remove…): the window says nothing
// about the account it did not remove, and no sentence without its name.
void TestMainWindow::removedFromTheTray()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    m_indexFile = m_accountsDir.filePath(QStringLiteral("tray-removed.json"));
    openAccountsWindow(sandbox.configuration());
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    addAccountInBrowser(QStringLiteral("jane"));
    QSignalSpy removed(m_accounts.get(), &Accounts::removeFinished);
    QSignalSpy said(m_accountList.get(), &AccountListModel::removeFinished);
    m_accounts->remove(accountOf(QStringLiteral("jane")));
    QVERIFY(removed.wait(15000));
    QVERIFY(!removed.first().at(1).value<AuthError>().isError());
    QCOMPARE(m_accounts->sessions().size(), 0);
    QVERIFY2(said.isEmpty(), qPrintable(said.isEmpty() ? QString() : said.first().first().toString()));
    const QString message = accountsText("messageLabel");
    QVERIFY2(!inAccounts("messageLabel")->isVisible() || message.contains(QLatin1String("jane@example.com")),
             qPrintable(message));
    QVERIFY(!inAccounts("accountListPanel")->isVisible());
}

// Sign in again on Bob's row while the browser is still logged in as Jane: the sign-in is a new
// account's, so Jane's is renewed in her place and Bob's stays as it was, both listed.
void TestMainWindow::signInAgainAsSomeoneElse()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    m_indexFile = m_accountsDir.filePath(QStringLiteral("again.json"));
    openAccountsWindow(sandbox.configuration());
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    addAccountInBrowser(QStringLiteral("jane"));
    addAccountInBrowser(QStringLiteral("bob"));
    Session *bob = accountOf(QStringLiteral("bob"));
    const QString bobsToken = storedAccount(bob).session.refreshToken;
    QCOMPARE(m_accountsWindow->session(), bob);

    // The window's Sign in on Bob's row, then the tray's Sign in again.
    for (const bool fromTray : {false, true}) {
        m_browser.opened.clear();
        QSignalSpy added(m_accounts.get(), &Accounts::accountAdded);
        if (fromTray)
            m_accountsWindow->signInTo(bob);
        else
            QTest::mouseClick(inAccounts<QPushButton>("signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
        // Its progress shows in the window, as for Add account.
        QVERIFY(inAccounts("signInPage")->isVisible());
        QCOMPARE(m_accountsWindow->session(), m_accounts->pending());
        const Sandbox::BrowserResult browser =
            Sandbox::runBrowser(m_browser.opened.takeFirst(), {}, QStringLiteral("jane"));
        QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
        QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(accountsText("emailValue"), QStringLiteral("jane@example.com"), 10000);
        QCOMPARE(m_accounts->sessions().size(), 2);
        QCOMPARE(accountOf(QStringLiteral("bob")), bob);
        QCOMPARE(m_accountList->rowOf(bob), 1);
        QVERIFY(accountOf(QStringLiteral("jane")));
        QCOMPARE(m_accountList->rowOf(accountOf(QStringLiteral("jane"))), 0); // renewed in her place
        const TokenStore::Result bobs = storedAccount(bob);
        QCOMPARE(bobs.status, TokenStore::Status::Ok);
        QCOMPARE(bobs.session.email, QStringLiteral("bob@example.com"));
        QVERIFY(bobs.session.refreshToken == bobsToken); // QVERIFY: a token is never printed
        QCOMPARE(listFile().accounts.size(), 2);
        clickAccount(QStringLiteral("bob"));
    }
}

// Sign out in the window signs the account out and takes it off the list, as the tray's Sign out
// and `logout` do, without a question; the last one leaves the window as it always was.
void TestMainWindow::signOutInTheWindow()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    m_indexFile = m_accountsDir.filePath(QStringLiteral("signout.json"));
    openAccountsWindow(sandbox.configuration());
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    addAccountInBrowser(QStringLiteral("jane"));
    addAccountInBrowser(QStringLiteral("bob"));
    QCOMPARE(m_accountsWindow->session(), accountOf(QStringLiteral("bob")));
    QSignalSpy removed(m_accounts.get(), &Accounts::removeFinished);
    QTest::mouseClick(inAccounts<QPushButton>("signOutButton"), Qt::LeftButton);
    QVERIFY(!m_accountsWindow->findChild<QMessageBox *>(QStringLiteral("removeQuestion")));
    QVERIFY(removed.wait(15000));
    QVERIFY(!removed.first().at(1).value<AuthError>().isError());
    QCOMPARE(m_accounts->sessions().size(), 1);
    QVERIFY(!accountOf(QStringLiteral("bob")));
    QCOMPARE(m_accounts->worstState(), Session::State::SignedIn);
    QCOMPARE(listFile().accounts.size(), 1);
    QCOMPARE(listFile().activeEntry()->email, QStringLiteral("jane@example.com"));
    QCOMPARE(accountsText("emailValue"), QStringLiteral("jane@example.com"));
    QVERIFY2(accountsText("messageLabel").contains(QLatin1String("bob@example.com")),
             qPrintable(accountsText("messageLabel")));

    QTest::mouseClick(inAccounts<QPushButton>("signOutButton"), Qt::LeftButton);
    QVERIFY(removed.wait(15000));
    QCOMPARE(m_accounts->sessions().size(), 0);
    QVERIFY(!listFile().recorded); // no account left: nothing recorded
    QVERIFY(!inAccounts("accountListPanel")->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(accountsText("stateValue"), translated("Session", "Signed out"), 10000);
    QVERIFY(inAccounts<QPushButton>("signInButton")->isEnabled());
}

// The shown account removed: the active one is shown next, not the list's neighbour.
void TestMainWindow::removeTheShownAccount()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    m_indexFile = m_accountsDir.filePath(QStringLiteral("shown.json"));
    openAccountsWindow(sandbox.configuration());
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    addAccountInBrowser(QStringLiteral("jane"));
    addAccountInBrowser(QStringLiteral("bob"));
    addAccountInBrowser(QStringLiteral("carol"));
    Session *carol = accountOf(QStringLiteral("carol"));
    QCOMPARE(m_accounts->active(), carol);
    clickAccount(QStringLiteral("jane"));
    QSignalSpy removed(m_accounts.get(), &Accounts::removeFinished);
    QTest::mouseClick(inAccounts<QPushButton>("removeAccountButton"), Qt::LeftButton);
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = m_accountsWindow->findChild<QMessageBox *>(QStringLiteral("removeQuestion"))));
    QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("confirmRemoveButton")), Qt::LeftButton);
    QVERIFY(removed.wait(15000));
    QCOMPARE(m_accounts->sessions().size(), 2);
    QCOMPARE(m_accountsWindow->session(), carol);
    QCOMPARE(accountsText("emailValue"), QStringLiteral("carol@example.com"));
    QCOMPARE(inAccounts<QListView>("accountList")->currentIndex().row(), m_accountList->rowOf(carol));
}

// Add account cancelled: the window goes back to the active account, not an empty detail.
void TestMainWindow::cancelAddAccount()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    m_indexFile = m_accountsDir.filePath(QStringLiteral("cancelled.json"));
    openAccountsWindow(sandbox.configuration());
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    addAccountInBrowser(QStringLiteral("jane"));
    Session *jane = accountOf(QStringLiteral("jane"));
    m_browser.opened.clear();
    inAccounts<QAction>("addInBrowserAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    Session *adding = m_accounts->pending();
    QCOMPARE(m_accountsWindow->session(), adding);
    QSignalSpy finished(adding, &Session::signInFinished);
    QTest::mouseClick(inAccounts<QPushButton>("cancelButton"), Qt::LeftButton);
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QTRY_COMPARE(m_accountsWindow->session(), jane);
    QCOMPARE(accountsText("emailValue"), QStringLiteral("jane@example.com"));
    QCOMPARE(inAccounts<QListView>("accountList")->currentIndex().row(), 0);
    QVERIFY(inAccounts<QListView>("accountList")->selectionModel()->isSelected(m_accountList->index(0)));
}

// An earlier version's one session (under the old key, no list file) is the first account, with
// no sign-in; another account is added beside it.
void TestMainWindow::upgradeFromOneSession()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    const Configuration config = sandbox.configuration();
    {
        TokenStore oldStore(config.storageKey()); // the one key an earlier version used
        Session old(config, m_network.get(), &oldStore);
        QVERIFY(::signInWithBrowser(old, QStringLiteral("jane")));
    }
    m_indexFile = m_accountsDir.filePath(QStringLiteral("upgrade.json"));
    QVERIFY(!QFile::exists(m_indexFile));
    m_browser.opened.clear();
    openAccountsWindow(config);
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    QCOMPARE(m_accountList->rowCount(), 1);
    QVERIFY(inAccounts("accountListPanel")->isVisible());
    Session *jane = m_accountList->sessionAt(0);
    QCOMPARE(jane->slot(), QString());
    QCOMPARE(jane->state(), Session::State::SignedIn);
    QCOMPARE(m_accountsWindow->session(), jane);
    QCOMPARE(accountsText("stateValue"), translated("Session", "Connected"));
    QCOMPARE(accountsText("emailValue"), QStringLiteral("jane@example.com"));
    QVERIFY(m_accountList->index(0).data().toString().startsWith(QLatin1String("jane@example.com")));
    QVERIFY(m_browser.opened.isEmpty()); // no sign-in
    // Recorded as an account, under the slot it has always had.
    QTRY_VERIFY_WITH_TIMEOUT(listFile().recorded, 5000);
    QCOMPARE(listFile().accounts.size(), 1);
    QCOMPARE(listFile().accounts.first().email, QStringLiteral("jane@example.com"));
    QCOMPARE(listFile().accounts.first().slot, QString());
    // The tray names it too, as it named the one session before.
    TrayIndicator tray(m_accounts.get());
    QVERIFY2(tray.status().tooltip.contains(QLatin1String("jane@example.com")), qPrintable(tray.status().tooltip));
    QCOMPARE(tray.status().kind, TrayStatus::Kind::SignedIn);

    addAccountInBrowser(QStringLiteral("bob"));
    QCOMPARE(m_accountList->rowCount(), 2);
    QCOMPARE(m_accountList->sessionAt(0), jane);
    QCOMPARE(jane->state(), Session::State::SignedIn);
    QVERIFY(accountOf(QStringLiteral("bob"))->slot() != QString());
    QTRY_VERIFY2_WITH_TIMEOUT(tray.status().tooltip.contains(QLatin1String("bob@example.com")),
                              qPrintable(tray.status().tooltip), 5000);
    QVERIFY(tray.status().tooltip.contains(QLatin1String("jane@example.com")));
}

// Two accounts whose tokens are due at the same moment (the window starts after both ran out of
// lead time): both refresh at once, each with its own refresh token, and neither spends or
// waits for the other's.
void TestMainWindow::overlappingRefreshes()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("SANDBOX_ACCESS_TOKEN_TTL"), QStringLiteral("10")); // refreshed 5 s before
    Sandbox sandbox(env);
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    m_indexFile = m_accountsDir.filePath(QStringLiteral("overlap.json"));
    openAccountsWindow(sandbox.configuration());
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    addAccountInBrowser(QStringLiteral("jane"));
    addAccountInBrowser(QStringLiteral("bob"));
    closeAccountsWindow();

    // Both access tokens inside their last 5 s, or past them.
    QTest::qWait(6000);
    openAccountsWindow(sandbox.configuration(), false);
    QCOMPARE(m_accountList->rowCount(), 2);
    Session *jane = m_accountList->sessionAt(0);
    Session *bob = m_accountList->sessionAt(1);
    const QString janeBefore = storedAccount(jane).session.refreshToken;
    const QString bobBefore = storedAccount(bob).session.refreshToken;
    QVERIFY(!janeBefore.isEmpty() && !bobBefore.isEmpty() && janeBefore != bobBefore);
    const int grantsBefore = sandbox.grantsOf("refresh_token");
    QSignalSpy janeStates(jane, &Session::stateChanged), bobStates(bob, &Session::stateChanged);
    QSignalSpy janeRefreshed(jane, &Session::refreshFinished), bobRefreshed(bob, &Session::refreshFinished);
    m_accounts->restoreAll();
    // Both as soon as the window has read them, not one after the other's next turn (5 s on).
    QTRY_VERIFY_WITH_TIMEOUT(!janeRefreshed.isEmpty() && !bobRefreshed.isEmpty(), 4000);
    QVERIFY(!janeRefreshed.first().first().value<AuthError>().isError());
    QVERIFY(!bobRefreshed.first().first().value<AuthError>().isError());
    const auto refreshing = [](const QSignalSpy &states) {
        for (const QList<QVariant> &change : states) {
            if (change.first().value<Session::State>() == Session::State::Refreshing)
                return true;
        }
        return false;
    };
    QVERIFY(refreshing(janeStates) && refreshing(bobStates));
    QCOMPARE(jane->state(), Session::State::SignedIn);
    QCOMPARE(bob->state(), Session::State::SignedIn);
    // Each with its own refresh token: both rotated, none spent twice, none refused.
    const QString janeAfter = storedAccount(jane).session.refreshToken;
    const QString bobAfter = storedAccount(bob).session.refreshToken;
    QVERIFY(janeAfter != janeBefore && bobAfter != bobBefore && janeAfter != bobAfter);
    QVERIFY(sandbox.grantsOf("refresh_token") >= grantsBefore + 2);
    QVERIFY2(!sandbox.log().contains("invalid_grant"), sandbox.log().right(2000).constData());
    QCOMPARE(m_accounts->entry(jane).email, QStringLiteral("jane@example.com"));
    QCOMPARE(m_accounts->entry(bob).email, QStringLiteral("bob@example.com"));
    // Both rows say so.
    for (int row = 0; row < 2; ++row)
        QVERIFY(m_accountList->index(row).data().toString().contains(translated("Session", "Connected")));
}

void TestMainWindow::keychainUnavailable()
{
    startSession();
    signInWithBrowser();
    const QString locked = KeychainAccess::lockDefaultCollection();
    QVERIFY2(locked.isEmpty(), qPrintable(locked));
    // Refresh now reads the keychain again under the refresh lock: a locked keyring says so.
    QTest::mouseClick(button("refreshButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), QStringLiteral("Keychain unavailable"), 10000);
    QVERIFY2(text("problemValue").startsWith(QLatin1String("The system keychain cannot be used")),
             qPrintable(text("problemValue")));
    QVERIFY(text("problemValue").contains(QLatin1String("Unlock your keyring")));
    QVERIFY(button("refreshButton")->isEnabled()); // the way to try again
    checkNothingClipped(m_window.get());
    screenshot(m_window.get(), QStringLiteral("keychain-unavailable"));
}

void TestMainWindow::revokeStoredRefreshToken()
{
    const Configuration config = m_sandbox->configuration();
    TokenStore store(config.storageKey());
    const TokenStore::Result stored = KeychainAccess::load(store, true);
    QCOMPARE(stored.status, TokenStore::Status::Ok);
    QVERIFY(!stored.session.refreshToken.isEmpty());
    QNetworkAccessManager network;
    QNetworkRequest request(config.revokeUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), stored.session.refreshToken);
    form.addQueryItem(QStringLiteral("token_type_hint"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("client_id"), config.clientId);
    std::unique_ptr<QNetworkReply> reply(network.post(request, form.toString(QUrl::FullyEncoded).toUtf8()));
    QVERIFY(waitFor([&reply] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

// Issue 14, 4: with no client id, the window says so before anyone presses Sign in, with the
// focus on Settings and the API key as the other way in.
void TestMainWindow::firstStartWithoutClientId()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    Configuration config = sandbox.configuration();
    config.clientId.clear();
    TokenStore store(config.storageKey());
    Session session(config, m_network.get(), &store);
    MainWindow window;
    window.setSession(&session);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy restored(&session, &Session::restoreFinished);
    session.restore();
    QVERIFY(restored.wait(10000));
    const auto label = [&window](const char *name) { return window.findChild<QLabel *>(QLatin1String(name)); };
    const auto button = [&window](const char *name) { return window.findChild<QPushButton *>(QLatin1String(name)); };
    QCOMPARE(label("stateValue")->text(), translated("Session", "Signed out"));
    QTRY_COMPARE(QApplication::focusWidget(), button("settingsButton"));
    QVERIFY(label("problemValue")->isVisible());
    QCOMPARE(label("problemValue")->text(),
             translated("StatusSummary",
                        "Signing in with the browser needs a client id, and none is set yet. Enter "
                        "it under Settings, or connect with an API key instead."));
    QVERIFY(!button("signInButton")->isEnabled()); // it could only fail the same way
    QVERIFY(button("useApiKeyButton")->isVisible());
    QVERIFY(button("useApiKeyButton")->isEnabled());
    QVERIFY(!window.findChild<QWidget *>(QStringLiteral("signInPage"))->isVisible());
    checkTranslated(&window);
    checkAccessible(&window);
    checkNothingClipped(&window);
    screenshot(&window, QStringLiteral("no-client-id"));
    // Space on the focused button opens the settings; Alt+K is the API key.
    QSignalSpy settings(&window, &MainWindow::settingsRequested);
    QSignalSpy apiKey(&window, &MainWindow::apiKeyRequested);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QTRY_COMPARE(settings.size(), 1);
    QTest::mouseClick(button("useApiKeyButton"), Qt::LeftButton);
    QCOMPARE(apiKey.size(), 1);

    // Once the settings name a client id, Sign in works and nothing is said.
    session.reconfigure(sandbox.configuration());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::SignedOut, 10000);
    QTRY_VERIFY(button("signInButton")->isEnabled());
    QVERIFY(!label("problemValue")->isVisible());
}

// Issue 15, 3: the issuer's metadata was refused at start-up: the window says which address and
// which rule, before anyone tries to sign in, and the API key stays on offer.
void TestMainWindow::issuerMetadataRefused()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    Configuration config = sandbox.configuration();
    config.issuer = sandbox.baseUrl().adjusted(QUrl::StripTrailingSlash);
    config.authorizeUrl.clear();
    config.tokenUrl.clear();
    config.revokeUrl.clear();
    const QUrl source = IssuerMetadata::wellKnownUrls(config.issuer).constFirst();
    config.issuerProblem =
        IssuerMetadata::parse(R"({"issuer": "https://other.example.invalid"})", config.issuer, source).problem;
    QVERIFY(config.issuerProblem.contains(source.toDisplayString()));
    TokenStore store(config.storageKey());
    Session session(config, m_network.get(), &store);
    MainWindow window;
    window.setSession(&session);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy restored(&session, &Session::restoreFinished);
    session.restore();
    QVERIFY(restored.wait(10000));
    const auto label = [&window](const char *name) { return window.findChild<QLabel *>(QLatin1String(name)); };
    const auto button = [&window](const char *name) { return window.findChild<QPushButton *>(QLatin1String(name)); };
    QVERIFY(label("problemValue")->isVisible());
    QCOMPARE(label("problemValue")->text(),
             translated("StatusSummary",
                        "Signing in with the browser cannot work with these settings: %1 Correct them under "
                        "Settings, or connect with an API key instead.")
                 .arg(config.issuerProblem));
    QVERIFY(!button("signInButton")->isEnabled());
    QVERIFY(button("useApiKeyButton")->isEnabled());
    checkNothingClipped(&window);
    screenshot(&window, QStringLiteral("issuer-refused"));
}

// Issue 14, 3: the server rejects the session for good; the window still names the account to
// sign back in to, in the app's own words, with the server's words apart.
void TestMainWindow::rejectedSessionKeepsTheAccount()
{
    startSession();
    signInWithBrowser();
    revokeStoredRefreshToken();
    QTest::mouseClick(button("refreshButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), translated("Session", "Needs sign-in"), 15000);
    QCOMPARE(m_session->lastError().kind, Kind::InvalidGrant);
    QCOMPARE(text("emailValue"), QStringLiteral("jane@example.com"));
    QCOMPARE(text("companyValue"), QStringLiteral("Sandbox Webinars B.V."));
    const QString expected =
        translated("StatusSummary", "%1 Sign in again as %2.")
            .arg(translated("StatusSummary", "The server no longer accepts this computer's session."),
                 QStringLiteral("jane@example.com (Sandbox Webinars B.V.)"));
    QCOMPARE(text("problemValue"), expected);
    QVERIFY(!text("problemValue").contains(QLatin1String("invalid_grant")));
    QVERIFY(find<QWidget>("problemDetailsValue")->isVisible());
    QVERIFY2(text("problemDetailsValue").contains(QLatin1String("(invalid_grant, HTTP 400)")),
             qPrintable(text("problemDetailsValue")));
    QVERIFY(button("signInButton")->isEnabled());
    QVERIFY(!button("refreshButton")->isEnabled());
    // Nothing of it is kept in the keychain: the account is only named.
    TokenStore store(m_sandbox->configuration().storageKey());
    QCOMPARE(KeychainAccess::load(store).status, TokenStore::Status::NotFound);
    checkTranslated(m_window.get());
    checkAccessible(m_window.get());
    checkNothingClipped(m_window.get());
    screenshot(m_window.get(), QStringLiteral("needs-sign-in-account"));

    // Signing back in replaces it.
    signInWithBrowser();
    QVERIFY(!find<QWidget>("problemValue")->isVisible());
    QVERIFY(!find<QWidget>("problemDetailsValue")->isVisible());
    signOut();
}

// Issue 14, 5: while a new sign-in runs the state stays Connected, and a denial says that the
// connection there was is unchanged.
void TestMainWindow::signInAgainWhileConnected()
{
    startSession();
    signInWithBrowser();
    const QString token = m_session->stored().accessToken;
    // As short as its contents allow, as a window opens.
    m_window->resize(m_window->width(), m_window->minimumSizeHint().height());
    QTest::mouseClick(button("signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QCOMPARE(text("stateValue"), translated("Session", "Connected"));
    QVERIFY(find<QWidget>("activityValue")->isVisible());
    QCOMPARE(text("activityValue"), translated("StatusSummary", "Signing in again…"));
    QCOMPARE(text("emailValue"), QStringLiteral("jane@example.com"));
    QVERIFY(find<QWidget>("waitingPart")->isVisible());
    checkNothingClipped(m_window.get());
    screenshot(m_window.get(), QStringLiteral("signing-in-again"));

    QCOMPARE(Sandbox::runBrowser(m_browser.opened.takeFirst(), {QStringLiteral("--deny")}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(find<QWidget>("failedPart")->isVisible(), 10000);
    QCOMPARE(text("stateValue"), translated("Session", "Connected"));
    QVERIFY(!find<QWidget>("activityValue")->isVisible());
    const QString unchanged =
        translated("StatusSummary", "The existing connection is unchanged: still connected as %1.")
            .arg(QStringLiteral("jane@example.com (Sandbox Webinars B.V.)"));
    QVERIFY2(text("reasonValue").startsWith(translated("AuthError", "Sign-in was denied.")),
             qPrintable(text("reasonValue")));
    QVERIFY2(text("reasonValue").endsWith(unchanged), qPrintable(text("reasonValue")));
    QVERIFY(!text("reasonValue").contains(translated("StatusSummary", "To connect, sign in again and allow access.")));
    checkServerWordsApart("access_denied");
    // The failure part is shorter than the waiting part it replaced: the window is as short as
    // its contents allow, with no empty band below the page.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->height(), m_window->minimumSizeHint().height(), 5000);
    QVERIFY(m_session->stored().accessToken == token); // unchanged (QVERIFY: a token is never printed)
    QCOMPARE(m_session->state(), Session::State::SignedIn);
    checkTranslated(m_window.get());
    checkNothingClipped(m_window.get());
    screenshot(m_window.get(), QStringLiteral("sign-in-again-denied"));
    QTest::mouseClick(button("dismissButton"), Qt::LeftButton);
    signOut();
}

// Issue 14, 7: a browser that could not be opened, and one that opened to nothing.
void TestMainWindow::browserDidNotOpen()
{
    startSession();
    m_window->setBrowserQuietSeconds(2);
    const QString copyHint = withoutMnemonic(button("copyLinkButton")->text());
    QVERIFY(!copyHint.isEmpty());

    // The stand-in browser takes the link and never comes back: after the (shortened) wait the
    // page points to Copy link, as a hint: still waiting.
    QTest::mouseClick(button("signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QCOMPARE(text("headingLabel"), translated("SignInPage", "Waiting for your browser…"));
    QTRY_COMPARE_WITH_TIMEOUT(text("headingLabel"), translated("SignInPage", "Still waiting for your browser…"), 10000);
    QVERIFY2(text("hintLabel").contains(copyHint), qPrintable(text("hintLabel"))); // the button's own name
    QCOMPARE(text("stateValue"), translated("Session", "Signing in"));
    checkNothingClipped(m_window.get());
    screenshot(m_window.get(), QStringLiteral("browser-quiet"));
    QTest::mouseClick(button("cancelButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), translated("Session", "Signed out"), 5000);
    m_browser.opened.clear();

    // No opener at all: the app's own QDesktopServices, with no handler, no xdg-open, no browser
    // on PATH and no $BROWSER. The platform says it opened nothing.
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    const QByteArray path = qgetenv("PATH"), browser = qgetenv("BROWSER");
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    qputenv("PATH", bin.path().toLocal8Bit());
    qunsetenv("BROWSER");
    qunsetenv("DEFAULT_BROWSER");
    const auto restore = qScopeGuard([&] {
        qputenv("PATH", path);
        if (!browser.isEmpty())
            qputenv("BROWSER", browser);
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "open");
    });
    QTest::mouseClick(button("signInButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(find<QWidget>("waitingPart")->isVisible(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(text("headingLabel"), translated("SignInPage", "Your browser could not be opened"), 5000);
    QVERIFY2(text("hintLabel").contains(copyHint), qPrintable(text("hintLabel"))); // the button's own name
    QTest::qWait(2500); // longer than the quiet wait: "could not be opened" stays
    QCOMPARE(text("headingLabel"), translated("SignInPage", "Your browser could not be opened"));
    QTest::mouseClick(button("copyLinkButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), m_session->authorizationUrl().toString(QUrl::FullyEncoded));
    checkTranslated(m_window.get());
    checkNothingClipped(m_window.get());
    screenshot(m_window.get(), QStringLiteral("browser-not-opened"));
    QTest::mouseClick(button("cancelButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), translated("Session", "Signed out"), 5000);

    // On a desktop (xcb), Qt starts xdg-open and cannot see it fail: xdg-open exits 4 when the
    // registered default browser does not start, and never tries $BROWSER. The quiet wait is
    // what tells the person then.
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        return;
    QFile opener(bin.filePath(QStringLiteral("xdg-open")));
    QVERIFY(opener.open(QIODevice::WriteOnly));
    const QString ran = bin.filePath(QStringLiteral("xdg-open-ran"));
    opener.write(QStringLiteral("#!/bin/sh\necho \"$1\" > '%1'\nexit 4\n").arg(ran).toLocal8Bit());
    opener.close();
    QVERIFY(opener.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    qputenv("PATH", bin.path().toLocal8Bit() + ':' + path);
    QTest::mouseClick(button("signInButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(ran) && QFileInfo(ran).size() > 0, 10000);
    QCOMPARE(text("headingLabel"), translated("SignInPage", "Waiting for your browser…"));
    QTRY_COMPARE_WITH_TIMEOUT(text("headingLabel"), translated("SignInPage", "Still waiting for your browser…"), 10000);
    QTest::mouseClick(button("cancelButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), translated("Session", "Signed out"), 5000);
}

// Issue 14, 6: the window shrinks back when the sign-in page goes, the two cards' values start
// at one x, the expiry and its countdown are one space apart, and no text has a double space.
void TestMainWindow::layoutLinesUp()
{
    startSession();
    // As first shown: no taller than its content needs (earlier tests may have grown it).
    m_window->resize(m_window->width(), m_window->minimumSizeHint().height());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QApplication::processEvents();
    const int before = m_window->height();
    QTest::mouseClick(button("signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
    QTRY_VERIFY(find<QWidget>("signInPage")->isVisible()); // the window grows for it when it must
    const Sandbox::BrowserResult browser = Sandbox::runBrowser(m_browser.opened.takeFirst());
    QVERIFY2(browser.exitCode == 0, qPrintable(browser.errorText));
    QTRY_COMPARE_WITH_TIMEOUT(text("stateValue"), translated("Session", "Connected"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->height(), before, 5000);
    checkNothingClipped(m_window.get());

    const auto x = [this](const char *name) { return find<QWidget>(name)->mapTo(m_window.get(), QPoint(0, 0)).x(); };
    for (const char *value : {"emailValue", "connectedWithValue", "stateValue", "expiresValue", "scopeValue",
                              "lastRefreshValue", "nextRefreshValue", "storageValue"})
        QVERIFY2(x(value) == x("companyValue"),
                 qPrintable(QStringLiteral("%1 at x %2, companyValue at %3")
                                .arg(QLatin1String(value))
                                .arg(x(value))
                                .arg(x("companyValue"))));
    auto *expires = find<QLabel>("expiresValue");
    auto *countdown = find<QLabel>("countdownValue");
    QVERIFY(countdown->isVisible());
    const int gap = countdown->geometry().left() - expires->geometry().right() - 1;
    QCOMPARE(gap, expires->fontMetrics().horizontalAdvance(QLatin1Char(' ')));
    for (const QLabel *label : m_window->findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(QLatin1String("  ")), qPrintable(label->objectName()));
    for (const QPushButton *b : m_window->findChildren<QPushButton *>())
        QVERIFY2(!b->text().contains(QLatin1String("  ")), qPrintable(b->objectName()));
    screenshot(m_window.get(), QStringLiteral("layout-signed-in"));
    signOut();
}

// No account listed yet, and the keychain locked: the new account's own state is the app's, as
// with its one session before. Amber in the tray, and a notification that says so.
void TestMainWindow::keychainUnavailableWithoutAccounts()
{
    Sandbox sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    m_indexFile = m_accountsDir.filePath(QStringLiteral("locked.json"));
    m_accountsConfig = sandbox.configuration();
    m_accounts = std::make_unique<Accounts>(m_accountsConfig, m_network.get(), nullptr, m_indexFile);
    auto cleanup = qScopeGuard([this] { closeAccountsWindow(); });
    m_accounts->load();
    TrayIndicator tray(m_accounts.get());
    AccountNotifications notifications(m_accounts.get());
    QSignalSpy told(&notifications, &AccountNotifications::notify);
    QSignalSpy loaded(m_accounts.get(), &Accounts::loaded);
    m_accounts->restoreAll();
    QVERIFY(m_accounts->isLoaded() || loaded.wait(15000));
    QVERIFY(m_accounts->sessions().isEmpty());
    Session *adding = m_accounts->newAccount();
    QTRY_VERIFY_WITH_TIMEOUT(adding->state() != Session::State::Loading, 10000);
    QSignalSpy finished(adding, &Session::signInFinished);
    adding->signInWithApiKey(QStringLiteral("sandbox-api-key"));
    QVERIFY(finished.wait(15000));
    QCOMPARE(adding->state(), Session::State::KeychainUnavailable);
    QVERIFY(m_accounts->sessions().isEmpty());
    QCOMPARE(tray.status().kind, TrayStatus::Kind::NeedsAttention);
    QCOMPARE(tray.status().headline, translated("TrayStatus", "Keychain unavailable"));
    QTRY_COMPARE_WITH_TIMEOUT(told.size(), 1, 5000);
    QCOMPARE(told.first().at(4).value<Session *>(), adding);
    QVERIFY2(told.first().at(0).toString().contains(QLatin1String("eychain")),
             qPrintable(told.first().at(0).toString()));
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
