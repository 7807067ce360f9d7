#pragma once

#include <QMainWindow>
#include <QScopedPointer>
#include <QTimer>

class Session;

namespace Ui {
class MainWindow;
}

// The first window: the connected account, the token's status, and Sign in / Cancel / Sign out.
// A view over Session; it shows and forwards, nothing more.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    void showSession();
    void showMessage(const QString &text, bool isError);

    QScopedPointer<Ui::MainWindow> m_ui;
    Session *m_session;
    QTimer m_tick;
};
