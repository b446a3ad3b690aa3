#pragma once
// Small invented reports and a temporary directory for the store tests.
#include <atomic>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "core/article.hpp"
#include "core/incident.hpp"

namespace incimap::test {

// A fresh directory, removed with everything in it when the test ends.
class TempDir {
public:
    explicit TempDir(const std::string& tag) {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("incimap-" + tag + "-" + std::to_string(::getpid()) + "-" +
                 std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline Article make_article(const std::string& id, const std::string& text,
                            const std::string& published = "2023-03-10") {
    Article a;
    a.id = id;
    a.title = "Title of " + id;
    a.text = text;
    a.published = Date::parse_iso(published);
    a.source = "Example Outlet";
    a.url = "https://example.org/" + id;
    a.origin = id + ".txt";
    return a;
}

inline Incident make_report(const std::string& article_id, const std::string& type,
                            const std::string& date, std::int64_t place_id,
                            const std::string& place, LonLat point, int killed) {
    Incident in;
    in.incident_id = article_id + "-" + type;
    in.article_id = article_id;
    in.event_type = type;
    in.event_date = Date::parse_iso(date);
    in.date_precision = in.event_date ? DatePrecision::day : DatePrecision::unknown;
    if (killed >= 0) in.casualties.killed = Count::exact(killed);
    Place p;
    p.id = place_id;
    p.name = place;
    p.feature_type = "town";
    p.country_code = "SY";
    p.point = point;
    p.admin = {"Homs", "SY04", "Tadmor", "SY0403"};
    in.where.text = "near " + place;
    in.where.place = p;
    in.where.point = point;
    in.where.geo_precision = 2;
    in.where.country_code = "SY";
    in.where.admin = p.admin;
    in.evidence = "An invented sentence about " + place + ".";
    in.evidence_offset = 12;
    in.confidence = 0.8;
    return in;
}

}  // namespace incimap::test
