package io.throughline.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP client that uses the console's sign-in form as a browser would, CSRF token included. */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final @org.jspecify.annotations.Nullable String clientAddress;

    public ConsoleSession(int port) {
        this(port, null);
    }

    /**
     * A browser at {@code clientAddress}, as the platform's trusted proxy (loopback, in the tests' configuration)
     * reports it in {@code X-Forwarded-For}.
     */
    public ConsoleSession(int port, @org.jspecify.annotations.Nullable String clientAddress) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.clientAddress = clientAddress;
    }

    /** Submits the sign-in form; returns where the platform redirects to. */
    public String signIn(String email, String password) {
        String csrf = csrfToken(get("/sign-in").body());
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + encode(email) + "&password=" + encode(password)
                        + "&_csrf=" + encode(csrf))));
        return response.headers().firstValue("Location").orElse("");
    }

    /** Submits the sign-in form without the CSRF token, as a forged cross-site request would. */
    public int signInWithoutCsrfToken(String email, String password) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + encode(email) + "&password=" + encode(password))))
                .statusCode();
    }

    /** Submits a form of the page as the browser would: its fields and the CSRF token the page carries. */
    public HttpResponse<String> submitFromPage(String page, String path, java.util.Map<String, String> fields) {
        StringBuilder body = new StringBuilder("_csrf=" + encode(csrfToken(page)));
        fields.forEach((name, value) -> body.append('&').append(encode(name)).append('=').append(encode(value)));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /**
     * Submits a form as the browser would from the page at {@code page}: url-encoded, with that page's CSRF
     * token; answers the response as it comes, redirects not followed.
     */
    public HttpResponse<String> submit(String page, String action, java.util.Map<String, String> fields) {
        StringBuilder body = new StringBuilder("_csrf=" + encode(csrfToken(get(page).body())));
        fields.forEach((name, value) -> body.append('&').append(encode(name)).append('=').append(encode(value)));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /**
     * Submits a form with a file as the browser would from the page at {@code page}: multipart, its fields, the
     * file and that page's CSRF token; answers the response as it comes, redirects not followed.
     */
    public HttpResponse<String> submitWithFile(String page, String action, java.util.Map<String, String> fields,
            String fileField, String fileName, byte[] file) {
        String boundary = "----console" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("_csrf", csrfToken(get(page).body()));
        all.putAll(fields);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A page fragment as htmx asks for it. */
    public HttpResponse<String> getFragment(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("HX-Request", "true").GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            if (clientAddress != null) {
                request.header("X-Forwarded-For", clientAddress);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String csrfToken(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("The page has no CSRF token");
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
