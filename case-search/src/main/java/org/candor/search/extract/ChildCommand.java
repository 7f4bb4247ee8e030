package org.candor.search.extract;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of an extraction child: the running JDK's {@code java}, JVM options that keep
 * the child's traces off the disk (docs/design.md property 1) and cap its memory, and a class path made
 * of the locations this code and Tika were loaded from. Inside Payara Micro those are the WAR's
 * {@code WEB-INF/classes} and {@code WEB-INF/lib} jars, read from the web application's class
 * loader; under a plain {@code java -cp} or a test runner, the JVM's class path.
 */
final class ChildCommand {

  /** The temporary folder a child gets when there is no memory file system: it does not exist. */
  static final String NO_FOLDER = "/nonexistent/candor-no-temporary-folder";

  /** Classes whose locations must be on the child's class path, whatever the class loader says. */
  private static final String[] ANCHORS = {
    "org.candor.search.extract.ExtractionChild",
    "org.apache.tika.parser.AutoDetectParser",
    "org.apache.tika.parser.microsoft.OfficeParser",
    "org.apache.tika.parser.microsoft.ooxml.OOXMLParser",
    "org.apache.tika.parser.pdf.PDFParser",
    "org.apache.tika.parser.txt.TXTParser",
  };

  private static volatile String classPath;

  private ChildCommand() {}

  static List<String> of(AttachmentExtractor.Limits limits, AttachmentExtractor.Process settings, Path scratch) {
    String folder = scratch == null ? NO_FOLDER : scratch.toString();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + settings.heapMiB() + "m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:-HeapDumpOnOutOfMemoryError");
    command.add("-XX:-CreateCoredumpOnCrash");
    command.add("-XX:+ErrorFileToStderr");
    command.add("-XX:-UsePerfData");
    command.add("-XX:+DisableAttachMechanism");
    command.add("-Djava.awt.headless=true");
    command.add("-Djava.io.tmpdir=" + folder);
    command.add("-Duser.home=" + folder);
    command.add("-Dpdfbox.fontcache=" + folder);
    command.add("-Dfile.encoding=UTF-8");
    command.add("-cp");
    command.add(classPath());
    command.add(ExtractionChild.class.getName());
    command.add(Long.toString(limits.maxBytes()));
    command.add(Integer.toString(limits.maxChars()));
    return command;
  }

  static String classPath() {
    String cached = classPath;
    if (cached == null) {
      cached = String.join(File.pathSeparator, resolve());
      classPath = cached;
    }
    return cached;
  }

  private static Set<String> resolve() {
    Set<String> entries = new LinkedHashSet<>();
    ClassLoader loader = ChildCommand.class.getClassLoader();
    if (loader instanceof URLClassLoader urls) {
      for (URL url : urls.getURLs()) {
        add(entries, url);
      }
    } else {
      for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
        if (!entry.isBlank() && Files.exists(Path.of(entry))) {
          entries.add(entry);
        }
      }
    }
    for (String anchor : ANCHORS) {
      try {
        CodeSource source = Class.forName(anchor, false, loader).getProtectionDomain().getCodeSource();
        if (source != null) {
          add(entries, source.getLocation());
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // A parser module left out of the build: the child then does without it.
      }
    }
    return entries;
  }

  private static void add(Set<String> entries, URL url) {
    if (url == null || !"file".equals(url.getProtocol())) {
      return;
    }
    try {
      Path path = Path.of(new URI(url.toString().replace(" ", "%20")));
      if (Files.exists(path)) {
        entries.add(path.toString());
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Not a local file: nothing the child could load from.
    }
  }
}
