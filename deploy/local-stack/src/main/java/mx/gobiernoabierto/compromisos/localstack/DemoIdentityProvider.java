package mx.gobiernoabierto.compromisos.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

import mx.gobiernoabierto.compromisos.support.security.SecuritySettings;

/**
 * A real OpenID Connect provider in this JVM for the local stack and the tests (DEMO ONLY): Spring Authorization
 * Server in a small Spring context of its own, on its own port, outside both services. It signs in the demo users
 * (the very users, passwords, ids, roles and STLs of {@code command-service-demo.yml}) on a Spanish form, and has one
 * registered client, the query service's workspace ({@value #CLIENT_ID}, a confidential client that must use PKCE,
 * with refresh tokens). Its access tokens are JWTs signed with a key made at start (never stored) and carry what
 * service-support's {@code JwtCallers} reads: {@code sub} is the person's stable id, {@code roles} and
 * {@code stl_ids}, and the audience {@value #AUDIENCE}; {@link #serviceSettings} tells both services to accept them
 * (its JWK set, its issuer, that audience) and the workspace to sign in with it.
 */
public final class DemoIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "espacio";
    /** Public like the demo passwords: this provider exists only for the local stack and the tests. */
    static final String CLIENT_SECRET = "demo-espacio";
    public static final String AUDIENCE = "compromisos";
    static final String SIGN_IN = "/entrar";

    private final ConfigurableApplicationContext context;
    private final String issuer;
    private final Map<AuthorizationGrantType, AtomicLong> issued;

    private DemoIdentityProvider(ConfigurableApplicationContext context, String issuer,
                                 Map<AuthorizationGrantType, AtomicLong> issued) {
        this.context = context;
        this.issuer = issuer;
        this.issued = issued;
    }

    /** How many access tokens it has issued with this grant (a sign-in: authorization code; a refresh). */
    public long accessTokensIssued(AuthorizationGrantType grant) {
        AtomicLong count = issued.get(grant);
        return count == null ? 0 : count.get();
    }

    /**
     * Starts the provider.
     *
     * @param port         its port (its issuer is {@code http://localhost:port}); 0: a free one
     * @param workspaceUrl where browsers reach the query service, e.g. {@code http://127.0.0.1:8082}: the sign-in
     *                     returns to its {@code /espacio/oauth2/code/compromisos}, signing out to its
     *                     {@code /espacio/entrar?salida}. (Spring Authorization Server refuses {@code localhost} in a
     *                     redirect URI, as OAuth 2.1 asks: use {@code 127.0.0.1}.)
     */
    public static DemoIdentityProvider start(int port, String workspaceUrl) {
        return start(port, workspaceUrl, Duration.ofMinutes(10));
    }

    /** Starts the provider with access tokens that live {@code accessTokens} (refresh tokens: 8 hours). */
    public static DemoIdentityProvider start(int port, String workspaceUrl, Duration accessTokens) {
        int chosen = port == 0 ? Services.freePort() : port;
        String issuer = "http://localhost:" + chosen;
        Settings settings = new Settings(issuer, workspaceUrl, demoUsers(), accessTokens, new ConcurrentHashMap<>());
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .registerShutdownHook(false)
                .logStartupInfo(false)
                .properties(Map.of("spring.config.name", "demo-identity-provider", "spring.main.banner-mode", "off",
                        "spring.jmx.enabled", "false", "server.port", Integer.toString(chosen),
                        "server.servlet.session.cookie.name", "COMPROMISOS_PROVEEDOR"))
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("demoIdentitySettings", settings))
                .run();
        return new DemoIdentityProvider(context, issuer, settings.issued());
    }

    public String issuer() {
        return issuer;
    }

    /**
     * The settings (arguments for {@link Services#start}) with which both services accept this provider's access
     * tokens ({@link #resourceServerSettings}) and the workspace signs people in with it ({@link #workspaceSettings}).
     */
    public List<String> serviceSettings() {
        List<String> settings = new ArrayList<>(resourceServerSettings());
        settings.addAll(workspaceSettings());
        return settings;
    }

    /** Both services accept this provider's access tokens: its JWK set, its issuer, the audience it names. */
    public List<String> resourceServerSettings() {
        return List.of(
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks",
                "--compromisos.security.jwt.issuer=" + issuer,
                "--compromisos.security.jwt.audience=" + AUDIENCE);
    }

    /** The workspace signs people in with this provider. */
    public List<String> workspaceSettings() {
        return List.of(
                "--compromisos.workspace.oidc.issuer=" + issuer,
                "--compromisos.workspace.oidc.client-id=" + CLIENT_ID,
                "--compromisos.workspace.oidc.client-secret=" + CLIENT_SECRET);
    }

    @Override
    public void close() {
        context.close();
    }

    /** The demo users, read from the command service's demo settings. */
    static List<SecuritySettings.User> demoUsers() {
        try {
            var sources = new YamlPropertySourceLoader().load("demo-users", new ClassPathResource("command-service-demo.yml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("compromisos.security", SecuritySettings.class).get().users();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo users", e);
        }
    }

    record Settings(String issuer, String workspaceUrl, List<SecuritySettings.User> users, Duration accessTokens,
                    Map<AuthorizationGrantType, AtomicLong> issued) {
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
    @EnableWebSecurity
    static class Provider {

        /** Spring Authorization Server's endpoints, OpenID Connect (discovery, ID tokens, RP-initiated logout) on. */
        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) {
            http.oauth2AuthorizationServer(server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.oidc(Customizer.withDefaults());
            })
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                    .exceptionHandling(exceptions -> exceptions
                            .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN)));
            return http.build();
        }

        /** The sign-in form. */
        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(form -> form.loginPage(SIGN_IN).usernameParameter("usuario")
                            .passwordParameter("contrasena").failureUrl(SIGN_IN + "?error").permitAll());
            return http.build();
        }

        @Bean
        ServletRegistrationBean<HttpServlet> signInPage() {
            return new ServletRegistrationBean<>(new SignInPage(), "/");
        }

        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

        @Bean
        UserDetailsService users(Settings settings) {
            Map<String, SecuritySettings.User> users = byUsername(settings);
            return username -> {
                SecuritySettings.User user = users.get(username);
                if (user == null) {
                    throw new UsernameNotFoundException("no such user");
                }
                return User.withUsername(user.username()).password(user.password()).authorities("USER").build();
            };
        }

        @Bean
        RegisteredClientRepository clients(Settings settings) {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(CLIENT_ID)
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri(settings.workspaceUrl() + "/espacio/oauth2/code/compromisos")
                    .postLogoutRedirectUri(settings.workspaceUrl() + "/espacio/entrar?salida")
                    .scope(OidcScopes.OPENID)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                            .build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.accessTokens())
                            .refreshTokenTimeToLive(Duration.ofHours(8)).reuseRefreshTokens(false).build())
                    .build());
        }

        /** The access token carries the caller as JwtCallers reads it: stable id, roles, STLs, audience. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> callerClaims(Settings settings) {
            Map<String, SecuritySettings.User> users = byUsername(settings);
            return context -> {
                SecuritySettings.User user = users.get(context.getPrincipal().getName());
                if (user == null || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    return;
                }
                settings.issued().computeIfAbsent(context.getAuthorizationGrantType(), grant -> new AtomicLong())
                        .incrementAndGet();
                context.getClaims().subject(user.id())
                        .audience(List.of(context.getRegisteredClient().getClientId(), AUDIENCE))
                        .claim("roles", user.roles().stream().map(Enum::name).sorted().toList())
                        .claim("stl_ids", user.stls().stream().sorted().toList())
                        .claim("preferred_username", user.username());
            };
        }

        /** A signing key made when the provider starts: tokens do not outlive it. */
        @Bean
        JWKSource<SecurityContext> signingKey() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                        .privateKey((RSAPrivateKey) pair.getPrivate()).keyID(UUID.randomUUID().toString()).build();
                return new ImmutableJWKSet<>(new JWKSet(key));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no RSA in this JVM", e);
            }
        }

        /** OpenID Connect's user-info endpoint takes the provider's own access tokens. */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKey) {
            return NimbusJwtDecoder.withJwkSource(signingKey).build();
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings(Settings settings) {
            return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
        }

        private static Map<String, SecuritySettings.User> byUsername(Settings settings) {
            return settings.users().stream()
                    .collect(Collectors.toUnmodifiableMap(SecuritySettings.User::username, Function.identity()));
        }
    }

    /** The provider's sign-in page, in Spanish, without JavaScript; every other path is not found. */
    static final class SignInPage extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!SIGN_IN.equals(request.getRequestURI())) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            String error = request.getParameter("error") == null ? "" : """
                    <p class="aviso" id="error" role="alert">El usuario o la contraseña no son correctos. \
                    Escríbelos de nuevo.</p>
                    """;
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write("""
                    <!DOCTYPE html>
                    <html lang="es-MX">
                    <head>
                    <meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>Entrar · Servicio de identidad de demostración</title>
                    <style>
                    body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #f6f6f6; }
                    main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem; background: #fff; }
                    label { display: block; font-weight: 600; margin-top: 1rem; }
                    input { font: inherit; width: 100%%; box-sizing: border-box; padding: .5rem; border: 1px solid #555; }
                    button { font: inherit; margin-top: 1.5rem; padding: .6rem 1.2rem; color: #fff;
                             background: #6f1d2e; border: 0; cursor: pointer; }
                    .aviso { border-left: 4px solid #6f1d2e; padding: .5rem 1rem; background: #fbeff1; }
                    .nota { font-size: .9rem; color: #444; }
                    </style>
                    </head>
                    <body>
                    <main>
                    <h1>Entrar</h1>
                    <p>Servicio de identidad de demostración de Compromisos: escribe tu usuario y tu contraseña \
                    para entrar al espacio de trabajo.</p>
                    %s<form method="post" action="%s" class="formulario">
                    <input type="hidden" name="%s" value="%s">
                    <label for="usuario">Usuario</label>
                    <input type="text" id="usuario" name="usuario" autocomplete="username" required \
                    autocapitalize="none" spellcheck="false">
                    <label for="contrasena">Contraseña</label>
                    <input type="password" id="contrasena" name="contrasena" autocomplete="current-password" required>
                    <button type="submit">Entrar</button>
                    </form>
                    <p class="nota">Solo para demostración: las cuentas son públicas (por ejemplo editor.jalisco / \
                    demo-jalisco). Nunca uses este servicio con datos reales.</p>
                    </main>
                    </body>
                    </html>
                    """.formatted(error, SIGN_IN, HtmlUtils.htmlEscape(csrf.getParameterName()),
                    HtmlUtils.htmlEscape(csrf.getToken())));
        }
    }
}
