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

// A quote that is never closed, found the way GDAL's reader counts quotes: it joins physical
// lines while a record holds an odd number of quote characters (any quote toggles, a doubled
// one toggles twice), so an unclosed quote turns the rest of the file into one field and
// GDAL reports nothing. This is a scan of quote parity, not a second CSV parser.
struct QuoteScan {
    bool unclosed = false;
    std::size_t open_line = 0;    // physical line (1-based) of the quote left open
    std::size_t last_line = 0;    // the file's last line
    bool in_header = false;       // opened before the first record break
    // A quote opened inside an unquoted field ("He said "stop") that ran over a line end
    // and was closed later: GDAL read those lines as one row. Only the first is kept.
    std::size_t stray_open_line = 0, stray_close_line = 0;
};

bool is_csv_separator(char c) { return c == ',' || c == ';' || c == '\t'; }

std::optional<QuoteScan> scan_quotes(const std::filesystem::path& path, ReadContext& ctx) {
    struct FileCloser {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        ctx.problem(path.string(), "cannot open: " + std::string(std::strerror(errno)));
        return std::nullopt;
    }
    QuoteScan scan;
    bool in_quote = false;
    bool open_mid_field = false;     // the open quote did not start a field
    bool crossed_line = false;       // the open quote has run over a line end
    bool record_started = false;     // the current record has non-blank content
    bool header_done = false;
    char last_non_space = '\n';      // on this line, outside quotes
    std::size_t line = 1;
    char last = '\n';
    std::unique_ptr<char[]> chunk(new char[1 << 20]);
    while (const std::size_t got = std::fread(chunk.get(), 1, 1 << 20, file.get())) {
        for (std::size_t i = 0; i < got; ++i) {
            const char c = chunk[i];
            last = c;
            if (c == '"') {
                in_quote = !in_quote;
                record_started = true;
                if (in_quote) {
                    scan.open_line = line;
                    scan.in_header = !header_done;
                    open_mid_field = last_non_space != '\n' && !is_csv_separator(last_non_space);
                    crossed_line = false;
                } else if (open_mid_field && crossed_line && scan.stray_open_line == 0) {
                    scan.stray_open_line = scan.open_line;
                    scan.stray_close_line = line;
                }
                last_non_space = '"';
            } else if (c == '\n') {
                ++line;
                if (in_quote) {
                    crossed_line = true;
                } else {
                    if (record_started) header_done = true;
                    record_started = false;
                    last_non_space = '\n';
                }
            } else if (!in_quote && c != ' ' && c != '\r') {
                record_started = true;
                last_non_space = c;
            }
        }
    }
    if (std::ferror(file.get())) {
        ctx.problem(path.string(), "cannot read: " + std::string(std::strerror(errno)));
        return std::nullopt;
    }
    scan.unclosed = in_quote;
    scan.last_line = last == '\n' ? line - 1 : line;
    return scan;
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

class CsvReader {
public:
    CsvReader(const std::filesystem::path& path, const QuoteScan& quotes, ReadContext& ctx)
        : file_(path.string()), quotes_(quotes), ctx_(ctx) {}

    std::size_t read() {
        register_csv_driver();
        GdalErrorCollector errors;
        const char* const drivers[] = {"CSV", nullptr};
        GDALDatasetUniquePtr dataset(GDALDataset::Open(
            file_.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, csv_open_options, nullptr));
        if (!dataset || dataset->GetLayerCount() < 1) {
            ctx_.problem(file_, "cannot read as CSV" + gdal_reason(errors));
            return 0;
        }
        OGRLayer* layer = dataset->GetLayer(0);
        if (!map_columns(*layer->GetLayerDefn())) return 0;
        // Each row is read one step late: with an unclosed quote the last one GDAL gives is
        // the broken row with the rest of the file inside it, and is not delivered.
        OGRFeatureUniquePtr pending;
        layer->ResetReading();
        while (OGRFeatureUniquePtr feature{layer->GetNextFeature()}) {
            if (pending) read_row(*pending);
            pending = std::move(feature);
            if (!errors.failures.empty()) break;  // GDAL gives up on the rest of the file
        }
        if (pending && quotes_.unclosed && errors.failures.empty()) {
            ++rows_;
            report_unclosed_quote(pending->GetFID() + 1);
            return delivered_;
        }
        if (pending) read_row(*pending);
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
        else if (rows_ == 0)
            ctx_.problem(file_, "no rows below the header");
        return delivered_;
    }

private:
    void report_unclosed_quote(long long row) {
        const std::string open = std::to_string(quotes_.open_line);
        ctx_.problem(file_ + ":" + open,
                     "unclosed quote: the quoted field opened on line " + open +
                         " never ends, so row " + std::to_string(row) + " (lines " + open + "-" +
                         std::to_string(quotes_.last_line) +
                         ") was not read; close the quote, or double a quote inside a quoted "
                         "field (\"\")");
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
        if (index < 0 || !feature.IsFieldSetAndNotNull(index)) return {};
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
        const std::string where = file_ + ":" + std::to_string(feature.GetFID() + 1);
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
            article.id = std::filesystem::path(file_).stem().string() + "-" +
                         std::to_string(feature.GetFID() + 1);
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
    const QuoteScan& quotes_;
    ReadContext& ctx_;
    ColumnMap columns_;
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
    const auto quotes = scan_quotes(path, ctx);
    if (!quotes) return 0;
    if (quotes->unclosed && quotes->in_header) {
        ctx.problem(path.string() + ":" + std::to_string(quotes->open_line),
                    "unclosed quote in the header line: the rest of the file would be one "
                    "column name; file not read");
        return 0;
    }
    return CsvReader(path, *quotes, ctx).read();
}

}  // namespace incimap::ingest
