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

/**
 * Open tickets that look like a report being typed. Only OPEN and ACTIVE tickets opened in the last
 * {@link #RECENT} are candidates: an outage is reported within hours, and an older ticket about the same thing is
 * more likely a different occurrence. Each candidate is compared by what it speaks of ({@link ReportVector}, across
 * the five languages), its category against the classifier's category of the typed text, and its place against the
 * given location.
 *
 * <p>Only the candidates sharing a concept or word stem with the typed text are compared (the others' text match is
 * 0, so they never score): {@link SimilarIndex} finds them by concept, dozens where there are thousands of
 * candidates. The best are then checked against their live rows in one statement, so what is offered is open and
 * recent now, whatever the index last read.
 *
 * <p>A report linked to an incident is offered as its incident: a student joining the outage must join the ticket
 * that staff answer and close for everyone, not one of its dozens of linked reports. The incident takes the best
 * score of its reports (and its own), so a wave of reports is one offer, with the incident's followers.
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
    /** How many of the best are checked live at a time: a few more than are offered, as some may have closed. */
    private static final int CHECK = 4 * IncidentOperations.MAX_SIMILAR;
    private static final String LIVE = """
            SELECT t.id, t.category, t.opened_at, t.incident_id
            FROM tickets t WHERE t.id = ANY(?) AND\s""" + SimilarIndex.CANDIDATE;
    /** What is offered: open, whatever its age (an incident may be older than the reports linked to it). */
    private static final String OFFERED = """
            SELECT t.id, t.title, (SELECT count(*) FROM ticket_follower f WHERE f.ticket_id = t.id) AS followers
            FROM tickets t WHERE t.id = ANY(?) AND t.deleted_at IS NULL AND t.status IN ('OPEN', 'ACTIVE')""";

    private final Database db;
    private final CurrentClassifier classifier;
    private final SimilarIndex index;
    private final Lexicon lexicon;
    private final double threshold;

    private record Scored(SimilarIndex.Indexed candidate, double score) {
    }

    /** A candidate confirmed live, with its unrounded score and the ticket it is offered as. */
    private record Confirmed(double score, long offeredAs) {
    }

    public SimilarSearch(Database db, CurrentClassifier classifier, SimilarIndex index,
                         @Value("${helpdesk.similar.threshold:" + DEFAULT_THRESHOLD + "}") double threshold) {
        this.db = db;
        this.classifier = classifier;
        this.index = index;
        this.lexicon = index.lexicon();
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
        Instant since = now.minus(RECENT);
        return db.autoCommit(c -> {
            index.catchUp(c, since);
            List<Scored> ranked = new ArrayList<>();
            for (SimilarIndex.Indexed candidate : index.sharing(typed)) {
                if (candidate.openedAt().isAfter(since)) {
                    double score = score(typed, category, place, candidate, candidate.category(),
                            candidate.openedAt(), now);
                    if (score >= threshold) {
                        ranked.add(new Scored(candidate, score));
                    }
                }
            }
            ranked.sort(BEST_FIRST);
            Map<Long, Double> best = new HashMap<>();
            for (int from = 0; from < ranked.size() && best.size() < IncidentOperations.MAX_SIMILAR; from += CHECK) {
                for (Confirmed confirmed : live(c, ranked.subList(from, Math.min(ranked.size(), from + CHECK)),
                        typed, category, place, since, now)) {
                    best.merge(confirmed.offeredAs(), confirmed.score(), Math::max);
                }
            }
            return offered(c, best);
        });
    }

    /** The best of {@code best} that are still open, with their titles and followers, best first. */
    private static List<SimilarTicket> offered(Connection c, Map<Long, Double> best) throws SQLException {
        List<SimilarTicket> offers = new ArrayList<>();
        if (best.isEmpty()) {
            return offers;
        }
        try (PreparedStatement ps = c.prepareStatement(OFFERED)) {
            ps.setArray(1, c.createArrayOf("bigint", best.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    offers.add(new SimilarTicket(id, rs.getString("title"), rs.getInt("followers"), best.get(id)));
                }
            }
        }
        offers.sort(Comparator.comparingDouble(SimilarTicket::score).reversed().thenComparing(SimilarTicket::id));
        return offers.stream().limit(IncidentOperations.MAX_SIMILAR)
                .map(o -> new SimilarTicket(o.id(), o.title(), o.followers(), round(o.score()))).toList();
    }

    private static final Comparator<Scored> BEST_FIRST =
            Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.candidate().id());

    /** Those of {@code batch} open and recent now, scored by their live category and opening time. */
    private List<Confirmed> live(Connection c, List<Scored> batch, ReportVector typed, Category category,
                                 Place place, Instant since, Instant now) throws SQLException {
        Map<Long, SimilarIndex.Indexed> byId = new HashMap<>();
        batch.forEach(s -> byId.put(s.candidate().id(), s.candidate()));
        List<Confirmed> confirmed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(LIVE)) {
            ps.setArray(1, c.createArrayOf("bigint", byId.keySet().toArray()));
            Sql.setInstant(ps, 2, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SimilarIndex.Indexed candidate = byId.get(rs.getLong("id"));
                    double score = score(typed, category, place, candidate,
                            Category.valueOf(rs.getString("category")), Sql.instant(rs, "opened_at"), now);
                    if (score >= threshold) {
                        long incident = rs.getLong("incident_id");
                        confirmed.add(new Confirmed(score, rs.wasNull() ? candidate.id() : incident));
                    }
                }
            }
        }
        return confirmed;
    }

    private static double score(ReportVector typed, Category category, Place place, SimilarIndex.Indexed candidate,
                                Category theirCategory, Instant openedAt, Instant now) {
        double text = typed.cosine(candidate.text());
        if (text == 0) {
            return 0;
        }
        double score = TEXT * text + (theirCategory == category ? SAME_CATEGORY : 0)
                + PLACE * place.agreement(candidate.place());
        double age = Duration.between(openedAt, now).toMillis() / (double) RECENT.toMillis();
        score -= AGE_PENALTY * Math.max(0, Math.min(1, age));
        return Math.max(0, Math.min(1, score));
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
