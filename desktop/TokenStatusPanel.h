#pragma once

#include <QColor>
#include <QGroupBox>
#include <QScopedPointer>

class StatusSummary;

namespace Ui {
class TokenStatusPanel;
}

// The token's status: a coloured state badge, expiry and its countdown, scopes, last and next
// refresh, where the secret is kept, and what went wrong. Shows, nothing more.
class TokenStatusPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit TokenStatusPanel(QWidget *parent = nullptr);
    ~TokenStatusPanel() override;

    void show(const StatusSummary &summary);
    using QGroupBox::show;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void styleBadge();
    void styleProblem();
    void spaceCountdown();

    QScopedPointer<Ui::TokenStatusPanel> m_ui;
    int m_badge = 0;
    QColor m_badgeBackground;
};
