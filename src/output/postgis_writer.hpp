#pragma once
// Writing the layers into PostGIS so that re-runs update rather than duplicate:
//   - incidents and articles are merged: in one transaction, the rows of every article of
//     this run (and of every incident id) are deleted, then this run's rows are inserted;
//   - the totals layers (governorates, governorate_points, districts, places) are then
//     recomputed from all incidents in the table and replaced.
#include <string>

#include "output/layer_builder.hpp"

namespace incimap {

struct LayerOptions;
struct LayerReport;

LayerReport write_postgis(const LayerBuilder& builder, const LayerInput& input,
                          const std::string& connection, const LayerOptions& options);

}  // namespace incimap
