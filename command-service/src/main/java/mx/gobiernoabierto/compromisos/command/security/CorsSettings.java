package mx.gobiernoabierto.compromisos.command.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web origins may read this service's public answers from a browser ({@code compromisos.cors}): the portal's
 * "Verificar en mi navegador" asks {@code /integrity} here from the query service's origin. Only reads are ever
 * shared across origins; writes are refused to every cross-origin caller whatever this says.
 *
 * @param allowedOrigins origins such as {@code https://compromisos.example.mx} (scheme, host, optional port, no
 *                       path); {@code *} shares the public reads with every origin. Empty: no cross-origin reads.
 */
@ConfigurationProperties("compromisos.cors")
public record CorsSettings(@DefaultValue({"http://localhost:8082", "http://127.0.0.1:8082"}) List<String> allowedOrigins) {

    public CorsSettings {
        allowedOrigins = allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        for (String origin : allowedOrigins) {
            if (!origin.equals("*") && !isOrigin(origin)) {
                throw new IllegalArgumentException("compromisos.cors.allowed-origins: " + origin
                        + " is not an origin such as https://portal.example.mx (scheme, host and port only)");
            }
        }
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            return (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
        } catch (Exception e) {
            return false;
        }
    }
}
