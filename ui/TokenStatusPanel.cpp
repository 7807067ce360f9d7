#include "TokenStatusPanel.h"

#include "ui_TokenStatusPanel.h"

#include "GroupBoxFrame.h"

#include "desktop/StatusSummary.h"

#include <QEvent>

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
    styleBadge();
    styleProblem();
}

TokenStatusPanel::~TokenStatusPanel() = default;

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
    m_ui->problemValue->setText(summary.error);
    m_ui->problemValue->setVisible(!summary.error.isEmpty());
}

void TokenStatusPanel::changeEvent(QEvent *event)
{
    QGroupBox::changeEvent(event);
    // The problem's colour depends on the window's; the badge's radius on the font's size.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange) {
        styleProblem();
        styleBadge();
    }
}

void TokenStatusPanel::styleBadge()
{
    const BadgeColours colours = coloursFor(StatusSummary::Badge(m_badge));
    // A pill: rounded ends, as high as a line of text and its padding.
    const int padding = 3;
    const int radius = (m_ui->stateValue->fontMetrics().height() + 2 * padding) / 2;
    const QString sheet = QStringLiteral("QLabel { background-color: %1; color: %2; border-radius: %3px;"
                                         " padding: %4px 12px; }")
                              .arg(QLatin1String(colours.background), QLatin1String(colours.text))
                              .arg(radius)
                              .arg(padding);
    if (m_ui->stateValue->styleSheet() != sheet)
        m_ui->stateValue->setStyleSheet(sheet);
}

void TokenStatusPanel::styleProblem()
{
    // A red that can be read on the window's own background, light or dark.
    const QString sheet = QStringLiteral("QLabel { color: %1; }")
                              .arg(isDark(palette()) ? QStringLiteral("#ff9a8f") : QStringLiteral("#b3261e"));
    if (m_ui->problemValue->styleSheet() != sheet)
        m_ui->problemValue->setStyleSheet(sheet);
}

void TokenStatusPanel::paintEvent(QPaintEvent *)
{
    QStyleOptionGroupBox option;
    initStyleOption(&option);
    paintGroupBox(this, option);
}
