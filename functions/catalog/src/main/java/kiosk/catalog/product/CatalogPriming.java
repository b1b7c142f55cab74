package kiosk.catalog.product;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.function.Consumer;
import java.util.function.Function;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.money.Money;

/**
 * What the catalog's SnapStart primers send and seed. A primer first asks for a product no one
 * has (the read goes out and finds nothing), then seeds {@link #PRODUCT} through the store and
 * asks for it: that put is answered from memory and the read that follows finds it there
 * (kiosk.shared.aws.PrimingSandbox), so the found product's whole path is primed, its item
 * unmarshalled and mapped, its body and ETag written. Nothing in it is unique or ever stored.
 */
final class CatalogPriming {

    static final String ID = "snapstart-priming-product";
    static final String MISSING_ID = "snapstart-priming-missing";
    static final Product PRODUCT = new Product(ID, "Priming kettle", "Seeded in memory while priming, never stored.",
            "priming", new Money(1999L, "EUR"), 7, ProductStatus.ACTIVE, 1, "2000-01-01T00:00:00Z", "2000-01-01T00:00:00Z");

    private CatalogPriming() {
    }

    /**
     * Primes a request for a product no one has (its read goes out and finds nothing), then seeds
     * {@link #PRODUCT} through the store, as a create puts it, and primes the request for it.
     */
    static void missingThenSeeded(Consumer<APIGatewayV2HTTPEvent> prime, Function<String, APIGatewayV2HTTPEvent> request) {
        PrimingEvent.missingThenSeeded(prime, request, MISSING_ID, () -> CatalogWiring.store().create(PRODUCT), ID);
    }
}
