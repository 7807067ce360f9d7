#include "TokenStatusPanel.h"

#include "ui_TokenStatusPanel.h"

#include "GroupBoxFrame.h"

#include "desktop/StatusSummary.h"

#include <QEvent>
#include <QPainter>

namespace {

struct BadgeColours
{
    const char *background;
    const char *text;
};

// Each badge sets its own background and text, so it reads the same on a light and a dark
// window; every pair has a contrast of at least 4.5:1 (WCAG AA for normal text).
BadgeColours coloursFor(StatusSummary::Badge badge)
{
    using Badge = StatusSummary::Badge;
    switch (badge) {
    case Badge::Connected:
        return {"#1b7a3a", "#ffffff"};
    case Badge::Refreshing:
    case Badge::SigningIn:
    case Badge::Loading:
        return {"#1c5fb0", "#ffffff"};
    case Badge::OfflineRetrying:
        return {"#f0b429", "#1f1600"};
    case Badge::NeedsSignIn:
    case Badge::KeychainUnavailable:
        return {"#b3261e", "#ffffff"};
    case Badge::SignedOut:
        break;
    }
    return {"#5e5c64", "#ffffff"};
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

TokenStatusPanel::TokenStatusPanel(QWidget *parent)
    : QGroupBox(parent)
    , m_ui(new Ui::TokenStatusPanel)
{
    m_ui->setupUi(this);
    QFont badgeFont = m_ui->stateValue->font();
    badgeFont.setBold(true);
    m_ui->stateValue->setFont(badgeFont);
    m_ui->problemValue->hide();
    m_ui->problemDetailsValue->hide();
    m_ui->activityValue->hide();
    // The badge's pill is painted under the label's text (eventFilter()): a style sheet would do
    // the same, with a style sheet engine and a CSS parser in the start-up. As high as a line of
    // text and its padding; the ends are rounded there.
    m_ui->stateValue->setContentsMargins(12, 3, 12, 3);
    m_ui->stateValue->installEventFilter(this);
    styleBadge();
    styleProblem();
    spaceCountdown();
}

TokenStatusPanel::~TokenStatusPanel() = default;

void TokenStatusPanel::spaceCountdown()
{
    // The expiry and its countdown read as one value, "14:05 (in 25 min)", as the next refresh
    // does in one label: one space between them, not a layout's gap. Two labels, so that a
    // screen reader names the countdown on its own.
    m_ui->expiresLayout->setSpacing(m_ui->expiresValue->fontMetrics().horizontalAdvance(QLatin1Char(' ')));
}

void TokenStatusPanel::show(const StatusSummary &summary)
{
    m_ui->stateValue->setText(summary.badgeText);
    if (m_badge != int(summary.badge)) {
        m_badge = int(summary.badge);
        styleBadge();
    }
    m_ui->expiresValue->setText(summary.expiresAt);
    m_ui->countdownValue->setText(summary.expiresIn.isEmpty() ? QString() : tr("(%1)").arg(summary.expiresIn));
    m_ui->countdownValue->setVisible(!summary.expiresIn.isEmpty());
    m_ui->scopeValue->setText(summary.scopes);
    m_ui->lastRefreshValue->setText(summary.lastRefresh);
    m_ui->nextRefreshValue->setText(summary.nextRefresh);
    m_ui->storageValue->setText(summary.storedIn);
    m_ui->activityValue->setText(summary.activity);
    m_ui->activityValue->setVisible(!summary.activity.isEmpty());
    m_ui->problemValue->setText(summary.error);
    m_ui->problemValue->setVisible(!summary.error.isEmpty());
    //: The server's own words about a problem, shown under the app's sentence.
    m_ui->problemDetailsValue->setText(summary.errorDetails.isEmpty() ? QString()
                                                                      : tr("Details: %1").arg(summary.errorDetails));
    m_ui->problemDetailsValue->setVisible(!summary.errorDetails.isEmpty() && !summary.error.isEmpty());
}

void TokenStatusPanel::changeEvent(QEvent *event)
{
    QGroupBox::changeEvent(event);
    // The problem's colour depends on the window's.
    if (event->type() == QEvent::PaletteChange)
        styleProblem();
    if (event->type() == QEvent::FontChange)
        spaceCountdown();
}

void TokenStatusPanel::styleBadge()
{
    const BadgeColours colours = coloursFor(StatusSummary::Badge(m_badge));
    m_badgeBackground = QColor(QLatin1String(colours.background));
    QLabel *badge = m_ui->stateValue;
    QPalette palette = badge->palette();
    palette.setColor(QPalette::WindowText, QColor(QLatin1String(colours.text)));
    badge->setPalette(palette);
    badge->update();
}

void TokenStatusPanel::styleProblem()
{
    // A red that can be read on the window's own background, light or dark.
    QPalette palette = m_ui->problemValue->palette();
    palette.setColor(QPalette::WindowText, QColor(isDark(this->palette()) ? 0xff9a8f : 0xb3261e));
    m_ui->problemValue->setPalette(palette);
}

bool TokenStatusPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->stateValue && event->type() == QEvent::Paint) {
        // The pill, before the label paints its text on it.
        QPainter painter(m_ui->stateValue);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_badgeBackground);
        const QRectF pill = QRectF(m_ui->stateValue->rect());
        const qreal radius = pill.height() / 2;
        painter.drawRoundedRect(pill, radius, radius);
    }
    return QGroupBox::eventFilter(watched, event);
}

void TokenStatusPanel::paintEvent(QPaintEvent *)
{
    QStyleOptionGroupBox option;
    initStyleOption(&option);
    paintGroupBox(this, option);
}
