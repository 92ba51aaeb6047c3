package mx.gobiernoabierto.compromisos.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mx.gobiernoabierto.compromisos.deploy.ServiceSettings.Service;

/** The deployment files and the environment variables they give each service. */
final class DeploymentFiles {

    static final String COMPOSE = "deploy/compose/compose.yaml";
    static final String K8S = "deploy/k8s";
    static final String K8S_EXAMPLES = "deploy/k8s/examples";

    /** One variable given to one service by one file; {@code value} is null when it comes from a Secret. */
    record Assignment(String where, Service service, String variable, String value) {
        @Override
        public String toString() {
            return where + ": " + variable;
        }
    }

    private DeploymentFiles() {
    }

    // --- compose ---------------------------------------------------------------------------------------------

    static Map<String, Object> compose() {
        return Yamls.document(Repository.path(COMPOSE));
    }

    static Map<String, Object> composeService(String name) {
        Map<String, Object> service = Yamls.map(Yamls.at(compose(), "services", name));
        if (service.isEmpty()) {
            throw new AssertionError(COMPOSE + " has no service " + name);
        }
        return service;
    }

    /** A compose service's {@code environment}, in either of compose's two spellings (map or list of K=V). */
    static Map<String, String> composeEnvironment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object node = service.get("environment");
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> environment.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else {
            for (Object entry : Yamls.list(node)) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return environment;
    }

    /** The variables compose gives the two application services (the infrastructure images are not checked). */
    static List<Assignment> composeAssignments() {
        List<Assignment> assignments = new ArrayList<>();
        Yamls.map(compose().get("services")).forEach((name, service) -> {
            Optional<Service> app = Service.byId(name);
            if (app.isPresent()) {
                if (Yamls.map(service).containsKey("env_file")) {
                    throw new AssertionError(COMPOSE + " service " + name
                            + " uses env_file; name its variables under environment so they can be checked");
                }
                composeEnvironment(Yamls.map(service)).forEach((variable, value) ->
                        assignments.add(new Assignment(COMPOSE + " services." + name, app.get(), variable, value)));
            }
        });
        return assignments;
    }

    // --- Kubernetes ------------------------------------------------------------------------------------------

    /** The files applied by {@code kubectl apply -k deploy/k8s}: the top-level YAML files, without examples/. */
    static List<Path> k8sFiles() {
        return Repository.files(K8S, ".yaml", ".yml").stream()
                .filter(file -> file.getParent().equals(Repository.path(K8S)))
                .filter(file -> !file.getFileName().toString().startsWith("kustomization."))
                .toList();
    }

    record Resource(Path file, Map<String, Object> document) {
        String kind() {
            return Yamls.string(document, "kind");
        }

        String name() {
            return Yamls.string(document, "metadata", "name");
        }
    }

    static List<Resource> k8sResources() {
        return resources(k8sFiles());
    }

    static List<Resource> resources(List<Path> files) {
        List<Resource> resources = new ArrayList<>();
        for (Path file : files) {
            for (Object document : Yamls.documents(file)) {
                if (document != null) {
                    resources.add(new Resource(file, Yamls.map(document)));
                }
            }
        }
        return resources;
    }

    static Map<String, String> configMap(String name) {
        return k8sResources().stream()
                .filter(resource -> "ConfigMap".equals(resource.kind()) && name.equals(resource.name()))
                .findFirst()
                .map(resource -> {
                    Map<String, String> data = new LinkedHashMap<>();
                    Yamls.map(resource.document().get("data")).forEach((k, v) -> data.put(k, String.valueOf(v)));
                    return data;
                })
                .orElseThrow(() -> new AssertionError("No ConfigMap " + name + " in " + K8S));
    }

    static List<Map<String, Object>> containers(Resource workload) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String list : List.of("initContainers", "containers")) {
            Yamls.list(Yamls.at(workload.document(), "spec", "template", "spec", list)).forEach(c -> containers.add(Yamls.map(c)));
        }
        return containers;
    }

    static List<Resource> workloads() {
        return k8sResources().stream()
                .filter(r -> List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob").contains(r.kind()))
                .toList();
    }

    /**
     * The variables each container of a service gets: {@code env} entries and every key of the ConfigMaps it
     * imports with {@code envFrom}. A Secret imported whole with {@code envFrom} is refused: its keys are not in
     * the repository, so nobody could check them.
     */
    static List<Assignment> k8sAssignments() {
        List<Assignment> assignments = new ArrayList<>();
        for (Resource workload : workloads()) {
            for (Map<String, Object> container : containers(workload)) {
                String containerName = String.valueOf(container.get("name"));
                Service service = Service.byId(containerName).orElseThrow(() -> new AssertionError(
                        Repository.relative(workload.file()) + ": container " + containerName + " is neither service"));
                String where = Repository.relative(workload.file()) + " " + workload.kind() + "/" + workload.name();
                for (Object from : Yamls.list(container.get("envFrom"))) {
                    String prefix = Optional.ofNullable(Yamls.string(from, "prefix")).orElse("");
                    String configMap = Yamls.string(from, "configMapRef", "name");
                    if (Yamls.at(from, "secretRef") != null) {
                        throw new AssertionError(where + ": envFrom secretRef hides which variables the pod gets;"
                                + " use env entries with valueFrom.secretKeyRef");
                    }
                    configMap(configMap).forEach((key, value) -> assignments.add(
                            new Assignment(where + " (ConfigMap " + configMap + ")", service, prefix + key, value)));
                }
                for (Object env : Yamls.list(container.get("env"))) {
                    String value = Yamls.at(env, "valueFrom") != null ? null : Yamls.string(env, "value");
                    assignments.add(new Assignment(where, service, Yamls.string(env, "name"), value));
                }
            }
        }
        return assignments;
    }

    // --- Dockerfiles -----------------------------------------------------------------------------------------

    static Path dockerfile(Service service) {
        return Repository.path("deploy/docker/" + service.id + ".Dockerfile");
    }

    private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

    /** {@code ENV K=V ...} lines of a Dockerfile (continuation lines joined). */
    static Map<String, String> dockerfileEnvironment(Service service) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String instruction : dockerInstructions(service)) {
            if (instruction.startsWith("ENV ")) {
                Matcher pair = ENV_PAIR.matcher(instruction.substring(4));
                while (pair.find()) {
                    environment.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
                }
            }
        }
        return environment;
    }

    static List<Assignment> dockerfileAssignments() {
        List<Assignment> assignments = new ArrayList<>();
        for (Service service : Service.values()) {
            dockerfileEnvironment(service).forEach((variable, value) -> assignments.add(
                    new Assignment(Repository.relative(dockerfile(service)), service, variable, value)));
        }
        return assignments;
    }

    /** The instructions of a Dockerfile, comments dropped and backslash continuations joined. */
    static List<String> dockerInstructions(Service service) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Repository.read(dockerfile(service)).split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return instructions;
    }
}
