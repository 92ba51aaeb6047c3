package mx.gobiernoabierto.compromisos.support.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import mx.gobiernoabierto.compromisos.support.problem.ProblemTypes;
import mx.gobiernoabierto.compromisos.support.problem.ProblemWriter;

/**
 * The caller model and the shared part of the filter chain ({@link ServiceSecurity}). Before Spring Boot's user
 * details, so that the configured users are the only ones (Boot would otherwise add a generated one).
 */
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({SecuritySettings.class, CorsSettings.class})
public class SecuritySupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConfiguredUsers configuredUsers(SecuritySettings settings) {
        return new ConfiguredUsers(settings);
    }

    /** Only {@code {bcrypt}} hashes are configured (checked at start); the delegating encoder reads the prefix. */
    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtCallers jwtCallers(SecuritySettings settings) {
        return new JwtCallers(settings.jwt());
    }

    /** Spring Boot adds this to its JWT decoder's validators (with the expiry check and, if set, issuer-uri). */
    @Bean
    @ConditionalOnMissingBean(name = "compromisosJwtClaims")
    OAuth2TokenValidator<Jwt> compromisosJwtClaims(SecuritySettings settings) {
        return JwtCallers.claimsValidator(settings.jwt());
    }

    @Bean
    @ConditionalOnMissingBean
    ContentSecurityPolicy contentSecurityPolicy() {
        return new ContentSecurityPolicy();
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceSecurity serviceSecurity(SecuritySettings settings, ConfiguredUsers users,
                                    ObjectProvider<JwtDecoder> jwtDecoder, JwtCallers jwtCallers,
                                    ContentSecurityPolicy contentSecurityPolicy, CorsSettings cors,
                                    MeterRegistry meters) {
        return new ServiceSecurity(settings, users, jwtDecoder, jwtCallers, contentSecurityPolicy, cors, meters);
    }

    /** A request the firewall refuses (an encoded slash, a {@code ..} segment, ...) is a 400 problem. */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler problemOnRejectedRequest() {
        return (request, response, rejected) -> ProblemWriter.write(response, ProblemTypes.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "the request's URL or headers are not acceptable"));
    }
}
