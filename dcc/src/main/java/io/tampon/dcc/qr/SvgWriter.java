package io.tampon.dcc.qr;

/** Writes a QR matrix as a compact SVG: one path, one horizontal run of dark modules per segment. */
final class SvgWriter {

    private SvgWriter() {
    }

    static String write(QrMatrix matrix, int quietZone) {
        int size = matrix.size() + 2 * quietZone;
        StringBuilder path = new StringBuilder(matrix.size() * matrix.size());
        for (int y = 0; y < matrix.size(); y++) {
            int x = 0;
            while (x < matrix.size()) {
                if (!matrix.isDark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.size() && matrix.isDark(x, y)) {
                    x++;
                }
                path.append('M').append(start + quietZone).append(' ').append(y + quietZone)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
