package mx.gobiernoabierto.compromisos.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class JwtCallersTest {

    private static final SecuritySettings.Jwt DEFAULTS = new SecuritySettings.Jwt(null, null, null, null, null);

    @Test
    void theSubjectRolesAndStlsOfTheDefaultClaimsMakeTheCaller() {
        Caller caller = caller(DEFAULTS, Map.of("sub", "kc-123", "roles", List.of("STL_EDITOR", "offline_access"),
                "stl_ids", List.of("stl-jalisco", "STL JALISCO")));

        assertThat(caller.id()).isEqualTo("kc-123");
        assertThat(caller.roles()).containsExactly(Role.STL_EDITOR);
        assertThat(caller.stlIds()).containsExactly("stl-jalisco");
        assertThat(caller.editsStl("stl-jalisco")).isTrue();
        assertThat(caller.editsStl("stl-oaxaca")).isFalse();
    }

    @Test
    void claimNamesAreConfigurableAndMayReachIntoNestedClaims() {
        SecuritySettings.Jwt keycloak = new SecuritySettings.Jwt(null, null, "realm_access.roles", "stls", "employee_id");

        Caller caller = caller(keycloak, Map.of("sub", "x", "employee_id", "emp-42",
                "realm_access", Map.of("roles", List.of("role_evaluator")), "stls", "stl-oaxaca"));

        assertThat(caller.id()).isEqualTo("emp-42");
        assertThat(caller.roles()).containsExactly(Role.EVALUATOR);
        assertThat(caller.stlIds()).containsExactly("stl-oaxaca");
    }

    @Test
    void aTokenWithoutAWellFormedIdIsRefused() {
        assertThatThrownBy(() -> caller(DEFAULTS, Map.of("roles", List.of("ADMIN"))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> caller(DEFAULTS, Map.of("sub", "Ana López\nadmin")))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void theAudienceAndIssuerAreCheckedOnlyWhenConfigured() {
        SecuritySettings.Jwt strict = new SecuritySettings.Jwt("compromisos-api", "https://idp.example", null, null, null);
        Jwt right = jwt(Map.of("sub", "a", "aud", List.of("compromisos-api"), "iss", "https://idp.example"));
        Jwt wrongAudience = jwt(Map.of("sub", "a", "aud", List.of("otra"), "iss", "https://idp.example"));
        Jwt wrongIssuer = jwt(Map.of("sub", "a", "aud", "compromisos-api", "iss", "https://otro.example"));

        assertThat(JwtCallers.claimsValidator(strict).validate(right).hasErrors()).isFalse();
        assertThat(JwtCallers.claimsValidator(strict).validate(wrongAudience).hasErrors()).isTrue();
        assertThat(JwtCallers.claimsValidator(strict).validate(wrongIssuer).hasErrors()).isTrue();
        assertThat(JwtCallers.claimsValidator(DEFAULTS).validate(wrongIssuer).hasErrors()).isFalse();
    }

    private static Caller caller(SecuritySettings.Jwt settings, Map<String, Object> claims) {
        return (Caller) new JwtCallers(settings).convert(jwt(claims)).getPrincipal();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }
}
