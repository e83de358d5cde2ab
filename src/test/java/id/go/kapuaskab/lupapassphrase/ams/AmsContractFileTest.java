package id.go.kapuaskab.lupapassphrase.ams;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.ams.api.AmsApi;
import id.go.kapuaskab.lupapassphrase.support.AmsContract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of docs/ams-api.yaml that hold for the whole file, read from the file itself. */
class AmsContractFileTest {

  /** Names that would mean a secret of the holder travels: passphrase, password, PIN, OTP. */
  private static final Pattern SECRET = Pattern.compile("(?i).*(pass|pwd|pin|otp|secret).*");

  private static OpenAPI contract;

  @BeforeAll
  static void read() {
    ParseOptions resolve = new ParseOptions();
    resolve.setResolve(true);
    resolve.setResolveFully(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(AmsContract.FILE.toString(), null, resolve);
    assertThat(result.getMessages()).isEmpty();
    contract = result.getOpenAPI();
  }

  @Test
  void itHasTheThreeOperationsThePortNeeds() {
    assertThat(contract.getPaths()).containsOnlyKeys(AmsApi.RESET_PATH, AmsApi.RESEND_PATH, AmsApi.STATUS_PATH);
  }

  @Test
  void noRequestOrAnswerCarriesASecretOfTheHolder() {
    List<String> names = new ArrayList<>();
    contract.getComponents().getSchemas().values().forEach(schema -> collect(schema, names));
    contract.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
      if (operation.getParameters() != null) {
        operation.getParameters().stream().map(Parameter::getName).forEach(names::add);
      }
    }));

    assertThat(names).contains("nik", "email", "resetId", "status", AmsApi.IDEMPOTENCY_KEY)
        .noneMatch(name -> SECRET.matcher(name).matches());
  }

  @Test
  void everyChangeCarriesAnIdempotencyKeyAndOnlyChangesMayBeRefused() {
    for (String path : List.of(AmsApi.RESET_PATH, AmsApi.RESEND_PATH)) {
      Operation change = contract.getPaths().get(path).getPost();
      assertThat(change.getParameters()).as(path)
          .anyMatch(parameter -> parameter.getName().equals(AmsApi.IDEMPOTENCY_KEY) && parameter.getRequired());
      assertThat(change.getResponses()).as(path).containsKey(String.valueOf(AmsApi.REFUSED));
    }
    Operation status = contract.getPaths().get(AmsApi.STATUS_PATH).getPost();
    assertThat(status.getParameters()).isNull();
    assertThat(status.getResponses()).doesNotContainKey(String.valueOf(AmsApi.REFUSED));
  }

  @Test
  void aRefusalIsTellableFromAFault() {
    contract.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
      for (Map.Entry<String, ApiResponse> answer : operation.getResponses().entrySet()) {
        int status = Integer.parseInt(answer.getKey());
        if (status == AmsApi.REFUSED) {
          assertThat(answer.getValue().getContent()).containsOnlyKeys("application/json");
          assertThat(answer.getValue().getContent().get("application/json").getSchema().getRequired())
              .containsExactlyInAnyOrder("status", "message");
        } else if (status >= 400) {
          assertThat(answer.getValue().getContent()).as(answer.getKey()).containsOnlyKeys("application/problem+json");
        }
      }
    }));
  }

  private static void collect(Schema<?> schema, List<String> names) {
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((name, property) -> {
        names.add(name);
        collect(property, names);
      });
    }
  }
}
