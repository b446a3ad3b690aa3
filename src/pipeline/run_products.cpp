#include "pipeline/run_products.hpp"

#include "core/error.hpp"
#include "core/test_signal.hpp"
#include "output/brief.hpp"
#include "output/brief_writer.hpp"
#include "output/heatmap.hpp"
#include "output/heatmap_boundaries.hpp"
#include "output/heatmap_geotiff.hpp"
#include "output/heatmap_input.hpp"
#include "output/png_map.hpp"
#include "output/weight_expression.hpp"
#include "pipeline/run_pipeline.hpp"

namespace incimap {
namespace {

namespace fs = std::filesystem;

// Governorate outlines for the pictures: the gazetteer's admin1 table, else the governorates
// layer just written. Pictures without outlines are still useful, so a failure is no error.
MapBoundaries boundaries_for(const RunOptions& options, const fs::path& dir) {
    const std::pair<fs::path, std::string> sources[] = {
        {options.layers.admin_source, "admin1"}, {dir / "incidents.gpkg", "governorates"}};
    for (const auto& [path, layer] : sources) {
        if (path.empty() || !fs::exists(path)) continue;
        try {
            return load_map_boundaries(path, layer);
        } catch (const Error& e) {
            if (options.on_warning) options.on_warning(e.located());
        }
    }
    return {};
}

}  // namespace

std::vector<fs::path> write_run_products(const Sequence<Incident>& incidents,
                                         const Sequence<Article>& articles,
                                         const RunOptions& options, const fs::path& dir) {
    std::vector<fs::path> written;
    if (!options.heatmap && !options.brief) return written;
    const MapBoundaries boundaries = boundaries_for(options, dir);
    const IncidentFilter& filter = options.layers.filter;
    const WeightExpression weight = WeightExpression::parse(options.layers.weight);

    const fs::path png = dir / "heatmap.png";
    bool have_png = false;
    if (options.heatmap) {
        std::vector<WeightedPoint> points;
        incidents([&](const Incident& i) {
            if (on_heatmap(i, filter)) points.push_back({i.where.point, weight.evaluate(i)});
        });
        if (!points.empty()) {
            signal_self_if_test_asks("heatmap");
            HeatmapOptions kernel;
            kernel.cancel = options.cancel;
            const HeatmapGrid grid = kernel_density(points, kernel);
            options.cancel.throw_if_requested();
            const fs::path tif = dir / "heatmap.tif";
            write_heatmap_geotiff(grid, tif);
            PngMapOptions look;
            look.title = "Incidents weighted by " + options.layers.weight + ": heatmap";
            look.subtitle.push_back(std::to_string(grid.point_count) + " incidents mapped");
            look.value_label = options.layers.weight + ", kernel-weighted";
            look.focus = filter.governorate;
            options.cancel.throw_if_requested();
            render_heatmap_png(grid, boundaries, png, look);
            written.push_back(tif);
            written.push_back(fs::path(tif).replace_extension(".qml"));  // its QGIS style
            written.push_back(png);
            have_png = true;
        } else if (options.on_warning) {
            options.on_warning("no located incidents to put on a heatmap; heatmap.tif not written");
        }
    }
    if (options.brief) {
        signal_self_if_test_asks("brief");
        options.cancel.throw_if_requested();
        BriefOptions brief;
        brief.governorate = filter.governorate;
        brief.role = filter.role;
        brief.from = filter.from;  // the period of the layers
        brief.to = filter.to;
        const BriefReport report = build_brief_from_sequences(incidents, articles, brief);
        options.cancel.throw_if_requested();
        BriefAssets assets;
        assets.boundaries = boundaries;
        if (have_png) {
            assets.heatmap_png = read_file_bytes(png);
            assets.heatmap_link = "heatmap.png";
        }
        assets.source_label = "incimap store " + (options.store.empty()
                                                      ? (options.out_dir / "incimap.sqlite").string()
                                                      : options.store.string());
        const BriefFiles files = write_brief(report, assets, dir / "brief.html");
        written.push_back(files.html);
        written.push_back(files.markdown);
    }
    return written;
}

}  // namespace incimap
