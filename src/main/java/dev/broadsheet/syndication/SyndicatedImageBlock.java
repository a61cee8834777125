package dev.broadsheet.syndication;

/** An image block of a syndicated body: the image as the partner may receive it. */
record SyndicatedImageBlock(SyndicatedImage image) {
}
