package org.candor.search;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hslf.usermodel.HSLFSlide;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Attachments of every kind the extractor meets, made in the test with the libraries Tika brings
 * (POI for Office, PDFBox for PDF), each carrying a given word. No fixture files: the legacy
 * formats POI cannot write through its user model (.doc, .msg) are assembled with POI's OLE2
 * file system API, stream by stream, as described on each method.
 */
public final class Documents {

  private Documents() {}

  /** One document of each kind, keyed by file name, each with its own canary word. */
  public static Map<String, byte[]> eachKind(Map<String, String> canaries) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("sheet.xls", xls(canaries.get("sheet.xls")));
    files.put("letter.doc", doc(canaries.get("letter.doc")));
    files.put("slides.ppt", ppt(canaries.get("slides.ppt")));
    files.put("mail.msg", msg(canaries.get("mail.msg")));
    files.put("letter.docx", docx(canaries.get("letter.docx")));
    files.put("sheet.xlsx", xlsx(canaries.get("sheet.xlsx")));
    files.put("slides.pptx", pptx(canaries.get("slides.pptx")));
    files.put("scan.pdf", pdf(canaries.get("scan.pdf")));
    files.put("memo.rtf", rtf(canaries.get("memo.rtf")));
    files.put("memo.txt", canaries.get("memo.txt").getBytes(StandardCharsets.UTF_8));
    files.put("locked.docx", encryptedDocx(canaries.get("locked.docx"), "correct horse"));
    return files;
  }

  public static byte[] pdf(String text) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  public static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(text);
      doc.write(out);
      return out.toByteArray();
    }
  }

  public static byte[] xlsx(String text) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      book.createSheet("accounts").createRow(0).createCell(0).setCellValue(text);
      book.write(out);
      return out.toByteArray();
    }
  }

  public static byte[] xls(String text) throws IOException {
    try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      book.createSheet("accounts").createRow(0).createCell(0).setCellValue(text);
      book.write(out);
      return out.toByteArray();
    }
  }

  public static byte[] pptx(String text) throws IOException {
    try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSLFTextBox box = show.createSlide().createTextBox();
      box.setAnchor(new Rectangle2D.Double(50, 50, 400, 100));
      box.setText(text);
      show.write(out);
      return out.toByteArray();
    }
  }

  /** A PowerPoint 97 file: POI's HSLF starts from the empty presentation it ships. */
  public static byte[] ppt(String text) throws IOException {
    try (HSLFSlideShow show = new HSLFSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      HSLFSlide slide = show.createSlide();
      HSLFTextBox box = slide.createTextBox();
      box.setAnchor(new Rectangle2D.Double(50, 50, 400, 100));
      box.setText(text);
      show.write(out);
      return out.toByteArray();
    }
  }

  /**
   * An Outlook message: an OLE2 file with the MAPI property streams of a plain-text mail (message
   * class, subject, sender and body as Unicode strings, {@code __substg1.0_<tag><type 001F>}),
   * which is how Outlook stores them; POI's HSMF reads them but cannot write a message.
   */
  public static byte[] msg(String text) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      DirectoryEntry root = fs.getRoot();
      unicode(root, "__substg1.0_001A001F", "IPM.Note");
      unicode(root, "__substg1.0_0037001F", "Meeting notes");
      unicode(root, "__substg1.0_0C1A001F", "A colleague");
      unicode(root, "__substg1.0_1000001F", "The payments went to " + text + " in March.");
      // A top-level property stream: 32-byte header, no fixed-size properties.
      root.createDocument("__properties_version1.0", new ByteArrayInputStream(new byte[32]));
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  /**
   * An OLE2 file laid out as a Word 97 document ({@code WordDocument}, {@code 1Table} and {@code
   * \u0005SummaryInformation} streams) whose WordDocument stream carries the text after a
   * zeroed file information block. Tika detects it as {@code application/msword} and copies it to
   * a temporary file to do so, which is what the test watches for; POI cannot write a real .doc
   * and there is no word processor on the build machine, so its text is not expected back.
   */
  public static byte[] doc(String text) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      DirectoryEntry root = fs.getRoot();
      ByteArrayOutputStream word = new ByteArrayOutputStream();
      byte[] fib = new byte[1472];
      fib[0] = (byte) 0xEC; // wIdent of Word 97
      fib[1] = (byte) 0xA5;
      fib[2] = (byte) 0xC1; // nFib 193
      word.write(fib);
      word.write(text.getBytes(StandardCharsets.US_ASCII));
      root.createDocument("WordDocument", new ByteArrayInputStream(word.toByteArray()));
      root.createDocument("1Table", new ByteArrayInputStream(new byte[512]));
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  public static byte[] rtf(String text) {
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Helvetica;}}\\f0\\pard The auditor found " + text + " in the ledger.\\par}")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A .docx locked with a password (ECMA-376 agile encryption, as Word does it). */
  public static byte[] encryptedDocx(String text, String password) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor encryptor = info.getEncryptor();
      encryptor.confirmPassword(password);
      try (OutputStream sealed = encryptor.getDataStream(fs)) {
        sealed.write(docx(text));
      } catch (GeneralSecurityException e) {
        throw new IOException(e);
      }
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  /** A .docx whose document part inflates to {@code mebibytes} MiB of spaces: a zip bomb. */
  public static byte[] zipBombDocx(int mebibytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
          .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("_rels/.rels"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")
          .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
          .getBytes(StandardCharsets.UTF_8));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < mebibytes; i++) {
        zip.write(spaces);
      }
      zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static void unicode(DirectoryEntry dir, String name, String value) throws IOException {
    dir.createDocument(name, new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_16LE)));
  }
}
