package dev.broadsheet.article;

import dev.broadsheet.donation.DonationAppeal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ClassNameTypeResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Served body values are records named after their GraphQL types, except the placed appeals. */
@Configuration(proxyBeanMethods = false)
class ArticleBlockTypes {

    @Bean
    RuntimeWiringConfigurer articleBlockTypeResolver() {
        ClassNameTypeResolver resolver = new ClassNameTypeResolver();
        resolver.addMapping(DonationAppeal.class, "DonationBlock");
        return wiring -> wiring.type("ArticleBlock", type -> type.typeResolver(resolver));
    }
}
