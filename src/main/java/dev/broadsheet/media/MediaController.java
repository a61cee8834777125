package dev.broadsheet.media;

import dev.broadsheet.graphql.DataLoaderKey;
import dev.broadsheet.graphql.SurrogateKeys;
import dev.broadsheet.graphql.VersionedMutations;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class MediaController implements RuntimeWiringConfigurer {

    private static final DataLoaderKey<String, MediaAsset> ASSETS = DataLoaderKey.ofTypes(String.class, MediaAsset.class);

    private final MediaService media;

    MediaController(MediaService media, BatchLoaderRegistry loaders, SurrogateKeys keys) {
        this.media = media;
        keys.registerLoader(loaders, ASSETS, media::findAll);
    }

    @QueryMapping
    MediaAsset mediaAsset(@Argument String id, DataFetchingEnvironment env) {
        SurrogateKeys.add(env, "asset:" + id);
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

    /** Image usages are read for every article in a list: plain fetchers, no per-field Spring machinery. */
    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        VersionedMutations.of(wiring, MediaAsset.class).editable(MediaAssetInput.class, "id", media::create, media::update);
        wiring.type("ImageUsage", type -> type
                .dataFetcher("asset", (TrivialDataFetcher<CompletableFuture<MediaAsset>>) env -> asset(env))
                .dataFetcher("attribution", (TrivialDataFetcher<CompletableFuture<String>>) env -> asset(env)
                        .thenApply(asset -> asset == null ? "" : media.attribution(env.getSource(), asset)))
                .dataFetcher("attributionHtml", (TrivialDataFetcher<CompletableFuture<String>>) env -> asset(env)
                        .thenApply(asset -> asset == null ? "" : media.attributionHtml(env.getSource(), asset))));
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

    private static CompletableFuture<MediaAsset> asset(DataFetchingEnvironment env) {
        return ASSETS.in(env).load(env.<ImageUsage>getSource().assetId());
    }
}
