// read_articles: inputs to readers by format; folders walked in a deterministic order.
#include "ingest/reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "ingest/encoding.hpp"
#include "ingest/format_readers.hpp"

namespace incimap {

namespace fs = std::filesystem;
using ingest::ReadContext;

namespace {

struct ExtensionFormat {
    std::string_view extension;
    InputFormat format;
};

// The extensions of docs/input-formats.md.
constexpr std::array<ExtensionFormat, 8> extension_formats{{
    {".txt", InputFormat::text},
    {".text", InputFormat::text},
    {".md", InputFormat::text},
    {".jsonl", InputFormat::json_lines},
    {".ndjson", InputFormat::json_lines},
    {".csv", InputFormat::csv},
    {".html", InputFormat::html},
    {".htm", InputFormat::html},
}};

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A file named on the command line without a known extension ("article", "feed.out"): look
// at its first bytes rather than refuse it.
InputFormat sniff_format(const fs::path& path, ReadContext& ctx) {
    auto head = ingest::read_file_head(path, 4096, ctx);
    if (!head) return InputFormat::unknown;
    std::string_view s(*head);
    if (s.starts_with("\xef\xbb\xbf")) s.remove_prefix(3);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    if (s.starts_with('{')) return InputFormat::json_lines;
    const std::string start = lower(std::string(s.substr(0, 512)));
    if (start.starts_with("<!doctype html") || start.find("<html") != std::string::npos)
        return InputFormat::html;
    return InputFormat::text;
}

std::size_t read_one_file(const fs::path& path, InputFormat format, ReadContext& ctx) {
    switch (format) {
        case InputFormat::text: return ingest::read_text_file(path, ctx);
        case InputFormat::json_lines: return ingest::read_json_lines(path, ctx);
        case InputFormat::csv: return ingest::read_csv(path, ctx);
        case InputFormat::html: return ingest::read_html_file(path, ctx);
        case InputFormat::unknown: break;
    }
    return 0;
}

// Why a path that does not resolve is missing: a link whose target is gone says so, since
// `ls` shows the link and "no such file" would look wrong.
std::string missing_reason(const fs::path& path) {
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(path, ec))) {
        const fs::path target = fs::read_symlink(path, ec);
        return "broken symbolic link: its target " + (ec ? std::string() : "'" + target.string() + "' ") +
               "does not exist";
    }
    return "no such file or folder";
}

bool is_hidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return name.size() > 1 && name[0] == '.' && name != "..";
}

// Every regular file under `dir`, hidden entries (".git", ".DS_Store") left out. Folders that
// cannot be listed become problems; the walk goes on around them.
void collect_files(const fs::path& dir, std::vector<fs::path>& files, ReadContext& ctx) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
        ctx.problem(dir.string(), "cannot list folder: " + ec.message());
        return;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            ctx.problem(dir.string(), "cannot list folder: " + ec.message());
            return;
        }
        const fs::path& p = it->path();
        if (is_hidden(p)) continue;
        std::error_code type_ec;
        // Symbolic links to folders are not followed: a link cycle would never end.
        if (it->is_directory(type_ec) && !it->is_symlink(type_ec))
            collect_files(p, files, ctx);
        else
            files.push_back(p);
    }
}

void read_folder(const fs::path& dir, ReadContext& ctx) {
    std::vector<fs::path> files;
    const std::size_t problems_before = ctx.problems.size();
    collect_files(dir, files, ctx);
    if (files.empty() && ctx.problems.size() == problems_before) {
        // Said out loud: a folder given by mistake (or named like a file, "x.txt") would
        // otherwise vanish from the run without a word.
        ctx.problem(dir.string(), "folder holds no files to read");
        return;
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::error_code ec;
        const fs::file_status status = fs::status(file, ec);
        if (!fs::is_regular_file(status)) {
            ctx.problem(file.string(),
                        ec && ec != std::errc::no_such_file_or_directory ? "cannot access: " + ec.message()
                        : !fs::exists(status)                           ? missing_reason(file)
                                                                        : "not a regular file");
            continue;
        }
        const InputFormat format = format_for_path(file);
        if (format == InputFormat::unknown) {
            const std::string ext = file.extension().string();
            ctx.problem(file.string(), ext.empty() ? "no file extension; not read (name the file "
                                                     "on its own to have its content recognised)"
                                                   : "unsupported file type '" + ext + "'");
            continue;
        }
        read_one_file(file, format, ctx);
    }
}

}  // namespace

InputFormat format_for_path(const fs::path& path) {
    const std::string ext = lower(path.extension().string());
    for (const auto& entry : extension_formats)
        if (entry.extension == ext) return entry.format;
    return InputFormat::unknown;
}

void read_articles(const std::vector<fs::path>& inputs, const IngestOptions& options,
                   const std::function<void(Article&&)>& sink, std::vector<InputProblem>& problems) {
    ReadContext ctx{options, sink, problems};
    for (const auto& input : inputs) {
        std::error_code ec;
        const fs::file_status status = fs::status(input, ec);
        if (!fs::exists(status)) {
            ctx.problem(input.string(), ec && ec != std::errc::no_such_file_or_directory
                                            ? "cannot access: " + ec.message()
                                            : missing_reason(input));
            continue;
        }
        if (fs::is_directory(status)) {
            read_folder(input, ctx);
        } else if (fs::is_regular_file(status)) {
            InputFormat format = format_for_path(input);
            if (format == InputFormat::unknown) format = sniff_format(input, ctx);
            read_one_file(input, format, ctx);
        } else {
            // FIFOs and devices could block forever or never end.
            ctx.problem(input.string(), "not a regular file or folder");
        }
    }
}

}  // namespace incimap
