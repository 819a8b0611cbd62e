package campus.helpdesk.system.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicies of the kustomize base, evaluated against the pod labels of the five Deployments: who may
 * open a connection to which pod, on which port. Only the gateway is open to anyone.
 */
class NetworkPoliciesTest {

    /** Anyone: a rule without "from". */
    static final String ANYONE = "*";

    static final Map<String, Set<String>> EXPECTED = Map.of(
        "gateway", Set.of(ANYONE),
        "ticket-service", Set.of("gateway", "analytics-open-period", "analytics-resolution-time",
            "analytics-category"),
        "analytics-open-period", Set.of("gateway"),
        "analytics-resolution-time", Set.of("gateway"),
        "analytics-category", Set.of("gateway"));

    static List<Map<String, Object>> policies;

    @BeforeAll
    static void load() {
        KubernetesManifestsTest.load();
        policies = KubernetesManifestsTest.objects.stream()
            .filter(o -> "NetworkPolicy".equals(o.get("kind"))).toList();
    }

    @Test
    void eachServiceAcceptsConnectionsOnlyFromThoseThatNeedIt() {
        assertThat(allowedSources(policies)).isEqualTo(expected());
    }

    @Test
    void everyHelpdeskPodIsSelectedByADefaultDenyPolicy() {
        var denyAll = policies.stream()
            .filter(p -> Repo.list(p, "spec", "policyTypes").contains("Ingress"))
            .filter(p -> Repo.list(p, "spec", "ingress").isEmpty())
            .toList();
        assertThat(denyAll).as("a policy with no ingress rule").isNotEmpty();
        for (String module : ServiceConfig.MODULES) {
            assertThat(denyAll).as(module).anySatisfy(p ->
                assertThat(selects(Repo.map(p, "spec", "podSelector"), podLabels(module))).isTrue());
        }
    }

    @Test
    void theCheckRejectsAPolicyThatOpensTicketServiceToEveryPodOrEveryPort() {
        var anyPod = copyWithExtraRule("ticket-service-ingress",
            Map.of("from", List.of(Map.of("podSelector", Map.of())), "ports", List.of(Map.of("port", 8081))));
        assertThat(allowedSources(anyPod).get("ticket-service")).contains("{podSelector={}}");

        var anyNamespace = copyWithExtraRule("analytics-category-ingress", Map.of("from",
            List.of(Map.of("namespaceSelector", Map.of(), "podSelector",
                Map.of("matchLabels", Map.of("app.kubernetes.io/name", "gateway")))),
            "ports", List.of(Map.of("port", 8084))));
        assertThat(allowedSources(anyNamespace)).isNotEqualTo(expected());

        var everyPort = copyWithExtraRule("analytics-open-period-ingress", Map.of("from",
            List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "gateway"))))));
        assertThat(allowedSources(everyPort).get("analytics-open-period")).contains("gateway on every port");
    }

    static Map<String, Set<String>> expected() {
        return new TreeMap<>(EXPECTED.entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> new TreeSet<>(e.getValue()))));
    }

    /**
     * For each of the five pods, the sources its policies let in: a service name, {@link #ANYONE}, or a
     * description of anything wider than one helpdesk service on its own port (so the comparison fails).
     * A pod no policy selects accepts everything.
     */
    static Map<String, Set<String>> allowedSources(List<Map<String, Object>> policies) {
        var allowed = new TreeMap<String, Set<String>>();
        for (String module : ServiceConfig.MODULES) {
            var config = ServiceConfig.of(module);
            var sources = new TreeSet<String>();
            var selecting = policies.stream()
                .filter(p -> selects(Repo.map(p, "spec", "podSelector"), podLabels(module)))
                .filter(p -> Repo.list(p, "spec", "policyTypes").isEmpty()
                    || Repo.list(p, "spec", "policyTypes").contains("Ingress"))
                .toList();
            if (selecting.isEmpty()) {
                sources.add("anyone, no policy selects it");
            }
            for (var policy : selecting) {
                for (Object rule : Repo.list(policy, "spec", "ingress")) {
                    boolean ownPortOnly = ownPortOnly(config, Repo.list(rule, "ports"));
                    var from = Repo.list(rule, "from");
                    var peers = from.isEmpty() ? List.<String>of(ANYONE) : from.stream().map(NetworkPoliciesTest::peer)
                        .toList();
                    for (String peer : peers) {
                        sources.add(ownPortOnly ? peer : peer + " on every port");
                    }
                }
            }
            allowed.put(module, sources);
        }
        return allowed;
    }

    /** A helpdesk service's name when the peer is exactly "pods of that service in this namespace". */
    static String peer(Object peer) {
        var labels = Repo.map(peer, "podSelector", "matchLabels");
        boolean onePodSelector = Repo.map(peer).keySet().equals(Set.of("podSelector"))
            && Repo.map(peer, "podSelector").keySet().equals(Set.of("matchLabels"))
            && labels.keySet().equals(Set.of("app.kubernetes.io/name"))
            && ServiceConfig.MODULES.contains(String.valueOf(labels.get("app.kubernetes.io/name")));
        return onePodSelector ? String.valueOf(labels.get("app.kubernetes.io/name")) : String.valueOf(peer);
    }

    static boolean ownPortOnly(ServiceConfig config, List<Object> ports) {
        return ports.size() == 1
            && List.of("TCP", "null").contains(String.valueOf(Repo.at(ports.getFirst(), "protocol")))
            && Repo.at(ports.getFirst(), "endPort") == null
            && KubernetesManifestsTest.resolvePort(config, Repo.at(ports.getFirst(), "port")) == config.port();
    }

    static Map<String, Object> podLabels(String module) {
        return Repo.map(KubernetesManifestsTest.find("Deployment", module), "spec", "template", "metadata", "labels");
    }

    /** A label selector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist); empty selects all. */
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        for (var entry : Repo.map(selector, "matchLabels").entrySet()) {
            if (!String.valueOf(entry.getValue()).equals(String.valueOf(labels.get(entry.getKey())))) {
                return false;
            }
        }
        for (Object expression : Repo.list(selector, "matchExpressions")) {
            Object value = labels.get(String.valueOf(Repo.at(expression, "key")));
            var values = Repo.list(expression, "values").stream().map(String::valueOf).toList();
            boolean ok = switch (String.valueOf(Repo.at(expression, "operator"))) {
                case "In" -> value != null && values.contains(value.toString());
                case "NotIn" -> value == null || !values.contains(value.toString());
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown operator in " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static List<Map<String, Object>> copyWithExtraRule(String policyName, Map<String, Object> rule) {
        var copy = new ArrayList<Map<String, Object>>();
        for (var policy : policies) {
            if (policyName.equals(Repo.at(policy, "metadata", "name"))) {
                var spec = new LinkedHashMap<>(Repo.map(policy, "spec"));
                var ingress = new ArrayList<>(Repo.list(policy, "spec", "ingress"));
                ingress.add(rule);
                spec.put("ingress", ingress);
                var changed = new LinkedHashMap<>(policy);
                changed.put("spec", spec);
                copy.add(changed);
            } else {
                copy.add(policy);
            }
        }
        return copy;
    }
}
