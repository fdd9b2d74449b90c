package com.breachnotice.bench.scale;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.registry.StoredContact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contacts table's items as intake stored them (still sealed), one line each in a scratch file,
 * so that 3 million people do not have to live on the heap: the planner's scan reads pages of it and
 * a notice job in a queue holds only line numbers. Wrapped data keys (one per intake worker) are
 * kept once, by number.
 */
final class ContactFile implements AutoCloseable {

    private final FileChannel channel;
    private final Map<String, Integer> keyIds = new ConcurrentHashMap<>();
    private final List<String> keys = new ArrayList<>();
    private long[] offsets = new long[1 << 16];
    private int lines;
    private long size;

    ContactFile(Path path) throws IOException {
        channel = FileChannel.open(
                path,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** Appends a contact; returns its line number. */
    synchronized int append(StoredContact contact) {
        StringBuilder line = new StringBuilder(300);
        line.append(contact.key().value()).append('\t');
        line.append(contact.value().ciphertext())
                .append('\t')
                .append(keyId(contact.value().wrappedKey()));
        line.append('\t');
        if (contact.name().isPresent()) {
            Sealed name = contact.name().get();
            line.append(name.ciphertext()).append('\t').append(keyId(name.wrappedKey()));
        } else {
            line.append("-\t-");
        }
        line.append('\t').append(contact.locale().code()).append('\t');
        StringBuilder items = new StringBuilder();
        for (ItemKind item : contact.items()) {
            items.append(items.isEmpty() ? "" : ",").append(item.code());
        }
        line.append(items).append('\t').append(contact.smsCapable() ? '1' : '0');
        line.append(contact.ownerWithoutEmail() ? '1' : '0').append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            channel.write(ByteBuffer.wrap(bytes), size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[lines] = size;
        size += bytes.length;
        offsets[lines + 1] = size;
        return lines++;
    }

    private int keyId(String wrapped) {
        return keyIds.computeIfAbsent(wrapped, k -> {
            synchronized (keys) {
                keys.add(k);
                return keys.size() - 1;
            }
        });
    }

    synchronized int lines() {
        return lines;
    }

    /** Average bytes per line: the model's item size for read units. */
    synchronized double averageBytes() {
        return lines == 0 ? 0 : (double) size / lines;
    }

    /** Lines [{@code from}, {@code to}). */
    List<StoredContact> read(int from, int to) {
        long start;
        long end;
        synchronized (this) {
            start = offsets[from];
            end = offsets[to];
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) (end - start));
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, start + buffer.position()) < 0) {
                    throw new IOException("contact file ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(buffer.array(), StandardCharsets.UTF_8);
        List<StoredContact> contacts = new ArrayList<>(to - from);
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                contacts.add(parse(line));
            }
        }
        return contacts;
    }

    StoredContact read(int line) {
        return read(line, line + 1).get(0);
    }

    private StoredContact parse(String line) {
        String[] f = line.split("\t", -1);
        String wrapped;
        String nameWrapped;
        synchronized (keys) {
            wrapped = keys.get(Integer.parseInt(f[2]));
            nameWrapped = f[4].equals("-") ? "" : keys.get(Integer.parseInt(f[4]));
        }
        Optional<Sealed> name = f[3].equals("-") ? Optional.empty() : Optional.of(new Sealed(f[3], nameWrapped));
        Set<ItemKind> items = EnumSet.noneOf(ItemKind.class);
        for (String code : f[6].split(",", -1)) {
            ItemKind.ofCode(code).ifPresent(items::add);
        }
        return new StoredContact(
                new ContactKey(f[0]),
                new Sealed(f[1], wrapped),
                name,
                NoticeLocale.ofCode(f[5]).orElseThrow(),
                items,
                f[7].charAt(0) == '1',
                f[7].charAt(1) == '1');
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
