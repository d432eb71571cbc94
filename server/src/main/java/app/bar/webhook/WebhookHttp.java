package app.bar.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Posts one delivery. The URL passes the SSRF guard again right here; the connection then goes to
 * the addresses the guard checked and no others — Apache HttpClient 5 asks our {@link DnsResolver}
 * instead of DNS (the JDK's HttpClient has no such hook, and a second lookup is how DNS rebinding
 * reaches inside). TLS keeps hostname verification against the URL's host. No redirects, no
 * retries, no cookies, no proxy, no compression; connect timeout, socket timeout and a hard deadline
 * for the whole exchange; at most {@code maxResponseBytes} of the answer read, then the connection
 * is cut rather than drained.
 */
final class WebhookHttp implements AutoCloseable {

    /** What one attempt came to: delivered (2xx), failed with or without a status, or refused by the guard. */
    record Result(boolean delivered, @Nullable Integer statusCode, boolean refused) {
        static Result of(int code) {
            return new Result(code >= 200 && code < 300, code, false);
        }

        static Result failed() {
            return new Result(false, null, false);
        }

        static Result refusedByGuard() {
            return new Result(false, null, true);
        }
    }

    private static final String USER_AGENT = "BAR-Webhooks/1";

    private final WebhookTargets targets;
    private final Duration connectTimeout;
    private final Duration totalTimeout;
    private final int maxResponseBytes;
    private final ScheduledExecutorService deadlines;
    private final TlsSocketStrategy tls = DefaultClientTlsStrategy.createDefault();

    WebhookHttp(WebhookTargets targets, Duration connectTimeout, Duration totalTimeout, int maxResponseBytes) {
        this.targets = targets;
        this.connectTimeout = connectTimeout;
        this.totalTimeout = totalTimeout;
        this.maxResponseBytes = maxResponseBytes;
        // not a bean: a ScheduledExecutorService bean would become the context's @Scheduled executor
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bar-webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }

    Result post(String url, byte[] body, Map<String, String> headers) {
        WebhookTarget target;
        try {
            target = targets.check(url);
        } catch (TargetRefused refused) {
            return Result.refusedByGuard();
        }
        HttpPost post = new HttpPost(target.uri());
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, totalTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try (CloseableHttpClient client = client(target)) {
            ClassicHttpResponse response = client.executeOpen(null, post, null);
            try {
                int code = response.getCode();
                drain(response.getEntity());
                return Result.of(code);
            } finally {
                post.cancel(); // cut the connection: closing would read the rest of the answer
                closeQuietly(response);
            }
        } catch (IOException e) {
            return Result.failed(); // refused, timed out, reset, TLS failure, or cut by the deadline
        } finally {
            deadline.cancel(false);
        }
    }

    /** A client for one target: its own connection, resolved only to the checked addresses. */
    private CloseableHttpClient client(WebhookTarget target) {
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(
                DefaultSchemePortResolver.INSTANCE, new PinnedDns(target),
                RegistryBuilder.<TlsSocketStrategy>create().register("https", tls).build(),
                ManagedHttpClientConnectionFactory.INSTANCE);
        connections.setConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(totalTimeout))
                .build());
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(totalTimeout))
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(USER_AGENT)
                .build();
    }

    /**
     * Reads at most {@code maxResponseBytes} of the answer. The stream is left open on purpose:
     * closing it would read the rest; the caller cuts the connection instead.
     */
    private void drain(@Nullable HttpEntity entity) {
        if (entity == null) {
            return;
        }
        byte[] buffer = new byte[8192];
        long left = maxResponseBytes;
        try {
            InputStream in = entity.getContent();
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // the status decides; a body that breaks off (or is cut at the limit) changes nothing
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // the connection was cut on purpose
        }
    }

    /** Answers only for the checked host, and only with the checked addresses. */
    private static final class PinnedDns implements DnsResolver {
        private final WebhookTarget target;

        PinnedDns(WebhookTarget target) {
            this.target = target;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (!target.isHost(host)) {
                throw new UnknownHostException("only the checked webhook host resolves here");
            }
            return target.addresses().toArray(new InetAddress[0]);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // never a reverse or canonical-name lookup
        }
    }
}
