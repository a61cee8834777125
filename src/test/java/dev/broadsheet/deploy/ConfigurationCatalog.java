package dev.broadsheet.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every configuration property the application knows, from the configuration metadata on the classpath:
 * Spring Boot's modules and Broadsheet's own (generated from its {@code @ConfigurationProperties} records by
 * spring-boot-configuration-processor). Answers whether an environment variable sets one of them, by
 * Spring's own relaxed binding of environment variables (the mapping applies only to a source of that name).
 */
final class ConfigurationCatalog {

    private record Property(ConfigurationPropertyName name, String type) {
    }

    private final List<Property> properties;

    private ConfigurationCatalog(List<Property> properties) {
        this.properties = properties;
    }

    static ConfigurationCatalog fromClasspath() {
        JsonMapper json = JsonMapper.builder().build();
        List<Property> properties = new ArrayList<>();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : resources(resource)) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property.path("name").asString());
                        if (name != null) {
                            properties.add(new Property(name, property.path("type").asString("")));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new ConfigurationCatalog(properties);
    }

    /** How many properties it knows whose names start with {@code prefix}. */
    long count(String prefix) {
        return properties.stream().filter(p -> p.name().toString().startsWith(prefix)).count();
    }

    /** The property {@code variable} sets, if any: a known one, or an entry of a known map whose values have that field. */
    Optional<String> propertySetBy(String variable) {
        ConfigurationPropertySource source = ConfigurationPropertySources
                .from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(variable, "value"))).iterator().next();
        for (Property property : properties) {
            ConfigurationProperty found = source.getConfigurationProperty(property.name());
            if (found != null) {
                return Optional.of(property.name().toString());
            }
        }
        List<ConfigurationPropertyName> names = ((IterableConfigurationPropertySource) source).stream().toList();
        for (ConfigurationPropertyName name : names) {
            for (Property map : properties) {
                if (map.type().startsWith("java.util.Map<") && map.name().isAncestorOf(name)
                        && mapEntryHasField(map, name)) {
                    return Optional.of(name.toString());
                }
            }
        }
        return Optional.empty();
    }

    /** {@code management.endpoint.health.group.readiness.include}: the map's values have an {@code include}. */
    private static boolean mapEntryHasField(Property map, ConfigurationPropertyName name) {
        int keyIndex = map.name().getNumberOfElements();
        if (name.getNumberOfElements() == keyIndex + 1) {
            return true;
        }
        String field = name.getElement(keyIndex + 1, ConfigurationPropertyName.Form.UNIFORM);
        String valueType = map.type().substring(map.type().indexOf(',') + 1, map.type().length() - 1).strip();
        return fieldsOf(valueType).contains(field);
    }

    private static Set<String> fieldsOf(String typeName) {
        Class<?> type = load(typeName).or(() -> load(typeName.replaceFirst("\\.([A-Z][^.]*)$", "\\$$1"))).orElse(null);
        if (type == null) {
            return Collections.emptySet();
        }
        Stream<String> beanProperties = Stream.of(BeanUtils.getPropertyDescriptors(type)).map(d -> d.getName());
        Stream<String> components = type.isRecord()
                ? Stream.of(type.getRecordComponents()).map(c -> c.getName()) : Stream.empty();
        return Stream.concat(beanProperties, components).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, ConfigurationCatalog.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static List<URL> resources(String name) {
        try {
            return Collections.list(ConfigurationCatalog.class.getClassLoader().getResources(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
