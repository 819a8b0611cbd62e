# The image of any of the five services, chosen by two build arguments. The service's jar is built first, once for
# all five, on the host (one Maven build; nothing is downloaded again per image), then copied in:
#   ./mvnw -q install -DskipTests
#   docker build --build-arg SERVICE=ticket-service --build-arg PORT=8081 -t campus-helpdesk/ticket-service .
# SERVICE is the service's Maven module, PORT its default port (micronaut.server.port in its application.yml).
# docker-compose.yml passes both for each service ("docker compose up --build" after the Maven build).
# The build context is the repository root; .dockerignore lets in only the modules' runnable *-all.jar files of
# target/. The Maven build compiles the tests without running them (-DskipTests; CI runs them): the analytics
# services' build needs analytics-support's test jar, which -Dmaven.test.skip=true would not make.

FROM eclipse-temurin:21-jre
ARG SERVICE
ARG PORT
RUN test -n "$SERVICE" && test -n "$PORT" \
 || { echo "Build with --build-arg SERVICE=<module> --build-arg PORT=<its port>, e.g. SERVICE=gateway PORT=8080" >&2; exit 1; }
RUN groupadd --system --gid 10001 helpdesk \
 && useradd --system --uid 10001 --gid helpdesk --home-dir /app --shell /usr/sbin/nologin helpdesk
WORKDIR /app
# Missing jar ("no source files were specified")? Run ./mvnw -q install -DskipTests at the repository root first.
COPY --chown=root:root ${SERVICE}/target/${SERVICE}-*-all.jar /app/service.jar
USER 10001:10001
# The same flags as the launcher gives each service (launcher/README.md, BENCHMARKS.md "Memory and start-up"): the
# serial collector for a service given 1-2 CPUs, bounded metaspace and code cache, two JIT threads, and the heap
# ceiling of this service (MAX_HEAP, passed by docker-compose.yml; the Kubernetes limits leave room for the memory
# outside the heap). MALLOC_ARENA_MAX=2: glibc's per-thread arenas otherwise hold tens of MB of freed memory.
ARG MAX_HEAP=256m
ENV HELPDESK_PORT=$PORT \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-Xmx${MAX_HEAP} -Xms16m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:CICompilerCount=2 -XX:+ExitOnOutOfMemoryError"
EXPOSE $PORT
# The JRE image has no curl or wget: a tiny class in the service jar asks http://127.0.0.1:$HELPDESK_PORT/health.
HEALTHCHECK --interval=10s --timeout=5s --start-period=40s --retries=3 \
  CMD ["java", "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", "/app/service.jar", "campus.helpdesk.support.health.HealthProbe"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/service.jar"]
