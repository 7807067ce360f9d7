#include "desktop/AutostartEntry.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Start at login: the XDG autostart entry's content, its Exec quoting, and that
// desktop-file-validate accepts what is written.
class TestAutostartEntry : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaultLocation();
    void contents();
    void execArgument_data();
    void execArgument();
    void validates_data();
    void validates();
    void enableAndRemove();
    void turnedOffByHand_data();
    void turnedOffByHand();

private:
    QString entryPath() const { return m_dir->filePath(QStringLiteral("autostart/webinargeek-connect.desktop")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAutostartEntry::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAutostartEntry::defaultLocation()
{
    QCOMPARE(AutostartEntry::defaultFileName(),
             QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                 + QStringLiteral("/autostart/webinargeek-connect.desktop"));
    // Without an executable given, it starts this very program.
    const QString exec = QString::fromUtf8(AutostartEntry(entryPath()).contents())
                             .section(QLatin1String("Exec="), 1)
                             .section(QLatin1Char('\n'), 0, 0);
    QCOMPARE(exec,
             AutostartEntry::execArgument(QCoreApplication::applicationFilePath()) + QStringLiteral(" --background"));
}

void TestAutostartEntry::contents()
{
    const QStringList lines =
        QString::fromUtf8(AutostartEntry(entryPath(), QStringLiteral("/usr/bin/webinargeek-connect")).contents())
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("[Desktop Entry]"));
    // At login it starts hidden in the tray.
    for (const char *expected :
         {"Type=Application", "Name=WebinarGeek Connect", "Exec=/usr/bin/webinargeek-connect --background",
          "Icon=webinargeek-connect", "X-GNOME-Autostart-enabled=true"})
        QVERIFY2(lines.contains(QLatin1String(expected)), expected);
    QVERIFY(lines.filter(QRegularExpression(QStringLiteral("^Comment=.+"))).size() == 1);
}

void TestAutostartEntry::execArgument_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "/usr/bin/webinargeek-connect"
                           << "/usr/bin/webinargeek-connect";
    QTest::newRow("space") << "/opt/Web Geek/bin/app"
                           << "\"/opt/Web Geek/bin/app\"";
    QTest::newRow("percent") << "/opt/100%/app"
                             << "/opt/100%%/app";
    QTest::newRow("dollar") << "/opt/$HOME/app"
                            << "\"/opt/\\\\$HOME/app\"";
    QTest::newRow("double quote") << "/opt/a\"b/app"
                                  << "\"/opt/a\\\\\"b/app\"";
    QTest::newRow("backslash") << "/opt/a\\b/app"
                               << "\"/opt/a\\\\\\\\b/app\"";
    QTest::newRow("backtick") << "/opt/a`b/app"
                              << "\"/opt/a\\\\`b/app\"";
    QTest::newRow("single quote") << "/home/o'neil/app"
                                  << "\"/home/o'neil/app\"";
}

void TestAutostartEntry::execArgument()
{
    QFETCH(QString, argument);
    QFETCH(QString, expected);
    QCOMPARE(AutostartEntry::execArgument(argument), expected);
}

void TestAutostartEntry::validates_data()
{
    QTest::addColumn<QString>("executable");
    QTest::newRow("plain") << "/usr/bin/webinargeek-connect";
    QTest::newRow("awkward path") << "/opt/Web Geek \"2\"/$x 100%/a\\b`c/webinargeek-connect";
}

void TestAutostartEntry::validates()
{
    QFETCH(QString, executable);
    const QString validator = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    // scripts/setup.sh installs desktop-file-utils; without it this check cannot be made.
    QVERIFY2(!validator.isEmpty(), "desktop-file-validate is not installed (Debian: desktop-file-utils)");
    AutostartEntry entry(entryPath(), executable);
    QVERIFY2(entry.setEnabled(true), qPrintable(entry.errorString()));
    QProcess process;
    process.start(validator, {entry.fileName()});
    QVERIFY(process.waitForFinished(20000));
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0 && !output.contains("error"), output.constData());
}

void TestAutostartEntry::enableAndRemove()
{
    AutostartEntry entry(entryPath(), QStringLiteral("/usr/bin/webinargeek-connect"));
    QVERIFY(!entry.isEnabled());
    QVERIFY(entry.setEnabled(false)); // nothing to remove is fine
    QVERIFY2(entry.setEnabled(true), qPrintable(entry.errorString())); // the folder is created
    QVERIFY(entry.isEnabled());
    QFile file(entryPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), entry.contents());
    file.close();
    QVERIFY(entry.setEnabled(false));
    QVERIFY(!QFile::exists(entryPath()));
    QVERIFY(!entry.isEnabled());
}

void TestAutostartEntry::turnedOffByHand_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("Hidden") << QByteArray("Hidden=true");
    QTest::newRow("GNOME switch") << QByteArray("X-GNOME-Autostart-enabled=false");
}

void TestAutostartEntry::turnedOffByHand()
{
    QFETCH(QByteArray, line);
    AutostartEntry entry(entryPath(), QStringLiteral("/usr/bin/webinargeek-connect"));
    QVERIFY(entry.setEnabled(true));
    QFile file(entryPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray text = entry.contents();
    text.replace("X-GNOME-Autostart-enabled=true\n", "");
    file.write(text + line + '\n');
    file.close();
    QVERIFY(!entry.isEnabled());
}

QTEST_GUILESS_MAIN(TestAutostartEntry)
#include "TestAutostartEntry.moc"
