package mx.gobiernoabierto.compromisos.query.workspace;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import mx.gobiernoabierto.compromisos.query.portal.PortalProperties;

/**
 * The workspace is the one part of the query service with a session: the person signs in once on a Spanish form,
 * and the session (server side only) keeps what the command service needs to know who writes. Everything under
 * {@code /espacio} has its own filter chain, ahead of the stateless one of the API and the public pages:
 * <ul>
 *     <li>sign-in at {@code /espacio/entrar} against the same configured users as HTTP Basic (the demo profile's),
 *     keeping the password in the server-side session only, because the command service wants it on every relayed
 *     command (production replaces this with OpenID Connect: see {@link CommandCredentials});</li>
 *     <li>sign-out ({@code POST /espacio/salir}) invalidates the session, which forgets the credentials;</li>
 *     <li>a CSRF token on every form, since a cookie now names the person; the session cookie is {@code HttpOnly},
 *     {@code SameSite=Lax}, and {@code Secure} when the request came over https (query-service.yml).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceSecurity {

    static final String SIGN_IN = "/espacio/entrar";
    static final String SIGN_OUT = "/espacio/salir";
    static final String REFUSED = "/espacio/rechazado";

    /** The pages' policy: own styles and scripts only, forms post to this origin only. */
    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain workspaceFilterChain(HttpSecurity http, ObjectProvider<UserDetailsService> users,
                                          PasswordEncoder passwords) throws Exception {
        AccessDeniedHandlerImpl refused = new AccessDeniedHandlerImpl();
        refused.setErrorPage(REFUSED);
        http.securityMatcher("/espacio", "/espacio/**")
                .authenticationManager(signInManager(users.getIfAvailable(), passwords))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Content-Security-Policy", POLICY)))
                .formLogin(form -> form.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN)
                        .usernameParameter("usuario").passwordParameter("contrasena")
                        .defaultSuccessUrl("/espacio", true).failureUrl(SIGN_IN + "?error").permitAll())
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl(SIGN_IN + "?salida")
                        .invalidateHttpSession(true).clearAuthentication(true).deleteCookies("COMPROMISOS_SESION"))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(refused))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(REFUSED).permitAll()
                        .requestMatchers(HttpMethod.GET, SIGN_IN).permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * Checks the typed password against the configured users and, unlike Spring Security's default, keeps it in the
     * authentication (held in the server-side session) so that each command can be relayed with it. Without
     * configured users (production) nobody can sign in here.
     */
    private static AuthenticationManager signInManager(UserDetailsService users, PasswordEncoder passwords) {
        UserDetailsService lookup = users != null ? users : username -> {
            throw new UsernameNotFoundException("no users are configured");
        };
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(lookup);
        provider.setPasswordEncoder(passwords);
        ProviderManager manager = new ProviderManager(provider);
        manager.setEraseCredentialsAfterAuthentication(false);
        return manager;
    }

    @Bean
    CommandRelay commandRelay(WorkspaceProperties properties, PortalProperties portal) {
        String base = properties.commandApiUrl() == null || properties.commandApiUrl().toString().isBlank()
                ? portal.commandServiceBase() : properties.commandApiUrl().toString();
        return new CommandRelay(base, properties.commandTimeout() == null ? Duration.ofSeconds(15)
                : properties.commandTimeout());
    }

}
