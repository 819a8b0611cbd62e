package campus.helpdesk.support.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.problem.ProblemErrorResponseProcessor;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the framework's own errors (unparsable JSON, a value of the wrong type, an unknown route, a wrong
 * content type, a body over max-request-size, ...) as problem+json with a readable {@code detail} and the
 * offending input named as {@link BadInput#FIELD}, which the stock problem renderer leaves out; a request head the
 * server could not read is said as one ({@link MalformedHead}). Shared by every service, so that each
 * answers the same way. A 5xx never carries internals: its detail is generic and the cause is in the log.
 */
@Singleton
@Replaces(ProblemErrorResponseProcessor.class)
public class ProblemResponses implements ErrorResponseProcessor<Map<String, Object>> {

    /**
     * A request attribute holding the raw JSON body of a write (bytes), so that a parse error can name the property
     * at the parser's error position ({@link JsonBodyFilter}).
     */
    public static final String RAW_BODY_ATTRIBUTE = "helpdesk.rawBody";

    /** How serde names the JSON property it could not read: "... property [Priority priority] ...". */
    private static final Pattern PROPERTY = Pattern.compile("property \\[(?:[\\w.$<>]+ )?(\\w+)]");
    private static final Pattern POSITION = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern KEY = Pattern.compile("\"(\\w+)\"\\s*:");
    private static final Pattern ARGUMENT = Pattern.compile("argument \\[(?:[\\w.$<>]+ )?(\\w+)]");
    /** The parser's limit on a number's digits, named by its setting ("from `StreamReadConstraints...`"). */
    private static final Pattern NUMBER_LENGTH = Pattern.compile("Number value length \\(\\d+\\) exceeds the maximum "
            + "allowed \\((\\d+)");
    private static final String INVALID_JSON = "Invalid JSON: ";
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile(
            "Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\)(?:: (.*))?");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("Illegal (unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '([^']{0,40})'");
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']{0,40})'");
    private static final Pattern NO_ENUM_CONSTANT = Pattern.compile("No enum constant [\\w$]+(?:\\.[\\w$]+)*\\.(\\S{0,40})");
    private static final Pattern NAME_LENGTH = Pattern.compile("Name length \\(\\d+\\) exceeds the maximum allowed "
            + "\\((\\d+)");
    /** A value that is a whole number, only too large for its type ("For input string: \"99999999999999999999\""). */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("For input string: \"[-+]?\\d{1,400}\"");
    private static final Pattern BUFFERED = Pattern.compile("exceeds the maximum allowed bufferable length \\[(\\d+)]");
    /** Netty's limit on one part's headers held while it waits for their end (a file's name is most of them). */
    private static final Pattern FORM_PART_HEADERS = Pattern.compile(
            "Length of buffered form field exceeds configured limit of \\[(\\d+)]");

    @Override
    public @NonNull MutableHttpResponse<Map<String, Object>> processResponse(@NonNull ErrorContext context,
                                                                             @NonNull MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Optional<MalformedHead.Problem> malformed = MalformedHead.of(context.getRequest());
        Map<String, Object> body;
        if (malformed.isPresent()) {
            response.status(malformed.get().status());
            body = malformed.get().document();
        } else if (status.getCode() >= 500) {
            body = ProblemDocument.of(status, status.getReason(),
                    "The server could not answer this request; the cause is in its log.", Map.of());
        } else {
            Optional<Error> first = context.getErrors().stream().findFirst();
            String message = first.map(Error::getMessage).orElse(status.getReason());
            String field = first.flatMap(error -> field(context, error, message)).orElse(null);
            body = field == null ? ProblemDocument.of(status, status.getReason(), readable(message), Map.of())
                    : ProblemDocument.of(status, status.getReason(), field + ": " + readable(message),
                            BadInput.naming(field));
        }
        // The status line says what the document's title says: the framework's own reasons ("Invalid JSON") told a
        // client one thing in the line and another in the body.
        HttpStatus sent = response.getStatus();
        MutableHttpResponse<Map<String, Object>> problem = response.status(sent.getCode(), sent.getReason())
                .contentType(ProblemDocument.PROBLEM_JSON).body(body);
        return context.getRequest().getMethod() == HttpMethod.HEAD ? problem.body(null) : problem;
    }

    private static Optional<String> field(ErrorContext context, Error error, String message) {
        Matcher property = PROPERTY.matcher(message);
        if (property.find()) {
            return Optional.of(property.group(1));
        }
        if (message.startsWith("Invalid JSON") || FORM_PART_HEADERS.matcher(message).find()) {
            return Optional.of("body");
        }
        Optional<String> inBody = propertyAtErrorPosition(context, message);
        if (inBody.isPresent()) {
            return inBody;
        }
        Optional<String> name = error.getPath().map(path -> path.startsWith("/") ? path.substring(1) : path);
        if (name.isEmpty()) {
            Matcher argument = ARGUMENT.matcher(message);
            name = argument.find() ? Optional.of(argument.group(1)) : Optional.empty();
        }
        return name.map(n -> isBodyArgument(context, n) ? "body" : n);
    }

    /** Whether {@code name} is the route's {@code @Body} parameter: a problem with it is one with the whole body. */
    private static boolean isBodyArgument(ErrorContext context, String name) {
        return RouteAttributes.getRouteInfo(context.getRequest()).flatMap(RouteInfo::getBodyArgument)
                .map(body -> body.getName().equals(name)).orElse(false);
    }

    /**
     * The JSON parser reports where it failed ("line: 1, column: 56") but not which property; the property is the
     * last key that starts before that position in the body.
     */
    private static Optional<String> propertyAtErrorPosition(ErrorContext context, String message) {
        Matcher position = POSITION.matcher(message);
        if (!position.find()) {
            return Optional.empty();
        }
        Optional<String> body = context.getRequest().getAttribute(RAW_BODY_ATTRIBUTE, byte[].class)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        if (body.isEmpty()) {
            return Optional.empty();
        }
        int line = Integer.parseInt(position.group(1));
        int column = Integer.parseInt(position.group(2));
        String[] lines = body.get().split("\n", -1);
        if (line < 1 || line > lines.length) {
            return Optional.empty();
        }
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < line - 1; i++) {
            before.append(lines[i]).append('\n');
        }
        before.append(lines[line - 1], 0, Math.min(Math.max(column - 1, 0), lines[line - 1].length()));
        Matcher key = KEY.matcher(before);
        String last = null;
        while (key.find()) {
            last = key.group(1);
        }
        return Optional.ofNullable(last);
    }

    /** The parser's names for what it met ("VALUE_STRING", "CTRL-CHAR", "close marker") said in a client's words. */
    private static String inPlainWords(String text) {
        // The framework puts its own label before the parser's words, which then matched none of the patterns below.
        if (text.startsWith(INVALID_JSON)) {
            return "is not valid JSON: " + inPlainWords(text.substring(INVALID_JSON.length()));
        }
        if (text.startsWith("Unexpected end-of-input")) {
            return "the JSON ends before it is complete (a string, object or list is not closed)";
        }
        Matcher character = UNEXPECTED_CHARACTER.matcher(text);
        if (character.matches()) {
            String expected = character.group(2) == null ? "" : character.group(2)
                    .replaceFirst("^was expecting ", "expected ").replace("Object entries", "members");
            return "unexpected character '" + character.group(1) + "'" + (expected.isEmpty() ? "" : ": " + expected);
        }
        Matcher control = CONTROL_CHARACTER.matcher(text);
        if (control.find()) {
            int code = Integer.parseInt(control.group(2));
            if (control.group(1) == null) {
                return "holds a control character (code " + code + ") between its values, where only spaces and line "
                        + "breaks may stand";
            }
            return "holds a control character (code " + code + ") that JSON text must escape: write it as "
                    + String.format("\\u%04x", code) + (code == 10 ? " or \\n" : code == 9 ? " or \\t" : "");
        }
        Matcher token = UNRECOGNIZED_TOKEN.matcher(text);
        if (token.find()) {
            return "'" + token.group(1) + "' is not JSON: expected a string, number, list, object, true, false or null";
        }
        Matcher nonStandard = NON_STANDARD.matcher(text);
        if (nonStandard.matches()) {
            return "'" + nonStandard.group(1) + "' is not a JSON number";
        }
        return text;
    }

    /** Keeps the message short and free of Java class names and parser internals (also for bodies read by hand). */
    public static String readable(String message) {
        if (message.contains("nesting depth")) {
            return "is nested too deeply (at most 1,000 levels)";
        }
        Matcher number = NUMBER_LENGTH.matcher(message);
        if (number.find()) {
            return "a number may have at most " + number.group(1) + " digits";
        }
        Matcher partHeaders = FORM_PART_HEADERS.matcher(message);
        if (partHeaders.find()) {
            return "a part of the form has headers of more than " + partHeaders.group(1) + " bytes, most likely a "
                    + "file's name: send it shorter (a name is kept to 255 characters anyway)";
        }
        Matcher buffered = BUFFERED.matcher(message);
        if (buffered.find()) {
            return "the request body is more than " + buffered.group(1) + " bytes; at most that many are accepted";
        }
        Matcher constant = NO_ENUM_CONSTANT.matcher(message);
        if (constant.find()) {
            // A value bound to one of the framework's enums (the health check's selector, say) that is none of them.
            return "'" + constant.group(1).replaceAll("\\p{Cntrl}", "") + "' is not one of the values it takes";
        }
        Matcher name = NAME_LENGTH.matcher(message);
        if (name.find()) {
            return "a member's name may have at most " + name.group(1) + " characters";
        }
        if (message.contains("Cannot convert an iterable with more than 1 value")) {
            return "must be given once";
        }
        // Every run of white space made one space first: these messages quote the client's value, and a pattern that
        // began with \s* would try each position of a long run of spaces, for each position.
        String text = message.replaceAll("\\s+", " ")
                .replaceAll("Required (?:argument|Body) \\[(?:[\\w.$<>]+ )?\\w+] not specified", "is required")
                .replaceAll("Error decoding property \\[[^]]*] of type [^:]*: ", "")
                .replaceAll(" ?\\(start marker at .*$", "")
                .replaceAll(" ?\\(not recognized as one since Feature [^)]*\\)", "")
                .replaceAll("[:;,]? ?enable `[^`]*` to allow", "")
                .replaceAll(" Note that the maximum buffer size.*$", "")
                .replaceAll("Failed to convert argument \\[\\w+] for value \\[[^]]*] due to: ", "")
                .replaceAll("Cannot deserialize value of type `[^`]*` due to: ", "")
                .replaceAll("`[\\w.()]+`", "")
                .replaceAll(" at \\[Source: .*$", "")
                .replaceAll("\\[?class [\\w.$]+]?", "").replaceAll("campus\\.helpdesk\\.[\\w.$]+", "")
                // Package-shaped names only (two dots at least): "report.java.txt" is a client's word, not a class.
                .replaceAll("\\b(?:io\\.micronaut|io\\.netty|com\\.fasterxml|java|javax|jakarta)\\.[a-z]\\w*\\.[\\w.$]+", "")
                .replaceAll("\\s+", " ").strip();
        text = inPlainWords(text);
        if (text.startsWith("For input string")) {
            // A path or query value that should have been a number: Java's NumberFormatException says it its way.
            return WHOLE_NUMBER.matcher(text).find() ? "is out of range" : "must be a whole number";
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
