#pragma once

// Lets assistive technology find the tray icon's menu while it is open.
//
// Qt 6.4's accessible application lists every top-level window except popups
// (QAccessibleApplication::childCount()), so a menu reaches the accessibility tree only through
// the menu bar or the menu it opens from. The tray icon's menu has neither: on an XEmbed tray,
// while it was open, a screen reader walking the tree found only the main window. The
// application's interface installed here lists such a menu too, while it is shown. Call once,
// after QApplication exists.
void installAccessiblePopups();
