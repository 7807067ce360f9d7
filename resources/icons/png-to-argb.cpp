// Build-time tool: converts a PNG to the pixel file the app reads its icons from (see
// ui/RenderedIcon.h): width and height as two native-endian 32-bit numbers, then the pixels as
// QImage::Format_ARGB32_Premultiplied, row after row. The app then builds its icons without
// QImageReader, which in Qt 6.4 loads and starts every image-format plugin (and Qt Svg with one
// of them) for the first image it decodes, whatever its format.
//
//   png-to-argb IN.png OUT.argb

#include <QFile>
#include <QImage>

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: png-to-argb IN.png OUT.argb\n");
        return 2;
    }
    const QImage image = QImage(QString::fromLocal8Bit(argv[1])).convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        std::fprintf(stderr, "png-to-argb: cannot read %s\n", argv[1]);
        return 1;
    }
    QFile out(QString::fromLocal8Bit(argv[2]));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "png-to-argb: cannot write %s\n", argv[2]);
        return 1;
    }
    const quint32 size[2] = {quint32(image.width()), quint32(image.height())};
    out.write(reinterpret_cast<const char *>(size), sizeof size);
    for (int y = 0; y < image.height(); ++y)
        out.write(reinterpret_cast<const char *>(image.constScanLine(y)), qint64(image.width()) * 4);
    return out.flush() ? 0 : 1;
}
