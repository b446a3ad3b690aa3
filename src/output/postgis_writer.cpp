#include "output/postgis_writer.hpp"

#include <set>

#include "core/error.hpp"
#include "output/incident_reader.hpp"
#include "output/layer_sink.hpp"
#include "output/layer_writer.hpp"
#include "output/qgis_style.hpp"

namespace incimap {
namespace {

std::string sql_literal(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

// DELETE ... WHERE column IN (...), in batches so that statements stay a sane size.
void delete_keys(GdalDataset& db, const std::string& table, const std::string& column,
                 const std::set<std::string>& keys) {
    constexpr std::size_t batch = 500;
    auto it = keys.begin();
    while (it != keys.end()) {
        std::string list;
        for (std::size_t n = 0; n < batch && it != keys.end(); ++n, ++it)
            list += (list.empty() ? "" : ",") + sql_literal(*it);
        db.execute("DELETE FROM \"" + table + "\" WHERE \"" + column + "\" IN (" + list + ")");
    }
}

// Merges a keyed table: delete the rows of this run, insert the new ones, one transaction.
void merge_table(GdalDataset& db, const LayerTable& table, const std::string& run_column,
                 const std::set<std::string>& run_keys) {
    OGRLayer* layer = db.find_layer(table.name);
    if (!layer) {
        write_table(db, LayerFormat::postgresql, table);
        return;
    }
    std::set<std::string> own_keys;
    const int key = table.field_index(table.key_field);
    for (const auto& row : table.rows)
        if (const auto* s = std::get_if<std::string>(&row.values[static_cast<std::size_t>(key)]))
            own_keys.insert(*s);
    db.begin();
    try {
        delete_keys(db, table.name, run_column, run_keys);
        delete_keys(db, table.name, table.key_field, own_keys);
        append_rows(db, *layer, table);
        db.commit();
    } catch (...) {
        db.rollback();
        throw;
    }
}

// The columns QGIS's PostgreSQL provider creates (QgsPostgresProvider::saveStyle); the QML
// is XML with a DOCTYPE, which PostgreSQL accepts only parsed as a DOCUMENT.
constexpr const char* create_layer_styles =
    "CREATE TABLE IF NOT EXISTS layer_styles ("
    "id SERIAL PRIMARY KEY, f_table_catalog varchar, f_table_schema varchar, "
    "f_table_name varchar, f_geometry_column varchar, stylename text, styleqml xml, "
    "stylesld xml, useasdefault boolean, description text, "
    "owner varchar(63) DEFAULT CURRENT_USER, ui xml, "
    "update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)";

// current_database() and current_schema(), which QGIS compares with the layer's URI.
std::pair<std::string, std::string> database_and_schema(GdalDataset& db) {
    OGRLayer* result =
        db.get().ExecuteSQL("SELECT current_database(), current_schema()", nullptr, nullptr);
    if (!result) throw Error("cannot ask the server for the current database and schema", db.path());
    std::pair<std::string, std::string> out;
    if (OGRFeatureUniquePtr row{result->GetNextFeature()})
        out = {row->GetFieldAsString(0), row->GetFieldAsString(1)};
    db.get().ReleaseResultSet(result);
    return out;
}

// QGIS's default styles in the `layer_styles` table its PostgreSQL provider creates and
// reads, so that a layer loaded from the database looks like the GeoPackage's. Each styled
// table's incimap rows are replaced by the new ones, made the default; styles users saved
// stay, no longer the default. Rows are keyed as QGIS looks them up: database, schema (as
// the server reports them), table and geometry column.
void write_postgis_styles(GdalDataset& db, const std::vector<LayerStyle>& styles) {
    db.execute(create_layer_styles);
    const auto [database, schema] = database_and_schema(db);
    db.begin();
    try {
        for (const auto& style : styles) {
            OGRLayer* layer = db.find_layer(style.layer);
            if (!layer) continue;
            const std::string geometry_column = layer->GetGeometryColumn();
            const std::string same_table =
                " WHERE f_table_catalog = " + sql_literal(database) +
                " AND f_table_schema = " + sql_literal(schema) +
                " AND f_table_name = " + sql_literal(style.layer) +
                " AND f_geometry_column = " + sql_literal(geometry_column);
            db.execute("DELETE FROM layer_styles" + same_table +
                       " AND stylename = " + sql_literal(style.name));
            db.execute("UPDATE layer_styles SET useasdefault = false" + same_table);
            db.execute(
                "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                "f_geometry_column, stylename, styleqml, stylesld, useasdefault, description, "
                "ui) VALUES (" +
                sql_literal(database) + ", " + sql_literal(schema) + ", " +
                sql_literal(style.layer) + ", " + sql_literal(geometry_column) + ", " +
                sql_literal(style.name) + ", XMLPARSE(DOCUMENT " + sql_literal(style.qml) +
                "), NULL, true, " + sql_literal(style.description) + ", NULL)");
        }
        db.commit();
    } catch (...) {
        db.rollback();
        throw;
    }
}

}  // namespace

bool postgis_has_table(const std::string& connection, const std::string& table) {
    GdalDataset db = GdalDataset::open_vector(connection, false);
    return db.find_layer(table) != nullptr;
}

std::string narrowed_write_refusal() {
    return "the incidents table exists and the filters (--from, --to, --governorate, "
           "--min-precision, --role background) leave out incidents of the articles merged "
           "into it: merging would delete their rows. Give --replace to replace the tables by "
           "this selection, or write it into another database or schema";
}

LayerReport write_postgis(const LayerBuilder& builder, const LayerInput& input,
                          const std::string& connection, const LayerOptions& options) {
    GdalDataset db = GdalDataset::open_vector(connection, true);
    const bool narrowed = options.filter.narrows();
    if (narrowed && !options.replace && db.find_layer("incidents"))
        throw Error(narrowed_write_refusal(), connection);

    // Every article this run read, including those whose incidents are now filtered out:
    // their earlier rows must go too.
    std::set<std::string> run_articles;
    for (const auto& a : input.articles) run_articles.insert(a.id);
    for (const auto& i : input.incidents) run_articles.insert(i.article_id);

    const auto chosen = builder.selected(input.incidents);
    const LayerTable incidents = builder.incidents_table(chosen);
    const LayerTable articles = builder.articles_table(chosen, input.articles);
    for (const LayerTable* table : {&incidents, &articles}) {
        if (options.replace)
            write_table(db, LayerFormat::postgresql, *table, /*overwrite=*/true);
        else
            merge_table(db, *table, "article_id", run_articles);
        if (options.on_layer_written) options.on_layer_written(table->name);
    }

    // Totals over everything the table now holds, not just this run.
    const std::vector<Incident> all = read_incidents(db.layer("incidents"));
    std::vector<const Incident*> all_chosen;
    for (const auto& i : all) all_chosen.push_back(&i);
    std::vector<LayerTable> totals;
    const LayerTable probe = builder.governorates_table({});
    if (!probe.rows.empty()) {
        totals.push_back(builder.governorates_table(all_chosen));
        totals.push_back(builder.governorate_points_table(all_chosen));
    }
    if (!builder.districts_table({}).rows.empty()) totals.push_back(builder.districts_table(all_chosen));
    totals.push_back(builder.places_table(all_chosen, input.mentions));
    for (const auto& table : totals) {
        write_table(db, LayerFormat::postgresql, table, /*overwrite=*/true);
        if (options.on_layer_written) options.on_layer_written(table.name);
    }
    // QGIS's default styles, like the GeoPackage's, over everything the tables now hold.
    std::vector<LayerStyle> styles = default_styles({builder.incidents_table(all_chosen)});
    for (auto& style : default_styles(totals)) styles.push_back(std::move(style));
    write_postgis_styles(db, styles);
    db.close();

    // The rows this write put in, not the table's size: the two differ when other runs'
    // articles are in the table too.
    LayerReport report;
    report.layers.emplace_back("incidents", incidents.rows.size());
    report.table_rows = all.size();
    for (const auto& table : totals) report.layers.emplace_back(table.name, table.rows.size());
    return report;
}

}  // namespace incimap
