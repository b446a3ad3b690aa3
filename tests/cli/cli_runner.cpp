#include "cli_runner.hpp"

#include <fcntl.h>
#include <gdal_priv.h>
#include <grp.h>
#include <ogrsf_frmts.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "qgz_text.hpp"
#include "shared_data.hpp"

namespace incimap::test {
namespace {

namespace fs = std::filesystem;

pid_t start_child(const std::vector<std::string>& args, const fs::path& out, const fs::path& err,
                  const CliLimits& limits) {
    const std::string exe = (limits.binary.empty() ? incimap_binary() : limits.binary).string();
    std::vector<std::string> argv_store = {exe};
    argv_store.insert(argv_store.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_store) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd_out = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int fd_err = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int fd_in = open("/dev/null", O_RDONLY);
        dup2(fd_in, 0);
        dup2(fd_out, 1);
        dup2(fd_err, 2);
        if (limits.max_file_size) {
            signal(SIGXFSZ, SIG_IGN);
            rlimit r{static_cast<rlim_t>(*limits.max_file_size),
                     static_cast<rlim_t>(*limits.max_file_size)};
            setrlimit(RLIMIT_FSIZE, &r);
        }
        for (const auto& [name, value] : limits.environment) setenv(name.c_str(), value.c_str(), 1);
        if (limits.user &&
            (setgroups(0, nullptr) != 0 || setgid(*limits.user) != 0 || setuid(*limits.user) != 0))
            _exit(126);
        execv(exe.c_str(), argv.data());
        _exit(127);
    }
    return pid;
}

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr open_vector(const fs::path& path) {
    GDALAllRegister();
    return DatasetPtr(GDALDataset::FromHandle(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

OGRLayer* find_layer(GDALDataset& ds, const std::string& name) {
    return name.empty() ? ds.GetLayer(0) : ds.GetLayerByName(name.c_str());
}

}  // namespace

fs::path incimap_binary() { return binary_dir() / "incimap"; }

CliResult run_incimap(const std::vector<std::string>& args, const CliLimits& limits) {
    static int serial = 0;
    const fs::path base = fs::temp_directory_path() / ("incimap-cli-" + std::to_string(getpid()) +
                                                       "-" + std::to_string(serial++));
    const fs::path out = base.string() + ".out";
    const fs::path err = base.string() + ".err";
    const pid_t pid = start_child(args, out, err, limits);
    CliResult r;
    r.exit_code = wait_incimap(pid);
    r.out = read_text(out);
    r.err = read_text(err);
    fs::remove(out);
    fs::remove(err);
    return r;
}

pid_t spawn_incimap(const std::vector<std::string>& args, const fs::path& log_dir,
                    const CliLimits& limits) {
    return start_child(args, log_dir / "spawn.out", log_dir / "spawn.err", limits);
}

int wait_incimap(pid_t pid) {
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

long feature_count(const fs::path& dataset, const std::string& layer) {
    auto ds = open_vector(dataset);
    if (!ds) return -1;
    OGRLayer* l = find_layer(*ds, layer);
    return l ? static_cast<long>(l->GetFeatureCount(TRUE)) : -1;
}

std::vector<std::string> feature_dump(const fs::path& dataset, const std::string& layer) {
    std::vector<std::string> rows;
    auto ds = open_vector(dataset);
    if (!ds) return rows;
    OGRLayer* l = find_layer(*ds, layer);
    if (!l) return rows;
    l->ResetReading();
    for (auto& feature : *l) {
        std::ostringstream row;
        for (int i = 0; i < feature->GetFieldCount(); ++i)
            row << feature->GetFieldDefnRef(i)->GetNameRef() << '='
                << (feature->IsFieldSetAndNotNull(i) ? feature->GetFieldAsString(i) : "null")
                << '|';
        if (const OGRGeometry* g = feature->GetGeometryRef()) row << g->exportToWkt();
        rows.push_back(row.str());
    }
    return rows;
}

std::vector<std::string> layer_names(const fs::path& dataset) {
    std::vector<std::string> names;
    auto ds = open_vector(dataset);
    if (!ds) return names;
    for (int i = 0; i < ds->GetLayerCount(); ++i) names.push_back(ds->GetLayer(i)->GetName());
    return names;
}

long store_count(const fs::path& store, const std::string& sql) {
    sqlite3* db = nullptr;
    long result = -1;
    if (sqlite3_open_v2(store.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            result = static_cast<long>(sqlite3_column_int64(st, 0));
        sqlite3_finalize(st);
    }
    sqlite3_close_v2(db);
    return result;
}

bool store_exec(const fs::path& store, const std::string& sql) {
    sqlite3* db = nullptr;
    bool ok = false;
    if (sqlite3_open_v2(store.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK)
        ok = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close_v2(db);
    return ok;
}

bool store_intact(const fs::path& store) {
    sqlite3* db = nullptr;
    bool ok = false;
    if (sqlite3_open_v2(store.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            ok = std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "ok";
        sqlite3_finalize(st);
    }
    sqlite3_close_v2(db);
    return ok;
}

std::string qgis_project_xml(const fs::path& dir) { return test::qgs_text(dir / "incimap.qgz"); }

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_text(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

}  // namespace incimap::test
