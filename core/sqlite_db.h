// A thin RAII layer over SQLite's C API: a connection and prepared
// statements, each handle in a unique_ptr with its deleter. Errors become
// FatalError naming the database file.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace blogshift {

class Statement {
public:
  Statement(sqlite3* db, std::string_view sql, const std::string& db_path);

  // Binds are 1-based, as in SQLite. Empty optional binds NULL.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, int64_t value);
  Statement& bind_real(int index, double value);
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);
  Statement& bind_or_null(int index, std::string_view text);  // NULL for ""

  bool step();  // true while a row is available
  void run();   // step to completion, then reset
  void reset();

  int column_count() const { return sqlite3_column_count(stmt_.get()); }
  int64_t column_int(int column) const;
  double column_real(int column) const { return sqlite3_column_double(stmt_.get(), column); }
  std::string column_text(int column) const;
  bool column_is_null(int column) const;

private:
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  sqlite3* db_;
  std::string db_path_;
};

class Database {
public:
  // Opens (creating if needed) the file; WAL, foreign keys on, busy timeout.
  explicit Database(const std::string& path);

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(db_.get(), sql, path_); }
  // A statement prepared once per connection and reused (reset, bindings
  // cleared) on every call: for statements run per item in hot loops.
  Statement& cached(const std::string& sql);
  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }
  int changes() const { return sqlite3_changes(db_.get()); }
  int64_t user_version();
  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_.get(); }

private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  std::string path_;
  std::unique_ptr<sqlite3, Closer> db_;
  // Declared after db_ so the statements are finalized before the connection closes.
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// Commits on commit(), rolls back if destroyed before that.
class Transaction {
public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();

private:
  Database& db_;
  bool open_ = true;
};

}  // namespace blogshift
