package fr.boussole.app.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose body was already read (bounded) into memory. Since the container can no longer
 * parse a form from it, a form body's parameters are parsed here and added after the query's, as the
 * servlet API orders them. Malformed percent-encoding or bytes that are not text in the request's
 * charset make {@code getParameter*} throw an {@link IllegalStateException}, as Tomcat does.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private Map<String, String[]> parameters;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body is already in memory: read it synchronously");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    private synchronized Map<String, String[]> parameters() {
        if (parameters == null) {
            // The wrapped request has no body left to read: it gives the query's parameters only.
            Map<String, List<String>> all = new LinkedHashMap<>();
            super.getParameterMap().forEach((name, values) -> all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values)));
            if (isForm()) {
                parseForm(body, charset(), all);
            }
            Map<String, String[]> frozen = new LinkedHashMap<>();
            all.forEach((name, values) -> frozen.put(name, values.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(frozen);
        }
        return parameters;
    }

    private boolean isForm() {
        String type = getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private Charset charset() {
        String name = getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Splits {@code a=1&b=%C3%A9} on bytes, so raw (unencoded) UTF-8 survives as well as percent-encoded text. */
    static void parseForm(byte[] form, Charset charset, Map<String, List<String>> into) {
        int start = 0;
        for (int i = 0; i <= form.length; i++) {
            if (i == form.length || form[i] == '&') {
                addPair(form, start, i, charset, into);
                start = i + 1;
            }
        }
    }

    private static void addPair(byte[] form, int from, int to, Charset charset, Map<String, List<String>> into) {
        if (from >= to) {
            return;
        }
        int eq = from;
        while (eq < to && form[eq] != '=') {
            eq++;
        }
        String name = decode(form, from, eq, charset);
        String value = eq < to ? decode(form, eq + 1, to, charset) : "";
        into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    /** The decoded text; throws when a {@code %} is not followed by two hexadecimal digits or the bytes are not text. */
    private static String decode(byte[] form, int from, int to, Charset charset) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = form[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(form[i + 1], 16) : -1;
                int low = i + 2 < to ? Character.digit(form[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw new IllegalStateException("malformed percent-encoding in a form parameter");
                }
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(b);
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a form parameter is not " + charset.name() + " text", e);
        }
    }
}
