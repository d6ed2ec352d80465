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

    private void data(Buffer chunk) {
        received += chunk.length();
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
        Handler<Void> h = endHandler;
        if (!exceeded && h != null) {
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
        source.pause();
        return this;
    }

    @Override
    public LimitedBody resume() {
        source.resume();
        return this;
    }

    @Override
    public LimitedBody fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public LimitedBody endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }
}
