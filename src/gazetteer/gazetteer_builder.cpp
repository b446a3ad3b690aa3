#include "gazetteer/gazetteer_builder.hpp"

#include <unistd.h>

#include "core/date.hpp"
#include "core/error.hpp"
#include "gazetteer/gazetteer_schema.hpp"
#include "gazetteer/gazetteer_sources.hpp"
#include "store/database.hpp"
#include "text/name_key.hpp"

namespace incimap {
namespace fs = std::filesystem;

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places(
  id INTEGER PRIMARY KEY, name TEXT, name_ar TEXT, feature_type TEXT, country_code TEXT,
  lat REAL, lon REAL, population INTEGER, precision_km REAL, source TEXT,
  admin1_pcode TEXT, admin1_name TEXT, admin2_pcode TEXT, admin2_name TEXT, line_wkt TEXT);
SELECT AddGeometryColumn('places', 'geom', 4326, 'POINT', 'XY');
CREATE TABLE names(place_id INTEGER, name TEXT, key TEXT, skeleton TEXT, kind TEXT);
CREATE TABLE admin1(admin1_pcode TEXT PRIMARY KEY, admin1_name TEXT, admin1_name_ar TEXT);
SELECT AddGeometryColumn('admin1', 'geom', 4326, 'MULTIPOLYGON', 'XY');
CREATE TABLE admin2(admin2_pcode TEXT PRIMARY KEY, admin2_name TEXT, admin2_name_ar TEXT,
  admin1_pcode TEXT, admin1_name TEXT);
SELECT AddGeometryColumn('admin2', 'geom', 4326, 'MULTIPOLYGON', 'XY');
)sql";

constexpr const char* kIndexes = R"sql(
CREATE INDEX names_key ON names(key);
CREATE INDEX names_skeleton ON names(skeleton);
CREATE INDEX names_place ON names(place_id);
SELECT CreateSpatialIndex('places', 'geom');
SELECT CreateSpatialIndex('admin1', 'geom');
SELECT CreateSpatialIndex('admin2', 'geom');
)sql";

// Removes the temporary file unless the build got as far as renaming it.
class TempFile {
public:
    explicit TempFile(fs::path path) : path_(std::move(path)) { fs::remove(path_); }
    ~TempFile() {
        std::error_code ignored;
        if (!kept_) fs::remove(path_, ignored);
    }
    const fs::path& path() const { return path_; }
    void rename_to(const fs::path& target) {
        fs::rename(path_, target);
        kept_ = true;
    }

private:
    fs::path path_;
    bool kept_ = false;
};

void write_admin(Database& db, const GazetteerSources& src) {
    auto a1 = db.prepare(
        "INSERT INTO admin1(admin1_pcode, admin1_name, admin1_name_ar, geom) "
        "VALUES(?, ?, ?, CastToMultiPolygon(GeomFromWKB(?, 4326)))");
    auto a2 = db.prepare(
        "INSERT INTO admin2(admin2_pcode, admin2_name, admin2_name_ar, admin1_pcode, "
        "admin1_name, geom) VALUES(?, ?, ?, ?, ?, CastToMultiPolygon(GeomFromWKB(?, 4326)))");
    const auto& areas = src.admin.areas();
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const auto& a = areas[i];
        const auto wkb = src.admin.wkb(i);
        if (a.level == 1) {
            a1.bind(1, a.pcode).bind(2, a.name).bind(3, a.name_ar).bind_blob(4, wkb.data(), wkb.size());
            a1.run();
        } else {
            a2.bind(1, a.pcode).bind(2, a.name).bind(3, a.name_ar).bind(4, a.parent_pcode);
            a2.bind(5, a.parent_name).bind_blob(6, wkb.data(), wkb.size());
            a2.run();
        }
    }
}

long write_places(Database& db, const GazetteerSources& src) {
    auto place = db.prepare(
        "INSERT INTO places(id, name, name_ar, feature_type, country_code, lat, lon, population, "
        "precision_km, source, admin1_pcode, admin1_name, admin2_pcode, admin2_name, line_wkt, "
        "geom) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, MakePoint(?, ?, 4326))");
    auto name = db.prepare("INSERT INTO names(place_id, name, key, skeleton, kind) VALUES(?, ?, ?, ?, ?)");
    long names = 0;
    for (const auto& sp : src.places) {
        const Place& p = sp.place;
        place.bind(1, p.id).bind(2, p.name).bind(3, p.name_ar).bind(4, p.feature_type);
        place.bind(5, p.country_code).bind(6, p.point.lat).bind(7, p.point.lon);
        place.bind(8, static_cast<std::int64_t>(p.population)).bind(9, p.precision_km);
        place.bind(10, p.source).bind(11, p.admin.admin1_pcode).bind(12, p.admin.admin1_name);
        place.bind(13, p.admin.admin2_pcode).bind(14, p.admin.admin2_name);
        if (p.line_wkt.empty()) place.bind_null(15); else place.bind(15, p.line_wkt);
        place.bind(16, p.point.lon).bind(17, p.point.lat);
        place.run();
        for (const auto& n : sp.names) {
            const auto keys = name_keys(n.name);
            if (keys.exact.empty()) continue;
            name.bind(1, p.id).bind(2, n.name).bind(3, keys.exact).bind(4, keys.skeleton);
            name.bind(5, n.kind);
            name.run();
            ++names;
        }
    }
    return names;
}

void write_meta(Database& db, const GazetteerBuildReport& report, const fs::path& source_dir) {
    auto meta = db.prepare("INSERT INTO meta(key, value) VALUES(?, ?)");
    auto put = [&](const std::string& k, const std::string& v) { meta.bind(1, k).bind(2, v).run(); };
    put("schema_version", std::string(gazetteer_schema::version));
    put("built_at", utc_timestamp_now());
    put("source_dir", source_dir.string());
    std::string sources;
    for (const auto& [file, rows] : report.source_rows) {
        sources += (sources.empty() ? "" : ", ") + file;
        put("rows:" + file, std::to_string(rows));
    }
    put("sources", sources);
    put("places", std::to_string(report.places));
    put("names", std::to_string(report.names));
    put("licences", "see ATTRIBUTION beside the source files: Who's On First (CC0, "
                    "https://whosonfirst.org/docs/licenses/), GeoNames (CC BY 4.0), "
                    "OCHA COD-AB (CC BY-IGO); supplement and neighbourhood rows cite the "
                    "source of each coordinate");
}

}  // namespace

GazetteerBuildReport build_gazetteer(const fs::path& source_dir, const fs::path& out) {
    if (!fs::is_directory(source_dir))
        throw Error("gazetteer source folder not found", source_dir.string());
    GazetteerSources src = read_gazetteer_sources(source_dir);

    GazetteerBuildReport report;
    report.source_rows = src.counts;
    report.warnings = src.warnings;
    report.places = static_cast<long>(src.places.size());

    if (out.has_parent_path()) fs::create_directories(out.parent_path());
    TempFile tmp(out.string() + ".tmp-" + std::to_string(::getpid()));
    {
        Database db(tmp.path(), Database::Mode::create);
        db.enable_spatialite();
        // A fresh file renamed into place at the end: no journal needed for crash safety.
        db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
        Transaction tx(db);
        db.exec("SELECT InitSpatialMetadata(0, 'WGS84_ONLY')");
        db.exec(kSchema);
        write_admin(db, src);
        report.names = write_places(db, src);
        db.exec(kIndexes);
        write_meta(db, report, source_dir);
        tx.commit();
    }
    tmp.rename_to(out);
    return report;
}

std::vector<std::pair<std::string, std::string>> read_gazetteer_meta(const fs::path& db_path) {
    if (!fs::exists(db_path)) throw Error("gazetteer not found", db_path.string());
    Database db(db_path, Database::Mode::read_only);
    std::vector<std::pair<std::string, std::string>> out;
    auto q = db.prepare("SELECT key, value FROM meta ORDER BY key");
    while (q.step()) out.emplace_back(q.text(0), q.text(1));
    return out;
}

}  // namespace incimap
