package org.deephem.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Counts the characters of a user's text as they are decoded and refuses, as soon as it is
 * passed, a line longer than a limit (and, for a file that is held whole, a total), so that the
 * {@code readLine} or CSV parser above never holds more than that: a few MB of gzip holding one
 * line of gigabytes, or {@code /dev/zero}, fail at once instead of filling the memory. Lines end
 * at LF, CR or CR LF, as {@link java.io.BufferedReader#readLine} ends them.
 */
final class LineCap extends FilterReader {
    private final Path file;
    private final int maxLine;
    private final long maxTotal;
    private final String totalWhat;
    private long line = 1, total;
    private int run;
    private boolean afterCr;

    LineCap(Reader in, Path file, int maxLine, long maxTotal, String totalWhat) {
        super(in);
        this.file = file;
        this.maxLine = maxLine;
        this.maxTotal = maxTotal;
        this.totalWhat = totalWhat;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) count((char) c);
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) count(buf[off + i]);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // through read, so that skipped characters are counted too
        char[] b = new char[(int) Math.min(n, 8192)];
        long left = n;
        while (left > 0) {
            int k = read(b, 0, (int) Math.min(left, b.length));
            if (k < 0) break;
            left -= k;
        }
        return n - left;
    }

    private void count(char c) {
        if (++total > maxTotal) {
            throw InputError.atLine(file, line, "more than " + maxTotal + " characters (the limit for " + totalWhat + ")");
        }
        if (c == '\n') {
            if (!afterCr) line++;
            run = 0;
            afterCr = false;
        } else if (c == '\r') {
            line++;
            run = 0;
            afterCr = true;
        } else {
            afterCr = false;
            if (++run > maxLine) {
                throw InputError.atLine(file, line, "line longer than " + maxLine + " characters (the limit for one line of a text file)");
            }
        }
    }
}
