package campus.helpdesk.demo;

import campus.helpdesk.api.Category;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sentences of one language, read from {@code texts/<code>.txt}: sections start with {@code @name}; a
 * category section holds {@code title | description} lines. Texts are templates with {@code {place}} and
 * {@code {room}}, so a few hundred lines give many thousands of distinct tickets.
 */
final class Phrasebook {

    /** One kind of problem: its title and description templates. */
    record Issue(String title, String description) {
    }

    private final Map<String, List<String>> sections;
    private final Map<Category, List<Issue>> issues = new EnumMap<>(Category.class);

    private Phrasebook(Map<String, List<String>> sections) {
        this.sections = sections;
        for (Category category : Category.values()) {
            List<Issue> list = new ArrayList<>();
            for (String line : section(category.name())) {
                list.add(parse(line));
            }
            issues.put(category, List.copyOf(list));
        }
    }

    static Map<Language, Phrasebook> loadAll() {
        Map<Language, Phrasebook> books = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            books.put(language, load(language));
        }
        return books;
    }

    static Phrasebook load(Language language) {
        String resource = "texts/" + language.code + ".txt";
        Map<String, List<String>> sections = new HashMap<>();
        try (InputStream in = Phrasebook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> current = null;
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("@")) {
                    current = sections.computeIfAbsent(line.substring(1), k -> new ArrayList<>());
                } else if (current != null) {
                    current.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Phrasebook(sections);
    }

    Issue issue(Category category, SplittableRandom random) {
        List<Issue> list = issues.get(category);
        return list.get(random.nextInt(list.size()));
    }

    /** A random {@code title | description} line of any section, e.g. an outage's {@code wave.eduroam}. */
    Issue issue(String section, SplittableRandom random) {
        return parse(pick(section, random));
    }

    private static Issue parse(String line) {
        int bar = line.indexOf('|');
        if (bar < 0) {
            throw new IllegalStateException("Issue line without '|': " + line);
        }
        return new Issue(line.substring(0, bar).trim(), line.substring(bar + 1).trim());
    }

    /** A random line of a section, e.g. {@code greeting}, {@code reply.first}. */
    String pick(String section, SplittableRandom random) {
        List<String> lines = section(section);
        return lines.get(random.nextInt(lines.size()));
    }

    private List<String> section(String name) {
        List<String> lines = sections.get(name);
        if (lines == null || lines.isEmpty()) {
            throw new IllegalStateException("Phrasebook section @" + name + " is missing or empty");
        }
        return lines;
    }

    static String fill(String template, String place, String room) {
        return template.replace("{place}", place).replace("{room}", room);
    }
}
