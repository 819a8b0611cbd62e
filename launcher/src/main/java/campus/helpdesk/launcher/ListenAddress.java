package campus.helpdesk.launcher;

import campus.helpdesk.launcher.cli.UsageException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Optional;

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

    /**
     * This address, once its host is known to be one of this machine's (or every interface): a wrong one is a usage
     * error before anything starts, not the gateway failing with a stack trace after the others started.
     */
    public ListenAddress requireOnThisMachine(String option) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException(option + ": no such host: " + host);
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return this;
        }
        // Port 0: whether the port is free is the port check's question, with its own sentence.
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, 0));
            return this;
        } catch (IOException e) {
            throw new UsageException(option + ": " + host + " is not an address of this machine");
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

    /**
     * What a person elsewhere types: this machine's name when it serves every interface (the links in mails, which
     * are read on other machines), else {@link #url()}.
     */
    public String networkUrl() {
        return isEveryInterface() ? hostName().map(name -> "http://" + name + ":" + port).orElse(url()) : url();
    }

    /** {@link #networkUrl()} to be read by a person, who is told what to put in place of a name not known. */
    public String networkUrlToShow() {
        return isEveryInterface() && hostName().isEmpty() ? "http://<this machine's address>:" + port : networkUrl();
    }

    private static Optional<String> hostName() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
