// ISO 8601 date prefixes, as facts and `claimcheck parse` write them: a year, a month or a
// day ("2021", "2021-03", "2021-03-09").
#pragma once

#include <cstdio>
#include <string>

namespace claimcheck {

/// "2021", "2021-03" or "2021-03-09": as precise as what is given (0 for not given).
inline std::string iso_date(int y, int m = 0, int d = 0) {
  char buf[40];
  if (d > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else if (m > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else
    std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

}  // namespace claimcheck
