// The TZif reader and POSIX TZ rules, checked against glibc's own reading of
// the same zoneinfo files.
#include "metadata/tzif_zone.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <random>
#include <string>

namespace blogshift {
namespace {

TEST(PosixTzRule, Parses) {
  auto la = PosixTzRule::parse("PST8PDT,M3.2.0,M11.1.0");
  ASSERT_TRUE(la);
  EXPECT_EQ(la->std_offset, -8 * 3600);
  EXPECT_EQ(la->dst_offset, -7 * 3600);
  EXPECT_EQ(la->offset_at(4102444800), -8 * 3600);            // 2100-01-01
  EXPECT_EQ(la->offset_at(4102444800 + 182 * 86400), -7 * 3600);  // July 2100

  auto india = PosixTzRule::parse("IST-5:30");
  ASSERT_TRUE(india);
  EXPECT_FALSE(india->has_dst);
  EXPECT_EQ(india->offset_at(0), 19800);

  auto quoted = PosixTzRule::parse("<+0545>-5:45");
  ASSERT_TRUE(quoted);
  EXPECT_EQ(quoted->std_offset, 5 * 3600 + 45 * 60);

  auto dublin = PosixTzRule::parse("IST-1GMT0,M10.5.0,M3.5.0/1");  // negative DST: winter is "daylight"
  ASSERT_TRUE(dublin);
  EXPECT_EQ(dublin->offset_at(4102444800), 0);
  EXPECT_EQ(dublin->offset_at(4102444800 + 182 * 86400), 3600);

  EXPECT_TRUE(PosixTzRule::parse("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1"));  // America/Nuuk, negative times
  EXPECT_TRUE(PosixTzRule::parse("EST5EDT4,0/0,J365/25"));              // DST all year
  for (const char* bad : {"", "P8", "PST", "PST8PDT,M13.1.0,M11.1.0", "PST8PDT,M3.2.0", "PST8 trailing", "<+05"})
    EXPECT_FALSE(PosixTzRule::parse(bad)) << bad;
}

TEST(TzifZone, RefusesWhatIsNotTzif) {
  EXPECT_FALSE(TzifZone::parse(""));
  EXPECT_FALSE(TzifZone::parse("TZif"));
  EXPECT_FALSE(TzifZone::parse(std::string(44, 'x')));
  std::string header = "TZif2" + std::string(15, '\0') + std::string(24, '\0');  // typecnt 0
  EXPECT_FALSE(TzifZone::parse(header));
}

TEST(TzifZone, ReadsAVersionOneFile) {
  // One transition at t=1000 from type 0 (+1h) to type 1 (+2h).
  auto be32 = [](std::uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
  };
  std::string file = "TZif" + std::string(16, '\0');
  file += be32(0) + be32(0) + be32(0) + be32(1) + be32(2) + be32(4);
  file += be32(1000) + std::string(1, '\1');
  file += be32(3600) + std::string("\0\0", 2) + be32(7200) + std::string("\1\0", 2);
  file += std::string("AB\0\0", 4);
  auto zone = TzifZone::parse(file);
  ASSERT_TRUE(zone);
  EXPECT_EQ(zone->offset_at(999), 3600);
  EXPECT_EQ(zone->offset_at(1000), 7200);
  EXPECT_EQ(zone->offset_at(4102444800), 7200);
  file.resize(file.size() - 3);  // truncated
  EXPECT_FALSE(TzifZone::parse(file));
}

// glibc reads the same files; both must agree at thousands of instants.
// (setenv/localtime_r are fine here: this test is single-threaded.)
TEST(TzifZone, AgreesWithGlibc) {
  const char* zones[] = {"America/Los_Angeles", "Europe/Berlin",    "Asia/Kolkata",   "Australia/Sydney",
                         "Australia/Lord_Howe", "Pacific/Chatham",   "Europe/Dublin",  "Africa/Casablanca",
                         "Asia/Tehran",         "America/Sao_Paulo", "America/St_Johns", "Asia/Kathmandu"};
  const char* old_tz = std::getenv("TZ");
  const std::string saved = old_tz ? old_tz : "";
  std::mt19937_64 rng(1970);
  std::uniform_int_distribution<std::int64_t> instant(0, 4102444800);  // 1970..2100
  for (const char* name : zones) {
    const auto zone = find_zone(name);
    ASSERT_TRUE(zone) << name;
    ::setenv("TZ", name, 1);
    ::tzset();
    for (int i = 0; i < 3000; ++i) {
      const std::int64_t t = instant(rng);
      const auto tt = static_cast<std::time_t>(t);
      std::tm tm{};
      ASSERT_TRUE(::localtime_r(&tt, &tm));
      ASSERT_EQ(zone->offset_at(t), tm.tm_gmtoff) << name << " at " << t;
    }
  }
  if (old_tz) ::setenv("TZ", saved.c_str(), 1);
  else ::unsetenv("TZ");
  ::tzset();
}

TEST(TzifZone, CachedPerName) {
  EXPECT_EQ(find_zone("Europe/Berlin").get(), find_zone("Europe/Berlin").get());
  EXPECT_EQ(find_zone("No/Such_Zone"), nullptr);
}

}  // namespace
}  // namespace blogshift
