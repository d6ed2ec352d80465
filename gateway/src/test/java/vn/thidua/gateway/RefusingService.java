package vn.thidua.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service that refuses every request as soon as it has read its headers, the way a service checks
 * permissions before it reads an upload: 403 problem+json, and the body is never read. Raw sockets,
 * so that what happens to the body is exactly what the path says:
 * <ul>
 * <li>{@code …/close}: {@code Connection: close}, and the socket is closed at once with the body
 * unread, so the kernel resets the connection (RST) right behind the answer;
 * <li>{@code …/ignore}: a keep-alive answer, then the socket is left open and never read again (the
 * gateway's writes to it stall once the socket buffers are full).
 * </ul>
 * {@code GET /q/openapi} gets an empty document (the gateway's merged OpenAPI asks every service).
 */
final class RefusingService {
    static final String PROBLEM = "{\"type\":\"https://thidua.vn/problems/forbidden\",\"title\":\"Forbidden\","
            + "\"status\":403,\"detail\":\"Only the Board may upload this file.\"}";
    private static final String OPENAPI = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"refusing\",\"version\":\"1\"},\"paths\":{}}";

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    void start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "refusing-service");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // stopping anyway
        }
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread worker = new Thread(() -> answer(socket), "refusing-service-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void answer(Socket socket) {
        try {
            String requestLine = head(socket.getInputStream());
            if (requestLine == null) {
                socket.close();
                return;
            }
            String path = requestLine.split(" ")[1];
            OutputStream out = socket.getOutputStream();
            if (path.startsWith("/q/openapi")) {
                write(out, 200, "application/json", OPENAPI, true);
                socket.close();
            } else if (path.endsWith("/ignore")) {
                write(out, 403, "application/problem+json", PROBLEM, false);
                held.add(socket);
            } else {
                write(out, 403, "application/problem+json", PROBLEM, true);
                socket.close();
            }
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // gone already
            }
        }
    }

    private static void write(OutputStream out, int status, String type, String body, boolean close) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Forbidden") + "\r\n"
                + "Content-Type: " + type + "\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + "X-Upstream: refusing\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    /** Reads the request's head byte by byte (nothing of the body) and returns its first line. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int c = in.read();
            if (c == -1) {
                return null;
            }
            head.write(c);
            matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf("\r\n"));
    }
}
