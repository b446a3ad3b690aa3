#pragma once
// Cells of the CSV files incimap writes (dedup_report.csv, and the -f CSV layers through
// GDAL's CSV driver). Article ids, titles and sentences come from the web: a cell that
// starts like a formula is run by spreadsheet programs when the file is opened.
#include <string>
#include <string_view>

namespace incimap {

// OWASP's "CSV Injection" advice: a text cell beginning with =, +, -, @, a tab or a carriage
// return gets a leading single quote, which spreadsheets show as text and never evaluate.
// A cell that is a plain number ("-3", "+1.5") is left alone: it cannot hold a formula.
std::string neutralise_formula(std::string_view cell);

// neutralise_formula(), then RFC 4180 quoting when the cell holds a comma, quote or line
// break.
std::string csv_field(std::string_view cell);

}  // namespace incimap
