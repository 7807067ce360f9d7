#pragma once

#include <QGroupBox>
#include <QScopedPointer>

class StatusSummary;

namespace Ui {
class AccountPanel;
}

// The account card: company, email, and how this computer is connected. Shows, nothing more.
class AccountPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit AccountPanel(QWidget *parent = nullptr);
    ~AccountPanel() override;

    void show(const StatusSummary &summary);
    using QGroupBox::show;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QScopedPointer<Ui::AccountPanel> m_ui;
};
