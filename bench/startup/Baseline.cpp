// startup-baseline: the floor for bench/startup.sh. The least a Qt Widgets desktop program can
// do: a QApplication, a QMainWindow and a QLabel, shown at once. It is built by the same CMake
// project as the app, with the same compiler, flags and build type, so the ratios compare what
// the app does on top of Qt, not two different builds.
//
//   startup-baseline [--size WIDTHxHEIGHT]
//
// --size resizes the window before it is shown. Only for a side measurement: how much of the
// app's extra memory is the larger window's backing store. The benchmark runs it without.

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QStringList>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto *label = new QLabel(QStringLiteral("Hello"), &window);
    window.setCentralWidget(label);

    const QStringList arguments = QCoreApplication::arguments();
    const int sizeAt = int(arguments.indexOf(QStringLiteral("--size")));
    if (sizeAt > 0 && sizeAt + 1 < arguments.size()) {
        const QStringList parts = arguments.at(sizeAt + 1).split(QLatin1Char('x'));
        if (parts.size() == 2)
            window.resize(parts.at(0).toInt(), parts.at(1).toInt());
    }
    window.show();
    return app.exec();
}
