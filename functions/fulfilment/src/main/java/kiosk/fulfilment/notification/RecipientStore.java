package kiosk.fulfilment.notification;

import java.util.Optional;

/** Where a shopper's email goes: the address of their account. */
public interface RecipientStore {

    /** The account's email address; empty when there is no such account or it has no address. */
    Optional<String> emailOf(String userId);
}
