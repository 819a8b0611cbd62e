package campus.helpdesk.support.problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Holds a JSON request body to the types of the record it is read into, before the framework reads it. The reader
 * is lenient where a helpdesk must not be: it turns {@code "internal":"True"} into {@code false} (a staff note
 * published to the student), unwraps {@code ["ACTIVE"]}, reads {@code 123} into a title and {@code 2.9} into version
 * 2, keeps the first of two {@code title} keys, ignores what follows the JSON value, stores an escaped lone surrogate
 * ({@code "\ud800"}) as "?" and decodes overlong UTF-8 ({@code C0 AF} as "/"). Each of these is a {@link Violation}
 * here, which a filter answers with a 400 naming the property; anything else, including JSON that does not parse,
 * is left to the framework's reader and its problem responses.
 */
public final class StrictJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** What is wrong, and with which input ({@link BadInput#FIELD}). */
    public record Violation(String field, String detail) {
    }

    private StrictJson() {
    }

    /** Whether bodies of this type are checked: records and beans the framework reads by introspection. */
    public static boolean checks(Argument<?> type) {
        return BeanIntrospector.SHARED.findIntrospection(type.getType()).isPresent();
    }

    /** The first violation in {@code body}, read as {@code type}; null when there is none. */
    public static @Nullable Violation check(Argument<?> type, byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            return new Violation("body", "body: is not valid UTF-8 text");
        }
        // UTF-8 JSON never holds a NUL byte (a control character in a string must be escaped), while UTF-16 and
        // UTF-32 of plain ASCII text are full of them: valid UTF-8 byte for byte, which the reader would then detect
        // and read as such, whatever charset the request declared.
        for (byte b : body) {
            if (b == 0) {
                return new Violation("body", "body: is not UTF-8 JSON (it holds NUL bytes, as UTF-16 or UTF-32 text "
                        + "does); send it as UTF-8");
            }
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return null;
            }
            Violation violation = value(parser, type, "");
            if (violation != null) {
                return violation;
            }
            try {
                if (parser.nextToken() != null) {
                    return trailing();
                }
            } catch (JsonProcessingException e) {
                return trailing();
            }
            return null;
        } catch (IOException e) {
            // Not JSON at all, or cut short: the framework's reader says where.
            return null;
        }
    }

    private static Violation trailing() {
        return new Violation("body", "body: holds more than one JSON value");
    }

    private static @Nullable Violation value(JsonParser parser, Argument<?> type, String path) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        Class<?> c = type.getType();
        if (c == Optional.class) {
            return value(parser, type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT), path);
        }
        if (c == String.class || c == CharSequence.class || c.isEnum() || Temporal.class.isAssignableFrom(c)
                || TemporalAmount.class.isAssignableFrom(c) || c == java.util.UUID.class) {
            if (token != JsonToken.VALUE_STRING) {
                return wrong(path, "a string", token);
            }
            return brokenCharacter(name(path), parser.getText());
        }
        if (c == boolean.class || c == Boolean.class) {
            return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE ? null
                    : wrong(path, "true or false", token);
        }
        if (isWholeNumber(c)) {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                return wrong(path, "a whole number", token);
            }
            JsonParser.NumberType size = parser.getNumberType();
            boolean fits = c == BigInteger.class
                    || (size == JsonParser.NumberType.LONG && (c == long.class || c == Long.class))
                    || (size == JsonParser.NumberType.INT && fitsInt(c, parser.getIntValue()));
            return fits ? null : new Violation(name(path), name(path) + ": " + parser.getText() + " is out of range");
        }
        if (Number.class.isAssignableFrom(c) || c == double.class || c == float.class) {
            return token.isNumeric() ? null : wrong(path, "a number", token);
        }
        if (Collection.class.isAssignableFrom(c) || (c.isArray() && c != byte[].class)) {
            if (token != JsonToken.START_ARRAY) {
                return wrong(path, "a list", token);
            }
            Argument<?> element = c.isArray() ? Argument.of(c.getComponentType())
                    : type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                Violation violation = value(parser, element, name(path) + "[" + index++ + "]");
                if (violation != null) {
                    return violation;
                }
            }
            return null;
        }
        if (Map.class.isAssignableFrom(c)) {
            if (token != JsonToken.START_OBJECT) {
                return wrong(path, "an object", token);
            }
            Argument<?>[] variables = type.getTypeParameters();
            Argument<?> values = variables.length == 2 ? variables[1] : Argument.OBJECT_ARGUMENT;
            return object(parser, path, key -> values);
        }
        Optional<? extends BeanIntrospection<?>> bean = BeanIntrospector.SHARED.findIntrospection(c);
        if (bean.isPresent()) {
            if (token != JsonToken.START_OBJECT) {
                return wrong(path, "an object", token);
            }
            BeanIntrospection<?> introspection = bean.get();
            return object(parser, path, key -> introspection.getProperty(key).map(BeanProperty::asArgument)
                    .orElse(null));
        }
        parser.skipChildren();
        return null;
    }

    private interface Properties {
        @Nullable Argument<?> typeOf(String key);
    }

    private static @Nullable Violation object(JsonParser parser, String path, Properties properties)
            throws IOException {
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String field = path.isEmpty() ? key : path + "." + key;
            if (!seen.add(key)) {
                return new Violation(field, field + ": is given twice; give it once");
            }
            parser.nextToken();
            Argument<?> type = properties.typeOf(key);
            if (type == null) {
                // Unknown properties are the reader's business: it ignores them.
                parser.skipChildren();
                continue;
            }
            Violation violation = value(parser, type, field);
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    private static boolean fitsInt(Class<?> c, int value) {
        if (c == short.class || c == Short.class) {
            return value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
        }
        if (c == byte.class || c == Byte.class) {
            return value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
        }
        return true;
    }

    private static boolean isWholeNumber(Class<?> c) {
        return c == int.class || c == long.class || c == short.class || c == byte.class || c == Integer.class
                || c == Long.class || c == Short.class || c == Byte.class || c == BigInteger.class;
    }

    /**
     * The violation of a text value that holds a lone surrogate (which PostgreSQL would store as '?'), else null:
     * for values read outside {@link #check} (a field a body carries beside its bound type).
     */
    public static @Nullable Violation brokenCharacter(String field, String text) {
        return brokenText(text) ? new Violation(field, field
                + ": holds a broken character (a lone surrogate escape such as \\ud800)") : null;
    }

    /** A surrogate without its pair: JSON's \\u escapes can spell one, and no database stores it faithfully. */
    static boolean brokenText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(ch)) {
                return true;
            }
        }
        return false;
    }

    private static Violation wrong(String path, String expected, JsonToken token) {
        String field = name(path);
        return new Violation(field, field + ": must be " + expected + ", not " + describe(token));
    }

    private static String name(String path) {
        return path.isEmpty() ? "body" : path;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction or an exponent";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            default -> "that";
        };
    }
}
