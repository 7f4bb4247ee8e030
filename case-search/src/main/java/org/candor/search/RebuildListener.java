package org.candor.search;

/** Receives the progress of a full rebuild, for a progress bar in the desk. */
@FunctionalInterface
public interface RebuildListener {
  /**
   * Called after every batch of indexed cases and once at the end.
   *
   * @param indexed cases indexed so far
   * @param expectedTotal the total the caller announced, or -1 if unknown
   */
  void progress(long indexed, long expectedTotal);
}
