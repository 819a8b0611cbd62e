package campus.helpdesk.demo;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Role;
import campus.helpdesk.sla.ServiceLevels;
import campus.helpdesk.sla.Target;

import java.time.Instant;
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
public final class StoryGenerator {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final Category[] CATEGORIES = Category.values();
    private static final Priority[] PRIORITIES = Priority.values();
    private static final ServiceLevels TARGETS = ServiceLevels.defaults();

    private final SeedPlan plan;
    private final Timeline timeline;
    private final Map<Language, Phrasebook> books;
    private final long now;
    private final int stories;
    private final List<Wave> waves;

    public StoryGenerator(SeedPlan plan) {
        this.plan = plan;
        this.timeline = new Timeline(plan.now(), plan.months());
        this.books = Phrasebook.loadAll();
        this.now = plan.now().toEpochMilli();
        // Twice: how many reports the waves file (cut at now) decides where their numbering starts.
        List<Wave> planned = Waves.of(plan, books, 0);
        this.stories = plan.tickets() - Waves.tickets(planned);
        // The waves' reports come after the stories, so every ticket of the plan has its own index.
        this.waves = Waves.of(plan, books, stories);
    }

    /** How many of the plan's tickets are single stories ({@link #generate}); the rest are the waves' reports. */
    public int stories() {
        return stories;
    }

    /** The plan's outages, their reports numbered from {@link #stories()} on; none for a small plan. */
    public List<Wave> waves() {
        return waves;
    }

    /** The story of ticket {@code index} (0-based, below {@link #stories()}) of the plan. */
    public Story generate(long index) {
        SplittableRandom random = new SplittableRandom(plan.seed() * 0x9E3779B97F4A7C15L + index);
        long opened = timeline.openedAt(index, stories, random);
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

        // One ticket in twenty lands in the wrong queue until staff fix it. Like the real classifier (see its
        // README), the guess is usually sure, and most wrong guesses fall under the review threshold: about one
        // ticket in ten waits for review.
        boolean misfiled = random.nextInt(20) == 0;
        Category guessed = misfiled ? CATEGORIES[(category.ordinal() + 1 + random.nextInt(2)) % 3] : category;
        double u = random.nextDouble();
        double confidence = misfiled ? 0.45 + 0.5 * u : 1 - 0.25 * u * u * u;
        String reporter = Campus.student(random);
        Steps steps = new Steps(now);
        plan(steps, opened, reporter, book, category, guessed, priority, random);
        return new Story(index, new NewTicket(title, description, location, priority, null), guessed, confidence,
                reporter, Instant.ofEpochMilli(opened), steps.happened);
    }

    private static void plan(Steps steps, long opened, String reporter, Phrasebook book, Category category,
                             Category guessed, Priority priority, SplittableRandom random) {
        // A small backlog is never taken, a slightly larger one never closed: the long tail a real desk keeps.
        boolean neverTaken = random.nextInt(150) == 0;
        boolean neverClosed = neverTaken || random.nextInt(60) == 0;
        if (neverTaken) {
            return;
        }
        String staff = Campus.staff(category, random);
        // Planned against the default targets, so HIGH tickets are answered and closed faster and most targets are
        // met: the first reply usually comes at about a third of its target, the resolution at a fifth (IT) to a
        // half (services, waiting on paperwork) of its own, with tails that breach about one target in ten.
        Target target = TARGETS.target(priority);
        // One ticket in fifteen sits unnoticed in the queue for longer than its whole first-response target.
        double wait = random.nextInt(15) == 0 ? 1.5 : 0.2;
        long taken = opened + logNormal(random, wait * target.firstResponse().toMillis(), 1.0);
        long firstResponse = taken + logNormal(random, 0.08 * target.firstResponse().toMillis(), 0.8);
        long resolution = logNormal(random, resolutionShare(category) * target.resolution().toMillis(), 0.9);
        // One ticket in twenty-five changes hands after the first reply (a shift ends, a specialist is needed).
        boolean handedOver = random.nextInt(25) == 0;
        long talkFrom = handedOver ? firstResponse + logNormal(random, 30 * MINUTE, 0.8) : firstResponse;
        long closed = neverClosed ? Long.MAX_VALUE : Math.max(opened + resolution, talkFrom + 15 * MINUTE);

        steps.add(new Story.Take(Instant.ofEpochMilli(taken), staff));
        if (guessed != category) {
            steps.add(new Story.CorrectCategory(Instant.ofEpochMilli(taken + MINUTE), staff, category));
        }
        steps.add(post(firstResponse, staff, Role.STAFF, book.pick("reply.first", random), false));
        String owner = staff;
        if (handedOver) {
            owner = Campus.colleague(category, staff, random);
            steps.add(new Story.HandOver(Instant.ofEpochMilli(talkFrom), staff, owner));
        }
        long until = neverClosed ? talkFrom + 5 * 24 * HOUR : closed - 2 * MINUTE;
        for (Story.Post message : conversation(book, owner, reporter, talkFrom, until, random)) {
            steps.add(message);
        }
        if (!neverClosed) {
            if (random.nextInt(10) < 7) {
                steps.add(post(closed - MINUTE, owner, Role.STAFF, book.pick("reply.closing", random), false));
            }
            steps.add(new Story.Close(Instant.ofEpochMilli(closed), owner));
        }
    }

    /** The steps in time order, cut at the first one planned after now: neither it nor anything later happened. */
    private static final class Steps {
        private final long now;
        private final List<Story.Step> happened = new ArrayList<>(8);
        private boolean future;

        Steps(long now) {
            this.now = now;
        }

        void add(Story.Step step) {
            future = future || step.at().toEpochMilli() > now;
            if (!future) {
                happened.add(step);
            }
        }
    }

    private static Story.Post post(long at, String author, Role role, String body, boolean internal) {
        return new Story.Post(Instant.ofEpochMilli(at), author, role, body, internal);
    }

    /** The back-and-forth between the first reply and the end: students asking, staff answering, staff notes. */
    private static List<Story.Post> conversation(Phrasebook book, String staff, String reporter, long from,
                                                 long until, SplittableRandom random) {
        int count = pickCount(random);
        List<Story.Post> messages = new ArrayList<>(count);
        long span = Math.max(until - from, 2L * count);
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = from + 1 + (long) (random.nextDouble() * (span - 1));
        }
        Arrays.sort(times);
        for (long at : times) {
            int kind = random.nextInt(20);
            if (kind < 12) {
                messages.add(post(at, reporter, Role.STUDENT, book.pick("reply.student", random), false));
            } else if (kind < 17) {
                messages.add(post(at, staff, Role.STAFF, book.pick("reply.staff", random), false));
            } else {
                messages.add(post(at, staff, Role.STAFF, book.pick("reply.internal", random), true));
            }
        }
        return messages;
    }

    private static int pickCount(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 35 ? 0 : r < 65 ? 1 : r < 85 ? 2 : r < 95 ? 3 : 4;
    }

    static String describe(Phrasebook book, Phrasebook.Issue issue, String place, String room,
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

    /** The median resolution as a share of the target: IT is quick, services wait on paperwork. */
    private static double resolutionShare(Category category) {
        return switch (category) {
            case IT -> 0.2;
            case FACILITY -> 0.35;
            case SERVICES -> 0.5;
        };
    }

    /** A log-normal duration: most near the median, a long tail of slow ones. */
    private static long logNormal(SplittableRandom random, double median, double sigma) {
        return Math.max(MINUTE, (long) (median * Math.exp(sigma * random.nextGaussian())));
    }

    static <T> T pick(SplittableRandom random, T[] values, double... shares) {
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
