#pragma once

#include <QGroupBox>

class AccountListModel;
class QListView;
class QMenu;
class QPushButton;

// The accounts card above the detail: every account with its state, the active one marked, and
// Add account (in the browser or with an API key), Remove… and Make active for the account
// chosen in the list. Shows AccountListModel and forwards what is asked; hidden while there is
// no account, so that the window of a person with none looks as it always did.
class AccountListPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit AccountListPanel(QWidget *parent = nullptr);

    void setModel(AccountListModel *model);

signals:
    void addInBrowserRequested();
    void addWithApiKeyRequested();
    void removeRequested();
    void makeActiveRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showModel();
    void fitRows();

    AccountListModel *m_model = nullptr;
    QListView *m_list;
    QMenu *m_addMenu;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
    QPushButton *m_makeActiveButton;
    bool m_rowsGoing = false; // between rowsAboutToBeRemoved and rowsRemoved
};
