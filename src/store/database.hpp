#pragma once
// RAII over sqlite3: one Database owns the connection (closed with sqlite3_close_v2), a
// Statement finalises itself, a Transaction rolls back unless committed. The sqlite3 and
// SpatiaLite headers stay in database.cpp.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace incimap {

class Statement;

class Database {
public:
    // read_only_immutable: read-only, and SQLite assumes nobody changes the file (no locks,
    // no -shm file): for a store in a folder or file system that cannot be written.
    enum class Mode { read_only, read_only_immutable, read_write, create };

    // Throws incimap::Error naming the file when it cannot be opened.
    Database(const std::filesystem::path& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Loads SpatiaLite into this connection (spatialite_init_ex; one cache per connection,
    // freed after the connection is closed).
    void enable_spatialite();

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    std::int64_t last_insert_rowid() const;
    // Rows the last INSERT, UPDATE or DELETE changed.
    std::int64_t changes() const;
    const std::filesystem::path& path() const { return path_; }
    sqlite3* handle() const { return db_; }

    // "message (file)" error from the last failed call.
    [[noreturn]] void fail(std::string_view what) const;

private:
    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
    void* spatialite_cache_ = nullptr;
};

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    // Binding is 1-based, as in SQLite. Strings are copied (SQLITE_TRANSIENT).
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind_blob(int index, const void* data, std::size_t size);
    Statement& bind_null(int index);

    // True while a row is available; false when done. Throws on error.
    bool step();
    // Step once, expecting no row (INSERT/UPDATE), then reset for the next use.
    void run();
    void reset();

    bool is_null(int column) const;
    std::string text(int column) const;
    std::string_view text_view(int column) const;  // valid until the next step()
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::vector<unsigned char> blob(int column) const;

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace incimap
