#pragma once

#include <QFile>
#include <QIcon>
#include <QImage>
#include <QList>
#include <QPixmap>
#include <QString>

#include <cstring>

// An icon from the pixels the build makes of resources/icons/hicolor/<N>x<N>/<context>/<name>.png
// (resources/icons/png-to-argb.cpp): ":/icons/hicolor/<N>x<N>/<context>/<name>.argb". Neither the
// SVG source nor the PNG: drawing an SVG loads Qt Svg and its icon engine, and decoding any image
// file loads every image-format plugin, all before the window is up. Only `sizes` are read.
inline QIcon renderedIcon(const QString &context, const QString &name, const QList<int> &sizes)
{
    QIcon icon;
    for (int size : sizes) {
        QFile file(QStringLiteral(":/icons/hicolor/%1x%1/%2/%3.argb").arg(size).arg(context, name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray data = file.readAll();
        quint32 dimensions[2] = {0, 0};
        if (data.size() < qsizetype(sizeof dimensions))
            continue;
        std::memcpy(dimensions, data.constData(), sizeof dimensions);
        const qsizetype pixels = qsizetype(dimensions[0]) * dimensions[1] * 4;
        if (dimensions[0] == 0 || data.size() != qsizetype(sizeof dimensions) + pixels)
            continue;
        // A view of `data` first, then a copy that owns its pixels.
        const QImage view(reinterpret_cast<const uchar *>(data.constData()) + sizeof dimensions, int(dimensions[0]),
                          int(dimensions[1]), int(dimensions[0]) * 4, QImage::Format_ARGB32_Premultiplied);
        icon.addPixmap(QPixmap::fromImage(view.copy()));
    }
    return icon;
}
