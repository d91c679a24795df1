package org.deephem.testutil;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Checks shared by the report tests: every embedded image decodes, and images are not blank. */
public final class ReportPages {
    /** The sections every run page has, in reading order (the answer first, the appendices last). */
    public static final List<String> SECTIONS = List.of("id=\"headline\"", "id=\"dataset\"", "id=\"cv\"", "id=\"human\"",
            "id=\"audit\"", "id=\"limits\"", "id=\"appendix\"", "id=\"config\"");

    private ReportPages() {}

    /** Decodes every {@code data:image/png;base64} image of a page; fails on one that does not decode. */
    public static List<BufferedImage> embeddedImages(String html) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        while (m.find()) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(img, "embedded image " + (out.size() + 1) + " does not decode");
            out.add(img);
        }
        assertTrue(html.split("<img ", -1).length - 1 == out.size(), "every <img> is an embedded PNG");
        return out;
    }

    /** Variance of the grey level: 0 for a blank (single-colour) image. */
    public static double greyVariance(BufferedImage img) {
        double s = 0, ss = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                double g = ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3.0;
                s += g;
                ss += g * g;
                n++;
            }
        }
        double mean = s / n;
        return ss / n - mean * mean;
    }
}
