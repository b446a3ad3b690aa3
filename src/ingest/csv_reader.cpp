// CSV through GDAL's CSV driver, which handles quoting, quoted line breaks and separators.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>

#include "ingest/encoding.hpp"
#include "ingest/format_readers.hpp"

namespace incimap::ingest {

namespace {

// Collects GDAL's messages while it lives instead of letting them reach stderr. The handler
// must not throw into GDAL's C code, so it only records; callers act after the C call returns.
class GdalErrorCollector {
public:
    GdalErrorCollector() { CPLPushErrorHandlerEx(&GdalErrorCollector::handle, this); }
    ~GdalErrorCollector() { CPLPopErrorHandler(); }
    GdalErrorCollector(const GdalErrorCollector&) = delete;
    GdalErrorCollector& operator=(const GdalErrorCollector&) = delete;

    std::vector<std::string> failures;

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<GdalErrorCollector*>(CPLGetErrorHandlerUserData());
        if (level < CE_Failure || !self) return;
        try {
            self->failures.emplace_back(message ? message : "unknown GDAL error");
        } catch (...) {  // out of memory: dropping a message is all we can do here
        }
    }
};

void register_csv_driver() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (!GetGDALDriverManager()->GetDriverByName("CSV")) RegisterOGRCSV();
    });
}

// Open options of GDAL's CSV driver (https://gdal.org/drivers/vector/csv.html): every column
// a string, the first line the header, no line-length cap (default 10 MB drops long
// articles with only an error message), and no column taken as geometry.
constexpr const char* csv_open_options[] = {
    "HEADERS=YES",          "AUTODETECT_TYPE=NO",     "MAX_LINE_SIZE=-1",
    "EMPTY_STRING_AS_NULL=NO", "GEOM_POSSIBLE_NAMES=", "X_POSSIBLE_NAMES=",
    "Y_POSSIBLE_NAMES=",    nullptr};
// The lines after an unclosed quote have no header: their columns are those of the file's.
constexpr const char* csv_rest_open_options[] = {
    "HEADERS=NO",           "AUTODETECT_TYPE=NO",     "MAX_LINE_SIZE=-1",
    "EMPTY_STRING_AS_NULL=NO", "GEOM_POSSIBLE_NAMES=", "X_POSSIBLE_NAMES=",
    "Y_POSSIBLE_NAMES=",    nullptr};

// A quoted field that does not end where its row should. GDAL's reader joins physical lines
// while a record holds an odd number of quote characters, so one unclosed quote makes it read
// the rest of the file as one row (or as rows cut in the wrong places) and report nothing.
// A quoted field that opens a field and runs over a line end is broken when it never closes,
// or when its closing quote is followed by something other than a separator or a line end
// (`2,"never closed` then `3,"next row"`: the quote before `next` closes it). This is a scan
// of quotes, not a second CSV parser.
struct QuoteScan {
    bool broken = false;
    std::size_t open_line = 0;    // physical line (1-based) of the broken field's quote
    std::size_t rows_before = 0;  // whole rows before the broken one (header not counted)
    long resume_offset = 0;       // byte offset of the line after it; 0: no text follows
    bool in_header = false;       // opened before the first record break
    // A quote opened inside an unquoted field ("He said "stop") that ran over a line end
    // and was closed later: GDAL read those lines as one row. Only the first is kept.
    std::size_t stray_open_line = 0, stray_close_line = 0;
};

bool is_csv_separator(char c) { return c == ',' || c == ';' || c == '\t'; }

// Where a read of the file starts: the whole file, or the lines after a broken row.
struct CsvPart {
    long offset = 0;             // byte offset of the first line read
    std::size_t first_line = 1;  // its line number in the file
    std::size_t row_base = 1;    // the spreadsheet row of GDAL's feature 0 (header = row 1)
};

class QuoteScanner {
public:
    explicit QuoteScanner(const CsvPart& part)
        : header_done_(part.offset > 0), line_(part.first_line), position_(part.offset) {}

    // False once the broken field is found: the rest is another part's business.
    bool add(char c) {
        ++position_;
        if (closed_after_line_) {
            closed_after_line_ = false;
            if (c == '"') {  // a doubled quote inside the field: it goes on
                in_quote_ = true;
                return true;
            }
            if (c != '\n' && c != '\r' && !is_csv_separator(c)) {
                scan_.broken = true;
                return false;
            }
        }
        if (c == '"') {
            in_quote_ = !in_quote_;
            record_started_ = true;
            if (in_quote_) {
                scan_.open_line = line_;
                scan_.rows_before = records_;
                scan_.resume_offset = 0;
                scan_.in_header = !header_done_;
                text_after_line_ = false;
                open_mid_field_ = last_non_space_ != '\n' && !is_csv_separator(last_non_space_);
                crossed_line_ = false;
            } else if (open_mid_field_ && crossed_line_ && scan_.stray_open_line == 0) {
                scan_.stray_open_line = scan_.open_line;
                scan_.stray_close_line = line_;
            } else if (!open_mid_field_ && crossed_line_) {
                closed_after_line_ = true;
            }
            last_non_space_ = '"';
        } else if (c == '\n') {
            ++line_;
            if (in_quote_) {
                if (!crossed_line_) scan_.resume_offset = position_;
                crossed_line_ = true;
            } else {
                if (record_started_ && header_done_) ++records_;
                if (record_started_) header_done_ = true;
                record_started_ = false;
                last_non_space_ = '\n';
            }
        } else if (in_quote_ && crossed_line_ && c != ' ' && c != '\t' && c != '\r') {
            text_after_line_ = true;
        } else if (!in_quote_ && c != ' ' && c != '\r') {
            record_started_ = true;
            last_non_space_ = c;
        }
        return true;
    }

    QuoteScan finish() {
        if (in_quote_) scan_.broken = true;
        // Text after the broken field's line (at the end of the file, only in the field).
        if (scan_.broken && in_quote_ && !text_after_line_) scan_.resume_offset = 0;
        return scan_;
    }

private:
    QuoteScan scan_;
    bool in_quote_ = false;
    bool open_mid_field_ = false;     // the open quote did not start a field
    bool crossed_line_ = false;       // the open quote has run over a line end
    bool closed_after_line_ = false;  // ... and was just closed: what follows must end it
    bool text_after_line_ = false;    // text on a line after the open quote's
    bool record_started_ = false;     // the current record has non-blank content
    bool header_done_;
    std::size_t records_ = 0;         // whole data records so far
    char last_non_space_ = '\n';      // on this line, outside quotes
    std::size_t line_;
    long position_;
};

std::optional<QuoteScan> scan_quotes(const std::filesystem::path& path, const CsvPart& part,
                                     ReadContext& ctx) {
    struct FileCloser {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file || std::fseek(file.get(), part.offset, SEEK_SET) != 0) {
        ctx.problem(path.string(), "cannot open: " + std::string(std::strerror(errno)));
        return std::nullopt;
    }
    QuoteScanner scanner(part);
    std::unique_ptr<char[]> chunk(new char[1 << 20]);
    bool scanning = true;
    while (scanning) {
        const std::size_t got = std::fread(chunk.get(), 1, 1 << 20, file.get());
        if (got == 0) break;
        for (std::size_t i = 0; i < got && scanning; ++i) scanning = scanner.add(chunk[i]);
    }
    if (std::ferror(file.get())) {
        ctx.problem(path.string(), "cannot read: " + std::string(std::strerror(errno)));
        return std::nullopt;
    }
    return scanner.finish();
}

struct ColumnMap {
    int text = -1, id = -1, date = -1, title = -1, source = -1, url = -1;
};

std::string column_list(const OGRFeatureDefn& defn) {
    std::string out;
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        if (i) out += ", ";
        out += defn.GetFieldDefn(i)->GetNameRef();
    }
    return out;
}

// Reads one part of a CSV file: the whole file, or (after an unclosed quote) the lines after
// the broken row, through GDAL's /vsisubfile/ with the columns of the file's header.
class CsvReader {
public:
    CsvReader(const std::filesystem::path& path, const CsvPart& part, const QuoteScan& quotes,
              ReadContext& ctx)
        : file_(path.string()), part_(part), quotes_(quotes), ctx_(ctx) {}

    // The columns found in the header, for reading the rest of the file.
    void use_columns(const ColumnMap& columns) { columns_ = columns; }
    const ColumnMap& columns() const { return columns_; }
    // The spreadsheet row of the row an unclosed quote broke; 0 when none did.
    std::size_t broken_row() const { return broken_row_; }

    std::size_t read() {
        register_csv_driver();
        GdalErrorCollector errors;
        const char* const drivers[] = {"CSV", nullptr};
        const bool rest = part_.offset > 0;
        const std::string name =
            rest ? "CSV:/vsisubfile/" + std::to_string(part_.offset) + "," + file_ : file_;
        GDALDatasetUniquePtr dataset(
            GDALDataset::Open(name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                              rest ? csv_rest_open_options : csv_open_options, nullptr));
        if (!dataset || dataset->GetLayerCount() < 1) {
            ctx_.problem(rest ? file_ + ":" + std::to_string(part_.first_line) : file_,
                         "cannot read as CSV" + gdal_reason(errors));
            return 0;
        }
        OGRLayer* layer = dataset->GetLayer(0);
        if (!rest && !map_columns(*layer->GetLayerDefn())) return 0;
        layer->ResetReading();
        while (OGRFeatureUniquePtr feature{layer->GetNextFeature()}) {
            // GDAL's rows from the broken one on are cut in the wrong places.
            if (quotes_.broken && feature->GetFID() > static_cast<GIntBig>(quotes_.rows_before))
                break;
            read_row(*feature);
            if (!errors.failures.empty()) break;  // GDAL gives up on the rest of the file
        }
        if (quotes_.broken && errors.failures.empty()) {
            ++rows_;
            broken_row_ = quotes_.rows_before + 1 + part_.row_base;
            report_unclosed_quote();
            return delivered_;
        }
        if (quotes_.stray_open_line != 0)
            ctx_.problem(file_ + ":" + std::to_string(quotes_.stray_open_line),
                         "a quote inside an unquoted field runs on to line " +
                             std::to_string(quotes_.stray_close_line) + ", so lines " +
                             std::to_string(quotes_.stray_open_line) + "-" +
                             std::to_string(quotes_.stray_close_line) +
                             " were read as one row; put the field in quotes and double the "
                             "quotes inside it (\"\")",
                         false);
        if (!errors.failures.empty())
            ctx_.problem(file_, "stopped reading after " + std::to_string(delivered_) +
                                    " articles" + gdal_reason(errors));
        else if (rows_ == 0 && !rest)
            ctx_.problem(file_, "no rows below the header");
        return delivered_;
    }

private:
    void report_unclosed_quote() {
        const std::string open = std::to_string(quotes_.open_line);
        const std::string after = quotes_.resume_offset > 0
                                      ? "; the lines after it were read as rows of their own"
                                      : "";
        ctx_.problem(file_ + ":" + open,
                     "unclosed quote: the quoted field opened on line " + open +
                         " does not end before the next row, so row " +
                         std::to_string(broken_row_) +
                         " was not read" + after +
                         "; close the quote, or double a quote inside a quoted field (\"\")");
    }

    static std::string gdal_reason(const GdalErrorCollector& errors) {
        return errors.failures.empty() ? std::string() : ": " + errors.failures.front();
    }

    // A column the user named must exist; an absent default one is simply not used.
    bool find(const OGRFeatureDefn& defn, const std::string& name, const std::string& default_name,
              const char* option, bool required, int& index) {
        index = defn.GetFieldIndex(name.c_str());  // case-insensitive in OGR
        if (index >= 0 || (!required && name == default_name)) return true;
        ctx_.problem(file_, "no column '" + name + "' (" + option + "); the columns are: " +
                                column_list(defn));
        return false;
    }

    bool map_columns(const OGRFeatureDefn& defn) {
        const IngestOptions defaults;
        const IngestOptions& o = ctx_.options;
        bool ok = find(defn, o.text_col, defaults.text_col, "--text-col", true, columns_.text);
        ok = ok && find(defn, o.id_col, defaults.id_col, "--id-col", false, columns_.id);
        ok = ok && find(defn, o.date_col, defaults.date_col, "--date-col", false, columns_.date);
        ok = ok && find(defn, o.title_col, defaults.title_col, "--title-col", false, columns_.title);
        columns_.source = defn.GetFieldIndex("source");
        columns_.url = defn.GetFieldIndex("url");
        return ok;
    }

    // The field as UTF-8: files such as FA-KES's fakes_annotated.csv are Latin-1.
    std::string field(const OGRFeature& feature, int index, const std::string& where) {
        // A row after an unclosed quote may have fewer columns than the header (and OGR
        // reads indexes past the last field as its special fields, such as the FID).
        if (index < 0 || index >= feature.GetFieldCount() || !feature.IsFieldSetAndNotNull(index))
            return {};
        std::string value = feature.GetFieldAsString(index);
        if (!is_valid_utf8(value)) {
            DecodedText decoded = decode_text(std::move(value));
            if (!warned_encoding_) ctx_.problem(where, fallback_note(decoded), false);
            warned_encoding_ = true;
            return std::move(decoded.text);
        }
        normalise_newlines(value);
        return value;
    }

    void read_row(const OGRFeature& feature) {
        ++rows_;
        // The row number a spreadsheet shows (header = 1); quoted line breaks make physical
        // line numbers differ, and GDAL does not report them.
        const std::string row = std::to_string(feature.GetFID() + static_cast<long long>(part_.row_base));
        const std::string where = file_ + ":" + row;
        Article article;
        article.text = field(feature, columns_.text, where);
        if (is_blank(article.text)) {
            ctx_.problem(where, "empty text");
            return;
        }
        if (auto why = binary_reason(article.text)) {
            ctx_.problem(where, "binary data (" + *why + ")");
            return;
        }
        article.id = field(feature, columns_.id, where);
        if (article.id.empty())
            article.id = std::filesystem::path(file_).stem().string() + "-" + row;
        article.title = choose_title({field(feature, columns_.title, where)}, article.text);
        article.source = field(feature, columns_.source, where);
        article.url = field(feature, columns_.url, where);
        article.published = ctx_.options.published;
        if (const std::string date = field(feature, columns_.date, where); !is_blank(date)) {
            if (auto parsed = parse_published_date(date))
                article.published = parsed;
            else
                ctx_.problem(where, "cannot read date '" + date + "'", false);
        }
        article.origin = where;
        ctx_.sink(std::move(article));
        ++delivered_;
    }

    std::string file_;
    CsvPart part_;
    const QuoteScan& quotes_;
    ReadContext& ctx_;
    ColumnMap columns_;
    std::size_t broken_row_ = 0;
    std::size_t rows_ = 0;
    std::size_t delivered_ = 0;
    bool warned_encoding_ = false;
};

}  // namespace

std::size_t read_csv(const std::filesystem::path& path, ReadContext& ctx) {
    auto head = read_file_head(path, 64 * 1024, ctx);
    if (!head) return 0;
    if (is_blank(*head)) {
        ctx.problem(path.string(), "empty file");
        return 0;
    }
    if (auto why = binary_reason(*head)) {
        ctx.problem(path.string(), "binary file (" + *why + ")");
        return 0;
    }
    const std::string_view header = first_nonblank_line(*head);
    if (header.find_first_of(",;\t") == std::string_view::npos) {
        // GDAL's CSV driver does not open one-column files; one column is a list of texts.
        ctx.problem(path.string(), "the header line has no separator; a CSV needs two or more "
                                   "columns (a list of texts reads as a .txt file per article)");
        return 0;
    }
    // An unclosed quote breaks one row; the lines after it are read again as a part of their
    // own, so that one stray quote does not lose the rest of the file.
    CsvPart part;
    ColumnMap columns;
    std::size_t delivered = 0;
    for (;;) {
        const auto quotes = scan_quotes(path, part, ctx);
        if (!quotes) return delivered;
        if (quotes->broken && quotes->in_header) {
            ctx.problem(path.string() + ":" + std::to_string(quotes->open_line),
                        "unclosed quote in the header line: the rest of the file would be one "
                        "column name; file not read");
            return 0;
        }
        CsvReader reader(path, part, *quotes, ctx);
        if (part.offset > 0) reader.use_columns(columns);
        delivered += reader.read();
        if (reader.broken_row() == 0 || quotes->resume_offset == 0) return delivered;
        columns = reader.columns();
        part = {quotes->resume_offset, quotes->open_line + 1, reader.broken_row()};
    }
}

}  // namespace incimap::ingest
