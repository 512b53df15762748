package org.aduan.deploy.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.aduan.events.Topics;

/**
 * What a service says about itself in its sources: {@code application.properties} (port, database,
 * environment variables, Kafka channels) and which topics its outbox publishes to. Profile-specific
 * keys ({@code %dev.}, {@code %test.}) are ignored: deployments run the default (prod) profile.
 */
public record ServiceConfig(
        String name,
        Path dir,
        int httpPort,
        String database,
        int jdbcMaxSize,
        Map<String, String> properties,
        Map<String, EnvReference> envReferences,
        List<IncomingChannel> incoming,
        Set<String> producedTopics,
        boolean verifiesTokens) {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern OUTGOING = Pattern.compile("mp\\.messaging\\.outgoing\\.([^.]+)\\.topic");
    /** Quarkus' default pool size when quarkus.datasource.jdbc.max-size is not set. */
    private static final int DEFAULT_POOL_SIZE = 20;

    /** {@code ${NAME:default}} in the value of {@code property}. */
    public record EnvReference(String name, Optional<String> defaultValue, String property) {
    }

    /** One {@code mp.messaging.incoming.<channel>} of the smallrye-kafka connector. */
    public record IncomingChannel(String channel, String topic, Optional<String> groupId,
            Optional<String> failureStrategy, Optional<String> deadLetterTopic, Optional<String> autoOffsetReset) {
    }

    public static ServiceConfig load(Path dir) {
        Path file = dir.resolve("src/main/resources/application.properties");
        Properties raw = new Properties();
        try {
            raw.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> props = new TreeMap<>();
        for (String key : raw.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                props.put(key, raw.getProperty(key).trim());
            }
        }
        String name = required(props, "quarkus.application.name", file);
        if (!name.equals(dir.getFileName().toString())) {
            throw new IllegalStateException(file + ": quarkus.application.name " + name + " is not the module name");
        }
        int port = Integer.parseInt(required(props, "quarkus.http.port", file));
        String database = databaseOf(required(props, "quarkus.datasource.jdbc.url", file), file);
        int poolSize = Optional.ofNullable(props.get("quarkus.datasource.jdbc.max-size")).map(Integer::parseInt)
                .orElse(DEFAULT_POOL_SIZE);

        Map<String, EnvReference> env = new LinkedHashMap<>();
        props.forEach((key, value) -> {
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                env.putIfAbsent(m.group(1), new EnvReference(m.group(1), Optional.ofNullable(m.group(2)), key));
            }
        });

        List<IncomingChannel> incoming = new ArrayList<>();
        Set<String> produced = new TreeSet<>();
        props.forEach((key, value) -> {
            Matcher in = INCOMING.matcher(key);
            if (in.matches()) {
                String prefix = "mp.messaging.incoming." + in.group(1) + ".";
                incoming.add(new IncomingChannel(in.group(1), value,
                        Optional.ofNullable(props.get(prefix + "group.id")),
                        Optional.ofNullable(props.get(prefix + "failure-strategy")),
                        Optional.ofNullable(props.get(prefix + "dead-letter-queue.topic")),
                        Optional.ofNullable(props.get(prefix + "auto.offset.reset"))));
            }
            if (OUTGOING.matcher(key).matches()) {
                produced.add(value);
            }
        });
        produced.addAll(outboxTopics(dir.resolve("src/main/java")));

        boolean oidc = Repository.read(dir.resolve("pom.xml")).contains("<artifactId>quarkus-oidc</artifactId>");
        return new ServiceConfig(name, dir, port, database, poolSize, Map.copyOf(props), Map.copyOf(env),
                List.copyOf(incoming), Set.copyOf(produced), oidc);
    }

    /** The topics this service consumes. */
    public Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        incoming.forEach(c -> topics.add(c.topic()));
        return topics;
    }

    /** The topics its consumers dead-letter to. */
    public Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        incoming.forEach(c -> c.deadLetterTopic().ifPresent(topics::add));
        return topics;
    }

    /** The variable that names the Keycloak server in {@code quarkus.oidc.auth-server-url}, if the service verifies tokens. */
    public Optional<String> oidcServerVariable() {
        return envReferences.values().stream().filter(r -> r.property().equals("quarkus.oidc.auth-server-url"))
                .map(EnvReference::name).findFirst();
    }

    public boolean consumes() {
        return !incoming.isEmpty();
    }

    /**
     * Whether the service reads this environment variable: it is referenced as {@code ${NAME...}}, or
     * it is the environment form of one of its properties (SmallRye Config: {@code aduan.identity.key-id}
     * is also read from {@code ADUAN_IDENTITY_KEY_ID}).
     */
    public boolean readsEnv(String variable) {
        return envReferences.containsKey(variable)
                || properties.keySet().stream().anyMatch(key -> environmentName(key).equals(variable));
    }

    /** The value the service uses when the variable is not set: the reference's default, or the property's value. */
    public Optional<String> developmentValueOf(String variable) {
        EnvReference ref = envReferences.get(variable);
        if (ref != null) {
            return ref.defaultValue();
        }
        return properties.entrySet().stream().filter(e -> environmentName(e.getKey()).equals(variable))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The environment variables of the platform's own settings, referenced in application.properties. */
    public Set<String> aduanVariables() {
        Set<String> names = new TreeSet<>();
        envReferences.keySet().stream().filter(n -> n.startsWith("ADUAN_")).forEach(names::add);
        return names;
    }

    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String databaseOf(String jdbcUrl, Path file) {
        // ${ADUAN_DB_URL:jdbc:postgresql://localhost:5433}/intake -> intake
        String rest = ENV_REFERENCE.matcher(jdbcUrl).replaceAll("");
        if (!rest.startsWith("/") || rest.length() < 2) {
            throw new IllegalStateException(file + ": quarkus.datasource.jdbc.url does not end in /<database>: " + jdbcUrl);
        }
        int query = rest.indexOf('?');
        return (query < 0 ? rest.substring(1) : rest.substring(1, query));
    }

    /**
     * Topics an outbox publishes to: lines of the main sources that name both an outbox and a
     * {@link Topics} constant ({@code outbox.enqueue(Topics.ROUTED, ...)}).
     */
    private static Set<String> outboxTopics(Path sources) {
        Map<String, String> constants = topicConstants();
        Set<String> topics = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.toLowerCase(Locale.ROOT).contains("outbox")) {
                        continue;
                    }
                    constants.forEach((constant, topic) -> {
                        if (Pattern.compile("\\bTopics\\." + constant + "\\b").matcher(line).find()) {
                            topics.add(topic);
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    private static Map<String, String> topicConstants() {
        Map<String, String> constants = new LinkedHashMap<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    constants.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }

    private static String required(Map<String, String> props, String key, Path file) {
        String value = props.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " has no " + key);
        }
        return value;
    }
}
