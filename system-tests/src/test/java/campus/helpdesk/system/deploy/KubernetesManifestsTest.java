package campus.helpdesk.system.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kustomize base, checked offline as far as possible without a cluster: every file the kustomization
 * lists, and the references between the objects (labels, ports, probes, ConfigMap and Secret keys, HPAs).
 */
class KubernetesManifestsTest {

    static final String BASE = "deploy/k8s/";
    static List<Map<String, Object>> objects;

    @BeforeAll
    static void load() {
        objects = new ArrayList<>();
        for (Object file : Repo.list(Repo.yaml(BASE + "kustomization.yaml"), "resources")) {
            objects.addAll(Repo.yamlDocuments(BASE + file));
        }
    }

    static List<ServiceConfig> services() {
        return ServiceConfig.all();
    }

    static Map<String, Object> find(String kind, String name) {
        return objects.stream()
            .filter(o -> kind.equals(o.get("kind")) && name.equals(Repo.at(o, "metadata", "name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + BASE));
    }

    static Map<String, Object> container(ServiceConfig config) {
        var containers = Repo.list(find("Deployment", config.module()), "spec", "template", "spec", "containers");
        assertThat(containers).as(config.module()).hasSize(1);
        return Repo.map(containers.getFirst());
    }

    @Test
    void everyListedResourceParsesAndHasAKindAndAName() {
        assertThat(objects).isNotEmpty().allSatisfy(o -> {
            assertThat(o.get("apiVersion")).isNotNull();
            assertThat(o.get("kind")).isNotNull();
            assertThat(Repo.at(o, "metadata", "name")).isNotNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theContainerListensOnTheServicesPortAndTheServiceRoutesToIt(ServiceConfig config) {
        var ports = Repo.list(container(config), "ports");
        assertThat(ports).hasSize(1);
        assertThat(Repo.at(ports.getFirst(), "containerPort")).isEqualTo(config.port());
        var service = find("Service", config.module());
        var servicePort = Repo.list(service, "spec", "ports").getFirst();
        assertThat(Repo.at(servicePort, "port")).isEqualTo(config.port());
        assertThat(resolvePort(config, Repo.at(servicePort, "targetPort"))).isEqualTo(config.port());
        assertThat(Repo.at(container(config), "env")).isNotNull();
        assertThat(envValue(config, "HELPDESK_PORT")).isEqualTo(String.valueOf(config.port()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theServiceSelectsExactlyThePodsOfItsDeployment(ServiceConfig config) {
        var deployment = find("Deployment", config.module());
        var selector = Repo.map(find("Service", config.module()), "spec", "selector");
        var podLabels = Repo.map(deployment, "spec", "template", "metadata", "labels");
        assertThat(selector).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(selector);
        assertThat(podLabels).containsAllEntriesOf(Repo.map(deployment, "spec", "selector", "matchLabels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void livenessAndReadinessProbeTheHealthEndpoint(ServiceConfig config) {
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            Object path = Repo.at(container(config), probe, "httpGet", "path");
            assertThat(path).as(config.module() + " " + probe).isNotNull();
            assertThat(path.toString()).as(config.module() + " " + probe).startsWith(config.healthPath());
            assertThat(resolvePort(config, Repo.at(container(config), probe, "httpGet", "port")))
                .isEqualTo(config.port());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void requestsAndLimitsCpuAndMemory(ServiceConfig config) {
        var resources = Repo.map(container(config), "resources");
        assertThat(Repo.map(resources, "requests")).containsKeys("cpu", "memory");
        assertThat(Repo.map(resources, "limits")).containsKey("memory");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyVariableIsOneTheServiceReadsAndEveryReferenceExists(ServiceConfig config) {
        for (Object entry : Repo.list(container(config), "env")) {
            String name = String.valueOf(Repo.at(entry, "name"));
            assertThat(config.reads()).as(config.module() + " reads " + name).contains(name);
            var configMapRef = Repo.map(entry, "valueFrom", "configMapKeyRef");
            if (!configMapRef.isEmpty()) {
                assertThat(Repo.map(find("ConfigMap", (String) configMapRef.get("name")), "data"))
                    .as(name).containsKey((String) configMapRef.get("key"));
            }
            var secretRef = Repo.map(entry, "valueFrom", "secretKeyRef");
            if (!secretRef.isEmpty()) {
                var secret = find("Secret", (String) secretRef.get("name"));
                var keys = new java.util.HashSet<>(Repo.map(secret, "stringData").keySet());
                keys.addAll(Repo.map(secret, "data").keySet());
                assertThat(keys).as(name).contains((String) secretRef.get("key"));
            }
        }
        var names = Repo.list(container(config), "env").stream().map(e -> Repo.at(e, "name")).toList();
        assertThat(names).as(config.module() + " gets every variable without a default")
            .containsAll(config.required());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void kubernetesAndComposeGiveTheServiceTheSameVariables(ServiceConfig config) {
        var names = Repo.list(container(config), "env").stream().map(e -> Repo.at(e, "name")).toList();
        var compose = Repo.map(Repo.yaml("docker-compose.yml"), "services", config.module(), "environment");
        assertThat(names).containsExactlyInAnyOrderElementsOf(compose.keySet());
    }

    @Test
    void theDatabaseUrlAndTheStaffCodeComeFromTheSecret() {
        var secret = Repo.map(find("Secret", "helpdesk-secrets"), "stringData");
        assertThat(secret).containsKeys("HELPDESK_DB_URL", "HELPDESK_DB_PASSWORD", "HELPDESK_STAFF_CODE",
            "HELPDESK_SESSION_SECRET");
    }

    @Test
    void serviceAddressesInTheConfigMapNameClusterServicesAndTheirPorts() {
        Repo.map(find("ConfigMap", "helpdesk-config"), "data").forEach((key, value) -> {
            if (key.endsWith("_URL")) {
                var uri = java.net.URI.create(value.toString());
                var target = find("Service", uri.getHost());
                assertThat(Repo.at(Repo.list(target, "spec", "ports").getFirst(), "port")).as(key)
                    .isEqualTo(uri.getPort());
            }
        });
    }

    @Test
    void theGatewayAndTicketServiceAutoscaleTheirDeployments() {
        var hpas = objects.stream().filter(o -> "HorizontalPodAutoscaler".equals(o.get("kind"))).toList();
        assertThat(hpas.stream().map(h -> Repo.at(h, "spec", "scaleTargetRef", "name")))
            .containsExactlyInAnyOrder("gateway", "ticket-service");
        for (var hpa : hpas) {
            var target = Repo.map(hpa, "spec", "scaleTargetRef");
            assertThat(target.get("kind")).isEqualTo("Deployment");
            find("Deployment", (String) target.get("name"));
            assertThat((Integer) Repo.at(hpa, "spec", "minReplicas"))
                .isLessThanOrEqualTo((Integer) Repo.at(hpa, "spec", "maxReplicas"));
        }
    }

    /** A probe or targetPort may name the container port ("http") or give its number. */
    static int resolvePort(ServiceConfig config, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        return Repo.list(container(config), "ports").stream()
            .filter(p -> Objects.equals(Repo.at(p, "name"), port))
            .map(p -> (Integer) Repo.at(p, "containerPort"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(config.module() + ": no container port named " + port));
    }

    static String envValue(ServiceConfig config, String name) {
        return Repo.list(container(config), "env").stream()
            .filter(e -> name.equals(Repo.at(e, "name")))
            .map(e -> String.valueOf(Repo.at(e, "value")))
            .findFirst().orElse(null);
    }
}
