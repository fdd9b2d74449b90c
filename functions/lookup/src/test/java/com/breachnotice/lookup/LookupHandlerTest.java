package com.breachnotice.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.core.lookup.CodeRequest;
import com.breachnotice.core.lookup.ContactGuesses;
import com.breachnotice.core.lookup.FixedDeliveryHistory;
import com.breachnotice.core.lookup.InMemoryChallengeStore;
import com.breachnotice.core.lookup.InMemoryContactBook;
import com.breachnotice.core.lookup.LookupFixture;
import com.breachnotice.core.lookup.LookupLimits;
import com.breachnotice.core.lookup.LookupService;
import com.breachnotice.core.lookup.SeededRandom;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.metrics.MetricNames;
import com.breachnotice.core.testing.InMemoryCampaignStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookupHandlerTest {

    private static final java.util.function.Supplier<
                    java.util.Optional<com.breachnotice.core.incident.IncidentDescription>>
            SAMPLE = () -> java.util.Optional.of(com.breachnotice.aws.incident.IncidentJson.sample());

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final LookupFixture fixture = new LookupFixture();
    private final LookupHandler handler = new LookupHandler(fixture.service, fixture.limiter, SAMPLE);

    @Test
    void getRoot_servesThePageWithSecurityHeaders() {
        APIGatewayV2HTTPResponse response = handle("get-root.json");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertSecurityHeaders(response);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "public, max-age=300");
        assertThat(response.getBody())
                .contains("<html lang=\"ko\">")
                .contains("src=\"/assets/app.js\"")
                .contains("id=\"lang-toggle\"", "id=\"contact\"", "id=\"start-check\"", "id=\"code\"")
                .contains("id=\"verify-code\"", "id=\"result\"", "id=\"result-items\"", "id=\"result-notices\"")
                // CSP forbids inline code: the page must not need any.
                .doesNotContain("<script>", "style=", "<style", "onclick=", "http://", "https://");
    }

    @Test
    void getAsset_whitelistedFile_isServed() {
        APIGatewayV2HTTPResponse response = handle("get-asset-app-js.json");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertSecurityHeaders(response);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/javascript; charset=utf-8");
        assertThat(response.getBody()).contains("/v1/challenges").doesNotContain("innerHTML =", "eval(");
    }

    @Test
    void getAsset_otherFile_is404Json() {
        APIGatewayV2HTTPResponse response = handle("get-asset-unknown.json");

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertSecurityHeaders(response);
        assertThat(json(response).path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void getIncident_isPublicAndCoversEveryLeakedItemInBothLanguages() {
        APIGatewayV2HTTPResponse response = handle("get-incident.json");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertSecurityHeaders(response);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/json; charset=utf-8")
                .containsEntry("Cache-Control", "public, max-age=60");
        JsonNode incident = json(response);
        for (String lang : List.of("ko", "en")) {
            JsonNode text = incident.path(lang);
            assertThat(text.path("leakedItems").findValuesAsText("code"))
                    .as(lang)
                    .containsExactly(
                            "name", "email", "phone", "address", "address_book", "entrance_code", "order_history");
            assertThat(text.path("precautions").size()).as(lang).isGreaterThanOrEqualTo(4);
            assertThat(text.path("precautions").toString()).as(lang).contains("1577-0000", "example.com");
            assertThat(text.path("relief").toString()).as(lang).contains("118", "1833-6972");
            assertThat(text.path("helpLine").asText()).as(lang).isEqualTo("1588-0000");
            assertThat(text.path("contacts").size()).as(lang).isPositive();
            assertThat(text.path("actions").size()).as(lang).isPositive();
            assertThat(text.path("timeline").size()).as(lang).isPositive();
        }
    }

    @Test
    void getIncident_followsThePublishedDescription_andSays503BeforeOne() {
        java.util.concurrent.atomic.AtomicReference<
                        java.util.Optional<com.breachnotice.core.incident.IncidentDescription>>
                live = new java.util.concurrent.atomic.AtomicReference<>(java.util.Optional.empty());
        LookupHandler follows = new LookupHandler(fixture.service, fixture.limiter, live::get);

        APIGatewayV2HTTPResponse none = follows.handleRequest(Events.load("get-incident.json"), null);
        assertThat(none.getStatusCode()).isEqualTo(503);
        assertThat(json(none).path("error").asText()).isEqualTo("incident_not_published");

        com.breachnotice.core.incident.IncidentDescription sample = com.breachnotice.aws.incident.IncidentJson.sample();
        java.util.Map<String, String> facts = new java.util.HashMap<>(sample.facts());
        facts.put("helpLine", "1600-4321");
        live.set(java.util.Optional.of(new com.breachnotice.core.incident.IncidentDescription(
                sample.id(), sample.updatedAt(), facts, sample.texts())));
        APIGatewayV2HTTPResponse corrected = follows.handleRequest(Events.load("get-incident.json"), null);
        assertThat(corrected.getBody()).contains("1600-4321").doesNotContain("1588-0000");
    }

    @Test
    void pageAndScript_writeNoFactOfTheIncidentThemselves() {
        String page = handle("get-root.json").getBody()
                + handle("get-asset-app-js.json").getBody();
        com.breachnotice.core.incident.IncidentDescription sample = com.breachnotice.aws.incident.IncidentJson.sample();
        for (java.util.Map.Entry<String, String> fact : sample.facts().entrySet()) {
            if (fact.getKey().equals("site") || fact.getKey().equals("privacyEmail")) {
                continue; // example.com is also the page's example of an email address
            }
            assertThat(page).as(fact.getKey()).doesNotContain(fact.getValue());
            for (com.breachnotice.core.manifest.NoticeLocale locale :
                    com.breachnotice.core.manifest.NoticeLocale.values()) {
                assertThat(page)
                        .as(fact.getKey())
                        .doesNotContain(sample.fact(fact.getKey(), locale).orElseThrow());
            }
        }
        assertThat(page).doesNotContain("저희 기록에 없다는 뜻", "our records hold no breach notice", "조회번호");
    }

    @Test
    void postChallenge_answers202WithIdAndExpiryAndEnqueuesTheCode() {
        APIGatewayV2HTTPResponse response = handle("post-challenges.json");

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertSecurityHeaders(response);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
        JsonNode body = json(response);
        assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactly("challengeId", "expiresAt");
        assertThat(body.path("challengeId").asText()).matches("[A-Za-z0-9_-]{22}");
        assertThat(body.path("expiresAt").asText()).isEqualTo("2026-03-02T09:10:00Z");
        CodeRequest request = fixture.codes.last();
        assertThat(request.challengeId()).isEqualTo(body.path("challengeId").asText());
        assertThat(request.locale()).isEqualTo(NoticeLocale.KO);
        assertThat(response.getBody()).doesNotContain(request.code());
    }

    @Test
    void postChallenge_knownAndUnknownContacts_getTheSameBytes() {
        List<String> bodies =
                List.of("Kim.Minji@Example.com", LookupFixture.UNKNOWN_EMAIL, LookupFixture.KNOWN_PHONE).stream()
                        .map(contact -> {
                            LookupFixture world = new LookupFixture(7L);
                            LookupHandler fresh = new LookupHandler(world.service, world.limiter, SAMPLE);
                            APIGatewayV2HTTPEvent event = Events.load("post-challenges.json");
                            event.setBody("{\"contact\":\"" + contact + "\"}");
                            APIGatewayV2HTTPResponse response = fresh.handleRequest(event, null);
                            return response.getStatusCode() + " " + response.getHeaders() + " " + response.getBody();
                        })
                        .toList();

        assertThat(bodies).containsOnly(bodies.get(0));
    }

    @Test
    void postChallenge_badJson_is400WithoutEchoingTheBody() {
        APIGatewayV2HTTPResponse response = handle("post-challenges-bad-json.json");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertSecurityHeaders(response);
        JsonNode body = json(response);
        assertThat(body.path("error").asText()).isEqualTo("invalid_json");
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(response.getBody()).doesNotContain("minji");
        assertThat(fixture.codes.requests()).isEmpty();
    }

    @Test
    void postChallenge_formEncoded_is400() {
        APIGatewayV2HTTPResponse response = handle("post-challenges-form.json");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("unsupported_content_type");
    }

    @Test
    void postChallenge_missingOrWrongField_is400() {
        for (String body : List.of("{}", "{\"contact\":42}", "{\"contact\":\"  \"}", "[]", "\"x\"")) {
            APIGatewayV2HTTPEvent event = Events.load("post-challenges.json");
            event.setBody(body);
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
            assertThat(response.getStatusCode()).as(body).isEqualTo(400);
            assertThat(json(response).path("error").asText()).as(body).isIn("missing_field", "invalid_json");
        }
    }

    @Test
    void postChallenge_duplicateField_is400() {
        APIGatewayV2HTTPEvent event = Events.load("post-challenges.json");
        event.setBody("{\"contact\":\"a@example.com\",\"contact\":\"b@example.com\"}");

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(400);
    }

    @Test
    void postChallenge_notAContact_is400InvalidContact() {
        APIGatewayV2HTTPEvent event = Events.load("post-challenges.json");
        event.setBody("{\"contact\":\"hello\"}");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_contact");
    }

    @Test
    void postChallenge_oversizedBody_is400() {
        APIGatewayV2HTTPEvent event = Events.load("post-challenges.json");
        event.setBody("{\"contact\":\"a@example.com\",\"pad\":\"" + "x".repeat(4096) + "\"}");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("body_too_large");
    }

    @Test
    void postChallenge_base64Body_isDecoded() {
        APIGatewayV2HTTPEvent event = Events.load("post-challenges.json");
        event.setBody(Base64.getEncoder()
                .encodeToString("{\"contact\":\"010 1234 5678\",\"lang\":\"en\"}".getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(fixture.codes.last().locale()).isEqualTo(NoticeLocale.EN);
    }

    @Test
    void postChallenge_sixthOfTheDay_is429WithRetryAfter() {
        for (int i = 0; i < LookupService.CHALLENGES_PER_CONTACT_PER_DAY; i++) {
            assertThat(handle("post-challenges.json").getStatusCode()).isEqualTo(202);
        }

        APIGatewayV2HTTPResponse response = handle("post-challenges.json");

        assertThat(response.getStatusCode()).isEqualTo(429);
        assertSecurityHeaders(response);
        assertThat(response.getHeaders()).containsEntry("Retry-After", Long.toString(15 * 3600));
        assertThat(json(response).path("error").asText()).isEqualTo("rate_limited");
    }

    @Test
    void verify_rightCode_answers200WithTheReport() {
        String challengeId = startChallenge();

        APIGatewayV2HTTPResponse response =
                verify(challengeId, fixture.codes.last().code());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertSecurityHeaders(response);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
        JsonNode report = json(response);
        assertThat(report.path("affected").asBoolean()).isTrue();
        assertThat(report.path("items").toString())
                .isEqualTo("[\"name\",\"email\",\"address_book\",\"order_history\"]");
        assertThat(report.path("notices")).hasSize(2);
        JsonNode first = report.path("notices").get(0);
        assertThat(first.path("title").asText()).isEqualTo(LookupFixture.FIRST_TITLE);
        assertThat(first.path("channel").asText()).isEqualTo("email");
        assertThat(first.path("sentAt").asText()).isEqualTo("2026-02-20T10:15:00Z");
        assertThat(first.path("status").asText()).isEqualTo("delivered");
        assertThat(response.getBody())
                .doesNotContainIgnoringCase("minji")
                .doesNotContain("provider-id")
                .doesNotContainPattern("[EP][0-9a-f]{64}");
    }

    @Test
    void verify_wrongCode_is401WithAttemptsLeft() {
        String challengeId = startChallenge();

        APIGatewayV2HTTPResponse response =
                verify(challengeId, otherCode(fixture.codes.last().code()));

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertSecurityHeaders(response);
        assertThat(json(response).path("error").asText()).isEqualTo("wrong_code");
        assertThat(json(response).path("attemptsLeft").asInt()).isEqualTo(4);
    }

    @Test
    void verify_fiveWrongThenRight_is429WithRetryAfter() {
        String challengeId = startChallenge();
        String right = fixture.codes.last().code();
        for (int i = 0; i < 4; i++) {
            assertThat(verify(challengeId, otherCode(right)).getStatusCode()).isEqualTo(401);
        }
        assertThat(verify(challengeId, otherCode(right)).getStatusCode()).isEqualTo(429);

        APIGatewayV2HTTPResponse response = verify(challengeId, right);

        assertThat(response.getStatusCode()).isEqualTo(429);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "600");
        assertThat(json(response).path("error").asText()).isEqualTo("too_many_attempts");
    }

    @Test
    void verify_usedOrUnknownChallenge_is410() {
        String challengeId = startChallenge();
        String code = fixture.codes.last().code();
        assertThat(verify(challengeId, code).getStatusCode()).isEqualTo(200);

        assertThat(verify(challengeId, code).getStatusCode()).isEqualTo(410);
        APIGatewayV2HTTPResponse unknown = verify("AAAAAAAAAAAAAAAAAAAAAA", "123456");
        assertThat(unknown.getStatusCode()).isEqualTo(410);
        assertThat(json(unknown).path("error").asText()).isEqualTo("expired");
    }

    @Test
    void verify_codeNotSixDigits_is400AndCostsNoAttempt() {
        String challengeId = startChallenge();

        assertThat(verify(challengeId, "12ab").getStatusCode()).isEqualTo(400);
        assertThat(fixture.challenges.find(challengeId).orElseThrow().attempts())
                .isZero();
    }

    @Test
    void noticesVerify_printedReference_isGenuine() {
        APIGatewayV2HTTPResponse response =
                handle("post-notices-verify.json", Map.of("reference", LookupFixture.FIRST_REFERENCE));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("genuine").asBoolean()).isTrue();
        assertThat(body.path("title").asText()).isEqualTo(LookupFixture.FIRST_TITLE);
        assertThat(body.path("channel").asText()).isEqualTo("email");
        assertThat(body.path("recipient").asText()).isEqualTo("K***@example.com");
        assertThat(fixture.metrics.count(MetricNames.REFERENCE_CHECKS, "genuine"))
                .isEqualTo(1);
    }

    @Test
    void noticesVerify_garbageAndForeign_getTheSameAnswer() {
        String foreign = new com.breachnotice.core.delivery.ReferenceCodes(new SeededRandom(999)).next();
        APIGatewayV2HTTPResponse unknown = handle("post-notices-verify.json", Map.of("reference", foreign));
        APIGatewayV2HTTPResponse garbage = handle("post-notices-verify.json", Map.of("reference", "hello"));

        assertThat(unknown.getStatusCode()).isEqualTo(200);
        assertThat(json(unknown).path("genuine").asBoolean()).isFalse();
        assertThat(garbage.getStatusCode()).isEqualTo(unknown.getStatusCode());
        assertThat(garbage.getHeaders()).isEqualTo(unknown.getHeaders());
        assertThat(garbage.getBody()).isEqualTo(unknown.getBody());
    }

    @Test
    void postChallenge_overTheAddressLimit_is429WithRetryAfter() {
        for (int i = 0; i < LookupLimits.DEFAULTS.startsPerAddress(); i++) {
            APIGatewayV2HTTPEvent event = Events.load("post-challenges.json");
            event.setBody("{\"contact\":\"person" + i + "@example.org\"}");
            assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(202);
        }

        APIGatewayV2HTTPResponse refused = handle("post-challenges.json");

        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertSecurityHeaders(refused);
        assertThat(json(refused).path("error").asText()).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(refused.getHeaders().get("Retry-After"))).isBetween(1L, 3600L);
        // Another address is not affected.
        APIGatewayV2HTTPEvent other = Events.load("post-challenges.json");
        other.getRequestContext().getHttp().setSourceIp("198.51.100.9");
        assertThat(handler.handleRequest(other, null).getStatusCode()).isEqualTo(202);
    }

    @Test
    void checks_overTheAddressLimit_are429_evenForMalformedRequests() {
        for (int i = 0; i < LookupLimits.DEFAULTS.checksPerAddress(); i++) {
            assertThat(handle("post-notices-verify.json", Map.of("reference", "x" + i))
                            .getStatusCode())
                    .isEqualTo(200);
        }

        assertThat(handle("post-notices-verify.json", Map.of("reference", "y")).getStatusCode())
                .isEqualTo(429);
        assertThat(verify("AAAAAAAAAAAAAAAAAAAAAA", "123456").getStatusCode()).isEqualTo(429);
    }

    @Test
    void priming_touchesEveryRouteWithoutCreatingAChallengeOrSendingACode() {
        for (APIGatewayV2HTTPEvent request : LookupHandlerPriming.requests()) {
            assertThat(handler.handleRequest(request, null).getStatusCode()).isLessThan(500);
        }

        assertThat(fixture.challenges.size()).isZero();
        assertThat(fixture.codes.requests()).isEmpty();
    }

    @Test
    void routing_followsTheMatchedRouteKey_notTheRawPath() {
        APIGatewayV2HTTPEvent event = Events.load("get-root.json");
        event.setRouteKey(LookupHandler.ROUTE_ASSET);
        event.setPathParameters(Map.of("file", "app.css"));
        event.setRawPath("/somewhere/else");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/css; charset=utf-8");
    }

    /**
     * The lookup logs the route and status of every request; no line names the challenge id or the
     * code, on a start, a wrong code, a right code or a reference check.
     */
    @Test
    void handleRequest_logsNoChallengeIdNorCode() {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream both = new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8);
        String challengeId;
        String code;
        System.setOut(both);
        System.setErr(both);
        try {
            challengeId =
                    json(handle("post-challenges.json")).path("challengeId").asText();
            code = fixture.codes.last().code();
            verify(challengeId, otherCode(code));
            verify(challengeId, code);
            handle("post-notices-verify.json", Map.of("reference", LookupFixture.FIRST_REFERENCE));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String logged = captured.toString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(logged).contains("status=202", "status=200");
        assertThat(logged).doesNotContain(challengeId, code, LookupFixture.FIRST_REFERENCE, "Kim.Minji", "kim.minji");
    }

    @Test
    void verify_withoutPathParameter_isAnsweredLikeAnUnknownChallenge() {
        APIGatewayV2HTTPEvent event = Events.load("post-verify.json", Map.of("challengeId", "x", "code", "123456"));
        event.setPathParameters(null);

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(410);
    }

    @Test
    void start_budgetSpent_is503WithRetryAfterAndTheTime_forAnyContact() {
        LookupFixture spent = new LookupFixture(5L, 1);
        LookupHandler busyHandler = new LookupHandler(spent.service, spent.limiter, SAMPLE);
        busyHandler.handleRequest(Events.load("post-challenges.json"), null);

        for (String contact : List.of(LookupFixture.UNKNOWN_EMAIL, LookupFixture.AFFECTED_EMAIL)) {
            APIGatewayV2HTTPEvent event = Events.load("post-challenges.json");
            event.setBody("{\"contact\":\"" + contact + "\"}");
            APIGatewayV2HTTPResponse response = busyHandler.handleRequest(event, null);

            assertThat(response.getStatusCode()).isEqualTo(503);
            assertSecurityHeaders(response);
            assertThat(response.getHeaders()).containsEntry("Retry-After", "3600");
            assertThat(json(response).path("error").asText()).isEqualTo("busy");
            assertThat(json(response).path("retryAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
        }
        assertThat(spent.codes.requests()).hasSize(1);
    }

    @Test
    void unknownRoute_is404Json() {
        // A route the handler does not serve (a catch-all a later template might add), whatever the path.
        APIGatewayV2HTTPEvent event = Events.load("get-root.json");
        event.setRouteKey("$default");
        event.setRawPath("/admin");
        event.getRequestContext().setRouteKey("$default");
        event.getRequestContext().getHttp().setPath("/admin");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertSecurityHeaders(response);
        assertThat(json(response).path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void unexpectedFailure_is500WithoutDetails() {
        LookupService failing = new LookupService(
                new InMemoryChallengeStore(),
                request -> {
                    throw new IllegalStateException("queue down: secret detail");
                },
                new InMemoryContactBook(),
                new FixedDeliveryHistory(),
                new InMemoryCampaignStore(),
                ContactNormalizer.korea(),
                fixture.keyer,
                fixture.clock,
                new SeededRandom(1),
                fixture.budget,
                fixture.metrics,
                fixture.masks,
                fixture.referenceChecks,
                new ContactGuesses(fixture.rateLimits, fixture.clock, ContactGuesses.PER_CONTACT_PER_DAY));
        LookupHandler failingHandler = new LookupHandler(failing, fixture.limiter, SAMPLE);

        APIGatewayV2HTTPResponse response = failingHandler.handleRequest(Events.load("post-challenges.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertSecurityHeaders(response);
        assertThat(json(response).path("error").asText()).isEqualTo("internal_error");
        assertThat(response.getBody()).doesNotContain("secret detail", "Exception", "at com.");
    }

    @Test
    void environmentConstructor_missingVariable_failsNamingIt() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "CHALLENGE_TABLE", "challenges",
                "CONTACT_TABLE", "contacts",
                "DELIVERY_TABLE", "deliveries",
                "CAMPAIGN_TABLE", "campaigns",
                "PEPPER_SECRET_ID", "pepper"));

        assertThatThrownBy(() -> new LookupHandler(environment)).hasMessageContaining("CODE_QUEUE_URL");
        assertThatThrownBy(() -> new LookupHandler(Map.of())).hasMessageContaining("CHALLENGE_TABLE");
    }

    @Test
    void environmentConstructor_badLimit_failsNamingIt() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "CHALLENGE_TABLE", "challenges",
                "CONTACT_TABLE", "contacts",
                "DELIVERY_TABLE", "deliveries",
                "CAMPAIGN_TABLE", "campaigns",
                "CODE_QUEUE_URL", "https://sqs.invalid/codes",
                "PEPPER_SECRET_ID", "pepper",
                "ADDRESS_STARTS_PER_HOUR", "lots"));

        assertThatThrownBy(() -> new LookupHandler(environment)).hasMessageContaining("ADDRESS_STARTS_PER_HOUR");
        environment.put("ADDRESS_STARTS_PER_HOUR", "30");
        environment.put("ADDRESS_CHECKS_PER_HOUR", "0");
        assertThatThrownBy(() -> new LookupHandler(environment)).hasMessageContaining("ADDRESS_CHECKS_PER_HOUR");
    }

    private String startChallenge() {
        APIGatewayV2HTTPResponse response = handle("post-challenges.json");
        assertThat(response.getStatusCode()).isEqualTo(202);
        return json(response).path("challengeId").asText();
    }

    private APIGatewayV2HTTPResponse verify(String challengeId, String code) {
        return handle("post-verify.json", Map.of("challengeId", challengeId, "code", code));
    }

    private APIGatewayV2HTTPResponse handle(String eventName) {
        return handler.handleRequest(Events.load(eventName), null);
    }

    private APIGatewayV2HTTPResponse handle(String eventName, Map<String, String> values) {
        return handler.handleRequest(Events.load(eventName, values), null);
    }

    private static void assertSecurityHeaders(APIGatewayV2HTTPResponse response) {
        assertThat(response.getHeaders())
                .containsEntry("Content-Security-Policy", CSP)
                .containsEntry("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "no-referrer");
        assertThat(response.getIsBase64Encoded()).isFalse();
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return LookupJson.MAPPER.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private static String otherCode(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void withoutMessage_keepsTheTraceAndDropsWhatTheMessageQuoted() {
        RuntimeException failure =
                new IllegalStateException("no record for kim@example.com", new RuntimeException("010-1234-5678"));

        Throwable logged = LookupHandler.withoutMessage(failure);

        assertThat(logged.getMessage()).isEqualTo(IllegalStateException.class.getName());
        assertThat(logged.getCause()).isNull();
        assertThat(logged.getStackTrace()).isEqualTo(failure.getStackTrace());
    }
}
