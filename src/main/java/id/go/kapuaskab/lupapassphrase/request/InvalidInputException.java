package id.go.kapuaskab.lupapassphrase.request;

/**
 * Input that a request or a task completion may not carry. It is not a ProcessEngineException on
 * purpose: the REST resources would turn those into a 500, while this one reaches our mapper, which
 * answers 400 with the field named; the engine rolls the whole command back, so nothing is lost.
 */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
