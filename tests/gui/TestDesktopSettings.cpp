// The way from the window to the settings dialog, through DesktopApp as the app puts it
// together: Settings… opens the dialog on its Connection page, "Use an API key…" on its API-key
// page, both reuse one dialog, and it goes away when closed.

#include "DesktopApp.h"
#include "MainWindow.h"
#include "Sandbox.h"
#include "SettingsDialog.h"

#include "auth/Session.h"
#include "config/Preferences.h"

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

QTEST_MAIN(TestDesktopSettings)
#include "TestDesktopSettings.moc"
