package campus.helpdesk.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks ports up front, so a clash is one clear sentence instead of a service dying with a bind error. */
public final class Ports {

    private Ports() {
    }

    public static boolean isFree(int port) {
        // The wildcard address: free there means free on every interface, whichever one a service binds.
        try (ServerSocket socket = new ServerSocket()) {
            // SO_REUSEADDR as servers set it: a connection in TIME_WAIT must not count as "in use".
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requireFree(String what, int port) {
        if (!isFree(port)) {
            throw new PortInUseException(what, port);
        }
    }
}
