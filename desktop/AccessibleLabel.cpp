#include "AccessibleLabel.h"

#include <QAccessibleWidget>
#include <QLabel>
#include <QTextDocumentFragment>

namespace {

class AccessibleLabel : public QAccessibleWidget, public QAccessibleTextInterface
{
public:
    explicit AccessibleLabel(QLabel *label)
        : QAccessibleWidget(label, QAccessible::StaticText)
    { }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        if (type == QAccessible::TextInterface)
            return static_cast<QAccessibleTextInterface *>(this);
        return QAccessibleWidget::interface_cast(type);
    }

    QString text(QAccessible::Text type) const override
    {
        if (type != QAccessible::Name)
            return QAccessibleWidget::text(type);
        const QString name = widget()->accessibleName();
        return name.isEmpty() ? shown() : name;
    }

    QList<std::pair<QAccessibleInterface *, QAccessible::Relation>>
    relations(QAccessible::Relation match) const override
    {
        auto result = QAccessibleWidget::relations(match);
        if (QWidget *buddy = label()->buddy(); buddy && (match & QAccessible::Labelled))
            result.append({QAccessible::queryAccessibleInterface(buddy), QAccessible::Labelled});
        return result;
    }

    // QAccessibleTextInterface: the shown text, read-only, nothing selectable.
    QString text(int startOffset, int endOffset) const override
    {
        return shown().mid(startOffset, endOffset - startOffset);
    }
    int characterCount() const override { return int(shown().size()); }
    void selection(int, int *startOffset, int *endOffset) const override { *startOffset = *endOffset = 0; }
    int selectionCount() const override { return 0; }
    void addSelection(int, int) override { }
    void removeSelection(int) override { }
    void setSelection(int, int, int) override { }
    int cursorPosition() const override { return 0; }
    void setCursorPosition(int) override { }
    QRect characterRect(int) const override { return QRect(); }
    int offsetAtPoint(const QPoint &) const override { return -1; }
    void scrollToSubstring(int, int) override { }
    QString attributes(int, int *startOffset, int *endOffset) const override
    {
        *startOffset = 0;
        *endOffset = characterCount();
        return QString();
    }

private:
    QLabel *label() const { return static_cast<QLabel *>(widget()); }

    // What a sighted person reads: rich text without its markup.
    QString shown() const
    {
        const QString text = label()->text();
        const bool rich = label()->textFormat() == Qt::RichText
            || (label()->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
        return rich ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    }
};

QAccessibleInterface *labelFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("QLabel") && object && object->isWidgetType())
        return new AccessibleLabel(static_cast<QLabel *>(object));
    return nullptr;
}

} // namespace

void installAccessibleLabels()
{
    static bool installed = false;
    if (!installed)
        QAccessible::installFactory(labelFactory);
    installed = true;
}
