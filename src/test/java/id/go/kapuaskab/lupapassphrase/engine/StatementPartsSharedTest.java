package id.go.kapuaskab.lupapassphrase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.xmltags.DynamicSqlSource;
import org.apache.ibatis.scripting.xmltags.ExpressionEvaluator;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.junit.jupiter.api.Test;

/** The engine's dynamic SQL statements hold each part once, their text compacted, and read as before. */
class StatementPartsSharedTest extends IntegrationTest {

  /** Two statements that include one fragment with a condition, a list, a comment and a quoted text. */
  private static final String MAPPING = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
      <mapper namespace="permohonan">
        <sql id="syarat">
          <where>
            <if test="status != null">
              and STATUS_ = #{status}      -- the state of the request
            </if>
            <if test="ids != null">
              and ID_ in
              <foreach item="id" collection="ids" open="(" separator="," close=")">#{id}</foreach>
            </if>
            and CATATAN_ &lt;&gt; '  dua  spasi  '
          </where>
        </sql>
        <select id="cari" resultType="map">
          select *
            from PERMOHONAN
          <include refid="syarat"/>
        </select>
        <select id="hitung" resultType="long">
          select count(*)
            from PERMOHONAN
          <include refid="syarat"/>
        </select>
      </mapper>
      """;

  @Test
  void theEngineHoldsItsStatementsSharedAndRunsThem() {
    StatementPartsShared.Shared again = StatementPartsShared.share(EngineStatements.of(engine));

    assertThat(again.partsAfter()).as("nothing left to share since the start").isEqualTo(again.partsBefore());
    assertThat(again.charactersAfter()).as("nothing left to compact").isEqualTo(again.charactersBefore());
    // its authorization checks' fragments are now shared with every other query's
    EngineStatements.assertVerifiersQueueRuns(engine);
  }

  @Test
  void everyStatementOfTheEngineReadsAsBeforeFromFarFewerParts() throws Exception {
    Configuration mappings = engineMappings();
    Map<String, String> before = rendered(mappings);

    StatementPartsShared.Shared shared = StatementPartsShared.share(mappings);

    assertThat(before).hasSizeGreaterThan(400);
    assertThat(rendered(mappings)).isEqualTo(before);
    assertThat(shared.partsAfter()).isLessThan(shared.partsBefore() / 10);
    assertThat(shared.charactersAfter()).isLessThan(shared.charactersBefore() / 20);
  }

  @Test
  void aStatementBuildsTheSameSqlWithoutTheIndentation() {
    Configuration mappings = new Configuration();
    new XMLMapperBuilder(new ByteArrayInputStream(MAPPING.getBytes(StandardCharsets.UTF_8)), mappings, "permohonan.xml",
        mappings.getSqlFragments()).parse();
    Map<String, Object> query = Map.of("status", "AKTIF", "ids", List.of("1", "2"));
    String before = mappings.getMappedStatement("permohonan.cari").getBoundSql(query).getSql();

    StatementPartsShared.Shared shared = StatementPartsShared.share(mappings);

    String after = mappings.getMappedStatement("permohonan.cari").getBoundSql(query).getSql();
    assertThat(after).isEqualToNormalizingWhitespace(before)
        // MyBatis joins the parts with a space; the comment still ends at its line, the quoted text is as it was
        .isEqualTo("select *\nfrom PERMOHONAN\n \n WHERE  STATUS_ = ? -- the state of the request\n\n\nand ID_ in\n(?,?)\n\n"
            + "and CATATAN_ <> '  dua  spasi  '");
    assertThat(mappings.getMappedStatement("permohonan.hitung").getBoundSql(Map.of()).getSql())
        .isEqualToNormalizingWhitespace("select count(*) from PERMOHONAN WHERE CATATAN_ <> '  dua  spasi  '");
    assertThat(shared.partsAfter()).as("the fragment's parts, once for both statements").isLessThan(shared.partsBefore());
  }

  @Test
  void compactsEachRunOfWhiteSpaceOutsideQuotes() {
    assertThat(StatementPartsShared.compact("\n      select *\n        from T   where A = 1\n    "))
        .isEqualTo("\nselect *\nfrom T where A = 1\n");
    assertThat(StatementPartsShared.compact("A = 1    -- a comment \n      and B = 2"))
        .as("a comment ends where it ended").isEqualTo("A = 1 -- a comment \nand B = 2");
    assertThat(StatementPartsShared.compact("and \n   X = 1"))
        .as("what a trim's prefix \"and \" matched still matches").startsWith("and ");
    assertThat(StatementPartsShared.compact("X <> '  a\t b  ' and  Y = \"two  words\""))
        .isEqualTo("X <> '  a\t b  ' and Y = \"two  words\"");
    assertThat(StatementPartsShared.compact("it's  open")).as("a quote left open").isEqualTo("it's  open");
  }

  /** The engine's mappings parsed as the engine parses them for this database, in a configuration of their own. */
  private Configuration engineMappings() throws Exception {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Properties properties = new Properties();
    properties.put("prefix", configuration.getDatabaseTablePrefix());
    ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, configuration.getDatabaseTablePrefix(),
        configuration.getDatabaseType());
    try (InputStreamReader reader = new InputStreamReader(
        ReflectUtil.getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE), StandardCharsets.UTF_8)) {
      return new XMLConfigBuilder(reader, "", properties).parse();
    }
  }

  /** Each dynamic statement's parts written out, the white space in their text made single spaces. */
  private static Map<String, String> rendered(Configuration mappings) throws IllegalAccessException {
    Map<String, String> statements = new TreeMap<>();
    for (String id : mappings.getMappedStatementNames()) {
      if (id.contains(".") && mappings.getMappedStatement(id).getSqlSource() instanceof DynamicSqlSource dynamic) {
        MappedStatement statement = mappings.getMappedStatement(id);
        statements.put(statement.getId(), render(value(dynamic, "rootSqlNode")));
      }
    }
    return statements;
  }

  private static String render(Object value) throws IllegalAccessException {
    if (value instanceof String text) {
      return "'" + text.replaceAll("\\s+", " ").strip() + "'";
    }
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        items.add(render(item));
      }
      return items.toString();
    }
    if (value == null || !value.getClass().getPackageName().equals(DynamicSqlSource.class.getPackageName())) {
      return String.valueOf(value);
    }
    StringBuilder part = new StringBuilder(value.getClass().getSimpleName()).append('(');
    for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && field.getType() != ExpressionEvaluator.class
            && field.getType() != Configuration.class) {
          field.setAccessible(true);
          part.append(field.getName()).append('=').append(render(field.get(value))).append(' ');
        }
      }
    }
    return part.append(')').toString();
  }

  private static Object value(Object owner, String name) throws IllegalAccessException {
    for (Class<?> type = owner.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getName().equals(name)) {
          field.setAccessible(true);
          return field.get(owner);
        }
      }
    }
    throw new IllegalStateException(owner.getClass() + " has no field " + name);
  }
}
