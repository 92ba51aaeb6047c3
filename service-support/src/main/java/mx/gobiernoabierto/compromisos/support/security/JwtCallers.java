package mx.gobiernoabierto.compromisos.support.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Maps a validated JWT to a {@link Caller}: the stable id, roles and STL ids from the claims that
 * {@code compromisos.security.jwt} names. A token without a well-formed id is refused ({@code 401}); a token without
 * a known role authenticates a caller who may only read ({@code 403} on writes).
 */
public final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Jwt settings;

    JwtCallers(SecuritySettings.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String id = claim(jwt.getClaims(), settings.idClaim()).map(Object::toString).orElse(null);
        if (id == null || !Caller.ID.matcher(id).matches()) {
            throw new InvalidBearerTokenException("the token's " + settings.idClaim() + " claim is missing or malformed");
        }
        Set<Role> roles = new LinkedHashSet<>();
        strings(jwt.getClaims(), settings.rolesClaim()).forEach(name -> Role.parse(name).ifPresent(roles::add));
        Set<String> stls = new LinkedHashSet<>();
        strings(jwt.getClaims(), settings.stlsClaim()).stream().filter(s -> Caller.STL.matcher(s).matches()).forEach(stls::add);
        return new CallerAuthentication(new Caller(id, roles, stls), jwt);
    }

    /** A claim by name, or by a dotted path into nested objects ({@code realm_access.roles}). */
    private static Optional<Object> claim(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return Optional.ofNullable(claims.get(path));
        }
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        return Optional.ofNullable(current);
    }

    /** A claim as strings: a JSON array, or one string of names separated by spaces or commas. */
    private static List<String> strings(Map<String, Object> claims, String path) {
        return switch (claim(claims, path).orElse(null)) {
            case Collection<?> values -> values.stream().filter(v -> v instanceof String).map(v -> (String) v).toList();
            case String text -> List.of(text.trim().split("[\\s,]+"));
            case null, default -> List.of();
        };
    }

    /** The audience and issuer checks of {@code compromisos.security.jwt}, added to Spring Boot's decoder. */
    static OAuth2TokenValidator<Jwt> claimsValidator(SecuritySettings.Jwt settings) {
        return jwt -> {
            if (settings.issuer() != null && !settings.issuer().equals(jwt.getClaimAsString("iss"))) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token's issuer is not accepted", null));
            }
            if (settings.audience() != null && !strings(jwt.getClaims(), "aud").contains(settings.audience())) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token is not meant for this audience", null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }
}
