package id.go.kapuaskab.lupapassphrase.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;

/** Statement letters for tests: small valid PDFs, and the wrong kinds of file. */
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

  /**
   * A one-page PDF that reads as a statement letter of the holder (in a PDF viewer, for screenshots),
   * built with its cross-reference table so that any viewer opens it without repairing it.
   */
  public static byte[] statementOf(String holderName) {
    String text = "BT /F1 14 Tf 72 760 Td (SURAT PERNYATAAN LUPA PASSPHRASE SERTIFIKAT ELEKTRONIK) Tj "
        + "0 -32 Td (Yang bertanda tangan di bawah ini: " + holderName.replaceAll("[()\\\\]", "") + ") Tj "
        + "0 -20 Td (menyatakan lupa passphrase sertifikat elektroniknya.) Tj ET";
    List<String> objects = List.of(
        "<</Type/Catalog/Pages 2 0 R>>",
        "<</Type/Pages/Kids[3 0 R]/Count 1>>",
        "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
        "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        "<</Length " + text.length() + ">>\nstream\n" + text + "\nendstream");
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    write(pdf, "%PDF-1.4\n");
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.size());
      write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = pdf.size();
    write(pdf, "xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    offsets.forEach(offset -> write(pdf, String.format("%010d 00000 n \n", offset)));
    write(pdf, "trailer\n<</Size " + (objects.size() + 1) + "/Root 1 0 R>>\nstartxref\n" + xref + "\n%%EOF\n");
    return pdf.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
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
