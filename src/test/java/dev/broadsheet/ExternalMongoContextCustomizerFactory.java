package dev.broadsheet;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * With {@code broadsheet.test.mongodb-uri} (or {@code BROADSHEET_TEST_MONGODB_URI}) set, points every
 * {@code @SpringBootTest} application at that MongoDB instead of the embedded server, each Spring test
 * context in a database of its own, dropped when the context closes. An {@link ExternalMongo} class is
 * pointed at a spawned mongo-java-server process when no MongoDB is named.
 *
 * <p>One database per context rather than per class: the {@code @ApiTest} classes share one context (one
 * start instead of ~45), and so one database, exactly as they share one embedded server by default. The
 * customizer is the same for every class on one URI, so it splits the context cache only between the
 * embedded server and the spawned one.
 */
class ExternalMongoContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        boolean springBootTest = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(SpringBootTest.class);
        Optional<String> uri = springBootTest ? TestDatabase.externalUri(testClass) : Optional.empty();
        return uri.map(ExternalDatabase::new).orElse(null);
    }

    private record ExternalDatabase(String uri) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String database = TestDatabase.uniqueName(config.getTestClass().getSimpleName());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("externalTestMongoDb",
                    new java.util.HashMap<String, Object>(TestDatabase.externalProperties(uri, database))));
            // Registered before the application's beans, so it is created first and destroyed last: after
            // everything that might still write, and with a client of its own.
            RootBeanDefinition drop = new RootBeanDefinition(DropOnClose.class);
            drop.getConstructorArgumentValues().addIndexedArgumentValue(0, uri);
            drop.getConstructorArgumentValues().addIndexedArgumentValue(1, database);
            ((BeanDefinitionRegistry) context).registerBeanDefinition("externalTestMongoDbDrop", drop);
        }
    }

    record DropOnClose(String uri, String database) implements DisposableBean {

        @Override
        public void destroy() {
            TestDatabase.drop(uri, database);
        }
    }
}
