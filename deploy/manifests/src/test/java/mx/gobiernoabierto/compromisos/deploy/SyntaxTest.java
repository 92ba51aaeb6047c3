package mx.gobiernoabierto.compromisos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every YAML and JSON file of the deployment parses, so a typo fails the build rather than a deployment. */
class SyntaxTest {

    private static final List<String> YAML_DIRECTORIES = List.of("deploy/compose", "deploy/k8s", "deploy/prometheus",
            "deploy/grafana");
    private static final List<String> JSON_DIRECTORIES = List.of("deploy/grafana");

    /** Duplicate keys are errors here too (Grafana would keep one of them without a word). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static List<Path> yamlFiles() {
        List<Path> files = new ArrayList<>();
        YAML_DIRECTORIES.forEach(directory -> files.addAll(Repository.files(directory, ".yaml", ".yml")));
        return files;
    }

    static List<Path> jsonFiles() {
        List<Path> files = new ArrayList<>();
        JSON_DIRECTORIES.forEach(directory -> files.addAll(Repository.files(directory, ".json")));
        return files;
    }

    static JsonNode json(Path file) {
        return JSON.readTree(Repository.read(file));
    }

    @Test
    void theFilesAreFound() {
        // Guards against a wrong repository root, which would make every other check here pass vacuously.
        assertThat(yamlFiles()).extracting(Repository::relative).contains(DeploymentFiles.COMPOSE,
                "deploy/k8s/kustomization.yaml", "deploy/prometheus/prometheus.yml");
        assertThat(jsonFiles()).extracting(Repository::relative).contains("deploy/grafana/dashboards/compromisos.json");
    }

    @TestFactory
    Stream<DynamicTest> everyYamlDocumentParses() {
        return yamlFiles().stream().map(file -> DynamicTest.dynamicTest(Repository.relative(file), () -> {
            List<Object> documents = Yamls.documents(file);
            assertThat(documents).as("documents").isNotEmpty();
            // An empty document (e.g. a stray "---" at the end) is harmless; anything else must be a mapping.
            assertThat(documents).allSatisfy(document -> {
                if (document != null) {
                    assertThat(document).as("a document").isInstanceOf(java.util.Map.class);
                }
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyJsonFileParses() {
        return jsonFiles().stream().map(file -> DynamicTest.dynamicTest(Repository.relative(file), () ->
                assertThat(json(file).isObject()).as("a JSON object").isTrue()));
    }
}
