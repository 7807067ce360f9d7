// The way from the window to the settings dialog, through DesktopApp as the app puts it
// together: Settings… opens the dialog on its Connection page, "Use an API key…" on its API-key
// page, both reuse one dialog, and it goes away when closed. And the accounts behind the window:
// read at start, and followed when another process changes their list.

#include "DesktopApp.h"
#include "MainWindow.h"
#include "Sandbox.h"
#include "SettingsDialog.h"

#include "AccountListModel.h"
#include "auth/Accounts.h"
#include "auth/Session.h"
#include "config/Preferences.h"
#include "storage/AccountIndex.h"

#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

class TestDesktopSettings : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void settingsButtonOpensConnectionPage();
    void apiKeyButtonOpensApiKeyPage();
    void oneDialogAtATimeAndGoneWhenClosed();
    void withoutPreferencesNothingOpens();
    void accountsFollowedWhileRunning();

private:
    QPushButton *button(const char *name) const
    {
        return m_app->window()->findChild<QPushButton *>(QLatin1String(name));
    }
    QWidget *currentPage() const
    {
        return m_app->settingsDialog()->findChild<QTabWidget *>(QStringLiteral("tabs"))->currentWidget();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<DesktopApp> m_app;
};

void TestDesktopSettings::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(AccountIndex::defaultPath());
    m_preferences =
        std::make_unique<Preferences>(m_dir.filePath(QStringLiteral("settings.conf")), QProcessEnvironment());
    m_app = std::make_unique<DesktopApp>(unreachableConfiguration(QStringLiteral("settings-test")));
    m_app->setTrayRetry(10, 1); // offscreen has no tray
    m_app->setPreferences(m_preferences.get());
    QSignalSpy restored(m_app->session(), &Session::restoreFinished);
    m_app->start();
    QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
    QVERIFY(restored.wait(10000));
}

void TestDesktopSettings::cleanup()
{
    m_app.reset();
    m_preferences.reset();
}

void TestDesktopSettings::settingsButtonOpensConnectionPage()
{
    QVERIFY(!m_app->settingsDialog());
    QTest::mouseClick(button("settingsButton"), Qt::LeftButton);
    QVERIFY(m_app->settingsDialog());
    QVERIFY(QTest::qWaitForWindowExposed(m_app->settingsDialog()));
    QCOMPARE(currentPage()->objectName(), QStringLiteral("connectionPage"));
    QCOMPARE(m_app->settingsDialog()->parentWidget(), m_app->window());
}

void TestDesktopSettings::apiKeyButtonOpensApiKeyPage()
{
    QPushButton *useApiKey = button("useApiKeyButton");
    QVERIFY(useApiKey->isVisible()); // signed out: offered
    QTest::mouseClick(useApiKey, Qt::LeftButton);
    QVERIFY(m_app->settingsDialog());
    QVERIFY(QTest::qWaitForWindowExposed(m_app->settingsDialog()));
    QCOMPARE(currentPage()->objectName(), QStringLiteral("apiKeyPage"));
    QTRY_COMPARE(QApplication::focusWidget(),
                 m_app->settingsDialog()->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit")));
}

void TestDesktopSettings::oneDialogAtATimeAndGoneWhenClosed()
{
    emit m_app->window()->settingsRequested();
    QPointer<SettingsDialog> first = m_app->settingsDialog();
    QVERIFY(first);
    emit m_app->window()->apiKeyRequested();
    QCOMPARE(m_app->settingsDialog(), first.data());
    QCOMPARE(currentPage()->objectName(), QStringLiteral("apiKeyPage"));
    first->reject();
    QTRY_VERIFY(!first); // deleted on close
    QVERIFY(!m_app->settingsDialog());
    emit m_app->window()->settingsRequested();
    QVERIFY(m_app->settingsDialog());
    QCOMPARE(currentPage()->objectName(), QStringLiteral("connectionPage"));
}

void TestDesktopSettings::withoutPreferencesNothingOpens()
{
    m_app->setPreferences(nullptr);
    emit m_app->window()->settingsRequested();
    QVERIFY(!m_app->settingsDialog());
}

void TestDesktopSettings::accountsFollowedWhileRunning()
{
    // Read at start: no account, so the window shows the new account, with no list.
    Accounts *accounts = m_app->accounts();
    QVERIFY(accounts->isLoaded());
    QCOMPARE(accounts->sessions().size(), 0);
    QCOMPARE(m_app->window()->session(), m_app->session());
    QCOMPARE(m_app->session(), accounts->pending());
    QWidget *list = m_app->window()->findChild<QWidget *>(QStringLiteral("accountListPanel"));
    QVERIFY(list && !list->isVisible());

    // `login` in a terminal lists an account meanwhile (its session is in the keychain, or not:
    // the window shows what it finds). The window follows, and shows it.
    const QString key = accounts->configuration().storageKey();
    QVERIFY(AccountIndex().update(key, [](AccountList &l) {
        l.accounts = {AccountEntry {QStringLiteral("elsewhere"), QStringLiteral("joe@example.com"), QString()}};
        l.active = QStringLiteral("elsewhere");
    }));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->accountList()->rowCount(), 1, 10000);
    QVERIFY(list->isVisible());
    QCOMPARE(m_app->session(), accounts->active());
    QCOMPARE(m_app->window()->session(), m_app->session());
    QCOMPARE(m_app->accountList()->nameOf(m_app->session()), QStringLiteral("joe@example.com"));
}

QTEST_MAIN(TestDesktopSettings)
#include "TestDesktopSettings.moc"
