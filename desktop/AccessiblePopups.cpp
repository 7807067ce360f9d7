#include "AccessiblePopups.h"

#include <QAccessibleObject>
#include <QApplication>
#include <QMenu>

namespace {

// Menus shown on their own: no parent widget, so no menu bar or menu lists them.
QList<QMenu *> openMenus()
{
    QList<QMenu *> menus;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *menu = qobject_cast<QMenu *>(widget); menu && menu->isVisible() && !menu->parentWidget())
            menus << menu;
    }
    return menus;
}

class AccessibleApplication : public QAccessibleApplication
{
public:
    int childCount() const override { return QAccessibleApplication::childCount() + int(openMenus().size()); }

    QAccessibleInterface *child(int index) const override
    {
        const int windows = QAccessibleApplication::childCount();
        if (index < windows)
            return QAccessibleApplication::child(index);
        const QList<QMenu *> menus = openMenus();
        return index - windows < menus.size() ? QAccessible::queryAccessibleInterface(menus.at(index - windows))
                                              : nullptr;
    }

    int indexOfChild(const QAccessibleInterface *child) const override
    {
        const int index = QAccessibleApplication::indexOfChild(child);
        if (index >= 0 || !child)
            return index;
        const int menu = int(openMenus().indexOf(qobject_cast<QMenu *>(child->object())));
        return menu < 0 ? -1 : QAccessibleApplication::childCount() + menu;
    }
};

QAccessibleInterface *applicationFactory(const QString &className, QObject *object)
{
    Q_UNUSED(className);
    if (object && object == qApp)
        return new AccessibleApplication;
    return nullptr;
}

} // namespace

void installAccessiblePopups()
{
    static bool installed = false;
    if (!installed)
        QAccessible::installFactory(applicationFactory);
    installed = true;
}
