package kiosk.catalog.health;

/** Whether one table answers. The DynamoDB implementation is the only SDK caller. */
@FunctionalInterface
public interface TableProbe {

    /** True when the table answers and is usable; false (never an exception) when it does not. */
    boolean answers(String tableName);
}
