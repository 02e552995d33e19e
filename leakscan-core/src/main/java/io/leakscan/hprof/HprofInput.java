package io.leakscan.hprof;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Sequential big-endian reader over one dump file, plain or gzip (detected by its magic bytes, never
 * by name; {@code jcmd GC.heap_dump -gz} writes many gzip members back to back, which
 * {@link GZIPInputStream} reads as one stream).
 *
 * <p>Hand-written rather than a {@code DataInputStream} because every byte of a multi-gigabyte dump
 * passes through here: decoding straight from one reused {@code byte[]} window keeps the hot path free
 * of virtual calls, per-record allocation and synchronisation. Offsets are positions in the
 * (decompressed) HPROF stream and are what error messages quote.
 *
 * <p>Reads the file; opens it read-only and never writes. Not thread-safe: one reader per thread.
 */
public final class HprofInput implements Closeable {
    private static final int BUFFER_BYTES = 1 << 22;

    private final Path file;
    private final ReadableByteChannel channel;
    private final boolean gzip;
    private final long fileBytes;
    private byte[] buf;
    private ByteBuffer wrapped;
    private int pos;
    private int limit;
    private long bufferStart;
    private boolean eof;
    private int idSize = 8;
    private CountingInputStream compressed;

    private HprofInput(Path file, ReadableByteChannel channel, boolean gzip, long fileBytes) {
        this.file = file;
        this.channel = channel;
        this.gzip = gzip;
        this.fileBytes = fileBytes;
        this.buf = new byte[BUFFER_BYTES];
        this.wrapped = ByteBuffer.wrap(buf);
    }

    /**
     * Opens {@code file} for reading. Fails with a {@link HprofFormatException} for a missing file, a
     * directory, an unreadable file or an empty file, so callers have one failure type for bad input.
     */
    public static HprofInput open(Path file) {
        if (Files.isDirectory(file)) {
            throw new HprofFormatException(file, "is a directory, not a heap dump file");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
            long size = ch.size();
            if (size == 0) {
                throw new HprofFormatException(file, HprofFormatException.NO_OFFSET, "file is empty", true);
            }
            ByteBuffer magic = ByteBuffer.allocate(2);
            while (magic.hasRemaining() && ch.read(magic) >= 0) {
                // fill the two magic bytes
            }
            ch.position(0);
            if (magic.position() == 2 && (magic.get(0) & 0xFF) == 0x1F && (magic.get(1) & 0xFF) == 0x8B) {
                CountingInputStream raw = new CountingInputStream(Channels.newInputStream(ch));
                InputStream gz = new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16);
                HprofInput in = new HprofInput(file, Channels.newChannel(gz), true, size);
                in.compressed = raw;
                return in;
            }
            return new HprofInput(file, ch, false, size);
        } catch (NoSuchFileException e) {
            throw new HprofFormatException(file, "no such file");
        } catch (AccessDeniedException e) {
            closeQuietly(ch);
            throw new HprofFormatException(file, "permission denied (dumps written by jcmd or the JVM are readable"
                    + " only by the user who ran the JVM)");
        } catch (ZipException e) {
            closeQuietly(ch);
            throw new HprofFormatException(file, 0, "not a valid gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            closeQuietly(ch);
            throw new HprofFormatException(file, "cannot read file (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the original failure is what matters
            }
        }
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** True when the file is gzip-compressed; offsets are then in the decompressed stream. */
    public boolean isGzip() {
        return gzip;
    }

    /** Size of the file on disk in bytes (compressed size for gzip). */
    public long fileBytes() {
        return fileBytes;
    }

    /** Stream length in bytes when known (plain files), else -1. */
    public long knownLength() {
        return gzip ? -1 : fileBytes;
    }

    /** Sets the identifier size (4 or 8) used by {@link #readId()}. */
    public void idSize(int size) {
        this.idSize = size;
    }

    public int idSize() {
        return idSize;
    }

    /** Bytes of the file consumed so far (compressed bytes for gzip): for progress against {@link #fileBytes()}. */
    public long sourcePosition() {
        return compressed != null ? compressed.count : position();
    }

    /** Counts the compressed bytes a gzip stream has read from the file. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }
    }

    /** Current offset in the HPROF stream. */
    public long position() {
        return bufferStart + pos;
    }

    /** True when no byte is left. */
    public boolean atEnd() {
        return pos >= limit && !fill(1);
    }

    /**
     * Makes sure {@code n} bytes are available contiguously at {@link #bufferPosition()}; grows the
     * window if needed. Throws a truncation error at the end of the stream.
     */
    public void require(int n) {
        if (limit - pos < n && !fill(n)) {
            throw truncated(n);
        }
    }

    /** The window array; valid from {@link #bufferPosition()} for as many bytes as were required. */
    public byte[] buffer() {
        return buf;
    }

    /** Index in {@link #buffer()} of the next byte. */
    public int bufferPosition() {
        return pos;
    }

    /** Advances past {@code n} bytes that the caller decoded straight from {@link #buffer()}. */
    public void advance(int n) {
        pos += n;
    }

    public int readU1() {
        if (pos >= limit) {
            require(1);
        }
        return buf[pos++] & 0xFF;
    }

    public int readU2() {
        if (limit - pos < 2) {
            require(2);
        }
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    /** Reads a u4 as a Java int (callers mask with 0xFFFFFFFFL where the value is unsigned). */
    public int readInt() {
        if (limit - pos < 4) {
            require(4);
        }
        int v = getInt(buf, pos);
        pos += 4;
        return v;
    }

    /** Reads a u4 as an unsigned value. */
    public long readU4() {
        return readInt() & 0xFFFFFFFFL;
    }

    public long readLong() {
        if (limit - pos < 8) {
            require(8);
        }
        long v = getLong(buf, pos);
        pos += 8;
        return v;
    }

    /** Reads one identifier of the dump's identifier size. */
    public long readId() {
        return idSize == 4 ? readU4() : readLong();
    }

    /** Reads {@code len} bytes into {@code dst}. */
    public void readFully(byte[] dst, int off, int len) {
        while (len > 0) {
            if (pos >= limit) {
                require(1);
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, dst, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    /** Skips {@code n} bytes; throws a truncation error if the stream ends first. */
    public void skip(long n) {
        long avail = limit - pos;
        if (n <= avail) {
            pos += (int) n;
            return;
        }
        n -= avail;
        pos = limit;
        if (!gzip && channel instanceof FileChannel) {
            FileChannel fc = (FileChannel) channel;
            long target = bufferStart + limit + n;
            if (target > fileBytes) {
                bufferStart = fileBytes;
                pos = limit = 0;
                eof = true;
                throw new HprofFormatException(file, fileBytes, "file ends in the middle of a record", true);
            }
            try {
                fc.position(target);
            } catch (IOException e) {
                throw new HprofFormatException(file, bufferStart + limit, "cannot read file (" + e.getMessage() + ")");
            }
            bufferStart = target;
            pos = limit = 0;
            return;
        }
        while (n > 0) {
            if (!fill(1)) {
                throw truncated((int) Math.min(n, Integer.MAX_VALUE));
            }
            int k = (int) Math.min(n, limit - pos);
            pos += k;
            n -= k;
        }
    }

    private HprofFormatException truncated(int wanted) {
        return new HprofFormatException(file, position(),
                "file ends in the middle of a record (wanted " + wanted + " more bytes)", true);
    }

    /** Refills so that at least {@code n} bytes are buffered; false at end of stream. */
    private boolean fill(int n) {
        if (eof && limit - pos < n) {
            return false;
        }
        int remaining = limit - pos;
        if (n > buf.length) {
            // Grow the window only as far as the data really goes; callers bound n by the record length.
            byte[] bigger = new byte[Math.max(n, buf.length * 2)];
            System.arraycopy(buf, pos, bigger, 0, remaining);
            buf = bigger;
            wrapped = ByteBuffer.wrap(buf);
        } else if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, remaining);
        }
        bufferStart += pos;
        pos = 0;
        limit = remaining;
        wrapped.clear();
        wrapped.position(limit);
        try {
            while (limit < n) {
                int r = channel.read(wrapped);
                if (r < 0) {
                    eof = true;
                    return false;
                }
                limit += r;
            }
            // Opportunistically fill more of the window so small reads stay in memory.
            if (!gzip && wrapped.hasRemaining()) {
                int r = channel.read(wrapped);
                if (r < 0) {
                    eof = true;
                } else {
                    limit += r;
                }
            }
        } catch (EOFException e) {
            eof = true;
            return false;
        } catch (IOException e) {
            throw new HprofFormatException(file, bufferStart + limit,
                    (gzip ? "gzip data is corrupt or cut short (" : "cannot read file (") + e.getMessage() + ")",
                    gzip && e instanceof EOFException);
        }
        return true;
    }

    static int getInt(byte[] b, int i) {
        return (b[i] << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    static long getLong(byte[] b, int i) {
        return ((long) getInt(b, i) << 32) | (getInt(b, i + 4) & 0xFFFFFFFFL);
    }

    /** Decodes an identifier of {@code idSize} bytes at {@code i} in {@code b}. */
    public static long getId(byte[] b, int i, int idSize) {
        return idSize == 4 ? getInt(b, i) & 0xFFFFFFFFL : getLong(b, i);
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }
}
