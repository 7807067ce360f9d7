#include "auth/Pkce.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

// RFC 7636: the S256 transform, and the shape and spread of the random values.
class TestPkce : public QObject
{
    Q_OBJECT

private slots:
    void challengeFor_data();
    void challengeFor();
    void rfcOctetsEncodeToVerifier();
    void verifierShape();
    void stateShape();
    void drawsAreDistinct_data();
    void drawsAreDistinct();
    void randomUrlSafeLength_data();
    void randomUrlSafeLength();

private:
    static bool isUnreserved(const QByteArray &value);
};

bool TestPkce::isUnreserved(const QByteArray &value)
{
    // RFC 7636 §4.1: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"
    static const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9._~-]*$"));
    return unreserved.match(QString::fromLatin1(value)).hasMatch();
}

void TestPkce::challengeFor_data()
{
    QTest::addColumn<QByteArray>("verifier");
    QTest::addColumn<QByteArray>("challenge");

    // Note the '_' in "p1r_wW1g": it is the RFC's value (the base64url of the octets in
    // appendix B, see rfcOctetsEncodeToVerifier), a '-' there gives another challenge.
    QTest::newRow("RFC 7636 appendix B") << QByteArray("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
                                         << QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    // SHA-256("abc") = ba7816bf…15ad, base64url without padding.
    QTest::newRow("SHA-256 of abc, no padding")
        << QByteArray("abc") << QByteArray("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
}

void TestPkce::challengeFor()
{
    QFETCH(QByteArray, verifier);
    QFETCH(QByteArray, challenge);

    const QByteArray actual = Pkce::challengeFor(verifier);
    QCOMPARE(actual, challenge);
    QVERIFY(!actual.contains('='));
    QVERIFY(!actual.contains('+'));
    QVERIFY(!actual.contains('/'));
}

void TestPkce::rfcOctetsEncodeToVerifier()
{
    // RFC 7636 appendix B: the 32 random octets behind the example verifier.
    const unsigned char octets[] = {116, 24,  223, 180, 151, 153, 224, 37,  79, 250, 96, 125, 216, 173, 187, 186,
                                    22,  212, 37,  77,  105, 214, 191, 240, 91, 88,  5,  88,  83,  132, 141, 121};
    const QByteArray verifier = QByteArray(reinterpret_cast<const char *>(octets), sizeof octets)
                                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(verifier, QByteArray("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    QCOMPARE(Pkce::challengeFor(verifier), QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void TestPkce::verifierShape()
{
    const QByteArray verifier = Pkce::makeVerifier();
    QCOMPARE(verifier.size(), 43);
    QVERIFY(verifier.size() >= 43 && verifier.size() <= 128); // RFC 7636 §4.1
    QVERIFY2(isUnreserved(verifier), "the verifier has a character outside [A-Za-z0-9-._~]");
}

void TestPkce::stateShape()
{
    const QByteArray state = Pkce::makeState();
    QVERIFY2(state.size() >= 22, "a state of 128 bits needs at least 22 base64 characters");
    QVERIFY2(isUnreserved(state), "the state has a character outside [A-Za-z0-9-._~]");
}

void TestPkce::drawsAreDistinct_data()
{
    QTest::addColumn<QString>("kind");

    QTest::newRow("verifier") << QStringLiteral("verifier");
    QTest::newRow("state") << QStringLiteral("state");
}

void TestPkce::drawsAreDistinct()
{
    QFETCH(QString, kind);

    constexpr int kDraws = 1000;
    QSet<QByteArray> seen;
    for (int i = 0; i < kDraws; ++i) {
        const QByteArray value = kind == QLatin1String("verifier") ? Pkce::makeVerifier() : Pkce::makeState();
        QVERIFY(isUnreserved(value));
        seen.insert(value);
    }
    QCOMPARE(seen.size(), kDraws);
}

void TestPkce::randomUrlSafeLength_data()
{
    QTest::addColumn<int>("bytes");

    for (const int bytes : {1, 2, 3, 4, 5, 15, 16, 17, 31, 32, 33, 64, 96})
        QTest::newRow(qPrintable(QStringLiteral("%1 bytes").arg(bytes))) << bytes;
}

void TestPkce::randomUrlSafeLength()
{
    QFETCH(int, bytes);

    const QByteArray value = Pkce::randomUrlSafe(bytes);
    QCOMPARE(value.size(), (4 * bytes + 2) / 3); // ceil(4n/3): base64 without '=' padding
    QVERIFY(!value.contains('='));
    QVERIFY(isUnreserved(value));
    // It decodes back to exactly `bytes` bytes.
    const auto decoded =
        QByteArray::fromBase64Encoding(value, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    QCOMPARE(decoded.decoded.size(), bytes);
}

QTEST_GUILESS_MAIN(TestPkce)
#include "TestPkce.moc"
