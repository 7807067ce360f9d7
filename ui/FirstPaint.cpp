#include "FirstPaint.h"

#include "UiLog.h"

#include <QEvent>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <QWindow>

namespace {

// Watches the window's expose events and the time-out; goes once it has called.
class FirstPaintWatch : public QObject
{
public:
    FirstPaintWatch(QWindow *window, int timeoutMs, QObject *context, const std::function<void()> &then)
        : QObject(context)
        , m_window(window)
        , m_then(then)
    {
        window->installEventFilter(this);
        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, [this, timeoutMs] {
            qCInfo(lcUi) << "The window was not painted within" << timeoutMs << "ms; starting the rest";
            fire();
        });
        m_timeout.start(timeoutMs);
    }

    void fire()
    {
        if (m_window)
            m_window->removeEventFilter(this);
        m_timeout.stop();
        // Queued: the window paints in its own handling of the expose, after this filter.
        QTimer::singleShot(0, parent(), m_then);
        deleteLater();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && watched == m_window && m_window->isExposed() && m_timeout.isActive())
            fire();
        return false;
    }

private:
    QPointer<QWindow> m_window;
    std::function<void()> m_then;
    QTimer m_timeout;
};

} // namespace

void afterFirstPaint(QWidget *window, int timeoutMs, QObject *context, const std::function<void()> &then)
{
    QWindow *handle = window->windowHandle();
    // Painted already, or never shown (nothing to wait for).
    if (!handle || handle->isExposed()) {
        QTimer::singleShot(0, context, then);
        return;
    }
    new FirstPaintWatch(handle, timeoutMs, context, then);
}
