#include "extract/place_linker.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <numbers>

#include "gazetteer/mention_finder.hpp"
#include "text/name_key.hpp"
#include "text/numbers.hpp"
#include "text/word_tables.hpp"

namespace incimap {

namespace {

constexpr double kEarthRadiusKm = 6371.0088;  // IUGG mean radius

// A village resolved farther than this from the place that frames it ("X area in Y",
// "X, south of Y") is a homonym, not the place meant.
constexpr double kFrameKm = 60.0;

struct Bearing {
    std::string_view word;
    double degrees;
};
// Compass words, longest first so that "southeast" is not read as "south". The adjectives
// stand for the nouns in "countryside northern of Al-Hasakah".
constexpr std::array<Bearing, 16> kBearings{{
    {"northeastern", 45}, {"northwestern", 315}, {"southeastern", 135}, {"southwestern", 225},
    {"northern", 0},      {"southern", 180},     {"eastern", 90},       {"western", 270},
    {"northeast", 45},    {"northwest", 315},    {"southeast", 135},    {"southwest", 225},
    {"north", 0},         {"south", 180},        {"east", 90},          {"west", 270},
}};

// Words after a governorate name that make it an area: "Raqqa province", "Homs countryside".
constexpr std::array<std::string_view, 5> kAreaSuffixes{{
    " province", " governorate", " countryside", " desert", " region"}};
// ... and before it: "countryside of Homs", "rural Idlib", "eastern Deir Ezzor".
constexpr std::array<std::string_view, 17> kAreaPrefixes{{
    "countryside of ", "province of ", "governorate of ", "rural ", "eastern ", "western ",
    "northern ", "southern ", "central ", "northeastern ", "southeastern ", "northwestern ",
    // "three towns in Daraa": a place that holds towns is the governorate
    "towns in ", "villages in ", "cities in ", "towns of ", "villages of "}};
constexpr std::array<std::string_view, 13> kNearPrefixes{{
    "near ", "near the town of ", "near the city of ", "near the village of ", "outskirts of ",
    "close to ", "vicinity of ", "near the ", "around ", "outside ", "on the outskirts of ",
    "suburb of ", "suburbs of "}};
constexpr std::array<std::string_view, 7> kSettlementWords{{
    " city", " town", " village", " area", " areas", " desert", " countryside"}};
// Words that present a name as a place: "Shola town", "the village of Edwan", "in Kafr Zeita".
// A name spelled unlike any gazetteer name is only taken for a place when written so: a
// person's name ("Faris Qasim", "Muhammad al-Hussein") or an English word ("Mediterranean
// Sea") shares the consonants of some village too.
constexpr std::array<std::string_view, 13> kPlaceWordsAfter{{
    " city", " town", " village", " area", " desert", " camp", " district", " neighbourhood",
    " neighborhood", " quarter", " countryside", " suburb", " region"}};
constexpr std::array<std::string_view, 13> kPlaceWordsBefore{{
    "city of ", "town of ", "village of ", "villages of ", "towns of ", "area of ",
    "district of ", "neighbourhood of ", "neighborhood of ", "in ", "near ", "countryside of ",
    "outskirts of "}};

// A place name inside the name of an organisation, outlet or kin group is not a place of the
// event: "the Shaitat tribe", "the Deir ez-Zor Military Council", "Suwayda 24", "Jaysh
// al-Islam", "Ahrar Houran". The words after the name that make it an organisation ...
constexpr std::array<std::string_view, 23> kOrganisationHeads{{
    " tribe", " tribes", " clan", " clans", " family", " brigade", " brigades", " battalion",
    " division", " regiment", " military council", " council", " operations room", " news",
    " network", " media", " radio", " tv", " channel", " 24", " baladi", " tahrir", " agency"}};
// ... and the words before it: the usual first words of Syrian armed groups' names (army,
// brigade, legion, movement, front, free men, battalion, companies, forces, guardians,
// supporters, lions, youth, men) and of the outlet Enab Baladi.
constexpr std::array<std::string_view, 19> kOrganisationOpeners{{
    "jaysh ", "jaish ", "liwa ", "faylaq ", "harakat ", "jabhat ", "ahrar ", "katibat ",
    "saraya ", "quwat ", "hurras ", "ansar ", "usud ", "shabab ", "alwiya ", "tajammu ",
    "rijal ", "fursan ", "enab "}};

bool inside_organisation_name(std::string_view before, std::string_view after) {
    for (std::string_view head : kOrganisationHeads)
        if (after.starts_with(head) &&
            (after.size() == head.size() || !std::isalnum(static_cast<unsigned char>(after[head.size()]))))
            return true;
    for (std::string_view opener : kOrganisationOpeners)
        if (before.ends_with(opener) || before.ends_with(std::string(opener) + "al-")) return true;
    return false;
}

// "..., al-Hussein reported", "Damascus said": a name that says or reports something is a
// source (a person's family name, an outlet, a government by its capital), not where the event
// happened. A name a few words after a preposition is a place even so: "activists in Homs
// said", "the health directorate in east Aleppo reported", and in texts that lost their commas
// "the village of Taduf said the Observatory".
bool names_speaker(std::string_view before, std::string_view after) {
    static constexpr std::array<std::string_view, 12> kPrepositions{{
        "in", "of", "at", "near", "from", "on", "to", "into", "across", "around", "outside", "inside"}};
    const std::size_t stop = before.find_last_of(",.;:()");
    const auto words = text_words(before.substr(stop == std::string_view::npos ? 0 : stop + 1));
    for (std::size_t k = words.size() > 3 ? words.size() - 3 : 0; k < words.size(); ++k)
        if (is_one_of(words[k].lower, kPrepositions)) return false;
    static constexpr std::array<std::string_view, 10> kReportingVerbs{{
        " said", " says", " reported", " reports", " told", " added", " stated", " announced",
        " claimed", " confirmed"}};
    for (std::string_view verb : kReportingVerbs)
        if (after.starts_with(verb) &&
            (after.size() == verb.size() || !std::isalpha(static_cast<unsigned char>(after[verb.size()]))))
            return true;
    return false;
}

bool ends_with_any(std::string_view s, const auto& table, std::string_view* which = nullptr) {
    for (std::string_view t : table)
        if (s.ends_with(t)) {
            if (which) *which = t;
            return true;
        }
    return false;
}
bool starts_with_any(std::string_view s, const auto& table) {
    for (std::string_view t : table)
        if (s.starts_with(t)) return true;
    return false;
}

// "Haref Nemra, a village": the name found ("Haref") is the start of a longer one the gazetteer
// lacks when a capitalised word that is no stop word or place word follows it.
bool continues_unknown_name(std::string_view after) {
    const auto words = text_words(after.substr(0, std::min<std::size_t>(after.size(), 40)));
    if (words.empty() || words.front().begin != 1 || !std::isupper(static_cast<unsigned char>(after[1])))
        return false;
    const std::string& next = words.front().lower;
    return !MentionFinder::is_stop_phrase(next) && !is_one_of(" " + next, kPlaceWordsAfter) &&
           !is_one_of(" " + next, kAreaSuffixes);
}

// "eastern countryside of ", "the northern countryside of ", "rural ": the area words before a
// governorate's name, however many (0 when none).
std::size_t area_prefix_length(std::string_view before) {
    std::size_t length = 0;
    for (std::string_view which; ends_with_any(before.substr(0, before.size() - length), kAreaPrefixes, &which);)
        length += which.size();
    if (length > 0 && before.substr(0, before.size() - length).ends_with("the ")) length += 4;
    return length;
}

// "'s eastern countryside", "'s countryside", "’s desert": a governorate's area written
// after it; the length of those words, 0 when none.
std::size_t possessive_area_length(std::string_view after) {
    std::size_t length = 0;
    for (std::string_view apostrophe : {"'s", "’s"})
        if (after.starts_with(apostrophe)) length = apostrophe.size();
    if (length == 0) return 0;
    for (std::string_view side : {" northeastern", " southeastern", " northwestern", " southwestern",
                                  " northern", " southern", " eastern", " western", " central"})
        if (after.substr(length).starts_with(side)) {
            length += side.size();
            break;
        }
    for (std::string_view area : {" countryside", " province", " governorate", " desert"})
        if (after.substr(length).starts_with(area)) return length + area.size();
    return 0;
}

// "the Al Zawy Research Center", "Rasm Harmil School": a facility named after the village is
// in the village.
bool names_facility(std::string_view after) {
    const auto words = text_words(after.substr(0, std::min<std::size_t>(after.size(), 40)));
    static constexpr std::array<std::string_view, 22> kFacilities{{
        "research", "center", "centre", "hospital", "school", "airport", "base", "dam", "bridge",
        "square", "street", "road", "mosque", "church", "market", "camp", "prison", "checkpoint",
        "station", "crossing", "gate", "roundabout"}};
    return !words.empty() && is_one_of(words.front().lower, kFacilities);
}

bool is_settlement(const Place& p) {
    static constexpr std::array<std::string_view, 6> kinds{
        "city", "town", "village", "neighbourhood", "camp", "other"};
    return std::find(kinds.begin(), kinds.end(), p.feature_type) != kinds.end();
}

// One place phrase of the sentence and how it frames its place.
struct Phrase {
    std::size_t begin = 0;  // span of the whole phrase as written ("south of the Palmyra city")
    std::size_t end = 0;
    const Mention* mention = nullptr;
    int precision = 1;
    bool governorate_level = false;
    bool road = false;
    std::optional<double> bearing;
    double offset_km = 0;
    bool distance_stated = false;    // "20 km east of X", not just "east of X"
    const Mention* frame = nullptr;  // "X area in Y": Y
    double frame_km = kFrameKm;      // how far from its frame the place may lie
    bool origin = false;             // "from X": where an attack came from, not where it hit
    const Place* place = nullptr;
    LonLat point;
    bool listed = false;             // a later name of a list of governorates
    bool settlement = false;         // the name can be a town and is not written as an area
    bool written_as_place = false;   // a place word next to it: "X town", "the village of X"
    bool countryside = false;        // "the countryside of Manbij": the area around a town
    bool city_part = false;          // "the Mazraa neighbourhood": a part of some city
    double support = 0;              // the text's support for `place`
};

double distance_km(LonLat a, LonLat b) { return great_circle_km(a, b); }

// A governorate, a place some distance from a named one, or a name that can be a city.
bool names_wide_area(const Phrase& ph) {
    return ph.governorate_level || ph.bearing ||
           std::any_of(ph.mention->places.begin(), ph.mention->places.end(),
                       [](const Place* p) { return p->feature_type == "city"; });
}

// The phrase names governorate `gov` as an area (precision 3, at its representative point).
void read_as_governorate(Phrase& ph, const Place* gov) {
    ph.governorate_level = true;
    ph.precision = 3;
    ph.place = gov;
    ph.point = gov->point;
}

// A part of a city (district, neighbourhood, quarter) lies within this distance of its centre.
constexpr double kCityPartKm = 15.0;

// Words of a gap between two place names that make the second frame the first: "X in Y",
// "X, a village in the Y countryside", "X districts in Y". The distance the framed place may
// lie from its frame: a city part stays within the city.
std::optional<double> frame_gap(std::string_view gap) {
    auto eat = [&](std::string_view w) {
        if (!gap.starts_with(w)) return false;
        gap.remove_prefix(w.size());
        return true;
    };
    eat(",");
    eat(" a") || eat(" the");
    double radius = kFrameKm;
    for (std::string_view part : {" districts", " district", " neighbourhoods", " neighbourhood",
                                  " neighborhoods", " neighborhood", " quarter", " suburb"})
        if (eat(part)) {
            radius = kCityPartKm;
            break;
        }
    for (std::string_view kind : {" villages", " village", " towns", " town", " city", " area", " camp"})
        if (eat(kind)) break;
    if (!(eat(" in") || eat(" of") || eat(","))) return std::nullopt;
    eat(" the");
    return gap == " " || gap.empty() ? std::optional<double>(radius) : std::nullopt;
}

// "the Homs district of Khaldiyeh", "Damascus' Kfar Sousa", "Aleppo's al-Shaar neighbourhood":
// the first name frames the second, which lies within the city; "the Idlib villages of Sarja":
// within the usual distance of a frame.
std::optional<double> reverse_frame_gap(std::string_view gap, bool after_the) {
    for (std::string_view g : {"'s ", "' ", "\u2019s "})
        if (gap == g) return kCityPartKm;
    if (!after_the) return std::nullopt;
    for (std::string_view g : {" district of ", " neighbourhood of ", " neighborhood of ", " quarter of "})
        if (gap == g) return kCityPartKm;
    // "the Idlib villages of Sarja and Ehsin", "the Homs town of Qaryatein"
    for (std::string_view g : {" villages of ", " village of ", " towns of ", " town of "})
        if (gap == g) return kFrameKm;
    return std::nullopt;
}

// Where attackers, fire or victims came from, not where the event happened: "fired from X",
// "displaced from the town of X", "mostly from Idlib", "natives of X", "based in X"; and
// the seat of an institution that speaks or acts from there ("the security leadership in
// Latakia", "the Central Committee in Daraa"). (Not "the government in X": its headquarters
// there may be the target.)
bool names_origin(std::string_view before) {
    static constexpr std::array<std::string_view, 26> kMarkers{{
        "from ", "natives of ", "native of ", "based in ", "stationed in ", "headquartered in ",
        "hails from ", "hailing from ", "leadership in ", "committee in ", "ministry in ",
        "directorate in ",
        // where the attackers set out: "launched from its base in X", "fled X"
        "from its base in ", "from their bases in ", "from bases in ", "from positions in ",
        "from their positions in ", "fled ",
        // where the wounded were taken: "transferred to a hospital in X", "rushed to X"
        "to a hospital in ", "to hospitals in ", "to the hospital in ", "taken to ", "transferred to ",
        "transported to ", "evacuated to ", "rushed to "}};
    // Words between the marker and the name: "from the DAESH-controlled Bab region", "mostly
    // from the northwestern Idlib province", "from the town of X", "a native of the province
    // of X". The marker is looked for before each one is passed over ("natives of X").
    while (before.size() > 1) {
        if (ends_with_any(before, kMarkers)) return true;
        const std::size_t space = before.rfind(' ', before.size() - 2);
        const std::string_view last = before.substr(space == std::string_view::npos ? 0 : space + 1);
        const bool filler = last == "the " || last == "of " || last == "city " || last == "town " ||
                            last == "village " || last == "province " || last == "governorate " ||
                            last == "countryside " || last == "direction " || last.ends_with("-controlled ") ||
                            last.ends_with("-held ") || last.ends_with("ern ");
        if (!filler || last.size() >= before.size()) return false;
        before.remove_suffix(last.size());
    }
    return false;
}

// Two or more governorate names in a list ("in Aleppo, Hama and Raqqa") name an event spread
// over governorates, or one we cannot place in any of them: no city point is honest. The
// list becomes one phrase at governorate level (precision 3) in the first governorate named,
// its text the whole list; splitting it would repeat the toll in each. A name with a
// settlement word ("Hama city"), an offset or a "near" stays a place of its own.
void mark_governorate_lists(std::vector<Phrase>& phrases, const std::string& low,
                            const Gazetteer& gazetteer) {
    auto listable = [&](const Phrase& ph) {
        return !ph.origin && !ph.road && !ph.bearing && ph.precision != 2 &&
               ph.end == ph.mention->end && gazetteer.governorate(ph.mention->text) != nullptr;
    };
    for (std::size_t i = 0; i < phrases.size();) {
        std::size_t j = i;
        while (j + 1 < phrases.size() && listable(phrases[i]) && listable(phrases[j + 1])) {
            const std::string_view gap = std::string_view(low).substr(
                phrases[j].end, phrases[j + 1].begin - phrases[j].end);
            if (gap != ", " && gap != " and " && gap != ", and " && gap != " or ") break;
            ++j;
        }
        if (j > i) {
            for (std::size_t k = i; k <= j; ++k) {
                Phrase& ph = phrases[k];
                read_as_governorate(ph, gazetteer.governorate(ph.mention->text));
                ph.listed = k > i;
            }
            phrases[i].end = phrases[j].end;
        }
        i = j + 1;
    }
}

// Context support below this is a faint pull from a place over 40 km away (a third of the
// resolver's anchor weight), too weak to vouch for a small place.
constexpr double kSupportFloor = 1.0;

// Is a candidate good enough to be the place meant? A city or a curated conflict feature is
// known well enough to be meant by its name, a town by its name as the gazetteer spells it.
// A village or neighbourhood must be
// spelled as the gazetteer spells it, or be supported by the text, and must not lie away from
// every governorate and place the text names: otherwise it is a homonym or a word that looks
// like a name ("Many", "Rescue", a family name), and the event gets a coarser place instead of
// a wrong point. A looser spelling of a settlement must also be written as a place.
bool is_town_or_city(const Place& p) { return p.feature_type == "town" || p.feature_type == "city"; }

bool supported(const Candidate& c, bool written_as_place) {
    const Place& p = c.place;
    const bool small = p.feature_type == "village" || p.feature_type == "neighbourhood" ||
                       p.feature_type == "other" || p.feature_type.empty();
    // (A district is named after its town: "Dome" is no more the Duma district than the city.)
    if (!c.exact_name &&
        (small || is_town_or_city(p) || p.feature_type == "district") &&
        !written_as_place)
        return false;
    if (c.context_support >= kSupportFloor) return true;
    // A town only loosely spelled ("al-Qasa'a" for al-Kiswah) is a guess like a village.
    if (p.feature_type == "town") return c.exact_name;
    if (!small) return true;
    return c.exact_name && !c.contradicted;
}

// "X in the eastern countryside of Deir ez-Zor": the side of the governorate's centre X lies
// on, as a compass bearing; nullopt when the area words name none. Only a countryside has a
// side: "the southern province of Daraa" is the country's southern province.
struct Side {
    LonLat centre;
    double degrees;
};
std::optional<double> side_named(std::string_view area_words) {
    if (area_words.find("countryside") == std::string_view::npos) return std::nullopt;
    for (const auto& br : kBearings)
        if (br.word.ends_with("ern")) {
            const std::size_t at = area_words.find(br.word);
            if (at != std::string_view::npos && (at == 0 || area_words[at - 1] == ' ')) return br.degrees;
        }
    return std::nullopt;
}

// On the named half of the compass around the centre ("eastern": from north to south through
// east, as the eastern countryside is all that lies east of the city), or at the centre.
bool lies_on_side(LonLat p, const Side& side) {
    if (great_circle_km(side.centre, p) < 5) return true;
    const double to_rad = std::numbers::pi / 180.0;
    const double p1 = side.centre.lat * to_rad, p2 = p.lat * to_rad;
    const double dl = (p.lon - side.centre.lon) * to_rad;
    const double bearing = std::atan2(std::sin(dl) * std::cos(p2),
                                      std::cos(p1) * std::sin(p2) - std::sin(p1) * std::cos(p2) * std::cos(dl)) /
                           to_rad;
    const double off = std::fmod(std::fabs(bearing - side.degrees), 360.0);
    return std::min(off, 360.0 - off) < 90;
}

}  // namespace

ArticlePlaceContext make_place_context(std::string news_text, std::vector<std::string> admin1_pcodes,
                                       const Resolver& resolver) {
    ArticlePlaceContext context;
    context.admin1_pcodes = admin1_pcodes;
    ResolveContext whole;
    whole.text = std::move(news_text);
    whole.admin1_pcodes = std::move(admin1_pcodes);
    context.clues = resolver.analyse(whole);
    return context;
}

LonLat destination(LonLat from, double bearing_deg, double km) {
    const double d = km / kEarthRadiusKm;
    const double th = bearing_deg * std::numbers::pi / 180.0;
    const double p1 = from.lat * std::numbers::pi / 180.0;
    const double l1 = from.lon * std::numbers::pi / 180.0;
    const double p2 = std::asin(std::sin(p1) * std::cos(d) + std::cos(p1) * std::sin(d) * std::cos(th));
    const double l2 = l1 + std::atan2(std::sin(th) * std::sin(d) * std::cos(p1),
                                      std::cos(d) - std::sin(p1) * std::sin(p2));
    return {l2 * 180.0 / std::numbers::pi, p2 * 180.0 / std::numbers::pi};
}

std::optional<PlaceRef> PlaceLinker::link(std::string_view sentence,
                                          const ArticlePlaceContext& context,
                                          const std::string& foreign_country,
                                          FramedNames* framed) const {
    const std::vector<Mention> mentions = gazetteer_.find_mentions(sentence);
    const std::string low = ascii_lower(sentence);
    std::vector<Phrase> phrases;
    for (const Mention& m : mentions) {
        if (m.places.empty()) continue;
        Phrase ph;
        ph.mention = &m;
        ph.begin = m.begin;
        ph.end = m.end;
        const std::string_view before = std::string_view(low).substr(0, m.begin);
        const std::string_view after = std::string_view(low).substr(m.end);
        bool any_settlement = false, any_road = false, all_country = true;
        for (const Place* p : m.places) {
            any_settlement = any_settlement || is_settlement(*p);
            any_road = any_road || p->feature_type == "road";
            all_country = all_country && p->feature_type == "country";
        }
        if (all_country) continue;
        // Acronyms ("SOHR", "SANA", "SAA") name organisations, not the villages they spell.
        if (m.text.size() <= 6 && std::none_of(m.text.begin(), m.text.end(), [](char c) {
                return std::islower(static_cast<unsigned char>(c));
            }))
            continue;  // "Syria's eastern Homs countryside": Syria frames, not places
        if (inside_organisation_name(before, after) || names_speaker(before, after)) continue;
        // "The Hala Akhbar site reported": a village's name followed by a capitalised word the
        // gazetteer does not know starts some other name (a site, a person, a group).
        const bool villages_only = std::all_of(m.places.begin(), m.places.end(), [](const Place* p) {
            return p->feature_type == "village" || p->feature_type == "neighbourhood" ||
                   p->feature_type == "other" || p->feature_type.empty();
        });
        if (villages_only && continues_unknown_name(sentence.substr(m.end)) && !names_facility(after))
            continue;
        ph.origin = names_origin(before);
        ph.city_part = starts_with_any(after, std::array<std::string_view, 3>{" neighbourhood", " neighborhood", " quarter"}) ||
                       ends_with_any(before, std::array<std::string_view, 3>{"neighbourhood of ", "neighborhood of ", "quarter of "});
        ph.written_as_place = (starts_with_any(after, kPlaceWordsAfter) ||
                               ends_with_any(before, kPlaceWordsBefore)) &&
                              !continues_unknown_name(sentence.substr(m.end));
        std::string_view suffix;
        const std::size_t possessive_area = possessive_area_length(after);
        const bool area_after = (starts_with_any(after, kAreaSuffixes) &&
                                 !after.starts_with(" desert")) ||
                                possessive_area > 0;
        // Area words already read as the end of the phrase before ("the Damascus countryside
        // of Jaramana") are not this one's.
        std::size_t area_before = area_prefix_length(before);
        if (!phrases.empty() && phrases.back().end + area_before > m.begin) area_before = 0;
        const Place* gov = gazetteer_.governorate(m.text);
        // "rural Damascus", "the Damascus countryside": where a governorate of the country
        // around a city exists (Rif Dimashq, "Damascus countryside"), the words name it.
        // So do "a suburb of Damascus", "the Damascus suburbs": the suburbs lie outside the
        // city, in Rural Damascus.
        const bool suburb = before.ends_with("suburb of ") || before.ends_with("suburbs of ") ||
                            after.starts_with(" suburb");
        const Place* rural = gov && (suburb || before.ends_with("rural ") || before.ends_with("countryside of ") ||
                                     before.ends_with("countryside of the ") || after.starts_with(" countryside"))
                                 ? gazetteer_.governorate("Rural " + m.text)
                                 : nullptr;
        if (rural) gov = rural;
        ph.settlement = any_settlement;
        const bool called_town = after.starts_with(" city") || after.starts_with(" town");
        // "Latakia: Assad loyalists kill 16": a label opening the text names the governorate.
        const bool label = m.begin == 0 && after.starts_with(":");
        if (gov && !called_town && (area_after || area_before || !any_settlement || label || (rural && suburb))) {
            read_as_governorate(ph, gov);
            for (std::string_view s : kAreaSuffixes)
                if (after.starts_with(s)) ph.end = m.end + s.size();
            ph.end += possessive_area;
            // The phrase is the whole area as written, so that "X in the eastern countryside
            // of Y" reads as "X in Y": Y frames X.
            ph.begin = m.begin - area_before;
            if (rural && suburb) {
                std::string_view words;
                if (ends_with_any(before, std::array<std::string_view, 2>{"suburbs of ", "suburb of "}, &words))
                    ph.begin = m.begin - words.size();
                for (std::string_view suffix : {" suburbs", " suburb"})
                    if (after.starts_with(suffix)) {
                        ph.end = m.end + suffix.size();
                        break;
                    }
            }
        } else if (any_road) {
            ph.road = true;
            ph.precision = 2;
        } else if (ends_with_any(before, kNearPrefixes, &suffix)) {
            ph.precision = 2;
            ph.begin = m.begin - suffix.size();
        }
        // Compass offsets: "south of the Palmyra city", "20 km east of X", and with a distance
        // also without "of": "20 km southern al-Raqqa city".
        if (!ph.governorate_level) {
            std::string_view b = before;
            for (std::string_view filler : {"the city of ", "the town of ", "the village of ", "the "})
                if (b.ends_with(filler)) {
                    b.remove_suffix(filler.size());
                    break;
                }
            const bool with_of = b.ends_with(" of ") || b.ends_with("of ");
            std::string_view head = with_of ? b.substr(0, b.size() - 3) : b;
            while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
            for (const auto& br : kBearings) {
                if (!head.ends_with(br.word)) continue;
                const std::size_t side_begin = head.size() - br.word.size();
                // "20 km east of", "15 kilometers southeast of"
                std::optional<double> distance;
                std::size_t distance_begin = side_begin;
                const auto words = text_words(head.substr(0, side_begin));
                if (words.size() >= 2) {
                    const auto& unit = words.back().lower;
                    if (unit == "km" || unit.starts_with("kilomet"))
                        if (auto n = parse_cardinal(words[words.size() - 2].lower)) {
                            distance = *n;
                            distance_begin = words[words.size() - 2].begin;
                        }
                }
                if (!with_of && !distance) break;  // "southern X" alone names no offset
                ph.bearing = br.degrees;
                ph.offset_km = distance.value_or(kDefaultOffsetKm);
                ph.distance_stated = distance.has_value();
                ph.precision = 2;
                ph.begin = distance_begin;
                break;
            }
        }
        for (std::string_view s : kSettlementWords)
            // a whole word: "the Idlib villages of Sarja" is no "Idlib village"
            if (after.starts_with(s) && !ph.governorate_level &&
                (after.size() == s.size() || !std::isalpha(static_cast<unsigned char>(after[s.size()])))) {
                ph.end = m.end + s.size();
                if (s == " area" || s == " areas" || s == " desert" || s == " countryside")
                    ph.precision = std::max(ph.precision, 2);
                ph.countryside = s == " countryside";
            }
        // "the countryside of Manbij", "rural Qamishli": around a town that names no governorate.
        if (!ph.governorate_level && area_before > 0 &&
            (before.ends_with("countryside of ") || before.ends_with("countryside of the ") ||
             before.ends_with("rural "))) {
            ph.precision = std::max(ph.precision, 2);
            ph.begin = m.begin - area_before;
            ph.countryside = true;
        }
        phrases.push_back(ph);
    }
    mark_governorate_lists(phrases, low, gazetteer_);
    // "X area in Y", "X, a village in the Y countryside", "X districts in Y": Y frames X.
    // "the Y district of X", "Y's X neighbourhood": Y frames X too.
    for (std::size_t i = 0; i + 1 < phrases.size(); ++i) {
        if (phrases[i].governorate_level && phrases[i + 1].listed) continue;
        const std::string_view gap =
            std::string_view(low).substr(phrases[i].end, phrases[i + 1].begin - phrases[i].end);
        // "the Homs district of X" frames backwards; "X district of Homs" forwards.
        const bool after_the = std::string_view(low).substr(0, phrases[i].begin).ends_with("the ");
        if (const auto inner = reverse_frame_gap(gap, after_the); inner && !phrases[i + 1].frame) {
            phrases[i + 1].frame = phrases[i].mention;
            phrases[i + 1].frame_km = *inner;
            // "the Idlib villages of Sarja": villages of a governorate's name lie in the
            // governorate, which frames them by its boundary.
            if (*inner == kFrameKm && !phrases[i].governorate_level)
                if (const Place* gov = gazetteer_.governorate(phrases[i].mention->text))
                    read_as_governorate(phrases[i], gov);
        } else if (const auto radius = frame_gap(gap)) {
            phrases[i].frame = phrases[i + 1].mention;
            // "Saboura district in the countryside of Salamiyah" is no part of the city.
            phrases[i].frame_km = phrases[i + 1].countryside ? kFrameKm : *radius;
        } else if ((gap == ", " && names_wide_area(phrases[i + 1])) ||
                   (gap == " " && phrases[i + 1].distance_stated)) {
            // "Khan Shaykhun, Idlib", "al-Mariya, east of Deir ez-Zor": the city, governorate
            // or offset after the comma says where the first name lies; so does a measured
            // offset right after it ("Shanina village 20 km south of al-Raqqa").
            phrases[i].frame = phrases[i + 1].mention;
        }
    }

    // Resolve framing places first so that the framed ones can be placed near them.
    // `settlement`: the phrase reads as a town ("the city of Deraa", a bare "Deraa" that is
    // also a town), so the governorate of the same name is not what it means.
    struct Resolved {
        const Place* place = nullptr;
        double support = 0;  // the text's support for it (Candidate::context_support)
    };
    auto resolve = [&](const Mention& m, const std::vector<LonLat>& nearby,
                       const std::vector<std::string>& extra_admin1, double frame_km = kFrameKm,
                       bool settlement = false, bool written_as_place = true,
                       bool around_town = false, const std::optional<Side>& side = std::nullopt) -> Resolved {
        const std::vector<Candidate> candidates =
            resolver_.resolve(m.text, context.clues, NameSurroundings{nearby, extra_admin1});
        // The name as written, where some place bears it, before its looser spellings: "Badiya"
        // is the desert, not a village whose consonants it shares. But a looser spelling that
        // ranks first is not displaced by a place that happens to bear the spelling when it is
        // a town or city ("Sallmiyya" for Salamiyah), or when the text supports it and not the
        // other ("al-Kom" in a report about Quneitra is Al Kawm there, not Al Kawm of Homs).
        const auto first_supported = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& c) {
            return supported(c, written_as_place);
        });
        const auto first_exact = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& c) {
            return c.exact_name && supported(c, written_as_place);
        });
        const bool loose_first =
            first_supported != candidates.end() && !first_supported->exact_name &&
            (is_town_or_city(first_supported->place) ||
             (first_supported->context_support >= kSupportFloor &&
              (first_exact == candidates.end() || first_exact->context_support < kSupportFloor)));
        // "the Qusayr countryside" is the country around a town: a village of that name has
        // no countryside of its own, however near the other places of the report it lies.
        for (const bool towns_only : {true, false}) {
            if (towns_only && !around_town) continue;
            for (const bool exact_pass : {true, false}) {
                if (exact_pass && loose_first) continue;
                for (const Candidate& c : candidates) {
                    if (c.exact_name != exact_pass || !supported(c, written_as_place)) continue;
                    if (towns_only && !is_town_or_city(c.place)) continue;
                    if (side && !lies_on_side(c.place.point, *side)) continue;
                    if (settlement && c.place.feature_type == "governorate") continue;
                    const bool foreign = c.place.country_code != "SY";
                    // Framed: the best candidate inside the frame, not a famous homonym elsewhere.
                    if (!nearby.empty() && distance_km(c.place.point, nearby.front()) > frame_km) continue;
                    // A place abroad when the text is about that country more than about any other.
                    const bool abroad_in_text = foreign && c.country_share >= 0.5;
                    if (!foreign_country.empty() ? c.place.country_code == foreign_country
                                                 : (!foreign || abroad_in_text))
                        return {gazetteer_.by_id(c.place.id), c.context_support};
                }
            }
        }
        return {};
    };
    struct Anchor {
        LonLat point;
        double support;
    };
    std::vector<Anchor> anchors;
    for (Phrase& ph : phrases) {
        if (ph.place) continue;
        std::vector<LonLat> nearby;
        std::vector<std::string> hints;
        // "X village in Hama countryside": a governorate frames by its boundary, not by a
        // distance from its point (nor from a namesake village of "Hama" elsewhere).
        const auto frame_phrase = std::find_if(phrases.begin(), phrases.end(), [&](const Phrase& f) {
            return ph.frame && f.mention == ph.frame && f.governorate_level;
        });
        const std::string framing_governorate =
            frame_phrase != phrases.end() ? frame_phrase->place->admin.admin1_pcode : std::string();
        std::optional<Side> side;
        if (!framing_governorate.empty()) {
            hints.push_back(framing_governorate);
            // The side is told from the governorate's namesake city; a governorate's own point
            // (the middle of its bounds) is no centre that reports count sides from.
            const std::string_view area_words =
                std::string_view(low).substr(frame_phrase->begin, frame_phrase->end - frame_phrase->begin);
            if (const auto degrees = side_named(area_words))
                for (const Place* p : frame_phrase->mention->places)
                    if (is_town_or_city(*p) &&
                        p->admin.admin1_pcode == framing_governorate)
                        side = Side{p->point, *degrees};
        } else if (ph.frame) {
            if (const Place* f = resolve(*ph.frame, {}, {}).place) {
                // "al-Ghabra village 130 km southeast of Deir Ezzor": near the offset point.
                const auto measured = std::find_if(phrases.begin(), phrases.end(), [&](const Phrase& o) {
                    return o.mention == ph.frame && o.distance_stated;
                });
                nearby.push_back(measured != phrases.end()
                                     ? destination(f->point, *measured->bearing, measured->offset_km)
                                     : f->point);
                if (!f->admin.admin1_pcode.empty()) hints.push_back(f->admin.admin1_pcode);
            }
        }
        Resolved r = resolve(*ph.mention, nearby, hints, ph.frame_km, ph.settlement, ph.written_as_place,
                             ph.countryside, side);
        if (framed && !ph.frame) {
            // The place this name, written the same, had where the article framed it.
            const std::string key = name_keys(ph.mention->text).exact;
            for (const auto& [name, id] : framed->places)
                if (name == key) r.place = gazetteer_.by_id(id);
        }
        ph.place = r.place;
        ph.support = r.support;
        if (framed && ph.frame && ph.place)
            framed->places.emplace_back(name_keys(ph.mention->text).exact, ph.place->id);
        if (ph.place && ph.frame && !nearby.empty() &&
            distance_km(ph.place->point, nearby.front()) > ph.frame_km)
            ph.place = nullptr;  // a homonym far from its frame
        if (ph.place && !framing_governorate.empty() &&
            ph.place->admin.admin1_pcode != framing_governorate)
            ph.place = nullptr;  // ... or outside the governorate that frames it
        if (ph.place) {
            ph.point = ph.place->point;
            if (!ph.road && ph.place->precision_km > 25) ph.precision = 3;
            // Where victims or fire came from may lie far away: no evidence of a homonym.
            if (ph.precision <= 2 && !ph.road && !ph.origin) anchors.push_back({ph.point, ph.support});
        }
    }
    // "the Mazraa neighbourhood" with no city named beside it is a part of a city the report
    // names (Damascus), not a village of that name elsewhere.
    std::vector<LonLat> report_cities;
    for (std::size_t i : context.clues.index.unambiguous_cities)
        for (const Place* p : context.clues.anchors[i].places)
            if (p->feature_type == "city") report_cities.push_back(p->point);
    for (Phrase& ph : phrases)
        if (ph.place && ph.city_part && !ph.frame && !report_cities.empty() &&
            std::none_of(report_cities.begin(), report_cities.end(),
                         [&](LonLat c) { return distance_km(c, ph.place->point) <= kCityPartKm; }))
            ph.place = nullptr;
    // A named place far from every other place the sentence names is a homonym too, unless
    // the text supports it more than those others ("the village of Al-Jarba in rural Damascus"
    // beside a namesake of "Al-Marj" far away).
    for (Phrase& ph : phrases) {
        if (!ph.place || ph.governorate_level || ph.road || anchors.size() < 2) continue;
        double nearest = 1e9, best_other_support = 0;
        for (const Anchor& a : anchors) {
            const double d = distance_km(a.point, ph.point);
            if (d <= 0.01) continue;
            nearest = std::min(nearest, d);
            best_other_support = std::max(best_other_support, a.support);
        }
        if (nearest > 2 * kFrameKm && nearest < 1e9 && best_other_support >= ph.support)
            ph.place = nullptr;
    }

    // A place that only frames a finer one ("al-Sukhna" in "al-Tayba area in al-Sukhna") is
    // not the event's place while the finer one resolved. When the finer one is unknown
    // ("al-Mariya, Deir ez-Zor" with no al-Mariya near Deir ez-Zor), the event lies in or near
    // the frame, not at its centre.
    std::vector<const Mention*> framing;
    for (const Phrase& ph : phrases) {
        if (ph.place && ph.frame) framing.push_back(ph.frame);
        if (ph.place || !ph.frame || ph.origin) continue;
        for (Phrase& f : phrases)
            if (f.mention == ph.frame && f.place) f.precision = std::max(f.precision, 2);
    }
    const Phrase* best = nullptr;
    for (const Phrase& ph : phrases) {
        if (!ph.place || ph.origin || ph.listed) continue;
        if (std::find(framing.begin(), framing.end(), ph.mention) != framing.end()) continue;
        if (!best || ph.precision < best->precision ||
            (ph.precision == best->precision && ph.place->precision_km < best->place->precision_km))
            best = &ph;
    }
    if (!best) return std::nullopt;

    PlaceRef ref;
    ref.text = std::string(sentence.substr(best->begin, best->end - best->begin));
    ref.place = *best->place;
    ref.geo_precision = best->precision;
    ref.point = best->bearing ? destination(best->point, *best->bearing, best->offset_km)
                              : best->point;
    ref.country_code = best->place->country_code.empty() ? "SY" : best->place->country_code;
    if (best->governorate_level) {
        ref.admin.admin1_name = best->place->admin.admin1_name.empty() ? best->place->name
                                                                        : best->place->admin.admin1_name;
        ref.admin.admin1_pcode = best->place->admin.admin1_pcode;
    } else if (ref.country_code == "SY") {
        ref.admin = gazetteer_.admin_at(ref.point);
        if (ref.admin.empty()) ref.admin = best->place->admin;
    }
    // A wide area ("the Homs desert") names no district, whichever one its centre is in.
    if (ref.geo_precision >= 3) {
        ref.admin.admin2_name.clear();
        ref.admin.admin2_pcode.clear();
    }
    return ref;
}

}  // namespace incimap
