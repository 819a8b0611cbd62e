package campus.helpdesk.system.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml, checked without Docker: the compose-spec schema and the shape the README promises. */
class ComposeFileTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static JsonSchema schema;
    static Map<String, Object> compose;

    @BeforeAll
    static void load() throws Exception {
        var node = (ObjectNode) JSON.readTree(Repo.read("deploy/schema/compose-spec.schema.json"));
        // Offline: without these the validator would try to resolve the meta-schema and the id over the network.
        node.remove("$schema");
        node.remove("$id");
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
        compose = Repo.yaml("docker-compose.yml");
    }

    static Set<ValidationMessage> validate(Map<String, Object> file) {
        return schema.validate(JSON.valueToTree(file));
    }

    static Map<String, Object> service(String name) {
        return Repo.map(compose, "services", name);
    }

    @Test
    void composeFileIsValidAgainstTheComposeSpecSchema() {
        assertThat(validate(compose)).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsAMistypedComposeFile() {
        var broken = new LinkedHashMap<>(compose);
        var services = new LinkedHashMap<>(Repo.map(compose, "services"));
        var gateway = new LinkedHashMap<>(service("gateway"));
        gateway.put("depends_on", Map.of("ticket-service", Map.of("condition", "service_happy")));
        gateway.put("restart_policy", "always");
        services.put("gateway", gateway);
        broken.put("services", services);
        assertThat(validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void runsPostgres16AndTheFiveServices() {
        assertThat(Repo.map(compose, "services").keySet())
            .containsExactlyInAnyOrderElementsOf(concat("postgres", ServiceConfig.MODULES));
        assertThat(Repo.at(service("postgres"), "image")).isEqualTo("postgres:16");
    }

    @Test
    void postgresKeepsItsDataInANamedVolumeAndIsCheckedWithPgIsready() {
        var postgres = service("postgres");
        assertThat(Repo.list(postgres, "volumes")).anySatisfy(v ->
            assertThat(v.toString()).endsWith(":/var/lib/postgresql/data"));
        String volume = Repo.list(postgres, "volumes").getFirst().toString().split(":")[0];
        assertThat(Repo.map(compose, "volumes")).containsKey(volume);
        assertThat(String.join(" ", strings(Repo.list(postgres, "healthcheck", "test")))).contains("pg_isready");
    }

    @Test
    void onlyTheGatewayPublishesAPort() {
        Repo.map(compose, "services").forEach((name, svc) -> {
            if (name.equals("gateway")) {
                assertThat(Repo.list(svc, "ports")).as(name).hasSize(1);
                assertThat(Repo.list(svc, "ports").getFirst().toString()).endsWith(":8080");
            } else {
                assertThat(Repo.at(svc, "ports")).as(name + " publishes no port").isNull();
            }
        });
    }

    @Test
    void everyDependencyIsAwaitedUntilHealthy() {
        Repo.map(compose, "services").forEach((name, svc) -> {
            Object dependsOn = Repo.at(svc, "depends_on");
            if (!name.equals("postgres")) {
                assertThat(dependsOn).as(name + " depends_on, long form").isInstanceOf(Map.class);
            }
            Repo.map(svc, "depends_on").forEach((dependency, condition) -> {
                assertThat(Repo.at(condition, "condition")).as(name + " -> " + dependency)
                    .isEqualTo("service_healthy");
                assertThat(Repo.at(service(dependency), "healthcheck", "test"))
                    .as(dependency + " has a health check").isNotNull();
            });
        });
    }

    @Test
    void everyServiceIsBuiltFromTheOneDockerfileWithItsModuleAsTheServiceArgument() {
        for (String module : ServiceConfig.MODULES) {
            var svc = service(module);
            assertThat(Repo.at(svc, "build", "context")).as(module).isEqualTo(".");
            assertThat(Repo.at(svc, "build", "dockerfile")).as(module).isEqualTo("Dockerfile");
            assertThat(Repo.at(svc, "build", "args", "SERVICE")).as(module).isEqualTo(module);
        }
        assertThat(Repo.path("Dockerfile")).exists();
    }

    @Test
    void secretsAndTheStaffCodeComeFromTheEnvironment() {
        var env = Repo.map(service("gateway"), "environment");
        assertThat(env.get("HELPDESK_STAFF_CODE").toString()).startsWith("${HELPDESK_STAFF_CODE");
        assertThat(env.get("HELPDESK_SESSION_SECRET").toString()).startsWith("${HELPDESK_SESSION_SECRET");
        assertThat(Repo.at(service("ticket-service"), "environment", "HELPDESK_DB_PASSWORD").toString())
            .startsWith("${HELPDESK_DB_PASSWORD");
        assertThat(Repo.at(service("postgres"), "environment", "POSTGRES_PASSWORD").toString())
            .startsWith("${HELPDESK_DB_PASSWORD");
    }

    /** Variables holding a secret: Compose must stop when one is unset, never fall back to a default. */
    static final List<String> SECRETS = List.of("HELPDESK_SERVICE_KEY", "HELPDESK_SESSION_SECRET",
        "HELPDESK_DB_PASSWORD");

    /** Any use of a variable: $NAME, ${NAME}, ${NAME-x}, ${NAME:-x}, ${NAME?x}, ${NAME:?x}, ${NAME:+x}... */
    static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)(?:(:?[-?+])([^}]*))?}?");

    @Test
    void secretsHaveNoDefaultAndComposeStopsWithAMessageWhenOneIsMissing() {
        var uses = new ArrayList<String>();
        Repo.map(compose, "services").forEach((name, svc) -> Repo.map(svc, "environment").forEach((key, value) -> {
            var m = VARIABLE.matcher(String.valueOf(value));
            while (m.find()) {
                if (SECRETS.contains(m.group(1))) {
                    uses.add(name + "." + key);
                    assertThat(m.group(2)).as("%s.%s uses ${%s:?message}, is %s", name, key, m.group(1), value)
                        .isEqualTo(":?");
                    assertThat(m.group(3)).as(name + "." + key + ": the message says what to set").isNotBlank();
                }
            }
        }));
        assertThat(uses).contains("postgres.POSTGRES_PASSWORD", "ticket-service.HELPDESK_DB_PASSWORD",
            "gateway.HELPDESK_SESSION_SECRET");
        for (String module : ServiceConfig.MODULES) {
            assertThat(uses).contains(module + ".HELPDESK_SERVICE_KEY");
        }
    }

    @Test
    void theRotatingServiceKeyIsOptionalAndHasNoValueOfItsOwn() {
        for (String module : ServiceConfig.MODULES) {
            assertThat(Repo.at(service(module), "environment", "HELPDESK_SERVICE_KEY_ROTATING")).as(module)
                .isEqualTo("${HELPDESK_SERVICE_KEY_ROTATING:-}");
        }
    }

    @Test
    void everyJavaServiceListensOnAllInterfacesInsideItsContainerAndHoldsTheServiceKey() {
        for (String module : ServiceConfig.MODULES) {
            var env = Repo.map(service(module), "environment");
            assertThat(env).as(module).containsEntry("HELPDESK_HOST", "0.0.0.0")
                .containsKeys("HELPDESK_SERVICE_KEY", "HELPDESK_SERVICE_KEY_ROTATING");
            assertThat(Repo.at(service(module), "network_mode")).as(module + " stays on the Compose network")
                .isNull();
        }
    }

    @Test
    void postgresAsksEveryConnectionForAPasswordAndKeepsFsyncOn() {
        var postgres = service("postgres");
        assertThat(String.valueOf(Repo.at(postgres, "environment", "POSTGRES_INITDB_ARGS")))
            .contains("--auth-host=scram-sha-256", "--auth-local=scram-sha-256");
        assertThat(Repo.map(postgres, "environment")).doesNotContainKey("POSTGRES_HOST_AUTH_METHOD");
        assertThat(String.valueOf(Repo.at(postgres, "command"))).doesNotContain("fsync");
    }

    static List<String> strings(List<Object> values) {
        return values.stream().map(String::valueOf).toList();
    }

    static List<String> concat(String first, List<String> rest) {
        var all = new java.util.ArrayList<String>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
