// Every row of every table of a staging database as text, for comparing two
// states ("a re-run changes nothing").
#pragma once

#include <string>

#include "sqlite_db.h"

namespace blogshift::testing {

inline std::string dump_database(const std::string& path) {
  Database db(path);
  std::string out;
  auto tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (tables.step()) {
    std::string table = tables.column_text(0);
    out += "== " + table + "\n";
    auto rows = db.prepare("SELECT * FROM \"" + table + "\" ORDER BY 1, 2");
    while (rows.step()) {
      for (int c = 0; c < rows.column_count(); ++c) out += (c ? "|" : "") + rows.column_text(c);
      out += "\n";
    }
  }
  return out;
}

}  // namespace blogshift::testing
