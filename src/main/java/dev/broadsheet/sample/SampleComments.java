package dev.broadsheet.sample;

import dev.broadsheet.comment.Comment;
import dev.broadsheet.comment.CommentService;
import dev.broadsheet.comment.CommentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** A three-level reader thread for the feature article, plus comments readers must not see. */
@Component
class SampleComments {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    private static final String[] NAMES = {"Rosa", "Bill from Quayside", "K. Adeyemi", "harbourlight", "Nell T.",
        "Sam Wu", "old docker", "Fiona", "mike_r", "Leila", "Ade", "Chris P."};

    private static final String[] TOP = {
        "My dad worked that gate for thirty years. The operator said the same thing about 'falling volumes' in 2009.",
        "Good on them. Nobody gets a pay rise by asking politely any more.",
        "Does anyone know whether the ferry terminal staff are in the same union?",
        "The lorries on the bypass were backed up past the retail park at six. Leave the car at home tomorrow.",
        "A freeze two years running is a pay cut once you count rent and energy. Simple as that.",
        "Took the kids down with some flasks of soup. Lovely atmosphere, very calm.",
        "The dividend figure in the article matches the annual report, I checked page 41.",
        "I run a small haulage firm and this is costing us. I still think the workers have a point.",
        "Thanks for covering this properly. The regional paper gave it two lines.",
        "Will the Courier publish the full minutes? Readers should see them.",
        "Interesting that the statement says 'contingency staff'. Agency workers, presumably?",
        "Solidarity from the bus garage. We were in the same position last winter.",
    };

    private static final String[] REPLIES = {
        "Same story at the shipyard in the nineties. History rhymes.",
        "It's not about asking politely, it's about having a contract worth the paper.",
        "They are, branch 4. The ballot for the ferry side closes on the 3rd.",
        "Bus 12 was diverted through the estate as well, add twenty minutes.",
        "Exactly. Inflation did the cutting for them.",
        "Bakery on the corner sent rolls too, credit where it's due.",
        "Page 41 of which year's report? There are two versions online.",
        "Fair view. The hauliers' association should say something.",
        "Agreed, the reporting here has been far more careful.",
        "We're checking what we can publish without exposing a source. — Courier desk",
        "Agency staff, yes. Two coaches came in from the city at seven.",
        "And you won, if I remember right. Gives people hope.",
        "Don't forget the crane drivers struck separately in 2015.",
        "My neighbour says the harbour master is holding four ships now.",
        "Rents on the estate went up twelve percent this year alone.",
        "The soup was appreciated, the morning shift told me.",
    };

    private static final String[] DEEP = {
        "My grandfather was on that picket too. Bring back the photos from the library archive!",
        "The 2026 report. The earlier one was a draft they later withdrew.",
        "Hauliers' association put out a statement this evening, actually.",
        "Please do, even redacted.",
        "Two coaches at seven and another one at nine, I saw them from the bridge.",
        "Four ships at anchor as of tonight, per the port's own tracker.",
    };

    private final CommentService comments;

    SampleComments(CommentService comments) {
        this.comments = comments;
    }

    void load(String articleId) {
        int reply = 0;
        int deep = 0;
        int minute = 0;
        List<Comment> withReplies = new ArrayList<>();
        for (int i = 0; i < TOP.length; i++) {
            Comment top = post(articleId, null, "c" + i, NAMES[i], TOP[i], minute += 7, CommentStatus.PUBLISHED);
            int replies = i % 3 == 0 ? 2 : 1;
            for (int r = 0; r < replies; r++, reply++) {
                Comment child = post(articleId, top, "c" + i + "-" + r, NAMES[(i + r + 3) % NAMES.length],
                        REPLIES[reply], minute += 5, CommentStatus.PUBLISHED);
                if (r == 0 && i % 2 == 0) {
                    withReplies.add(child);
                }
            }
        }
        for (Comment parent : withReplies) {
            post(articleId, parent, parent.id().substring("sample-comment-".length()) + "-0",
                    NAMES[(deep + 7) % NAMES.length], DEEP[deep++], minute += 4, CommentStatus.PUBLISHED);
        }
        post(articleId, null, "pending-1", "first time here", "Waiting for a moderator: readers must not see this.",
                minute += 3, CommentStatus.PENDING);
        post(articleId, null, "rejected-1", "spam account", "Rejected by a moderator: readers must not see this.",
                minute + 3, CommentStatus.REJECTED);
    }

    private Comment post(String articleId, Comment parent, String key, String author, String text, int minute,
            CommentStatus status) {
        List<String> ancestors = new ArrayList<>();
        if (parent != null) {
            ancestors.addAll(parent.ancestorIds());
            ancestors.add(parent.id());
        }
        return comments.create(new Comment("sample-comment-" + key, articleId,
                parent == null ? null : parent.id(), List.copyOf(ancestors), ancestors.size(), author,
                "<p>" + HtmlUtils.htmlEscape(text) + "</p>", status, START.plusSeconds(minute * 60L), 0));
    }
}
