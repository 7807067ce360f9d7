#include "OutsideText.h"

namespace {

constexpr char16_t kBel = 0x07;
constexpr char16_t kEsc = 0x1b;
constexpr char16_t kCsi = 0x9b; // the C1 form of ESC [
constexpr char16_t kSt = 0x9c; // the C1 form of ESC backslash: ends a control string

bool inRange(char16_t c, char16_t first, char16_t last)
{
    return c >= first && c <= last;
}

// What ends a line or moves along it: in a one-line message each run of them is one space.
bool isBreak(char16_t c)
{
    return c == u'\t' || c == u'\n' || c == 0x0b || c == 0x0c || c == u'\r' || c == 0x85 /* NEL */
        || c == 0x2028 || c == 0x2029;
}

bool isControl(char16_t c)
{
    return c < 0x20 || inRange(c, 0x7f, 0x9f);
}

// Embeddings, overrides and isolates reorder the characters that follow them on screen, so
// that what the person reads is not what the text says (CVE-2021-42574).
bool isBidiControl(char16_t c)
{
    return inRange(c, 0x202a, 0x202e) || inRange(c, 0x2066, 0x2069);
}

// The characters that open a control string (OSC, DCS, SOS, PM, APC) after ESC, and their
// single-character C1 forms. A terminal takes everything up to the string terminator.
bool opensControlString(char16_t afterEsc)
{
    return afterEsc == u']' || afterEsc == u'P' || afterEsc == u'X' || afterEsc == u'^' || afterEsc == u'_';
}

bool isC1ControlString(char16_t c)
{
    return c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f;
}

// ECMA-48 5.4: after CSI come parameter bytes (0x30–0x3F), intermediate bytes (0x20–0x2F) and
// one final byte (0x40–0x7E). Returns where the text goes on. A character that cannot be part
// of the sequence ends it there, and is judged on its own.
qsizetype skipControlSequence(QStringView text, qsizetype i)
{
    for (; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (inRange(c, 0x40, 0x7e))
            return i + 1;
        if (!inRange(c, 0x20, 0x3f))
            return i;
    }
    return i;
}

// A control string runs to BEL (as xterm accepts for OSC), ESC backslash or the C1 ST. Another
// ESC ends it, as it does in a terminal, and starts a sequence of its own. An unterminated one
// runs to the end, where a terminal would swallow the rest too.
qsizetype skipControlString(QStringView text, qsizetype i)
{
    for (; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == kBel || c == kSt)
            return i + 1;
        if (c == kEsc)
            return i + 1 < text.size() && text.at(i + 1) == u'\\' ? i + 2 : i;
    }
    return i;
}

// text.at(i) is ESC. Returns where the text goes on after the whole sequence.
qsizetype skipEscape(QStringView text, qsizetype i)
{
    if (i + 1 >= text.size())
        return i + 1;
    const char16_t next = text.at(i + 1).unicode();
    if (next == u'[')
        return skipControlSequence(text, i + 2);
    if (opensControlString(next))
        return skipControlString(text, i + 2);
    if (inRange(next, 0x20, 0x2f)) {
        // ECMA-35 (e.g. ESC ( B, a character set): intermediate bytes, then one final byte.
        qsizetype j = i + 1;
        while (j < text.size() && inRange(text.at(j).unicode(), 0x20, 0x2f))
            ++j;
        if (j < text.size() && inRange(text.at(j).unicode(), 0x30, 0x7e))
            ++j;
        return j;
    }
    if (inRange(next, 0x30, 0x7e))
        return i + 2; // ESC c (reset), ESC 7, ESC M, …: two characters
    return i + 1; // ESC alone; what follows is judged on its own
}

} // namespace

QString OutsideText::printable(QStringView text)
{
    QString result;
    result.reserve(text.size());
    bool inBreak = false;
    qsizetype i = 0;
    while (i < text.size()) {
        const char16_t c = text.at(i).unicode();
        if (c == kEsc) {
            i = skipEscape(text, i);
            continue;
        }
        if (c == kCsi) {
            i = skipControlSequence(text, i + 1);
            continue;
        }
        if (isC1ControlString(c)) {
            i = skipControlString(text, i + 1);
            continue;
        }
        ++i;
        if (isBreak(c)) {
            if (!inBreak)
                result += QLatin1Char(' ');
            inBreak = true;
            continue;
        }
        if (isControl(c) || isBidiControl(c))
            continue;
        result += QChar(c);
        inBreak = false;
    }
    return result;
}
