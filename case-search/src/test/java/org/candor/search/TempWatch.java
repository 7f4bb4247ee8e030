package org.candor.search;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import java.util.zip.ZipInputStream;

/**
 * Watches folders while something runs and opens every file created or written in them at once,
 * keeping it open so that it stays readable after it is deleted, looking for canary words (when
 * it is written and again at the end): in the raw bytes (as ASCII or
 * UTF-16LE), inside ZIP entries (OOXML), and inside Flate streams (PDF). New sub-folders are
 * watched as they appear. Uses the JDK's WatchService, which is inotify on Linux.
 */
public final class TempWatch implements AutoCloseable {

  /** A file seen during the watch, and the canaries found in it at any read. */
  public record Seen(Path path, Set<String> canaries, boolean read) {}

  private final WatchService service = FileSystems.getDefault().newWatchService();
  private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
  private final Map<Path, Set<String>> found = new ConcurrentHashMap<>();
  private final Set<Path> readOnce = ConcurrentHashMap.newKeySet();
  private final Map<Path, FileChannel> open = new ConcurrentHashMap<>();
  private final Collection<String> canaries;
  private final Thread thread;
  private volatile boolean stopping;

  /**
   * @param roots folders to watch; those in {@code deep} are watched with their existing
   *     sub-folders too, the others at their top level and in folders created from now on
   */
  public TempWatch(Collection<String> canaries, Collection<Path> roots, Collection<Path> deep) throws IOException {
    this.canaries = List.copyOf(canaries);
    for (Path root : roots) {
      Files.createDirectories(root);
      register(root, deep.contains(root));
    }
    thread = new Thread(this::loop, "temp-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void register(Path dir, boolean recursive) {
    try {
      keys.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY), dir);
      if (recursive) {
        try (Stream<Path> children = Files.list(dir)) {
          for (Path child : children.toList()) {
            if (Files.isDirectory(child) && !Files.isSymbolicLink(child)) {
              register(child, true);
            } else {
              inspect(child);
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Gone before it could be watched, or not ours to read.
    }
  }

  private void loop() {
    while (true) {
      WatchKey key;
      try {
        key = service.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      if (key == null) {
        if (stopping) {
          return;
        }
        continue;
      }
      Path dir = keys.get(key);
      for (WatchEvent<?> event : key.pollEvents()) {
        if (dir == null || !(event.context() instanceof Path name)) {
          continue;
        }
        Path path = dir.resolve(name);
        if (Files.isDirectory(path) && !Files.isSymbolicLink(path)) {
          if (event.kind() == ENTRY_CREATE) {
            register(path, true);
          }
        } else {
          inspect(path);
        }
      }
      key.reset();
    }
  }

  /**
   * Opens the file at its first sighting and keeps it open, so that its contents stay readable
   * after it is deleted; reads what it holds now.
   */
  private void inspect(Path path) {
    if (!Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return; // a FIFO or socket would block or fail; a link points elsewhere
    }
    found.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet());
    FileChannel channel =
        open.computeIfAbsent(path, p -> {
          try {
            return FileChannel.open(p, StandardOpenOption.READ);
          } catch (IOException | RuntimeException e) {
            return null;
          }
        });
    if (channel != null) {
      search(path, channel);
    }
  }

  private void search(Path path, FileChannel channel) {
    byte[] data;
    try {
      long size = Math.min(channel.size(), 16 << 20);
      ByteBuffer buffer = ByteBuffer.allocate((int) size);
      while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
        // reads at absolute positions until the buffer is full or the file ends
      }
      data = java.util.Arrays.copyOf(buffer.array(), buffer.position());
    } catch (IOException | RuntimeException e) {
      return;
    }
    readOnce.add(path);
    for (String canary : canaries) {
      if (contains(data, canary)) {
        found.get(path).add(canary);
      }
    }
  }

  /** Whether the file lies in the in-memory folder of an extraction child, under /dev/shm. */
  public static boolean inExtractionFolder(Path p) {
    return p.startsWith("/dev/shm") && p.getNameCount() > 2 && p.getName(2).toString().startsWith("candor-extract-");
  }

  /** Stops watching and gives every file seen. */
  public List<Seen> stop() throws InterruptedException {
    Thread.sleep(300); // let the last inotify events arrive
    stopping = true;
    thread.join(10_000);
    // Files deleted since they were first seen are still readable through the open channels.
    open.forEach(this::search);
    closeChannels();
    List<Seen> seen = new ArrayList<>();
    found.forEach((p, c) -> seen.add(new Seen(p, Set.copyOf(c), readOnce.contains(p))));
    return seen;
  }

  @Override
  public void close() throws IOException {
    stopping = true;
    service.close();
    closeChannels();
  }

  private void closeChannels() {
    for (FileChannel channel : open.values()) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing to keep.
      }
    }
    open.clear();
  }

  /** Whether the bytes hold the word as text, in a ZIP entry or in a Flate stream. */
  public static boolean contains(byte[] data, String canary) {
    if (indexOf(data, canary.getBytes(StandardCharsets.US_ASCII)) >= 0
        || indexOf(data, canary.getBytes(StandardCharsets.UTF_16LE)) >= 0) {
      return true;
    }
    if (data.length > 4 && data[0] == 'P' && data[1] == 'K') {
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
        while (zip.getNextEntry() != null) {
          if (contains(zip.readNBytes(64 << 20), canary)) {
            return true;
          }
        }
      } catch (IOException | RuntimeException truncated) {
        // A file caught while being written: what was readable was searched.
      }
    }
    byte[] stream = "stream".getBytes(StandardCharsets.US_ASCII);
    for (int at = indexOf(data, stream, 0); at >= 0; at = indexOf(data, stream, at + 1)) {
      int start = at + stream.length;
      while (start < data.length && (data[start] == '\r' || data[start] == '\n')) {
        start++;
      }
      Inflater inflater = new Inflater();
      inflater.setInput(data, start, data.length - start);
      byte[] out = new byte[1 << 16];
      try {
        int n = inflater.inflate(out);
        if (n > 0 && indexOf(java.util.Arrays.copyOf(out, n), canary.getBytes(StandardCharsets.US_ASCII)) >= 0) {
          return true;
        }
      } catch (java.util.zip.DataFormatException notFlate) {
        // Not a compressed stream.
      } finally {
        inflater.end();
      }
    }
    return false;
  }

  private static int indexOf(byte[] data, byte[] word) {
    return indexOf(data, word, 0);
  }

  private static int indexOf(byte[] data, byte[] word, int from) {
    outer:
    for (int i = from; i <= data.length - word.length; i++) {
      for (int j = 0; j < word.length; j++) {
        if (data[i + j] != word[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
