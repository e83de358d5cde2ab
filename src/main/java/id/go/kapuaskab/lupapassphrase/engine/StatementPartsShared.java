package id.go.kapuaskab.lupapassphrase.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.xmltags.ChooseSqlNode;
import org.apache.ibatis.scripting.xmltags.DynamicSqlSource;
import org.apache.ibatis.scripting.xmltags.ExpressionEvaluator;
import org.apache.ibatis.scripting.xmltags.ForEachSqlNode;
import org.apache.ibatis.scripting.xmltags.IfSqlNode;
import org.apache.ibatis.scripting.xmltags.MixedSqlNode;
import org.apache.ibatis.scripting.xmltags.SetSqlNode;
import org.apache.ibatis.scripting.xmltags.SqlNode;
import org.apache.ibatis.scripting.xmltags.StaticTextSqlNode;
import org.apache.ibatis.scripting.xmltags.TextSqlNode;
import org.apache.ibatis.scripting.xmltags.TrimSqlNode;
import org.apache.ibatis.scripting.xmltags.VarDeclSqlNode;
import org.apache.ibatis.scripting.xmltags.WhereSqlNode;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds each part of the engine's dynamic SQL statements once, its text without the mapping files' indentation.
 * MyBatis builds every statement's tree of parts from its own copy of each fragment it includes (the authorization
 * checks' fragments are in hundreds of statements), with every line's indentation in its text: 208,000 parts with
 * 10.9 million characters of text, 4,810 parts with 111,000 once shared; a quarter of the live heap after the start
 * (71 MB, 52 MB once shared; docs/performance.md). The parts do not change once built and keep nothing of a call
 * (each call builds its SQL in a context of its own), so equal parts can be one. The text is what each call joins
 * into its SQL and the driver and the database read again: each run of white space becomes its first character,
 * and a line break where the run had one (a {@code --} comment ends at it); text inside quotes stays as it is.
 */
final class StatementPartsShared extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(StatementPartsShared.class);

  /** MyBatis's own parts, none of which keeps anything of a call; a part of another kind is left as it is. */
  private static final Set<Class<?>> SHAREABLE = Set.of(MixedSqlNode.class, StaticTextSqlNode.class, TextSqlNode.class,
      IfSqlNode.class, ChooseSqlNode.class, ForEachSqlNode.class, TrimSqlNode.class, WhereSqlNode.class,
      SetSqlNode.class, VarDeclSqlNode.class);

  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
  private static final Field ROOT = field(DynamicSqlSource.class, "rootSqlNode");
  private static final Field STATIC_TEXT = field(StaticTextSqlNode.class, "text");
  private static final Field TEXT = field(TextSqlNode.class, "text");
  private static final Field INJECTION_FILTER = field(TextSqlNode.class, "injectionFilter");

  /** How many parts the statements held before and after, and the characters of their text. */
  record Shared(int partsBefore, int partsAfter, long charactersBefore, long charactersAfter) {
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Shared shared = share(configuration.getSqlSessionFactory().getConfiguration());
    LOG.info("The engine's SQL statements hold {} parts instead of {}, with {} characters of text instead of {}",
        shared.partsAfter(), shared.partsBefore(), shared.charactersAfter(), shared.charactersBefore());
  }

  static Shared share(Configuration mappings) {
    Parts parts = new Parts();
    List<SqlNode> roots = new ArrayList<>();
    for (Object statement : Set.copyOf(mappings.getMappedStatements())) {
      if (statement instanceof MappedStatement mapped && mapped.getSqlSource() instanceof DynamicSqlSource dynamic) {
        SqlNode root = (SqlNode) read(ROOT, dynamic);
        parts.of(root);
        roots.add(root);
      }
    }
    // the shared parts are few: counting them is quick, where counting all before would be a second pass
    Set<SqlNode> after = Collections.newSetFromMap(new IdentityHashMap<>());
    roots.forEach(root -> count(root, after));
    return new Shared(parts.done.size(), after.size(), parts.charactersBefore, characters(after));
  }

  /**
   * Each run of white space outside quotes as its first character, followed by a line break if the run had one and
   * did not begin with it; the text as it is if a quote in it is left open.
   */
  static String compact(String text) {
    StringBuilder compacted = new StringBuilder(text.length());
    char quote = 0;
    int at = 0;
    while (at < text.length()) {
      char next = text.charAt(at);
      if (quote == 0 && Character.isWhitespace(next)) {
        int end = at;
        boolean lineBreak = false;
        while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
          lineBreak |= text.charAt(end) == '\n';
          end++;
        }
        compacted.append(next);
        if (lineBreak && next != '\n') {
          compacted.append('\n');
        }
        at = end;
        continue;
      }
      if (quote == 0 && (next == '\'' || next == '"')) {
        quote = next;
      } else if (next == quote) {
        quote = 0;
      }
      compacted.append(next);
      at++;
    }
    return quote == 0 ? compacted.toString() : text;
  }

  /** The one part for each structure: a part's kind and settings, with its own parts already made one. */
  private static final class Parts {

    private final Map<List<Object>, SqlNode> byStructure = new HashMap<>();
    /** Each part met, to the one it became: as many as the statements held. */
    private final Map<SqlNode, SqlNode> done = new IdentityHashMap<>();
    /** The characters of the text parts met, before they were compacted. */
    private long charactersBefore;

    SqlNode of(SqlNode part) {
      if (part == null || !SHAREABLE.contains(part.getClass())) {
        return part;
      }
      SqlNode known = done.get(part);
      if (known != null) {
        return known;
      }
      SqlNode compacted = compacted(part);
      List<Object> structure = new ArrayList<>();
      structure.add(compacted.getClass());
      for (Field field : fields(compacted.getClass())) {
        if (field.getType() != ExpressionEvaluator.class) {
          structure.add(settingOf(read(field, compacted)));
        }
      }
      SqlNode one = byStructure.computeIfAbsent(structure, key -> compacted);
      done.put(part, one);
      return one;
    }

    /** A part inside (made one, and put in its list), or a setting as it is (text, name, expression, ...). */
    private Object settingOf(Object value) {
      if (value instanceof SqlNode part) {
        return new Same(of(part));
      }
      if (value instanceof List<?> list && list.stream().allMatch(SqlNode.class::isInstance)) {
        @SuppressWarnings("unchecked")
        List<SqlNode> inner = (List<SqlNode>) list;
        List<Same> same = new ArrayList<>(inner.size());
        for (int index = 0; index < inner.size(); index++) {
          SqlNode one = of(inner.get(index));
          if (one != inner.get(index)) {
            inner.set(index, one);
          }
          same.add(new Same(one));
        }
        return same;
      }
      return value;
    }

    private SqlNode compacted(SqlNode part) {
      charactersBefore += characters(part);
      if (part instanceof StaticTextSqlNode) {
        return new StaticTextSqlNode(compact((String) read(STATIC_TEXT, part)));
      }
      if (part instanceof TextSqlNode && read(INJECTION_FILTER, part) == null) {
        return new TextSqlNode(compact((String) read(TEXT, part)));
      }
      return part;
    }
  }

  /** A part, equal only to itself, as MyBatis's parts are. */
  private record Same(SqlNode part) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Same same && same.part == part;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(part);
    }
  }

  private static void count(SqlNode part, Set<SqlNode> seen) {
    if (part == null || !seen.add(part) || !SHAREABLE.contains(part.getClass())) {
      return;
    }
    for (Field field : fields(part.getClass())) {
      Object value = read(field, part);
      if (value instanceof SqlNode inner) {
        count(inner, seen);
      } else if (value instanceof List<?> list) {
        list.stream().filter(SqlNode.class::isInstance).forEach(inner -> count((SqlNode) inner, seen));
      }
    }
  }

  private static long characters(Set<SqlNode> parts) {
    return parts.stream().mapToLong(StatementPartsShared::characters).sum();
  }

  private static long characters(SqlNode part) {
    if (part instanceof StaticTextSqlNode) {
      return ((String) read(STATIC_TEXT, part)).length();
    }
    return part instanceof TextSqlNode ? ((String) read(TEXT, part)).length() : 0;
  }

  /** A kind of part's instance fields, its superclasses' too (a where part's are its trim part's). */
  private static List<Field> fields(Class<?> kind) {
    return FIELDS.computeIfAbsent(kind, k -> {
      List<Field> fields = new ArrayList<>();
      for (Class<?> type = k; type != Object.class; type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers())) {
            field.setAccessible(true);
            fields.add(field);
          }
        }
      }
      return List.copyOf(fields);
    });
  }

  private static Field field(Class<?> kind, String name) {
    return fields(kind).stream().filter(field -> field.getName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException(kind.getName() + " has no field " + name));
  }

  private static Object read(Field field, Object owner) {
    try {
      return field.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
