#pragma once

#include <QGroupBox>
#include <QScopedPointer>

class StatusSummary;

namespace Ui {
class SignInPage;
}

// The sign-in in progress: "Waiting for your browser…", the link (to copy or open again), the
// time left and Cancel; after a denial or a timeout, the reason and Try again. It shows and
// forwards: the window decides what each button does.
class SignInPage : public QGroupBox
{
    Q_OBJECT
public:
    explicit SignInPage(QWidget *parent = nullptr);
    ~SignInPage() override;

    // While waiting for the browser.
    void show(const StatusSummary &summary);
    using QGroupBox::show;
    // After an attempt that did not finish: why, and a way to try again.
    void showFailure(const QString &reason, const QString &details);
    // Said when the browser could not be opened at all (until the next show of a new attempt's
    // link or failure); it points to Copy link.
    void setBrowserFailed(bool failed);

    bool isShowingFailure() const;
    // Puts the keyboard focus on what comes next: Copy link while waiting, Try again after.
    void focusMainAction();

signals:
    void copyLinkRequested();
    void openAgainRequested();
    void cancelRequested();
    void tryAgainRequested();
    void dismissRequested();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void showHint();

    QScopedPointer<Ui::SignInPage> m_ui;
    bool m_browserFailed = false;
    bool m_browserQuiet = false;
};
