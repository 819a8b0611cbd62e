package campus.helpdesk.support.config;

import io.micronaut.context.env.ActiveEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourceLoader;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration a library ships for every application that has it on its classpath: one YAML resource of the
 * library's jar, read as a property source ranked below the application's own {@code application.yml}. Micronaut
 * reads only the first {@code application.yml} it finds on the classpath (the application's), so a library's
 * {@code application.yml} would be ignored; a loader registered in
 * {@code META-INF/services/io.micronaut.context.env.PropertySourceLoader} is how Micronaut lets more sources in.
 *
 * <p>Precedence, lowest first: these defaults, the application's {@code application.yml},
 * {@code application-<env>.yml}, {@code MICRONAUT_CONFIG_FILES}, environment variables, system properties. A
 * subclass names its resource and its rank among library defaults (a more specific library ranks higher).
 */
public abstract class LibraryDefaults implements PropertySourceLoader {

    private final YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
    private final String resource;
    private final int order;

    /**
     * @param resource the YAML resource in the library's jar
     * @param order    below {@link io.micronaut.context.env.AbstractPropertySourceLoader#DEFAULT_POSITION}, the
     *                 rank of the application's own {@code application.yml}
     */
    protected LibraryDefaults(String resource, int order) {
        this.resource = resource;
        this.order = order;
    }

    @Override
    public Optional<PropertySource> load(String resourceName, ResourceLoader resourceLoader) {
        if (!Environment.DEFAULT_NAME.equals(resourceName)) {
            return Optional.empty(); // defaults sit under application.yml, not under other named sources
        }
        // From the library's own jar, not from the given location: Micronaut asks once per config location
        // (classpath:/, file:config/, or the test's own), and the defaults travel with the library. The same
        // defaults read twice change nothing.
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigurationException(resource + " is missing from the classpath");
            }
            return Optional.of(PropertySource.of(resource, yaml.read(resource, in), order));
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<PropertySource> loadEnv(String resourceName, ResourceLoader resourceLoader,
                                            ActiveEnvironment activeEnvironment) {
        return Optional.empty(); // environment-specific settings belong to the application
    }

    @Override
    public Map<String, Object> read(String name, InputStream input) throws IOException {
        return yaml.read(name, input);
    }

    // getExtensions() stays empty: this loader must never be picked for a .yml file named in MICRONAUT_CONFIG_FILES.
}
