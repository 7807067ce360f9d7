#pragma once

#include "Sandbox.h" // waitFor(), WGC_APP_BINARY

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

// The environment of an app process that can reach nothing: every URL under .invalid (https, so
// the configuration itself is valid and only the network fails), the client
// `clientId` with no secret, and the app's own log at info level.
inline QProcessEnvironment unreachableAppEnvironment(const QString &clientId)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WEBINARGEEK_AUTHORIZE_URL"),
               QStringLiteral("https://auth.example.invalid/oauth/authorize"));
    env.insert(QStringLiteral("WEBINARGEEK_TOKEN_URL"), QStringLiteral("https://auth.example.invalid/oauth/token"));
    env.insert(QStringLiteral("WEBINARGEEK_API_URL"), QStringLiteral("https://api.example.invalid/api/v2"));
    env.insert(QStringLiteral("WEBINARGEEK_CLIENT_ID"), clientId);
    env.remove(QStringLiteral("WEBINARGEEK_CLIENT_SECRET"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("wgc.*.info=true"));
    return env;
}

// What one run of the app binary printed, and how it ended.
struct AppRun
{
    int exitCode = -1; // -1: crashed or did not finish
    QByteArray out;
    QByteArray err;
};

// Waits for a started app process to end (killing it after `timeoutMs`) and collects what it
// printed.
inline AppRun finishApp(QProcess &process, int timeoutMs = 60000)
{
    AppRun run;
    if (!waitFor([&process] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// Runs the app binary (the command-line helper) to its end. `input` goes to its stdin, which is
// then closed, so a command that reads stdin never waits for a person.
inline AppRun runApp(const QProcessEnvironment &env, const QStringList &arguments, const QByteArray &input = {},
                     int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(WGC_APP_BINARY), arguments);
    if (!process.waitForStarted(10000))
        return AppRun();
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    return finishApp(process, timeoutMs);
}

// Every file under `folder` (hidden ones too), one after the other: to check that no secret was
// written anywhere in a test's HOME. (A keyring's own file is encrypted.)
inline QByteArray everyFileUnder(const QString &folder)
{
    QDirIterator files(folder, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    QByteArray contents;
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            contents += file.readAll();
    }
    return contents;
}
