package kiosk.local.testfunctions;

/**
 * Test functions run in class loaders of their own, as on Lambda, so they report to the test
 * through the one thing a JVM shares: its system properties.
 */
public final class Recorder {

    private Recorder() {
    }

    public static synchronized void append(String key, String value) {
        String before = System.getProperty(key);
        System.setProperty(key, before == null ? value : before + "\n" + value);
    }
}
