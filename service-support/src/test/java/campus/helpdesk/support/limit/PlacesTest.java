package campus.helpdesk.support.limit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlacesTest {

    @Test
    void aHolderGetsItsShareAndEveryoneTheRestEachGivenBackOnce() {
        Places places = new Places(3, 2);
        Places.Place first = places.take("ann");
        places.take("ann");
        assertThat(catchThrowableOfType(Places.Full.class, () -> places.take("ann")).holdersOwn()).isTrue();
        places.take("bob");
        assertThat(catchThrowableOfType(Places.Full.class, () -> places.take("cy")).holdersOwn()).isFalse();
        first.release();
        first.release();
        assertThat(places.taken()).as("given back once").isEqualTo(2);
        places.take("cy");
        assertThat(catchThrowableOfType(Places.Full.class, () -> places.take("ann")).holdersOwn())
                .as("ann may hold one more of her own, but all three are taken").isFalse();
    }
}
