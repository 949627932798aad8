package org.exotrace.batch.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Code 128 barcodes as SVG data URIs, so a label sheet prints sharp at any size with no image endpoint. */
final class Barcodes {

    private Barcodes() {}

    static String code128DataUri(String text) {
        BitMatrix m = new Code128Writer().encode(text, BarcodeFormat.CODE_128, 0, 1);
        int quiet = 10;
        int width = m.getWidth() + 2 * quiet;
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ")
                .append(width).append(" 40' preserveAspectRatio='none' shape-rendering='crispEdges'><rect width='100%' height='100%' fill='#fff'/>");
        int x = 0;
        while (x < m.getWidth()) {
            if (!m.get(x, 0)) { x++; continue; }
            int start = x;
            while (x < m.getWidth() && m.get(x, 0)) x++;
            svg.append("<rect x='").append(start + quiet).append("' width='").append(x - start).append("' height='40'/>");
        }
        svg.append("</svg>");
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.toString().getBytes(StandardCharsets.UTF_8));
    }
}
