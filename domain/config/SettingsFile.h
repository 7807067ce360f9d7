#pragma once

#include <QSettings>
#include <QString>

#include <memory>

// Opens the settings file for reading and writing, or says why it cannot be used. Every reader
// of the file goes through here, so the launcher, the command line and the window agree on it.
//
// A file that is not a regular file is refused before QSettings touches it: QSettings opens a
// FIFO for reading and blocks until someone writes to it, which hung `status` for ever. A file
// QSettings cannot parse (an unterminated [section], say) is reported too, not silently read as
// "nothing set", which would send the app to the built-in endpoints.
namespace SettingsFile {

struct Opened
{
    // Never null. When the file cannot be used, an empty store that reads nothing and cannot be
    // saved, so that callers that go on regardless (a window showing the problem) stay safe.
    std::unique_ptr<QSettings> settings;
    QString problem; // a sentence for the person; empty when the file can be used or is absent
};

Opened open(const QString &path);

} // namespace SettingsFile
