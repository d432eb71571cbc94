package app.bar.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Walks every handler of the real application (issue #21 item 3, issue #10 item 4) over real
 * HTTP, signed in as an administrator so no rule refuses the request before it binds: a
 * wrong-typed value for every typed path variable, query parameter, header and cookie, and a
 * malformed body, an unknown field and a wrong-typed value for every field of every JSON body.
 * Each must be a 400 problem with a code that names the parameter or field — never a 500.
 */
@BarIntegrationTest
class BindingWalkIT {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    TestHttp http;
    String[] admin;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        AccountFixtures fixtures = new AccountFixtures(context, http);
        admin = fixtures.login(fixtures.anAccount().admin().create()).bearer();
    }

    @Test
    void everyTypedParameterWhenWrongTypeThenProblem400NamingIt() {
        List<String> failures = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                String wrong = wrongValue(parameter.nestedIfOptional().getNestedParameterType());
                String name = boundName(parameter);
                if (wrong != null && name != null) {
                    cases.add(describe(info, handler) + " " + name);
                    HttpResponse<String> response = http.send(request(info, parameter, name, wrong));
                    check(response, ProblemCodes.REQUEST_PARAMETER_INVALID, name, failures, describe(info, handler));
                }
            }
        });
        assertThat(cases).as("typed parameters found").anyMatch(c -> c.contains("/api/admin/users") && c.endsWith(" page"))
                .anyMatch(c -> c.contains("/api/admin/security-events") && c.endsWith(" from"));
        assertThat(failures).as("parameters whose wrong type is not a 400 naming them").isEmpty();
    }

    @Test
    void everyJsonBodyWhenMalformedThenProblem400() {
        List<String> failures = new ArrayList<>();
        eachJsonBody((info, handler, body) -> {
            HttpResponse<String> response = http.send(json(info, "{\"unfinished"));
            check(response, ProblemCodes.REQUEST_MALFORMED_JSON, null, failures, describe(info, handler));
        });
        assertThat(failures).as("bodies whose malformed JSON is not a 400").isEmpty();
    }

    @Test
    void everyJsonBodyWhenUnknownFieldThenProblem400NamingIt() {
        List<String> failures = new ArrayList<>();
        eachJsonBody((info, handler, body) -> {
            HttpResponse<String> response = http.send(json(info, "{\"notAFieldOfThisRequest\": 3}"));
            check(response, ProblemCodes.REQUEST_UNKNOWN_FIELD, "notAFieldOfThisRequest", failures, describe(info, handler));
        });
        assertThat(failures).as("bodies that take an unknown field without a 400 naming it").isEmpty();
    }

    @Test
    void everyJsonBodyFieldWhenWrongTypeThenProblem400NamingIt() {
        List<String> failures = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        eachJsonBody((info, handler, body) -> {
            assertThat(body.isRecord()).as("%s takes a record", describe(info, handler)).isTrue();
            for (RecordComponent component : body.getRecordComponents()) {
                cases.add(describe(info, handler) + " " + component.getName());
                String wrong = "{\"" + component.getName() + "\": " + wrongJson(component.getType()) + "}";
                check(http.send(json(info, wrong)), ProblemCodes.REQUEST_WRONG_TYPE, component.getName(), failures,
                        describe(info, handler));
            }
        });
        assertThat(cases).as("body fields found").anyMatch(c -> c.contains("/api/auth/login") && c.endsWith(" password"))
                .anyMatch(c -> c.contains("/api/shares]") && c.endsWith(" maxViews"));
        assertThat(failures).as("fields whose wrong type is not a 400 naming them").isEmpty();
    }

    /**
     * Answers that are not Jackson's to write: a destruction receipt is sent as the exact bytes
     * that were signed (re-serialising could change them), its printable page is HTML, and an
     * access log's export is CSV or NDJSON (its JSON form is the record {@code AccessLogList}).
     */
    private static final java.util.Set<String> SIGNED_OR_EXPORTED = java.util.Set.of(
            "ReceiptController.receipt", "ReceiptController.printable", "OwnerController.events");

    @Test
    void everyHandlerWhenItAnswersJsonThenARecordNotAMap() {
        List<String> untyped = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            Class<?> answer = answerType(handler.getMethod().getGenericReturnType());
            String name = handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
            // raw bytes (the assembled HTML pages) and resources are not JSON bodies
            boolean typed = answer == void.class || answer == Void.class || isRecords(answer)
                    || answer == byte[].class || Resource.class.isAssignableFrom(answer)
                    || SIGNED_OR_EXPORTED.contains(name);
            if (!typed) {
                untyped.add(name + " answers " + answer.getSimpleName());
            }
        });
        assertThat(untyped).isEmpty();
    }

    /** A record, or a sealed interface whose every kind is one (an answer of more than one shape, such as unlock's). */
    private static boolean isRecords(Class<?> type) {
        if (type.isRecord()) {
            return true;
        }
        Class<?>[] kinds = type.getPermittedSubclasses();
        return type.isInterface() && kinds != null && kinds.length > 0
                && java.util.Arrays.stream(kinds).allMatch(BindingWalkIT::isRecords);
    }

    private interface BodyCase {
        void run(RequestMappingInfo info, HandlerMethod handler, Class<?> body);
    }

    private void eachJsonBody(BodyCase test) {
        int[] found = {0};
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class) && acceptsJson(info)) {
                    found[0]++;
                    test.run(info, handler, parameter.getParameterType());
                }
            }
        });
        assertThat(found[0]).as("JSON bodies found").isGreaterThanOrEqualTo(10);
    }

    private void check(HttpResponse<String> response, String code, String field, List<String> failures, String where) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 400 || !type.startsWith("application/problem+json")) {
            failures.add(where + " → " + response.statusCode() + " " + response.body());
            return;
        }
        JsonNode body = TestHttp.json(response);
        String got = body.path("code").asString("");
        String named = body.path("errors").path(0).path("field").asString("");
        if (!got.equals(code) || field != null && !named.equals(field)) {
            failures.add(where + " → " + got + " naming '" + named + "', expected " + code + " naming '" + field + "'");
        }
    }

    private HttpRequest request(RequestMappingInfo info, MethodParameter tested, String name, String wrong) {
        String path = pathOf(info);
        Matcher variables = PATH_VARIABLE.matcher(path);
        StringBuilder uri = new StringBuilder();
        while (variables.find()) {
            boolean isTested = tested.hasParameterAnnotation(PathVariable.class) && variables.group(1).equals(name);
            variables.appendReplacement(uri, isTested ? encode(wrong) : "x");
        }
        variables.appendTail(uri);
        if (tested.hasParameterAnnotation(RequestParam.class)) {
            uri.append("?").append(encode(name)).append("=").append(encode(wrong));
        }
        HttpRequest.Builder request = http.request(uri.toString()).header(admin[0], admin[1]);
        if (tested.hasParameterAnnotation(RequestHeader.class)) {
            request.header(name, wrong);
        }
        if (tested.hasParameterAnnotation(CookieValue.class)) {
            request.header("Cookie", name + "=" + wrong);
        }
        String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                .map(MediaType::toString).orElse(null);
        if (consumes != null) {
            request.header("Content-Type", consumes);
        }
        String body = consumes != null && consumes.contains("json") ? "{}" : "";
        return request.method(methodOf(info), HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest json(RequestMappingInfo info, String body) {
        String path = PATH_VARIABLE.matcher(pathOf(info)).replaceAll("x");
        return http.request(path).header(admin[0], admin[1]).header("Content-Type", "application/json")
                .method(methodOf(info), HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static boolean acceptsJson(RequestMappingInfo info) {
        Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
        return consumes.isEmpty() || consumes.stream().anyMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON));
    }

    /** The name the client sends for a bound parameter, or null for what the client does not name. */
    private static String boundName(MethodParameter p) {
        String annotated;
        PathVariable path = p.getParameterAnnotation(PathVariable.class);
        RequestParam param = p.getParameterAnnotation(RequestParam.class);
        RequestHeader header = p.getParameterAnnotation(RequestHeader.class);
        CookieValue cookie = p.getParameterAnnotation(CookieValue.class);
        if (path != null) {
            annotated = path.name();
        } else if (param != null) {
            annotated = param.name();
        } else if (header != null) {
            annotated = header.name();
        } else if (cookie != null) {
            annotated = cookie.name();
        } else {
            return null;
        }
        return annotated.isEmpty() ? p.getParameterName() : annotated;
    }

    /** A value the parameter's type cannot take, or null when any string will do (or it is not a simple value). */
    private static String wrongValue(Class<?> type) {
        if (type == String.class || Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return null;
        }
        if (type == boolean.class || type == Boolean.class) {
            return "not-a-boolean";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "not-a-number";
        }
        if (type.isEnum() || Temporal.class.isAssignableFrom(type) || type == java.util.UUID.class) {
            return "not-a-" + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }

    /** A JSON value of another type than {@code type}. */
    private static String wrongJson(Class<?> type) {
        boolean text = type == String.class || type == char[].class || type.isEnum()
                || type.getSimpleName().equals("Password")
                || type.getSimpleName().equals("ExpiresIn"); // seconds or "2d": a string is its type too
        return text ? "{}" : "\"not-a-" + type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + "\"";
    }

    private static Class<?> answerType(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw == ResponseEntity.class || raw == Optional.class || Collection.class.isAssignableFrom(raw)) {
                return answerType(p.getActualTypeArguments()[0]);
            }
            return raw;
        }
        return type instanceof Class<?> c ? c : Object.class;
    }

    private static String pathOf(RequestMappingInfo info) {
        return info.getPatternValues().iterator().next();
    }

    private static String methodOf(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().stream().findFirst().map(RequestMethod::name).orElse("GET");
    }

    private static String describe(RequestMappingInfo info, HandlerMethod handler) {
        return methodOf(info) + " " + info.getPatternValues() + " (" + handler.getBeanType().getSimpleName() + ")";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
