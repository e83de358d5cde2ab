package id.go.kapuaskab.lupapassphrase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.Groups;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.ognl.MemberAccess;
import org.apache.ibatis.ognl.NoSuchPropertyException;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.junit.jupiter.api.Test;

/**
 * The engine's SQL mappings read properties through the remembered methods: the same values as OGNL's own
 * reading, and each class's method for a property looked up once.
 */
class RememberedReadMethodsTest extends IntegrationTest {

  private static final String VERA = DemoPeople.VERA.userId();

  /** What the mappings read: a property with a getter, one read through another method, a public field. */
  private static final List<String> PROPERTIES = List.of("authUserId", "isHistoricInstancePermissionsEnabled",
      "revokeAuthorizationCheckEnabled", "shouldPerformAuthorizatioCheck");

  /** A class of its own whose property has no method at all, only a field. */
  public static final class FieldOnly {
    public final String field = "dibaca dari field";
  }

  private final List<String> lookedUp = new ArrayList<>();
  private final RememberedReadMethods remembered = new RememberedReadMethods((type, property) -> {
    lookedUp.add(type.getSimpleName() + "." + property);
    return RememberedReadMethods.ognlsChoice(type, property);
  });

  @Test
  void theEnginesMappingsReadThroughIt() throws OgnlException {
    // a query whose mapping reads its conditions through OGNL finds the verifiers' grants
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(Groups.VERIFIERS).count()).isPositive();

    assertThat(OgnlRuntime.getPropertyAccessor(AuthorizationCheck.class)).isInstanceOf(RememberedReadMethods.class);
  }

  @Test
  void readsWhatOgnlReadsItself() throws OgnlException {
    AuthorizationCheck check = new AuthorizationCheck(VERA, List.of(Groups.VERIFIERS), null, true);
    check.setHistoricInstancePermissionsEnabled(true);
    ObjectPropertyAccessor ognl = new ObjectPropertyAccessor();

    for (String property : PROPERTIES) {
      assertThat(remembered.getProperty(context(check), check, property)).as(property)
          .isEqualTo(ognl.getProperty(context(check), check, property)).isNotNull();
    }
    assertThat(remembered.getProperty(context(check), check, "isHistoricInstancePermissionsEnabled")).isEqualTo(true);
    FieldOnly fieldOnly = new FieldOnly();
    assertThat(remembered.getProperty(context(fieldOnly), fieldOnly, "field")).isEqualTo("dibaca dari field");
    assertThatThrownBy(() -> remembered.getProperty(context(check), check, "noSuchProperty"))
        .isInstanceOf(NoSuchPropertyException.class);
    assertThatThrownBy(() -> ognl.getProperty(context(check), check, "noSuchProperty"))
        .isInstanceOf(NoSuchPropertyException.class);
  }

  @Test
  void looksEachClassesPropertyUpOnce() throws OgnlException {
    for (int reading = 0; reading < 3; reading++) {
      for (boolean enabled : new boolean[] {true, false}) {
        AuthorizationCheck check = new AuthorizationCheck(VERA, List.of(), null, false);
        check.setHistoricInstancePermissionsEnabled(enabled);
        assertThat(remembered.getProperty(context(check), check, "isHistoricInstancePermissionsEnabled")).isEqualTo(enabled);
        assertThat(remembered.getProperty(context(check), check, "authUserId")).isEqualTo(VERA);
      }
    }

    assertThat(lookedUp).containsExactly("AuthorizationCheck.isHistoricInstancePermissionsEnabled",
        "AuthorizationCheck.authUserId");
  }

  @Test
  void aMethodTheMemberAccessRefusesIsNotCalled() {
    AuthorizationCheck check = new AuthorizationCheck(VERA, List.of(), null, false);
    check.setHistoricInstancePermissionsEnabled(true);
    OgnlContext fieldsOnly = Ognl.createDefaultContext(check, new Everything() {
      @Override
      public boolean isAccessible(OgnlContext context, Object target, Member member, String propertyName) {
        return !(member instanceof Method);
      }
    });

    for (String property : PROPERTIES) {
      Object read = outcome(remembered, fieldsOnly, check, property);
      assertThat(read).as(property).isNotEqualTo(outcome(remembered, context(check), check, property))
          .isEqualTo(outcome(new ObjectPropertyAccessor(), fieldsOnly, check, property));
    }
  }

  /** The value read, or the kind of exception the reading threw. */
  private static Object outcome(ObjectPropertyAccessor accessor, OgnlContext context, Object target, String property) {
    try {
      return accessor.getProperty(context, target, property);
    } catch (OgnlException refused) {
      return refused.getClass();
    }
  }

  private static OgnlContext context(Object root) {
    return Ognl.createDefaultContext(root, new Everything());
  }

  /** The member access MyBatis gives OGNL: every member may be read. */
  private static class Everything implements MemberAccess {

    @Override
    public Object setup(OgnlContext context, Object target, Member member, String propertyName) {
      return null;
    }

    @Override
    public void restore(OgnlContext context, Object target, Member member, String propertyName, Object state) {
    }

    @Override
    public boolean isAccessible(OgnlContext context, Object target, Member member, String propertyName) {
      return true;
    }
  }
}
