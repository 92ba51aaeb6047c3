package mx.gobiernoabierto.compromisos.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import mx.gobiernoabierto.compromisos.support.security.Role;
import mx.gobiernoabierto.compromisos.support.security.SecuritySettings;

/**
 * A service's settings file ({@code <service>.yml}) and its demo profile ({@code <service>-demo.yml}) bind to
 * service-support's security settings as intended. Each service runs these tests with a subclass that names it.
 */
public abstract class ServiceSecuritySettingsTest {

    private final String service;

    /** @param service the service's name, which its settings files carry: {@code command-service} */
    protected ServiceSecuritySettingsTest(String service) {
        this.service = service;
    }

    @Test
    public void withoutTheDemoProfileNobodyCanSignInWithAPassword() throws IOException {
        SecuritySettings settings = bind(service + ".yml");

        assertThat(settings.users()).isEmpty();
        assertThat(settings.jwt().rolesClaim()).isEqualTo("roles");
        assertThat(settings.jwt().stlsClaim()).isEqualTo("stl_ids");
        assertThat(settings.jwt().idClaim()).isEqualTo("sub");
        assertThat(settings.jwt().audience()).isNull();
        assertThat(settings.jwt().issuer()).isNull();
    }

    @Test
    public void theDemoUsersHaveStableIdsBcryptPasswordsAndTheirRoles() throws IOException {
        SecuritySettings settings = bind(service + ".yml", service + "-demo.yml");
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        assertThat(settings.users()).extracting(SecuritySettings.User::username)
                .containsExactly("admin", "editor.jalisco", "editor.oaxaca", "editor.nuevoleon", "evaluador");
        Map<String, String> passwords = Map.of("admin", "demo-admin", "editor.jalisco", "demo-jalisco",
                "editor.oaxaca", "demo-oaxaca", "editor.nuevoleon", "demo-nuevoleon", "evaluador", "demo-evaluador");
        assertThat(settings.users()).allSatisfy(user -> {
            assertThat(user.password()).startsWith("{bcrypt}");
            assertThat(encoder.matches(passwords.get(user.username()), user.password())).as(user.username()).isTrue();
        });
        SecuritySettings.User jalisco = settings.users().get(1);
        assertThat(jalisco.id()).isEqualTo("usr-jal-editor-01");
        assertThat(jalisco.roles()).containsExactly(Role.STL_EDITOR);
        assertThat(jalisco.stls()).containsExactly("stl-jalisco");
        assertThat(settings.users().get(3).stls()).containsExactly("stl-nuevo-leon");
        assertThat(settings.users().get(4).roles()).containsExactly(Role.EVALUATOR);
    }


    private static SecuritySettings bind(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        for (String file : files) {
            new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
                    .forEach(source -> environment.getPropertySources().addFirst(source));
        }
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("compromisos.security", SecuritySettings.class);
    }
}
