package org.qingshan.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds the expanding Word file of issue 11 in memory, for the importer's and the CLI's tests. */
public final class TestWordBomb {

  private TestWordBomb() {}

  /**
   * A .docx as POI writes one, but whose document part is {@code expanded} bytes of paragraphs that
   * differ only in their number, zipped at the best compression: the shape of issue 11's upload.
   */
  public static byte[] write(long expanded) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      entry(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
              + " Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
              + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
              + " PartName=\"/word/document.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"word/document.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      OutputStream part = zip;
      part.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document"
                  + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
              .getBytes(StandardCharsets.UTF_8));
      long written = 0;
      for (int i = 1; written < expanded; i++) {
        byte[] paragraph =
            ("<w:p><w:r><w:t>" + i + ".加强扬尘管控。（责任单位：县住房和城乡建设局）</w:t></w:r></w:p>")
                .getBytes(StandardCharsets.UTF_8);
        part.write(paragraph);
        written += paragraph.length;
      }
      part.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
