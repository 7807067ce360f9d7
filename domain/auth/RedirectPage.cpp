#include "RedirectPage.h"

#include <QCoreApplication>
#include <QFile>

namespace {
// Escaped so that text from the server can neither add markup nor fill in another placeholder.
QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('{'), QLatin1String("&#123;"));
}
} // namespace

QByteArray RedirectPage::render(Outcome outcome, const QString &heading, const QString &detail)
{
    QFile file(QStringLiteral(":/pages/result.html"));
    QString page;
    if (file.open(QIODevice::ReadOnly))
        page = QString::fromUtf8(file.readAll());
    else
        page = QStringLiteral("<!doctype html><title>{{title}}</title><h1>{{heading}}</h1><p>{{detail}}</p>");

    const char *outcomeClass = outcome == Outcome::Success ? "success"
        : outcome == Outcome::Failure                      ? "failure"
                                                           : "ignored";
    //: The code of the language this is translated into ("nl", "de"): the browser page's lang attribute.
    page.replace(QLatin1String("{{lang}}"), QCoreApplication::translate("RedirectPage", "en"));
    page.replace(QLatin1String("{{outcome}}"), QLatin1String(outcomeClass));
    page.replace(QLatin1String("{{title}}"), escaped(heading + QStringLiteral(" – WebinarGeek Connect")));
    page.replace(QLatin1String("{{heading}}"), escaped(heading));
    page.replace(QLatin1String("{{detail}}"), escaped(detail));
    page.replace(
        QLatin1String("{{closing}}"),
        outcome == Outcome::Ignored
            ? QString()
            : QCoreApplication::translate("RedirectPage", "You can close this tab and return to WebinarGeek Connect.")
                  .toHtmlEscaped());
    return page.toUtf8();
}
