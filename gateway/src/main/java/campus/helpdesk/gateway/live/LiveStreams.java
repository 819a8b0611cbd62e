package campus.helpdesk.gateway.live;

import campus.helpdesk.gateway.address.ClientAddresses;
import campus.helpdesk.gateway.caller.Caller;
import campus.helpdesk.support.limit.Places;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * How many live streams may be open: each holds heap (about 17 KB with its buffer) and a socket whose unsent bytes
 * the kernel keeps. Unlimited, one signed-in student opened streams until the gateway ran out of heap at about
 * 6,600, and the browsers' reconnects after each restart took it down again. A session (or API token) gets
 * {@code helpdesk.live.max-per-caller} (a browser's tabs hold one each), the gateway {@code helpdesk.live.max}.
 * Sessions are free, so one address gets {@code helpdesk.live.max-per-address} (0: no limit) whatever its sessions:
 * 249 of them from one client held all 3,000 places ({@link ClientAddresses} says whose address is counted).
 */
@Singleton
public class LiveStreams {

    private final Places places;
    private final Places byAddress;
    private final int maxPerAddress;

    public LiveStreams(@Value("${helpdesk.live.max:3000}") int max,
                       @Value("${helpdesk.live.max-per-caller:12}") int maxPerCaller,
                       @Value("${helpdesk.live.max-per-address:60}") int maxPerAddress) {
        this.places = new Places(max, maxPerCaller);
        this.byAddress = new Places(max, Math.max(maxPerAddress, 1));
        this.maxPerAddress = maxPerAddress;
    }

    /** Why a stream gets no place: 429 for the caller's or the address's own share, 503 when all are taken. */
    public static final class NoPlace extends RuntimeException {
        private final HttpStatus status;

        NoPlace(HttpStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }

    /** A place for one more of {@code caller}'s streams from {@code address} (empty: not counted by address). */
    public Places.Place take(Caller caller, Optional<String> address) {
        Places.Place fromThere;
        try {
            fromThere = address.isPresent() && maxPerAddress > 0 ? byAddress.take(address.get()) : () -> { };
        } catch (Places.Full full) {
            throw noPlace(full, "This network address has " + maxPerAddress + " live pages open already: close some");
        }
        try {
            Places.Place own = places.take(caller.sessionId() != null ? "session " + caller.sessionId()
                    : "token " + caller.tokenName());
            return () -> {
                own.release();
                fromThere.release();
            };
        } catch (Places.Full full) {
            fromThere.release();
            throw noPlace(full, "This session has " + places.perKey() + " live pages open already: close some");
        }
    }

    private static NoPlace noPlace(Places.Full full, String holdersOwn) {
        return full.holdersOwn() ? new NoPlace(HttpStatus.TOO_MANY_REQUESTS, holdersOwn)
                : new NoPlace(HttpStatus.SERVICE_UNAVAILABLE,
                        "The desk has all the live pages open it can hold; this page updates once one closes");
    }

    public int open() {
        return places.taken();
    }

    /** The streams counted under {@code address} now. */
    public int heldBy(String address) {
        return byAddress.heldBy(address);
    }
}
