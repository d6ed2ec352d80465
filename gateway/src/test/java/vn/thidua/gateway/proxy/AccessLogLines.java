package vn.thidua.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import vn.thidua.gateway.accesslog.AccessLog;

/** The access log's lines while it is open, as the tests of the proxy read them; and a raw HTTP line reader for tests on sockets. */
final class AccessLogLines implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(AccessLog.CATEGORY);
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    AccessLogLines() {
        logger.addHandler(capture);
    }

    List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        logger.removeHandler(capture);
    }

    /** One line of an HTTP/1.1 head, without its CR LF. */
    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
