#include "StatusReport.h"

#include "config/OutsideText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {

QJsonValue orNull(bool present, const QJsonValue &value)
{
    return present ? value : QJsonValue();
}

bool cannotBeRenewed(const StoredSession &session)
{
    return !session.isEmpty() && !session.isApiKey() && !session.renewable;
}

QString expiredForGood()
{
    return StatusReport::tr("The session cannot be renewed: no refresh token is stored, and the access token has "
                            "expired. Sign in again with \"webinargeek-connect login\".");
}

QString stateName(StatusReport::State state)
{
    switch (state) {
    case StatusReport::State::SignedIn:
        return QStringLiteral("signed_in");
    case StatusReport::State::SignedOut:
        return QStringLiteral("signed_out");
    case StatusReport::State::Error:
        break;
    }
    return QStringLiteral("error");
}

QString accountName(const QString &email, const QString &company)
{
    return company.isEmpty() ? email : StatusReport::tr("%1 (%2)").arg(email, company);
}

} // namespace

void printErr(const QString &text)
{
    // The last guard: whatever a message quotes from outside cannot drive the terminal.
    std::fputs(qPrintable(OutsideText::printable(text) + QLatin1Char('\n')), stderr);
    std::fflush(stderr);
}

void printOut(const QByteArray &text)
{
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

StatusReport::State StatusReport::stateAt(const QDateTime &now) const
{
    return stateAt(state, session, now);
}

StatusReport::State StatusReport::stateAt(State state, const StoredSession &session, const QDateTime &now)
{
    if (state == State::SignedIn && cannotBeRenewed(session) && session.expiresAt.isValid() && session.expiresAt <= now)
        return State::Error;
    return state;
}

std::optional<StatusReport::Account> StatusReport::listed(const AccountEntry &entry, State state,
                                                          const StoredSession &session, bool active)
{
    if (entry.email.isEmpty() && session.isEmpty())
        return std::nullopt;
    Account account;
    account.email = session.isEmpty() ? entry.email : session.email;
    account.company = session.isEmpty() ? entry.company : session.company;
    account.state = state;
    account.session = session;
    account.active = active;
    return account;
}

QByteArray StatusReport::toJson(const QDateTime &now) const
{
    const State shown = stateAt(now);
    const QString problem = shown != state ? expiredForGood() : error;
    const bool signedIn = shown == State::SignedIn;
    const bool expires = signedIn && session.expiresAt.isValid();
    QJsonObject account;
    account.insert(QLatin1String("company"), session.company);
    account.insert(QLatin1String("email"), session.email);

    QJsonObject object;
    object.insert(QLatin1String("state"), stateName(shown));
    object.insert(QLatin1String("method"), orNull(!session.isEmpty(), session.method));
    object.insert(QLatin1String("account"), orNull(signedIn, account));
    object.insert(QLatin1String("expires_at"), orNull(expires, session.expiresAt.toUTC().toString(Qt::ISODate)));
    object.insert(QLatin1String("expired"), orNull(expires, session.expiresAt <= now));
    object.insert(QLatin1String("scope"), orNull(signedIn, session.scope));
    // false: no refresh token is stored, so `token` fails once the access token has expired.
    object.insert(QLatin1String("renewable"),
                  orNull(!session.isEmpty() && !session.isApiKey() && shown != State::SignedOut, session.renewable));
    object.insert(QLatin1String("storage"), StoredSession::backendName());
    object.insert(QLatin1String("client_id"), clientId);
    object.insert(QLatin1String("token_url"), tokenUrl);
    object.insert(QLatin1String("error"), orNull(!problem.isEmpty(), problem));
    // Every account, without a token; the fields above are about one of them.
    QJsonArray list;
    for (const Account &entry : accounts) {
        const State entryState = stateAt(entry.state, entry.session, now);
        const bool entryExpires = entryState == State::SignedIn && entry.session.expiresAt.isValid();
        list.append(QJsonObject {
            {QLatin1String("email"), entry.email},
            {QLatin1String("company"), entry.company},
            {QLatin1String("method"), orNull(!entry.session.isEmpty(), entry.session.method)},
            {QLatin1String("state"), stateName(entryState)},
            {QLatin1String("active"), entry.active},
            {QLatin1String("expires_at"), orNull(entryExpires, entry.session.expiresAt.toUTC().toString(Qt::ISODate))},
        });
    }
    object.insert(QLatin1String("accounts"), list);
    return QJsonDocument(object).toJson(QJsonDocument::Indented).trimmed();
}

QStringList StatusReport::toText(const QDateTime &now) const
{
    const State shown = stateAt(now);
    const QString problem = shown != state ? expiredForGood() : error;
    QStringList lines;
    switch (shown) {
    case State::SignedOut:
        lines << tr("Not signed in. Run \"webinargeek-connect login\" to sign in.");
        break;
    case State::Error:
        lines << tr("error: %1").arg(problem);
        break;
    case State::SignedIn:
        lines << accountLine(session);
        if (session.expiresAt.isValid()) {
            const QString when = session.expiresAt.toLocalTime().toString(Qt::ISODate);
            lines << (session.expiresAt <= now
                          ? tr("Access token expired at %1 (it is refreshed on next use).").arg(when)
                          : tr("Access token expires at %1.").arg(when));
        }
        if (cannotBeRenewed(session))
            lines << tr("This session cannot be renewed: no refresh token is stored. Sign in again with "
                        "\"webinargeek-connect login\" before the access token expires.");
        if (!session.scope.isEmpty())
            lines << tr("Scope: %1").arg(session.scope);
        lines << tr("Stored in: %1").arg(StoredSession::backendName());
        break;
    }
    lines << otherAccounts(now);
    return lines;
}

// The accounts beside the one reported, in a line or two.
QStringList StatusReport::otherAccounts(const QDateTime &now) const
{
    QStringList others;
    for (int i = 0; i < accounts.size(); ++i) {
        if (i == reported)
            continue;
        const Account &entry = accounts.at(i);
        QString name = accountName(entry.email, entry.company);
        switch (stateAt(entry.state, entry.session, now)) {
        case State::SignedIn:
            break;
        case State::SignedOut:
            name = tr("%1, signed out").arg(name);
            break;
        case State::Error:
            name = tr("%1, needs attention").arg(name);
            break;
        }
        if (entry.active)
            name = tr("%1, the active one").arg(name);
        others << name;
    }
    if (others.isEmpty())
        return {};
    return {tr("Other accounts: %1.").arg(others.join(QLatin1String("; "))),
            tr("Use one with --account EMAIL, or make it the active one with \"webinargeek-connect switch\".")};
}

QString StatusReport::accountLine(const StoredSession &session)
{
    if (session.isApiKey()) {
        return session.company.isEmpty()
            ? tr("Connected with an API key as %1.").arg(session.email)
            : tr("Connected with an API key as %1 (%2).").arg(session.email, session.company);
    }
    return session.company.isEmpty() ? tr("Signed in as %1.").arg(session.email)
                                     : tr("Signed in as %1 (%2).").arg(session.email, session.company);
}

int StatusReport::exitCode() const
{
    switch (stateAt(QDateTime::currentDateTimeUtc())) {
    case State::SignedIn:
        return 0;
    case State::SignedOut:
        return 1;
    case State::Error:
        break;
    }
    return 2;
}

int StatusReport::reportProblems(const QStringList &problems, bool json, const QString &clientId,
                                 const QString &tokenUrl)
{
    StatusReport report;
    report.state = State::Error;
    report.error = problems.join(QLatin1Char(' '));
    report.clientId = clientId;
    report.tokenUrl = tokenUrl;
    if (json) {
        printOut(report.toJson(QDateTime::currentDateTimeUtc()));
    } else {
        for (const QString &problem : problems)
            printErr(tr("error: %1").arg(problem));
    }
    return report.exitCode();
}
