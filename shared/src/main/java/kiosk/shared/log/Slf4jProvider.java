package kiosk.shared.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Where the AWS SDK's SLF4J logging goes in a function: its warnings and errors become Kiosk's
 * JSON log lines (with the request ids of the invocation), and everything below WARN is dropped.
 * Without a provider SLF4J prints a "no providers" notice on every cold start and then drops the
 * SDK's warnings too; with a framework, init would cost what Log was written to avoid. Below WARN
 * the SDK logs request details that are noise at best.
 */
public final class Slf4jProvider implements SLF4JServiceProvider {

    private final ILoggerFactory loggers = SdkLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: Log is ready when its class is.
    }

    private static final class SdkLogger extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;

        SdkLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return Log.enabled(Log.Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return Log.enabled(Log.Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
                Throwable error) {
            String text = MessageFormatter.basicArrayFormat(message, arguments);
            if (level == Level.ERROR) {
                Log.error(text, error, "logger", name);
            } else if (level == Level.WARN) {
                Log.warn(text, "logger", name, "errorType", error == null ? null : error.getClass().getName());
            }
        }
    }
}
