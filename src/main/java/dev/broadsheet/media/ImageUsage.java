package dev.broadsheet.media;

/**
 * One use of an asset in an article (featured image or image block): which part of it, and the words
 * that go with it.
 *
 * @param crop null when the whole image is shown
 */
public record ImageUsage(String assetId, Crop crop, String caption, String alt) {
}
