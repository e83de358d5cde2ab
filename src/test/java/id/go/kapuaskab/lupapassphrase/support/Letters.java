package id.go.kapuaskab.lupapassphrase.support;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;

/** Statement letters for tests: a small valid PDF, and the wrong kinds of file. */
public final class Letters {

  /** A minimal one-page PDF. */
  public static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
      + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
      + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
      + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

  private Letters() {
  }

  public static FileValue pdf() {
    return file("surat-pernyataan.pdf", "application/pdf", PDF);
  }

  public static FileValue file(String name, String mimeType, byte[] bytes) {
    return Variables.fileValue(name).file(bytes).mimeType(mimeType).create();
  }

  /** The bytes of a PDF one byte larger than the 2 MB limit. */
  public static byte[] oversizedPdfBytes() {
    byte[] bytes = new byte[2 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, bytes, 0, PDF.length);
    return bytes;
  }

  public static FileValue oversizedPdf() {
    return file("besar.pdf", "application/pdf", oversizedPdfBytes());
  }
}
