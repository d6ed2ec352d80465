package vn.thidua.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * The caller's body on its way to a service, counted: once it grows past the limit (a chunked body
 * has no length to check up front), the stream fails. The proxy then resets the request to the
 * service, which so never sees the body's end and cannot take a truncated body for a whole one, and
 * the caller gets 413. What the caller still sends is read and dropped, so it can read the answer;
 * past twice the limit the connection is closed instead.
 */
final class LimitedBody implements ReadStream<Buffer> {

    /** Why the stream failed; also tells {@link Forwarding} to answer 413 instead of 502. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("The request body exceeds " + limit + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private final Runnable closeConnection;
    private Handler<Buffer> handler;
    private Handler<Throwable> exceptionHandler;
    private Handler<Void> endHandler;
    private long received;
    private boolean exceeded;
    private boolean held;
    private Runnable onFirstResume;
    /** What the consumer (the proxy's pipe) last asked for, applied when a held body is released. */
    private boolean flowing;
    private boolean diverted;
    private boolean ended;

    LimitedBody(ReadStream<Buffer> source, long limit, Runnable closeConnection) {
        this.source = source;
        this.limit = limit;
        this.closeConnection = closeConnection;
        // Registered once and kept: after a failure the pipe drops its handlers, and the rest of the
        // body must still be drained (or the connection closed), not left unread.
        source.handler(this::data);
        source.endHandler(this::end);
        source.exceptionHandler(this::failed);
    }

    boolean exceeded() {
        return exceeded;
    }

    /**
     * Holds the body back until {@link #release()}: the consumer's first resume only runs
     * {@code onFirstResume} (by then the request to the service is set up and its head can be sent).
     */
    void hold(Runnable onFirstResume) {
        this.held = true;
        this.onFirstResume = onFirstResume;
    }

    boolean held() {
        return held;
    }

    /** Lets a held body flow, as far as the consumer wants it to. */
    void release() {
        if (held) {
            held = false;
            if (flowing && !diverted) {
                source.resume();
            }
        }
    }

    /** Whether the body's end has been passed on, i.e. the service got it whole. */
    boolean delivered() {
        return ended && !exceeded && !diverted;
    }

    /**
     * The service has answered and wants no more of the body: what the caller still sends is read and
     * dropped, so that it finishes sending and reads the answer, and the end is not passed on.
     */
    void divert() {
        if (diverted || delivered()) {
            return;
        }
        diverted = true;
        held = false;
        if (received > limit) {
            closeConnection.run();
        } else if (!ended) {
            source.resume();
        }
    }

    private void data(Buffer chunk) {
        received += chunk.length();
        if (diverted) {
            if (received > limit) {
                // a declared length is within the limit (or was refused before): only a chunked body gets here
                closeConnection.run();
            }
            return;
        }
        if (exceeded) {
            if (received > 2 * limit) {
                closeConnection.run();
            }
            return;
        }
        if (received > limit) {
            exceeded = true;
            Handler<Throwable> h = exceptionHandler;
            if (h != null) {
                h.handle(new TooLarge(limit));
            }
            return;
        }
        Handler<Buffer> h = handler;
        if (h != null) {
            h.handle(chunk);
        }
    }

    private void end(Void ignored) {
        ended = true;
        Handler<Void> h = endHandler;
        if (!exceeded && !diverted && h != null) {
            h.handle(null);
        }
    }

    private void failed(Throwable failure) {
        Handler<Throwable> h = exceptionHandler;
        if (h != null) {
            h.handle(failure);
        }
    }

    @Override
    public LimitedBody exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public LimitedBody handler(Handler<Buffer> handler) {
        this.handler = handler;
        return this;
    }

    @Override
    public LimitedBody pause() {
        flowing = false;
        if (!diverted) {
            source.pause();
        }
        return this;
    }

    @Override
    public LimitedBody resume() {
        flowing = true;
        if (held) {
            Runnable first = onFirstResume;
            onFirstResume = null;
            if (first != null) {
                first.run();
            }
            return this;
        }
        source.resume();
        return this;
    }

    @Override
    public LimitedBody fetch(long amount) {
        if (!held) {
            source.fetch(amount);
        }
        return this;
    }

    @Override
    public LimitedBody endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }
}
