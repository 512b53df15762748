package org.aduan.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.aduan.notification.channel.ProviderMockServer.Recorded;
import org.aduan.notification.channel.ProviderMockServer.Scripted;
import org.aduan.notification.channel.kannel.KannelConfig;
import org.aduan.notification.channel.kannel.KannelSender;
import org.aduan.notification.channel.telegram.TelegramConfig;
import org.aduan.notification.channel.telegram.TelegramSender;
import org.aduan.notification.channel.whatsapp.WhatsAppConfig;
import org.aduan.notification.channel.whatsapp.WhatsAppSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The senders against the provider mocks, without the service around them: a fixed clock, exact answers. */
class SendersTest {

    private static final Instant NOW = Instant.parse("2026-05-12T03:00:00Z");
    private static final String PHONE = "+6281234567890";

    private final ProviderMockServer mock = new ProviderMockServer();
    private final ProviderHttp http = new ProviderHttp(new HttpConfig() {
        @Override
        public Duration connectTimeout() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Duration requestTimeout() {
            return Duration.ofSeconds(5);
        }
    });

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void whatsAppSendsTextUpTo24HoursAfterTheCitizensLastMessageAndTheTemplateAfter() {
        WhatsAppSender sender = whatsApp(Optional.of("aduan_update"));

        SendResult inside = sender.send(delivery("Aduan ADN-7KQ2-M9XD telah diteruskan ke pln.",
                NOW.minus(Duration.ofHours(23).plusMinutes(59))));
        SendResult outside = sender.send(delivery("Aduan ADN-7KQ2-M9XD telah diteruskan ke pln.",
                NOW.minus(Duration.ofHours(24).plusMinutes(1))));
        SendResult neverWrote = sender.send(new Delivery(PHONE, Optional.of("106540352242922"), Optional.empty(),
                "Aduan ADN-7KQ2-M9XD telah diteruskan ke pln.", "id", Optional.empty()));

        assertThat(inside).isInstanceOf(SendResult.Sent.class);
        assertThat(((SendResult.Sent) inside).providerMessageId()).hasValueSatisfying(id -> assertThat(id).startsWith("wamid."));
        assertThat(outside).isInstanceOf(SendResult.Sent.class);
        assertThat(neverWrote).isInstanceOf(SendResult.Sent.class);
        assertThat(mock.requests()).extracting(r -> r.json().path("type").asText())
                .containsExactly("text", "template", "template");
        assertThat(mock.requests().get(1).json().path("template").path("components").path(0).path("parameters")
                .path(0).path("text").asText()).isEqualTo("Aduan ADN-7KQ2-M9XD telah diteruskan ke pln.");
    }

    @Test
    void whatsAppWithoutATemplateCannotReachACitizenOutsideTheWindow() {
        SendResult result = whatsApp(Optional.empty()).send(delivery("text", NOW.minus(Duration.ofDays(2))));

        assertThat(result).isEqualTo(new SendResult.Undeliverable("whatsapp-template-not-configured"));
        assertThat(mock.requests()).isEmpty();
    }

    @Test
    void whatsAppRateLimitCodeIsTransientEvenOnA400() {
        mock.script("6281234567890", new Scripted(400,
                "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\",\"code\":130429}}", Map.of()));

        SendResult result = whatsApp(Optional.of("aduan_update")).send(delivery("text", NOW));

        assertThat(result).isInstanceOf(SendResult.TransientFailure.class);
    }

    @Test
    void kannelSendsUcs2OnlyWhenTheTextIsNotGsm7() {
        KannelSender sender = new KannelSender(kannel(), http);

        SendResult gsm = sender.send(new Delivery(PHONE, Optional.of("1708"), Optional.of("smsc1"),
                "Aduan ADN-7KQ2-M9XD telah diteruskan ke pemda-32.73.", "id", Optional.empty()));
        SendResult ucs2 = sender.send(new Delivery(PHONE, Optional.of("1708"), Optional.of("smsc1"),
                "Terima kasih 🙏 ADN-7KQ2-M9XD", "id", Optional.empty()));

        assertThat(gsm).isEqualTo(new SendResult.Sent(Optional.of(202), Optional.empty()));
        assertThat(ucs2).isInstanceOf(SendResult.Sent.class);
        Recorded first = mock.requests().get(0);
        Recorded second = mock.requests().get(1);
        assertThat(first.query()).doesNotContainKey("coding").containsEntry("charset", "UTF-8");
        assertThat(second.query()).containsEntry("coding", "2").containsEntry("charset", "UTF-8")
                .containsEntry("text", "Terima kasih 🙏 ADN-7KQ2-M9XD");
    }

    @Test
    void kannelQueueFullIsTransientAndWrongCredentialsArePermanent() {
        mock.script(PHONE, new Scripted(503, "Temporal failure, try again later.", Map.of()));
        SendResult busy = new KannelSender(kannel(), http).send(delivery("text", NOW));
        SendResult refused = new KannelSender(new KannelConfig() {
            @Override
            public Optional<String> url() {
                return Optional.of(mock.baseUrl() + "/kannel/cgi-bin/sendsms");
            }

            @Override
            public Optional<String> username() {
                return Optional.of("someone");
            }

            @Override
            public Optional<String> password() {
                return Optional.of("wrong");
            }

            @Override
            public Optional<String> from() {
                return Optional.empty();
            }
        }, http).send(delivery("text", NOW));

        assertThat(busy).isInstanceOf(SendResult.TransientFailure.class);
        assertThat(busy.httpStatus()).contains(503);
        assertThat(refused).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(refused.httpStatus()).contains(403);
    }

    @Test
    void telegramTooManyRequestsCarriesRetryAfter() {
        mock.script("7000000001", new Scripted(429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 35\",\"parameters\":{\"retry_after\":35}}",
                Map.of()));
        TelegramSender sender = new TelegramSender(new TelegramConfig() {
            @Override
            public String baseUrl() {
                return mock.baseUrl() + "/telegram";
            }

            @Override
            public Optional<String> botToken() {
                return Optional.of(ProviderMockServer.TELEGRAM_TOKEN);
            }
        }, http);

        SendResult result = sender.send(new Delivery("7000000001", Optional.empty(), Optional.empty(), "Halo", "id",
                Optional.empty()));

        assertThat(result).isEqualTo(new SendResult.TransientFailure(Optional.of(429),
                "telegram 429: Too Many Requests: retry after 35", Optional.of(Duration.ofSeconds(35))));
    }

    @Test
    void anUnreachableProviderIsATransientFailure() {
        String url = mock.baseUrl() + "/kannel/cgi-bin/sendsms";
        mock.close();
        KannelSender sender = new KannelSender(new KannelConfig() {
            @Override
            public Optional<String> url() {
                return Optional.of(url);
            }

            @Override
            public Optional<String> username() {
                return Optional.of("u");
            }

            @Override
            public Optional<String> password() {
                return Optional.of("p");
            }

            @Override
            public Optional<String> from() {
                return Optional.empty();
            }
        }, http);

        SendResult result = sender.send(delivery("text", NOW));

        assertThat(result).isInstanceOf(SendResult.TransientFailure.class);
        assertThat(result.httpStatus()).isEmpty();
        assertThat(((SendResult.TransientFailure) result).error()).doesNotContain("6281234567890");
    }

    @Test
    void errorTextsLoseTheRecipientAndEveryLongNumber() {
        assertThat(ErrorText.clean("The 'To' number +6281234567890 is not valid; see 6281234567890", PHONE))
                .isEqualTo("The 'To' number [recipient] is not valid; see [recipient]");
        assertThat(ErrorText.clean("chat 700012345 not found", "other")).isEqualTo("chat [number] not found");
        assertThat(ErrorText.clean("x".repeat(1000), PHONE)).hasSize(301);
    }

    private Delivery delivery(String text, Instant lastInbound) {
        return new Delivery(PHONE, Optional.of("106540352242922"), Optional.empty(), text, "id",
                Optional.of(lastInbound));
    }

    private KannelConfig kannel() {
        return new KannelConfig() {
            @Override
            public Optional<String> url() {
                return Optional.of(mock.baseUrl() + "/kannel/cgi-bin/sendsms");
            }

            @Override
            public Optional<String> username() {
                return Optional.of(ProviderMockServer.KANNEL_USER);
            }

            @Override
            public Optional<String> password() {
                return Optional.of(ProviderMockServer.KANNEL_PASSWORD);
            }

            @Override
            public Optional<String> from() {
                return Optional.empty();
            }
        };
    }

    private WhatsAppSender whatsApp(Optional<String> template) {
        return new WhatsAppSender(new WhatsAppConfig() {
            @Override
            public String baseUrl() {
                return mock.baseUrl() + "/whatsapp/v21.0";
            }

            @Override
            public Optional<String> accessToken() {
                return Optional.of(ProviderMockServer.WHATSAPP_TOKEN);
            }

            @Override
            public Optional<String> phoneNumberId() {
                return Optional.empty();
            }

            @Override
            public Optional<String> templateName() {
                return template;
            }

            @Override
            public String templateLanguageId() {
                return "id";
            }

            @Override
            public String templateLanguageEn() {
                return "en";
            }

            @Override
            public Duration conversationWindow() {
                return Duration.ofHours(24);
            }
        }, http, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
