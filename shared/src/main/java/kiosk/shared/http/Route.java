package kiosk.shared.http;

/** The body of one Lambda function's HTTP route: request in, response out, domain exceptions thrown. */
@FunctionalInterface
public interface Route {

    ApiResponse handle(ApiRequest request);
}
