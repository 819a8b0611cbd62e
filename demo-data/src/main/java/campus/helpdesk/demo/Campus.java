package campus.helpdesk.demo;

import campus.helpdesk.api.Category;

import java.util.List;
import java.util.SplittableRandom;

/** The people and places of the demo campus. */
final class Campus {

    private static final List<String> PLACES = List.of(
            "Main Library", "Science Hall A", "Science Hall B", "Engineering Building", "Humanities Tower",
            "Galilei Residence", "Curie Residence", "Sports Centre", "Student Union", "Medical School",
            "Law Faculty", "North Canteen", "South Canteen", "Aula Magna", "Computer Centre", "Rectorate",
            "Chemistry Labs", "Music Building", "Language Centre", "Economics Building", "Architecture Studio",
            "Physics Institute", "Biology Greenhouse", "Admissions Office");

    private static final List<String> FIRST_NAMES = List.of(
            "Giulia", "Marco", "Sofia", "Lukas", "Lea", "Hugo", "Camille", "Lucía", "Pablo", "Emma", "Noah",
            "Olivia", "Liam", "Aisha", "Wei", "Yuki", "Omar", "Priya", "Jonas", "Anna", "Mateo", "Chloé",
            "Elif", "Finn", "Martina", "Javier", "Ines", "Louis", "Hannah", "Tomás", "Zoe", "Ravi", "Sara",
            "Leon", "Alba", "Nina", "Jakob", "Manon", "Diego", "Amira");

    private static final List<String> LAST_NAMES = List.of(
            "Rossi", "Bianchi", "Müller", "Schmidt", "Martin", "Bernard", "García", "Fernández", "Smith",
            "Johnson", "Nguyen", "Chen", "Kowalski", "Novak", "Esposito", "Romano", "Weber", "Fischer",
            "Dubois", "Moreau", "López", "Sánchez", "Brown", "Taylor", "Yilmaz", "Khan", "Silva", "Costa",
            "Wagner", "Lefèvre", "Ricci", "Hoffmann", "Martínez", "Wilson", "Sato", "Kim");

    /** Each queue has its own team, eight people in all; the first names are the ones who take most tickets. */
    private static final List<String> FACILITY_STAFF = List.of("Paolo Ferri", "Helga Brandt", "Tom Baker");
    private static final List<String> IT_STAFF = List.of("Anna Keller", "Luca Moretti", "Sam Patel");
    private static final List<String> SERVICES_STAFF = List.of("Elena Conti", "Sophie Girard");

    private Campus() {
    }

    static String place(SplittableRandom random) {
        return PLACES.get(random.nextInt(PLACES.size()));
    }

    /** A room code such as {@code 2.14}: floor, then room number. */
    static String room(SplittableRandom random) {
        int number = 1 + random.nextInt(40);
        return random.nextInt(5) + "." + (number < 10 ? "0" : "") + number;
    }

    static String student(SplittableRandom random) {
        return FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " "
                + LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
    }

    static String staff(Category category, SplittableRandom random) {
        List<String> team = team(category);
        // Squaring a uniform number favours the first members: a few people carry most of the queue.
        double u = random.nextDouble();
        return team.get((int) (u * u * team.size()));
    }

    /** Someone else of the same team, to hand a ticket over to. */
    static String colleague(Category category, String staff, SplittableRandom random) {
        List<String> team = team(category);
        int from = team.indexOf(staff);
        return team.get((from + 1 + random.nextInt(team.size() - 1)) % team.size());
    }

    private static List<String> team(Category category) {
        return switch (category) {
            case FACILITY -> FACILITY_STAFF;
            case IT -> IT_STAFF;
            case SERVICES -> SERVICES_STAFF;
        };
    }
}
