#include "AccountPanel.h"

#include "ui_AccountPanel.h"

#include "GroupBoxFrame.h"

#include "desktop/StatusSummary.h"

AccountPanel::AccountPanel(QWidget *parent)
    : QGroupBox(parent)
    , m_ui(new Ui::AccountPanel)
{
    m_ui->setupUi(this);
}

AccountPanel::~AccountPanel() = default;

void AccountPanel::show(const StatusSummary &summary)
{
    m_ui->companyValue->setText(summary.company);
    m_ui->emailValue->setText(summary.email);
    m_ui->connectedWithValue->setText(summary.connectedWith);
}

void AccountPanel::paintEvent(QPaintEvent *)
{
    QStyleOptionGroupBox option;
    initStyleOption(&option);
    paintGroupBox(this, option);
}
