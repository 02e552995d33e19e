package io.leakscan.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file leakscan must read or write, other than a heap dump, failed: a saved summary that cannot be read
 * or parsed, an output file that cannot be written. Exit code 3 with one line naming the file, never a usage
 * error (the command line was right) and never a byte offset (there is none to give). Immutable.
 */
final class IoFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IoFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** "cannot write FILE: permission denied" and the like. */
    static IoFailure cannotWrite(Path file, IOException e) {
        return new IoFailure("cannot write " + file + ": " + reason(e), e);
    }

    /** "cannot read FILE: permission denied" and the like. */
    static IoFailure cannotRead(Path file, IOException e) {
        return new IoFailure("cannot read " + file + ": " + reason(e), e);
    }

    /** The operating system's reason in a few words, without repeating the file name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException fe) {
            return fe.getFile() + " is in the way (it is not a directory)";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }
}
