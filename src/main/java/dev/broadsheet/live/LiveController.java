package dev.broadsheet.live;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.security.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

@Controller
class LiveController {

    private final LiveUpdates updates;

    LiveController(LiveUpdates updates) {
        this.updates = updates;
    }

    @SubscriptionMapping
    Flux<Object> articleChanged(@Argument String id,
            @ContextValue(name = LiveSocketInterceptor.CALLER, required = false) Caller caller,
            @ContextValue(name = LiveSocketInterceptor.SESSION, required = false) String session) {
        return updates.articleChanges(editor(caller), session, id);
    }

    @SubscriptionMapping
    Flux<Object> moderationQueueChanged(@Argument String articleId,
            @ContextValue(name = LiveSocketInterceptor.CALLER, required = false) Caller caller,
            @ContextValue(name = LiveSocketInterceptor.SESSION, required = false) String session) {
        return updates.moderationChanges(editor(caller), session, articleId);
    }

    private static Caller editor(Caller caller) {
        if (caller == null || !caller.isStaff()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Subscribe over the WebSocket with an editor's token");
        }
        return caller;
    }
}
