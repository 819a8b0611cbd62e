package campus.helpdesk.gateway.ui;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI's message catalogues ({@code public/i18n/<language>/<area>.json}) agree with each other and with the code:
 * every language has every key English has and no other, each translation keeps its placeholders, plural entries
 * name real plural categories, and every key the scripts name literally exists. A screen that still draws English
 * is caught by the browser tests, which render every screen in every language.
 */
class CataloguesTest {

    private static final Path PUBLIC = Path.of(System.getProperty("basedir", "."), "src/main/resources/public");
    private static final List<String> LANGUAGES = List.of("en", "it", "es", "de", "fr");
    private static final Set<String> PLURAL_FORMS = Set.of("zero", "one", "two", "few", "many", "other");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    // t('area.key' ...) or t("area.key" ...): a key named literally in a script.
    private static final Pattern KEY_IN_SCRIPT = Pattern.compile("\\bt\\(\\s*['\"]([a-z][\\w-]*\\.[\\w.-]+)['\"]");
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    void everyLanguageHasExactlyTheKeysOfEnglishInEveryArea() {
        List<String> problems = new ArrayList<>();
        for (String area : areas()) {
            Set<String> english = catalogue("en", area).keySet();
            for (String lang : LANGUAGES) {
                Set<String> keys = catalogue(lang, area).keySet();
                difference(english, keys).forEach(k -> problems.add(lang + "/" + area + " lacks " + k));
                difference(keys, english).forEach(k -> problems.add(lang + "/" + area + " has stray " + k));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyStartsWithItsAreaSoThatAreasNeverOverwriteEachOther() {
        List<String> misplaced = new ArrayList<>();
        for (String area : areas()) {
            catalogue("en", area).keySet().stream().filter(k -> !k.startsWith(area + "."))
                    .forEach(k -> misplaced.add(area + ": " + k));
        }
        assertThat(misplaced).isEmpty();
    }

    @Test
    void translationsKeepThePlaceholdersAndPluralEntriesNameRealForms() {
        List<String> problems = new ArrayList<>();
        for (String area : areas()) {
            Map<String, Object> english = catalogue("en", area);
            for (String lang : LANGUAGES) {
                catalogue(lang, area).forEach((key, value) -> {
                    if (value instanceof Map<?, ?> forms) {
                        forms.keySet().stream().map(String::valueOf)
                                .filter(f -> !PLURAL_FORMS.contains(f) && !f.matches("=\\d+"))
                                .forEach(f -> problems.add(lang + " " + key + ": no plural form " + f));
                        if (!forms.containsKey("other")) problems.add(lang + " " + key + ": plural without \"other\"");
                    } else if (!(value instanceof String text) || text.isBlank()) {
                        problems.add(lang + " " + key + ": empty or not text");
                    }
                    if (english.containsKey(key) && !placeholders(value).equals(placeholders(english.get(key)))) {
                        problems.add(lang + " " + key + ": placeholders " + placeholders(value) + " instead of "
                                + placeholders(english.get(key)));
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyAScriptNamesExistsInEnglish() throws IOException {
        Set<String> known = new TreeSet<>();
        areas().forEach(area -> known.addAll(catalogue("en", area).keySet()));
        Set<String> unknown = new TreeSet<>();
        int named = 0;
        try (Stream<Path> scripts = Files.walk(PUBLIC.resolve("js"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = KEY_IN_SCRIPT.matcher(Files.readString(script));
                while (m.find()) {
                    named++;
                    if (!known.contains(m.group(1))) unknown.add(PUBLIC.relativize(script) + ": " + m.group(1));
                }
            }
        }
        assertThat(named).as("keys named in the scripts").isGreaterThan(10);
        assertThat(unknown).isEmpty();
    }

    private static List<String> areas() {
        try (Stream<Path> files = Files.list(PUBLIC.resolve("i18n/en"))) {
            List<String> areas = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertThat(areas).as("catalogue areas").contains("common");
            return areas;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> catalogue(String lang, String area) {
        Path file = PUBLIC.resolve("i18n").resolve(lang).resolve(area + ".json");
        assertThat(file).as(lang + " catalogue of " + area).exists();
        try {
            return new TreeMap<>(JSON.readValue(Files.readAllBytes(file), Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    private static Set<String> placeholders(Object value) {
        Set<String> names = new TreeSet<>();
        List<Object> texts = value instanceof Map<?, ?> forms ? new ArrayList<>(forms.values()) : List.of(value);
        for (Object text : texts) {
            Matcher m = PLACEHOLDER.matcher(String.valueOf(text));
            while (m.find()) names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
