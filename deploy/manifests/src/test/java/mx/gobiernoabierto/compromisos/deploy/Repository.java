package mx.gobiernoabierto.compromisos.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The repository checkout these tests read, found from the working directory, and its files. */
final class Repository {

    /**
     * The repository root: the nearest directory at or above the working directory that holds {@code mvnw}.
     * Surefire runs in the module directory ({@code deploy/manifests}), an IDE may run in the root; both work.
     */
    static final Path ROOT = findRoot();

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Regular files under {@code directory} (relative to the root) whose names end with one of the suffixes, sorted. */
    static List<Path> files(String directory, String... suffixes) {
        Path start = path(directory);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                        return Stream.of(suffixes).anyMatch(name::endsWith);
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/');
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory with mvnw at or above " + Path.of("").toAbsolutePath());
    }
}
