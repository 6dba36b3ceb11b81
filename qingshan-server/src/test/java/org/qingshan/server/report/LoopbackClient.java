package org.qingshan.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A member of the public at an address of their own: HTTP/1.1 over a socket bound to an address of
 * 127.0.0.0/8 (all of it is this machine on Linux), so the server sees a distinct client address
 * and each test's limits are its own, although every test class shares one server.
 */
final class LoopbackClient {
  private final int port;
  private final String address;

  LoopbackClient(int port, String address) {
    this.port = port;
    this.address = address;
  }

  /** A client at a random address of 127.0.0.0/8 other than 127.0.0.1. */
  static LoopbackClient fresh(int port) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new LoopbackClient(
        port, "127." + r.nextInt(1, 255) + "." + r.nextInt(0, 256) + "." + r.nextInt(2, 255));
  }

  String address() {
    return address;
  }

  record Answer(int status, String body) {}

  /** A file part of a multipart request. */
  record Part(String field, String fileName, byte[] content) {}

  Answer get(String path) {
    return send("GET " + path + " HTTP/1.1\r\n", "", new byte[0]);
  }

  Answer post(String path, Map<String, String> fields, List<Part> files) {
    String boundary = "----qingshan" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (Map.Entry<String, String> f : fields.entrySet()) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + f.getKey()
                    + "\"\r\n\r\n"
                    + f.getValue()
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      for (Part p : files) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + p.field()
                    + "\"; filename=\""
                    + p.fileName()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(p.content());
        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = body.toByteArray();
    return send(
        "POST " + path + " HTTP/1.1\r\n",
        "Content-Type: multipart/form-data; boundary="
            + boundary
            + "\r\nContent-Length: "
            + bytes.length
            + "\r\n",
        bytes);
  }

  /** A form post ({@code application/x-www-form-urlencoded}), as a page's plain form sends it. */
  Answer postForm(String path, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    return send(
        "POST " + path + " HTTP/1.1\r\n",
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            + bytes.length
            + "\r\n",
        bytes);
  }

  /** A socket from this client's address, for requests written by hand. */
  Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    socket.setSoTimeout(120_000);
    return socket;
  }

  private Answer send(String requestLine, String headers, byte[] body) {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine
                  + "Host: 127.0.0.1:"
                  + port
                  + "\r\nAccept: application/json\r\nConnection: close\r\n"
                  + headers
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = text.substring(0, end);
    List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
    int status = Integer.parseInt(lines.get(0).split(" ")[1]);
    boolean chunked =
        lines.stream()
            .anyMatch(
                l ->
                    l.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
                        && l.toLowerCase(Locale.ROOT).contains("chunked"));
    byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    byte[] content = chunked ? dechunk(rest) : rest;
    return new Answer(status, new String(content, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < data.length) {
      int lineEnd = i;
      while (lineEnd + 1 < data.length && !(data[lineEnd] == '\r' && data[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String sizeLine = new String(data, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0];
      int size = Integer.parseInt(sizeLine.trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(data, lineEnd + 2, size);
      i = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }
}
