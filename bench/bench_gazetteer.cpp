// Gazetteer load time and resolutions per second, with a baseline measured in the same run:
// a plain std::unordered_map from the names as written to a point. Report the resolver as a
// ratio against that baseline (e.g. "resolve without context = 40x the map lookup"), since
// absolute figures depend on the machine.
//   bench_gazetteer [--benchmark_filter=...]   (gazetteer: $INCIMAP_GAZETTEER or the build tree's)
#include <benchmark/benchmark.h>

#include <array>
#include <string>
#include <unordered_map>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/resolver.hpp"

namespace {

using incimap::Gazetteer;

// Names as news reports write them: big cities, ambiguous villages, Arabic script, other
// countries, conflict features, and a miss.
constexpr std::array<std::string_view, 24> kNames = {
    "Homs",     "Aleppo",      "Damascus",  "Deir Ezzor", "Raqqa",     "Idlib",
    "Hama",     "Hasakeh",     "Palmyra",   "al-Sukhna",  "al-Tayba",  "Dibsi Afnan",
    "al-Tanf",  "al-Shadadi",  "Qamishli",  "Douma",      "Manbij",    "Afrin",
    "تدمر",     "دير الزور",   "Jenin",     "Mosul",      "al-Omar",   "Nowhereville"};

// A paragraph written for this benchmark, with the clues the resolver reads: governorate
// areas, neighbouring places, country words.
constexpr std::string_view kContext =
    "Syrian state media said a roadside bomb hit a bus near al-Sukhna in the eastern Homs "
    "countryside on Tuesday, while a second blast was reported on the road to Palmyra. "
    "Fighting also continued in the countryside of Deir Ezzor, south of Raqqa province.";

const Gazetteer& gazetteer() {
    static const std::unique_ptr<Gazetteer> g = Gazetteer::open(Gazetteer::default_path());
    return *g;
}

void BM_GazetteerLoad(benchmark::State& state) {
    const auto path = Gazetteer::default_path();
    std::size_t places = 0;
    for (auto _ : state) {
        auto g = Gazetteer::open(path);
        places = g->place_count();
        benchmark::DoNotOptimize(g);
    }
    state.counters["places"] = static_cast<double>(places);
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond)->Iterations(3);

// Baseline: the cheapest conceivable resolution, a hash lookup of the exact string.
void BM_BaselineUnorderedMap(benchmark::State& state) {
    std::unordered_map<std::string, incimap::LonLat> map;
    for (std::size_t i = 0; i < kNames.size(); ++i)
        map.emplace(std::string(kNames[i]), incimap::LonLat{36.0 + i * 0.1, 34.0});
    std::size_t i = 0;
    for (auto _ : state) {
        auto it = map.find(std::string(kNames[i++ % kNames.size()]));
        benchmark::DoNotOptimize(it);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BaselineUnorderedMap);

void BM_LookupOnly(benchmark::State& state) {
    const Gazetteer& g = gazetteer();
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(g.lookup(kNames[i++ % kNames.size()]));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LookupOnly);

void BM_ResolveWithoutContext(benchmark::State& state) {
    const incimap::Resolver resolver(gazetteer());
    const incimap::ResolveContext none;
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(resolver.resolve(kNames[i++ % kNames.size()], none));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ResolveWithoutContext);

// Context analysed once per article and reused for every name in it, as the pipeline does.
void BM_ResolveWithPreparedContext(benchmark::State& state) {
    const incimap::Resolver resolver(gazetteer());
    const incimap::ContextClues clues = resolver.analyse({std::string(kContext), {}, {}});
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(resolver.resolve(kNames[i++ % kNames.size()], clues));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ResolveWithPreparedContext);

// Context read afresh for every name: what `incimap resolve --context` does once.
void BM_ResolveWithContextText(benchmark::State& state) {
    const incimap::Resolver resolver(gazetteer());
    const incimap::ResolveContext context{std::string(kContext), {}, {}};
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(resolver.resolve(kNames[i++ % kNames.size()], context));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ResolveWithContextText);

}  // namespace

BENCHMARK_MAIN();
