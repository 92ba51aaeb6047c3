package mx.gobiernoabierto.compromisos.query.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The workspace's OpenID Connect settings, as they are read when the service starts. */
class OidcSettingsTest {

    @Test
    void withoutAnIssuerNobodyCanSignInUnlessTheResourceServerNamesOne() {
        WorkspaceProperties.Oidc none = new WorkspaceProperties.Oidc(" ", null, "", null);
        assertThat(none.enabled()).isFalse();
        assertThat(none.clientId()).isEqualTo("espacio");
        assertThat(none.clientSecret()).as("blank: a public client").isNull();
        assertThat(none.orIssuer(null).enabled()).isFalse();

        WorkspaceProperties.Oidc fallback = none.orIssuer("https://id.example.mx/realms/stl");
        assertThat(fallback.enabled()).isTrue();
        assertThat(fallback.issuer()).isEqualTo("https://id.example.mx/realms/stl");
        assertThat(fallback.origin()).as("where the sign-out form may be redirected")
                .isEqualTo("https://id.example.mx");
    }

    @Test
    void anIssuerOfItsOwnWinsOverTheResourceServers() {
        WorkspaceProperties.Oidc own = new WorkspaceProperties.Oidc("http://localhost:8083", "portal", "s3cr3t",
                List.of("profile"));
        assertThat(own.orIssuer("https://other.example.mx").issuer()).isEqualTo("http://localhost:8083");
        assertThat(own.origin()).isEqualTo("http://localhost:8083");
        assertThat(own.clientSecret()).isEqualTo("s3cr3t");
    }

    @Test
    void openidIsAlwaysAskedForAndScopesAreTrimmedOnce() {
        assertThat(new WorkspaceProperties.Oidc("https://id.example.mx", null, null, List.of(" profile ", "", "openid",
                "profile")).scopes()).containsExactly("openid", "profile");
        assertThat(new WorkspaceProperties.Oidc("https://id.example.mx", null, null, null).scopes())
                .containsExactly("openid");
    }

    @Test
    void anIssuerThatIsNotAnHttpUrlIsRefusedWithTheSetting() {
        assertThatThrownBy(() -> new WorkspaceProperties.Oidc("id.example.mx", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compromisos.workspace.oidc.issuer must be an http(s) URL");
        assertThatThrownBy(() -> new WorkspaceProperties.Oidc("https://id example", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compromisos.workspace.oidc.issuer is not a URL");
    }
}
