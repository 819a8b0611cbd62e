package campus.helpdesk.launcher.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A whole number as people write big ones: {@code 1000000}, {@code 1_000_000} or {@code 1,000,000}. */
public final class WholeNumber implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    /** The value when within bounds; else a usage error naming the option. */
    public static int within(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UsageException(option + " must be between " + min + " and " + max + ": " + value);
        }
        return value;
    }
}
