#pragma once
// Development evaluation over the real articles of ../shared/corpus: FA-KES crowd labels and
// the UCDP-AEC records whose codings are published. Labels marked WITHHELD belong to a held-out
// gold set: those rows are skipped, never guessed. Method and figures: bench/README.md.
#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "extract/extractor.hpp"

namespace incimap::eval {

// The crowd's coding of one FA-KES article (fakes_annotated.csv).
struct FakesLabel {
    std::string unit_id;
    std::string location;  // governorate, lower case ("deir ezzor")
    std::string actor;
    std::string cause_of_death;  // shelling, explosion, shooting, execution, ..., unknown
    int civilians = 0;
    int noncivilians = 0;
    int children = 0;  // part of civilians
    int women = 0;     // part of civilians
    int killed() const { return civilians + noncivilians; }
};

// Labels by unit_id. Rows whose labels read WITHHELD are left out and counted in `withheld`.
// Throws incimap::Error when the file cannot be read or lacks a column.
std::map<std::string, FakesLabel> read_fakes_labels(const std::filesystem::path& csv,
                                                    std::size_t& withheld);

// Counts over FA-KES; the ratios are formed when printing (bench/README.md defines each).
struct FakesFigures {
    std::size_t rows = 0;             // articles read
    std::size_t withheld = 0;         // skipped: labels held out
    std::size_t scored = 0;           // articles with labels
    std::size_t crowd_deaths = 0;     // scored articles whose crowd killed count is > 0
    std::size_t with_incident = 0;    // scored articles with >= 1 current incident
    std::size_t found = 0;            // crowd_deaths articles with >= 1 current incident
    std::size_t killed_answered = 0;  // the primary incident has a killed count
    std::size_t killed_exact_primary = 0;
    std::size_t killed_exact_sum = 0;
    std::size_t killed_in_range = 0;  // crowd count inside the primary's low..high
    std::size_t killed_close = 0;     // within 20 % (or 1) of the crowd count
    std::size_t gov_labelled = 0;     // crowd governorate known to the gazetteer
    std::size_t gov_answered = 0;     // ... and the primary incident has an admin1
    std::size_t gov_correct = 0;
    std::size_t gov_correct_lenient = 0;  // Damascus and Rural Damascus taken as one
    std::size_t type_comparable = 0;      // crowd cause maps to types, primary exists
    std::size_t type_agree = 0;
    std::size_t incidents = 0;  // current incidents in all scored articles
    std::size_t bytes = 0;      // article text extracted
    double seconds = 0;         // wall time of the extraction
};

// One UCDP-AEC worked example: the coding and what incimap made of the article.
struct UcdpExample {
    std::string id;
    int deaths_low = 0, deaths_best = 0, deaths_high = 0;
    std::string adm1, where;
    std::optional<Date> start, end;
    std::size_t current = 0;    // current incidents extracted
    std::size_t matching = 0;   // ... in the coded governorate and dates
    std::optional<int> killed;  // primary incident
    std::string our_adm1, our_place;
    std::optional<Date> our_date;
    bool killed_in_range = false, killed_is_best = false, adm1_match = false, date_match = false;
};

struct UcdpFigures {
    std::size_t records = 0;   // records with text
    std::size_t withheld = 0;  // skipped: labels held out
    std::vector<UcdpExample> examples;
};

struct CorpusFigures {
    FakesFigures fakes;
    UcdpFigures ucdp;
};

// `corpus_dir` is ../shared/corpus. `threads` workers share the extractor (0: all cores).
FakesFigures evaluate_fakes(const Extractor& extractor, const Gazetteer& gazetteer,
                            const std::filesystem::path& corpus_dir, unsigned threads = 0);
UcdpFigures evaluate_ucdp(const Extractor& extractor, const Gazetteer& gazetteer,
                          const std::filesystem::path& corpus_dir);

// part / whole (0 when whole is 0), shared by the report and the floors of tests/eval.
double ratio(std::size_t part, std::size_t whole);

void print_report(std::ostream& out, const CorpusFigures& figures);

}  // namespace incimap::eval
