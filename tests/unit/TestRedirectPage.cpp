#include "auth/RedirectPage.h"
#include "config/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

Q_DECLARE_METATYPE(RedirectPage::Outcome)

// The page the browser shows when it comes back: honest, escaped, self-contained.
class TestRedirectPage : public QObject
{
    Q_OBJECT

private slots:
    void templateIsBuiltIn();
    void outcome_data();
    void outcome();
    void escapes_data();
    void escapes();
    void placeholdersAreNotRefilled_data();
    void placeholdersAreNotRefilled();
    void loadsNothingFromElsewhere_data();
    void loadsNothingFromElsewhere();
    void inTheAppsLanguage(); // installs Dutch: last
};

void TestRedirectPage::templateIsBuiltIn()
{
    // The branded template is a resource of wgc_domain; without it render() falls back to a
    // bare page, so this catches a resource that did not make it into the binary.
    QVERIFY(QFile::exists(QStringLiteral(":/pages/result.html")));
    const QString page =
        QString::fromUtf8(RedirectPage::render(RedirectPage::Outcome::Success, QStringLiteral("Signed in"), QString()));
    QVERIFY(page.contains(QLatin1String("WebinarGeek Connect")));
    QVERIFY(page.contains(QLatin1String("<style>")));
}

void TestRedirectPage::outcome_data()
{
    QTest::addColumn<RedirectPage::Outcome>("outcome");
    QTest::addColumn<QString>("cssClass");
    QTest::addColumn<bool>("closing");

    QTest::newRow("success") << RedirectPage::Outcome::Success << QStringLiteral("success") << true;
    QTest::newRow("failure") << RedirectPage::Outcome::Failure << QStringLiteral("failure") << true;
    QTest::newRow("ignored") << RedirectPage::Outcome::Ignored << QStringLiteral("ignored") << false;
}

void TestRedirectPage::outcome()
{
    QFETCH(RedirectPage::Outcome, outcome);
    QFETCH(QString, cssClass);
    QFETCH(bool, closing);

    const QString page =
        QString::fromUtf8(RedirectPage::render(outcome, QStringLiteral("The heading"), QStringLiteral("The detail")));

    QVERIFY2(page.contains(QStringLiteral("<body class=\"%1\">").arg(cssClass)), qPrintable(page.left(200)));
    QVERIFY(page.contains(QLatin1String("<h1>The heading</h1>")));
    QVERIFY(page.contains(QLatin1String("<p>The detail</p>")));
    QVERIFY(page.contains(QLatin1String("<title>The heading")));
    QCOMPARE(page.contains(QLatin1String("You can close this tab")), closing);
    // Every placeholder was filled in.
    QVERIFY2(!page.contains(QLatin1String("{{")), qPrintable(page));
}

void TestRedirectPage::escapes_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("raw"); // must not appear
    QTest::addColumn<QString>("escaped"); // must appear

    QTest::newRow("script in detail") << QStringLiteral("Sign-in failed") << QStringLiteral("<script>alert(1)</script>")
                                      << QStringLiteral("<script>")
                                      << QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;");
    QTest::newRow("markup in heading") << QStringLiteral("<img src=x onerror=alert(1)>") << QStringLiteral("d")
                                       << QStringLiteral("<img")
                                       << QStringLiteral("&lt;img src=x onerror=alert(1)&gt;");
    QTest::newRow("attribute breakout") << QStringLiteral("h") << QStringLiteral("\"><b>x</b>")
                                        << QStringLiteral("\"><b>") << QStringLiteral("&quot;&gt;&lt;b&gt;x&lt;/b&gt;");
    QTest::newRow("ampersand") << QStringLiteral("h") << QStringLiteral("Tom & Jerry") << QStringLiteral("Tom & Jerry")
                               << QStringLiteral("Tom &amp; Jerry");
    QTest::newRow("closing title in heading")
        << QStringLiteral("</title><script>x()</script>") << QString() << QStringLiteral("</title><script>")
        << QStringLiteral("&lt;/title&gt;&lt;script&gt;");
}

void TestRedirectPage::escapes()
{
    QFETCH(QString, heading);
    QFETCH(QString, detail);
    QFETCH(QString, raw);
    QFETCH(QString, escaped);

    const QString page = QString::fromUtf8(RedirectPage::render(RedirectPage::Outcome::Failure, heading, detail));
    QVERIFY2(!page.contains(raw), qPrintable(page));
    QVERIFY2(page.contains(escaped), qPrintable(page));
}

void TestRedirectPage::placeholdersAreNotRefilled_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("detail");

    QTest::newRow("{{heading}} in detail") << QStringLiteral("REAL-HEADING") << QStringLiteral("x {{heading}} y");
    QTest::newRow("{{detail}} in heading") << QStringLiteral("x {{detail}} y") << QStringLiteral("REAL-DETAIL");
    QTest::newRow("{{closing}} in detail") << QStringLiteral("h") << QStringLiteral("{{closing}}");
    QTest::newRow("{{outcome}} in heading") << QStringLiteral("{{outcome}}") << QStringLiteral("d");
}

void TestRedirectPage::placeholdersAreNotRefilled()
{
    QFETCH(QString, heading);
    QFETCH(QString, detail);

    const QString page = QString::fromUtf8(RedirectPage::render(RedirectPage::Outcome::Failure, heading, detail));
    // The text stays text: shown with its braces escaped, nothing substituted into it.
    QVERIFY2(!page.contains(QLatin1String("{{")), qPrintable(page));
    QVERIFY(page.contains(QLatin1String("&#123;&#123;")));
    QCOMPARE(page.count(QLatin1String("REAL-HEADING")), heading == QLatin1String("REAL-HEADING") ? 2 : 0);
    QCOMPARE(page.count(QLatin1String("REAL-DETAIL")), detail == QLatin1String("REAL-DETAIL") ? 1 : 0);
    QCOMPARE(page.count(QLatin1String("You can close this tab")), 1);
    QCOMPARE(page.count(QLatin1String("<body class=\"failure\">")), 1);
}

void TestRedirectPage::loadsNothingFromElsewhere_data()
{
    QTest::addColumn<RedirectPage::Outcome>("outcome");

    QTest::newRow("success") << RedirectPage::Outcome::Success;
    QTest::newRow("failure") << RedirectPage::Outcome::Failure;
    QTest::newRow("ignored") << RedirectPage::Outcome::Ignored;
}

void TestRedirectPage::loadsNothingFromElsewhere()
{
    QFETCH(RedirectPage::Outcome, outcome);

    const QString page = QString::fromUtf8(RedirectPage::render(outcome, QStringLiteral("h"), QStringLiteral("d")));
    // The listener's Content-Security-Policy forbids it anyway; the page must not need it.
    static const QRegularExpression url(QStringLiteral("https?:|//[a-z0-9]"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = url.match(page);
    QVERIFY2(!match.hasMatch(), qPrintable(page.mid(qMax(0, int(match.capturedStart()) - 40), 80)));
    QVERIFY(!page.contains(QLatin1String("<script"), Qt::CaseInsensitive));
    QVERIFY(!page.contains(QLatin1String("<link"), Qt::CaseInsensitive));
    QVERIFY(!page.contains(QLatin1String("@import"), Qt::CaseInsensitive));
    QVERIFY(!page.contains(QLatin1String("url("), Qt::CaseInsensitive));
}

void TestRedirectPage::inTheAppsLanguage()
{
    // In English the page says it is English; then Dutch, as the app installs it at start-up.
    QVERIFY(QString::fromUtf8(RedirectPage::render(RedirectPage::Outcome::Success, QStringLiteral("h"), QString()))
                .contains(QLatin1String("<html lang=\"en\">")));
    const Translations::Installed installed = Translations::install(QCoreApplication::instance(), QStringLiteral("nl"));
    QVERIFY(installed.app);
    // The heading and detail come translated from the caller (AuthorizationFlow); the rest is
    // the page's own.
    const QString heading = QCoreApplication::translate("AuthorizationFlow", "You are signed in");
    QCOMPARE(heading, QStringLiteral("Je bent ingelogd"));
    const QString page =
        QString::fromUtf8(RedirectPage::render(RedirectPage::Outcome::Success, heading, QStringLiteral("d")));
    QVERIFY2(page.contains(QLatin1String("<html lang=\"nl\">")), qPrintable(page.left(200)));
    QVERIFY(page.contains(QLatin1String("<h1>Je bent ingelogd</h1>")));
    QVERIFY(page.contains(QStringLiteral("<title>Je bent ingelogd – WebinarGeek Connect</title>")));
    QVERIFY2(page.contains(QLatin1String("Je kunt dit tabblad sluiten en teruggaan naar WebinarGeek Connect.")),
             qPrintable(page));
    QVERIFY(!page.contains(QLatin1String("You can close this tab")));
    QVERIFY(!page.contains(QLatin1String("{{")));
}

QTEST_GUILESS_MAIN(TestRedirectPage)
#include "TestRedirectPage.moc"
