package campus.helpdesk.system.deploy;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a service's configuration says about how to run it: the environment variables it reads (the
 * {@code ${NAME:default}} placeholders of its application.yml over the libraries' defaults, and of its logback.xml),
 * which of them have no default, its port and its health path. The deployment files are checked against this.
 *
 * @param module      the Maven module, also the Compose service and the Kubernetes Deployment name
 * @param port        the default of micronaut.server.port
 * @param reads       every environment variable the service reads
 * @param required    those without a default
 * @param healthPath  where the health endpoint answers
 */
record ServiceConfig(String module, int port, Set<String> reads, Set<String> required, String healthPath) {

    static final List<String> MODULES = List.of(
        "ticket-service", "analytics-open-period", "analytics-resolution-time", "analytics-category", "gateway");

    /** Micronaut and logback placeholders: ${NAME}, ${NAME:default} and logback's ${NAME:-default}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:-?[^}]*)?}");
    private static final Pattern PORT = Pattern.compile("\\$\\{HELPDESK_PORT:(\\d+)}");
    private static final Pattern INCLUDE = Pattern.compile("<include\\s+resource=\"(logback-[^\"]+)\"");

    /**
     * The defaults a library ships under its users' application.yml (campus.helpdesk.support.config.LibraryDefaults),
     * lowest rank first, by the module that ships them.
     */
    static final List<Map.Entry<String, String>> LIBRARY_DEFAULTS = List.of(
        Map.entry("service-support", "service-support/src/main/resources/META-INF/helpdesk/service-defaults.yml"),
        Map.entry("analytics-support",
            "analytics-support/src/main/resources/META-INF/helpdesk/feed-client-defaults.yml"));

    static List<ServiceConfig> all() {
        return MODULES.stream().map(ServiceConfig::of).toList();
    }

    static ServiceConfig of(String module) {
        String resources = module + "/src/main/resources/";
        Map<String, Object> app = new LinkedHashMap<>();
        for (var defaults : LIBRARY_DEFAULTS) {
            if (dependsOn(module, defaults.getKey())) {
                merge(app, Repo.yaml(defaults.getValue()));
            }
        }
        merge(app, Repo.yaml(resources + "application.yml"));
        Map<String, Boolean> placeholders = new LinkedHashMap<>();
        collectValues(app, placeholders);
        if (Files.exists(Repo.path(resources + "logback.xml"))) {
            String logback = Repo.read(resources + "logback.xml");
            collect(logback, placeholders);
            if (INCLUDE.matcher(logback).find()) {
                // The included logback-text/json.xml come from service-support; they may read variables too.
                collect(Repo.read("service-support/src/main/resources/logback-text.xml"), placeholders);
                collect(Repo.read("service-support/src/main/resources/logback-json.xml"), placeholders);
            }
        }
        var required = new TreeSet<String>();
        placeholders.forEach((name, hasDefault) -> {
            if (!hasDefault) {
                required.add(name);
            }
        });
        String portSetting = String.valueOf(Repo.at(app, "micronaut", "server", "port"));
        var port = PORT.matcher(portSetting);
        if (!port.matches()) {
            throw new AssertionError(module + ": micronaut.server.port should be ${HELPDESK_PORT:<port>}, is "
                + portSetting);
        }
        return new ServiceConfig(module, Integer.parseInt(port.group(1)), new TreeSet<>(placeholders.keySet()),
            required, healthPath(app));
    }

    /** Directly, or for service-support through services-parent, which every service has as its parent. */
    static boolean dependsOn(String module, String library) {
        String dependency = "<artifactId>" + library + "</artifactId>";
        String pom = Repo.read(module + "/pom.xml");
        return pom.contains(dependency) || pom.contains("<artifactId>services-parent</artifactId>")
            && Repo.read("services-parent/pom.xml").contains(dependency);
    }

    /** Key by key, as Micronaut layers property sources: a later map's value replaces an earlier one's. */
    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested && into.get(key) instanceof Map<?, ?> existing) {
                merge((Map<String, Object>) existing, (Map<String, Object>) nested);
            } else {
                into.put(key, value);
            }
        });
    }

    /** The placeholders of the values that are in effect (an overridden default's placeholder is not read). */
    private static void collectValues(Object node, Map<String, Boolean> placeholders) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectValues(v, placeholders));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectValues(v, placeholders));
        } else if (node != null) {
            collect(String.valueOf(node), placeholders);
        }
    }

    private static void collect(String text, Map<String, Boolean> placeholders) {
        var m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            placeholders.merge(m.group(1), m.group(2) != null, Boolean::logicalOr);
        }
    }

    /** Micronaut serves endpoint "health" at endpoints.all.path (default "/") + "health". */
    private static String healthPath(Map<String, Object> app) {
        Object enabled = Repo.at(app, "endpoints", "health", "enabled");
        Object sensitive = Repo.at(app, "endpoints", "health", "sensitive");
        if (Boolean.FALSE.equals(enabled) || !Boolean.FALSE.equals(sensitive)) {
            return null; // no health endpoint an unauthenticated probe could use
        }
        Object base = Repo.at(app, "endpoints", "all", "path");
        String prefix = base == null ? "/" : base.toString().endsWith("/") ? base.toString() : base + "/";
        return prefix + "health";
    }
}
