package id.go.kapuaskab.lupapassphrase.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.Context;
import org.apache.catalina.loader.WebappLoader;
import org.springframework.boot.web.embedded.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatEmbeddedWebappClassLoader;
import org.springframework.stereotype.Component;

/**
 * The web application's class loader remembers where the class path's service files are. Camunda's REST API
 * looks its engine up through a service loader each time it makes a resource and each time it authenticates a
 * call (EngineUtil.lookupProcessEngine): several searches of every jar in the application per call, and a read of
 * the file found in its jar, 7 % of the node's CPU under load. The class path of a running application does not
 * change, so the first answer stands: where each service file is, and what it says.
 */
@Component
class RememberedServiceFiles implements TomcatContextCustomizer {

  @Override
  public void customize(Context context) {
    ((WebappLoader) context.getLoader()).setLoaderInstance(new Loader(context.getParentClassLoader()));
  }

  /** Spring Boot's class loader for embedded Tomcat, remembering the service files it found and their text. */
  static final class Loader extends TomcatEmbeddedWebappClassLoader {

    private static final String SERVICE_FILES = "META-INF/services/";

    static {
      registerAsParallelCapable();
    }

    private final Map<String, List<URL>> serviceFiles = new ConcurrentHashMap<>();

    Loader(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (!name.startsWith(SERVICE_FILES)) {
        return super.getResources(name);
      }
      List<URL> found = serviceFiles.get(name);
      if (found == null) {
        List<URL> read = new ArrayList<>();
        for (URL file : Collections.list(super.getResources(name))) {
          read.add(remembered(file));
        }
        found = List.copyOf(read);
        serviceFiles.put(name, found);
      }
      return Collections.enumeration(found);
    }

    /** The same address, served from the text read once. */
    private static URL remembered(URL file) throws IOException {
      byte[] text;
      try (InputStream in = file.openStream()) {
        text = in.readAllBytes();
      }
      String address = file.toExternalForm();
      return new URL(null, address, new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL url) {
          return new URLConnection(url) {
            @Override
            public void connect() {
              connected = true;
            }

            @Override
            public InputStream getInputStream() {
              return new ByteArrayInputStream(text);
            }
          };
        }

        @Override
        protected String toExternalForm(URL url) {
          return address;
        }
      });
    }
  }
}
