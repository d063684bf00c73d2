package io.keycloaksignup.registration.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads block lists line by line, from the class path or from an operator's file, gunzipping
 * names that end in {@code .gz}. Lines are handed over one at a time so that a large list is
 * never held twice in memory while it is being loaded.
 */
final class BlocklistLines {

    private BlocklistLines() {
    }

    static void fromResource(String name, Consumer<String> lines) {
        InputStream in = BlocklistLines.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Bundled block list " + name + " is missing from the class path");
        }
        read(in, name, lines);
    }

    static void fromFile(Path file, Consumer<String> lines) {
        try {
            read(Files.newInputStream(file), file.toString(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read block list file " + file, e);
        }
    }

    private static void read(InputStream raw, String name, Consumer<String> lines) {
        try (BufferedReader reader = reader(raw, name)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read block list " + name, e);
        }
    }

    private static BufferedReader reader(InputStream raw, String name) throws IOException {
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }
}
