#include "output/brief_writer.hpp"

#include <fstream>
#include <iterator>

#include "core/error.hpp"
#include "output/heatmap_file.hpp"

namespace incimap {
namespace {

void write_text(const std::filesystem::path& destination, const std::string& text) {
    write_file_atomically(destination, [&](const std::filesystem::path& tmp) {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) throw Error("cannot write the briefing", tmp.string());
    });
}

}  // namespace

BriefFiles write_brief(const BriefReport& report, const BriefAssets& assets,
                       const std::filesystem::path& html) {
    BriefFiles files{html, html};
    files.markdown.replace_extension(".md");
    // Both pages are rendered before either is written, so a rendering error leaves both
    // previous files in place.
    const std::string page = render_brief_html(report, assets);
    const std::string markdown = render_brief_markdown(report, assets);
    write_text(files.html, page);
    write_text(files.markdown, markdown);
    return files;
}

std::string read_file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot open", path.string());
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw Error("cannot read", path.string());
    return bytes;
}

}  // namespace incimap
