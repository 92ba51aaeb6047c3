package mx.gobiernoabierto.compromisos.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The settings one service reads, derived from its sources (never listed by hand, so that a renamed setting
 * fails the checks instead of silently passing them):
 *
 * <ul>
 *   <li>every key of its settings file ({@code <service>.yml}, its {@code spring.config.name}) and of its
 *       profile-specific ones ({@code <service>-<profile>.yml}), flattened to {@code server.port},
 *       {@code spring.kafka.consumer.group-id}, ...;</li>
 *   <li>every component of its {@code @ConfigurationProperties} records, as prefix plus the dashed component
 *       name ({@code compromisos.query.min-version-wait}), with its {@code @DefaultValue};</li>
 *   <li>every {@code ${name}} placeholder in the settings file or the service's main Java sources
 *       ({@code PORT} in {@code server.port: ${PORT:8081}});</li>
 *   <li>the few Spring Boot settings that a starter in the service's pom brings and the deployment must set
 *       ({@link #STARTER_PROPERTIES}).</li>
 * </ul>
 *
 * <p>Whether an environment variable sets one of them is decided by Spring Boot's own code: the variable is put
 * in a {@link SystemEnvironmentPropertySource} named like the real one and the setting is looked up through
 * {@link ConfigurationPropertySource}, which applies the same {@code SystemEnvironmentPropertyMapper} as at run
 * time. That mapper accepts both the documented canonical form (dots to {@code _}, dashes removed, upper case:
 * {@code COMPROMISOS_SNAPSHOTTHRESHOLD}) and the legacy form with dashes as {@code _}
 * ({@code COMPROMISOS_SNAPSHOT_THRESHOLD}); the README and the deployment files use the latter.
 */
final class ServiceSettings {

    /** The two services: name (also its settings file's base name) and Maven module directory. */
    enum Service {
        COMMAND("command-service"),
        QUERY("query-service");

        final String id;

        Service(String id) {
            this.id = id;
        }

        String module() {
            return id;
        }

        Path settingsFile() {
            return Repository.path(module() + "/src/main/resources/" + id + ".yml");
        }

        /** The settings file and its profile-specific siblings ({@code <service>-<profile>.yml}). */
        List<Path> settingsFiles() {
            List<Path> files = new ArrayList<>(List.of(settingsFile()));
            Repository.files(module() + "/src/main/resources", ".yml", ".yaml").stream()
                    .filter(file -> file.getParent().equals(settingsFile().getParent()))
                    .filter(file -> file.getFileName().toString().startsWith(id + "-"))
                    .forEach(files::add);
            return files;
        }

        /**
         * The main Java sources the service runs: its own and those of {@code service-support}, whose settings
         * records (security, CORS, ...) both services bind.
         */
        List<Path> mainJava() {
            return List.of(Repository.path(module() + "/src/main/java"), Repository.path("service-support/src/main/java"));
        }

        static Optional<Service> byId(String id) {
            for (Service service : values()) {
                if (service.id.equals(id)) {
                    return Optional.of(service);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Variables every service honours without naming them in its settings: read by the JVM itself
     * ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}) or by Spring Boot for any application (profiles, and the
     * open-ended {@code management.*} and {@code logging.level.*} families, whose keys are too many to list).
     */
    static final Set<String> STANDARD_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "SPRING_PROFILES_ACTIVE");
    static final List<String> STANDARD_PREFIXES = List.of("MANAGEMENT_", "LOGGING_LEVEL_");

    /**
     * Settings that are maps with free keys: any descendant is read (passed on to the Kafka client as is), not
     * only the keys the settings file happens to set.
     */
    private static final List<String> OPEN_MAPS = List.of("spring.kafka.properties", "spring.kafka.admin.properties",
            "spring.kafka.consumer.properties", "spring.kafka.producer.properties");

    /**
     * Spring Boot settings a service reads only because its pom has a starter, and that its settings file
     * leaves to the deployment: the JWT resource server is configured by the identity provider's address.
     * These are the properties of Boot's {@code OAuth2ResourceServerProperties.Jwt}.
     */
    private static final Map<String, List<String>> STARTER_PROPERTIES = Map.of(
            "spring-boot-starter-security-oauth2-resource-server", List.of(
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                    "spring.security.oauth2.resourceserver.jwt.public-key-location",
                    "spring.security.oauth2.resourceserver.jwt.audiences",
                    "spring.security.oauth2.resourceserver.jwt.jws-algorithms",
                    "spring.security.oauth2.resourceserver.jwt.principal-claim-name",
                    "spring.security.oauth2.resourceserver.jwt.authorities-claim-name",
                    "spring.security.oauth2.resourceserver.jwt.authorities-claim-delimiter",
                    "spring.security.oauth2.resourceserver.jwt.authority-prefix"));

    /** Record component types bound as one value; a component of any other type has settings below it. */
    private static final Set<String> SCALARS = Set.of("String", "int", "long", "boolean", "double", "Integer", "Long",
            "Boolean", "Double", "Duration", "ZoneId", "Period", "DataSize", "URI", "URL", "Path", "Charset", "Locale");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:(?:value|prefix)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)");
    private static final Pattern RECORD_HEADER = Pattern.compile("^\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
            + "(?:public\\s+|protected\\s+|private\\s+|static\\s+|final\\s+)*record\\s+(\\w+)\\s*\\(");
    private static final Pattern DEFAULT_VALUE = Pattern.compile("@DefaultValue\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(?:\\s*\\((?:[^()\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\))?");

    final Service service;
    /** Setting (canonical property name) → its default, or null when there is none. */
    final Map<String, String> properties;
    /** Settings whose every descendant is read too (free-key maps, lists and nested records). */
    final Set<String> openPrefixes;
    /** Placeholder name → its default, or null. */
    final Map<String, String> placeholders;
    /** {@code @ConfigurationProperties} record → its prefix, for diagnostics. */
    final Map<String, String> propertiesRecords;

    private ServiceSettings(Service service, Map<String, String> properties, Set<String> openPrefixes,
                            Map<String, String> placeholders, Map<String, String> propertiesRecords) {
        this.service = service;
        this.properties = Collections.unmodifiableMap(properties);
        this.openPrefixes = Collections.unmodifiableSet(openPrefixes);
        this.placeholders = Collections.unmodifiableMap(placeholders);
        this.propertiesRecords = Collections.unmodifiableMap(propertiesRecords);
    }

    static ServiceSettings of(Service service) {
        Map<String, String> properties = new TreeMap<>();
        Map<String, String> placeholders = new TreeMap<>();
        Map<String, String> records = new TreeMap<>();

        for (Path file : service.settingsFiles()) {
            for (Object document : Yamls.documents(file)) {
                flatten("", document, properties);
            }
        }
        properties.values().stream().filter(v -> v != null).forEach(value -> addPlaceholders(value, placeholders));
        properties.replaceAll((name, value) -> defaultOf(value));

        Set<String> open = new TreeSet<>(OPEN_MAPS);
        for (Path tree : service.mainJava()) {
            for (Path source : Repository.files(Repository.relative(tree), ".java")) {
                String code = Repository.read(source);
                addPlaceholders(code, placeholders);
                addRecordComponents(source, code, properties, open, records);
            }
        }
        String pom = Repository.read(service.module() + "/pom.xml");
        STARTER_PROPERTIES.forEach((starter, names) -> {
            if (pom.contains("<artifactId>" + starter + "</artifactId>")) {
                names.forEach(name -> properties.putIfAbsent(name, null));
            }
        });
        return new ServiceSettings(service, properties, open, placeholders, records);
    }

    /** The settings and placeholders the variable sets; empty if it sets none of them. */
    List<String> boundBy(String variable) {
        ConfigurationPropertySource environment = environment(variable);
        List<String> bound = new ArrayList<>();
        for (String property : properties.keySet()) {
            if (environment.getConfigurationProperty(name(property)) != null) {
                bound.add(property);
            }
        }
        for (String prefix : openPrefixes) {
            if (environment.containsDescendantOf(name(prefix)) == ConfigurationPropertyState.PRESENT) {
                bound.add(prefix + ".*");
            }
        }
        for (String placeholder : placeholders.keySet()) {
            boolean viaBinder = ConfigurationPropertyName.isValid(placeholder)
                    && environment.getConfigurationProperty(name(placeholder)) != null;
            // Placeholders that are not property names (PORT) are resolved by the plain property source,
            // which also tries the upper-case and underscore variants of the name.
            if (viaBinder || rawEnvironment(variable).containsProperty(placeholder)) {
                bound.add("${" + placeholder + "}");
            }
        }
        return bound;
    }

    /** Whether the service reads the variable: it sets a setting, or it is one of the standard ones. */
    boolean reads(String variable) {
        return isStandard(variable) || !boundBy(variable).isEmpty();
    }

    static boolean isStandard(String variable) {
        return STANDARD_VARIABLES.contains(variable) || STANDARD_PREFIXES.stream().anyMatch(variable::startsWith);
    }

    /** The defaults of whatever the variable sets (a setting's value in the settings file or record, a placeholder's default). */
    List<String> defaultsFor(String variable) {
        List<String> defaults = new ArrayList<>();
        for (String bound : boundBy(variable)) {
            String value = bound.startsWith("${")
                    ? placeholders.get(bound.substring(2, bound.length() - 1))
                    : properties.get(bound);
            if (value != null) {
                defaults.add(value);
            }
        }
        return defaults;
    }

    /** The service port: the default of {@code server.port}, resolved through its placeholder. */
    int defaultPort() {
        String port = properties.get("server.port");
        if (port == null) {
            throw new IllegalStateException(service.settingsFile() + " sets no server.port");
        }
        return Integer.parseInt(port);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static ConfigurationPropertySource environment(String variable) {
        return ConfigurationPropertySource.from(rawEnvironment(variable));
    }

    private static SystemEnvironmentPropertySource rawEnvironment(String variable) {
        // The name matters: Spring applies the environment-variable mapping only to a source named like this.
        return new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(variable, "value"));
    }

    private static ConfigurationPropertyName name(String property) {
        return ConfigurationPropertyName.isValid(property)
                ? ConfigurationPropertyName.of(property)
                : ConfigurationPropertyName.adapt(property, '.');
    }

    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
        } else if (!prefix.isEmpty()) {
            into.put(prefix, node == null || node instanceof Map<?, ?> || node instanceof List<?> ? null : String.valueOf(node));
        }
    }

    private static void addPlaceholders(String text, Map<String, String> into) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            into.putIfAbsent(matcher.group(1).trim(), matcher.group(2));
        }
    }

    /** A value that is one placeholder stands for the placeholder's default ({@code ${PORT:8081}} → 8081). */
    private static String defaultOf(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(value);
        return matcher.matches() ? matcher.group(2) : value;
    }

    /**
     * The components of every {@code @ConfigurationProperties} record in one source file. Anything else carrying
     * the annotation (a JavaBean class, a {@code @Bean} method) is refused, so that a new kind of settings
     * holder cannot be skipped silently: extend this method when one appears.
     */
    private static void addRecordComponents(Path source, String code, Map<String, String> properties,
                                            Set<String> open, Map<String, String> records) {
        Matcher annotation = CONFIGURATION_PROPERTIES.matcher(code);
        while (annotation.find()) {
            String prefix = annotation.group(1);
            String rest = code.substring(annotation.end());
            Matcher header = RECORD_HEADER.matcher(rest);
            if (!header.lookingAt()) {
                throw new IllegalStateException(Repository.relative(source) + ": @ConfigurationProperties(\"" + prefix
                        + "\") is not on a record; ServiceSettings only understands records, so extend it");
            }
            records.put(header.group(1), prefix);
            for (String component : components(rest, header.end() - 1)) {
                Matcher defaultValue = DEFAULT_VALUE.matcher(component);
                String value = defaultValue.find() ? defaultValue.group(1) : null;
                String[] words = ANNOTATION.matcher(component).replaceAll(" ").trim().split("\\s+");
                String property = prefix + "." + dashed(words[words.length - 1]);
                String type = words.length > 1 ? words[words.length - 2].replaceFirst("^.*\\.", "") : "";
                if (!SCALARS.contains(type) && !type.matches("[a-z].*")) {
                    // A list, map or nested record: users[0].username, jwt.issuer, ... are read as well.
                    open.add(property);
                }
                // The settings file, when it sets the property too, is what the service runs with.
                if (properties.get(property) == null) {
                    properties.put(property, value);
                }
            }
        }
    }

    /** The record components between the parenthesis at {@code open} and its match, split at top-level commas. */
    private static List<String> components(String code, int open) {
        List<String> components = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        StringBuilder current = new StringBuilder();
        for (int i = open + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString) {
                if (c == '\\') {
                    current.append(c).append(code.charAt(++i));
                    continue;
                }
                inString = c != '"';
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '<' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '>' || c == '}' || c == ']') {
                if (depth == 0 && c == ')') {
                    if (!current.toString().isBlank()) {
                        components.add(current.toString().trim());
                    }
                    return components;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                components.add(current.toString().trim());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        throw new IllegalStateException("Unbalanced record header");
    }

    /** {@code minVersionWait} → {@code min-version-wait}, the form Spring binds record components under. */
    static String dashed(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("service", service.id);
        summary.put("records", propertiesRecords);
        summary.put("placeholders", placeholders.keySet());
        return summary.toString();
    }
}
