package dev.broadsheet.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.function.Function;
import org.h2.store.fs.FilePathWrapper;

/**
 * A test file system over the real disk, reached through the H2 prefix {@code <scheme>:}: its files are opened
 * through {@code channels}, a {@link ForwardingChannel} that changes the calls the test needs changed.
 */
abstract class ForwardingDisk extends FilePathWrapper {

    private final String scheme;
    private final Function<FileChannel, ForwardingChannel> channels;

    ForwardingDisk(String scheme, Function<FileChannel, ForwardingChannel> channels) {
        this.scheme = scheme;
        this.channels = channels;
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return channels.apply(getBase().open(mode));
    }
}
