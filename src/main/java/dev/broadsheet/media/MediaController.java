package dev.broadsheet.media;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class MediaController {

    private final MediaService media;

    MediaController(MediaService media, BatchLoaderRegistry loaders) {
        this.media = media;
        loaders.forTypePair(String.class, MediaAsset.class)
                .registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> media.findAll(ids)));
    }

    @QueryMapping
    MediaAsset mediaAsset(@Argument String id) {
        return media.find(id).orElse(null);
    }

    /** Partner ids are editorial information: editors and admins only. */
    @SchemaMapping(typeName = "MediaAsset")
    List<String> syndicationGrants(MediaAsset asset) {
        return media.syndicationGrants(asset);
    }

    @QueryMapping
    List<Licence> licences() {
        return media.licences();
    }

    @MutationMapping
    MediaAsset createMediaAsset(@Argument MediaAssetInput input) {
        return media.create(input);
    }

    @MutationMapping
    MediaAsset updateMediaAsset(@Argument String id, @Argument long expectedVersion, @Argument MediaAssetInput input) {
        return media.update(id, expectedVersion, input);
    }

    @SchemaMapping(typeName = "ImageUsage")
    CompletableFuture<MediaAsset> asset(ImageUsage usage, DataLoader<String, MediaAsset> assets) {
        return assets.load(usage.assetId());
    }

    @SchemaMapping(typeName = "ImageUsage")
    CompletableFuture<List<RenditionLinks.Rendition>> renditions(ImageUsage usage, @Argument List<Integer> widths,
            @Argument RenditionSpec.OutputFormat format, DataLoader<String, MediaAsset> assets) {
        return assets.load(usage.assetId()).thenApply(asset -> asset == null ? List.of()
                : media.renditions(usage, asset, widths, format == null ? RenditionSpec.OutputFormat.JPG : format));
    }

    @SchemaMapping(typeName = "ImageUsage")
    CompletableFuture<String> srcset(ImageUsage usage, @Argument List<Integer> widths,
            @Argument RenditionSpec.OutputFormat format, DataLoader<String, MediaAsset> assets) {
        return renditions(usage, widths, format, assets).thenApply(RenditionLinks::srcset);
    }

    @SchemaMapping(typeName = "ImageUsage")
    CompletableFuture<String> attribution(ImageUsage usage, DataLoader<String, MediaAsset> assets) {
        return assets.load(usage.assetId()).thenApply(asset -> asset == null ? "" : media.attribution(usage, asset));
    }

    @SchemaMapping(typeName = "ImageUsage")
    CompletableFuture<String> attributionHtml(ImageUsage usage, DataLoader<String, MediaAsset> assets) {
        return assets.load(usage.assetId()).thenApply(asset -> asset == null ? "" : media.attributionHtml(usage, asset));
    }
}
