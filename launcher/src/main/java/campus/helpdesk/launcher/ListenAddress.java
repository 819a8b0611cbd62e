package campus.helpdesk.launcher;

import campus.helpdesk.launcher.cli.UsageException;

/**
 * Where a service accepts connections: a host (an address of this machine, or {@code 0.0.0.0} for every
 * interface) and a port.
 */
public record ListenAddress(String host, int port) {

    public static final String LOOPBACK = "127.0.0.1";

    public static ListenAddress loopback(int port) {
        return new ListenAddress(LOOPBACK, port);
    }

    /** {@code HOST:PORT}, {@code [v6]:PORT}; the usage error names the option. */
    public static ListenAddress parse(String option, String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException(option + " must be HOST:PORT, e.g. 0.0.0.0:8080: " + value);
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new UsageException(option + " port must be between 1 and 65535: " + value);
            }
            return new ListenAddress(host, port);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " port must be a number: " + value);
        }
    }

    /** Every interface: the campus network (and anything else this machine is connected to) can reach it. */
    public boolean isEveryInterface() {
        return host.equals("0.0.0.0") || host.equals("::");
    }

    /** The address this machine itself uses to reach the service (health checks). */
    public String localHost() {
        return isEveryInterface() ? LOOPBACK : host;
    }

    /** What a person on this machine types into a browser (IPv6 hosts in brackets). */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + (isEveryInterface() || host.equals(LOOPBACK) ? "localhost" : shown) + ":" + port;
    }
}
