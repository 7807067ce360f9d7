#include "AccountListPanel.h"

#include "AccountListModel.h"
#include "GroupBoxFrame.h"

#include <QAction>
#include <QBoxLayout>
#include <QEvent>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>

namespace {
// Rows shown before the list scrolls: enough for most people's accounts, and the detail below
// keeps its room.
constexpr int kRowsShown = 4;
} // namespace

AccountListPanel::AccountListPanel(QWidget *parent)
    : QGroupBox(parent)
    , m_list(new QListView(this))
    , m_addMenu(new QMenu(this))
    , m_addButton(new QPushButton(this))
    , m_removeButton(new QPushButton(this))
    , m_makeActiveButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("accountListPanel"));
    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_list->setIconSize(QSize(24, 24));
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_addButton->setObjectName(QStringLiteral("addAccountButton"));
    m_removeButton->setObjectName(QStringLiteral("removeAccountButton"));
    m_makeActiveButton->setObjectName(QStringLiteral("makeActiveButton"));
    QAction *inBrowser = m_addMenu->addAction(QString(), this, &AccountListPanel::addInBrowserRequested);
    inBrowser->setObjectName(QStringLiteral("addInBrowserAction"));
    QAction *withApiKey = m_addMenu->addAction(QString(), this, &AccountListPanel::addWithApiKeyRequested);
    withApiKey->setObjectName(QStringLiteral("addWithApiKeyAction"));
    m_addButton->setMenu(m_addMenu);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addWidget(m_makeActiveButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    connect(m_removeButton, &QPushButton::clicked, this, &AccountListPanel::removeRequested);
    connect(m_makeActiveButton, &QPushButton::clicked, this, &AccountListPanel::makeActiveRequested);
    retranslate();
    hide();
}

void AccountListPanel::retranslate()
{
    setTitle(tr("Accounts"));
    setAccessibleName(tr("Accounts"));
    setAccessibleDescription(tr("The WebinarGeek accounts this computer is connected to"));
    m_list->setAccessibleName(tr("Accounts"));
    m_list->setAccessibleDescription(tr("Choose an account to see its details below"));
    m_addButton->setText(tr("&Add account"));
    m_addButton->setAccessibleName(tr("Add account"));
    m_addButton->setAccessibleDescription(tr("Connects another WebinarGeek account, keeping the others"));
    m_removeButton->setText(tr("Re&move…"));
    m_removeButton->setAccessibleName(tr("Remove account"));
    m_removeButton->setAccessibleDescription(tr("Signs the chosen account out and takes it off the list"));
    m_makeActiveButton->setText(tr("Make acti&ve"));
    m_makeActiveButton->setAccessibleName(tr("Make active"));
    m_makeActiveButton->setAccessibleDescription(
        tr("Makes the chosen account the one the command line uses when no account is named"));
    const QList<QAction *> actions = m_addMenu->actions();
    actions.at(0)->setText(tr("Sign in in the &browser…"));
    actions.at(1)->setText(tr("Use an &API key…"));
}

void AccountListPanel::setModel(AccountListModel *model)
{
    m_model = model;
    // The shown row removed: the selection moves to a neighbour, but the model chooses what is
    // shown next (the active account, else the first). Connected before the list's own, which
    // moves the selection as the rows are about to go.
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_rowsGoing = true; });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { m_rowsGoing = false; });
    m_list->setModel(model);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid() && !m_rowsGoing)
            m_model->selectRow(current.row());
    });
    connect(model, &AccountListModel::selectedChanged, this, &AccountListPanel::showModel);
    connect(model, &AccountListModel::actionsChanged, this, &AccountListPanel::showModel);
    connect(model, &QAbstractItemModel::rowsInserted, this, &AccountListPanel::showModel);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AccountListPanel::showModel);
    connect(model, &QAbstractItemModel::modelReset, this, &AccountListPanel::showModel);
    showModel();
}

void AccountListPanel::showModel()
{
    setVisible(m_model->rowCount() > 0);
    // The list's current row is the account shown; none while the new account is.
    const int row = m_model->rowOf(m_model->selected());
    if (row != m_list->currentIndex().row()
        || (row >= 0 && !m_list->selectionModel()->isSelected(m_list->currentIndex()))) {
        if (row >= 0)
            m_list->setCurrentIndex(m_model->index(row));
        else
            m_list->selectionModel()->clear();
    }
    m_removeButton->setEnabled(m_model->canRemove());
    m_makeActiveButton->setEnabled(m_model->canMakeActive());
    fitRows();
}

// As tall as its rows, up to kRowsShown: no empty band under two accounts, no scroll bar for them.
void AccountListPanel::fitRows()
{
    const int rows = std::clamp(m_model ? m_model->rowCount() : 0, 1, kRowsShown);
    const int rowHeight = std::max(m_list->sizeHintForRow(0), m_list->fontMetrics().height() * 2);
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth());
}

void AccountListPanel::changeEvent(QEvent *event)
{
    QGroupBox::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fitRows();
}

void AccountListPanel::paintEvent(QPaintEvent *)
{
    QStyleOptionGroupBox option;
    initStyleOption(&option);
    paintGroupBox(this, option);
}
