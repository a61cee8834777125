#!/usr/bin/env python3
"""Checks an export (one canonical Extended JSON file per collection) against the fault kit's ack file.

Every acknowledged comment must be stored exactly once (by id and by idempotencyKey), every acknowledged
article must exist, every acknowledged publish must still be published at that version or later, and all
counters must match the comments: Article.commentCount = its published comments, Comment.replyCount = its
shown direct replies, and no comment may still carry a "not yet counted" mark.
Prints one line: acked=... lost=... duplicates=... drift=... and exits 1 on any problem.
Usage: verify.py EXPORT_DIR ACK_FILE
"""
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path


def value(v):
    if isinstance(v, dict):
        for key in ("$numberInt", "$numberLong", "$numberDouble"):
            if key in v:
                return int(float(v[key]))
        if "$oid" in v:
            return v["$oid"]
    return v


def load(export, name):
    path = Path(export) / f"{name}.json"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def main(export, ack_file):
    comments = load(export, "comments")
    articles = {value(a["_id"]): a for a in load(export, "articles")}
    by_id = Counter(value(c["_id"]) for c in comments)
    by_key = Counter(c["idempotencyKey"] for c in comments if "idempotencyKey" in c)
    acked = lost = duplicates = 0
    problems = []
    for line in Path(ack_file).read_text().splitlines():
        parts = line.split()
        if not parts:
            continue
        acked += 1
        if parts[0] == "comment":
            cid, key = parts[1], parts[2]
            if by_id[cid] == 0:
                lost += 1
                problems.append(f"lost comment {cid}")
            if by_key[key] > 1:
                duplicates += 1
                problems.append(f"idempotencyKey {key} stored {by_key[key]} times")
        elif parts[0] == "article":
            if parts[1] not in articles:
                lost += 1
                problems.append(f"lost article {parts[1]}")
        elif parts[0] == "publish":
            article = articles.get(parts[1])
            if article is None or article.get("status") != "PUBLISHED" or value(article.get("version")) < int(parts[2]):
                lost += 1
                problems.append(f"lost publish of {parts[1]} v{parts[2]}: now "
                                f"{None if article is None else (article.get('status'), value(article.get('version')))}")

    published = Counter(c["articleId"] for c in comments if c.get("status") == "PUBLISHED")
    shown_children = defaultdict(int)
    for c in comments:
        shown = c.get("status") == "PUBLISHED" or (c.get("status") == "REMOVED" and value(c.get("replyCount", 0)) > 0)
        if shown and c.get("parentId"):
            shown_children[c["parentId"]] += 1
    drift = 0
    for aid, article in articles.items():
        if value(article.get("commentCount", 0)) != published[aid]:
            drift += 1
            problems.append(f"article {aid} commentCount {value(article.get('commentCount', 0))} != {published[aid]}")
    for c in comments:
        cid = value(c["_id"])
        if value(c.get("replyCount", 0)) != shown_children[cid]:
            drift += 1
            problems.append(f"comment {cid} replyCount {value(c.get('replyCount', 0))} != {shown_children[cid]}")
    uncounted = sum(1 for c in comments if "uncounted" in c)
    if uncounted:
        problems.append(f"{uncounted} comments still marked uncounted")
    print(f"acked={acked} lost={lost} duplicates={duplicates} drift={drift} uncounted={uncounted} "
          f"stored_comments={len(comments)}")
    for p in problems[:20]:
        print("  " + p)
    return 1 if (lost or duplicates or drift or uncounted) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
