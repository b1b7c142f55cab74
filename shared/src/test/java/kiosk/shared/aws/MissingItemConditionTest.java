package kiosk.shared.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MissingItemConditionTest {

    /** Conditions the stores write, which a key that names nothing meets. */
    @ParameterizedTest
    @ValueSource(strings = {
            "attribute_not_exists(#n0)",
            "attribute_not_exists(#n0) OR #n0 < :v0",
            "attribute_not_exists ( #count ) or #count < :limit",
            "attribute_not_exists(#n1) OR #n1 = :v2",
            "NOT attribute_exists(#n0)",
            "(attribute_not_exists(#a) AND attribute_not_exists(#b)) OR #c = :d",
            "NOT #status = :paid",
            "attribute_not_exists(#n0) OR size(#n0) < :v1",
    })
    void holdsForAMissingItem(String condition) {
        assertTrue(MissingItemCondition.holds(condition), condition);
    }

    /** Conditions that need the item, and what cannot be read (a refusal is the safe answer). */
    @ParameterizedTest
    @ValueSource(strings = {
            "attribute_exists(#n0)",
            "#n0 = :v0",
            "#version = :expected AND attribute_not_exists(#erasing)",
            "attribute_exists(#pk) AND attribute_not_exists(#erasedAt)",
            "#active = :true AND #r < #max AND #from <= :now AND #until > :now",
            "#n0 > :v0",
            "#n0.#n1[2] <> :v0",
            "#n0 BETWEEN :a AND :b",
            "#n0 IN (:a, :b, :c)",
            "begins_with(#n0, :prefix)",
            "contains(#tags, :tag) OR attribute_exists(#x)",
            "size(#n0) < :v1",
            "attribute_not_exists(#n0) AND",
            "attribute_not_exists(#n0))",
            "(attribute_not_exists(#n0)",
            "something else entirely",
            "",
    })
    void failsOtherwise(String condition) {
        assertFalse(MissingItemCondition.holds(condition), condition);
    }
}
