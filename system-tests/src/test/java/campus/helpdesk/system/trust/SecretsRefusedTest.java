package campus.helpdesk.system.trust;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.SharedSuite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each service, started from its real jar with a placeholder secret, stops at once and says which variable. */
class SecretsRefusedTest {

    @ParameterizedTest
    @EnumSource(Service.class)
    void aPlaceholderServiceKeyStopsTheServiceNamingTheVariable(Service service) throws Exception {
        String output = startExpectingExit(service, Map.of("HELPDESK_SERVICE_KEY", "change-me"));
        assertThat(output).contains("HELPDESK_SERVICE_KEY is a placeholder");
    }

    @ParameterizedTest
    @EnumSource(value = Service.class, names = "GATEWAY")
    void theGatewayRefusesAMissingOrShortSessionSecret(Service gateway) throws Exception {
        assertThat(startExpectingExit(gateway, Map.of("HELPDESK_SESSION_SECRET", "")))
                .contains("HELPDESK_SESSION_SECRET is missing");
        assertThat(startExpectingExit(gateway, Map.of("HELPDESK_SESSION_SECRET", "short-but-real-Zx81")))
                .contains("HELPDESK_SESSION_SECRET is too short");
    }

    private static String startExpectingExit(Service service, Map<String, String> bad) throws Exception {
        Path root = SharedSuite.get().options().projectRoot();
        Path jar = jar(root, service.module());
        Path log = Files.createTempFile("refused-" + service.module(), ".log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx128m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("HELPDESK_PORT", String.valueOf(freePort()));
        env.put("HELPDESK_SERVICE_KEY", SharedSuite.SECRETS.serviceKey());
        env.put("HELPDESK_SESSION_SECRET", SharedSuite.SECRETS.sessionSecret());
        env.put("HELPDESK_DB_URL", SharedSuite.jdbcUrl());
        env.put("HELPDESK_DB_USER", SharedSuite.dbUser());
        env.put("HELPDESK_DB_PASSWORD", SharedSuite.dbPassword());
        // Nothing to follow: keep the services from reaching the suite's ticket-service.
        env.put("TICKET_SERVICE_URL", "http://127.0.0.1:9");
        env.putAll(bad);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("%s should stop by itself", service).isTrue();
            assertThat(process.exitValue()).isNotZero();
            return Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static Path jar(Path root, String module) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-.*-all\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No runnable jar of " + module));
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
