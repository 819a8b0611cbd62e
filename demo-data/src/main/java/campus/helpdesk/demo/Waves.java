package campus.helpdesk.demo;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The outages of the demo campus: eduroam down in the library a few hours ago (still open, answered once, so a
 * newcomer reporting it is offered the incident), the printers of the Engineering Building twelve days ago and the
 * heating of a residence forty days ago (both over, closed with their reports). Each is dozens of reports within an
 * hour in the campus's five languages, some students joining instead of filing.
 */
final class Waves {

    /** Below this many tickets a seed has no waves: they would be most of it. */
    static final int MIN_TICKETS = 250;

    private static final long MINUTE = 60_000L;

    /**
     * One outage: its texts ({@code @wave.<name>} in the phrasebooks, the answer {@code @wave.<name>.answer}), where
     * and when it began ({@code daysAgo} 0: {@code startsAgo} before now; else that many days before, at
     * {@code startsAgo} past midnight UTC), and when staff closed it (null: not yet).
     */
    private record Outage(String name, Category category, Priority priority, String place, int daysAgo,
                          Duration startsAgo, int reports, int followers, Duration closedAfter) {
    }

    private static final List<Outage> OUTAGES = List.of(
            new Outage("eduroam", Category.IT, Priority.HIGH, "Main Library", 0, Duration.ofMinutes(160), 36, 14,
                    null),
            new Outage("printers", Category.IT, Priority.MEDIUM, "Engineering Building", 12,
                    Duration.ofMinutes(9 * 60 + 10), 20, 8, Duration.ofHours(6)),
            new Outage("heating", Category.FACILITY, Priority.HIGH, "Curie Residence", 40,
                    Duration.ofMinutes(6 * 60 + 50), 16, 9, Duration.ofHours(20)));

    private Waves() {
    }

    /** The waves of a plan; their reports take the story indices from {@code firstIndex} on. */
    static List<Wave> of(SeedPlan plan, Map<Language, Phrasebook> books, long firstIndex) {
        if (plan.tickets() < MIN_TICKETS) {
            return List.of();
        }
        Instant start = plan.now().atZone(ZoneOffset.UTC).minusMonths(plan.months()).toInstant();
        List<Wave> waves = new ArrayList<>();
        long index = firstIndex;
        for (int w = 0; w < OUTAGES.size(); w++) {
            Outage outage = OUTAGES.get(w);
            Instant began = outage.daysAgo() == 0
                    ? plan.now().minus(outage.startsAgo()).truncatedTo(ChronoUnit.MINUTES)
                    : plan.now().truncatedTo(ChronoUnit.DAYS).minus(outage.daysAgo(), ChronoUnit.DAYS)
                            .plus(outage.startsAgo());
            if (began.isBefore(start)) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(plan.seed() * 0x2545F4914F6CDD1DL + 7919L * w);
            waves.add(wave(outage, began.toEpochMilli(), plan.now().toEpochMilli(), index, books, random));
            index += outage.reports();
        }
        return waves;
    }

    /** How many tickets the waves of a plan file. */
    static int tickets(List<Wave> waves) {
        return waves.stream().mapToInt(w -> w.reports().size()).sum();
    }

    private static Wave wave(Outage outage, long began, long now, long firstIndex, Map<Language, Phrasebook> books,
                             SplittableRandom random) {
        Set<String> people = new HashSet<>();
        long[] filed = new long[outage.reports()];
        for (int i = 1; i < filed.length; i++) {
            filed[i] = began + 1000 + (long) (random.nextDouble() * 60 * MINUTE);
        }
        filed[0] = began;
        Arrays.sort(filed);
        List<Story> reports = new ArrayList<>(filed.length);
        List<Wave.Move> moves = new ArrayList<>();
        for (int i = 0; i < filed.length; i++) {
            reports.add(report(outage, firstIndex + i, filed[i], unique(people, random), books, random));
            moves.add(new Wave.File(Instant.ofEpochMilli(filed[i]), i));
        }
        for (int i = 0; i < outage.followers(); i++) {
            long at = began + 2 * MINUTE + (long) (random.nextDouble() * 58 * MINUTE);
            moves.add(new Wave.Follow(Instant.ofEpochMilli(at), unique(people, random)));
        }
        String staff = Campus.staff(outage.category(), random);
        long linkedAt = began + 62 * MINUTE;
        moves.add(new Wave.Take(Instant.ofEpochMilli(began + 12 * MINUTE), staff));
        List<Integer> linked = new ArrayList<>();
        for (int i = 1; i < filed.length; i++) {
            if (filed[i] < linkedAt) {
                linked.add(i);
            }
        }
        moves.add(new Wave.Link(Instant.ofEpochMilli(linkedAt), staff, linked));
        moves.add(new Wave.Answer(Instant.ofEpochMilli(began + 70 * MINUTE), staff,
                books.get(Language.ENGLISH).pick("wave." + outage.name() + ".answer", random)));
        if (outage.closedAfter() != null) {
            moves.add(new Wave.Close(Instant.ofEpochMilli(began + outage.closedAfter().toMillis()), staff));
        }
        moves.sort(Comparator.comparing(Wave.Move::at)); // stable: a filing stays before a move at the same time
        // What is planned after now has not happened, nor anything after it.
        List<Wave.Move> happened = new ArrayList<>();
        for (Wave.Move move : moves) {
            if (move.at().toEpochMilli() > now) {
                break;
            }
            happened.add(move);
        }
        int filedNow = (int) happened.stream().filter(m -> m instanceof Wave.File).count();
        return new Wave(outage.name(), reports.subList(0, filedNow), happened);
    }

    private static Story report(Outage outage, long index, long openedAt, String reporter,
                                Map<Language, Phrasebook> books, SplittableRandom random) {
        Language language = StoryGenerator.pick(random, Language.values(), Language.ENGLISH.share,
                Language.ITALIAN.share, Language.SPANISH.share, Language.GERMAN.share, Language.FRENCH.share);
        Phrasebook book = books.get(language);
        String room = Campus.room(random);
        Phrasebook.Issue issue = book.issue("wave." + outage.name(), random);
        String title = Phrasebook.fill(issue.title(), outage.place(), room);
        String description = StoryGenerator.describe(book, issue, outage.place(), room, random);
        String location = random.nextInt(3) > 0 ? outage.place() + ", " + room : null;
        // The classifier knows an outage when it reads one: sure of the category, like most of its guesses.
        double u = random.nextDouble();
        return new Story(index, new NewTicket(title, description, location, outage.priority(), null),
                outage.category(), 1 - 0.25 * u * u * u, reporter, Instant.ofEpochMilli(openedAt), List.of());
    }

    /** A student not yet in the wave: each reports or joins once, and nobody joins the ticket they reported. */
    private static String unique(Set<String> people, SplittableRandom random) {
        String name;
        do {
            name = Campus.student(random);
        } while (!people.add(name));
        return name;
    }
}
