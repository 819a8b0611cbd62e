package campus.helpdesk.client;

import campus.helpdesk.api.ApiToken;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.CategorySource;
import campus.helpdesk.api.ChangePage;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Plays ticket-service for three operations of the contract and answers with what the request's token said:
 * "subject role audience", or "none" without a valid one.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class CredentialsEcho {

    private final String key;

    CredentialsEcho(@Value("${helpdesk.service-key}") String key) {
        this.key = key;
    }

    @Get("/api/tickets/{id}")
    Ticket ticket(long id, @Header(HttpHeaders.AUTHORIZATION) @Nullable String bearer) {
        Instant now = Instant.now();
        return new Ticket(id, said(bearer), "d", null, Priority.LOW, TicketStatus.OPEN, Category.IT, 1.0,
                CategorySource.AUTO, false, "r", null, now, now, null, null, 1, null, null, null, null);
    }

    @Get("/api/changes")
    ChangePage changes(@Header(HttpHeaders.AUTHORIZATION) @Nullable String bearer) {
        return new ChangePage(List.of(), said(bearer), null);
    }

    @Post("/api/tokens/verify")
    ApiToken verify(@Body String ignored,
                    @Header(HttpHeaders.AUTHORIZATION) @Nullable String bearer) {
        return new ApiToken("t", "ANALYST", said(bearer), Instant.now(), Instant.now(), null, null, true);
    }

    private String said(String bearer) {
        if (bearer == null || !bearer.startsWith("Bearer ")) {
            return "none";
        }
        try {
            SignedJWT jwt = SignedJWT.parse(bearer.substring(7));
            if (!jwt.verify(new MACVerifier(key.getBytes(StandardCharsets.UTF_8)))) {
                return "forged";
            }
            var claims = jwt.getJWTClaimsSet();
            return claims.getSubject() + " " + String.join(",", claims.getStringListClaim("roles")) + " "
                    + String.join(",", claims.getAudience());
        } catch (Exception e) {
            return "unreadable";
        }
    }
}
