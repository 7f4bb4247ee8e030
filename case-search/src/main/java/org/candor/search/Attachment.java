package org.candor.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A decrypted attachment of a case, as the indexer sees it: its name and a way to read its
 * contents once. The contents are read through the text extractor with size and time limits and
 * never written anywhere but the encrypted index.
 *
 * @param name the file name given by the whistleblower (indexed as text)
 * @param content opens the decrypted contents; each call gives a fresh stream
 */
public record Attachment(String name, Content content) {

  /** Opens the decrypted contents of an attachment. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  public Attachment {
    name = name == null ? "" : name;
    Objects.requireNonNull(content, "content");
  }

  /** An attachment held in memory. */
  public static Attachment of(String name, byte[] bytes) {
    byte[] copy = bytes.clone();
    return new Attachment(name, () -> new ByteArrayInputStream(copy));
  }

  @Override
  public String toString() {
    return "Attachment[...]";
  }
}
