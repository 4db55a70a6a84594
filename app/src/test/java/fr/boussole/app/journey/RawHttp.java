package fr.boussole.app.journey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 written by hand on a socket, for what ordinary clients will not send: a chunked body of a
 * chosen size, or a declared length the body does not have. The body is written from another thread
 * while the answer is read, since the server may answer (and close) before the body is all sent.
 */
final class RawHttp {

    record Answer(int status, String headers, String body) {}

    private RawHttp() {}

    static Answer post(int port, String path, Map<String, String> headers, byte[] body, boolean chunked) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(out, body, chunked));
            Answer answer = read(socket.getInputStream());
            writing.exceptionally(e -> null); // the server may close before taking the whole body: that is the point
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(OutputStream out, byte[] body, boolean chunked) {
        try {
            int chunk = 4096;
            for (int at = 0; at < body.length; at += chunk) {
                int size = Math.min(chunk, body.length - at);
                if (chunked) {
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(body, at, size);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One response: status line, headers, and a body by Content-Length, chunks, or until the close. */
    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        StringBuilder headers = new StringBuilder();
        long length = -1;
        boolean chunkedAnswer = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            headers.append(header).append('\n');
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunkedAnswer = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunkedAnswer) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        }
        return new Answer(status, headers.toString(), body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
