package mx.gobiernoabierto.compromisos.command.security;

import java.time.Duration;
import java.util.List;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin sharing of the public reads of the API, and of nothing else: {@code GET} and {@code HEAD} only, no
 * credentials (reads need none, and a cookie or an {@code Authorization} header must never travel with a
 * cross-origin call), so a page elsewhere can check a commitment's {@code /integrity} but can never write.
 */
final class PublicReadsCors {

    private PublicReadsCors() {
    }

    static CorsConfigurationSource source(CorsSettings settings) {
        CorsConfiguration reads = new CorsConfiguration();
        reads.setAllowedOrigins(settings.allowedOrigins());
        reads.setAllowedMethods(List.of("GET", "HEAD"));
        reads.setAllowedHeaders(List.of("Accept", "Accept-Language", "If-None-Match"));
        reads.setExposedHeaders(List.of("ETag"));
        reads.setAllowCredentials(false);
        reads.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/v1/**", reads);
        return source;
    }
}
