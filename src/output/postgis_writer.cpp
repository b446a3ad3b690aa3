#include "output/postgis_writer.hpp"

#include <set>

#include "core/error.hpp"
#include "output/incident_reader.hpp"
#include "output/layer_sink.hpp"
#include "output/layer_writer.hpp"

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
