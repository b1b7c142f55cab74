package kiosk.orders.checkout;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import kiosk.shared.http.Checks;

/** Where an order ships: a name, one to three address lines, a city, a postal code, an ISO 3166-1 alpha-2 country. */
public record Address(String name, List<String> lines, String city, String postalCode, String country) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern POSTAL_CODE = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd} -]{0,15}");

    void validate(Checks checks, String at) {
        checks.name(name, at + "/name", 1, 120);
        if (checks.present(lines, at + "/lines")
                && checks.require(!lines.isEmpty() && lines.size() <= 3, at + "/lines", "must have 1 to 3 lines")) {
            for (int i = 0; i < lines.size(); i++) {
                checks.name(lines.get(i), at + "/lines/" + i, 1, 120);
            }
        }
        checks.name(city, at + "/city", 1, 80);
        checks.matches(postalCode == null ? null : postalCode.strip(), POSTAL_CODE, at + "/postalCode",
                "must be letters, digits, spaces and '-', up to 16, such as '10115' or 'SW1A 1AA'");
        checks.require(country != null && COUNTRIES.contains(country), at + "/country",
                "must be an ISO 3166-1 alpha-2 code such as 'DE'");
    }

    Address trimmed() {
        return new Address(name.strip(), lines.stream().map(String::strip).toList(), city.strip(), postalCode.strip(), country);
    }
}
