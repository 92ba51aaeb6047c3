package mx.gobiernoabierto.compromisos.command.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

import mx.gobiernoabierto.compromisos.support.security.Role;
import mx.gobiernoabierto.compromisos.support.security.ServiceSecurity;

/**
 * Who may write what. Reads are public (open government); every write needs an authenticated caller, and then:
 * registering a plan needs ADMIN; the evaluation needs EVALUATOR (it is independent of the STL); every other
 * command on a commitment needs an STL_EDITOR of that commitment's STL (for a draft, of the plan's STL, checked
 * once the body is read: {@link StlAccess#requireEditorOfPlan}); the operator endpoints need ADMIN.
 *
 * <p>How callers sign in, the headers, cross-origin reads ({@code compromisos.cors}) and how refusals are answered
 * are service-support's {@link ServiceSecurity}, shared with the query service. The filters run in this order: body limit ({@code 413} comes before
 * authentication, so an over-long body is never read, whoever sends it), this chain ({@code 401}/{@code 403}),
 * then idempotency, so a refused request never stores or replays an answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    private static final String COMMITMENT = "/api/v1/commitments/{id}/**";

    @Bean
    SecurityFilterChain commandSecurity(HttpSecurity http, ServiceSecurity serviceSecurity, StlAccess stlAccess) {
        serviceSecurity.applyTo(http);
        http.authorizeHttpRequests(requests -> ServiceSecurity.sharedRules(requests)
                        // the transparency log's checkpoints, key and proofs are for anyone to audit
                        .requestMatchers(HttpMethod.GET, "/api/v1/log/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/plans").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/commitments").hasRole(Role.STL_EDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/commitments/{id}/evaluation").hasRole(Role.EVALUATOR.name())
                        .requestMatchers(HttpMethod.POST, COMMITMENT).access(stlAccess.editorOfCommitment())
                        .requestMatchers(HttpMethod.PUT, COMMITMENT).access(stlAccess.editorOfCommitment())
                        .anyRequest().hasRole(Role.ADMIN.name()));
        return http.build();
    }
}
