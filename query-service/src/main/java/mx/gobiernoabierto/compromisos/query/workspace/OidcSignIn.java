package mx.gobiernoabierto.compromisos.query.workspace;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import mx.gobiernoabierto.compromisos.support.security.Caller;
import mx.gobiernoabierto.compromisos.support.security.CallerPrincipal;
import mx.gobiernoabierto.compromisos.support.security.Callers;
import mx.gobiernoabierto.compromisos.support.security.JwtCallers;

/**
 * Signing in to the workspace with OpenID Connect: authorization code with PKCE against the issuer of
 * {@code compromisos.workspace.oidc}, whose access tokens the command service accepts as they are.
 * <ul>
 *     <li>The provider is discovered on the first sign-in (not when the service starts), and again after a failure.</li>
 *     <li>The person's caller (stable id, roles, STLs) is read from the <em>access token</em> with the same
 *     {@link JwtCallers} and claim checks as the command service uses, so the workspace offers the forms the command
 *     service will accept. A token the command service would refuse (not a JWT, another issuer or audience, no id)
 *     refuses the sign-in.</li>
 *     <li>The tokens (the authorized client) live in the server-side session only; {@link #bearer} refreshes an
 *     expired access token when there is a refresh token. Signing out forgets them, invalidates the session and
 *     ends the session at the provider too (RP-initiated logout) when it offers that.</li>
 * </ul>
 */
final class OidcSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);

    static final String REGISTRATION = "compromisos";
    static final String AUTHORIZATION_BASE = "/espacio/oauth2/authorization";
    static final String START = AUTHORIZATION_BASE + "/" + REGISTRATION;
    static final String CALLBACK = "/espacio/oauth2/code/*";

    private final WorkspaceProperties.Oidc settings;
    private final JwtCallers callers;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Registrations registrations = new Registrations();
    private final OAuth2AuthorizedClientRepository authorizedClients = new HttpSessionOAuth2AuthorizedClientRepository();
    private final DefaultOAuth2AuthorizedClientManager manager;
    private volatile NimbusJwtDecoder accessTokens;

    OidcSignIn(WorkspaceProperties.Oidc settings, JwtCallers callers, OAuth2TokenValidator<Jwt> claims) {
        this.settings = settings;
        this.callers = callers;
        this.claims = claims;
        this.manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
    }

    boolean enabled() {
        return settings.enabled();
    }

    WorkspaceProperties.Oidc settings() {
        return settings;
    }

    ClientRegistrationRepository registrations() {
        return registrations;
    }

    OAuth2AuthorizedClientRepository authorizedClients() {
        return authorizedClients;
    }

    /** Whether the provider's discovery document could be read (it is read once, then kept). */
    boolean reachable() {
        return registrations.findByRegistrationId(REGISTRATION) != null;
    }

    /**
     * {@code Bearer} and the person's current access token, refreshed first if it has expired and a refresh token
     * allows; empty when the person must sign in again (the relayed command is then refused as unauthenticated, and
     * the form says so and keeps what was typed).
     */
    Optional<String> bearer(Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken token)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web)) {
            return Optional.empty();
        }
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
                .withClientRegistrationId(token.getAuthorizedClientRegistrationId()).principal(token)
                .attribute(HttpServletRequest.class.getName(), web.getRequest())
                .attribute(HttpServletResponse.class.getName(), web.getResponse()).build();
        try {
            OAuth2AuthorizedClient client = manager.authorize(request);
            OAuth2AccessToken access = client == null ? null : client.getAccessToken();
            if (access == null || (access.getExpiresAt() != null && access.getExpiresAt().isBefore(Instant.now()))) {
                LOG.info("The access token of {} has expired and cannot be refreshed: sign-in needed", token.getName());
                return Optional.empty();
            }
            return Optional.of("Bearer " + access.getTokenValue());
        } catch (OAuth2AuthorizationException e) {
            LOG.info("No access token for {}: {}", token.getName(), e.getError());
            return Optional.empty();
        }
    }

    /** Forgets the person's tokens (before the session is invalidated). */
    void forget(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication instanceof OAuth2AuthenticationToken token) {
            authorizedClients.removeAuthorizedClient(token.getAuthorizedClientRegistrationId(), token, request, response);
        }
    }

    /** After signing out: to the provider's end-session endpoint if it has one, which sends the person back here. */
    LogoutSuccessHandler signedOut(String page) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}" + page);
        handler.setDefaultTargetUrl(page);
        return handler;
    }

    /** Reads the caller from the access token, after the usual OpenID Connect checks of the ID token. */
    OAuth2UserService<OidcUserRequest, OidcUser> users() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            Jwt access;
            try {
                access = accessTokenDecoder(request.getClientRegistration())
                        .decode(request.getAccessToken().getTokenValue());
            } catch (JwtException e) {
                LOG.warn("Sign-in refused: the provider's access token is not one the command service accepts: {}",
                        e.getMessage());
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token",
                        "the access token is not a JWT the command service accepts", null), e);
            }
            Caller caller = Callers.of(callers.convert(access)).orElseThrow(() -> new OAuth2AuthenticationException(
                    new OAuth2Error("invalid_token", "the access token names no caller", null)));
            return new WorkspaceUser(user, caller);
        };
    }

    private NimbusJwtDecoder accessTokenDecoder(ClientRegistration registration) {
        NimbusJwtDecoder decoder = accessTokens;
        if (decoder == null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(registration.getProviderDetails().getIssuerUri()), claims));
            accessTokens = decoder;
        }
        return decoder;
    }

    /** The person signed in: the provider's ID token and the caller the access token names. */
    static final class WorkspaceUser extends DefaultOidcUser implements CallerPrincipal {

        private final Caller caller;

        WorkspaceUser(OidcUser user, Caller caller) {
            super(caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
                    user.getIdToken(), user.getUserInfo());
            this.caller = caller;
        }

        @Override
        public Caller caller() {
            return caller;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WorkspaceUser that && super.equals(that) && caller.equals(that.caller);
        }

        @Override
        public int hashCode() {
            return 31 * super.hashCode() + caller.hashCode();
        }
    }

    /** The one registration, from the issuer's discovery document, read when first needed and then kept. */
    private final class Registrations implements ClientRegistrationRepository {

        private volatile ClientRegistration registration;

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!settings.enabled() || !REGISTRATION.equals(registrationId)) {
                return null;
            }
            ClientRegistration found = registration;
            if (found == null) {
                synchronized (this) {
                    found = registration;
                    if (found == null) {
                        found = discover();
                        registration = found;
                    }
                }
            }
            return found;
        }

        private ClientRegistration discover() {
            try {
                ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(settings.issuer())
                        .registrationId(REGISTRATION)
                        .clientId(settings.clientId())
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/espacio/oauth2/code/{registrationId}")
                        .scope(settings.scopes())
                        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
                if (settings.clientSecret() == null) {
                    builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
                } else {
                    builder.clientSecret(settings.clientSecret())
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                }
                ClientRegistration discovered = builder.build();
                LOG.info("Workspace sign-in: OpenID Connect provider {} (client {})", settings.issuer(),
                        settings.clientId());
                return discovered;
            } catch (RuntimeException e) {
                LOG.warn("Workspace sign-in: the OpenID Connect provider {} cannot be discovered: {}",
                        settings.issuer(), e.getMessage());
                return null;
            }
        }
    }
}
