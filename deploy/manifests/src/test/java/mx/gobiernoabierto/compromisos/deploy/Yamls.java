package mx.gobiernoabierto.compromisos.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Strict YAML reading and small helpers to walk the loaded maps and lists. */
final class Yamls {

    private Yamls() {
    }

    /**
     * Every document of a YAML file (compose, Kubernetes and Spring files may hold several, separated by
     * {@code ---}). Duplicate keys are an error: kubectl, compose and Spring would each silently keep one of them.
     */
    static List<Object> documents(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Object> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(Repository.read(file))) {
            documents.add(document);
        }
        return documents;
    }

    /** The single document of a file that must hold exactly one mapping. */
    static Map<String, Object> document(Path file) {
        List<Object> documents = documents(file);
        if (documents.size() != 1 || !(documents.getFirst() instanceof Map<?, ?>)) {
            throw new IllegalStateException(Repository.relative(file) + " should hold one YAML mapping");
        }
        return map(documents.getFirst());
    }

    /** The value at a path of keys, or null when any step is missing. */
    static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static String string(Object node, String... keys) {
        Object value = at(node, keys);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }

    static List<?> list(Object node) {
        return node instanceof List<?> list ? list : List.of();
    }
}
