package campus.helpdesk.system.deploy;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a service's own configuration says about how to run it: the environment variables it reads (the
 * {@code ${NAME:default}} placeholders of its application.yml and logback.xml), which of them have no
 * default, its port and its health path. The deployment files are checked against this.
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

    static List<ServiceConfig> all() {
        return MODULES.stream().map(ServiceConfig::of).toList();
    }

    static ServiceConfig of(String module) {
        String resources = module + "/src/main/resources/";
        Map<String, Object> app = Repo.yaml(resources + "application.yml");
        Map<String, Boolean> placeholders = new LinkedHashMap<>();
        collect(Repo.read(resources + "application.yml"), placeholders);
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
