// The briefing pages: escaping of untrusted text, self-containment, empty periods, files.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/error.hpp"
#include "output/brief.hpp"
#include "output/brief_render.hpp"
#include "output/brief_text.hpp"
#include "output/brief_writer.hpp"
#include "output/svg_chart.hpp"
#include "output/svg_map.hpp"
#include "temp_dir.hpp"

using namespace incimap;
namespace fs = std::filesystem;

namespace {

Incident sample(const char* date, std::string sentence, int killed) {
    Incident i;
    i.incident_id = date;
    i.article_id = "art-1";
    i.event_type = "battle";
    i.event_date = Date::parse_iso(date);
    i.date_precision = DatePrecision::day;
    i.casualties.killed = Count::exact(killed);
    Place p;
    p.name = "Qaryat <b>Test</b>";
    p.admin = {"Hama", "SY05", "", ""};
    p.point = {36.7, 35.1};
    i.where.place = p;
    i.where.point = p.point;
    i.evidence = std::move(sentence);
    return i;
}

const char* hostile = "Gunmen hit the <script>alert('x')</script> post | and \"fled\" & hid.";

MapBoundaries square() {
    MapBoundary unit;
    unit.pcode = "SY05";
    unit.name = "Hama";
    unit.polygons.push_back(
        {{{36.0, 34.5}, {37.5, 34.5}, {37.5, 35.6}, {36.0, 35.6}, {36.0, 34.5}}});
    MapBoundaries b;
    b.units.push_back(unit);
    return b;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}


}  // namespace

TEST_CASE("escapes markup in article sentences on the HTML page", "[brief]") {
    const BriefReport r = build_brief({sample("2022-04-02", hostile, 3)}, {}, {});
    const std::string html = render_brief_html(r, {});
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&quot;fled&quot; &amp; hid") != std::string::npos);
    CHECK(html.find("<b>Test</b>") == std::string::npos);
    CHECK(html.find("Qaryat &lt;b&gt;Test&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("escapes markup and table pipes in the Markdown", "[brief]") {
    const BriefReport r = build_brief({sample("2022-04-02", hostile, 3)}, {}, {});
    const std::string md = render_brief_markdown(r, {});
    CHECK(md.find("<script") == std::string::npos);
    CHECK(md.find("post \\| and") != std::string::npos);
    CHECK(markdown_escape("a|b\nc*d") == "a\\|b c\\*d");
}

TEST_CASE("builds a page that loads nothing from elsewhere", "[brief]") {
    std::vector<Incident> incidents = {sample("2022-04-02", "One.", 3),
                                       sample("2022-04-20", "Two.", 0)};
    incidents[1].where.place->admin = {"Idleb", "SY07", "", ""};
    BriefAssets assets;
    assets.boundaries = square();
    assets.heatmap_png = std::string("\x89PNG\r\n\x1a\n", 8);
    const std::string html = render_brief_html(build_brief(incidents, {}, {}), assets);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    // Every src is a data: URI; the only http is the SVG namespace name, which is never fetched.
    const std::regex src(R"re(src="([^"]*)")re");
    int images = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), src);
         it != std::sregex_iterator(); ++it) {
        CHECK((*it)[1].str().rfind("data:image/png;base64,", 0) == 0);
        ++images;
    }
    CHECK(images == 1);
    const std::regex http("https?://(?!www\\.w3\\.org/2000/svg)");
    CHECK_FALSE(std::regex_search(html, http));
    for (const char* heading :
         {"Headline figures", "By governorate", "Trend", "Map", "Top places", "Evidence"})
        CHECK(html.find(std::string(">") + heading + "</h2>") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("class=\"unit\"") != std::string::npos);
}

TEST_CASE("says plainly on both pages that an empty period has no incidents", "[brief]") {
    BriefOptions o;
    o.period = parse_period("2023-01");
    const BriefReport r = build_brief({sample("2022-04-02", "One.", 3)}, {}, o);
    const std::string sentence =
        "No incidents were recorded in Syria between 1 Jan 2023 and 31 Jan 2023.";
    const std::string html = render_brief_html(r, {});
    CHECK(html.find(sentence) != std::string::npos);
    CHECK(html.find(">Evidence</h2>") == std::string::npos);
    CHECK(render_brief_markdown(r, {}).find(sentence) != std::string::npos);
    const std::string none = render_brief_html(build_brief({}, {}, {}), {});
    CHECK(none.find("There are no incidents in this run") != std::string::npos);
}

TEST_CASE("shows vague totals as ranges on the page", "[brief]") {
    std::vector<Incident> incidents = {sample("2022-04-02", "One.", 3),
                                       sample("2022-04-03", "Two.", 0)};
    incidents[1].casualties.killed = Count{20, 20, 50, true};
    const BriefReport r = build_brief(incidents, {}, {});
    CHECK(render_brief_html(r, {}).find(">23-53</div>") != std::string::npos);
    CHECK(render_brief_markdown(r, {}).find("| Killed | 23-53 |") != std::string::npos);
}

TEST_CASE("writes brief.html and brief.md and leaves no temporary file", "[brief]") {
    const test::TempDir scratch("brief");
    const fs::path dir = scratch.path();
    const BriefReport r = build_brief({sample("2022-04-02", "One.", 3)}, {}, {});
    const BriefFiles files = write_brief(r, {}, dir / "brief.html");
    CHECK(files.markdown == dir / "brief.md");
    CHECK(slurp(files.html).rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(slurp(files.markdown).rfind("# Syria: violent incidents", 0) == 0);
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 2);
    CHECK_THROWS_AS(write_brief(r, {}, dir / "missing" / "brief.html"), Error);
    fs::remove_all(dir);
}

TEST_CASE("encodes images as base64", "[brief]") {
    CHECK(base64_encode("") == "");
    CHECK(base64_encode("M") == "TQ==");
    CHECK(base64_encode("Ma") == "TWE=");
    CHECK(base64_encode("Man") == "TWFu");
    CHECK(base64_encode(std::string("\xff\x00\x10", 3)) == "/wAQ");
}

TEST_CASE("rounds chart axes up to 1, 2 or 5 times a power of ten", "[brief]") {
    CHECK(nice_axis(0).max == 1);
    CHECK(nice_axis(7).max == 8);
    CHECK(nice_axis(7).step == 2);
    CHECK(nice_axis(37).max == 40);
    CHECK(nice_axis(1234).max == 1500);
}

TEST_CASE("draws one bar per non-zero value and a lighter bar for each range", "[brief]") {
    BarChartSpec spec;
    spec.labels = {"a", "b", "c"};
    spec.series.push_back({"killed", "#b03a2e", {0, 4, 2}, {0, 9, 2}});
    const std::string svg = svg_bar_chart(spec);
    const auto count = [&](const std::string& needle) {
        std::size_t n = 0;
        for (auto p = svg.find(needle); p != std::string::npos; p = svg.find(needle, p + 1)) ++n;
        return n;
    };
    CHECK(count("fill=\"#b03a2e\"><title>") == 2);
    CHECK(count("fill-opacity=\"0.3\"><title>") == 1);
}

TEST_CASE("zooms the map to the governorate asked for", "[brief]") {
    MapBoundaries b = square();
    MapBoundary far;
    far.pcode = "SY09";
    far.name = "Far";
    far.polygons.push_back({{{40.0, 34.5}, {41.0, 34.5}, {41.0, 35.5}, {40.0, 34.5}}});
    b.units.push_back(far);
    SvgMapSpec spec;
    spec.width = 500;
    spec.focus = "SY05";
    const std::string svg = svg_incident_map(b, {{{36.7, 35.1}, 5, "x"}}, spec);
    CHECK(svg.find("class=\"unit dim\"") != std::string::npos);
    // Hama spans the width: its western edge sits 0.1 degree (the least padding) of 1.7 in.
    CHECK(svg.find("<path d=\"M29.4 ") != std::string::npos);
}

TEST_CASE("briefs on every incident, without trend or comparison, when none has a date",
          "[brief]") {
    std::vector<Incident> incidents = {sample("2022-04-02", "One.", 3),
                                       sample("2022-04-03", "Two.", 4)};
    for (Incident& i : incidents) i.event_date.reset();
    const BriefReport r = build_brief(incidents, {}, {});
    CHECK(r.dates_unknown);
    CHECK_FALSE(r.period);
    CHECK(r.totals.killed.low == 7);
    CHECK(r.evidence.size() == 2);
    const std::string html = render_brief_html(r, {});
    CHECK(html.find("Syria: violent incidents, dates unknown") != std::string::npos);
    CHECK(html.find(">Trend</h2>") == std::string::npos);
    CHECK(html.find(">Evidence</h2>") != std::string::npos);
    CHECK(render_brief_markdown(r, {}).find("## Trend") == std::string::npos);
    BriefOptions o;
    o.period = parse_period("2022-04");
    CHECK(build_brief(incidents, {}, o).empty());  // a period asked for counts dated incidents only
}
