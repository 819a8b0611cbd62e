package campus.helpdesk.system.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

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
        var kustomization = Repo.yaml(BASE + "kustomization.yaml");
        for (Object file : Repo.list(kustomization, "resources")) {
            objects.addAll(Repo.yamlDocuments(BASE + file));
        }
        for (Object generator : Repo.list(kustomization, "secretGenerator")) {
            objects.add(generatedSecret(Repo.map(generator)));
        }
    }

    /**
     * The Secret a secretGenerator makes, with the keys of its env files. Those files are git-ignored and
     * written by whoever deploys, so the committed "&lt;file&gt;.example" stands in for each of them.
     */
    static Map<String, Object> generatedSecret(Map<String, Object> generator) {
        var data = new LinkedHashMap<String, Object>();
        for (Object file : Repo.list(generator, "envs")) {
            data.putAll(envFile(BASE + file + ".example"));
        }
        for (Object literal : Repo.list(generator, "literals")) {
            String[] pair = literal.toString().split("=", 2);
            data.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        return Map.of("apiVersion", "v1", "kind", "Secret", "metadata", Map.of("name", generator.get("name")),
            "data", data);
    }

    /** KEY=value lines as kustomize reads them: comments and blank lines skipped, the value taken literally. */
    static Map<String, String> envFile(String relative) {
        var entries = new LinkedHashMap<String, String>();
        for (String line : Repo.read(relative).lines().toList()) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] pair = line.split("=", 2);
            entries.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        return entries;
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
                assertThat(secretData(secret).keySet()).as(name).contains((String) secretRef.get("key"));
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
        assertThat(secretData(find("Secret", "helpdesk-secrets"))).containsKeys("HELPDESK_DB_URL",
            "HELPDESK_DB_PASSWORD", "HELPDESK_STAFF_CODE", "HELPDESK_SESSION_SECRET", "HELPDESK_SERVICE_KEY",
            "HELPDESK_SERVICE_KEY_ROTATING");
    }

    /** The keys whose values must never ship with the base: the services refuse placeholders at start. */
    static final List<String> SECRET_KEYS = List.of("HELPDESK_DB_PASSWORD", "HELPDESK_SERVICE_KEY",
        "HELPDESK_SERVICE_KEY_ROTATING", "HELPDESK_SESSION_SECRET", "HELPDESK_STAFF_CODE");

    static final Pattern PLACEHOLDER = Pattern.compile("change-?me|replace-?me|placeholder",
        Pattern.CASE_INSENSITIVE);

    @Test
    void theBaseShipsNoSecretValueAndNoPlaceholder() {
        var kustomization = Repo.yaml(BASE + "kustomization.yaml");
        for (var secret : objects.stream().filter(o -> "Secret".equals(o.get("kind"))).toList()) {
            secretData(secret).forEach((key, value) -> {
                if (SECRET_KEYS.contains(key) || PLACEHOLDER.matcher(String.valueOf(value)).find()) {
                    assertThat(String.valueOf(value)).as(Repo.at(secret, "metadata", "name") + " " + key).isEmpty();
                }
            });
        }
        for (Object generator : Repo.list(kustomization, "secretGenerator")) {
            assertThat(Repo.list(generator, "literals")).as("secret values written into kustomization.yaml")
                .isEmpty();
            for (Object file : Repo.list(generator, "envs")) {
                assertThat(Repo.read(".gitignore").lines()).as(file + " is git-ignored")
                    .contains("/" + BASE + file);
                assertThat(Repo.list(kustomization, "resources")).doesNotContain(file);
            }
        }
        for (Object file : Repo.list(kustomization, "resources")) {
            assertThat(Repo.read(BASE + file)).as(file.toString()).doesNotContainPattern(PLACEHOLDER);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theServiceListensOnAllInterfacesInItsPodAndTakesItsSecretsFromTheSecret(ServiceConfig config) {
        assertThat(envSource(config, "HELPDESK_HOST")).isEqualTo("configMap:HELPDESK_HOST");
        assertThat(Repo.at(find("ConfigMap", "helpdesk-config"), "data", "HELPDESK_HOST")).isEqualTo("0.0.0.0");
        assertThat(envSource(config, "HELPDESK_SERVICE_KEY")).isEqualTo("secret:HELPDESK_SERVICE_KEY");
        assertThat(envSource(config, "HELPDESK_SERVICE_KEY_ROTATING"))
            .isEqualTo("secret:HELPDESK_SERVICE_KEY_ROTATING (optional)");
        for (Object entry : Repo.list(container(config), "env")) {
            String name = String.valueOf(Repo.at(entry, "name"));
            if (SECRET_KEYS.contains(name)) {
                assertThat(Repo.at(entry, "value")).as(config.module() + " " + name + " is written in the manifest")
                    .isNull();
                assertThat(envSource(config, name)).as(config.module() + " " + name).startsWith("secret:" + name);
            }
        }
    }

    @Test
    void theSessionSecretAndTheDatabasePasswordComeFromTheSecret() {
        assertThat(envSource(ServiceConfig.of("gateway"), "HELPDESK_SESSION_SECRET"))
            .isEqualTo("secret:HELPDESK_SESSION_SECRET");
        assertThat(envSource(ServiceConfig.of("ticket-service"), "HELPDESK_DB_PASSWORD"))
            .isEqualTo("secret:HELPDESK_DB_PASSWORD");
    }

    /** Where a container's variable comes from: "configMap:KEY", "secret:KEY", "value:..." or null. */
    static String envSource(ServiceConfig config, String name) {
        for (Object entry : Repo.list(container(config), "env")) {
            if (!name.equals(Repo.at(entry, "name"))) {
                continue;
            }
            var configMapRef = Repo.map(entry, "valueFrom", "configMapKeyRef");
            if ("helpdesk-config".equals(configMapRef.get("name"))) {
                return "configMap:" + configMapRef.get("key");
            }
            var secretRef = Repo.map(entry, "valueFrom", "secretKeyRef");
            if ("helpdesk-secrets".equals(secretRef.get("name"))) {
                return "secret:" + secretRef.get("key")
                    + (Boolean.TRUE.equals(secretRef.get("optional")) ? " (optional)" : "");
            }
            return "value:" + Repo.at(entry, "value");
        }
        return null;
    }

    static Map<String, Object> secretData(Map<String, Object> secret) {
        var data = new LinkedHashMap<String, Object>(Repo.map(secret, "data"));
        data.putAll(Repo.map(secret, "stringData"));
        return data;
    }

    @Test
    void serviceAddressesInTheConfigMapNameClusterServicesAndTheirPorts() {
        Repo.map(find("ConfigMap", "helpdesk-config"), "data").forEach((key, value) -> {
            // HELPDESK_PUBLIC_URL is where people reach the desk (mails link to it), not a service in the cluster.
            if (key.endsWith("_URL") && !key.equals("HELPDESK_PUBLIC_URL")) {
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
