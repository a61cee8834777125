package dev.broadsheet.deploy;

import static dev.broadsheet.deploy.Manifests.list;
import static dev.broadsheet.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.broadsheet.ApiTest;
import dev.broadsheet.deploy.Manifests.Container;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deploy files, checked as far as a machine without Docker or a cluster allows: the settings they pass
 * are real configuration properties, the probes ask real endpoints of the running application, and every
 * container has resources and runs hardened.
 */
@ApiTest
class DeployManifestsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String WRITABLE_ROOT = "broadsheet.dev/writable-root-filesystem";
    private static final String COMPOSE_EXCEPTION = "x-writable-root-filesystem";

    @LocalServerPort
    int port;

    @Test
    void everyVariableGivenToBroadsheetSetsARealConfigurationPropertyOrTheImagesEntrypoint() {
        ConfigurationCatalog catalog = ConfigurationCatalog.fromClasspath();
        assertThat(catalog.count("broadsheet.")).as("Broadsheet's own metadata is generated").isGreaterThan(20);
        String dockerfile = Manifests.read("Dockerfile");
        List<Container> broadsheet = broadsheetContainers();
        assertThat(broadsheet).hasSizeGreaterThanOrEqualTo(3);
        List<String> checked = new ArrayList<>();
        for (Container container : broadsheet) {
            container.environment().keySet().forEach(variable -> {
                boolean forEntrypoint = dockerfile.contains("$" + variable);
                assertThat(forEntrypoint || catalog.propertySetBy(variable).isPresent())
                        .as("%s sets %s, which is no configuration property", container.where(), variable).isTrue();
                checked.add(variable);
            });
        }
        assertThat(checked).contains("SPRING_MONGODB_URI", "SPRING_PROFILES_ACTIVE", "BROADSHEET_ACTUATOR_ACCESS",
                "BROADSHEET_SECURITY_BOOTSTRAP_ADMIN_TOKEN", "MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE",
                "LOGGING_STRUCTURED_FORMAT_CONSOLE");
        assertThat(catalog.propertySetBy("BROADSHEET_ACTUATOR_ACESS")).as("a misspelt variable is caught").isEmpty();
        assertThat(catalog.propertySetBy("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDES")).isEmpty();
    }

    @Test
    void everyProbeAndHealthcheckAsksAnEndpointThatAnswersUpWithoutAToken() {
        List<String> paths = new ArrayList<>();
        for (Container container : broadsheetContainers()) {
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> httpGet = map(map(container.spec().get(probe)).get("httpGet"));
                if (!httpGet.isEmpty()) {
                    assertThat(portNames(container)).as(container.where() + " " + probe).contains(httpGet.get("port"));
                    paths.add((String) httpGet.get("path"));
                }
            }
            List<?> healthcheck = (List<?>) map(container.spec().get("healthcheck")).getOrDefault("test", List.of());
            healthcheck.forEach(word -> localPaths(String.valueOf(word)).forEach(paths::add));
        }
        localPaths(Manifests.read("Dockerfile")).forEach(paths::add);
        Matcher vclProbe = Pattern.compile("\\.url\\s*=\\s*\"([^\"]+)\"").matcher(Manifests.read("k8s/varnish/default.vcl"));
        while (vclProbe.find()) {
            paths.add(vclProbe.group(1));
        }

        assertThat(paths).contains("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health");
        for (String path : paths) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components", "details");
        }
    }

    @Test
    void everyKubernetesContainerHasResourcesAndRunsAsNonRootOnAReadOnlyRootWherePossible() {
        List<Container> containers = Manifests.kubernetesContainers();
        assertThat(containers).extracting(Container::image).contains("broadsheet:0.1.0-SNAPSHOT", "varnish:7.6", "mongo:7");
        for (Container container : containers) {
            Map<String, Object> resources = map(container.spec().get("resources"));
            assertThat(map(resources.get("requests"))).as(container.where() + " requests").containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"))).as(container.where() + " limits").containsKey("memory");
            Map<String, Object> pod = map(container.podSpec().get("securityContext"));
            Map<String, Object> own = map(container.spec().get("securityContext"));
            assertThat(own.getOrDefault("runAsNonRoot", pod.get("runAsNonRoot"))).as(container.where() + " runAsNonRoot")
                    .isEqualTo(true);
            assertThat(own.getOrDefault("runAsUser", pod.get("runAsUser"))).as(container.where() + " runAsUser")
                    .isNotNull().isNotEqualTo(0);
            assertThat(own.get("allowPrivilegeEscalation")).as(container.where()).isEqualTo(false);
            boolean excepted = container.annotations().containsKey(WRITABLE_ROOT) && !container.isBroadsheet();
            if (!excepted) {
                assertThat(own.get("readOnlyRootFilesystem")).as(container.where() + " readOnlyRootFilesystem").isEqualTo(true);
                assertThat(map(own.get("capabilities")).get("drop")).as(container.where()).isEqualTo(List.of("ALL"));
            }
        }
    }

    @Test
    void everyComposeServiceHasLimitsAndBroadsheetAndTheCacheRunAsNonRootOnAReadOnlyRoot() {
        List<Container> services = Manifests.composeServices();
        assertThat(services).extracting(Container::image).contains("broadsheet:0.1.0-SNAPSHOT", "varnish:7.6");
        for (Container service : services) {
            assertThat(service.spec()).as(service.where()).containsKeys("cpus", "mem_limit");
            if (service.spec().containsKey(COMPOSE_EXCEPTION) && !service.isBroadsheet()) {
                continue;
            }
            assertThat(String.valueOf(service.spec().get("user"))).as(service.where() + " user").matches("[1-9][0-9]*:[0-9]+");
            assertThat(service.spec().get("read_only")).as(service.where() + " read_only").isEqualTo(true);
            assertThat(service.spec().get("cap_drop")).as(service.where()).isEqualTo(List.of("ALL"));
        }
    }

    @Test
    void kubernetesScalesBroadsheetKeepsItAvailableAndPutsThePurgeableCacheInFront() {
        List<Map<String, Object>> objects = Manifests.kubernetesObjects();
        Map<String, Object> hpa = only(objects, "HorizontalPodAutoscaler", "broadsheet");
        assertThat(map(map(hpa.get("spec")).get("scaleTargetRef"))).containsEntry("kind", "Deployment")
                .containsEntry("name", "broadsheet");
        assertThat((Integer) map(hpa.get("spec")).get("minReplicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> podLabels = map(map(map(map(map(only(objects, "Deployment", "broadsheet").get("spec"))
                .get("template")).get("metadata"))).get("labels"));
        Map<String, Object> pdbSelector = map(map(map(only(objects, "PodDisruptionBudget", "broadsheet").get("spec"))
                .get("selector")).get("matchLabels"));
        assertThat(podLabels).containsAllEntriesOf(pdbSelector);
        assertThat(pdbSelector).isNotEmpty();
        only(objects, "PodDisruptionBudget", "broadsheet-cache");
        Map<String, Object> cache = map(only(objects, "StatefulSet", "broadsheet-cache").get("spec"));
        assertThat(cache.get("serviceName")).isEqualTo("broadsheet-cache-purge");
        assertThat(list(map(only(objects, "Service", "broadsheet-cache-purge").get("spec")).get("ports")))
                .extracting(p -> p.get("port")).containsExactly(6091);

        String vcl = Manifests.read("k8s/varnish/default.vcl");
        assertThat(vcl).contains("set beresp.http.xkey = beresp.http.Surrogate-Key;")
                .contains("xkey.purge(req.http.Surrogate-Key)").contains("local.socket == \"purge\"");
        assertThat(Manifests.read("k8s/kustomization.yaml")).contains("varnish.yaml", "varnish/default.vcl");
    }

    /** Where kubectl is installed (not on every machine of this project), the kustomization must build. */
    @Test
    void theKustomizationBuildsWhereKubectlIsInstalled() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        Tool.Result built = Tool.run(Path.of("."), "kubectl", "kustomize", "deploy/k8s");

        assertThat(built.exitCode()).as(built.output()).isZero();
        assertThat(built.output()).containsPattern("name: broadsheet-cache-vcl-[a-z0-9]+")
                .contains("kind: HorizontalPodAutoscaler", "kind: PodDisruptionBudget", "kind: StatefulSet");
    }

    /**
     * Where Varnish and varnish-modules are installed ({@code apt-get install varnish varnish-modules}), both
     * VCL variants compile. Backend host names must resolve when VCL compiles, so they become 127.0.0.1 here.
     */
    @Test
    void theVclCompilesForComposeAndKubernetesWhereVarnishIsInstalled(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("varnishd"), "varnishd is not installed");
        Map<String, String> backends = Map.of("k8s", "k8s/varnish/backends.vcl", "compose", "varnish-compose-backends.vcl");
        // varnishd started as root compiles as its own unprivileged user, which must read the files.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Map.Entry<String, String> variant : backends.entrySet()) {
            Path vclDir = Files.createDirectories(dir.resolve(variant.getKey()));
            Files.writeString(vclDir.resolve("default.vcl"), Manifests.read("k8s/varnish/default.vcl"));
            Files.writeString(vclDir.resolve("backends.vcl"),
                    Manifests.read(variant.getValue()).replaceAll("\\.host = \"[^\"]+\"", ".host = \"127.0.0.1\""));

            Tool.Result compiled = Tool.run(vclDir, "varnishd", "-C", "-p", "vcl_path=" + vclDir, "-n",
                    vclDir.resolve("work").toString(), "-f", vclDir.resolve("default.vcl").toString());

            assertThat(compiled.exitCode()).as(variant.getKey() + ": " + compiled.output()).isZero();
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static List<Container> broadsheetContainers() {
        return Stream.concat(Manifests.kubernetesContainers().stream(), Manifests.composeServices().stream())
                .filter(Container::isBroadsheet).toList();
    }

    private static List<Object> portNames(Container container) {
        return list(container.spec().get("ports")).stream().map(p -> p.get("name")).toList();
    }

    /** Paths of http://localhost:8080/... URLs in a healthcheck command. */
    private static List<String> localPaths(String text) {
        List<String> paths = new ArrayList<>();
        Matcher url = Pattern.compile("http://localhost:8080(/[\\w/.-]*)").matcher(text);
        while (url.find()) {
            paths.add(url.group(1));
        }
        return paths;
    }

    private static Map<String, Object> only(List<Map<String, Object>> objects, String kind, String name) {
        List<Map<String, Object>> found = objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(map(o.get("metadata")).get("name"))).toList();
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.get(0);
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
