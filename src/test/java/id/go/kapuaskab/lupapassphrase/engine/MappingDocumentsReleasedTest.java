package id.go.kapuaskab.lupapassphrase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The engine keeps its SQL statements, built whole, and no longer the XML documents they were parsed from. */
class MappingDocumentsReleasedTest extends IntegrationTest {

  /** A statement that includes a fragment of a file parsed after it, and reads its rows through that file's result map. */
  private static final String FIRST_FILE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
      <mapper namespace="pertama">
        <select id="cari" resultMap="kedua.baris">select <include refid="kedua.kolom"/> from PERMOHONAN</select>
      </mapper>
      """;
  private static final String SECOND_FILE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
      <mapper namespace="kedua">
        <sql id="kolom">ID_, NAMA_</sql>
        <resultMap id="baris" type="map"><id property="id" column="ID_"/></resultMap>
      </mapper>
      """;

  @Test
  void theEngineKeepsNoFragmentAndRunsItsQueries() {
    assertThat(EngineStatements.of(engine).getSqlFragments()).isEmpty();
    EngineStatements.assertVerifiersQueueRuns(engine);
  }

  @Test
  void keepsTheStatementsAndLetsTheDocumentsGo() throws InterruptedException {
    Configuration mappings = new Configuration();
    parse(mappings, "pertama.xml", FIRST_FILE);
    parse(mappings, "kedua.xml", SECOND_FILE);
    WeakReference<Document> document =
        new WeakReference<>(mappings.getSqlFragments().get("kedua.kolom").getNode().getOwnerDocument());
    assertThat(mappings.hasStatement("pertama.cari", false)).as("built once the second file was parsed").isTrue();

    MappingDocumentsReleased.release(mappings);

    assertThat(mappings.getSqlFragments()).isEmpty();
    assertThat(mappings.getMappedStatement("pertama.cari").getBoundSql(Map.of()).getSql())
        .isEqualToNormalizingWhitespace("select ID_, NAMA_ from PERMOHONAN");
    for (int attempt = 0; attempt < 50 && document.get() != null; attempt++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(document.get()).as("the second file's document, once released").isNull();
  }

  private static void parse(Configuration mappings, String resource, String xml) {
    new XMLMapperBuilder(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), mappings, resource,
        mappings.getSqlFragments()).parse();
  }
}
