#include "auth/LoopbackListener.h"

#include <QHostAddress>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <memory>
#include <utility>
#include <vector>

Q_DECLARE_METATYPE(QUrl::ComponentFormattingOption)

// The loopback redirect: RedirectRequest::parse on its own, then a real LoopbackListener on
// 127.0.0.1 played by a QTcpSocket standing in for the browser.
class TestRedirectRequest : public QObject
{
    Q_OBJECT

private slots:
    void parseAccepts_data();
    void parseAccepts();
    void parseRejects_data();
    void parseRejects();

    void listenerBindsLoopback();
    void listenerReassemblesSplitHead_data();
    void listenerReassemblesSplitHead();
    void listenerAcceptsHeadAtLimit();
    void listenerRefuses_data();
    void listenerRefuses();
    void listenerRespondsToAll();
    void listenerLimitsConnections();
    void listenerOutlastsSlowConnections();
    void listenerClosesIncompleteHead();

private:
    struct Browser
    {
        QTcpSocket socket;
        QByteArray received;
    };
    // A client connected to the listener, reading everything the listener answers.
    static std::unique_ptr<Browser> connectTo(LoopbackListener *listener);
    // The listener's end of the (only) connection, once it has accepted it.
    static QTcpSocket *acceptedSocket(LoopbackListener *listener);
    static bool waitForAnswer(Browser *browser);
};

void TestRedirectRequest::parseAccepts_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QUrl::ComponentFormattingOption>("decoding");
    QTest::addColumn<QString>("value");

    QTest::newRow("root, no query, headers")
        << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1:5000\r\nUser-Agent: test") << QByteArray("GET")
        << QStringLiteral("/") << QString() << QUrl::FullyDecoded << QString();
    QTest::newRow("request line only") << QByteArray("GET / HTTP/1.1") << QByteArray("GET") << QStringLiteral("/")
                                       << QString() << QUrl::FullyDecoded << QString();
    QTest::newRow("HTTP/1.0") << QByteArray("GET /cb HTTP/1.0\r\nHost: x") << QByteArray("GET") << QStringLiteral("/cb")
                              << QString() << QUrl::FullyDecoded << QString();
    QTest::newRow("percent-encoded path is decoded")
        << QByteArray("GET /call%20back HTTP/1.1\r\nHost: x") << QByteArray("GET") << QStringLiteral("/call back")
        << QString() << QUrl::FullyDecoded << QString();
    QTest::newRow("code with %2F and %2B")
        << QByteArray("GET /?code=a%2Fb%2Bc&state=s1 HTTP/1.1\r\nHost: x") << QByteArray("GET") << QStringLiteral("/")
        << QStringLiteral("code") << QUrl::FullyDecoded << QStringLiteral("a/b+c");
    QTest::newRow("state next to code") << QByteArray("GET /?code=a%2Fb%2Bc&state=s1 HTTP/1.1\r\nHost: x")
                                        << QByteArray("GET") << QStringLiteral("/") << QStringLiteral("state")
                                        << QUrl::FullyDecoded << QStringLiteral("s1");
    QTest::newRow("UTF-8 value") << QByteArray("GET /?error_description=caf%C3%A9 HTTP/1.1") << QByteArray("GET")
                                 << QStringLiteral("/") << QStringLiteral("error_description") << QUrl::FullyDecoded
                                 << QStringLiteral("caf\u00e9");
    // Form encoding: '+' is a space and %2B a plus. The raw '+' must still be told apart from
    // %2B, so the reader of error_description can decode it as a form.
    QTest::newRow("error_description keeps '+' apart from %2B")
        << QByteArray("GET /?error=access_denied&error_description=The+user%20said+no%2Bmore HTTP/1.1\r\nHost: x")
        << QByteArray("GET") << QStringLiteral("/") << QStringLiteral("error_description") << QUrl::PrettyDecoded
        << QStringLiteral("The+user said+no%2Bmore");
    QTest::newRow("error next to error_description")
        << QByteArray("GET /?error=access_denied&error_description=The+user+said+no HTTP/1.1\r\nHost: x")
        << QByteArray("GET") << QStringLiteral("/") << QStringLiteral("error") << QUrl::FullyDecoded
        << QStringLiteral("access_denied");
    QTest::newRow("POST is parsed (the owner decides)")
        << QByteArray("POST /?a=b HTTP/1.1\r\nHost: x") << QByteArray("POST") << QStringLiteral("/")
        << QStringLiteral("a") << QUrl::FullyDecoded << QStringLiteral("b");
}

void TestRedirectRequest::parseAccepts()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, key);
    QFETCH(QUrl::ComponentFormattingOption, decoding);
    QFETCH(QString, value);

    RedirectRequest request;
    QVERIFY(RedirectRequest::parse(head, &request));
    QCOMPARE(request.method, method);
    QCOMPARE(request.path, path);
    if (key.isEmpty()) {
        QVERIFY(request.query.isEmpty());
    } else {
        QVERIFY(request.query.hasQueryItem(key));
        QCOMPARE(request.query.queryItemValue(key, decoding), value);
    }
}

void TestRedirectRequest::parseRejects_data()
{
    QTest::addColumn<QByteArray>("head");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("TLS client hello") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11);
    QTest::newRow("NUL bytes") << QByteArray(16, '\0');
    QTest::newRow("just CRLF") << QByteArray("\r\n");
    QTest::newRow("no HTTP version") << QByteArray("GET /?code=x\r\nHost: x");
    QTest::newRow("target without slash") << QByteArray("GET noslash HTTP/1.1\r\nHost: x");
    QTest::newRow("absolute-form target") << QByteArray("GET http://127.0.0.1/ HTTP/1.1");
    QTest::newRow("lowercase method") << QByteArray("get / HTTP/1.1\r\nHost: x");
    QTest::newRow("method with digit") << QByteArray("G3T / HTTP/1.1");
    QTest::newRow("control char in target") << QByteArray("GET /?code=a\x01z HTTP/1.1");
    QTest::newRow("tab in target") << QByteArray("GET /?code=a\tb HTTP/1.1");
    QTest::newRow("DEL in target") << QByteArray("GET /?code=a\x7f HTTP/1.1");
    QTest::newRow("non-ASCII in target") << QByteArray("GET /caf\xc3\xa9 HTTP/1.1");
    QTest::newRow("two spaces after method") << QByteArray("GET  / HTTP/1.1");
    QTest::newRow("space inside target") << QByteArray("GET /a b HTTP/1.1");
    QTest::newRow("trailing space") << QByteArray("GET / HTTP/1.1 ");
    QTest::newRow("leading space") << QByteArray(" GET / HTTP/1.1");
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2\r\nHost: x");
    QTest::newRow("HTTP/0.9") << QByteArray("GET / HTTP/0.9");
    QTest::newRow("lowercase version") << QByteArray("GET / http/1.1");
    QTest::newRow("LF only line ends") << QByteArray("GET / HTTP/1.1\nHost: x");
}

void TestRedirectRequest::parseRejects()
{
    QFETCH(QByteArray, head);

    RedirectRequest request;
    QVERIFY(!RedirectRequest::parse(head, &request));
}

std::unique_ptr<TestRedirectRequest::Browser> TestRedirectRequest::connectTo(LoopbackListener *listener)
{
    auto browser = std::make_unique<Browser>();
    Browser *raw = browser.get();
    QObject::connect(&raw->socket, &QTcpSocket::readyRead, &raw->socket,
                     [raw] { raw->received += raw->socket.readAll(); });
    raw->socket.connectToHost(QHostAddress(QHostAddress::LocalHost), listener->port());
    if (!QTest::qWaitFor([raw] { return raw->socket.state() == QAbstractSocket::ConnectedState; }))
        return nullptr;
    return browser;
}

QTcpSocket *TestRedirectRequest::acceptedSocket(LoopbackListener *listener)
{
    QTcpSocket *socket = nullptr;
    const bool accepted = QTest::qWaitFor([&] {
        const auto sockets = listener->findChildren<QTcpSocket *>();
        socket = sockets.size() == 1 ? sockets.first() : nullptr;
        return socket != nullptr;
    });
    return accepted ? socket : nullptr;
}

bool TestRedirectRequest::waitForAnswer(Browser *browser)
{
    // The listener closes the connection after its answer; everything has arrived by then.
    return QTest::qWaitFor([browser] { return browser->socket.state() == QAbstractSocket::UnconnectedState; });
}

void TestRedirectRequest::listenerBindsLoopback()
{
    LoopbackListener listener;
    QVERIFY(!listener.isListening());
    QVERIFY2(listener.listen(), qPrintable(listener.errorString()));
    QVERIFY(listener.isListening());
    QVERIFY(listener.port() != 0);

    const auto browser = connectTo(&listener);
    QVERIFY(browser);
    QCOMPARE(browser->socket.peerAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(browser->socket.peerPort(), listener.port());

    // Only 127.0.0.1: the same port on every other address of this machine is closed.
    const auto addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : addresses) {
        if (address == QHostAddress(QHostAddress::LocalHost) || !address.scopeId().isEmpty())
            continue;
        QTcpSocket other;
        other.connectToHost(address, listener.port());
        QVERIFY(QTest::qWaitFor([&other] { return other.state() == QAbstractSocket::UnconnectedState; }));
        QVERIFY2(other.error() == QAbstractSocket::ConnectionRefusedError,
                 qPrintable(address.toString() + QStringLiteral(": ") + other.errorString()));
    }

    listener.close();
    QVERIFY(!listener.isListening());
}

void TestRedirectRequest::listenerReassemblesSplitHead_data()
{
    QTest::addColumn<QByteArrayList>("chunks");

    const QByteArray head = "GET /?code=a%2Fb%2Bc&state=st4te HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n";
    QTest::newRow("one write") << QByteArrayList {head};
    QTest::newRow("request line split") << QByteArrayList {"GE", "T /?code=a%2F", "b%2Bc&state=st4te HTTP/1.1\r\n",
                                                           "Host: 127.0.0.1\r\nAccept: */*\r\n\r\n"};
    QTest::newRow("terminator split") << QByteArrayList {head.left(head.size() - 3), "\r\n\r", "\n"};
    QTest::newRow("terminator split in half") << QByteArrayList {head.left(head.size() - 2), "\r\n"};
    QByteArrayList bytes;
    for (const char c : head)
        bytes << QByteArray(1, c);
    QTest::newRow("byte by byte") << bytes;
}

void TestRedirectRequest::listenerReassemblesSplitHead()
{
    QFETCH(QByteArrayList, chunks);

    LoopbackListener listener;
    QVERIFY(listener.listen());
    std::vector<std::pair<quint64, RedirectRequest>> requests;
    connect(&listener, &LoopbackListener::requestReceived, &listener,
            [&requests](quint64 id, const RedirectRequest &request) { requests.emplace_back(id, request); });

    const auto browser = connectTo(&listener);
    QVERIFY(browser);
    QTcpSocket *accepted = acceptedSocket(&listener);
    QVERIFY(accepted);
    QSignalSpy arrived(accepted, &QTcpSocket::readyRead);

    for (int i = 0; i < chunks.size(); ++i) {
        QVERIFY(requests.empty());
        browser->socket.write(chunks.at(i));
        // The listener has read this piece before the next one goes out, so every piece is a
        // read of its own.
        QTRY_VERIFY(arrived.count() > i);
    }
    QTRY_COMPARE(requests.size(), size_t(1));

    const quint64 id = requests.front().first;
    const RedirectRequest &request = requests.front().second;
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, QStringLiteral("/"));
    QCOMPARE(request.query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), QStringLiteral("a/b+c"));
    QCOMPARE(request.query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), QStringLiteral("st4te"));

    // Nothing is sent until the owner answers.
    QVERIFY(browser->received.isEmpty());
    listener.respond(id, 200, QByteArrayLiteral("x"));
    QVERIFY(waitForAnswer(browser.get()));

    const QByteArray &answer = browser->received;
    QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.left(40).constData());
    QVERIFY(answer.contains("\r\nContent-Length: 1\r\n"));
    QVERIFY(answer.contains("\r\nConnection: close\r\n"));
    QVERIFY(answer.contains("\r\nCache-Control: no-store\r\n"));
    QVERIFY(answer.endsWith("\r\n\r\nx"));
    QCOMPARE(requests.size(), size_t(1));

    // A second answer to the same request goes nowhere.
    listener.respond(id, 500, QByteArrayLiteral("again"));
    QVERIFY(!browser->received.contains("again"));
}

void TestRedirectRequest::listenerAcceptsHeadAtLimit()
{
    LoopbackListener listener;
    QVERIFY(listener.listen());
    QSignalSpy received(&listener, &LoopbackListener::requestReceived);

    // Exactly kMaxHeadBytes including the blank line: the largest head that is still read.
    QByteArray head = "GET /?pad=";
    const QByteArray end = " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    head += QByteArray(LoopbackListener::kMaxHeadBytes - head.size() - end.size(), 'p');
    head += end;
    QCOMPARE(head.size(), LoopbackListener::kMaxHeadBytes);

    const auto browser = connectTo(&listener);
    QVERIFY(browser);
    browser->socket.write(head);
    QVERIFY(received.wait());
    QCOMPARE(received.count(), 1);
    QVERIFY(browser->received.isEmpty());
}

void TestRedirectRequest::listenerRefuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("statusLine");

    const char garbage[] = "\x16\x03\x01\x02\x00\xff\xfe garbage\r\n\r\n";
    QTest::newRow("garbage bytes") << QByteArray(garbage, sizeof garbage - 1) << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("target without slash")
        << QByteArray("GET noslash HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    // One byte over the limit and no end of head in sight.
    QByteArray tooLarge = "GET /?pad=";
    tooLarge += QByteArray(LoopbackListener::kMaxHeadBytes + 1 - tooLarge.size(), 'p');
    QTest::newRow("head over 16 KiB") << tooLarge << QByteArray("HTTP/1.1 431 ");
}

void TestRedirectRequest::listenerRefuses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, statusLine);

    LoopbackListener listener;
    QVERIFY(listener.listen());
    QSignalSpy received(&listener, &LoopbackListener::requestReceived);

    const auto browser = connectTo(&listener);
    QVERIFY(browser);
    browser->socket.write(bytes);
    QVERIFY(waitForAnswer(browser.get()));

    QVERIFY2(browser->received.startsWith(statusLine), browser->received.left(40).constData());
    QCOMPARE(received.count(), 0);
    // Refusing one connection leaves the listener open for the real redirect.
    QVERIFY(listener.isListening());
}

void TestRedirectRequest::listenerRespondsToAll()
{
    LoopbackListener listener;
    QVERIFY(listener.listen());
    QSignalSpy received(&listener, &LoopbackListener::requestReceived);

    const auto first = connectTo(&listener);
    const auto second = connectTo(&listener);
    QVERIFY(first && second);
    first->socket.write("GET /?n=1 HTTP/1.1\r\n\r\n");
    second->socket.write("GET /?n=2 HTTP/1.1\r\n\r\n");
    QTRY_COMPARE(received.count(), 2);

    listener.respondToAll(409, QByteArrayLiteral("busy"));
    QVERIFY(waitForAnswer(first.get()));
    QVERIFY(waitForAnswer(second.get()));
    QVERIFY(first->received.startsWith("HTTP/1.1 409 "));
    QVERIFY(second->received.startsWith("HTTP/1.1 409 "));
    QVERIFY(first->received.endsWith("busy"));
    QVERIFY(second->received.endsWith("busy"));
}

void TestRedirectRequest::listenerLimitsConnections()
{
    LoopbackListener listener;
    QVERIFY(listener.listen());

    // Connections that never send anything fill every slot...
    std::vector<std::unique_ptr<Browser>> idle;
    for (int i = 0; i < LoopbackListener::kMaxConnections; ++i) {
        idle.push_back(connectTo(&listener));
        QVERIFY(idle.back());
    }
    QTRY_COMPARE(listener.connectionCount(), LoopbackListener::kMaxConnections);

    // ...and one more takes the slot of the oldest, which is closed unanswered.
    QSignalSpy received(&listener, &LoopbackListener::requestReceived);
    const auto next = connectTo(&listener);
    QVERIFY(next);
    QVERIFY(waitForAnswer(idle.front().get()));
    QVERIFY(idle.front()->received.isEmpty());
    QCOMPARE(listener.connectionCount(), LoopbackListener::kMaxConnections);
    for (size_t i = 1; i < idle.size(); ++i)
        QCOMPARE(idle.at(i)->socket.state(), QAbstractSocket::ConnectedState);

    // The newcomer is heard.
    next->socket.write("GET /?code=c HTTP/1.1\r\n\r\n");
    QVERIFY(received.wait());
    QCOMPARE(received.count(), 1);
}

// A local process that holds many connections open, sending a partial head a byte at a time,
// cannot keep the browser's redirect out: it is answered while those connections are held.
void TestRedirectRequest::listenerOutlastsSlowConnections()
{
    constexpr int kSlow = 3 * LoopbackListener::kMaxConnections;

    LoopbackListener listener;
    // Far longer than this test runs: the head timeout cannot be what lets the browser in.
    listener.setHeadTimeout(std::chrono::minutes(10));
    QVERIFY(listener.listen());

    int mostOpen = 0;
    QTimer watch;
    connect(&watch, &QTimer::timeout, &listener, [&] { mostOpen = std::max(mostOpen, listener.connectionCount()); });
    watch.start(0);

    std::vector<std::unique_ptr<Browser>> slow;
    int trickled = 0;
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, &listener, [&slow, &trickled] {
        for (const auto &client : slow) {
            if (client->socket.state() == QAbstractSocket::ConnectedState)
                client->socket.write("a");
        }
        ++trickled;
    });
    trickle.start(50);
    for (int i = 0; i < kSlow; ++i) {
        slow.push_back(connectTo(&listener));
        QVERIFY(slow.back());
        slow.back()->socket.write("GET /?pad=");
    }
    const auto stillOpen = [&slow] {
        return std::count_if(slow.cbegin(), slow.cend(), [](const std::unique_ptr<Browser> &client) {
            return client->socket.state() == QAbstractSocket::ConnectedState;
        });
    };
    // The listener is full, and the slots are held by the newest of them.
    QTRY_COMPARE(stillOpen(), qsizetype(LoopbackListener::kMaxConnections));
    QCOMPARE(listener.connectionCount(), LoopbackListener::kMaxConnections);
    for (int i = kSlow - LoopbackListener::kMaxConnections; i < kSlow; ++i)
        QCOMPARE(slow.at(i)->socket.state(), QAbstractSocket::ConnectedState);
    // They go on sending a byte now and then, as they would to keep a slot for good.
    const int trickledBefore = trickled;
    QTRY_VERIFY(trickled >= trickledBefore + 3);
    QCOMPARE(stillOpen(), qsizetype(LoopbackListener::kMaxConnections));

    QSignalSpy received(&listener, &LoopbackListener::requestReceived);
    connect(&listener, &LoopbackListener::requestReceived, &listener,
            [&listener](quint64 id) { listener.respond(id, 200, QByteArrayLiteral("signed in")); });
    const auto browser = connectTo(&listener);
    QVERIFY(browser);
    browser->socket.write("GET /?code=c0de&state=st4te HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QVERIFY(waitForAnswer(browser.get()));
    QVERIFY2(browser->received.startsWith("HTTP/1.1 200 "), browser->received.left(40).constData());
    QVERIFY(browser->received.endsWith("signed in"));
    QCOMPARE(received.count(), 1);

    // Answered while the others still hold their slots (one gave its slot to the browser) and
    // go on trickling; the listener never held more than its limit.
    QTRY_COMPARE(stillOpen(), qsizetype(LoopbackListener::kMaxConnections - 1));
    QCOMPARE(listener.connectionCount(), LoopbackListener::kMaxConnections - 1);
    QVERIFY2(mostOpen <= LoopbackListener::kMaxConnections, qPrintable(QString::number(mostOpen)));
    QCOMPARE(received.count(), 1);
}

void TestRedirectRequest::listenerClosesIncompleteHead()
{
    LoopbackListener listener;
    // A few seconds by default: long enough for a browser, short enough for a squatter.
    QVERIFY(listener.headTimeout() <= std::chrono::seconds(5));
    listener.setHeadTimeout(std::chrono::milliseconds(300));
    QVERIFY(listener.listen());
    QSignalSpy received(&listener, &LoopbackListener::requestReceived);

    // A byte now and then does not keep a connection that never finishes its head.
    const auto squatter = connectTo(&listener);
    QVERIFY(squatter);
    squatter->socket.write("GET /?pad=");
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, &squatter->socket, [&squatter] { squatter->socket.write("a"); });
    trickle.start(50);
    QVERIFY(waitForAnswer(squatter.get()));
    QVERIFY(squatter->received.isEmpty());
    QTRY_COMPARE(listener.connectionCount(), 0);

    // A head that comes in time is read as ever.
    const auto browser = connectTo(&listener);
    QVERIFY(browser);
    browser->socket.write("GET /?code=c HTTP/1.1\r\n\r\n");
    QVERIFY(received.wait());
    QCOMPARE(received.count(), 1);
    QVERIFY(listener.isListening());
}

QTEST_GUILESS_MAIN(TestRedirectRequest)
#include "TestRedirectRequest.moc"
