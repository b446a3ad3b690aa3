// Extraction time grows with an article's length, not with its square, and does not depend on
// whether its sentences stand in one paragraph or on lines of their own. Each check compares
// CPU times measured in this process on the same sentences, with a bound far below what a
// quadratic step gives (over 10x here before the resolver indexed the article); no absolute
// time is checked.
#include <catch2/catch.hpp>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>

#include "../gazetteer/gazetteer_fixture.hpp"
#include "extract/extractor.hpp"
#include "gazetteer/resolver.hpp"

using namespace incimap;

namespace {

double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Sentences that each report an event in another Syrian village of the real gazetteer's source
// (gazetteer/wof_places.tsv), so that the number of places an article names grows with it.
std::vector<std::string> village_sentences(std::size_t count) {
    std::ifstream tsv(test::source_dir() / "gazetteer" / "wof_places.tsv");
    std::vector<std::string> out;
    std::set<std::string> names;
    std::string line;
    std::getline(tsv, line);  // header: wof_id name name_eng name_ara variants lat lon population
                              // geonames_id placetype
    while (out.size() < count && std::getline(tsv, line)) {
        std::vector<std::string> cells;
        std::stringstream fields(line);
        for (std::string cell; std::getline(fields, cell, '\t');) cells.push_back(cell);
        if (cells.size() < 10 || cells[9] != "locality") continue;
        const std::string& name = cells[1];
        if (name.size() < 4 ||
            name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -") !=
                std::string::npos ||
            !names.insert(name).second)
            continue;
        out.push_back(std::to_string(2 + out.size() % 7) +
                      " civilians were killed by shelling on " + name +
                      " on Monday, local sources said.");
    }
    return out;
}

std::string joined(const std::vector<std::string>& sentences, std::size_t from, std::size_t to,
                   const char* separator) {
    std::string text;
    for (std::size_t i = from; i < to; ++i) text += (i > from ? separator : "") + sentences[i];
    return text;
}

// CPU seconds to extract the articles, the least of two runs.
double extraction_seconds(const Extractor& extractor, const std::vector<Article>& articles,
                          std::size_t& incidents) {
    double best = 1e9;
    for (int run = 0; run < 2; ++run) {
        incidents = 0;
        const double start = thread_cpu_seconds();
        for (const Article& a : articles) incidents += extractor.extract(a).size();
        best = std::min(best, thread_cpu_seconds() - start);
    }
    return best;
}

Article article(std::string text) {
    Article a;
    a.id = "long";
    a.text = std::move(text);
    return a;
}

}  // namespace

TEST_CASE("a long article costs its length: one paragraph, lines, or many short articles",
          "[extract][linear]") {
    const Gazetteer& gazetteer = test::real_gazetteer();
    const Resolver resolver(gazetteer);
    const Extractor extractor(gazetteer, resolver);
    constexpr std::size_t kSentences = 1500, kPerShortArticle = 50;
    const auto sentences = village_sentences(kSentences);
    REQUIRE(sentences.size() == kSentences);

    std::vector<Article> short_articles;
    for (std::size_t from = 0; from < sentences.size(); from += kPerShortArticle)
        short_articles.push_back(article(joined(sentences, from, from + kPerShortArticle, "\n")));
    std::size_t in_paragraph = 0, in_lines = 0, in_short = 0;
    const double paragraph = extraction_seconds(
        extractor, {article(joined(sentences, 0, kSentences, " "))}, in_paragraph);
    const double lines =
        extraction_seconds(extractor, {article(joined(sentences, 0, kSentences, "\n"))}, in_lines);
    const double short_ones = extraction_seconds(extractor, short_articles, in_short);
    INFO("CPU s: one paragraph " << paragraph << ", lines " << lines << ", "
                                 << short_articles.size() << " short articles " << short_ones);
    // Every sentence tells an event whose place is resolved, however they are later merged.
    CHECK(in_paragraph >= 1);
    CHECK(in_lines >= kSentences / 2);
    CHECK(in_short >= kSentences / 2);
    CHECK(paragraph <= 3.0 * lines);
    CHECK(lines <= 4.0 * short_ones);
}
