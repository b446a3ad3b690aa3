// Extraction on a pool of workers: results in input order whatever the threads and the read-ahead
// window, and a failing article reported in its own result without stopping the others.
#include <catch2/catch.hpp>
#include <stdexcept>

#include "../extract/fake_gazetteer.hpp"
#include "pipeline/parallel_extraction.hpp"

using namespace incimap;

namespace {

// A gazetteer that cannot read one article: extraction of a text naming "Unreadable" throws.
class FailingGazetteer final : public Gazetteer {
public:
    FailingGazetteer() { places_.add({"Palmyra"}, "city", 34.56, 38.28); }
    std::vector<const Place*> lookup(std::string_view name) const override {
        return places_.lookup(name);
    }
    const Place* by_id(std::int64_t id) const override { return places_.by_id(id); }
    const Place* governorate(std::string_view name) const override {
        return places_.governorate(name);
    }
    AdminUnits admin_at(LonLat point) const override { return places_.admin_at(point); }
    std::vector<Mention> find_mentions(std::string_view text) const override {
        if (text.find("Unreadable") != std::string_view::npos)
            throw std::runtime_error("cannot read this one");
        return places_.find_mentions(text);
    }
    std::size_t place_count() const override { return places_.place_count(); }

private:
    test::FakeGazetteer places_;
};

Article numbered(std::size_t i, bool readable = true) {
    Article a;
    a.id = "a" + std::to_string(i);
    a.origin = "input.jsonl:" + std::to_string(i + 1);
    a.text = std::to_string(i + 2) + " civilians were killed by shelling on Palmyra on Monday." +
             (readable ? "" : " Unreadable.");
    return a;
}

}  // namespace

TEST_CASE("ordered extraction hands back every article in input order, failures included",
          "[pipeline][extraction]") {
    const FailingGazetteer gazetteer;
    const Resolver resolver(gazetteer);
    const Extractor extractor(gazetteer, resolver);
    constexpr std::size_t kArticles = 40, kFailing = 17;
    for (const unsigned threads : {1u, 2u, 4u}) {
        for (const std::size_t window : {std::size_t{1}, std::size_t{3}, std::size_t{0}}) {
            INFO(threads << " threads, window " << window);
            std::vector<std::string> ids, errors;
            std::size_t incidents = 0;
            OrderedExtraction extraction(
                extractor, threads,
                [&](Article&& a, ExtractionResult&& r) {
                    ids.push_back(a.id);
                    if (!r.error.empty()) errors.push_back(a.origin + ": " + r.error);
                    incidents += r.incidents.size();
                },
                window);
            for (std::size_t i = 0; i < kArticles; ++i) extraction.add(numbered(i, i != kFailing));
            extraction.finish();
            REQUIRE(ids.size() == kArticles);
            for (std::size_t i = 0; i < kArticles; ++i) CHECK(ids[i] == "a" + std::to_string(i));
            CHECK(errors == std::vector<std::string>{"input.jsonl:18: cannot read this one"});
            CHECK(incidents == kArticles - 1);
        }
    }
}

TEST_CASE("ordered extraction stops cleanly when the sink throws", "[pipeline][extraction]") {
    const FailingGazetteer gazetteer;
    const Resolver resolver(gazetteer);
    const Extractor extractor(gazetteer, resolver);
    auto run = [&] {
        OrderedExtraction extraction(
            extractor, 2,
            [](Article&& a, ExtractionResult&&) {
                if (a.id == "a5") throw std::runtime_error("output closed");
            },
            4);
        for (std::size_t i = 0; i < 20; ++i) extraction.add(numbered(i));
        extraction.finish();
    };
    CHECK_THROWS_WITH(run(), "output closed");
}
