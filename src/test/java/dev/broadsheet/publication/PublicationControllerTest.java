package dev.broadsheet.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The production profile unsets the sample newsroom's links with empty values: front ends see null. */
class PublicationControllerTest {

    @Test
    void anEmptyLinkIsNotConfigured() {
        PublicationController controller = new PublicationController(new PublicationProperties("Broadsheet", "", " "));

        assertThat(controller.publication()).isEqualTo(new PublicationController.Publication("Broadsheet", null, null));
    }

    @Test
    void configuredLinksAreKept() {
        PublicationController controller = new PublicationController(
                new PublicationProperties("The Courier", "https://courier.example/policy", "https://courier.example/give"));

        assertThat(controller.publication().commentPolicyUrl()).isEqualTo("https://courier.example/policy");
        assertThat(controller.publication().supportUrl()).isEqualTo("https://courier.example/give");
    }
}
