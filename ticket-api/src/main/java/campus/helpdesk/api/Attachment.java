package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A file attached to a ticket: under one of its messages ({@code messageId}), or to the report itself (null).
 * {@code type} is the type detected from the content, never the name's or the uploader's word; {@code size} is the
 * stored size, after the photo's metadata was stripped. {@code thumbnail}: whether {@code ?thumbnail=true} has one.
 */
@Serdeable
public record Attachment(long id, long ticketId, @Nullable Long messageId, String name, String type, long size,
                         String uploader, Instant createdAt, boolean thumbnail) {
}
