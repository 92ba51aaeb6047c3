package mx.gobiernoabierto.compromisos.support.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A configuration that would let a wrong or ambiguous identity in is refused when the service starts. */
class SecuritySettingsTest {

    @Test
    void aPasswordInClearOrAnotherSchemeIsRefusedAtStart() {
        assertThatThrownBy(() -> user("ana", "{noop}secreto", "usr-ana")).hasMessageContaining("{bcrypt}");
        assertThatThrownBy(() -> user("ana", "secreto", "usr-ana")).hasMessageContaining("{bcrypt}");
    }

    @Test
    void aMalformedIdOrStlOrATwiceUsedIdIsRefusedAtStart() {
        String hash = "{bcrypt}$2a$10$nEi.Yx6YSmYsuMKDO2mgD.vv3jyzTSt02ISEltOUoTJgC.ZEQp3u2";
        assertThatThrownBy(() -> user("ana", hash, "Ana López")).hasMessageContaining("id");
        assertThatThrownBy(() -> new SecuritySettings.User("ana", hash, "usr-ana", "Ana", Set.of(Role.STL_EDITOR),
                Set.of("Jalisco"))).hasMessageContaining("slug");
        assertThatThrownBy(() -> new SecuritySettings(List.of(user("ana", hash, "usr-1"), user("eva", hash, "usr-1")),
                new SecuritySettings.Jwt(null, null, null, null, null))).hasMessageContaining("twice");
    }

    private static SecuritySettings.User user(String username, String password, String id) {
        return new SecuritySettings.User(username, password, id, username, Set.of(Role.ADMIN), Set.of());
    }
}
