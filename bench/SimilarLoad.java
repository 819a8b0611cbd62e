import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Files WAVE reports of one outage (in five languages), then asks GET /api/tickets/similar for report texts as a
 * student types them, ROUNDS times each (the first round warms up), one request at a time: the latency one person
 * sees. Prints p50, p99, max, the first request on its own line, and how many candidates the database held.
 */
public class SimilarLoad {
    private static final String[] WAVE = {"Eduroam down in the library", "Wifi non funziona in biblioteca",
            "El wifi no funciona en la biblioteca", "WLAN in der Bibliothek geht nicht",
            "Le wifi ne marche pas à la bibliothèque"};
    private static final String[] TYPED = {"eduroam", "eduroam down", "eduroam down in the library",
            "wifi biblioteca", "WLAN Bibliothek kaputt", "le wifi ne marche pas", "printer in building B",
            "stampante guasta", "Heizung im Hörsaal", "ascensor roto", "moodle error", "projector E12",
            "how do I get a new student card", "no heating in lecture hall A1, it is freezing and the radiators "
            + "are cold since this morning, please send someone"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int wave = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        String token = System.getenv("BENCH_TOKEN_STUDENT");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < wave; i++) {
            String body = "{\"title\":\"" + WAVE[i % WAVE.length] + "\",\"description\":\"Report " + i
                    + " of the wave: no connection since 9 o'clock\",\"location\":\"Library\"}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
        }
        List<Long> times = new ArrayList<>();
        String sample = "";
        long first = -1;
        for (int round = 0; round < rounds; round++) {
            for (String typed : TYPED) {
                String url = base + "/api/tickets/similar?text=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)
                        + (round % 2 == 0 ? "" : "&location=Library");
                HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).build();
                long started = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - started;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                if (first < 0) {
                    first = took;
                }
                if (round > 0) {
                    times.add(took);
                } else if (typed.equals("eduroam down in the library")) {
                    sample = response.body();
                }
            }
        }
        Collections.sort(times);
        System.out.printf("similar requests=%d p50=%.1fms p99=%.1fms max=%.1fms%n", times.size(),
                times.get(times.size() / 2) / 1e6, times.get((int) Math.ceil(times.size() * 0.99) - 1) / 1e6,
                times.get(times.size() - 1) / 1e6);
        System.out.printf("the first request after the wave (warm-up, not counted): %.1fms%n", first / 1e6);
        System.out.println("answer to 'eduroam down in the library': " + sample);
    }
}
