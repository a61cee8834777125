package dev.broadsheet.syndication;

import dev.broadsheet.api.Connection;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @MutationMapping
    WebhookService.CreatedWebhookEndpoint createWebhookEndpoint(@Argument WebhookService.WebhookEndpointInput input) {
        return webhooks.create(input);
    }

    @MutationMapping
    WebhookEndpoint deactivateWebhookEndpoint(@Argument String id) {
        return webhooks.deactivate(id);
    }

    @QueryMapping
    List<WebhookEndpoint> webhookEndpoints(@Argument String partnerId) {
        return webhooks.endpoints(partnerId);
    }

    @QueryMapping
    Connection<WebhookDelivery> webhookDeliveries(@Argument String endpointId, @Argument Integer first,
            @Argument String after) {
        return webhooks.deliveries(endpointId, first, after);
    }
}
