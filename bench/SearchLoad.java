import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Full-text searches in five languages through ticket-service, ROUNDS times each (the first round warms up). */
public class SearchLoad {
    private static final String[] QUERIES = {"printer", "eduroam", "Heizung", "ascensore", "impresora", "radiateur",
            "moodle", "projector room 12", "stampante guasta", "Aufzug", "imprimante", "calefacción", "toilettes",
            "zebra", "wifi", "building 17"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rounds = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> times = new ArrayList<>();
        Map<String, List<Long>> perQuery = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String query : QUERIES) {
                String url = base + "/api/tickets?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                        + (round % 2 == 0 ? "" : "&status=OPEN,ACTIVE");
                HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + System.getenv("BENCH_TOKEN_STAFF")).build();
                long started = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - started;
                if (response.statusCode() != 200) {
                    System.out.println(response.statusCode() + " " + response.body());
                }
                if (round > 0) {
                    times.add(took);
                    perQuery.computeIfAbsent(query + (round % 2 == 0 ? "" : " (open/active)"),
                            q -> new ArrayList<>()).add(took);
                }
            }
        }
        Collections.sort(times);
        System.out.printf("searches=%d p50=%.1fms p95=%.1fms max=%.1fms%n", times.size(),
                times.get(times.size() / 2) / 1e6, times.get((int) (times.size() * 0.95)) / 1e6,
                times.get(times.size() - 1) / 1e6);
        perQuery.forEach((query, list) -> {
            Collections.sort(list);
            System.out.printf("  %-32s median=%.1fms max=%.1fms%n", query, list.get(list.size() / 2) / 1e6,
                    list.get(list.size() - 1) / 1e6);
        });
    }
}
