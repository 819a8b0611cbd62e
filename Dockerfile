# syntax=docker/dockerfile:1
# The image of any of the five services, chosen by two build arguments; the build context is the repository root
# (a service's build needs the sibling modules):
#   docker build --build-arg SERVICE=ticket-service --build-arg PORT=8081 -t campus-helpdesk/ticket-service .
# SERVICE is the service's Maven module, PORT its default port (micronaut.server.port in its application.yml).
# docker-compose.yml passes both for each service.

FROM maven:3.9-eclipse-temurin-21 AS build
ARG SERVICE
ARG PORT
RUN test -n "$SERVICE" && test -n "$PORT" \
 || { echo "Build with --build-arg SERVICE=<module> --build-arg PORT=<its port>, e.g. SERVICE=gateway PORT=8080" >&2; exit 1; }
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between builds; -am builds the modules this one needs. Tests are
# compiled but not run (CI runs them): the analytics services' build needs analytics-support's test jar, which
# -Dmaven.test.skip=true would not make.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl "$SERVICE" -am package -DskipTests \
 && cp "$SERVICE"/target/"$SERVICE"-*-all.jar /service.jar

FROM eclipse-temurin:21-jre
ARG PORT
RUN groupadd --system --gid 10001 helpdesk \
 && useradd --system --uid 10001 --gid helpdesk --home-dir /app --shell /usr/sbin/nologin helpdesk
WORKDIR /app
COPY --from=build --chown=root:root --chmod=0444 /service.jar /app/service.jar
USER 10001:10001
# Heap as a share of the container's memory limit; the serial collector suits a service given 1-2 CPUs.
ENV HELPDESK_PORT=$PORT \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
EXPOSE $PORT
# The JRE image has no curl or wget: a tiny class in the service jar asks http://127.0.0.1:$HELPDESK_PORT/health.
HEALTHCHECK --interval=10s --timeout=5s --start-period=40s --retries=3 \
  CMD ["java", "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", "/app/service.jar", "campus.helpdesk.support.health.HealthProbe"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/service.jar"]
