package id.go.kapuaskab.lupapassphrase.web;

import id.go.kapuaskab.lupapassphrase.request.InvalidInputException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.sub.VariableResource;
import org.camunda.bpm.engine.variable.impl.type.ObjectTypeImpl;
import org.camunda.bpm.engine.variable.value.SerializableValue;

/**
 * No variable value sent to the REST API is an object: no variable of this application is one, and the
 * engine has no serializer for objects but Java's, which it refuses for values from outside
 * (javaSerializationFormatEnabled=false) and which the REST API then answered with a 500. Refused with
 * 400 wherever a caller sends variables, before anything reads the value: every REST door turns a
 * variable it is sent ({"type": "Object", "value": …}) into an engine value through the engine's value
 * type of that name, which this plugin replaces; the form a variable's data is uploaded with names the
 * class to build from JSON in its part "type", refused by {@link ObjectParts} before the REST API builds it.
 */
public class NoSerializedObjects extends AbstractProcessEnginePlugin {

  private static final String FIELD = "type";
  private static final String REFUSED = "Nilai berupa objek (tipe Object, misalnya objek Java terserialisasi) tidak diterima; "
      + "kirim teks, angka, ya/tidak, tanggal atau berkas.";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getValueTypeResolver().addType(new RefusedObjectType());
  }

  /** The engine's type "Object", which no longer builds a value from what a caller serialized. */
  private static final class RefusedObjectType extends ObjectTypeImpl {

    @Override
    public SerializableValue createValueFromSerialized(String serializedValue, Map<String, Object> valueInfo) {
      throw new InvalidInputException(FIELD, REFUSED);
    }
  }

  /** A variable's data uploaded as a form with a part "type": the REST API would build that class from JSON. */
  @Provider
  public static class ObjectParts implements ReaderInterceptor {

    @Context
    private ResourceInfo resource;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
      Object entity = context.proceed();
      if (entity instanceof MultipartFormData form && form.getNamedPart(FIELD) != null
          && VariableResource.class.isAssignableFrom(resource.getResourceClass())) {
        throw new InvalidInputException(FIELD, REFUSED);
      }
      return entity;
    }
  }
}
