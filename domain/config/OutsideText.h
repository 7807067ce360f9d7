#pragma once

#include <QString>
#include <QStringView>

// Text that came from outside the app (a server's error_description, the browser's callback,
// an account's email, the network layer's error string) is shown on a terminal and in the
// window. A terminal obeys what such text carries: an escape sequence can clear the screen,
// set the window title or draw a fake prompt, and bidi controls can reorder what the person
// reads. Everything from outside goes through printable() before it is printed or shown.
namespace OutsideText {

// One line of plain text: whole escape sequences (CSI, OSC and the other string sequences, the
// two-character ones, and their C1 forms) are removed, as are the other C0 and C1 controls, DEL
// and the bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). Line
// breaks and tabs become one space, since a message is one line. Every other character, any
// script and emoji included, is kept as it is.
QString printable(QStringView text);

} // namespace OutsideText
