package campus.helpdesk.gateway.proxy;

import campus.helpdesk.gateway.session.GatewayRole;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * One entry of {@code helpdesk.routes.<name>} in application.yml: requests whose path starts with {@code prefix}
 * go to {@code url} (same path), for sessions whose role is in {@code roles}.
 */
@EachProperty("helpdesk.routes")
public class Route {
    private final String name;
    private String prefix;
    private URI url;
    private URI publicUrl;
    private Set<GatewayRole> roles = EnumSet.noneOf(GatewayRole.class);

    public Route(@Parameter String name) {
        this.name = name;
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

    /** Whether {@code path} is this prefix or below it (so /api/ticketsX does not match /api/tickets). */
    public boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
