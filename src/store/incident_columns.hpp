#pragma once
// How an Incident is laid out in the columns shared by the reports and incidents tables.
// One list of names and two functions that follow it, so that the INSERT and the SELECT
// cannot drift apart.
#include <string>
#include <vector>

#include "core/incident.hpp"
#include "store/database.hpp"

namespace incimap {

// Column names in binding order.
const std::vector<std::string>& incident_column_names();
// "a, b, c" (each name after `prefix`, e.g. "r.") and "?, ?, ?" for SQL.
std::string incident_column_list(const std::string& prefix = {});
std::string incident_placeholders();

// Binds every column starting at parameter `first`; returns the next free parameter.
int bind_incident(Statement& statement, int first, const Incident& incident);
// Reads every column starting at result column `first`.
Incident read_incident(const Statement& statement, int first);

}  // namespace incimap
