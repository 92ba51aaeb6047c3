package mx.gobiernoabierto.compromisos.support.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Configured users ({@code compromisos.security.users}) for web slice tests, all with the password
 * {@value #PASSWORD} (hashed with a low cost, for speed), and their HTTP Basic headers.
 */
public final class TestUsers {

    public static final String PASSWORD = "secreto";
    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

    private TestUsers() {
    }

    /**
     * Adds user number {@code index}: signs in as {@code username}, acts as {@code usr-<username>}.
     *
     * @param roles as the setting takes them, comma-separated: {@code STL_EDITOR}
     * @param stls  the STLs it edits, comma-separated, or {@code null}
     */
    public static void add(DynamicPropertyRegistry registry, int index, String username, String roles, String stls) {
        String user = "compromisos.security.users[" + index + "].";
        registry.add(user + "username", () -> username);
        registry.add(user + "password", () -> HASH);
        registry.add(user + "id", () -> "usr-" + username);
        registry.add(user + "roles", () -> roles);
        if (stls != null) {
            registry.add(user + "stls", () -> stls);
        }
    }

    /** The {@code Authorization} header of a user added here. */
    public static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
