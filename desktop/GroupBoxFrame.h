#pragma once

#include <QGroupBox>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionGroupBox>

// Paints a group box as the style does, but its frame with QPainter. Fusion paints the frame from
// a PNG in Qt's resources, and loading it makes QImageReader load and start every image-format
// plugin there is (gif, ico, jpeg, svg, and the libraries they link) in a window that shows no
// such image. Call from the group box's paintEvent() with its initStyleOption().
inline void paintGroupBox(QGroupBox *box, QStyleOptionGroupBox option)
{
    QPainter painter(box);
    QStyle *style = box->style();
    QRect frame = style->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxFrame, box);
    if (!option.text.isEmpty()) {
        // Below the title, as Fusion's frame is.
        const QRect label = style->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxLabel, box);
        frame.setTop(label.bottom() + 4);
    }
    option.subControls &= ~QStyle::SC_GroupBoxFrame;
    style->drawComplexControl(QStyle::CC_GroupBox, &option, &painter, box);
    // Fusion's own outline colour, and a slight rounding like its frame's.
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(option.palette.window().color().darker(140));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(frame).adjusted(0.5, 0.5, -0.5, -0.5), 2.5, 2.5);
}
