package mx.gobiernoabierto.compromisos.query.workspace;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import mx.gobiernoabierto.compromisos.query.portal.PortalProperties;
import mx.gobiernoabierto.compromisos.support.security.JwtCallers;
import mx.gobiernoabierto.compromisos.support.security.SecuritySettings;

/**
 * The workspace is the one part of the query service with a session: the person signs in once with OpenID Connect
 * at the provider ({@link OidcSignIn}), and the session (server side only) keeps the tokens the command service needs
 * to know who writes. Everything under {@code /espacio} has its own filter chain, ahead of the stateless one of the
 * API and the public pages:
 * <ul>
 *     <li>sign-in starts at {@code /espacio/entrar} and returns to {@code /espacio/oauth2/code/compromisos};
 *     without a configured issuer nobody can sign in;</li>
 *     <li>sign-out ({@code POST /espacio/salir}) forgets the tokens and invalidates the session, then ends the session
 *     at the provider;</li>
 *     <li>a CSRF token on every form, since a cookie now names the person; the session cookie is {@code HttpOnly},
 *     {@code SameSite=Lax}, and {@code Secure} when the request came over https (query-service.yml).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceSecurity {

    static final String SIGN_IN = "/espacio/entrar";
    static final String SIGN_OUT = "/espacio/salir";
    static final String REFUSED = "/espacio/rechazado";

    /**
     * The pages' policy: own styles and scripts only, forms post to this origin only (and the sign-out form's
     * redirect may go on to the provider, {@code extraFormAction}).
     */
    static String policy(String extraFormAction) {
        return "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self';"
                + " form-action 'self'" + (extraFormAction == null ? "" : " " + extraFormAction)
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /**
     * The sign-in's provider: {@code compromisos.workspace.oidc.issuer}, else the issuer whose tokens the resource-server
     * settings accept ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, else
     * {@code compromisos.security.jwt.issuer}), so that the person's access token reaches the command service as it is.
     */
    @Bean
    OidcSignIn oidcSignIn(WorkspaceProperties properties, SecuritySettings security, Environment environment,
                          JwtCallers callers, @Qualifier("compromisosJwtClaims") OAuth2TokenValidator<Jwt> claims) {
        String resourceServerIssuer = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        String fallback = resourceServerIssuer != null && !resourceServerIssuer.isBlank() ? resourceServerIssuer
                : security.jwt().issuer();
        return new OidcSignIn(properties.oidc().orIssuer(fallback), callers, claims);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain workspaceFilterChain(HttpSecurity http, OidcSignIn signIn) throws Exception {
        AccessDeniedHandlerImpl refused = new AccessDeniedHandlerImpl();
        refused.setErrorPage(REFUSED);
        http.securityMatcher("/espacio", "/espacio/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Content-Security-Policy",
                                policy(signIn.enabled() ? signIn.settings().origin() : null))))
                .logout(logout -> logout.logoutUrl(SIGN_OUT).addLogoutHandler(signIn::forget)
                        .logoutSuccessHandler(signIn.signedOut(SIGN_IN + "?salida"))
                        .invalidateHttpSession(true).clearAuthentication(true).deleteCookies("COMPROMISOS_SESION"))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN))
                        .accessDeniedHandler(refused))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(REFUSED).permitAll()
                        .requestMatchers(HttpMethod.GET, SIGN_IN).permitAll()
                        .anyRequest().authenticated());
        if (signIn.enabled()) {
            http.oauth2Login(login -> login.loginPage(SIGN_IN)
                    .clientRegistrationRepository(signIn.registrations())
                    .authorizedClientRepository(signIn.authorizedClients())
                    .authorizationEndpoint(endpoint -> endpoint.baseUri(OidcSignIn.AUTHORIZATION_BASE)
                            .authorizationRequestResolver(new DefaultOAuth2AuthorizationRequestResolver(
                                    signIn.registrations(), OidcSignIn.AUTHORIZATION_BASE)))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri(OidcSignIn.CALLBACK))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(signIn.users()))
                    .defaultSuccessUrl("/espacio", true)
                    .failureUrl(SIGN_IN + "?error"));
        }
        return http.build();
    }

    @Bean
    CommandRelay commandRelay(WorkspaceProperties properties, PortalProperties portal) {
        String base = properties.commandApiUrl() == null || properties.commandApiUrl().toString().isBlank()
                ? portal.commandServiceBase() : properties.commandApiUrl().toString();
        return new CommandRelay(base, properties.commandTimeout() == null ? Duration.ofSeconds(15)
                : properties.commandTimeout());
    }

}
