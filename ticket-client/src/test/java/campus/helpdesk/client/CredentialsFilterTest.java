package campus.helpdesk.client;

import campus.helpdesk.api.ChangePage;
import campus.helpdesk.api.TokenCheck;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every call through the clients carries a fresh token for ticket-service saying for whom it speaks. */
@MicronautTest
class CredentialsFilterTest {

    @Inject
    TicketClient tickets;
    @Inject
    ChangeFeedClient feed;
    @Inject
    ApiTokenClient apiTokens;

    @Test
    void aPersonsCallCarriesThatPersonsTokenForTicketService() {
        String said = OnBehalfOf.person("Ada Student", "STUDENT").call(() -> tickets.get(7).title());
        assertThat(said).isEqualTo("Ada Student STUDENT ticket-service");
    }

    @Test
    void theInnermostPersonSpeaksAndTheOuterOneAgainAfterIt() {
        OnBehalfOf.person("Carla Staff", "STAFF").run(() -> {
            assertThat(OnBehalfOf.person("Ada Student", "STUDENT").call(() -> tickets.get(1).title()))
                    .isEqualTo("Ada Student STUDENT ticket-service");
            assertThat(tickets.get(1).title()).isEqualTo("Carla Staff STAFF ticket-service");
        });
    }

    @Test
    void theFeedIsReadByThisApplicationAsAFollower() {
        ChangePage page = feed.changes(ChangePage.START, 1, 0);
        assertThat(page.next()).isEqualTo("ticket-client-tests FEED ticket-service");
    }

    @Test
    void anOperationThatSpeaksForItselfDoesSoEvenInsideAPersonsCalls() {
        String said = OnBehalfOf.person("Ada Student", "STUDENT").call(() -> feed.changes("0", 1, 0).next());
        assertThat(said).isEqualTo("ticket-client-tests FEED ticket-service");
    }

    @Test
    void aTokenIsVerifiedByTheGatewayAsItself() {
        assertThat(apiTokens.verify(new TokenCheck("hdt_x")).owner())
                .isEqualTo("ticket-client-tests GATEWAY ticket-service");
    }

    @Test
    void theIdentityTravelsToCallsMadeOnAnotherThreadOfTheSameContext() throws Exception {
        String said = OnBehalfOf.person("Ada Student", "STUDENT").call(() ->
                CompletableFuture.supplyAsync(PropagatedContext.getOrEmpty()
                        .wrap((Supplier<String>) () -> tickets.get(3).title())).join());
        assertThat(said).isEqualTo("Ada Student STUDENT ticket-service");
    }

    @Test
    void aPersonsOperationWithoutAPersonIsNotSent() {
        assertThatThrownBy(() -> tickets.get(7)).hasStackTraceContaining("speaks for a person");
    }
}
