package com.breachnotice.lookup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.lookup.AddressLimiter;
import com.breachnotice.core.lookup.ContactReport;
import com.breachnotice.core.lookup.LookupService;
import com.breachnotice.core.lookup.NoticeEntry;
import com.breachnotice.core.lookup.ReferenceResult;
import com.breachnotice.core.lookup.StartResult;
import com.breachnotice.core.lookup.VerifyResult;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public lookup behind the HTTP API: the page, the incident summary, one-time-code challenges
 * and notice verification. It translates requests into calls on {@link LookupService} and results
 * into responses, nothing more. Log lines name the route and the outcome, never a body, a contact,
 * a code or the requester's address (the event's own {@code toString} would print the body).
 */
public final class LookupHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(LookupHandler.class);

    private static final Pattern ASSET = Pattern.compile("/assets/([A-Za-z0-9._-]{1,64})");
    /** Any one path segment: an id that cannot exist is answered like an expired one (410), not 404. */
    private static final Pattern VERIFY = Pattern.compile("/v1/challenges/([^/]+)/verify");

    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
    private static final String MESSAGE_INTERNAL = "Something went wrong on our side. Please try again in a moment.";

    private final LookupService lookup;
    private final AddressLimiter limiter;
    private final StaticContent content;
    private final Responses responses = new Responses(LookupJson.MAPPER);

    /** For Lambda: the process environment. */
    public LookupHandler() {
        this(LookupWiring.wire(FunctionEnvironment.ofProcess()));
    }

    /** For the local runtime, which runs several functions with different environments in one JVM. */
    public LookupHandler(Map<String, String> environment) {
        this(LookupWiring.wire(new FunctionEnvironment(environment)));
    }

    private LookupHandler(LookupWiring.Wired wired) {
        this(wired.service(), wired.limiter(), wired.content());
        LookupHandlerPriming.register(this);
    }

    LookupHandler(LookupService lookup, AddressLimiter limiter) {
        this(lookup, limiter, StaticContent.load(LookupJson.MAPPER));
    }

    private LookupHandler(LookupService lookup, AddressLimiter limiter, StaticContent content) {
        this.lookup = lookup;
        this.limiter = limiter;
        this.content = content;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, @Nullable Context context) {
        String method = method(event);
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        String route = "unmatched";
        APIGatewayV2HTTPResponse response;
        try {
            Matcher verify = VERIFY.matcher(path);
            Matcher asset = ASSET.matcher(path);
            if (method.equals("GET") && path.equals("/")) {
                route = "GET /";
                response = responses.publicResource(content.page());
            } else if (method.equals("GET") && asset.matches()) {
                route = "GET /assets/{file}";
                response = content.asset(asset.group(1))
                        .map(responses::publicResource)
                        .orElseGet(() -> responses.error(404, "not_found", "There is no such file."));
            } else if (method.equals("GET") && path.equals("/v1/incident")) {
                route = "GET /v1/incident";
                response = responses.publicJson(content.incidentJson());
            } else if (method.equals("POST") && path.equals("/v1/challenges")) {
                route = "POST /v1/challenges";
                response = limited(event, AddressLimiter.Action.START, () -> withBody(event, this::startChallenge));
            } else if (method.equals("POST") && verify.matches()) {
                route = "POST /v1/challenges/{challengeId}/verify";
                String challengeId = verify.group(1);
                response = limited(
                        event,
                        AddressLimiter.Action.CHECK,
                        () -> withBody(event, body -> verifyCode(challengeId, body)));
            } else if (method.equals("POST") && path.equals("/v1/notices/verify")) {
                route = "POST /v1/notices/verify";
                response = limited(event, AddressLimiter.Action.CHECK, () -> withBody(event, this::checkReference));
            } else {
                response = responses.error(404, "not_found", "There is no such page or resource.");
            }
        } catch (RuntimeException e) {
            // The exception's class and trace only: its message could quote request data.
            LOG.error("lookup failed: route={} error={}", route, e.getClass().getName(), withoutMessage(e));
            response = responses.error(500, "internal_error", MESSAGE_INTERNAL);
        }
        LOG.info("lookup: route={} status={}", route, response.getStatusCode());
        return response;
    }

    /**
     * Counts the request against its source address first, whatever it carries: a malformed request
     * costs the same counter as a good one, so floods of junk are limited too.
     */
    private APIGatewayV2HTTPResponse limited(
            APIGatewayV2HTTPEvent event, AddressLimiter.Action action, Supplier<APIGatewayV2HTTPResponse> then) {
        Optional<Duration> refused = limiter.admit(sourceAddress(event), action);
        if (refused.isPresent()) {
            return responses.error(
                    429,
                    "too_many_requests",
                    "Too many requests from your network. Please try again later.",
                    refused.get());
        }
        return then.get();
    }

    private APIGatewayV2HTTPResponse withBody(
            APIGatewayV2HTTPEvent event, Function<RequestBody.Fields, APIGatewayV2HTTPResponse> action) {
        return switch (RequestBody.of(event, LookupJson.MAPPER)) {
            case RequestBody.Fields fields -> action.apply(fields);
            case RequestBody.Refused refused -> responses.error(400, refused.error(), refused.message());
        };
    }

    private APIGatewayV2HTTPResponse startChallenge(RequestBody.Fields body) {
        Optional<String> contact = body.text("contact");
        if (contact.isEmpty()) {
            return responses.error(400, "missing_field", "Enter an email address or a mobile phone number (contact).");
        }
        NoticeLocale locale = body.text("lang").flatMap(NoticeLocale::ofCode).orElse(NoticeLocale.KO);
        return switch (lookup.startChallenge(contact.get(), locale)) {
            case StartResult.Started started ->
                responses.json(
                        202,
                        responses
                                .object()
                                .put("challengeId", started.challengeId())
                                .put("expiresAt", started.expiresAt().toString()));
            case StartResult.InvalidContact invalid ->
                responses.error(
                        400, "invalid_contact", "This is neither an email address nor a phone number we can use.");
            case StartResult.RateLimited limited ->
                responses.error(
                        429,
                        "rate_limited",
                        "Too many codes were asked for this contact today. Please try again tomorrow.",
                        limited.retryAfter());
        };
    }

    private APIGatewayV2HTTPResponse verifyCode(String challengeId, RequestBody.Fields body) {
        Optional<String> code = body.text("code");
        if (code.isEmpty()) {
            return responses.error(400, "missing_field", "Enter the 6-digit code (code).");
        }
        if (!SIX_DIGITS.matcher(code.get()).matches()) {
            return responses.error(400, "invalid_code", "The code has 6 digits.");
        }
        return switch (lookup.verify(challengeId, code.get())) {
            case VerifyResult.Verified verified -> responses.json(200, report(verified.report()));
            case VerifyResult.WrongCode wrong -> {
                ObjectNode error =
                        responses.errorBody("wrong_code", "This code is not right. Please check it and try again.");
                error.put("attemptsLeft", wrong.attemptsLeft());
                yield responses.json(401, error);
            }
            case VerifyResult.TooManyAttempts tooMany ->
                responses.error(
                        429,
                        "too_many_attempts",
                        "Too many wrong codes. Please ask for a new code.",
                        tooMany.retryAfter());
            case VerifyResult.Expired expired -> expired();
            case VerifyResult.Unknown unknown -> expired();
        };
    }

    private APIGatewayV2HTTPResponse expired() {
        return responses.error(410, "expired", "This code has expired or was already used. Please ask for a new code.");
    }

    private APIGatewayV2HTTPResponse checkReference(RequestBody.Fields body) {
        Optional<String> reference = body.text("reference");
        if (reference.isEmpty()) {
            return responses.error(
                    400, "missing_field", "Enter the reference code printed in the message (reference).");
        }
        return switch (lookup.checkReference(reference.get())) {
            case ReferenceResult.Genuine genuine -> {
                ObjectNode answer = responses
                        .object()
                        .put("genuine", true)
                        .put("title", genuine.title())
                        .put("channel", genuine.channel().code());
                putInstant(answer, "sentAt", genuine.sentAt());
                yield responses.json(200, answer);
            }
            // One answer for both: a typo and a forged code get the same words, shape and timing.
            case ReferenceResult.NotOurs notOurs -> notOurs();
            case ReferenceResult.Malformed malformed -> notOurs();
        };
    }

    private APIGatewayV2HTTPResponse notOurs() {
        return responses.json(200, responses.object().put("genuine", false));
    }

    private ObjectNode report(ContactReport report) {
        ObjectNode body = responses.object().put("affected", report.affected());
        ArrayNode items = body.putArray("items");
        for (ItemKind item : report.items()) {
            items.add(item.code());
        }
        ArrayNode roles = body.putArray("roles");
        for (ContactReport.RoleItems role : report.roles()) {
            ArrayNode roleItems =
                    roles.addObject().put("role", role.role().code()).putArray("items");
            role.items().forEach(item -> roleItems.add(item.code()));
        }
        ArrayNode notices = body.putArray("notices");
        for (NoticeEntry notice : report.notices()) {
            ObjectNode entry = notices.addObject()
                    .put("title", notice.title())
                    .put("channel", notice.channel().code())
                    .put("status", notice.status().code())
                    .put("reference", notice.reference());
            putInstant(entry, "sentAt", notice.sentAt());
        }
        body.set("guidance", content.guidance().deepCopy());
        return body;
    }

    private static void putInstant(ObjectNode node, String field, Optional<Instant> value) {
        if (value.isPresent()) {
            node.put(field, value.get().toString());
        } else {
            node.putNull(field);
        }
    }

    /** API Gateway's view of the caller's address; never logged, only counted as a keyed hash. */
    private static String sourceAddress(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context != null && context.getHttp() != null && context.getHttp().getSourceIp() != null) {
            return context.getHttp().getSourceIp();
        }
        return "unknown";
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context != null && context.getHttp() != null && context.getHttp().getMethod() != null) {
            return context.getHttp().getMethod();
        }
        String routeKey = event.getRouteKey();
        if (routeKey != null && routeKey.indexOf(' ') > 0) {
            return routeKey.substring(0, routeKey.indexOf(' '));
        }
        return "";
    }

    /** The stack trace of {@code e} without its message or causes, which may quote a contact or a code. */
    static Throwable withoutMessage(Throwable e) {
        Throwable trace = new Throwable(e.getClass().getName());
        trace.setStackTrace(e.getStackTrace());
        return trace;
    }
}
