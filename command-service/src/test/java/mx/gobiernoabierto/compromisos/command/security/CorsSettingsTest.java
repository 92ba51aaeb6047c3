package mx.gobiernoabierto.compromisos.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CorsSettingsTest {

    @Test
    void originsAreTrimmedAndBlanksDropped() {
        assertThat(new CorsSettings(List.of(" https://compromisos.example.mx ", "", "http://localhost:8082"))
                .allowedOrigins()).containsExactly("https://compromisos.example.mx", "http://localhost:8082");
    }

    @ParameterizedTest
    @ValueSource(strings = {"compromisos.example.mx", "https://compromisos.example.mx/portal", "ftp://example.mx",
            "https://user@example.mx", "https://example.mx?x=1", "https://"})
    void anythingButAnOriginIsRefusedAtStart(String origin) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CorsSettings(List.of(origin)))
                .withMessageContaining(origin);
    }
}
