// JSON Lines: one article per line, read as a stream so a file of any size fits in memory.
#include <fstream>
#include <nlohmann/json.hpp>

#include "ingest/encoding.hpp"
#include "ingest/format_readers.hpp"

namespace incimap::ingest {

namespace {

using nlohmann::json;

// Field names tried for the publication date after the configured one: ours, then the
// names real feeds use (UCDP-AEC's `source_date` is "YYYY-MM-DD HH:MM").
constexpr std::array<std::string_view, 3> date_field_fallbacks{"published", "date", "source_date"};

const json* field(const json& record, std::string_view name) {
    auto it = record.find(name);
    if (it == record.end() || it->is_null()) return nullptr;
    return &*it;
}

// Ids are strings in our format and numbers in data sets such as UCDP's.
std::optional<std::string> id_text(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer() || value.is_number_unsigned()) return value.dump();
    return std::nullopt;
}

std::string string_or_empty(const json& record, std::string_view name) {
    const json* v = field(record, name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// nlohmann's messages start with "[json.exception.parse_error.101] "; the code helps nobody.
std::string parse_message(const json::exception& e) {
    std::string_view what = e.what();
    if (auto close = what.find("] "); close != std::string_view::npos) what.remove_prefix(close + 2);
    return std::string(what);
}

// Collects the top-level fields of one JSON line through nlohmann's SAX interface, moving
// each string out of the parser's buffer: parsing into a json value copies it, and a 200 MB
// text field would then be held three times instead of twice.
class TopLevelFields {
public:
    json fields = json::object();
    std::string error;      // parse error, "" if none
    std::string not_object; // type name of a top-level value that is not an object

    bool null() { return value(nullptr); }
    bool boolean(bool b) { return value(b); }
    bool number_integer(json::number_integer_t n) { return value(n); }
    bool number_unsigned(json::number_unsigned_t n) { return value(n); }
    bool number_float(json::number_float_t x, const std::string&) { return value(x); }
    bool string(std::string& s) { return value(std::move(s)); }
    bool binary(json::binary_t&) { return value(nullptr); }
    bool key(std::string& k) {
        if (depth_ == 1) key_ = std::move(k);
        return true;
    }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return --depth_, true; }
    bool end_array() { return --depth_, true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        error = parse_message(e);
        return false;
    }

private:
    // Nested objects and arrays are kept as empty placeholders: no field we read is one.
    bool open(json placeholder) {
        if (depth_ == 0 && !placeholder.is_object()) return value(std::move(placeholder));
        if (depth_ == 1) fields[key_] = std::move(placeholder);
        ++depth_;
        return true;
    }
    bool value(json v) {
        if (depth_ == 0) {
            not_object = v.type_name();
            return false;  // stop: nothing more to learn from this line
        }
        if (depth_ == 1) fields[key_] = std::move(v);
        return true;
    }

    int depth_ = 0;
    std::string key_;
};

class JsonLinesReader {
public:
    JsonLinesReader(const std::filesystem::path& path, ReadContext& ctx)
        : path_(path), file_(path.string()), ctx_(ctx) {}

    std::size_t read() {
        std::ifstream in(path_, std::ios::binary);
        if (!in) {
            ctx_.problem(file_, "cannot open");
            return 0;
        }
        std::string line;
        long number = 0;
        bool any_content = false;
        while (std::getline(in, line)) {
            ++number;
            if (number == 1 && line.starts_with("\xef\xbb\xbf")) line.erase(0, 3);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (is_blank(line)) continue;
            any_content = true;
            read_line(std::move(line), number);
            line = std::string();  // give a huge line's memory back before the next one
        }
        if (in.bad()) ctx_.problem(file_, "read error after line " + std::to_string(number));
        if (!any_content) ctx_.problem(file_, "empty file");
        return delivered_;
    }

private:
    std::string where(long line) const { return file_ + ":" + std::to_string(line); }

    void read_line(std::string line, long number) {
        if (auto why = binary_reason(line)) {
            ctx_.problem(where(number), "binary data (" + *why + ")");
            return;
        }
        if (!is_valid_utf8(line)) {
            DecodedText decoded = decode_text(std::move(line));
            if (!warned_encoding_) ctx_.problem(where(number), fallback_note(decoded), false);
            warned_encoding_ = true;
            line = std::move(decoded.text);
        }
        TopLevelFields record;
        json::sax_parse(line, &record);
        line = std::string();
        if (!record.not_object.empty()) {
            ctx_.problem(where(number), "expected a JSON object, found " + record.not_object);
            return;
        }
        if (!record.error.empty()) {
            ctx_.problem(where(number), "malformed JSON: " + record.error);
            return;
        }
        to_article(record.fields, number);
    }

    void to_article(json& record, long number) {
        const IngestOptions& options = ctx_.options;
        json* text = record.contains(options.text_col) ? &record[options.text_col] : nullptr;
        if (!text || !text->is_string()) {
            ctx_.problem(where(number), text ? "field '" + options.text_col + "' is not a string"
                                             : "missing field '" + options.text_col + "'");
            return;
        }
        const json* id = field(record, options.id_col);
        std::optional<std::string> id_string = id ? id_text(*id) : std::nullopt;
        if (!id_string || id_string->empty()) {
            ctx_.problem(where(number), id ? "field '" + options.id_col + "' is not a string or integer"
                                           : "missing field '" + options.id_col + "'");
            return;
        }
        Article article;
        article.id = std::move(*id_string);
        article.source = string_or_empty(record, "source");
        article.url = string_or_empty(record, "url");
        article.published = published_date(record, number);
        article.text = std::move(text->get_ref<std::string&>());
        normalise_newlines(article.text);
        article.origin = where(number);
        if (is_blank(article.text)) {
            ctx_.problem(article.origin, "empty text");
            return;
        }
        article.title = choose_title({string_or_empty(record, options.title_col)}, article.text);
        ctx_.sink(std::move(article));
        ++delivered_;
    }

    std::optional<Date> published_date(const json& record, long number) {
        std::vector<std::string_view> names{ctx_.options.date_col};
        names.insert(names.end(), date_field_fallbacks.begin(), date_field_fallbacks.end());
        for (std::string_view name : names) {
            const json* v = field(record, name);
            if (!v) continue;
            if (v->is_string())
                if (auto date = parse_published_date(v->get_ref<const std::string&>())) return date;
            ctx_.problem(where(number), "cannot read date '" + v->dump() + "' in field '" +
                                            std::string(name) + "'", false);
            break;
        }
        return ctx_.options.published;
    }

    std::filesystem::path path_;
    std::string file_;
    ReadContext& ctx_;
    std::size_t delivered_ = 0;
    bool warned_encoding_ = false;
};

}  // namespace

std::size_t read_json_lines(const std::filesystem::path& path, ReadContext& ctx) {
    // A PDF or image renamed .jsonl would otherwise give one "malformed" problem per line.
    auto head = read_file_head(path, 64 * 1024, ctx);
    if (!head) return 0;
    if (auto why = binary_reason(*head)) {
        ctx.problem(path.string(), "binary file (" + *why + ")");
        return 0;
    }
    return JsonLinesReader(path, ctx).read();
}

}  // namespace incimap::ingest
