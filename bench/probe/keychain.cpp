// Reads one entry with qtkeychain, as the app's TokenStore does, and prints nothing.
// Usage: probe-keychain SERVICE KEY. Exit 0 when the entry was read and is not empty.
#include <QCoreApplication>

#include <qt6keychain/keychain.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLocal8Bit(argv[1]), &app);
    job->setKey(QString::fromLocal8Bit(argv[2]));
    int code = 1;
    QObject::connect(job, &QKeychain::Job::finished, &app, [job, &code] {
        code = job->error() == QKeychain::NoError && !job->binaryData().isEmpty() ? 0 : 1;
        QCoreApplication::quit();
    });
    job->start();
    app.exec();
    return code;
}
