package dev.prodtrack.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The metadata of a file attached to a comment or a reply (the bytes are not kept).
 *
 * @param id the id
 * @param name the file name
 * @param extension the extension
 * @param mimetype the MIME type
 * @param size the size in bytes
 * @param replyId the reply it is attached to, nullable
 */
public record Attachment(
    UUID id,
    String name,
    String extension,
    String mimetype,
    long size,
    UUID replyId) {

  /** Validates the components and copies the collections. */
  public Attachment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(mimetype, "mimetype");
  }
}
