// libFuzzer target: the whole Extractor on arbitrary text, with and without a publication
// date. The gazetteer is loaded once ($INCIMAP_GAZETTEER, else the build tree's) because
// loading it per input would leave no time for fuzzing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "extract/extractor.hpp"
#include "gazetteer/resolver.hpp"

namespace {

struct Pipeline {
    std::unique_ptr<incimap::Gazetteer> gazetteer;
    std::unique_ptr<incimap::Resolver> resolver;
    std::unique_ptr<incimap::Extractor> extractor;
};

// libFuzzer's interface is two free functions, so the loaded pipeline has to live at
// namespace scope; it is written once in LLVMFuzzerInitialize and only read afterwards.
Pipeline& pipeline() {
    static Pipeline p;
    return p;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    try {
        auto& p = pipeline();
        p.gazetteer = incimap::Gazetteer::open(incimap::Gazetteer::default_path());
        p.resolver = std::make_unique<incimap::Resolver>(*p.gazetteer);
        p.extractor = std::make_unique<incimap::Extractor>(*p.gazetteer, *p.resolver);
    } catch (const incimap::Error& e) {
        std::cerr << "fuzz_extract: cannot load the gazetteer: " << e.located()
                  << " (set INCIMAP_GAZETTEER)\n";
        std::exit(2);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    incimap::Article article;
    article.id = "fuzz";
    article.text.assign(reinterpret_cast<const char*>(data), size);
    const auto& extractor = *pipeline().extractor;
    // Relative dates take another path with a publication date than without one.
    for (const auto& i : extractor.extract(article))
        if (i.evidence_offset > article.text.size()) std::abort();
    article.published = incimap::Date{2021, 2, 22};
    for (const auto& i : extractor.extract(article)) {
        if (i.evidence_offset > article.text.size()) std::abort();
        if (i.confidence < 0 || i.confidence > 1) std::abort();
    }
    return 0;
}
