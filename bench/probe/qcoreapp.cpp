// Constructs a QCoreApplication and leaves: Qt Core's own start-up on top of loading it.
#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return 0;
}
