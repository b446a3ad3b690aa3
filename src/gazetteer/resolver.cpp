#include "gazetteer/resolver.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "gazetteer/context_hints.hpp"
#include "text/name_key.hpp"

namespace incimap {
namespace {

// Every weight of the additive score, in one place. A candidate's score is the sum of the
// terms that apply to it; each applied term adds a reason. docs/resolver.md explains them.
struct Weights {
    // The name as written folds to the candidate's own name (exact key) rather than only to a
    // looser spelling (skeleton key, or a variant/exonym stored with the place).
    double exact_name = 2.0;
    // The text writes the name out in full with a feature word ("al-Omar oil field") and the
    // candidate is what that longer name means.
    double written_in_full = 2.0;
    // A journalist writing from or about Syria means the Syrian place unless told otherwise.
    // Worth a town's prior over a village's, so that a foreign town needs a clue in the text to
    // beat a Syrian village of the same name.
    double in_syria = 2.0;
    // Share of the text's country words that name the candidate's country, times this.
    double country_words = 4.0;
    // The candidate lies in a governorate the context names as an area or was given.
    double governorate = 3.0;
    // Closeness to a point already resolved in the same text (full weight within its
    // precision radius, decaying with distance_scale_km beyond it).
    double nearby_point = 3.0;
    // Closeness to another place named in the text; an ambiguous name counts 1/n.
    double anchor = 3.0;
    double anchor_cap = 5.0;  // several anchors in one cluster should not drown everything
    double distance_scale_km = 40.0;
    // Population: population_per_decade * log10(population / 1000), at most population_cap.
    double population_per_decade = 0.6;
    double population_cap = 2.0;
};
constexpr Weights kWeights{};

// A prior per feature type: the more prominent a kind of place, the likelier a bare name means
// it. Curated conflict features (oil fields, bases, crossings) are named in the news far more
// often than same-named hamlets, so they rank with towns. Country over city so "Syria" is the
// country; city over governorate so a bare "Homs" is the city.
struct TypePrior {
    std::string_view feature_type;
    double weight;
};
constexpr TypePrior kTypePriors[] = {
    {"country", 4.0},       {"city", 3.0},          {"governorate", 2.5},
    {"town", 2.0},          {"oil_field", 2.0},     {"gas_field", 2.0},
    {"military_base", 2.0}, {"airport", 2.0},       {"border_crossing", 2.0},
    {"region", 1.5},        {"desert", 1.5},        {"mountain", 1.5},
    {"road", 1.5},          {"orchard", 1.5},       {"district", 1.0},
    {"camp", 0.8},          {"village", 0.5},       {"neighbourhood", 0.5},
    {"other", 0.3},
};

double type_prior(std::string_view feature_type) {
    for (const TypePrior& t : kTypePriors)
        if (t.feature_type == feature_type) return t.weight;
    return 0.3;
}

// Places this large say nothing about where in Syria a nearby name lies.
bool is_area(const Place& p) {
    return p.feature_type == "country" || p.feature_type == "governorate" ||
           p.feature_type == "district" || p.precision_km > 50.0;
}

// Context support below this (a third of an anchor's weight: a place over 40 km beyond its
// radius) does not count against a contradiction.
constexpr double kContradictionFloor = 1.0;

// Anchors whose places all lie within this distance of each other name one spot.
constexpr double kClusterKm = 30.0;

std::string fmt(const char* format, double a) {
    char buf[96];
    std::snprintf(buf, sizeof buf, format, a);
    return buf;
}

std::string fmt2(const char* format, double a, const std::string& s) {
    char buf[160];
    std::snprintf(buf, sizeof buf, format, a, s.c_str());
    return buf;
}

// 1 within the place's precision radius, falling off exponentially beyond it.
double closeness(LonLat a, LonLat b, double precision_km) {
    const double d = std::max(0.0, great_circle_km(a, b) - precision_km);
    return std::exp(-d / kWeights.distance_scale_km);
}

bool is_exact(const NameKeys& query, const Place& place) {
    if (query.exact.empty()) return false;
    if (name_keys(place.name).exact == query.exact) return true;
    return !place.name_ar.empty() && name_keys(place.name_ar).exact == query.exact;
}

// "Homs countryside", "Raqqa province", "countryside of Idlib": a governorate asked for by its
// area name. Returns the name without the area words, or empty when there are none.
std::string strip_area_words(std::string_view name) {
    std::string s(name);
    bool stripped = false;
    for (std::string_view cue : {"countryside of ", "province of ", "governorate of "}) {
        if (s.starts_with(cue)) {
            s.erase(0, cue.size());
            stripped = true;
        }
    }
    for (std::string_view cue : {" countryside", " province", " governorate"}) {
        if (s.ends_with(cue)) {
            s.resize(s.size() - cue.size());
            stripped = true;
        }
    }
    return stripped ? s : std::string();
}

// Texts shorter than this are searched for each name; longer ones are indexed by trigram.
constexpr std::size_t kIndexedTextBytes = 16 * 1024;

// Bytes that can open a name: capitals, the a/e/u of romanised articles ("al-", "el-", "ul-"),
// and the first byte of a multi-byte UTF-8 letter (Arabic).
bool may_open_name(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'A' && u <= 'Z') || u == 'a' || u == 'e' || u == 'u' || u >= 0xC0;
}

std::uint32_t trigram(std::string_view s) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[0])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(s[1])) << 8 |
           static_cast<unsigned char>(s[2]);
}

void index_text(ContextClues& clues) {
    const std::string& text = clues.text;
    if (text.size() < kIndexedTextBytes || text.size() > UINT32_MAX) return;
    for (std::size_t i = 0; i + 3 <= text.size(); ++i)
        if (may_open_name(text[i]))
            clues.index.text_trigrams[trigram(std::string_view(text).substr(i, 3))].push_back(
                static_cast<std::uint32_t>(i));
}

// The first `max` occurrences of `name` in the clues' text, each one searched for after the end
// of the one before.
std::vector<std::size_t> occurrences(std::string_view name, const ContextClues& clues,
                                     std::size_t max) {
    std::vector<std::size_t> out;
    const std::string_view text = clues.text;
    const auto& trigrams = clues.index.text_trigrams;
    if (name.size() < 3 || trigrams.empty() || !may_open_name(name.front())) {
        for (std::size_t pos = text.find(name); pos != std::string_view::npos && out.size() < max;
             pos = text.find(name, pos + name.size()))
            out.push_back(pos);
        return out;
    }
    const auto it = trigrams.find(trigram(name));
    if (it == trigrams.end()) return out;
    std::size_t from = 0;
    for (const std::uint32_t pos : it->second) {
        if (out.size() >= max) break;
        if (pos < from || text.substr(pos, name.size()) != name) continue;
        out.push_back(pos);
        from = pos + name.size();
    }
    return out;
}

// Longer names the text writes around `name`: "al-Omar" followed by "oil field", "Tiyas" by
// "airbase". Tries up to three following words, longest first, at the first few occurrences.
std::vector<std::pair<std::string, std::vector<const Place*>>> longer_names(
    std::string_view name, const ContextClues& clues, const Gazetteer& gazetteer) {
    constexpr std::size_t kMaxOccurrences = 5;
    constexpr std::size_t kMaxWords = 3;
    std::vector<std::pair<std::string, std::vector<const Place*>>> out;
    if (name.empty()) return out;
    const std::string_view text = clues.text;
    for (const std::size_t pos : occurrences(name, clues, kMaxOccurrences)) {
        std::vector<std::size_t> word_ends;
        std::size_t i = pos + name.size();
        while (word_ends.size() < kMaxWords && i < text.size() && text[i] == ' ') {
            std::size_t j = i + 1;
            while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '-' ||
                                       static_cast<unsigned char>(text[j]) >= 0x80))
                ++j;
            if (j == i + 1) break;
            word_ends.push_back(j);
            i = j;
        }
        for (std::size_t n = word_ends.size(); n >= 1; --n) {
            const std::string phrase(text.substr(pos, word_ends[n - 1] - pos));
            auto places = gazetteer.lookup_exact(phrase);
            if (places.empty()) continue;
            if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.first == phrase; }))
                out.emplace_back(phrase, std::move(places));
            break;
        }
    }
    return out;
}

// An anchor place farther than this beyond both precision radii weighs under the 0.05 that
// counts (3 * exp(-d / 40 km) < 0.05 from d = 164 km); the margin covers rounding.
constexpr double kAnchorReachKm = 180.0;
constexpr double kEarthRadiusKm = 6371.0088;

// The point on the unit sphere.
std::array<double, 3> direction(LonLat p) {
    constexpr double rad = 3.14159265358979323846 / 180.0;
    return {std::cos(p.lat * rad) * std::cos(p.lon * rad),
            std::cos(p.lat * rad) * std::sin(p.lon * rad), std::sin(p.lat * rad)};
}

// True when two places are surely farther apart than `km`: their chord, never longer than the
// great circle between them, is. Saves the trigonometry for most anchors of a long article.
bool surely_farther(const std::array<double, 3>& a, const std::array<double, 3>& b, double km) {
    const double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
    const double limit = km / kEarthRadiusKm;
    return dx * dx + dy * dy + dz * dz > limit * limit;
}

// Anchors, in order, that write the same name as `query` (exact key or skeleton).
std::vector<std::size_t> anchors_named(const ContextClues& clues, const NameKeys& query) {
    std::vector<std::size_t> out;
    const auto& by_exact = clues.index.by_exact;
    if (!query.exact.empty()) {
        const auto range = std::equal_range(
            by_exact.begin(), by_exact.end(), std::pair(query.exact, std::size_t{0}),
            [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
    }
    if (!query.skeleton.empty())
        if (const auto it = clues.index.by_skeleton.find(query.skeleton);
            it != clues.index.by_skeleton.end())
            out.insert(out.end(), it->second.begin(), it->second.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Anchors, in order, whose exact key is `exact` followed by more words ("al-omar oil field").
std::vector<std::size_t> anchors_extending(const ContextClues& clues, const std::string& exact) {
    std::vector<std::size_t> out;
    if (exact.empty()) return out;
    const std::string prefix = exact + " ";
    const auto& by_exact = clues.index.by_exact;
    for (auto it =
             std::lower_bound(by_exact.begin(), by_exact.end(), std::pair(prefix, std::size_t{0}));
         it != by_exact.end() && it->first.starts_with(prefix); ++it)
        out.push_back(it->second);
    std::sort(out.begin(), out.end());
    return out;
}

void index_anchors(ContextClues& clues) {
    ContextClues::Index& index = clues.index;
    for (std::size_t i = 0; i < clues.anchors.size(); ++i) {
        const ContextClues::Anchor& a = clues.anchors[i];
        if (!a.keys.exact.empty()) index.by_exact.emplace_back(a.keys.exact, i);
        if (!a.keys.skeleton.empty()) index.by_skeleton[a.keys.skeleton].push_back(i);
        if (a.unambiguous && std::any_of(a.places.begin(), a.places.end(),
                                         [](const Place* p) { return p->feature_type == "city"; }))
            index.unambiguous_cities.push_back(i);
    }
    std::sort(index.by_exact.begin(), index.by_exact.end());
}

void add(Candidate& c, double weight, std::string reason) {
    c.score += weight;
    c.reasons.push_back(std::move(reason));
}

}  // namespace

ContextClues Resolver::analyse(const ResolveContext& context) const {
    ContextClues clues;
    clues.text = context.text;
    clues.nearby = context.nearby;
    for (const std::string& p : context.admin1_pcodes) {
        if (std::find(clues.admin1_pcodes.begin(), clues.admin1_pcodes.end(), p) == clues.admin1_pcodes.end())
            clues.admin1_pcodes.push_back(p);
    }
    if (context.text.empty()) return clues;
    for (GovernorateHint& h : governorate_hints(context.text, gazetteer_)) {
        if (std::find(clues.admin1_pcodes.begin(), clues.admin1_pcodes.end(), h.pcode) == clues.admin1_pcodes.end())
            clues.admin1_pcodes.push_back(h.pcode);
        clues.detected_phrases.push_back(std::move(h.phrase));
    }
    clues.country_counts = country_mentions(context.text);
    std::unordered_set<std::string> anchor_keys;
    for (Mention& m : gazetteer_.find_mentions(context.text)) {
        // A name repeated through an article is one piece of evidence, not several.
        NameKeys keys = name_keys(m.text);
        if (!anchor_keys.insert(keys.exact).second) continue;
        ContextClues::Anchor anchor;
        anchor.text = std::move(m.text);
        anchor.keys = std::move(keys);
        // Exact-key places only when there are some: skeleton look-alikes of a well-known name
        // would make every anchor look ambiguous.
        std::vector<const Place*> meant = gazetteer_.lookup_exact(anchor.text);
        if (meant.empty()) meant = m.places;
        for (const Place* p : meant)
            if (p && !is_area(*p)) anchor.places.push_back(p);
        if (anchor.places.empty()) continue;
        // An ambiguous anchor is read with the same governorate hints: "al-Sukhna" in a story
        // about the Homs countryside is the one in Homs.
        std::vector<const Place*> hinted;
        for (const Place* p : anchor.places) {
            if (std::find(clues.admin1_pcodes.begin(), clues.admin1_pcodes.end(), p->admin.admin1_pcode) !=
                clues.admin1_pcodes.end())
                hinted.push_back(p);
        }
        if (!hinted.empty()) anchor.places = std::move(hinted);
        for (const Place* p : anchor.places) anchor.directions.push_back(direction(p->point));
        anchor.unambiguous = std::all_of(anchor.places.begin(), anchor.places.end(), [&](const Place* p) {
            return great_circle_km(p->point, anchor.places.front()->point) <= kClusterKm;
        });
        clues.anchors.push_back(std::move(anchor));
    }
    index_anchors(clues);
    index_text(clues);
    return clues;
}

std::vector<Candidate> Resolver::resolve(std::string_view name, const ResolveContext& context) const {
    return resolve(name, analyse(context));
}

std::vector<Candidate> Resolver::resolve(std::string_view name, const ContextClues& clues) const {
    return resolve(name, clues, NameSurroundings{});
}

std::vector<Candidate> Resolver::resolve(std::string_view name, const ContextClues& clues,
                                         const NameSurroundings& around) const {
    std::vector<const Place*> places = gazetteer_.lookup(name);
    if (places.empty()) {
        if (const std::string bare = strip_area_words(name); !bare.empty()) {
            const Place* g = gazetteer_.governorate(name);
            if (!g) g = gazetteer_.governorate(bare);
            if (g) places.push_back(g);
        }
    }
    const NameKeys query = name_keys(name);
    std::unordered_set<std::int64_t> exact_ids;
    for (const Place* p : gazetteer_.lookup_exact(name)) exact_ids.insert(p->id);

    // "al-Omar" where the text says "al-Omar oil field": the longer name is what was meant.
    std::unordered_map<std::int64_t, std::string> in_full;  // place id -> the longer name
    for (const std::size_t i : anchors_extending(clues, query.exact)) {
        const ContextClues::Anchor& a = clues.anchors[i];
        for (const Place* p : a.places) {
            places.push_back(p);
            in_full.emplace(p->id, a.text);
        }
    }
    for (auto& [phrase, longer] : longer_names(name, clues, gazetteer_)) {
        for (const Place* p : longer) {
            places.push_back(p);
            in_full.emplace(p->id, phrase);
        }
    }

    const std::vector<std::size_t> query_anchors = anchors_named(clues, query);
    auto anchor_is_query = [&](std::size_t i) {
        return std::binary_search(query_anchors.begin(), query_anchors.end(), i);
    };
    auto hinted = [&](const std::string& pcode) {
        return std::find(clues.admin1_pcodes.begin(), clues.admin1_pcodes.end(), pcode) !=
                   clues.admin1_pcodes.end() ||
               std::find(around.admin1_pcodes.begin(), around.admin1_pcodes.end(), pcode) !=
                   around.admin1_pcodes.end();
    };
    // Does the text say where it is set, other than by this name? By a governorate it names, a
    // point already resolved, or a city it names that can only be one place. Smaller names are
    // no evidence here: they may themselves be homonyms or words that look like names.
    bool text_has_geography = !clues.admin1_pcodes.empty() || !around.admin1_pcodes.empty() ||
                              !clues.nearby.empty() || !around.nearby.empty();
    for (std::size_t k = 0; k < clues.index.unambiguous_cities.size() && !text_has_geography; ++k)
        text_has_geography = !anchor_is_query(clues.index.unambiguous_cities[k]);

    int country_total = 0;
    for (const auto& [code, n] : clues.country_counts) country_total += n;

    std::vector<Candidate> out;
    std::unordered_set<std::int64_t> seen;
    for (const Place* place : places) {
        if (!place || !seen.insert(place->id).second) continue;
        Candidate c;
        c.place = *place;

        if (const auto it = in_full.find(place->id); it != in_full.end()) {
            add(c, kWeights.written_in_full, "written in full as \"" + it->second + "\"");
            c.exact_name = true;
        } else if (exact_ids.count(place->id) || is_exact(query, *place)) {
            add(c, kWeights.exact_name, "exact name");
            c.exact_name = true;
        } else {
            c.reasons.push_back("spelling variant");
        }

        add(c, type_prior(place->feature_type), place->feature_type.empty() ? "untyped" : place->feature_type);

        if (place->population > 1000) {
            const double w = std::min(kWeights.population_cap,
                                      kWeights.population_per_decade * std::log10(place->population / 1000.0));
            add(c, w, "population " + std::to_string(place->population));
        }

        if (place->country_code == "SY") add(c, kWeights.in_syria, "in Syria");
        if (country_total > 0) {
            const auto it = clues.country_counts.find(place->country_code);
            if (it != clues.country_counts.end()) {
                const double share = static_cast<double>(it->second) / country_total;
                add(c, kWeights.country_words * share,
                    fmt2("text names country %.0f%% %s", 100.0 * share, place->country_code));
                c.country_share = share;
            }
        }

        const std::string& pcode = place->admin.admin1_pcode;
        if (!pcode.empty() && hinted(pcode)) {
            add(c, kWeights.governorate, "in hinted governorate " + place->admin.admin1_name + " " + pcode);
            c.context_support += kWeights.governorate;
        }

        double best_nearby = 0;
        for (LonLat p : clues.nearby) best_nearby = std::max(best_nearby, closeness(place->point, p, place->precision_km));
        for (LonLat p : around.nearby)
            best_nearby = std::max(best_nearby, closeness(place->point, p, place->precision_km));
        if (best_nearby > 0.05) {
            add(c, kWeights.nearby_point * best_nearby, fmt("near a resolved point (%.2f)", best_nearby));
            c.context_support += kWeights.nearby_point * best_nearby;
        }

        double anchor_sum = 0;
        std::string anchor_names;
        int named = 0;
        const std::array<double, 3> at = direction(place->point);
        for (std::size_t i = 0; i < clues.anchors.size(); ++i) {
            const ContextClues::Anchor& a = clues.anchors[i];
            // The name itself, wherever it recurs in the text, is no evidence for its own place.
            if (anchor_is_query(i)) continue;
            double best = 0;
            for (std::size_t k = 0; k < a.places.size(); ++k) {
                const Place* p = a.places[k];
                if (p->id == place->id ||
                    surely_farther(at, a.directions[k],
                                   kAnchorReachKm + std::max(place->precision_km, p->precision_km)))
                    continue;
                best = std::max(best, closeness(place->point, p->point, std::max(place->precision_km, p->precision_km)));
            }
            const double w = kWeights.anchor * best / (a.unambiguous ? 1.0 : static_cast<double>(a.places.size()));
            if (w < 0.05) continue;
            anchor_sum += w;
            if (++named <= 3) anchor_names += (named > 1 ? ", " : "") + a.text;
            // Capped, with its three names told: the anchors after these change nothing.
            if (named >= 3 && anchor_sum >= kWeights.anchor_cap) break;
        }
        if (anchor_sum > 0) {
            add(c, std::min(kWeights.anchor_cap, anchor_sum), "near " + anchor_names);
            c.context_support += std::min(kWeights.anchor_cap, anchor_sum);
        }

        c.contradicted = text_has_geography && c.context_support < kContradictionFloor;
        out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.place.population > b.place.population;
    });
    return out;
}

}  // namespace incimap
