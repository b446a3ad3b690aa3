#include "cli/governorate_option.hpp"

#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "store/database.hpp"

namespace incimap::cli {
namespace {

// Every governorate of the gazetteer, by P-code, for the error message.
std::vector<Governorate> all_governorates(const std::filesystem::path& gazetteer_path) {
    Database db(gazetteer_path, Database::Mode::read_only);
    std::vector<Governorate> out;
    auto q = db.prepare("SELECT admin1_pcode, admin1_name FROM admin1 ORDER BY admin1_pcode");
    while (q.step()) out.push_back({q.text(0), q.text(1)});
    return out;
}

}  // namespace

std::optional<Governorate> governorate_option(const std::string& text,
                                              const std::filesystem::path& gazetteer_path,
                                              std::ostream& err) {
    const std::filesystem::path path =
        gazetteer_path.empty() ? Gazetteer::default_path() : gazetteer_path;
    const auto gazetteer = Gazetteer::open(path);
    // The gazetteer's own rule (Gazetteer::governorate): names and variants of the
    // governorate places, qualifiers such as "province" dropped, else the governorate of the
    // largest Syrian city of that name ("Idlib" the city -> Idlib governorate).
    if (const Place* g = gazetteer->governorate(text); g && !g->admin.admin1_pcode.empty())
        return Governorate{g->admin.admin1_pcode, g->admin.admin1_name};
    err << "incimap: error: unknown governorate '" << text
        << "'; give a name or P-code of one of:";
    for (const Governorate& g : all_governorates(path)) err << "\n  " << g.pcode << "  " << g.name;
    err << '\n';
    return std::nullopt;
}

}  // namespace incimap::cli
