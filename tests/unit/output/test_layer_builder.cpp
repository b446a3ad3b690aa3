#include <catch2/catch.hpp>

#include "layer_fixtures.hpp"
#include "output/layer_builder.hpp"

using namespace incimap;

namespace {
const Row* row_with(const LayerTable& t, const std::string& field, const std::string& value) {
    const int i = t.field_index(field);
    for (const auto& row : t.rows)
        if (std::get_if<std::string>(&row.values[static_cast<std::size_t>(i)]) &&
            std::get<std::string>(row.values[static_cast<std::size_t>(i)]) == value)
            return &row;
    return nullptr;
}
template <typename T>
T value(const LayerTable& t, const Row& row, const std::string& field) {
    return std::get<T>(row.values[static_cast<std::size_t>(t.field_index(field))]);
}
bool is_null(const LayerTable& t, const Row& row, const std::string& field) {
    return std::holds_alternative<std::monostate>(
        row.values[static_cast<std::size_t>(t.field_index(field))]);
}

struct Built {
    test::TempDir dir{"builder"};
    std::vector<Incident> incidents = test::sample_incidents();
    std::vector<Article> articles = test::sample_articles();
    std::vector<PlaceMentions> mentions;
    std::vector<LayerTable> layers;
    explicit Built(IncidentFilter filter = {}, const std::string& weight = "casualties") {
        const LayerBuilder builder{filter, WeightExpression::parse(weight),
                                   read_admin_polygons(test::make_admin_source(dir.path()))};
        layers = builder.build({incidents, articles, mentions});
    }
    const LayerTable& layer(const std::string& name) const {
        for (const auto& l : layers)
            if (l.name == name) return l;
        FAIL("no layer " << name);
        return layers.front();
    }
};
}  // namespace

TEST_CASE("every layer is built, in writing order", "[builder]") {
    Built b;
    std::vector<std::string> names;
    for (const auto& l : b.layers) names.push_back(l.name);
    CHECK(names == std::vector<std::string>{"incidents", "governorates", "governorate_points",
                                            "districts", "places", "articles"});
}

TEST_CASE("incident rows carry casualties as killed plus injured and the chosen weight",
          "[builder]") {
    Built b{IncidentFilter{}, "killed*2+injured"};
    const auto& t = b.layer("incidents");
    REQUIRE(t.rows.size() == 3);
    const Row* a = row_with(t, "incident_id", "inc-a");
    REQUIRE(a);
    CHECK(value<long long>(t, *a, "casualties") == 10);
    CHECK(value<double>(t, *a, "weight") == 14);
    CHECK(value<Date>(t, *a, "event_date") == Date{2024, 3, 5});
    const Row* d = row_with(t, "incident_id", "inc-d");
    REQUIRE(d);
    CHECK(is_null(t, *d, "event_date"));
    CHECK(is_null(t, *d, "killed"));
    CHECK(value<long long>(t, *d, "captured") == 3);
    CHECK(value<long long>(t, *d, "casualties") == 0);
}

TEST_CASE("governorate totals sum the selected incidents and keep every polygon",
          "[builder]") {
    Built b;
    const auto& t = b.layer("governorates");
    REQUIRE(t.rows.size() == 2);
    const Row* north = row_with(t, "admin1_pcode", "SY91");
    REQUIRE(north);
    CHECK(value<std::string>(t, *north, "admin1_name_ar") == "الشمال");
    CHECK(value<long long>(t, *north, "incidents") == 2);
    CHECK(value<long long>(t, *north, "killed") == 6);
    CHECK(value<long long>(t, *north, "injured") == 6);
    CHECK(value<long long>(t, *north, "casualties") == 12);
    CHECK(value<Date>(t, *north, "first_date") == Date{2024, 3, 5});
    CHECK(value<Date>(t, *north, "last_date") == Date{2024, 3, 9});
    const Row* south = row_with(t, "admin1_pcode", "SY92");
    REQUIRE(south);
    // The background incident is filtered out; the undated one counts without dates.
    CHECK(value<long long>(t, *south, "incidents") == 1);
    CHECK(value<long long>(t, *south, "casualties") == 0);
    CHECK(is_null(t, *south, "first_date"));
}

TEST_CASE("governorate points sit at the casualty-weighted mean of their incidents",
          "[builder]") {
    Built b;
    const auto& t = b.layer("governorate_points");
    REQUIRE(t.rows.size() == 2);
    const Row* north = row_with(t, "admin1_pcode", "SY91");
    REQUIRE(north);
    // Alder (36.5, 35.0) weighs 10, Birch (37.5, 35.5) weighs 2.
    CHECK(north->point->lon == Approx((36.5 * 10 + 37.5 * 2) / 12));
    CHECK(north->point->lat == Approx((35.0 * 10 + 35.5 * 2) / 12));
    // No casualties in Southland: the plain mean of its one incident.
    const Row* south = row_with(t, "admin1_pcode", "SY92");
    REQUIRE(south);
    CHECK(south->point->lon == Approx(37.2));
}

TEST_CASE("an incident's own admin units win over those of its place", "[builder]") {
    test::TempDir dir{"own-admin"};
    auto incidents = test::sample_incidents();
    // "20 km east of" Alder: the point lies in the eastern district.
    incidents[0].where.point = {37.2, 35.0};
    incidents[0].where.admin = {"Northland", "SY91", "East North", "SY9102"};
    const LayerBuilder builder{IncidentFilter{}, WeightExpression::parse("killed"),
                               read_admin_polygons(test::make_admin_source(dir.path()))};
    const auto t = builder.districts_table(builder.selected(incidents));
    CHECK(value<long long>(t, *row_with(t, "admin2_pcode", "SY9102"), "killed") == 6);
    CHECK(value<long long>(t, *row_with(t, "admin2_pcode", "SY9101"), "killed") == 0);
}

TEST_CASE("districts count incidents by their own unit, else by point in polygon", "[builder]") {
    test::TempDir dir{"districts"};
    auto incidents = test::sample_incidents();
    incidents[1].where.admin = {};  // Birch without units of its own: its point is in East North
    incidents[1].where.place->admin = {};
    const LayerBuilder builder{IncidentFilter{}, WeightExpression::parse("killed"),
                               read_admin_polygons(test::make_admin_source(dir.path()))};
    const auto t = builder.districts_table(builder.selected(incidents));
    REQUIRE(t.rows.size() == 3);
    CHECK(value<long long>(t, *row_with(t, "admin2_pcode", "SY9101"), "killed") == 4);
    CHECK(value<long long>(t, *row_with(t, "admin2_pcode", "SY9102"), "killed") == 2);
    CHECK(value<std::string>(t, *row_with(t, "admin2_pcode", "SY9201"), "admin1_name") ==
          "Southland");
}

TEST_CASE("a governorate-level incident counts in its governorate and in no district",
          "[builder]") {
    // "In the Southland countryside": the wide area's centre lies in All South, which the
    // report never named; an older store even kept that district on the incident.
    test::TempDir dir{"governorate-level"};
    auto incidents = test::sample_incidents();
    Incident& d = incidents[3];
    d.where.admin = {"Southland", "SY92", "All South", "SY9201"};
    d.where.place->admin = d.where.admin;
    const LayerBuilder builder{IncidentFilter{}, WeightExpression::parse("casualties"),
                               read_admin_polygons(test::make_admin_source(dir.path()))};
    const auto chosen = builder.selected(incidents);

    const auto in = builder.incidents_table(chosen);
    const Row* row = row_with(in, "incident_id", "inc-d");
    REQUIRE(row);
    CHECK(value<std::string>(in, *row, "admin1_pcode") == "SY92");
    CHECK(is_null(in, *row, "admin2_pcode"));
    CHECK(is_null(in, *row, "admin2_name"));
    const Row* a = row_with(in, "incident_id", "inc-a");
    CHECK(value<std::string>(in, *a, "admin2_pcode") == "SY9101");

    const auto districts = builder.districts_table(chosen);
    CHECK(value<long long>(districts, *row_with(districts, "admin2_pcode", "SY9201"),
                           "incidents") == 0);
    const auto governorates = builder.governorates_table(chosen);
    const Row* south = row_with(governorates, "admin1_pcode", "SY92");
    CHECK(value<long long>(governorates, *south, "incidents") == 1);
    CHECK(value<long long>(governorates, *south, "governorate_level") == 1);
    const Row* north = row_with(governorates, "admin1_pcode", "SY91");
    CHECK(value<long long>(governorates, *north, "governorate_level") == 0);
}

TEST_CASE(
    "incident rows and admin totals carry the killed and injured ranges the briefing "
    "adds up",
    "[builder]") {
    test::TempDir dir{"ranges"};
    auto incidents = test::sample_incidents();
    incidents[0].casualties.killed = Count{24, 24, 99, true};   // "dozens killed"
    incidents[0].casualties.injured = Count{30, 27, 33, true};  // "about 30 injured"
    incidents[1].casualties.injured = Count{5, 0, 0, false};    // read back with its estimate only
    const LayerBuilder builder{IncidentFilter{}, WeightExpression::parse("casualties"),
                               read_admin_polygons(test::make_admin_source(dir.path()))};
    const auto chosen = builder.selected(incidents);
    const auto in = builder.incidents_table(chosen);
    const Row* a = row_with(in, "incident_id", "inc-a");
    CHECK(value<long long>(in, *a, "killed") == 24);
    CHECK(value<long long>(in, *a, "killed_high") == 99);
    CHECK(value<long long>(in, *a, "injured_low") == 27);
    CHECK(value<long long>(in, *a, "injured_high") == 33);
    const Row* b = row_with(in, "incident_id", "inc-b");
    CHECK(value<long long>(in, *b, "injured_low") == 5);
    CHECK(value<long long>(in, *b, "injured_high") == 5);

    const auto t = builder.governorates_table(chosen);
    const Row* north = row_with(t, "admin1_pcode", "SY91");
    CHECK(value<long long>(t, *north, "killed") == 26);
    CHECK(value<long long>(t, *north, "killed_low") == 26);
    CHECK(value<long long>(t, *north, "killed_high") == 101);
    CHECK(value<long long>(t, *north, "injured") == 35);
    CHECK(value<long long>(t, *north, "injured_low") == 32);
    CHECK(value<long long>(t, *north, "injured_high") == 38);
}

TEST_CASE("places count incidents, and mentions come from the resolver when given",
          "[builder]") {
    {
        Built b;
        const auto& t = b.layer("places");
        CHECK(t.rows.size() == 3);
    }
    test::TempDir dir{"mentions"};
    const auto incidents = test::sample_incidents();
    const auto articles = test::sample_articles();
    std::vector<PlaceMentions> mentions{{*incidents[0].where.place, 5},
                                        {test::make_place(104, "Dune", 37.9, 35.9, "SY91", "Northland", "SY9102"), 2}};
    const LayerBuilder builder{IncidentFilter{}, WeightExpression::parse("killed"),
                               read_admin_polygons(test::make_admin_source(dir.path()))};
    const auto t = builder.places_table(builder.selected(incidents), mentions);
    REQUIRE(t.rows.size() == 4);
    const int id = t.field_index("place_id");
    for (const auto& row : t.rows) {
        const auto place = std::get<long long>(row.values[static_cast<std::size_t>(id)]);
        const auto mentioned = std::get<long long>(row.values[static_cast<std::size_t>(t.field_index("mentions"))]);
        const auto incidents_at = std::get<long long>(row.values[static_cast<std::size_t>(t.field_index("incidents"))]);
        if (place == 101) CHECK((mentioned == 5 && incidents_at == 1));
        if (place == 104) CHECK((mentioned == 2 && incidents_at == 0));
    }
}

TEST_CASE("articles list only sources that selected incidents link to", "[builder]") {
    Built b;
    const auto& t = b.layer("articles");
    REQUIRE(t.rows.size() == 2);
    const Row* first = row_with(t, "article_id", "art-1");
    REQUIRE(first);
    CHECK(value<long long>(t, *first, "incidents") == 2);
    CHECK(value<Date>(t, *first, "published") == Date{2024, 3, 10});
    CHECK_FALSE(row_with(t, "article_id", "art-3"));
}

TEST_CASE("an article whose incidents are not next to each other counts all of them, once",
          "[builder]") {
    Built b;
    // art-1's incidents, then another article's, then art-1's again.
    Incident later = b.incidents.front();
    later.incident_id = "inc-later";
    b.incidents.push_back(later);
    b.layers = LayerBuilder{IncidentFilter{}, WeightExpression::parse("casualties"),
                            read_admin_polygons(test::make_admin_source(b.dir.path()))}
                   .build({b.incidents, b.articles, b.mentions});
    const auto& t = b.layer("articles");
    REQUIRE(t.rows.size() == 2);
    const Row* first = row_with(t, "article_id", "art-1");
    REQUIRE(first);
    CHECK(value<long long>(t, *first, "incidents") == 3);
}

TEST_CASE("streamed layers read their incidents and articles again each time they are written",
          "[builder]") {
    test::TempDir dir{"builder"};
    const auto incidents = test::sample_incidents();
    const auto articles = test::sample_articles();
    int incident_passes = 0, article_passes = 0;
    const LayerSources input{[&](const auto& visit) {
                                 ++incident_passes;
                                 for (const auto& i : incidents) visit(i);
                             },
                             [&](const auto& visit) {
                                 ++article_passes;
                                 for (const auto& a : articles) visit(a);
                             },
                             {}};
    const LayerBuilder builder{IncidentFilter{}, WeightExpression::parse("casualties"),
                               read_admin_polygons(test::make_admin_source(dir.path()))};
    const auto layers = builder.stream(input);
    CHECK(incident_passes == 1);  // the totals, places and article counts
    CHECK(article_passes == 0);
    REQUIRE(layers.front().table.name == "incidents");
    CHECK(layers.front().table.rows.empty());
    for (int pass = 0; pass < 2; ++pass) {
        std::size_t rows = 0;
        layers.front().rows([&](const Row&) { ++rows; });
        CHECK(rows == 3);
        layers.back().rows([&](const Row&) { ++rows; });
        CHECK(rows == 5);
    }
    CHECK(incident_passes == 3);
    CHECK(article_passes == 2);
}

TEST_CASE("an incident across the border has no Syrian unit, no point and no place in the totals",
          "[builder][border]") {
    // As a gazetteer built with the nearest-district rule for every place left it: a town in
    // Iraq just outside Northland, carrying Northland's P-codes.
    Place qaim = test::make_place(92138, "Al Qa'im", 36.5, 35.2, "SY91", "Northland", "SY9101", "town");
    qaim.country_code = "IQ";
    Incident across = test::make_incident("inc-iq", "art-iq", IncidentRole::current, "air_strike",
                                          Date{2024, 3, 6}, 2, 1, qaim, 1);
    across.where.country_code = "IQ";
    across.where.admin = {};  // the extractor gives no units of its own outside Syria

    Built without;
    Built with;
    with.incidents.push_back(across);
    with.layers = LayerBuilder{IncidentFilter{}, WeightExpression::parse("casualties"),
                               read_admin_polygons(test::make_admin_source(with.dir.path()))}
                      .build({with.incidents, with.articles, with.mentions});

    const LayerTable& incidents = with.layer("incidents");
    const Row* row = row_with(incidents, "incident_id", "inc-iq");
    REQUIRE(row);
    CHECK(value<std::string>(incidents, *row, "country_code") == "IQ");
    for (const char* field : {"admin1_name", "admin1_pcode", "admin2_name", "admin2_pcode"})
        CHECK(is_null(incidents, *row, field));
    CHECK_FALSE(row->point);

    for (const char* layer : {"governorates", "districts", "governorate_points"}) {
        INFO(layer);
        const LayerTable& a = without.layer(layer);
        const LayerTable& b = with.layer(layer);
        REQUIRE(a.rows.size() == b.rows.size());
        for (std::size_t n = 0; n < a.rows.size(); ++n) {
            CHECK(value<long long>(a, a.rows[n], "incidents") ==
                  value<long long>(b, b.rows[n], "incidents"));
            CHECK(value<long long>(a, a.rows[n], "killed") ==
                  value<long long>(b, b.rows[n], "killed"));
        }
    }
    const LayerTable& places = with.layer("places");
    const Row* place = row_with(places, "name", "Al Qa'im");
    REQUIRE(place);
    CHECK(is_null(places, *place, "admin1_pcode"));

    IncidentFilter northland;
    northland.governorate = "SY91";
    CHECK_FALSE(northland.matches(across));
}
