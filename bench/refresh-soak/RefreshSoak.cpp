// refresh-soak: the app's core (Session, TokenStore, NetworkAccess; no widgets) kept signed in
// with automatic refresh while it calls the account API at a steady pace, to see whether a
// caller is ever handed a token the server already considers expired, and whether memory grows
// over many refreshes. bench/refresh-soak.sh runs it against the sandbox with 5 s tokens.
//
//   refresh-soak [--seconds N] [--interval-ms N] [--warmup-seconds N]
//
// It signs nobody in: the session must already be in the keychain (WEBINARGEEK_* select the
// server and client, as for the app). Exit status: 0 after printing the summary (also when a
// figure is over its target: this is a measurement, not a test), 2 when it could not run.
// No token is ever printed.

#include "api/NetworkAccess.h"
#include "api/WebinarGeekClient.h"
#include "auth/AuthError.h"
#include "auth/Session.h"
#include "config/Configuration.h"
#include "storage/TokenStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QMetaEnum>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr int kCannotRun = 2;
constexpr qint64 kTargetExpiredTokenFailures = 0;
constexpr qint64 kTargetRssGrowthKiB = 1024;

// Resident set size of this process in KiB (VmRSS), or -1.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

template<typename Enum> QString enumName(Enum value)
{
    return QString::fromLatin1(QMetaEnum::fromType<Enum>().valueToKey(int(value)));
}

QString authErrorName(AuthError::Kind kind)
{
    using K = AuthError::Kind;
    switch (kind) {
#define WGC_KIND(name)                                                                                                 \
    case K::name:                                                                                                      \
        return QStringLiteral(#name)
        WGC_KIND(None);
        WGC_KIND(Denied);
        WGC_KIND(AuthorizationError);
        WGC_KIND(BadCallback);
        WGC_KIND(TimedOut);
        WGC_KIND(Cancelled);
        WGC_KIND(ListenerFailed);
        WGC_KIND(InvalidGrant);
        WGC_KIND(InvalidClient);
        WGC_KIND(RequestRejected);
        WGC_KIND(ServerError);
        WGC_KIND(RateLimited);
        WGC_KIND(BadReply);
        WGC_KIND(NetworkError);
        WGC_KIND(NoAnswer);
        WGC_KIND(Configuration);
        WGC_KIND(Keychain);
        WGC_KIND(Account);
        WGC_KIND(ApiKeyRejected);
        WGC_KIND(NotSignedIn);
#undef WGC_KIND
    }
    return QStringLiteral("?");
}

QString apiErrorName(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::None:
        return QStringLiteral("none");
    case ApiError::Kind::Unauthorized:
        // httpStatus 0: the session had no usable token to give (a refresh failed, say).
        return error.httpStatus == 401 ? QStringLiteral("401 Unauthorized (after the one retry)")
                                       : QStringLiteral("no usable token (%1)").arg(error.detail);
    case ApiError::Kind::NetworkError:
        return QStringLiteral("network error");
    case ApiError::Kind::NoAnswer:
        return QStringLiteral("no answer in time");
    case ApiError::Kind::ServerError:
        return QStringLiteral("server error (HTTP %1)").arg(error.httpStatus);
    case ApiError::Kind::BadReply:
        return QStringLiteral("unusable answer (HTTP %1)").arg(error.httpStatus);
    }
    return QStringLiteral("?");
}

// The app's network access manager, counting what goes over the wire: API requests and the
// 401s they got (a token the server no longer accepted was sent), and token-endpoint requests.
class CountingNetwork : public NetworkAccess
{
public:
    struct Rejection
    {
        qint64 atMs; // since the start of the soak
        qint64 leftAtSendMs; // what the client thought the token had left when it was sent
        qint64 roundTripMs;
        bool wasCurrent; // the session's current token (not one replaced meanwhile)
    };

    QString apiPrefix;
    QString tokenUrl;
    const Session *session = nullptr;
    const QElapsedTimer *soakClock = nullptr;

    qint64 apiRequests = 0;
    qint64 api401 = 0;
    qint64 tokenRequests = 0;
    std::vector<Rejection> rejections;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override
    {
        QNetworkReply *reply = NetworkAccess::createRequest(op, request, outgoingData);
        const QString url = request.url().toString();
        if (url == tokenUrl) {
            ++tokenRequests;
        } else if (url.startsWith(apiPrefix)) {
            ++apiRequests;
            // Compare, never keep or print: is the token sent the one the session holds now?
            const StoredSession &held = session->stored();
            const bool current = request.rawHeader("Authorization") == "Bearer " + held.accessToken.toUtf8();
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const qint64 leftMs = current && held.expiresAt.isValid() ? now.msecsTo(held.expiresAt) : 0;
            QElapsedTimer sent;
            sent.start();
            connect(reply, &QNetworkReply::finished, this, [this, reply, leftMs, current, sent] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 401)
                    return;
                ++api401;
                rejections.push_back({soakClock->elapsed(), leftMs, sent.elapsed(), current});
            });
        }
        return reply;
    }
};

struct Options
{
    int seconds = 120;
    int intervalMs = 200;
    int warmupSeconds = 10;
};

bool parseOptions(const QCoreApplication &app, Options *options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Calls the account API at a steady pace with automatic refresh on, and reports refreshes, expired-token "
        "failures and resident memory growth. The session must already be stored (WEBINARGEEK_* as for the app)."));
    parser.addHelpOption();
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("How long to run (default 120)."),
                                     QStringLiteral("n"), QString::number(options->seconds));
    const QCommandLineOption interval(QStringLiteral("interval-ms"),
                                      QStringLiteral("Pause between API calls in ms (default 200)."),
                                      QStringLiteral("ms"), QString::number(options->intervalMs));
    const QCommandLineOption warmup(QStringLiteral("warmup-seconds"),
                                    QStringLiteral("When to take the first memory reading (default 10)."),
                                    QStringLiteral("n"), QString::number(options->warmupSeconds));
    parser.addOptions({seconds, interval, warmup});
    parser.process(app);
    bool ok1 = false, ok2 = false, ok3 = false;
    options->seconds = parser.value(seconds).toInt(&ok1);
    options->intervalMs = parser.value(interval).toInt(&ok2);
    options->warmupSeconds = parser.value(warmup).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3 || options->seconds <= 0 || options->intervalMs <= 0 || options->warmupSeconds < 0
        || options->warmupSeconds >= options->seconds) {
        std::fprintf(stderr,
                     "refresh-soak: --seconds and --interval-ms must be positive, and --warmup-seconds "
                     "smaller than --seconds\n");
        return false;
    }
    return true;
}

qint64 percentile(std::vector<qint64> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("WebinarGeek"));
    QCoreApplication::setApplicationName(QStringLiteral("webinargeek-connect"));
    Options options;
    if (!parseOptions(app, &options))
        return kCannotRun;

    const QSettings settings(ConfigurationLoader::defaultSettingsPath(), QSettings::IniFormat);
    const Configuration config = ConfigurationLoader(QProcessEnvironment::systemEnvironment(), &settings).load();
    if (!config.problems().isEmpty()) {
        std::fprintf(stderr, "refresh-soak: configuration: %s\n", qPrintable(config.problems().join(QLatin1Char(' '))));
        return kCannotRun;
    }

    QElapsedTimer soakClock;
    CountingNetwork network;
    network.apiPrefix = config.apiUrl.toString();
    network.tokenUrl = config.tokenUrl.toString();
    network.soakClock = &soakClock;
    TokenStore store(config.storageKey());
    Session session(config, &network, &store);
    network.session = &session;

    // Counters.
    qint64 callsStarted = 0, callsDone = 0, callsOk = 0, inFlight = 0, maxInFlight = 0;
    QMap<QString, qint64> failuresByKind;
    qint64 refreshesOk = 0, refreshesFailed = 0;
    QMap<QString, qint64> refreshFailuresByKind;
    qint64 refreshesByScheduler = 0, refreshesOnDemand = 0;
    std::vector<qint64> leftAtRefreshMs; // what the old token had left when a refresh started
    std::vector<qint64> latenciesMs;
    qint64 rssStart = -1, rssEnd = -1;
    QList<QPair<int, qint64>> rssSamples; // (second, KiB)
    int exitCode = 0;

    QObject::connect(&session, &Session::refreshFinished, &app, [&](const AuthError &error) {
        if (!error.isError()) {
            ++refreshesOk;
            return;
        }
        ++refreshesFailed;
        ++refreshFailuresByKind[authErrorName(error.kind)];
    });

    // Who started each refresh: the scheduler (its due time has passed, or it cleared it when it
    // fired) or an API call that found the token no longer fresh (the due time is still ahead).
    QObject::connect(&session, &Session::stateChanged, &app, [&](Session::State state) {
        if (state != Session::State::Refreshing || !soakClock.isValid())
            return;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime due = session.nextRefreshAt();
        if (due.isValid() && due > now)
            ++refreshesOnDemand;
        else
            ++refreshesByScheduler;
        if (session.stored().expiresAt.isValid())
            leftAtRefreshMs.push_back(now.msecsTo(session.stored().expiresAt));
    });

    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(options.intervalMs);
    QTimer sampler;
    sampler.setInterval(10 * 1000);
    sampler.setTimerType(Qt::PreciseTimer);
    bool stopping = false;
    bool finished = false;

    const auto finish = [&] {
        if (finished)
            return;
        finished = true;
        rssEnd = residentKiB();
        const double seconds = soakClock.elapsed() / 1000.0;
        const qint64 expiredFailures = network.api401;
        const qint64 growth = rssEnd - rssStart;

        std::printf(
            "\nrefresh-soak: %.1f s, one account call every %d ms, access tokens living %s\n", seconds,
            options.intervalMs,
            qPrintable(session.stored().updatedAt.isValid() && session.stored().expiresAt.isValid()
                           ? QStringLiteral("%1 s").arg(
                               session.stored().updatedAt.msecsTo(session.stored().expiresAt) / 1000.0, 0, 'f', 1)
                           : QStringLiteral("(unknown)")));
        std::printf("  API calls             %lld started, %lld finished, %lld succeeded, %lld failed"
                    " (at most %lld in flight)\n",
                    callsStarted, callsDone, callsOk, callsDone - callsOk, maxInFlight);
        for (auto it = failuresByKind.cbegin(); it != failuresByKind.cend(); ++it)
            std::printf("    failed: %-40s %lld\n", qPrintable(it.key()), it.value());
        std::printf("  call latency          median %lld ms, p99 %lld ms, max %lld ms\n", percentile(latenciesMs, 0.5),
                    percentile(latenciesMs, 0.99), percentile(latenciesMs, 1.0));
        std::printf("  refreshes             %lld done, %lld failed (%lld token-endpoint requests)\n", refreshesOk,
                    refreshesFailed, network.tokenRequests);
        for (auto it = refreshFailuresByKind.cbegin(); it != refreshFailuresByKind.cend(); ++it)
            std::printf("    failed: %-40s %lld\n", qPrintable(it.key()), it.value());
        std::printf("    started by           the scheduler %lld, an API call finding the token due %lld\n",
                    refreshesByScheduler, refreshesOnDemand);
        std::printf("    old token's time left when a refresh started: min %lld ms, median %lld ms, max %lld ms\n",
                    percentile(leftAtRefreshMs, 0.0), percentile(leftAtRefreshMs, 0.5),
                    percentile(leftAtRefreshMs, 1.0));
        std::printf("  API requests on wire  %lld (calls plus retries)\n", network.apiRequests);
        std::printf("  expired-token 401s    %lld on the wire (target %lld)   %s\n", expiredFailures,
                    kTargetExpiredTokenFailures, expiredFailures <= kTargetExpiredTokenFailures ? "PASS" : "OVER");
        for (const CountingNetwork::Rejection &r : network.rejections) {
            std::printf(
                "    401 at %6.1f s: %s, %lld ms left by the client's clock when sent, answered after %lld ms\n",
                r.atMs / 1000.0, r.wasCurrent ? "the session's current token" : "a token already replaced",
                r.leftAtSendMs, r.roundTripMs);
        }
        std::printf("  resident memory       %lld KiB after %d s warm-up, %lld KiB at the end: %+lld KiB"
                    " (target < %lld KiB)   %s\n",
                    rssStart, options.warmupSeconds, rssEnd, growth, kTargetRssGrowthKiB,
                    growth < kTargetRssGrowthKiB ? "PASS" : "OVER");
        QStringList samples;
        for (const auto &sample : rssSamples)
            samples << QStringLiteral("%1s:%2").arg(sample.first).arg(sample.second);
        std::printf("    VmRSS samples (KiB)  %s\n", qPrintable(samples.join(QLatin1Char(' '))));
        std::printf("  session state at end  %s\n", qPrintable(enumName(session.state())));
        std::fflush(stdout);
        QCoreApplication::exit(exitCode);
    };

    const auto stop = [&] {
        stopping = true;
        ticker.stop();
        sampler.stop();
        if (inFlight == 0) {
            finish();
            return;
        }
        // Let the calls in flight finish (each has a 30 s timeout); give up after 40 s.
        QTimer::singleShot(40 * 1000, &app, [&] {
            std::fprintf(stderr, "refresh-soak: %lld calls still in flight after 40 s\n", inFlight);
            finish();
        });
    };

    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        ++callsStarted;
        maxInFlight = std::max(maxInFlight, ++inFlight);
        QElapsedTimer started;
        started.start();
        session.api()->fetchAccount([&, started](const Account &, const ApiError &error) {
            --inFlight;
            ++callsDone;
            latenciesMs.push_back(started.elapsed());
            if (error.isError())
                ++failuresByKind[apiErrorName(error)];
            else
                ++callsOk;
            if (stopping && inFlight == 0)
                QMetaObject::invokeMethod(&app, finish, Qt::QueuedConnection);
        });
    });
    QObject::connect(&sampler, &QTimer::timeout, &app, [&] {
        rssSamples.append({qRound(soakClock.elapsed() / 1000.0), residentKiB()});
    });

    QObject::connect(&session, &Session::restoreFinished, &app, [&] {
        if (session.state() != Session::State::SignedIn || session.stored().isApiKey()
            || !session.stored().expiresAt.isValid()) {
            std::fprintf(stderr,
                         "refresh-soak: the stored session cannot be soaked (state %s%s); sign in with OAuth first\n",
                         qPrintable(enumName(session.state())), session.stored().isApiKey() ? ", an API key" : "");
            QCoreApplication::exit(kCannotRun);
            return;
        }
        if (residentKiB() < 0) {
            std::fprintf(stderr, "refresh-soak: cannot read VmRSS from /proc/self/status\n");
            QCoreApplication::exit(kCannotRun);
            return;
        }
        std::printf("refresh-soak: signed in; calling the account API every %d ms for %d s…\n", options.intervalMs,
                    options.seconds);
        std::fflush(stdout);
        soakClock.start();
        ticker.start();
        sampler.start();
        // Precise: a coarse single shot may fire up to 5 % early.
        QTimer::singleShot(options.warmupSeconds * 1000, Qt::PreciseTimer, &app, [&] { rssStart = residentKiB(); });
        QTimer::singleShot(options.seconds * 1000, Qt::PreciseTimer, &app, stop);
    });

    session.setAutoRefresh(true);
    session.restore();
    return app.exec();
}
