#include "api/WebinarGeekClient.h"
#include "config/OutsideText.h"

#include <QTest>

#include <iterator>
#include <utility>

// OutsideText::printable: what a server or the browser's callback says is shown as text, never
// obeyed by the terminal.
class TestOutsideText : public QObject
{
    Q_OBJECT

private slots:
    void printable_data();
    void printable();
    void nothingControlSurvives_data();
    void nothingControlSurvives();
    void accountIsPlain();
};

namespace {

// No C0, DEL, C1 or bidi control, and so no ESC, BEL or CSI, is left.
bool isPlain(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069))
            return false;
    }
    return true;
}

} // namespace

void TestOutsideText::printable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");

    // Sized by the array, not by the first NUL: one row has a NUL in it.
    const auto row = [](const char *name, const auto &text, const auto &shown) {
        QTest::newRow(name) << QString::fromUtf16(text, qsizetype(std::size(text) - 1))
                            << QString::fromUtf16(shown, qsizetype(std::size(shown) - 1));
    };
    row("empty", u"", u"");
    row("plain ASCII", u"grant request is invalid", u"grant request is invalid");
    row("Latin with diacritics", u"M\u00fcller & S\u00f6hne", u"M\u00fcller & S\u00f6hne");
    row("Chinese", u"\u6388\u6743\u88ab\u62d2\u7edd", u"\u6388\u6743\u88ab\u62d2\u7edd");
    row("emoji (a surrogate pair)", u"ok \U0001F600 done", u"ok \U0001F600 done");
    row("Arabic and Hebrew text", u"\u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd",
        u"\u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd");
    row("HTML stays text", u"<b>bold</b> &amp;", u"<b>bold</b> &amp;");

    row("CSI clear screen", u"\x1b[2Jgone", u"gone");
    row("CSI cursor home and erase line", u"a\x1b[H\x1b[2Kb", u"ab");
    row("CSI colour with parameters", u"\x1b[1;31mred\x1b[0m", u"red");
    row("CSI private mode", u"x\x1b[?1049hy", u"xy");
    row("CSI unterminated at the end", u"text\x1b[12;3", u"text");
    row("CSI ended by a character that cannot be in it", u"a\x1b[12\u00e9b", u"a\u00e9b");
    row("OSC title ended by BEL",
        u"\x1b]0;pwned\x07"
        u"fake prompt$ ",
        u"fake prompt$ ");
    row("OSC title ended by ST", u"\x1b]2;pwned\x1b\\after", u"after");
    row("OSC hyperlink", u"\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", u"click");
    row("OSC unterminated swallows the rest", u"before\x1b]0;title and more", u"before");
    row("OSC cut short by another ESC", u"\x1b]0;t\x1b[2Jz", u"z");
    row("DCS", u"a\x1bPq#0;2;0;0;0\x1b\\b", u"ab");
    row("APC",
        u"a\x1b_payload\x07"
        u"b",
        u"ab");
    row("two-character ESC: reset",
        u"a\x1b"
        u"cb",
        u"ab");
    row("two-character ESC: save cursor",
        u"a\x1b"
        u"7b",
        u"ab");
    row("charset designation", u"a\x1b(Bb", u"ab");
    row("ESC at the end", u"abc\x1b", u"abc");
    row("ESC before a non-ASCII character", u"a\x1b\u00e9", u"a\u00e9");

    row("BEL, BS, NUL removed",
        u"a\x07"
        u"b\x08"
        u"c\x00"
        u"d",
        u"abcd");
    row("DEL removed",
        u"a\x7f"
        u"b",
        u"ab");
    row("C1 removed", u"a\u0080b\u0084c\u009cd", u"abcd");
    row("C1 CSI", u"a\u009b2Jb", u"ab");
    row("C1 OSC", u"a\u009d0;title\u009cb", u"ab");
    row("NEL is a line break", u"one\u0085two", u"one two");

    row("LF becomes a space", u"line one\nline two", u"line one line two");
    row("CRLF becomes one space", u"line one\r\nline two", u"line one line two");
    row("CR that would overwrite the line", u"safe\rfake prompt$ ", u"safe fake prompt$ ");
    row("TAB becomes a space", u"a\tb", u"a b");
    row("line separators", u"a\u2028b\u2029c", u"a b c");
    row("a sequence inside a break", u"a\r\x1b[K\nb", u"a b");

    row("bidi override (Trojan Source)", u"access\u202e\u2066// admin\u2069\u2066", u"access// admin");
    row("bidi embeddings", u"\u202aa\u202bb\u202cc\u202dd", u"abcd");
    row("bidi isolates", u"\u2066a\u2067b\u2068c\u2069", u"abc");
}

void TestOutsideText::printable()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);

    const QString result = OutsideText::printable(text);
    QCOMPARE(result, shown);
    QVERIFY(isPlain(result));
    // Plain text stays as it is.
    QCOMPARE(OutsideText::printable(result), result);
}

void TestOutsideText::nothingControlSurvives_data()
{
    QTest::addColumn<QString>("text");

    // Every C0, DEL and C1 code point, after each character that starts a sequence.
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls += QChar(c);
    for (char16_t c = 0x7f; c <= 0x9f; ++c)
        controls += QChar(c);
    QTest::newRow("every control") << controls;
    for (const char16_t opener : {u'[', u']', u'P', u'(', u'#', u'c'}) {
        QString text;
        for (const QChar c : std::as_const(controls)) {
            text += QChar(0x1b);
            text += QChar(opener);
            text += c;
            text += QLatin1Char('x');
        }
        QTest::newRow(qPrintable(QStringLiteral("ESC %1 then each control").arg(QChar(opener)))) << text;
    }
}

void TestOutsideText::nothingControlSurvives()
{
    QFETCH(QString, text);

    const QString result = OutsideText::printable(text);
    QVERIFY2(isPlain(result), result.toUtf8().toHex(' ').constData());
}

// The API's account is stored and shown: its email and company are plain text, and an email that
// is nothing but escape sequences is no account.
void TestOutsideText::accountIsPlain()
{
    Account account;
    const QByteArray body = R"({"email":"jane\u001b[2J@example.com","company":"\u202eM\u00fcller\u0007 GmbH"})";
    QVERIFY(!WebinarGeekClient::parseAccount(200, 0, QString(), body, &account).isError());
    QCOMPARE(account.email, QStringLiteral("jane@example.com"));
    QCOMPARE(account.company, QStringLiteral("M\u00fcller GmbH"));

    Account none;
    const ApiError error = WebinarGeekClient::parseAccount(200, 0, QString(), R"({"email":"\u001b[2J"})", &none);
    QCOMPARE(error.kind, ApiError::Kind::BadReply);
    QVERIFY(none.email.isEmpty());

    // What the server and the network layer say about a failure is plain too.
    const ApiError refused =
        WebinarGeekClient::parseAccount(401, 0, QString(), R"({"message":"no\u001b]0;pwned\u0007 way"})", &none);
    QCOMPARE(refused.detail, QStringLiteral("no way"));
    const ApiError network = WebinarGeekClient::parseAccount(0, 99, QStringLiteral("reset\x1b[2J by peer"), {}, &none);
    QCOMPARE(network.detail, QStringLiteral("reset by peer"));
}

QTEST_GUILESS_MAIN(TestOutsideText)
#include "TestOutsideText.moc"
