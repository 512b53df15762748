package org.aduan.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMS gateway for tests: Debian's Kannel ({@code bearerbox} and {@code smsbox} from package
 * {@code kannel}) with the fake SMSC of {@code kannel-extras} ({@code fakesmsc}) standing in for the
 * mobile network. All three run as child processes that die with this JVM, from a generated
 * {@code kannel.conf} in the given directory.
 * <p>
 * The citizen's phone is {@code fakesmsc}: {@link #sendSms} types a message into it (interactive mode,
 * one line per message, through a named pipe), and what Kannel delivers to the network (MT) is read
 * from the lines {@code fakesmsc} prints ({@link #delivered()}). smsbox calls intake's Kannel endpoint
 * for every message from the network (MO) exactly as the contract configures a production gateway, and
 * notification-service sends through smsbox's {@code sendsms} interface with the {@link Plan}'s
 * credentials.
 */
public final class KannelGateway implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KannelGateway.class.getName());

    public static final Path BEARERBOX = Path.of("/usr/sbin/bearerbox");
    public static final Path SMSBOX = Path.of("/usr/sbin/smsbox");
    public static final Path FAKESMSC = Path.of("/usr/lib/kannel/test/fakesmsc");
    /** The SMSC id of the fake network link: Kannel's {@code %i}, and the {@code smsc} notification sends with. */
    public static final String SMSC_ID = "fake";
    /** fakesmsc reads its input with a 256-byte buffer: one message must fit in one line of that. */
    private static final int MAX_MO_LINE = 250;
    private static final Pattern MT_LINE = Pattern.compile("Got message \\d+: <(.*)>\\s*$");

    private final Plan plan;
    private final Path dir;
    private final List<ChildProcess> processes = new ArrayList<>();
    private RandomAccessFile phone;
    private Path fakesmscLog;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private KannelGateway(Plan plan, Path dir) {
        this.plan = plan;
        this.dir = dir;
    }

    /** Kannel's binaries are installed ({@code apt-get install kannel kannel-extras}). */
    public static boolean available() {
        return unavailableReason().isEmpty();
    }

    /** Why Kannel cannot run here, if it cannot: for a test that is skipped. */
    public static Optional<String> unavailableReason() {
        for (Path binary : List.of(BEARERBOX, SMSBOX, FAKESMSC)) {
            if (!Files.isExecutable(binary)) {
                return Optional.of("Kannel is not installed: " + binary + " is missing (Debian packages kannel and"
                        + " kannel-extras; .ci/run installs them)");
            }
        }
        if (!Files.isExecutable(Path.of("/usr/bin/mkfifo"))) {
            return Optional.of("mkfifo is missing: the fake SMSC is fed through a named pipe");
        }
        return Optional.empty();
    }

    /**
     * What the services must be told before the gateway starts: its free ports and fresh credentials.
     *
     * @param token    the secret path segment of intake's Kannel endpoint ({@code aduan.channels.kannel.token})
     * @param username the {@code sendsms-user} notification-service sends as
     */
    public record Plan(int adminPort, int smsboxPort, int sendsmsPort, int smscPort, String adminPassword,
            String token, String username, String password) {

        /** Free ports and random secrets. */
        public static Plan fresh() {
            return new Plan(Ports.free(), Ports.free(), Ports.free(), Ports.free(), secret(), secret(), "aduan",
                    secret());
        }

        /** smsbox's sendsms interface: {@code aduan.notification.kannel.url}. */
        public String sendsmsUrl() {
            return "http://127.0.0.1:" + sendsmsPort + "/cgi-bin/sendsms";
        }

        /** The properties intake-service and notification-service need to talk to this gateway. */
        public Map<String, String> serviceProperties() {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("aduan.channels.kannel.token", token);
            properties.put("aduan.notification.kannel.url", sendsmsUrl());
            properties.put("aduan.notification.kannel.username", username);
            properties.put("aduan.notification.kannel.password", password);
            return properties;
        }

        private static String secret() {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }

    /** A message as it left Kannel towards the network: from the service number to the citizen. */
    public record Sms(String from, String to, String text) {
    }

    /**
     * Writes {@code kannel.conf} into {@code dir}, starts bearerbox, smsbox and fakesmsc, and returns once
     * bearerbox's admin status says the fake SMSC is online and smsbox is connected.
     *
     * @param intakeUrl where smsbox delivers messages from the network, e.g. {@code http://127.0.0.1:8081}:
     *                  the {@code get-url} is {@code <intakeUrl>/api/v1/channels/sms/kannel/<token>?from=%p&...}
     */
    public static KannelGateway start(Plan plan, String intakeUrl, Path dir) {
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        KannelGateway gateway = new KannelGateway(plan, dir.toAbsolutePath());
        try {
            gateway.launch(intakeUrl);
            gateway.awaitReady(Duration.ofSeconds(30));
            return gateway;
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    /** The {@code kannel.conf} of a gateway: one fake SMSC, one smsbox, one sendsms user, one sms-service. */
    static String config(Plan plan, String intakeUrl) {
        String base = intakeUrl.endsWith("/") ? intakeUrl.substring(0, intakeUrl.length() - 1) : intakeUrl;
        return """
                # Generated by devstack's KannelGateway for tests. Kannel's user guide explains every key.
                group = core
                admin-port = %d
                admin-interface = 127.0.0.1
                admin-password = %s
                smsbox-port = %d
                box-deny-ip = "*.*.*.*"
                box-allow-ip = "127.0.0.1"
                dlr-storage = internal

                # The mobile network: fakesmsc connects here, sends what citizens type, prints what Kannel sends.
                group = smsc
                smsc = fake
                smsc-id = %s
                port = %d
                connect-allow-ip = 127.0.0.1

                # A failed call to intake (connection refused, a 5xx) is retried with the same message id.
                group = smsbox
                bearerbox-host = 127.0.0.1
                bearerbox-port = %d
                sendsms-port = %d
                sendsms-interface = 127.0.0.1
                http-request-retry = 3
                http-queue-delay = 1

                # notification-service's account; long answers leave as concatenated SMS.
                group = sendsms-user
                username = %s
                password = %s
                max-messages = 10
                concatenation = true

                # Every message goes to intake, which answers 200 with an empty body: max-messages = 0 so that
                # smsbox never turns the HTTP body into an SMS; the answer leaves later through sendsms.
                group = sms-service
                keyword = default
                catch-all = true
                get-url = "%s/api/v1/channels/sms/kannel/%s?from=%%p&to=%%P&text=%%a&smsc=%%i&id=%%I&charset=%%C&coding=%%c"
                max-messages = 0
                """.formatted(plan.adminPort(), plan.adminPassword(), plan.smsboxPort(), SMSC_ID, plan.smscPort(),
                plan.smsboxPort(), plan.sendsmsPort(), plan.username(), plan.password(), base, plan.token());
    }

    private void launch(String intakeUrl) {
        try {
            Files.createDirectories(dir);
            // a fresh network: what an earlier run delivered must not be read as this run's messages
            for (String name : List.of("bearerbox.log", "smsbox.log", "fakesmsc.log")) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Path conf = dir.resolve("kannel.conf");
            Files.writeString(conf, config(plan, intakeUrl));
            Path pipe = dir.resolve("phone.fifo");
            Files.deleteIfExists(pipe);
            Process mkfifo = new ProcessBuilder("/usr/bin/mkfifo", pipe.toString()).redirectErrorStream(true).start();
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                throw new IllegalStateException("mkfifo " + pipe + " failed: "
                        + new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            // read-write: on Linux this open does not wait for a reader, and fakesmsc never sees end-of-input
            phone = new RandomAccessFile(pipe.toFile(), "rw");

            start("bearerbox", List.of(BEARERBOX.toString(), conf.toString()));
            // smsbox and fakesmsc give up at once when bearerbox does not listen yet
            awaitStatus(Duration.ofSeconds(30), "bearerbox listening for smsbox and the fake SMSC",
                    status -> smscListed(status) && Ports.inUse(plan.smsboxPort()));
            start("smsbox", List.of(SMSBOX.toString(), conf.toString()));
            // interactive mode (no message on the command line): every line on its input is one message
            fakesmscLog = dir.resolve("fakesmsc.log");
            start("fakesmsc", List.of("/bin/sh", "-c", "exec \"$0\" -H 127.0.0.1 -r \"$1\" -i 0.01 < \"$2\"",
                    FAKESMSC.toString(), String.valueOf(plan.smscPort()), pipe.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void start(String name, List<String> command) {
        Path log = dir.resolve(name + ".log");
        ChildProcess process = ChildProcess.start(name, command, dir, log, Map.of()).stopWithJvm(10);
        processes.add(process);
        LOG.info(name + " started (pid " + process.pid() + ", log " + log + ")");
    }

    private void awaitReady(Duration timeout) {
        awaitStatus(timeout, "fake SMSC online and smsbox connected",
                status -> smscOnline(status) && smsboxConnected(status));
        LOG.info("Kannel ready: fake SMSC online on port " + plan.smscPort() + ", sendsms on " + plan.sendsmsUrl());
    }

    /** Polls bearerbox's admin status until {@code ready} holds, failing early when a process died. */
    private void awaitStatus(Duration timeout, String what, Predicate<String> ready) {
        Instant deadline = Instant.now().plus(timeout);
        String status = "";
        while (Instant.now().isBefore(deadline)) {
            for (ChildProcess process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kannel exited during start-up:\n" + process.logTail(30));
                }
            }
            status = adminStatus().orElse("");
            if (ready.test(status)) {
                return;
            }
            KafkaBroker.sleep(200);
        }
        throw new IllegalStateException("Kannel: no " + what + " after " + timeout.toSeconds() + " s; status:\n"
                + status + "\n" + String.join("\n", processes.stream().map(p -> p.logTail(15)).toList()));
    }

    /** The fake SMSC appears on the status page ({@code connecting}) once bearerbox listens for it. */
    static boolean smscListed(String status) {
        return status.lines().anyMatch(line -> line.contains(SMSC_ID + "["));
    }

    /** bearerbox's status page lists {@code fake[fake] FAKE:<port> (online 3s, ...)} once fakesmsc is connected. */
    static boolean smscOnline(String status) {
        return status.lines().anyMatch(line -> line.contains(SMSC_ID + "[") && line.contains("(online"));
    }

    /** ... and {@code smsbox:(none), IP 127.0.0.1 (0 queued), (on-line 0d 0h 0m 1s)} once smsbox is. */
    static boolean smsboxConnected(String status) {
        return status.lines().anyMatch(line -> line.contains("smsbox:") && line.contains("on-line"));
    }

    /** bearerbox's admin status page ({@code status.txt}), if it answers. */
    public Optional<String> adminStatus() {
        URI uri = URI.create("http://127.0.0.1:" + plan.adminPort() + "/status.txt?password="
                + URLEncoder.encode(plan.adminPassword(), StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Plan plan() {
        return plan;
    }

    /**
     * A citizen's phone {@code from} sends {@code text} to {@code to} (e.g. the short code 1708): the
     * fake SMSC hands it to bearerbox as a message from the network, smsbox calls intake.
     */
    public synchronized void sendSms(String from, String to, String text) {
        if (from.isBlank() || to.isBlank() || from.contains(" ") || to.contains(" ")) {
            throw new IllegalArgumentException("phone numbers without spaces, please: '" + from + "', '" + to + "'");
        }
        boolean plain = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        // plain ASCII as it is; anything else (or a line break) as UCS-2, url-encoded, like a handset would code it
        String line = from + " " + to + " " + (plain ? "text " + text
                : "ucs2 " + percentEncode(text.getBytes(StandardCharsets.UTF_16BE)));
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > MAX_MO_LINE) {
            throw new IllegalArgumentException("fakesmsc takes at most " + MAX_MO_LINE + " characters a line; this"
                    + " message needs " + bytes.length);
        }
        try {
            phone.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand the message to fakesmsc", e);
        }
    }

    /**
     * Every message Kannel has delivered to the fake network so far, in order, with the parts of a
     * concatenated SMS joined as the phone would show them.
     */
    public List<Sms> delivered() {
        List<String> lines;
        try {
            lines = Files.exists(fakesmscLog) ? Files.readAllLines(fakesmscLog, StandardCharsets.ISO_8859_1) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Sms> messages = new ArrayList<>();
        Map<String, TreeMap<Integer, byte[]>> partial = new LinkedHashMap<>();
        for (String logLine : lines) {
            Matcher m = MT_LINE.matcher(logLine);
            if (m.find()) {
                parse(m.group(1), messages, partial);
            }
        }
        return messages;
    }

    /** The messages delivered to {@code number}. */
    public List<Sms> deliveredTo(String number) {
        return delivered().stream().filter(sms -> sms.to().equals(number)).toList();
    }

    /**
     * One line of the fake SMSC protocol ({@code sender receiver type data}, Kannel's {@code smsc_fake.c}):
     * type {@code text} (as is), {@code data} (url-encoded octets), {@code ucs-2} (url-encoded UCS-2) or
     * {@code udh <udh> data <octets>} (a part of a concatenated message).
     */
    static void parse(String line, List<Sms> messages, Map<String, TreeMap<Integer, byte[]>> partial) {
        String[] fields = line.split(" ", 4);
        if (fields.length < 4) {
            return;
        }
        String from = fields[0];
        String to = fields[1];
        String type = fields[2];
        String rest = fields[3];
        switch (type) {
            case "text" -> messages.add(new Sms(from, to, rest));
            case "data" -> messages.add(new Sms(from, to, new String(percentDecode(rest), StandardCharsets.ISO_8859_1)));
            case "ucs-2", "ucs2" -> messages.add(new Sms(from, to, new String(percentDecode(rest), StandardCharsets.UTF_16BE)));
            case "udh" -> {
                String[] udhAndData = rest.split(" ", 3);
                if (udhAndData.length < 3) {
                    return;
                }
                byte[] udh = percentDecode(udhAndData[0]);
                byte[] data = percentDecode(udhAndData[2]);
                Optional<int[]> concat = concatenation(udh);
                if (concat.isEmpty()) {
                    messages.add(new Sms(from, to, decode(data)));
                    return;
                }
                int reference = concat.get()[0];
                int total = concat.get()[1];
                int sequence = concat.get()[2];
                String key = from + " " + to + " " + reference;
                TreeMap<Integer, byte[]> parts = partial.computeIfAbsent(key, k -> new TreeMap<>());
                parts.put(sequence, data);
                if (parts.size() == total) {
                    ByteArrayOutputStream whole = new ByteArrayOutputStream();
                    parts.values().forEach(whole::writeBytes);
                    partial.remove(key);
                    messages.add(new Sms(from, to, decode(whole.toByteArray())));
                }
            }
            default -> {
                // not a message line
            }
        }
    }

    /** The concatenation element of a UDH (IEI 0x00: 8-bit reference, 0x08: 16-bit): reference, total, sequence. */
    static Optional<int[]> concatenation(byte[] udh) {
        int i = 1; // udh[0] is the header's length
        while (i + 1 < udh.length) {
            int iei = udh[i] & 0xff;
            int length = udh[i + 1] & 0xff;
            if (iei == 0x00 && length == 3 && i + 4 < udh.length) {
                return Optional.of(new int[] { udh[i + 2] & 0xff, udh[i + 3] & 0xff, udh[i + 4] & 0xff });
            }
            if (iei == 0x08 && length == 4 && i + 5 < udh.length) {
                return Optional.of(new int[] { ((udh[i + 2] & 0xff) << 8) | (udh[i + 3] & 0xff), udh[i + 4] & 0xff,
                        udh[i + 5] & 0xff });
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    /**
     * fakesmsc's line does not say how a message with a UDH is coded. Aduan's texts are Latin script, so
     * UCS-2 shows as a zero high octet in (nearly) every other position; anything else is taken as 8-bit.
     */
    static String decode(byte[] octets) {
        if (octets.length % 2 == 0 && octets.length > 0) {
            int zeroHigh = 0;
            for (int i = 0; i < octets.length; i += 2) {
                if (octets[i] == 0) {
                    zeroHigh++;
                }
            }
            if (zeroHigh * 4 >= octets.length / 2 * 3) {
                return new String(octets, StandardCharsets.UTF_16BE);
            }
        }
        return new String(octets, StandardCharsets.ISO_8859_1);
    }

    /** Kannel's url-encoding: {@code %XX} for an octet, {@code +} for a space. */
    static byte[] percentDecode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String percentEncode(byte[] octets) {
        StringBuilder out = new StringBuilder();
        for (byte b : octets) {
            out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }

    /** Stops fakesmsc, smsbox and bearerbox (in that order), each with its descendants. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop(10);
        }
        processes.clear();
        if (phone != null) {
            try {
                phone.close();
            } catch (IOException e) {
                LOG.fine("closing the pipe to fakesmsc: " + e);
            }
            phone = null;
        }
    }
}
