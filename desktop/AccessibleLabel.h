#pragma once

// Lets assistive technology read what a label shows.
//
// Qt 6.4's accessible QLabel reports only a name: once a value label has an accessible name of
// its own ("Email"), the text it shows ("jane@example.com") never reaches a screen reader over
// AT-SPI. The interface installed here keeps that name and adds a text interface with what the
// label shows. Call once, after QApplication exists: factories installed later are asked first,
// and Qt's own is installed by QApplication.
void installAccessibleLabels();
