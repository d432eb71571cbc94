package app.bar.cli;

import io.nayuki.qrcodegen.QrCode.Ecc;

/**
 * A QR code of the link for the terminal: two modules per character cell with the Unicode
 * half blocks, dark on light with the quiet zone of four modules the standard asks for, error
 * correction M as the web page (qr.mjs) draws it.
 */
final class QrCode {

    private static final int QUIET_ZONE = 4;

    private QrCode() {
    }

    static String render(String text) {
        io.nayuki.qrcodegen.QrCode qr = io.nayuki.qrcodegen.QrCode.encodeText(text, Ecc.MEDIUM);
        int size = qr.size;
        StringBuilder out = new StringBuilder();
        for (int y = -QUIET_ZONE; y < size + QUIET_ZONE; y += 2) {
            for (int x = -QUIET_ZONE; x < size + QUIET_ZONE; x++) {
                boolean top = dark(qr, x, y);
                boolean bottom = dark(qr, x, y + 1);
                // light modules are drawn (a terminal's background may be dark): a full block is "both light"
                out.append(top ? (bottom ? ' ' : '\u2584') : (bottom ? '\u2580' : '\u2588'));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static boolean dark(io.nayuki.qrcodegen.QrCode qr, int x, int y) {
        return x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.getModule(x, y);
    }
}
