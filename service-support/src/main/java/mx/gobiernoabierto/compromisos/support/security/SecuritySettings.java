package mx.gobiernoabierto.compromisos.support.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in ({@code compromisos.security}). Checked when the service starts: a configuration that would let
 * a wrong or ambiguous identity in is refused with the reason.
 *
 * @param users configured users over HTTP Basic, for the local stack and tests (the {@code demo} profile); none by
 *              default. Production uses JWTs.
 * @param jwt   how a JWT (enabled by Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri},
 *              {@code jwk-set-uri} or {@code public-key-location}) maps to a caller
 */
@ConfigurationProperties("compromisos.security")
public record SecuritySettings(@DefaultValue List<User> users, @DefaultValue Jwt jwt) {

    public SecuritySettings {
        users = List.copyOf(users);
        Set<String> usernames = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (User user : users) {
            if (!usernames.add(user.username())) {
                throw new IllegalArgumentException("compromisos.security.users: username " + user.username() + " appears twice");
            }
            if (!ids.add(user.id())) {
                throw new IllegalArgumentException("compromisos.security.users: id " + user.id() + " appears twice");
            }
        }
    }

    /**
     * A configured user.
     *
     * @param username    what it signs in with
     * @param password    its password as a {@code {bcrypt}} hash, never in clear
     * @param id          its stable identifier, recorded as the actor of its events (e.g. {@code usr-jal-editor-01})
     * @param displayName how people call it; may change, so never recorded in events
     * @param roles       what it may do
     * @param stls        the STLs it edits when it is an STL_EDITOR
     */
    public record User(String username, String password, String id, String displayName,
                       @DefaultValue Set<Role> roles, @DefaultValue Set<String> stls) {

        public User {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("compromisos.security.users: a user has no username");
            }
            if (password == null || !password.startsWith("{bcrypt}$2")) {
                throw new IllegalArgumentException("compromisos.security.users: the password of " + username
                        + " must be a {bcrypt} hash");
            }
            if (id == null || !Caller.ID.matcher(id).matches()) {
                throw new IllegalArgumentException("compromisos.security.users: the id of " + username
                        + " must be 1 to 200 letters, digits or . _ : @ | + = / -");
            }
            for (String stl : stls) {
                if (!Caller.STL.matcher(stl).matches()) {
                    throw new IllegalArgumentException("compromisos.security.users: " + stl + " of " + username
                            + " is not an STL slug such as stl-jalisco");
                }
            }
            roles = Set.copyOf(roles);
            stls = Set.copyOf(stls);
        }

        Caller caller() {
            return new Caller(id, roles, stls);
        }
    }

    /**
     * How a JWT maps to a caller.
     *
     * @param audience   when set, a token must name it in {@code aud}
     * @param issuer     when set, a token's {@code iss} must be exactly this
     * @param rolesClaim the claim with the roles (a list or a space-separated string); a dotted path such as
     *                   {@code realm_access.roles} reaches into nested claims
     * @param stlsClaim  the claim with the STL ids the caller edits
     * @param idClaim    the claim with the caller's stable identifier
     */
    public record Jwt(String audience, String issuer, @DefaultValue("roles") String rolesClaim,
                      @DefaultValue("stl_ids") String stlsClaim, @DefaultValue("sub") String idClaim) {

        public Jwt {
            audience = blankToNull(audience);
            issuer = blankToNull(issuer);
            rolesClaim = orDefault(rolesClaim, "roles");
            stlsClaim = orDefault(stlsClaim, "stl_ids");
            idClaim = orDefault(idClaim, "sub");
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }

        private static String orDefault(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value.trim();
        }
    }
}
