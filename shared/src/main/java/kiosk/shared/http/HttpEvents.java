package kiosk.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiosk.shared.json.JsonValues;
import kiosk.shared.json.JsonWriter;

/**
 * API Gateway's payload format 2.0, read and written by Kiosk itself rather than by the Lambda
 * runtime's POJO serializers. Those build a shaded Jackson ObjectMapper with mix-ins and introspect
 * the event classes at init: about 670 classes and 150-200 ms of every HTTP function's cold start,
 * for a document of a dozen known fields. This reads them with Jackson's streaming parser (the one
 * part of Jackson a read-only function then loads) and writes the answer by hand.
 * Unknown fields are skipped, as the runtime's serializers skip them.
 */
public final class HttpEvents {

    // Default limits: API Gateway wrote this document, and its body may be as large as the 6 MB
    // Lambda accepts; the client's own JSON inside it is held to Json's tighter limits.
    private static final JsonFactory FACTORY = new JsonFactory();

    private HttpEvents() {
    }

    public static APIGatewayV2HTTPEvent read(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            start(p, p.nextToken(), JsonToken.START_OBJECT);
            APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "version" -> event.setVersion(text(p));
                    case "routeKey" -> event.setRouteKey(text(p));
                    case "rawPath" -> event.setRawPath(text(p));
                    case "rawQueryString" -> event.setRawQueryString(text(p));
                    case "cookies" -> event.setCookies(strings(p));
                    case "headers" -> event.setHeaders(stringMap(p));
                    case "queryStringParameters" -> event.setQueryStringParameters(stringMap(p));
                    case "pathParameters" -> event.setPathParameters(stringMap(p));
                    case "stageVariables" -> event.setStageVariables(stringMap(p));
                    case "body" -> event.setBody(text(p));
                    case "isBase64Encoded" -> event.setIsBase64Encoded(value == JsonToken.VALUE_TRUE);
                    case "requestContext" -> event.setRequestContext(value == JsonToken.VALUE_NULL ? null : requestContext(p));
                    default -> p.skipChildren();
                }
            }
            return event;
        }
    }

    /** The answer as API Gateway reads it: statusCode, headers, cookies, body, isBase64Encoded. */
    public static void write(APIGatewayV2HTTPResponse response, OutputStream out) throws IOException {
        StringBuilder json = new StringBuilder(256 + (response.getBody() == null ? 0 : response.getBody().length()));
        json.append("{\"statusCode\":").append(response.getStatusCode());
        if (response.getHeaders() != null) {
            json.append(",\"headers\":{");
            boolean first = true;
            for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                JsonWriter.string(json, header.getKey());
                json.append(':');
                nullable(json, header.getValue());
            }
            json.append('}');
        }
        if (response.getMultiValueHeaders() != null) {
            json.append(",\"multiValueHeaders\":{");
            boolean first = true;
            for (Map.Entry<String, List<String>> header : response.getMultiValueHeaders().entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                JsonWriter.string(json, header.getKey());
                json.append(':');
                array(json, header.getValue());
            }
            json.append('}');
        }
        if (response.getCookies() != null) {
            json.append(",\"cookies\":");
            array(json, response.getCookies());
        }
        if (response.getBody() != null) {
            json.append(",\"body\":");
            JsonWriter.string(json, response.getBody());
        }
        json.append(",\"isBase64Encoded\":").append(response.getIsBase64Encoded()).append('}');
        out.write(json.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** An event as API Gateway would send it (the fields {@link #read} reads): for priming and tests. */
    public static String toJson(APIGatewayV2HTTPEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", event.getVersion());
        json.put("routeKey", event.getRouteKey());
        json.put("rawPath", event.getRawPath());
        json.put("rawQueryString", event.getRawQueryString());
        json.put("cookies", event.getCookies());
        json.put("headers", event.getHeaders());
        json.put("queryStringParameters", event.getQueryStringParameters());
        json.put("pathParameters", event.getPathParameters());
        json.put("stageVariables", event.getStageVariables());
        json.put("body", event.getBody());
        json.put("isBase64Encoded", event.getIsBase64Encoded());
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context != null) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("routeKey", context.getRouteKey());
            request.put("accountId", context.getAccountId());
            request.put("stage", context.getStage());
            request.put("apiId", context.getApiId());
            request.put("domainName", context.getDomainName());
            request.put("domainPrefix", context.getDomainPrefix());
            request.put("time", context.getTime());
            request.put("timeEpoch", context.getTimeEpoch());
            request.put("requestId", context.getRequestId());
            APIGatewayV2HTTPEvent.RequestContext.Http http = context.getHttp();
            if (http != null) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("method", http.getMethod());
                fields.put("path", http.getPath());
                fields.put("protocol", http.getProtocol());
                fields.put("sourceIp", http.getSourceIp());
                fields.put("userAgent", http.getUserAgent());
                request.put("http", fields);
            }
            if (context.getAuthorizer() != null && context.getAuthorizer().getLambda() != null) {
                request.put("authorizer", Map.of("lambda", context.getAuthorizer().getLambda()));
            }
            json.put("requestContext", request);
        }
        return JsonWriter.write(json);
    }

    private static APIGatewayV2HTTPEvent.RequestContext requestContext(JsonParser p) throws IOException {
        start(p, p.currentToken(), JsonToken.START_OBJECT);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "routeKey" -> context.setRouteKey(text(p));
                case "accountId" -> context.setAccountId(text(p));
                case "stage" -> context.setStage(text(p));
                case "apiId" -> context.setApiId(text(p));
                case "domainName" -> context.setDomainName(text(p));
                case "domainPrefix" -> context.setDomainPrefix(text(p));
                case "time" -> context.setTime(text(p));
                case "timeEpoch" -> context.setTimeEpoch(value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0);
                case "requestId" -> context.setRequestId(text(p));
                case "http" -> context.setHttp(value == JsonToken.VALUE_NULL ? null : http(p));
                case "authorizer" -> context.setAuthorizer(value == JsonToken.VALUE_NULL ? null : authorizer(p));
                default -> p.skipChildren();
            }
        }
        return context;
    }

    private static APIGatewayV2HTTPEvent.RequestContext.Http http(JsonParser p) throws IOException {
        start(p, p.currentToken(), JsonToken.START_OBJECT);
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "method" -> http.setMethod(text(p));
                case "path" -> http.setPath(text(p));
                case "protocol" -> http.setProtocol(text(p));
                case "sourceIp" -> http.setSourceIp(text(p));
                case "userAgent" -> http.setUserAgent(text(p));
                default -> p.skipChildren();
            }
        }
        return http;
    }

    /** Only a Lambda authorizer's context is read: Kiosk's routes have no JWT or IAM authorizers. */
    private static APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer(JsonParser p) throws IOException {
        start(p, p.currentToken(), JsonToken.START_OBJECT);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("lambda") && value == JsonToken.START_OBJECT) {
                @SuppressWarnings("unchecked")
                Map<String, Object> lambda = (Map<String, Object>) JsonValues.value(p);
                authorizer.setLambda(lambda);
            } else {
                p.skipChildren();
            }
        }
        return authorizer;
    }

    private static String text(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
            default -> throw new IOException("not a text value at " + p.currentLocation());
        };
    }

    private static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        start(p, p.currentToken(), JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(text(p));
        }
        return values;
    }

    private static Map<String, String> stringMap(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        start(p, p.currentToken(), JsonToken.START_OBJECT);
        Map<String, String> values = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            values.put(name, text(p));
        }
        return values;
    }

    private static void start(JsonParser p, JsonToken token, JsonToken expected) throws IOException {
        if (token != expected) {
            throw new IOException("expected " + expected + " but found " + token + " at " + p.currentLocation());
        }
    }

    private static void nullable(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
        } else {
            JsonWriter.string(json, value);
        }
    }

    private static void array(StringBuilder json, List<String> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            nullable(json, values.get(i));
        }
        json.append(']');
    }
}
