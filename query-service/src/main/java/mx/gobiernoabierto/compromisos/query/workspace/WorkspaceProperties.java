package mx.gobiernoabierto.compromisos.query.workspace;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the workspace.
 *
 * @param commandApiUrl  where this service reaches the command service's public API to relay commands (may differ
 *                       from where browsers reach it); default: {@code compromisos.query.command-service-url}
 * @param commandTimeout how long a relayed command may take before the form says so and keeps what was typed
 * @param oidc           how people sign in (OpenID Connect)
 */
@ConfigurationProperties("compromisos.workspace")
record WorkspaceProperties(URI commandApiUrl, Duration commandTimeout, @DefaultValue Oidc oidc) {

    /**
     * The OpenID Connect provider people sign in with (authorization code with PKCE). Its access tokens are relayed
     * to the command service as they are, so it must be the issuer the command service's resource-server settings
     * accept.
     *
     * @param issuer       the provider's issuer URL (its discovery document is read on the first sign-in); blank: the
     *                     issuer of the resource-server settings; none at all: nobody can sign in to the workspace
     * @param clientId     the workspace's client id at the provider
     * @param clientSecret its secret; blank: a public client (PKCE is sent either way)
     * @param scopes       the scopes asked for; {@code openid} is always among them
     */
    record Oidc(String issuer, @DefaultValue("espacio") String clientId, String clientSecret,
                @DefaultValue("openid") List<String> scopes) {

        Oidc {
            issuer = issuer == null || issuer.isBlank() ? null : issuer.trim();
            clientId = clientId == null || clientId.isBlank() ? "espacio" : clientId.trim();
            clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
            Set<String> asked = new LinkedHashSet<>(List.of("openid"));
            (scopes == null ? List.<String>of() : scopes).stream().map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(asked::add);
            scopes = List.copyOf(asked);
            if (issuer != null) {
                URI uri;
                try {
                    uri = URI.create(issuer);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("compromisos.workspace.oidc.issuer is not a URL: " + issuer);
                }
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException("compromisos.workspace.oidc.issuer must be an http(s) URL, not "
                            + issuer);
                }
            }
        }

        /** These settings with {@code fallback} as the issuer when none is set. */
        Oidc orIssuer(String fallback) {
            return issuer != null || fallback == null ? this : new Oidc(fallback, clientId, clientSecret, scopes);
        }

        boolean enabled() {
            return issuer != null;
        }

        /** The provider's origin ({@code scheme://host[:port]}), which the sign-out form is redirected to. */
        String origin() {
            URI uri = URI.create(issuer);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WorkspaceProperties.class)
    static class Enable {
    }
}
