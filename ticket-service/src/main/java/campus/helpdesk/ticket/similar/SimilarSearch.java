package campus.helpdesk.ticket.similar;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.IncidentOperations;
import campus.helpdesk.api.SimilarTicket;
import campus.helpdesk.ticket.classify.CurrentClassifier;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open tickets that look like a report being typed. Only OPEN and ACTIVE tickets opened in the last
 * {@link #RECENT} are candidates: an outage is reported within hours, and an older ticket about the same thing is
 * more likely a different occurrence. Those are a small, recent part of the table, read newest first by the partial
 * index of migration V12 ({@link #POOL} at most); each is compared in memory by what it speaks of
 * ({@link ReportVector}, across the five languages), its category against the classifier's category of the typed
 * text, and its place against the given location.
 *
 * <p>A candidate's vector is kept per ticket version, and the candidate list itself until the next change to any
 * ticket: every change appends a {@code ticket_event} row, so a request first reads the newest event id (one
 * primary-key lookup) and reads the candidates again only when it moved. A student typing a report asks once per
 * pause in typing; between changes those requests touch no table but the followers'.
 */
@Singleton
public class SimilarSearch {

    /** How far back a ticket is still a candidate. */
    public static final Duration RECENT = Duration.ofDays(7);
    /** At most this many candidates, the newest. */
    static final int POOL = 5_000;
    /** The default score below which nothing is suggested, chosen on the evaluation set (ticket-service README). */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private static final double TEXT = 0.8;
    private static final double SAME_CATEGORY = 0.15;
    private static final double PLACE = 0.05;
    private static final double AGE_PENALTY = 0.1;
    private static final int CACHE_LIMIT = 100_000;
    private static final int TEXT_READ = 2_000;
    /** The candidate list is read again at least this often, changes or not. */
    private static final Duration AT_MOST_STALE = Duration.ofSeconds(2);

    private final Database db;
    private final CurrentClassifier classifier;
    private final Lexicon lexicon = Lexicon.standard();
    private final double threshold;
    private final Map<Long, Known> known = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(-1, Instant.EPOCH, List.of());

    /** The candidates as of the newest event {@code lastEvent}, read at {@code readAt}; expired ones are skipped. */
    private record Snapshot(long lastEvent, Instant readAt, List<Candidate> candidates) {
    }

    /** A candidate as last read: its vector and place for this version. */
    private record Known(long version, String title, ReportVector text, Place place) {
    }

    private record Candidate(long id, long version, Category category, Instant openedAt) {
    }

    private record Scored(long id, double score) {
    }

    public SimilarSearch(Database db, CurrentClassifier classifier,
                         @Value("${helpdesk.similar.threshold:" + DEFAULT_THRESHOLD + "}") double threshold) {
        this.db = db;
        this.classifier = classifier;
        this.threshold = threshold;
    }

    /** The best {@link IncidentOperations#MAX_SIMILAR} candidates scoring at least the threshold, best first. */
    public List<SimilarTicket> similar(String text, @Nullable String location) {
        ReportVector typed = ReportVector.of(text, lexicon);
        if (typed.isEmpty()) {
            return List.of();
        }
        Category category = classifier.classify(text).category();
        Place place = Place.of(location, lexicon);
        Instant now = Instant.now();
        return db.autoCommit(c -> {
            Instant since = now.minus(RECENT);
            List<Candidate> candidates = current(c, since);
            List<Scored> best = new ArrayList<>();
            for (Candidate candidate : candidates) {
                Known k = known.get(candidate.id());
                if (k == null || k.version() != candidate.version() || !candidate.openedAt().isAfter(since)) {
                    continue;
                }
                double score = score(typed, category, place, candidate, k, now);
                if (score >= threshold) {
                    best.add(new Scored(candidate.id(), score));
                }
            }
            best.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
            List<Scored> top = best.subList(0, Math.min(IncidentOperations.MAX_SIMILAR, best.size()));
            Map<Long, Integer> followers = followers(c, top);
            return top.stream().map(s -> new SimilarTicket(s.id(), known.get(s.id()).title(),
                    followers.getOrDefault(s.id(), 0), round(s.score()))).toList();
        });
    }

    private static double score(ReportVector typed, Category category, Place place, Candidate candidate, Known k,
                                Instant now) {
        double text = typed.cosine(k.text());
        if (text == 0) {
            return 0;
        }
        double score = TEXT * text + (candidate.category() == category ? SAME_CATEGORY : 0)
                + PLACE * place.agreement(k.place());
        double age = Duration.between(candidate.openedAt(), now).toMillis() / (double) RECENT.toMillis();
        score -= AGE_PENALTY * Math.max(0, Math.min(1, age));
        return Math.max(0, Math.min(1, score));
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    /**
     * The candidates, read again when some ticket changed since the last read, and at least every
     * {@link #AT_MOST_STALE}: an event id taken before ours may commit after our read without moving the newest id.
     * Concurrent requests that find the list stale each read it, which costs time, never correctness.
     */
    private List<Candidate> current(Connection c, Instant since) throws SQLException {
        long lastEvent;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM ticket_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            lastEvent = rs.getLong(1);
        }
        Snapshot held = snapshot;
        Instant now = since.plus(RECENT);
        if (held.lastEvent() == lastEvent && held.readAt().isAfter(now.minus(AT_MOST_STALE))) {
            return held.candidates();
        }
        List<Candidate> candidates = candidates(c, since);
        readChanged(c, candidates);
        snapshot = new Snapshot(lastEvent, now, candidates);
        return candidates;
    }

    /** The status list is spelled as constants so the planner can prove V12's partial index applies. */
    private static List<Candidate> candidates(Connection c, Instant since) throws SQLException {
        List<Candidate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, version, category, opened_at FROM tickets
                WHERE deleted_at IS NULL AND status IN ('OPEN', 'ACTIVE') AND opened_at > ?
                ORDER BY opened_at DESC LIMIT\s""" + POOL)) {
            Sql.setInstant(ps, 1, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Candidate(rs.getLong(1), rs.getLong(2), Category.valueOf(rs.getString(3)),
                            Sql.instant(rs, "opened_at")));
                }
            }
        }
        return out;
    }

    /** Reads the text of candidates new or changed since they were last read, and keeps their vectors. */
    private void readChanged(Connection c, List<Candidate> candidates) throws SQLException {
        List<Long> stale = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Known k = known.get(candidate.id());
            if (k == null || k.version() != candidate.version()) {
                stale.add(candidate.id());
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        if (known.size() + stale.size() > CACHE_LIMIT) {
            // Crude but bounded: tickets fall out of the window within a week, so starting over costs one slow request.
            known.clear();
            stale = candidates.stream().map(Candidate::id).toList();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version, title, left(description, " + TEXT_READ
                + "), location FROM tickets WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", stale.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String title = rs.getString(3);
                    known.put(rs.getLong(1), new Known(rs.getLong(2), title,
                            ReportVector.of(title + " " + rs.getString(4), lexicon),
                            Place.of(rs.getString(5), lexicon)));
                }
            }
        }
    }

    private static Map<Long, Integer> followers(Connection c, List<Scored> top) throws SQLException {
        Map<Long, Integer> counts = new HashMap<>();
        if (top.isEmpty()) {
            return counts;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ticket_id, count(*) FROM ticket_follower WHERE ticket_id = ANY(?) GROUP BY ticket_id")) {
            ps.setArray(1, c.createArrayOf("bigint", top.stream().map(Scored::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }
}
