package campus.helpdesk.demo;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Role;
import campus.helpdesk.demo.Story.Message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Invents one ticket's life: what it is about, who reported it, when staff took it, replied and closed it.
 * Each ticket draws from its own random stream (seed and index), so the data do not depend on how the work is
 * split between threads.
 */
final class StoryGenerator {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final Category[] CATEGORIES = Category.values();
    private static final Priority[] PRIORITIES = Priority.values();

    private final SeedPlan plan;
    private final Timeline timeline;
    private final Map<Language, Phrasebook> books;
    private final long now;

    StoryGenerator(SeedPlan plan) {
        this.plan = plan;
        this.timeline = new Timeline(plan.now(), plan.months());
        this.books = Phrasebook.loadAll();
        this.now = plan.now().toEpochMilli();
    }

    Story generate(long id, long index) {
        SplittableRandom random = new SplittableRandom(plan.seed() * 0x9E3779B97F4A7C15L + index);
        long opened = timeline.openedAt(index, plan.tickets(), random);
        Language language = pick(random, Language.values(), Language.ENGLISH.share, Language.ITALIAN.share,
                Language.SPANISH.share, Language.GERMAN.share, Language.FRENCH.share);
        // Campus proportions: buildings break most, IT is close behind, administrative services are fewer.
        Category category = pick(random, CATEGORIES, 0.42, 0.38, 0.20);
        Priority priority = switch (category) {
            case FACILITY -> pick(random, PRIORITIES, 0.25, 0.50, 0.25);
            case IT -> pick(random, PRIORITIES, 0.20, 0.50, 0.30);
            case SERVICES -> pick(random, PRIORITIES, 0.45, 0.45, 0.10);
        };
        Phrasebook book = books.get(language);
        String place = Campus.place(random);
        String room = Campus.room(random);
        Phrasebook.Issue issue = book.issue(category, random);
        String title = Phrasebook.fill(issue.title(), place, room);
        String description = describe(book, issue, place, room, random);
        String location = category == Category.FACILITY || random.nextInt(3) > 0 ? place + ", " + room : null;

        // The classifier is usually right and sure; one ticket in twenty got the wrong queue until staff fixed it.
        double confidence = 0.5 + 0.49 * Math.sqrt(random.nextDouble());
        Category initial = random.nextInt(20) == 0 ? CATEGORIES[(category.ordinal() + 1 + random.nextInt(2)) % 3]
                : category;
        TicketScript script = new TicketScript(opened, now, initial, priority);
        script.created(Campus.student(random));
        plan(script, book, category, priority, random);
        return script.finish(id, title, description, location, confidence, language);
    }

    private void plan(TicketScript script, Phrasebook book, Category category, Priority priority,
                      SplittableRandom random) {
        long opened = script.openedAt();
        // A small backlog is never taken, a slightly larger one never closed: the long tail a real desk keeps.
        boolean neverTaken = random.nextInt(250) == 0;
        boolean neverClosed = neverTaken || random.nextInt(60) == 0;
        if (neverTaken) {
            return;
        }
        String staff = Campus.staff(category, random);
        double urgency = switch (priority) {
            case HIGH -> 0.35;
            case MEDIUM -> 1.0;
            case LOW -> 2.2;
        };
        long taken = opened + logNormal(random, 2 * HOUR * urgency, 1.0);
        long firstResponse = taken + logNormal(random, 20 * MINUTE, 0.8);
        long resolution = logNormal(random, medianResolution(category) * urgency, 1.1);
        long closed = neverClosed ? Long.MAX_VALUE : Math.max(opened + resolution, firstResponse + 15 * MINUTE);

        script.taken(taken, staff);
        if (script.category() != category) {
            script.categoryCorrected(taken + MINUTE, staff, category);
        }
        script.message(new Message(firstResponse, staff, Role.STAFF, book.pick("reply.first", random), false));
        long until = neverClosed ? firstResponse + 5 * 24 * HOUR : closed - 2 * MINUTE;
        for (Message message : conversation(book, staff, script.reporter(), firstResponse, until, random)) {
            script.message(message);
        }
        if (!neverClosed) {
            if (random.nextInt(10) < 7) {
                script.message(new Message(closed - MINUTE, staff, Role.STAFF, book.pick("reply.closing", random),
                        false));
            }
            script.closed(closed, staff);
        }
    }

    /** The back-and-forth between the first reply and the end: students asking, staff answering, staff notes. */
    private static List<Message> conversation(Phrasebook book, String staff, String reporter, long from, long until,
                                              SplittableRandom random) {
        int count = pickCount(random);
        List<Message> messages = new ArrayList<>(count);
        long span = Math.max(until - from, 2L * count);
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = from + 1 + (long) (random.nextDouble() * (span - 1));
        }
        Arrays.sort(times);
        for (long at : times) {
            int kind = random.nextInt(20);
            if (kind < 12) {
                messages.add(new Message(at, reporter, Role.STUDENT, book.pick("reply.student", random), false));
            } else if (kind < 17) {
                messages.add(new Message(at, staff, Role.STAFF, book.pick("reply.staff", random), false));
            } else {
                messages.add(new Message(at, staff, Role.STAFF, book.pick("reply.internal", random), true));
            }
        }
        return messages;
    }

    private static int pickCount(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 35 ? 0 : r < 65 ? 1 : r < 85 ? 2 : r < 95 ? 3 : 4;
    }

    private static String describe(Phrasebook book, Phrasebook.Issue issue, String place, String room,
                                   SplittableRandom random) {
        StringBuilder text = new StringBuilder(256);
        if (random.nextBoolean()) {
            text.append(book.pick("greeting", random)).append(' ');
        }
        text.append(Phrasebook.fill(issue.description(), place, room));
        if (random.nextInt(3) > 0) {
            text.append(' ').append(book.pick("since", random));
        }
        if (random.nextInt(3) == 0) {
            text.append(' ').append(book.pick("impact", random));
        }
        if (random.nextBoolean()) {
            text.append(' ').append(book.pick("closing", random));
        }
        return text.toString();
    }

    /** Median time from opening to closing for a MEDIUM ticket: IT is quick, services wait on paperwork. */
    private static long medianResolution(Category category) {
        return switch (category) {
            case IT -> 10 * HOUR;
            case FACILITY -> 36 * HOUR;
            case SERVICES -> 72 * HOUR;
        };
    }

    /** A log-normal duration: most near the median, a long tail of slow ones. */
    private static long logNormal(SplittableRandom random, double median, double sigma) {
        return Math.max(MINUTE, (long) (median * Math.exp(sigma * random.nextGaussian())));
    }

    private static <T> T pick(SplittableRandom random, T[] values, double... shares) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            u -= shares[i];
            if (u < 0) {
                return values[i];
            }
        }
        return values[shares.length - 1];
    }
}
