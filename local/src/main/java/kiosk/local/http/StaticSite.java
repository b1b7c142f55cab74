package kiosk.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Files served on the gateway's own origin where no route of the API matches (the shop's pages):
 * consulted only for a GET or HEAD that no route takes, so the API keeps every path it declares.
 */
@FunctionalInterface
public interface StaticSite {

    /** Answers the request and returns true if the path is one of the site's; false leaves it to the gateway's 404. */
    boolean serve(HttpExchange exchange) throws IOException;
}
