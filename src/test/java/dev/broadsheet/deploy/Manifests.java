package dev.broadsheet.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The files under {@code deploy/}, parsed: Kubernetes objects (every document of every YAML) and the compose file. */
final class Manifests {

    static final Path DEPLOY = Path.of("deploy");

    /** A container of a Kubernetes workload, or a compose service, with the environment it gets. */
    record Container(String where, String image, Map<String, Object> spec, Map<String, Object> podSpec,
            Map<String, String> annotations, Map<String, String> environment) {

        boolean isBroadsheet() {
            return image.startsWith("broadsheet:") || image.startsWith("broadsheet/");
        }
    }

    private Manifests() {
    }

    static List<Map<String, Object>> kubernetesObjects() {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : yaml().loadAll(Files.readString(file))) {
                    if (document instanceof Map<?, ?> object && object.containsKey("kind")) {
                        objects.add(map(object));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static Map<String, Object> compose() {
        return map(yaml().load(read("compose.yaml")));
    }

    static String read(String file) {
        try {
            return Files.readString(DEPLOY.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Containers of every Deployment, StatefulSet, DaemonSet and Job, with env and envFrom (ConfigMaps) resolved. */
    static List<Container> kubernetesContainers() {
        List<Map<String, Object>> objects = kubernetesObjects();
        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        objects.stream().filter(o -> "ConfigMap".equals(o.get("kind")))
                .forEach(o -> configMaps.put((String) map(o.get("metadata")).get("name"), map(o.get("data"))));
        List<Container> containers = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            if (!List.of("Deployment", "StatefulSet", "DaemonSet", "Job").contains(object.get("kind"))) {
                continue;
            }
            Map<String, Object> template = map(map(object.get("spec")).get("template"));
            Map<String, Object> podSpec = map(template.get("spec"));
            Map<String, String> annotations = strings(map(map(template.get("metadata")).get("annotations")));
            for (Map<String, Object> container : list(podSpec.get("containers"))) {
                Map<String, String> environment = new LinkedHashMap<>();
                for (Map<String, Object> from : list(container.get("envFrom"))) {
                    String name = (String) map(from.get("configMapRef")).get("name");
                    environment.putAll(strings(configMaps.getOrDefault(name, Map.of())));
                }
                for (Map<String, Object> variable : list(container.get("env"))) {
                    environment.put((String) variable.get("name"), String.valueOf(variable.getOrDefault("value", "")));
                }
                containers.add(new Container(object.get("kind") + " " + map(object.get("metadata")).get("name") + "/"
                        + container.get("name"), (String) container.get("image"), container, podSpec, annotations,
                        environment));
            }
        }
        return containers;
    }

    /** Every compose service (YAML merge keys resolved), as a container. */
    static List<Container> composeServices() {
        List<Container> services = new ArrayList<>();
        map(compose().get("services")).forEach((name, service) -> {
            Map<String, Object> spec = map(service);
            services.add(new Container("compose service " + name, String.valueOf(spec.get("image")), spec, spec, Map.of(),
                    strings(map(spec.get("environment")))));
        });
        return services;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }
}
