package mx.gobiernoabierto.compromisos.infrastructure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A cheap look for any sign of a Docker engine, so that Testcontainers is asked only when it could find one.
 * Testcontainers' own probe logs an ERROR with a multi-line explanation when it finds nothing, which would
 * show up in every test run on machines without Docker.
 *
 * <p>This mirrors the places Testcontainers 2.0 looks: {@code DOCKER_HOST}, {@code TC_HOST} (and
 * {@code ~/.testcontainers.properties}, {@code ~/.docker-java.properties}), a Docker context, the Unix
 * sockets of the Docker daemon, rootless Docker and Docker Desktop, docker-machine, and Windows named pipes.
 * If any of them is present, Testcontainers is asked; otherwise it is not.
 */
final class DockerHints {

    private DockerHints() {
    }

    /**
     * @return {@code true} if there is nothing at all that Testcontainers could use to reach a Docker engine
     */
    static boolean nothingToTry() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return false; // named pipes: let Testcontainers look
        }
        for (String name : List.of("DOCKER_HOST", "TC_HOST", "DOCKER_CONTEXT", "TESTCONTAINERS_DOCKER_CLIENT_STRATEGY")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        for (String name : List.of("docker.host", "DOCKER_HOST", "tc.host")) {
            if (System.getProperty(name) != null) {
                return false;
            }
        }
        Path home = Path.of(System.getProperty("user.home", "/nonexistent"));
        if (Files.exists(home.resolve(".testcontainers.properties"))
                || Files.exists(home.resolve(".docker-java.properties"))
                || hasDockerContext(home.resolve(".docker").resolve("config.json"))) {
            return false;
        }
        if (Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(home.resolve(".docker").resolve("run").resolve("docker.sock"))
                || Files.exists(home.resolve(".docker").resolve("desktop").resolve("docker.sock"))) {
            return false;
        }
        String xdgRuntimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (xdgRuntimeDir != null && !xdgRuntimeDir.isBlank() && Files.exists(Path.of(xdgRuntimeDir, "docker.sock"))) {
            return false;
        }
        if (anyUserRuntimeDirHasDockerSocket()) {
            return false;
        }
        return !onPath("docker-machine");
    }

    private static boolean hasDockerContext(Path configJson) {
        try {
            return Files.isRegularFile(configJson) && Files.readString(configJson).contains("\"currentContext\"");
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell: let Testcontainers look
        }
    }

    private static boolean anyUserRuntimeDirHasDockerSocket() {
        Path runUser = Path.of("/run/user");
        if (!Files.isDirectory(runUser)) {
            return false;
        }
        try (DirectoryStream<Path> users = Files.newDirectoryStream(runUser)) {
            for (Path user : users) {
                if (Files.exists(user.resolve("docker.sock"))) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isBlank() && Files.isExecutable(Path.of(directory, executable))) {
                return true;
            }
        }
        return false;
    }
}
