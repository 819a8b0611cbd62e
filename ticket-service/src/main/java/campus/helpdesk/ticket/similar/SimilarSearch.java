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
import java.util.Set;

/**
 * Open tickets that look like a report being typed. Only OPEN and ACTIVE tickets opened in the last
 * {@link #RECENT} are candidates: an outage is reported within hours, and an older ticket about the same thing is
 * more likely a different occurrence. Each candidate is compared by what it speaks of ({@link ReportVector}, across
 * the five languages), its category against the classifier's category of the typed text, and its place against the
 * given location.
 *
 * <p>The comparison of texts is a sum over shared concepts, so it is asked of the index by concept that
 * {@link SimilarIndex} keeps (migration V13): only the postings of the typed text's few concepts are read, and only
 * tickets whose text alone could reach the threshold come back, with their live status, category and opening time.
 * A request thus touches the tickets sharing a concept with the typed text (dozens), not every candidate.
 */
@Singleton
public class SimilarSearch {

    /** How far back a ticket is still a candidate. */
    public static final Duration RECENT = Duration.ofDays(7);
    /** The default score below which nothing is suggested, chosen on the evaluation set (ticket-service README). */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private static final double TEXT = 0.8;
    private static final double SAME_CATEGORY = 0.15;
    private static final double PLACE = 0.05;
    private static final double AGE_PENALTY = 0.1;

    /**
     * The typed text's concepts against the postings, summed per ticket (both vectors have unit length: the cosine),
     * then the live row of the tickets whose text could reach the threshold. The status list is spelled out so the
     * planner can prove V12's partial index applies.
     */
    private static final String MATCHES = """
            WITH typed (concept, weight) AS (SELECT * FROM unnest(?::text[], ?::float8[])),
            hits AS (
                SELECT p.ticket_id, sum(p.weight * typed.weight) AS text
                FROM typed JOIN similar_concept p ON p.concept = typed.concept
                GROUP BY p.ticket_id HAVING sum(p.weight * typed.weight) >= ?)
            SELECT t.id, t.title, t.category, t.opened_at, s.place, h.text
            FROM hits h JOIN similar_ticket s ON s.ticket_id = h.ticket_id JOIN tickets t ON t.id = h.ticket_id
            WHERE t.deleted_at IS NULL AND t.status IN ('OPEN', 'ACTIVE') AND t.opened_at > ?""";

    private final Database db;
    private final CurrentClassifier classifier;
    private final SimilarIndex index;
    private final Lexicon lexicon;
    private final double threshold;
    /** Below this text match not even the same category and place lift a ticket to the threshold. */
    private final double leastText;

    private record Scored(long id, String title, double score) {
    }

    public SimilarSearch(Database db, CurrentClassifier classifier, SimilarIndex index,
                         @Value("${helpdesk.similar.threshold:" + DEFAULT_THRESHOLD + "}") double threshold) {
        this.db = db;
        this.classifier = classifier;
        this.index = index;
        this.lexicon = index.lexicon();
        this.threshold = threshold;
        // Slightly under the bound: the database sums in another order than Java would, a few ulps apart.
        this.leastText = (threshold - SAME_CATEGORY - PLACE) / TEXT - 1e-9;
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
            index.catchUp(c, since);
            List<Scored> best = matches(c, typed, category, place, since, now);
            best.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
            List<Scored> top = best.subList(0, Math.min(IncidentOperations.MAX_SIMILAR, best.size()));
            Map<Long, Integer> followers = followers(c, top);
            return top.stream().map(s -> new SimilarTicket(s.id(), s.title(),
                    followers.getOrDefault(s.id(), 0), round(s.score()))).toList();
        });
    }

    private List<Scored> matches(Connection c, ReportVector typed, Category category, Place place, Instant since,
                                 Instant now) throws SQLException {
        List<Scored> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(MATCHES)) {
            ps.setArray(1, c.createArrayOf("text", typed.weights().keySet().toArray()));
            ps.setArray(2, c.createArrayOf("float8", typed.weights().values().toArray()));
            ps.setDouble(3, leastText);
            Sql.setInstant(ps, 4, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Place theirs = new Place(Set.of((String[]) rs.getArray("place").getArray()));
                    double score = score(Math.min(1, rs.getDouble("text")), category == Category.valueOf(
                            rs.getString("category")), place.agreement(theirs), Sql.instant(rs, "opened_at"), now);
                    if (score >= threshold) {
                        out.add(new Scored(rs.getLong("id"), rs.getString("title"), score));
                    }
                }
            }
        }
        return out;
    }

    private static double score(double text, boolean sameCategory, int placeAgreement, Instant openedAt,
                                Instant now) {
        double score = TEXT * text + (sameCategory ? SAME_CATEGORY : 0) + PLACE * placeAgreement;
        double age = Duration.between(openedAt, now).toMillis() / (double) RECENT.toMillis();
        score -= AGE_PENALTY * Math.max(0, Math.min(1, age));
        return Math.max(0, Math.min(1, score));
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
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
