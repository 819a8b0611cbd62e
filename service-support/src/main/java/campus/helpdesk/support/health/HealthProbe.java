package campus.helpdesk.support.health;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container health check: {@code java -cp app.jar campus.helpdesk.support.health.HealthProbe [url]}
 * exits 0 when the service answers its health URL with 2xx, else 1.
 *
 * <p>It exists because the JRE images carry neither curl nor wget, and a JRE cannot run a Java source file.
 * The default URL is this service's own {@code /health} on {@code HELPDESK_PORT}.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : defaultUrl(System.getenv("HELPDESK_PORT"));
        boolean healthy = isHealthy(url, 3000);
        System.out.println((healthy ? "healthy: " : "unhealthy: ") + url);
        System.exit(healthy ? 0 : 1);
    }

    static String defaultUrl(String port) {
        return "http://127.0.0.1:" + (port == null || port.isBlank() ? "8080" : port.trim()) + "/health";
    }

    /** True when {@code url} answers 2xx within {@code timeoutMillis}; false on any other answer or failure. */
    public static boolean isHealthy(String url, int timeoutMillis) {
        try {
            var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            try {
                int status = connection.getResponseCode();
                return status >= 200 && status < 300;
            } finally {
                connection.disconnect();
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
