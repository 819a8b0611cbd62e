package campus.helpdesk.gateway.proxy;

import campus.helpdesk.gateway.caller.ClientAddresses;
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
 * address gets {@code helpdesk.uploads.max-per-address} uploads arriving at once (the web page sends a message's
 * files one after the other); this machine's own are not counted ({@link ClientAddresses}).
 */
@Singleton
public class UploadsPerAddress {

    private static final String RETRY_AFTER_SECONDS = "10";

    private final ClientAddresses addresses;
    private final Places places;
    private final int perAddress;

    public UploadsPerAddress(ClientAddresses addresses,
                             @Value("${helpdesk.uploads.max-per-address:4}") int perAddress) {
        this.addresses = addresses;
        this.perAddress = perAddress;
        this.places = new Places(Integer.MAX_VALUE, perAddress);
    }

    /** A place for this upload, given back by releasing it; {@link Refused} when its address holds its share. */
    Places.Place take(HttpRequest<?> request) {
        String address = addresses.limitedOf(request).orElse(null);
        if (address == null) {
            return () -> { };
        }
        try {
            return places.take(address);
        } catch (Places.Full full) {
            throw new Refused(ProblemDocument.response(HttpStatus.TOO_MANY_REQUESTS, "This computer is already "
                    + "sending " + perAddress + " files; nothing was stored, send this one once they have arrived")
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    // The file's bytes still on their way are not read: this connection has no next request.
                    .header(HttpHeaders.CONNECTION, "close"));
        }
    }

    /** The refusal to send instead of the upload. */
    static final class Refused extends RuntimeException {
        private final transient MutableHttpResponse<?> response;

        Refused(MutableHttpResponse<?> response) {
            super(null, null, false, false);
            this.response = response;
        }

        MutableHttpResponse<?> response() {
            return response;
        }
    }
}
