#pragma once

#include <QByteArray>
#include <QString>

// The page the browser shows after it comes back to the app: branded, and true about what
// happened (Qt's default says "Callback received" even when sign-in was denied).
namespace RedirectPage {

enum class Outcome { Success, Failure, Ignored };

QByteArray render(Outcome outcome, const QString &heading, const QString &detail);

} // namespace RedirectPage
