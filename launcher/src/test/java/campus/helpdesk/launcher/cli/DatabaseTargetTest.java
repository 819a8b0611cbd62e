package campus.helpdesk.launcher.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTargetTest {

    @Test
    void aDatabaseOfOnesOwnNeedsAPostgresqlUrlAndDefaultsTheCredentials() {
        assertThat(DatabaseTarget.from("jdbc:postgresql://h:5432/d", null, null))
                .isEqualTo(new DatabaseTarget("jdbc:postgresql://h:5432/d", "helpdesk", "helpdesk"));
        assertThat(DatabaseTarget.from(null, null, null)).as("the embedded one").isNull();
        assertThatThrownBy(() -> DatabaseTarget.from("mysql://x", null, null)).isInstanceOf(UsageException.class)
                .hasMessageContaining("PostgreSQL JDBC URL");
        assertThatThrownBy(() -> DatabaseTarget.from(null, "x", null)).isInstanceOf(UsageException.class)
                .hasMessage("--db-user and --db-password go with --db-url");
    }

    @Test
    void bigNumbersMayBeWrittenWithSeparators() {
        WholeNumber number = new WholeNumber();
        assertThat(number.convert("1_000_000")).isEqualTo(1_000_000);
        assertThat(number.convert("1,000")).isEqualTo(1000);
        assertThatThrownBy(() -> number.convert("many")).hasMessage("'many' is not a whole number");
        assertThatThrownBy(() -> WholeNumber.within("--tickets", 11, 1, 10)).isInstanceOf(UsageException.class)
                .hasMessage("--tickets must be between 1 and 10: 11");
    }
}
