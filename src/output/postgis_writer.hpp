#pragma once
// Writing the layers into PostGIS so that re-runs update rather than duplicate, and so that
// a write never deletes rows it had no business with (docs/layers.md, "PostGIS"):
//   - without a narrowing filter, incidents and articles are merged: in one transaction, the
//     rows of every article of this run (and of every incident id) are deleted, then this
//     run's rows are inserted;
//   - a narrowing filter (dates, governorate, precision, background role) into existing
//     tables is refused unless LayerOptions::replace, which replaces both tables by the
//     selection; into a database without them it simply creates them;
//   - the totals layers (governorates, governorate_points, districts, places) are then
//     recomputed from all incidents in the table and replaced;
//   - QGIS's default styles are written into its `layer_styles` table, as in the GeoPackage.
#include <string>

#include "output/layer_builder.hpp"

namespace incimap {

struct LayerOptions;
struct LayerReport;

// True when the database of `connection` has a table `table` (as GDAL lists layers).
bool postgis_has_table(const std::string& connection, const std::string& table);

// The message for a narrowing filter into existing tables without --replace.
std::string narrowed_write_refusal();

LayerReport write_postgis(const LayerBuilder& builder, const LayerInput& input,
                          const std::string& connection, const LayerOptions& options);

}  // namespace incimap
