// The archives, the bag and the WARC file of a load run (see load_archives.cpp).
#pragma once

#include <functional>
#include <string>

#include "load_stage.h"

namespace blogshift {

// Writes what options.archive_formats asks for under OUT/archives and calls
// `record` for each output (with its detail JSON) as it is written. Before
// the bag, it verifies every output recorded and not yet verified (failures
// become warnings in `report`) and puts a report saying so into the bag.
void write_archives(Database& db, const LoadOptions& options, LoadReport& report,
                    const std::function<void(const OutputRecord&, const std::string&)>& record);

}  // namespace blogshift
