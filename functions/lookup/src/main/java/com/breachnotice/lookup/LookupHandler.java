package com.breachnotice.lookup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.incident.IncidentDescription;
import com.breachnotice.core.lookup.AddressLimiter;
import com.breachnotice.core.lookup.ContactReport;
import com.breachnotice.core.lookup.LookupService;
import com.breachnotice.core.lookup.NoticeEntry;
import com.breachnotice.core.lookup.ReferenceResult;
import com.breachnotice.core.lookup.StartResult;
import com.breachnotice.core.lookup.VerifyResult;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.queue.LogCorrelation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
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

    /** The route keys of the HTTP API, as declared in template.yaml and openapi.yaml. */
    static final String ROUTE_PAGE = "GET /";

    static final String ROUTE_ASSET = "GET /assets/{file}";
    static final String ROUTE_INCIDENT = "GET /v1/incident";
    static final String ROUTE_START = "POST /v1/challenges";
    /** Any one path segment: an id that cannot exist is answered like an expired one (410), not 404. */
    static final String ROUTE_VERIFY = "POST /v1/challenges/{challengeId}/verify";

    static final String ROUTE_REFERENCE = "POST /v1/notices/verify";

    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
    private static final String MESSAGE_INTERNAL = "Something went wrong on our side. Please try again in a moment.";

    private final LookupService lookup;
    private final AddressLimiter limiter;
    private final StaticContent content;
    private final IncidentView incident;
    private final Responses responses = new Responses(LookupJson.MAPPER);
    private final EdgeOrigin edge;

    /** For Lambda: the process environment. */
    public LookupHandler() {
        this(LookupWiring.wire(FunctionEnvironment.ofProcess()), EdgeOrigin.from(FunctionEnvironment.ofProcess()));
    }

    /** For the local runtime, which runs several functions with different environments in one JVM. */
    public LookupHandler(Map<String, String> environment) {
        this(
                LookupWiring.wire(new FunctionEnvironment(environment)),
                EdgeOrigin.from(new FunctionEnvironment(environment)));
    }

    private LookupHandler(LookupWiring.Wired wired, EdgeOrigin edge) {
        this(wired.service(), wired.limiter(), wired.content(), wired.incident(), edge);
        LookupHandlerPriming.register(this);
    }

    /** For tests: the incident is read from {@code incident} (an in-memory store, say). */
    LookupHandler(LookupService lookup, AddressLimiter limiter, Supplier<Optional<IncidentDescription>> incident) {
        this(lookup, limiter, incident, EdgeOrigin.NONE);
    }

    /** For tests of the edge's origin check. */
    LookupHandler(
            LookupService lookup,
            AddressLimiter limiter,
            Supplier<Optional<IncidentDescription>> incident,
            EdgeOrigin edge) {
        this(lookup, limiter, StaticContent.load(), new IncidentView(incident, LookupJson.MAPPER), edge);
    }

    private LookupHandler(
            LookupService lookup,
            AddressLimiter limiter,
            StaticContent content,
            IncidentView incident,
            EdgeOrigin edge) {
        this.edge = edge;
        this.lookup = lookup;
        this.limiter = limiter;
        this.content = content;
        this.incident = incident;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, @Nullable Context context) {
        try (LogCorrelation ids = LogCorrelation.ofRequest(context)) {
            return answer(event);
        }
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        // API Gateway matched the route already: its key and path parameters are the routing, so the
        // handler never parses the path again (and a route the API lacks never arrives here).
        String route = event.getRouteKey() == null ? "" : event.getRouteKey();
        if (!edge.admits(event.getHeaders())) {
            // Around the edge (its WAF rules and address limits): the execute-api address is not public.
            LOG.info("lookup: route={} status=403 reason=not_through_edge", route);
            return responses.error(403, "forbidden", "Please open this page at the company's own address.");
        }
        APIGatewayV2HTTPResponse response;
        try {
            response = switch (route) {
                case ROUTE_PAGE -> responses.publicResource(content.page());
                case ROUTE_ASSET ->
                    content.asset(pathParameter(event, "file"))
                            .map(responses::publicResource)
                            .orElseGet(() -> responses.error(404, "not_found", "There is no such file."));
                case ROUTE_INCIDENT ->
                    incident.current()
                            .map(published -> responses.incidentJson(published.json()))
                            .orElseGet(() -> responses.error(
                                    503,
                                    "incident_not_published",
                                    "The notice is not published yet. Please try again later."));
                case ROUTE_START ->
                    limited(event, AddressLimiter.Action.START, () -> withBody(event, this::startChallenge));
                case ROUTE_VERIFY ->
                    limited(
                            event,
                            AddressLimiter.Action.CHECK,
                            () -> withBody(event, body -> verifyCode(pathParameter(event, "challengeId"), body)));
                case ROUTE_REFERENCE ->
                    limited(
                            event,
                            AddressLimiter.Action.CHECK,
                            () -> withBody(event, body -> checkReference(body, sourceAddress(event))));
                default -> {
                    route = "unmatched";
                    yield responses.error(404, "not_found", "There is no such page or resource.");
                }
            };
        } catch (RuntimeException e) {
            // The exception's class and trace only: its message could quote request data.
            LOG.error("lookup failed: route={} error={}", route, e.getClass().getName(), withoutMessage(e));
            response = responses.error(500, "internal_error", MESSAGE_INTERNAL);
        }
        LOG.info("lookup: route={} status={}", route, response.getStatusCode());
        return response;
    }

    /**
     * A path parameter as API Gateway decoded it; empty when absent, which no whitelist or id format
     * accepts, so a missing parameter is answered like an unknown one.
     */
    private static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        return value == null ? "" : value;
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
            case StartResult.Busy busy -> {
                // The same answer for everyone while the hour's codes are spent: honest, and no oracle.
                ObjectNode error = responses.errorBody(
                        "busy", "We are sending too many codes right now. Please try again at the time shown.");
                error.put("retryAt", busy.retryAt().toString());
                yield responses.json(
                        503, error, Map.of("Retry-After", Long.toString(Responses.seconds(busy.retryAfter()))));
            }
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

    private APIGatewayV2HTTPResponse checkReference(RequestBody.Fields body, String sourceAddress) {
        Optional<String> reference = body.text("reference");
        if (reference.isEmpty()) {
            return responses.error(
                    400, "missing_field", "Enter the reference code printed in the message (reference).");
        }
        return switch (lookup.checkReference(reference.get(), sourceAddress)) {
            case ReferenceResult.Genuine genuine -> {
                ObjectNode answer = responses
                        .object()
                        .put("genuine", true)
                        .put("title", genuine.title())
                        .put("channel", genuine.channel().code());
                putInstant(answer, "sentAt", genuine.sentAt());
                // Whom it was sent to, masked: a real code pasted into someone else's message shows itself.
                answer.put("recipient", genuine.recipient().orElse(null));
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
        body.set(
                "guidance",
                incident.current()
                        .map(published -> (JsonNode) published.guidance().deepCopy())
                        .orElseGet(responses::object));
        return body;
    }

    private static void putInstant(ObjectNode node, String field, Optional<Instant> value) {
        if (value.isPresent()) {
            node.put(field, value.get().toString());
        } else {
            node.putNull(field);
        }
    }

    /** The caller's address as the edge vouches for it; never logged, only counted as a keyed hash. */
    private String sourceAddress(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        String sourceIp = context == null || context.getHttp() == null
                ? null
                : context.getHttp().getSourceIp();
        return edge.clientAddress(event.getHeaders(), sourceIp);
    }

    /** {@code event} as if it came through the edge, for SnapStart priming. */
    APIGatewayV2HTTPEvent vouched(APIGatewayV2HTTPEvent event) {
        event.setHeaders(edge.vouched(event.getHeaders()));
        return event;
    }

    /** The stack trace of {@code e} without its message or causes, which may quote a contact or a code. */
    static Throwable withoutMessage(Throwable e) {
        Throwable trace = new Throwable(e.getClass().getName());
        trace.setStackTrace(e.getStackTrace());
        return trace;
    }
}
