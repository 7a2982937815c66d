# Parley: one image for every role. The roles and every setting come from the environment:
#   PARLEY_ROLES=gateway | rooms,notify | gateway,rooms,notify (default: all), PARLEY_CLUSTER=true, PARLEY_DB_URL=...
# (see README.md "Configuration" for every PARLEY_* variable, and k8s/ for how the manifests set them).
#
# Base images are pinned to exact releases. This machine has no container runtime or registry, so their digests could
# not be resolved here: pin them with `@sha256:...` in the registry you build from (docs/operations.md, "The image").

# --- Build: the whole reactor with Maven, tests skipped (CI runs them: `mvn -B verify`) ---
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
# The poms first, so that dependencies are downloaded once and kept in a layer until a pom changes.
COPY pom.xml ./
COPY shared/pom.xml shared/
COPY room-verticle/pom.xml room-verticle/
COPY notification-verticle/pom.xml notification-verticle/
COPY chat-gateway/pom.xml chat-gateway/
COPY bench/pom.xml bench/
COPY microbench/pom.xml microbench/
COPY app/pom.xml app/
# go-offline cannot resolve the reactor's own modules before they are built: what it fetched is kept, the rest
# comes with the package step.
RUN mvn -B -q -pl app -am dependency:go-offline -DskipTests || true
COPY . .
RUN mvn -B -q -pl app -am package -DskipTests && cp app/target/parley.jar /parley.jar

# --- Runtime: a JRE only, no build tools, no shell needed by the process ---
FROM eclipse-temurin:17.0.13_11-jre-noble
# A user of its own with a fixed id, so that runAsNonRoot can check it without a name lookup.
RUN groupadd --system --gid 10001 parley \
 && useradd --system --uid 10001 --gid parley --home-dir /var/lib/parley --no-create-home parley \
 && mkdir -p /opt/parley /var/lib/parley \
 && chown parley:parley /var/lib/parley
COPY --from=build /parley.jar /opt/parley/parley.jar
COPY conf/ /opt/parley/conf/
WORKDIR /opt/parley

# Memory from the container's limit, not the host's: the heap takes 70%, the rest is for threads, direct buffers
# (Netty) and the code cache. A JVM that ran out of memory exits, so the orchestrator restarts it rather than leaving
# a half-working node. (The flags Hazelcast needs are in the jar's manifest.)
ENV JAVA_TOOL_OPTIONS="-XX:+UseContainerSupport -XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC -Djava.io.tmpdir=/tmp" \
    PARLEY_DATA_DIR=/var/lib/parley \
    PARLEY_OPS_PORT=9090 \
    PARLEY_CLUSTER_PORT=5701 \
    PARLEY_CLUSTER_EVENT_BUS_PORT=5801

# http.port (the API, WebSockets and the web client), ops.port (probes and /metrics), Hazelcast, the event bus.
EXPOSE 8080 9090 5701 5801
USER 10001:10001
# The data folder is the only place written besides /tmp: mount a volume there (the root filesystem can be read-only).
VOLUME ["/var/lib/parley"]
ENTRYPOINT ["java", "-jar", "/opt/parley/parley.jar"]
