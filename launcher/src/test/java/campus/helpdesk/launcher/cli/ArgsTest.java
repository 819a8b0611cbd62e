package campus.helpdesk.launcher.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgsTest {

    private static final Set<String> FLAGS = Set.of("fresh", "append");
    private static final Set<String> OPTIONS = Set.of("tickets", "db-url", "db-user", "db-password");

    @Test
    void readsFlagsAndOptionsInBothSpellings() {
        Args args = Args.parse(List.of("--fresh", "--tickets", "1000", "--db-url=jdbc:postgresql://db/x"), FLAGS,
                OPTIONS);
        assertThat(args.flag("fresh")).isTrue();
        assertThat(args.flag("append")).isFalse();
        assertThat(args.intValue("tickets", 0, 1, 10_000)).isEqualTo(1000);
        assertThat(args.value("db-url", null)).isEqualTo("jdbc:postgresql://db/x");
    }

    @Test
    void acceptsThousandsSeparatorsInNumbers() {
        assertThat(Args.parse(List.of("--tickets", "1_000_000"), FLAGS, OPTIONS)
                .intValue("tickets", 0, 1, 10_000_000)).isEqualTo(1_000_000);
    }

    @Test
    void rejectsAnUnknownOptionByName() {
        assertThatThrownBy(() -> Args.parse(List.of("--ticket", "5"), FLAGS, OPTIONS))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --ticket");
    }

    @Test
    void rejectsAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> Args.parse(List.of("--tickets", "--append"), FLAGS, OPTIONS))
                .isInstanceOf(UsageException.class).hasMessage("--tickets needs a value");
    }

    @Test
    void rejectsNumbersThatAreNotNumbersOrOutOfRange() {
        Args args = Args.parse(List.of("--tickets", "many"), FLAGS, OPTIONS);
        assertThatThrownBy(() -> args.intValue("tickets", 0, 1, 10)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--tickets must be a whole number");
        Args big = Args.parse(List.of("--tickets", "11"), FLAGS, OPTIONS);
        assertThatThrownBy(() -> big.intValue("tickets", 0, 1, 10)).isInstanceOf(UsageException.class)
                .hasMessageContaining("between 1 and 10");
    }

    @Test
    void databaseTargetNeedsAPostgresqlUrlAndDefaultsTheCredentials() {
        DatabaseTarget target = DatabaseTarget.fromArgs(Args.parse(List.of("--db-url", "jdbc:postgresql://h:5432/d"),
                FLAGS, OPTIONS));
        assertThat(target).isEqualTo(new DatabaseTarget("jdbc:postgresql://h:5432/d", "helpdesk", "helpdesk"));
        assertThat(DatabaseTarget.fromArgs(Args.parse(List.of(), FLAGS, OPTIONS))).isNull();
        assertThatThrownBy(() -> DatabaseTarget.fromArgs(Args.parse(List.of("--db-url", "mysql://x"), FLAGS,
                OPTIONS))).isInstanceOf(UsageException.class).hasMessageContaining("PostgreSQL JDBC URL");
        assertThatThrownBy(() -> DatabaseTarget.fromArgs(Args.parse(List.of("--db-user", "x"), FLAGS, OPTIONS)))
                .isInstanceOf(UsageException.class);
    }
}
