package mx.gobiernoabierto.compromisos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import mx.gobiernoabierto.compromisos.deploy.DeploymentFiles.Resource;
import mx.gobiernoabierto.compromisos.deploy.ServiceSettings.Service;

/** deploy/k8s is wired together consistently and holds no credentials. */
class KubernetesTest {

    private static final String NAMESPACE = "compromisos";

    static Resource deployment(Service service) {
        return DeploymentFiles.workloads().stream()
                .filter(r -> "Deployment".equals(r.kind()) && service.id.equals(r.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No Deployment " + service.id + " in " + DeploymentFiles.K8S));
    }

    static Map<String, Object> container(Service service) {
        return DeploymentFiles.containers(deployment(service)).stream()
                .filter(c -> service.id.equals(c.get("name")))
                .findFirst()
                .orElseThrow();
    }

    /** The variables the service's container gets, with their values (null for Secret references). */
    static Map<String, String> environment(Service service) {
        Map<String, String> environment = new LinkedHashMap<>();
        DeploymentFiles.k8sAssignments().stream()
                .filter(a -> a.service() == service)
                .forEach(a -> environment.put(a.variable(), a.value()));
        return environment;
    }

    @Test
    void kustomizationListsExactlyTheManifestsAndNotTheExamples() {
        Map<String, Object> kustomization = Yamls.document(Repository.path(DeploymentFiles.K8S + "/kustomization.yaml"));
        assertThat(Yamls.list(kustomization.get("resources")).stream().map(String::valueOf))
                .containsExactlyInAnyOrderElementsOf(
                        DeploymentFiles.k8sFiles().stream().map(f -> f.getFileName().toString()).toList())
                .noneMatch(resource -> resource.startsWith("examples"));
        assertThat(Yamls.string(kustomization, "namespace")).isEqualTo(NAMESPACE);
        // The image names kustomize rewrites are the ones the Deployments use.
        List<String> images = Yamls.list(kustomization.get("images")).stream().map(i -> Yamls.string(i, "name")).toList();
        for (Service service : Service.values()) {
            String image = String.valueOf(container(service).get("image"));
            assertThat(images).as("kustomization images").contains(image.substring(0, image.lastIndexOf(':')));
        }
    }

    @Test
    void everyResourceIsInTheNamespace() {
        for (Resource resource : DeploymentFiles.k8sResources()) {
            if (!"Namespace".equals(resource.kind())) {
                assertThat(Yamls.string(resource.document(), "metadata", "namespace"))
                        .as(resource.kind() + "/" + resource.name()).isEqualTo(NAMESPACE);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void portsProbesAndScrapeAnnotationsAgreeWithPort(Service service) {
        Resource deployment = deployment(service);
        Map<String, Object> container = container(service);
        String port = environment(service).get("PORT");
        assertThat(port).as("PORT from the ConfigMap").isNotNull();

        Map<String, Object> http = Yamls.list(container.get("ports")).stream().map(Yamls::map)
                .filter(p -> "http".equals(p.get("name"))).findFirst().orElseThrow();
        assertThat(String.valueOf(http.get("containerPort"))).isEqualTo(port);

        Map<String, Object> annotations = Yamls.map(Yamls.at(deployment.document(), "spec", "template", "metadata", "annotations"));
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/actuator/prometheus")
                .containsEntry("prometheus.io/port", port);

        assertThat(Yamls.string(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(Yamls.string(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(Yamls.string(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(Yamls.string(container, probe, "httpGet", "port")).as(probe + " port").isIn("http", port);
        }

        assertThat(Yamls.at(container, "resources", "requests", "cpu")).isNotNull();
        assertThat(Yamls.at(container, "resources", "requests", "memory")).isNotNull();
        assertThat(Yamls.at(container, "resources", "limits", "memory")).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void theServiceSelectsThePodsAndTargetsTheirPort(Service service) {
        Resource deployment = deployment(service);
        Resource svc = DeploymentFiles.k8sResources().stream()
                .filter(r -> "Service".equals(r.kind()) && service.id.equals(r.name()))
                .findFirst().orElseThrow();
        Map<String, Object> podLabels = Yamls.map(Yamls.at(deployment.document(), "spec", "template", "metadata", "labels"));
        assertThat(podLabels).containsAllEntriesOf(Yamls.map(Yamls.at(deployment.document(), "spec", "selector", "matchLabels")));
        assertThat(podLabels).containsAllEntriesOf(Yamls.map(Yamls.at(svc.document(), "spec", "selector")));
        assertThat(Yamls.list(Yamls.at(svc.document(), "spec", "ports"))).allSatisfy(p ->
                assertThat(Yamls.string(p, "targetPort")).isIn("http", environment(service).get("PORT")));
    }

    @Test
    void oneCommandServiceAndQueryReplicasWithinThePartitions() {
        Map<String, String> command = environment(Service.COMMAND);
        Map<String, String> query = environment(Service.QUERY);
        assertThat(query.get("COMPROMISOS_QUERY_TOPIC")).isEqualTo(command.get("COMPROMISOS_TOPIC")).isNotNull();
        assertThat(query.get("COMPROMISOS_QUERY_TOPIC_PARTITIONS"))
                .isEqualTo(command.get("COMPROMISOS_TOPIC_PARTITIONS")).isNotNull();
        assertThat(query.get("SPRING_KAFKA_CONSUMER_GROUP_ID")).as("one consumer group for all replicas").isNotBlank();

        assertThat(Yamls.at(deployment(Service.COMMAND).document(), "spec", "replicas")).isEqualTo(1);
        int partitions = Integer.parseInt(query.get("COMPROMISOS_QUERY_TOPIC_PARTITIONS"));
        assertThat((Integer) Yamls.at(deployment(Service.QUERY).document(), "spec", "replicas")).isBetween(2, partitions);
    }

    /**
     * Credentials come only from Secrets the manifests reference but do not create; examples/ documents each
     * (name and keys) with placeholder values, and is not applied.
     */
    @Test
    void secretsAreReferencedDocumentedAndNotShipped() {
        assertThat(DeploymentFiles.k8sResources()).noneMatch(r -> "Secret".equals(r.kind()));

        List<Resource> examples = DeploymentFiles.resources(Repository.files(DeploymentFiles.K8S_EXAMPLES, ".yaml", ".yml"));
        String readme = Repository.read(DeploymentFiles.K8S + "/README.md");
        List<String> referenced = new ArrayList<>();
        for (Resource workload : DeploymentFiles.workloads()) {
            for (Map<String, Object> container : DeploymentFiles.containers(workload)) {
                for (Object env : Yamls.list(container.get("env"))) {
                    String secret = Yamls.string(env, "valueFrom", "secretKeyRef", "name");
                    String key = Yamls.string(env, "valueFrom", "secretKeyRef", "key");
                    if (secret != null) {
                        referenced.add(secret);
                        assertThat(readme).as("k8s README documents " + secret).contains(secret);
                        assertThat(examples).as("examples/ shows " + secret + " with key " + key).anySatisfy(example -> {
                            assertThat(example.name()).isEqualTo(secret);
                            assertThat(Yamls.map(example.document().get("stringData"))).containsKey(key);
                        });
                    }
                }
            }
        }
        assertThat(referenced).as("Secret references").isNotEmpty();
        for (Resource example : examples) {
            assertThat(Yamls.map(example.document().get("stringData")).values()).as(Repository.relative(example.file()))
                    .allSatisfy(value -> assertThat(value).isEqualTo("REPLACE_ME"));
            assertThat(example.document()).doesNotContainKey("data");
        }
    }

    /** The demo profile's users have published passwords; it belongs to the local stacks only. */
    @Test
    void noDeploymentActivatesTheDemoProfile() {
        assertThat(DeploymentFiles.k8sAssignments())
                .filteredOn(a -> a.variable().equals("SPRING_PROFILES_ACTIVE") && a.value() != null)
                .allSatisfy(a -> assertThat(a.value()).as(a.toString()).doesNotContainIgnoringCase("demo"));
    }

    @Test
    void theConfigMapsHoldNoCredentials() {
        for (Resource resource : DeploymentFiles.k8sResources()) {
            if ("ConfigMap".equals(resource.kind())) {
                assertThat(Yamls.map(resource.document().get("data")).keySet()).as(resource.name())
                        .noneMatch(key -> key.contains("PASSWORD") || key.contains("SECRET") || key.contains("TOKEN"));
            }
        }
    }
}
