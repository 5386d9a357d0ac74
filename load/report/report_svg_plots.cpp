#include "report_svg_plots.h"

#include <algorithm>
#include <charconv>

#include "report_markup.h"

namespace blogshift::report {
namespace {

constexpr double kWidth = 760, kHeight = 240;
constexpr double kLeft = 44, kRight = 12, kTop = 14, kBottom = 34;
constexpr double kPlotWidth = kWidth - kLeft - kRight, kPlotHeight = kHeight - kTop - kBottom;
constexpr const char* kBar = "#3d6c9e";
constexpr const char* kBarPass = "#4f8a5b";
constexpr const char* kBarFail = "#c07a1e";
constexpr const char* kInk = "#57606a";
constexpr const char* kGrid = "#e3e7eb";

// Coordinates with at most 2 decimals, the same on every machine.
std::string num(double v) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, 2);
  std::string s(buffer, ec == std::errc() ? end : buffer);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// A round upper bound for the y axis: 1, 2, 5, 10, 20, 50...
int64_t nice_ceiling(int64_t max) {
  int64_t step = 1;
  while (true) {
    for (int64_t m : {1, 2, 5})
      if (m * step >= max) return m * step;
    step *= 10;
  }
}

struct Bar {
  std::string label;    // under the axis ("" for none)
  std::string tooltip;  // the bar's <title>
  int64_t value = 0;
  const char* colour = kBar;
};

std::string open_svg(const std::string& id, const std::string& title, const std::string& desc) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" id=\"" + escape(id) + "\" viewBox=\"0 0 " +
         num(kWidth) + " " + num(kHeight) + "\" role=\"img\" aria-labelledby=\"" + escape(id) + "-title " +
         escape(id) + "-desc\">\n<title id=\"" + escape(id) + "-title\">" + escape(title) + "</title>\n<desc id=\"" +
         escape(id) + "-desc\">" + escape(desc) + "</desc>\n";
}

// Axis, grid lines at 0, half and the top, the bars and their labels.
std::string draw(const std::vector<Bar>& bars, bool value_labels) {
  int64_t max = 1;
  for (const auto& b : bars) max = std::max(max, b.value);
  const int64_t top = nice_ceiling(max);
  std::string out = "<g font-size=\"11\" fill=\"" + std::string(kInk) + "\">\n";
  for (int64_t tick : {int64_t{0}, top / 2, top}) {
    if (tick == 0 && top / 2 == 0) continue;
    const double y = kTop + kPlotHeight * (1 - static_cast<double>(tick) / static_cast<double>(top));
    out += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - kRight) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
           "\" stroke=\"" + kGrid + "\" stroke-width=\"1\"/>\n";
    out += "<text x=\"" + num(kLeft - 6) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\">" +
           format_count(tick) + "</text>\n";
  }
  const double slot = kPlotWidth / static_cast<double>(std::max<size_t>(bars.size(), 1));
  const double gap = slot > 6 ? slot * 0.2 : 0.5;
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double x = kLeft + slot * static_cast<double>(i);
    if (b.value > 0) {
      const double h = kPlotHeight * static_cast<double>(b.value) / static_cast<double>(top);
      out += "<rect x=\"" + num(x + gap / 2) + "\" y=\"" + num(kTop + kPlotHeight - h) + "\" width=\"" +
             num(std::max(slot - gap, 0.5)) + "\" height=\"" + num(h) + "\" fill=\"" + b.colour + "\"><title>" +
             escape(b.tooltip) + "</title></rect>\n";
      if (value_labels)
        out += "<text x=\"" + num(x + slot / 2) + "\" y=\"" + num(kTop + kPlotHeight - h - 4) +
               "\" text-anchor=\"middle\">" + format_count(b.value) + "</text>\n";
    }
    // A year label needs about 28 units; one that would run off the right edge is left out.
    if (!b.label.empty() && (value_labels || x + 28 <= kWidth))
      out += "<text x=\"" + num(value_labels ? x + slot / 2 : x) + "\" y=\"" + num(kHeight - kBottom + 16) +
             "\" text-anchor=\"" + (value_labels ? "middle" : "start") + "\">" + escape(b.label) + "</text>\n";
  }
  out += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - kRight) + "\" y1=\"" + num(kTop + kPlotHeight) +
         "\" y2=\"" + num(kTop + kPlotHeight) + "\" stroke=\"" + kInk + "\" stroke-width=\"1\"/>\n";
  return out + "</g>\n";
}

int month_index(const std::string& month) {  // "YYYY-MM" -> months since year 0
  int year = 0, m = 1;
  std::from_chars(month.data(), month.data() + std::min<size_t>(month.size(), 4), year);
  if (month.size() >= 7) std::from_chars(month.data() + 5, month.data() + 7, m);
  return year * 12 + std::clamp(m, 1, 12) - 1;
}

std::string month_name(int index) {
  static constexpr const char* kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                           "July",    "August",   "September", "October", "November", "December"};
  return std::string(kNames[index % 12]) + " " + std::to_string(index / 12);
}

std::string posts(int64_t n) { return format_count(n) + (n == 1 ? " post" : " posts"); }

}  // namespace

std::string posts_per_month_svg(const std::vector<ReportData::Month>& months, const std::string& id) {
  if (months.empty()) return {};
  const int first = month_index(months.front().month), last = month_index(months.back().month);
  const bool by_year = last - first >= 480;
  const int from = by_year ? first / 12 : first, to = by_year ? last / 12 : last;
  std::vector<Bar> bars(static_cast<size_t>(to - from + 1));
  int64_t total = 0;
  const ReportData::Month* busiest = &months.front();
  for (const auto& m : months) {
    const int index = month_index(m.month);
    bars[static_cast<size_t>((by_year ? index / 12 : index) - from)].value += m.posts;
    total += m.posts;
    if (m.posts > busiest->posts) busiest = &m;
  }
  const int years = to / (by_year ? 1 : 12) - from / (by_year ? 1 : 12) + 1;
  const int label_every = std::max(1, (years + 13) / 14);  // at most 14 year labels
  for (size_t i = 0; i < bars.size(); ++i) {
    const int at = from + static_cast<int>(i);
    const int year = by_year ? at : at / 12;
    bars[i].tooltip = (by_year ? std::to_string(at) : month_name(at)) + ": " + posts(bars[i].value);
    // Years are labelled at January (the first bar too, when it leaves room).
    if ((by_year || at % 12 == 0 || (i == 0 && at % 12 < 6)) && year % label_every == 0) bars[i].label = std::to_string(year);
  }
  const std::string title = by_year ? "Posts per year" : "Posts per month";
  const std::string desc = posts(total) + " published from " + month_name(first) + " to " + month_name(last) +
                           "; the busiest month was " + month_name(month_index(busiest->month)) + " with " +
                           posts(busiest->posts) + ".";
  return open_svg(id, title, desc) + draw(bars, false) + "</svg>";
}

std::string recall_histogram_svg(const std::vector<ReportData::HistogramBin>& bins, const std::string& id) {
  int64_t total = 0, passing = 0;
  std::vector<Bar> bars;
  for (const auto& b : bins) {
    total += b.documents;
    const bool pass = b.from >= 0.995;  // the pass mark of the text check (fidelity_check.h)
    if (pass) passing += b.documents;
    bars.push_back({b.label, "text recall " + b.label + ": " + format_count(b.documents) +
                                 (b.documents == 1 ? " document" : " documents"),
                    b.documents, pass ? kBarPass : kBarFail});
  }
  if (total == 0) return {};
  const std::string desc = format_count(total) + " documents by the share of their words kept; " +
                           format_count(passing) + " at or above the pass mark of 0.995, " +
                           format_count(total - passing) + " below it.";
  return open_svg(id, "Fidelity: documents by text recall", desc) + draw(bars, true) + "</svg>";
}

}  // namespace blogshift::report
