package mx.gobiernoabierto.compromisos.command.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may write what. Reads are public (open government); every write needs an authenticated caller, and then:
 * registering a plan needs ADMIN; the evaluation needs EVALUATOR (it is independent of the STL); every other
 * command on a commitment needs an STL_EDITOR of that commitment's STL (for a draft, of the plan's STL, checked
 * once the body is read: {@link StlAccess#requireEditorOfPlan}); the operator endpoints need ADMIN.
 *
 * <p>Callers come from HTTP Basic against {@code compromisos.security.users} when users are configured, and from a
 * bearer JWT when Spring Boot's resource-server settings configure a decoder. Stateless: no session, no CSRF
 * token (no cookie authenticates anything). The filters run in this order: body limit ({@code 413} comes before
 * authentication, so an over-long body is never read, whoever sends it), this chain ({@code 401}/{@code 403}),
 * then idempotency, so a refused request never stores or replays an answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfig.class);
    private static final String COMMITMENT = "/api/v1/commitments/{id}/**";

    @Bean
    SecurityFilterChain commandSecurity(HttpSecurity http, SecuritySettings settings, CorsSettings cors, ConfiguredUsers users,
                                        ObjectProvider<JwtDecoder> jwtDecoder, StlAccess stlAccess,
                                        MeterRegistry meters) throws Exception {
        boolean basic = !users.isEmpty();
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        AccessDenials denials = new AccessDenials(meters, basic, bearer);
        LOG.info("Authentication: {} configured user(s) over HTTP Basic{}", users.size(), bearer ? ", JWT bearer tokens" : "");
        if (bearer && settings.jwt().audience() == null) {
            LOG.warn("JWTs are accepted for any audience: set COMPROMISOS_SECURITY_JWT_AUDIENCE");
        }
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(sharing -> sharing.configurationSource(PublicReadsCors.source(cors)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new ContentSecurityPolicy()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(denials).accessDeniedHandler(denials))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        // the transparency log's checkpoints, key and proofs are for anyone to audit
                        .requestMatchers(HttpMethod.GET, "/api/v1/log/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/plans").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/commitments").hasRole(Role.STL_EDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/commitments/{id}/evaluation").hasRole(Role.EVALUATOR.name())
                        .requestMatchers(HttpMethod.POST, COMMITMENT).access(stlAccess.editorOfCommitment())
                        .requestMatchers(HttpMethod.PUT, COMMITMENT).access(stlAccess.editorOfCommitment())
                        .anyRequest().hasRole(Role.ADMIN.name()));
        if (basic) {
            http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(denials));
        }
        if (bearer) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtCallers(settings.jwt())))
                    .authenticationEntryPoint(denials)
                    .accessDeniedHandler(denials));
        }
        return http.build();
    }

    @Bean
    ConfiguredUsers configuredUsers(SecuritySettings settings) {
        return new ConfiguredUsers(settings);
    }

    /** Only {@code {bcrypt}} hashes are configured (checked at start); the delegating encoder reads the prefix. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Spring Boot adds this to its JWT decoder's validators (with the expiry check and, if set, issuer-uri). */
    @Bean
    OAuth2TokenValidator<Jwt> compromisosJwtClaims(SecuritySettings settings) {
        return JwtCallers.claimsValidator(settings.jwt());
    }

    /** A request the firewall refuses (an encoded slash, a {@code ..} segment, ...) is a 400 problem. */
    @Bean
    RequestRejectedHandler problemOnRejectedRequest() {
        return (request, response, rejected) -> AccessDenials.write(response, 400, "validation", "Bad Request",
                "the request's URL or headers are not acceptable");
    }
}
