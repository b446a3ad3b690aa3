#include "cli/version.hpp"

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>
#include <sqlite3.h>  // before spatialite.h, which uses its types
#include <spatialite.h>

#include <string>

namespace incimap::cli {

std::string version_report() {
    // Run-time versions, not compile-time macros: what is loaded is what matters in a bug report.
    const PJ_INFO proj = proj_info();
    std::string out = "incimap " INCIMAP_VERSION "\n";
    out += std::string("GDAL ") + GDALVersionInfo("RELEASE_NAME") + "\n";
    out += std::string("GEOS ") + GEOSversion() + "\n";
    out += std::string("PROJ ") + proj.release + "\n";
    out += std::string("SQLite ") + sqlite3_libversion() + "\n";
    out += std::string("SpatiaLite ") + spatialite_version();
    return out;
}

}  // namespace incimap::cli
