package kiosk.orders.checkout;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import kiosk.shared.http.Checks;

/** Where an order ships: a name, one to three address lines, a city, a postal code, an ISO 3166-1 alpha-2 country. */
public record Address(String name, List<String> lines, String city, String postalCode, String country) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    void validate(Checks checks, String at) {
        checks.name(name, at + "/name", 1, 120);
        if (checks.present(lines, at + "/lines")
                && checks.require(!lines.isEmpty() && lines.size() <= 3, at + "/lines", "must have 1 to 3 lines")) {
            for (int i = 0; i < lines.size(); i++) {
                checks.name(lines.get(i), at + "/lines/" + i, 1, 120);
            }
        }
        checks.name(city, at + "/city", 1, 80);
        checks.text(postalCode, at + "/postalCode", 1, 16);
        checks.require(country != null && COUNTRIES.contains(country), at + "/country",
                "must be an ISO 3166-1 alpha-2 code such as 'DE'");
    }

    Address trimmed() {
        return new Address(name.strip(), lines.stream().map(String::strip).toList(), city.strip(), postalCode.strip(), country);
    }
}
