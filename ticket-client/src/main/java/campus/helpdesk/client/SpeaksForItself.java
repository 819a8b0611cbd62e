package campus.helpdesk.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a client or one of its operations: the calling application speaks for itself, in this role (a FEED follower,
 * the GATEWAY checking a token), under its {@code micronaut.application.name}. Operations without it speak for a
 * person, named by {@link OnBehalfOf}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SpeaksForItself {

    /** A role of {@code campus.helpdesk.support.identity.ServiceRoles}. */
    String value();
}
