#pragma once
// Constants of the compiled gazetteer database shared by its builder and its loader.
// The full contract (tables and columns) is in gazetteer/README.md.
#include <cstdint>
#include <string_view>

namespace incimap::gazetteer_schema {

// Bump when a table or column changes; the loader refuses other versions.
inline constexpr std::string_view version = "1";

// Row ids of places. WOF ids (85,000,000..2,000,000,000) and GeoNames ids (< 20,000,000) keep
// their own values; the ranges below cannot collide with either.
inline constexpr std::int64_t supplement_base = 9'000'000'000;  // + supplement.tsv id
// supplement_lines.tsv numbers its rows on its own, so its ids get their own range.
inline constexpr std::int64_t supplement_line_base = 9'050'000'000;  // + supplement_lines.tsv id
inline constexpr std::int64_t admin1_base = 9'100'000'000;      // + digits of SYnn
inline constexpr std::int64_t admin2_base = 9'200'000'000;      // + digits of SYnnnn
inline constexpr std::int64_t country_base = 9'300'000'000;     // + (A..Z)*26 + (A..Z) of ISO2
inline constexpr std::int64_t neighbourhood_base = 9'400'000'000; // + neighbourhoods.tsv id

}  // namespace incimap::gazetteer_schema
