package campus.helpdesk.gateway.proxy;

import campus.helpdesk.gateway.address.ClientAddresses;
import campus.helpdesk.support.limit.Places;
import campus.helpdesk.support.problem.ProblemDocument;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/**
 * ticket-service takes 16 uploads at once, 3 a caller; but callers are free (a sign-in each), so one client sending
 * 10 bytes every few seconds on 18 uploads under six names held all 16 and everybody else's files got 503s. One
 * address gets {@code helpdesk.uploads.max-per-address} uploads arriving at once (0: no limit; the web page sends a
 * message's files one after the other); {@link ClientAddresses} says whose address is counted.
 */
@Singleton
public class UploadsPerAddress {

    private static final String RETRY_AFTER_SECONDS = "10";

    private final ClientAddresses addresses;
    private final Places places;
    private final boolean limited;

    public UploadsPerAddress(ClientAddresses addresses,
                             @Value("${helpdesk.uploads.max-per-address:4}") int perAddress) {
        this.addresses = addresses;
        this.limited = perAddress > 0;
        this.places = new Places(Integer.MAX_VALUE, Math.max(perAddress, 1));
    }

    /** No place: the address has its share of uploads arriving. */
    static final class Busy extends RuntimeException {
        Busy() {
            super(null, null, false, false);
        }
    }

    /** A place for this upload, given back by releasing it; {@link Busy} when its address holds its share. */
    Places.Place take(HttpRequest<?> request) {
        String address = limited ? addresses.countedAs(request).orElse(null) : null;
        if (address == null) {
            return () -> { };
        }
        try {
            return places.take(address);
        } catch (Places.Full full) {
            throw new Busy();
        }
    }

    static MutableHttpResponse<?> refusal() {
        return ProblemDocument.response(HttpStatus.TOO_MANY_REQUESTS, "Other files from this network address are "
                        + "still arriving; nothing was stored, send this one once they have arrived")
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                // The file's bytes still on their way are not read: this connection has no next request.
                .header(HttpHeaders.CONNECTION, "close");
    }
}
