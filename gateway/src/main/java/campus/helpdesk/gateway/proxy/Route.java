package campus.helpdesk.gateway.proxy;

import campus.helpdesk.gateway.session.GatewayRole;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.http.HttpMethod;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of {@code helpdesk.routes.<name>} in application.yml: requests whose path starts with {@code prefix}
 * go to {@code url} (same path), for callers whose role is in {@code roles} (any method) or in {@code read-roles}
 * (GET and HEAD only: reading without writing, e.g. analysts in the ticket queue), with a service token for
 * {@code service} (the target's application name; the route's name unless set). {@code api-tokens: false} keeps a
 * route for signed-in people only. {@code anyone-as: ROLE} opens a route to everyone, credentials or not: the gateway
 * asks nobody who they are and mints the service token for that role alone, because the service proves the sender
 * itself (the webhook intake checks a body signature); {@code anyone-as: NOBODY} sends no token at all (a service's
 * OpenAPI document). {@code read-timeout} (default 1.5 s) is how long the gateway waits for the service's answer to
 * a read, or to a write it may repeat, before it gives up with 504: every such answer takes
 * milliseconds, so a service that accepted the request and says nothing for that long is hung, and the browser
 * learns it within 2 s. {@code write-timeout} (15 s) is the wait for a write that cannot be repeated safely.
 */
@EachProperty("helpdesk.routes")
public class Route {
    private final String name;
    private String prefix;
    private URI url;
    private URI publicUrl;
    private Set<GatewayRole> roles = EnumSet.noneOf(GatewayRole.class);
    private Set<GatewayRole> readRoles = EnumSet.noneOf(GatewayRole.class);
    private String service;
    private boolean apiTokens = true;
    private String anyoneAs;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration uploadReadTimeout = DEFAULT_UPLOAD_READ_TIMEOUT;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    private boolean safe;

    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(1500);
    /**
     * A file upload (multipart, only where helpdesk.uploads.paths allows one) is answered only once its last byte
     * arrived: 10 MB from a phone on a weak network takes far longer than any JSON request may.
     */
    public static final Duration DEFAULT_UPLOAD_READ_TIMEOUT = Duration.ofMinutes(2);

    /**
     * A write without an Idempotency-Key (a status move, a link, a script's POST) cannot be sent again safely, and a
     * 504 leaves its sender not knowing whether it was saved: the service goes on and commits. An answer or a close on
     * an incident with thousands of linked tickets takes a second or more (0.7-0.9 s for 3,000 on an idle desk), so
     * after 1.5 s such writes were refused that had been saved, and a retried answer reached every reporter twice.
     * So those writes wait this long: their 504 means a hung service, not a busy one. A write with a key (the web
     * page's reports and messages) keeps the read timeout: it is repeated, and the service answers a repeat with the
     * first one's result.
     */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(15);

    public Route(@Parameter String name) {
        this.name = name;
    }

    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public Duration getUploadReadTimeout() {
        return uploadReadTimeout;
    }

    public void setUploadReadTimeout(Duration uploadReadTimeout) {
        this.uploadReadTimeout = uploadReadTimeout;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public URI getUrl() {
        return url;
    }

    public void setUrl(URI url) {
        this.url = url;
    }

    /** Where a browser reaches the service itself (Swagger UI links); the internal url unless configured. */
    public URI getPublicUrl() {
        return publicUrl != null ? publicUrl : url;
    }

    public void setPublicUrl(URI publicUrl) {
        this.publicUrl = publicUrl;
    }

    public Set<GatewayRole> getRoles() {
        return roles;
    }

    public void setRoles(Set<GatewayRole> roles) {
        this.roles = roles.isEmpty() ? EnumSet.noneOf(GatewayRole.class) : EnumSet.copyOf(roles);
    }

    public Set<GatewayRole> getReadRoles() {
        return readRoles;
    }

    public void setReadRoles(Set<GatewayRole> readRoles) {
        this.readRoles = readRoles.isEmpty() ? EnumSet.noneOf(GatewayRole.class) : EnumSet.copyOf(readRoles);
    }

    /** Whether a caller of {@code role} may send {@code method} here; the service checks its own roles again. */
    public boolean allows(GatewayRole role, HttpMethod method) {
        return roles.contains(role)
                || (method == HttpMethod.GET || method == HttpMethod.HEAD) && readRoles.contains(role);
    }

    public String getService() {
        return service != null ? service : name;
    }

    public void setService(String service) {
        this.service = service;
    }

    public boolean isApiTokens() {
        return apiTokens;
    }

    public void setApiTokens(boolean apiTokens) {
        this.apiTokens = apiTokens;
    }

    /** The service role a route open to anyone is called with; null on every route that needs a caller. */
    public String getAnyoneAs() {
        return anyoneAs;
    }

    public void setAnyoneAs(String anyoneAs) {
        this.anyoneAs = anyoneAs;
    }

    public boolean isForAnyone() {
        return anyoneAs != null && !anyoneAs.isBlank();
    }

    /**
     * {@code anyone-as: NOBODY}: forwarded without a service token at all, for what a service serves to anyone (its
     * OpenAPI document), so that no role of a person travels with a request nobody made as that person.
     */
    public boolean isForNobody() {
        return NOBODY.equals(anyoneAs);
    }

    static final String NOBODY = "NOBODY";

    /**
     * Whether every request here changes nothing, whatever its method: the category suggested while a student types
     * is a POST (the text may be long) that saves nothing. Such a write is as repeatable as a read, so it waits the
     * read timeout, and its 504 says to try again rather than to look whether it was saved.
     */
    public boolean isSafe() {
        return safe;
    }

    public void setSafe(boolean safe) {
        this.safe = safe;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /**
     * Whether {@code path} is this prefix or below it (so /api/ticketsX does not match /api/tickets). A prefix that
     * ends in "-" is the start of a document's name: /swagger/ticket-service- matches each version's
     * {@code ticket-service-0.1.yml}, and nothing with a slash, a dot-dot, a percent sign or a semicolon, which a
     * service reading the path otherwise than this gateway could take for another route.
     */
    public boolean matches(String path) {
        if (prefix.endsWith("-")) {
            return path.startsWith(prefix) && DOCUMENT_NAME.matcher(path.substring(prefix.length())).matches();
        }
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** A version and a YAML suffix: {@code 0.1.yml}, {@code 0.1.0.yml}. */
    private static final Pattern DOCUMENT_NAME = Pattern.compile("[0-9A-Za-z_-]+(?:\\.[0-9A-Za-z_-]+)*\\.ya?ml");
}
