package com.breachnotice.core.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads physical lines (LF or CRLF) from bytes, decoding each strictly as UTF-8 so that one bad
 * byte sequence costs one row, not the file. Memory is bounded by {@value #MAX_LINE_BYTES} bytes, not
 * by the stream: a longer line is kept truncated and flagged, and its row is rejected.
 *
 * <p>Each line knows the byte offset it starts at, so that a manifest can be cut into byte ranges
 * exactly at record starts, and a reader of one range numbers its lines from where the range starts.
 */
final class PhysicalLines {

    /**
     * One physical line; {@code validUtf8} false means {@code text} holds replacement characters;
     * {@code truncated} means the line was longer than the reader keeps.
     */
    record Line(long number, long start, String text, boolean validUtf8, boolean truncated) {}

    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final boolean atObjectStart;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private long number;
    private long offset;
    private boolean first = true;

    /** Lines of a whole object: the first is line 1 at offset 0 and may start with a byte-order mark. */
    PhysicalLines(InputStream in) {
        this(in, 1, 0, true);
    }

    /**
     * Lines of a byte range of an object that starts at a line start: the first line read is
     * {@code firstNumber}, starting at byte {@code firstOffset} of the object.
     */
    PhysicalLines(InputStream in, long firstNumber, long firstOffset, boolean atObjectStart) {
        this.in = in;
        this.number = firstNumber - 1;
        this.offset = firstOffset;
        this.atObjectStart = atObjectStart;
    }

    /** The byte offset just after the last line returned: where the next line starts. */
    long offset() {
        return offset;
    }

    @Nullable
    Line next() throws IOException {
        int length = 0;
        long bytes = 0;
        boolean sawAny = false;
        boolean newline = false;
        long start = offset;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            byte b = buffer[position++];
            bytes++;
            if (b == '\n') {
                newline = true;
                break;
            }
            if (length < MAX_LINE_BYTES) {
                if (length == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[length++] = b;
            }
        }
        number++;
        offset += bytes;
        // Any line this long is far past every field limit, so a kept prefix never becomes a row.
        boolean truncated = bytes - (newline ? 1 : 0) > MAX_LINE_BYTES;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int from = 0;
        if (first
                && atObjectStart
                && length >= 3
                && line[0] == (byte) 0xEF
                && line[1] == (byte) 0xBB
                && line[2] == (byte) 0xBF) {
            from = 3;
        }
        first = false;
        return decode(start, from, length, truncated);
    }

    private Line decode(long start, int from, int end, boolean truncated) {
        ByteBuffer bytes = ByteBuffer.wrap(line, from, end - from);
        try {
            CharBuffer chars = decoder.reset().decode(bytes);
            return new Line(number, start, chars.toString(), true, truncated);
        } catch (CharacterCodingException e) {
            return new Line(
                    number, start, new String(line, from, end - from, StandardCharsets.UTF_8), false, truncated);
        }
    }
}
