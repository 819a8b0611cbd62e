package campus.helpdesk.launcher;

public class Helpdesk {
    public static void main(String[] args) {
        System.out.println("TODO");
    }
}
