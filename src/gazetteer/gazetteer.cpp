// The concrete gazetteer: places, the name index and the admin polygons of a compiled
// gazetteer.sqlite, loaded into memory once and then only read.
#include "gazetteer/gazetteer.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "core/error.hpp"
#include "gazetteer/gazetteer_schema.hpp"
#include "gazetteer/mention_finder.hpp"
#include "gazetteer/name_index.hpp"
#include "geo/admin_lookup.hpp"
#include "store/database.hpp"
#include "text/name_key.hpp"
#include "text/word_tables.hpp"

#ifndef INCIMAP_DEFAULT_GAZETTEER
#define INCIMAP_DEFAULT_GAZETTEER "gazetteer.sqlite"
#endif

namespace incimap {
namespace fs = std::filesystem;

namespace {

// Words around a governorate name that do not belong to it ("Homs province", "the eastern
// Homs countryside" is handled by the resolver's context rules, not here).
constexpr std::string_view kGovernorateQualifiers[] = {
    " province", " governorate", " countryside", " region", " muhafazat"};

// A governorate is named after its capital: when a name is not a governorate's own, the most
// populous Syrian city of that name that shares a name with its governorate tells us the
// governorate ("Sweida" -> As-Sweida).
constexpr std::int64_t kCapitalMinPopulation = 20'000;

class SqliteGazetteer final : public Gazetteer {
public:
    explicit SqliteGazetteer(const fs::path& path) : finder_(index_) {
        if (!fs::exists(path))
            throw Error("gazetteer not found: build it with `incimap gazetteer build` or set "
                        "INCIMAP_GAZETTEER",
                        path.string());
        Database db(path, Database::Mode::read_only);
        check_schema(db);
        load_places(db);
        load_names(db);
        load_admin(db);
    }

    std::vector<const Place*> lookup(std::string_view name) const override {
        return lookup_tiers(name, true);
    }

    std::vector<const Place*> lookup_exact(std::string_view name) const override {
        return lookup_tiers(name, false);
    }

    std::vector<const Place*> lookup_tiers(std::string_view name, bool with_skeleton) const {
        const auto keys = name_keys(name);
        std::vector<const Place*> out;
        auto take = [&](std::span<const std::uint32_t> hits) {
            const std::size_t first = out.size();
            for (auto i : hits)
                if (std::find(out.begin(), out.end(), &places_[i]) == out.end())
                    out.push_back(&places_[i]);
            // Within one tier: the better-known place first, then by id for a stable order.
            std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                             [](const Place* a, const Place* b) {
                                 if (a->population != b->population)
                                     return a->population > b->population;
                                 return a->id < b->id;
                             });
        };
        take(index_.exact(keys.exact));
        if (with_skeleton) take(index_.skeleton(keys.skeleton));
        return out;
    }

    const Place* by_id(std::int64_t id) const override {
        auto it = by_id_.find(id);
        return it == by_id_.end() ? nullptr : &places_[it->second];
    }

    const Place* governorate(std::string_view name_or_pcode) const override {
        std::string name(name_or_pcode);
        while (!name.empty() && name.back() == ' ') name.pop_back();
        while (!name.empty() && name.front() == ' ') name.erase(0, 1);
        if (name.size() == 4 && (name[0] == 'S' || name[0] == 's') &&
            (name[1] == 'Y' || name[1] == 'y')) {
            auto it = governorate_by_pcode_.find("SY" + name.substr(2));
            if (it != governorate_by_pcode_.end()) return &places_[it->second];
        }
        for (auto q : kGovernorateQualifiers) {
            const std::string lower = ascii_lower(name);
            if (lower.size() > q.size() && lower.ends_with(q)) name.resize(name.size() - q.size());
        }
        const auto candidates = lookup(name);
        for (const Place* p : candidates)
            if (p->feature_type == "governorate") return p;
        for (const Place* p : candidates) {  // sorted by population
            if (p->country_code != "SY" || p->population < kCapitalMinPopulation) continue;
            // ... when it is the governorate's namesake: Khan Shaykhun is a large town of
            // Idleb, not a name of the governorate.
            for (const Place* g : lookup(p->name))
                if (g->feature_type == "governorate" && g->admin.admin1_pcode == p->admin.admin1_pcode)
                    return g;
        }
        return nullptr;
    }

    AdminUnits admin_at(LonLat point) const override { return admin_.at(point); }

    std::vector<Mention> find_mentions(std::string_view text) const override {
        std::vector<Mention> out;
        for (auto& span : finder_.find(text)) {
            Mention m;
            m.begin = span.begin;
            m.end = span.end;
            m.text = std::string(text.substr(span.begin, span.end - span.begin));
            for (auto i : span.places) m.places.push_back(&places_[i]);
            out.push_back(std::move(m));
        }
        return out;
    }

    std::size_t place_count() const override { return places_.size(); }

private:
    static void check_schema(Database& db) {
        std::string version;
        try {
            auto q = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
            if (q.step()) version = q.text(0);
        } catch (const Error& e) {
            throw Error(std::string("not an incimap gazetteer (") + e.what() +
                            "); rebuild it with `incimap gazetteer build`",
                        db.path().string());
        }
        if (version != gazetteer_schema::version)
            throw Error("gazetteer schema version '" + version + "', expected '" +
                            std::string(gazetteer_schema::version) +
                            "'; rebuild it with `incimap gazetteer build`",
                        db.path().string());
    }

    void load_places(Database& db) {
        auto q = db.prepare(
            "SELECT id, name, name_ar, feature_type, country_code, lat, lon, population, "
            "precision_km, source, admin1_pcode, admin1_name, admin2_pcode, admin2_name, "
            "line_wkt FROM places ORDER BY id");
        while (q.step()) {
            Place p;
            p.id = q.int64(0);
            p.name = q.text(1);
            p.name_ar = q.text(2);
            p.feature_type = q.text(3);
            p.country_code = q.text(4);
            p.point = {q.real(6), q.real(5)};
            p.population = q.int64(7);
            p.precision_km = q.real(8);
            p.source = q.text(9);
            p.admin = {q.text(11), q.text(10), q.text(13), q.text(12)};
            p.line_wkt = q.text(14);
            by_id_.emplace(p.id, static_cast<std::uint32_t>(places_.size()));
            if (p.feature_type == "governorate")
                governorate_by_pcode_.emplace(p.admin.admin1_pcode,
                                              static_cast<std::uint32_t>(places_.size()));
            places_.push_back(std::move(p));
        }
        if (places_.empty()) throw Error("gazetteer has no places", db.path().string());
    }

    void load_names(Database& db) {
        auto q = db.prepare("SELECT place_id, key, skeleton FROM names");
        while (q.step()) {
            auto it = by_id_.find(q.int64(0));
            if (it == by_id_.end()) continue;
            index_.add(q.text_view(1), q.text_view(2), it->second);
        }
        index_.finish();
    }

    void load_admin(Database& db) {
        db.enable_spatialite();
        auto a1 = db.prepare("SELECT admin1_pcode, admin1_name, admin1_name_ar, AsBinary(geom) FROM admin1");
        while (a1.step()) {
            AdminArea area{1, a1.text(0), a1.text(1), a1.text(2), {}, {}, {}, {}};
            const auto wkb = a1.blob(3);
            admin_.add_wkb(std::move(area), wkb.data(), wkb.size());
        }
        auto a2 = db.prepare(
            "SELECT admin2_pcode, admin2_name, admin2_name_ar, admin1_pcode, admin1_name, "
            "AsBinary(geom) FROM admin2");
        while (a2.step()) {
            AdminArea area{2, a2.text(0), a2.text(1), a2.text(2), a2.text(3), a2.text(4), {}, {}};
            const auto wkb = a2.blob(5);
            admin_.add_wkb(std::move(area), wkb.data(), wkb.size());
        }
    }

    std::vector<Place> places_;
    std::unordered_map<std::int64_t, std::uint32_t> by_id_;
    std::unordered_map<std::string, std::uint32_t> governorate_by_pcode_;
    NameIndex index_;
    MentionFinder finder_;
    AdminLookup admin_;
};

}  // namespace

std::unique_ptr<Gazetteer> Gazetteer::open(const fs::path& db_path) {
    return std::make_unique<SqliteGazetteer>(db_path);
}

fs::path Gazetteer::default_path() {
    if (const char* env = std::getenv("INCIMAP_GAZETTEER"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path beside = exe.parent_path() / "gazetteer.sqlite";
        if (fs::exists(beside, ec)) return beside;
    }
    return INCIMAP_DEFAULT_GAZETTEER;
}

}  // namespace incimap
