#include "crawler.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <unordered_map>

#include "crawl/crawl_discovery.h"
#include "errors.h"
#include "fetch_version.h"
#include "http/host_schedule.h"
#include "robots/robots_txt.h"
#include "scope/blog_scope.h"
#include "warc/crawl_warc.h"
#include "warc/http_response.h"
#include "warc/warc_record_reader.h"

namespace blogshift::fetch {

const char* to_string(FetchOutcome outcome) {
  switch (outcome) {
    case FetchOutcome::Fetched: return "fetched";
    case FetchOutcome::Held: return "held";
    case FetchOutcome::Failed: return "failed";
    case FetchOutcome::Robots: return "robots";
  }
  return "failed";
}

namespace {

int priority_of(UrlRole role) {
  switch (role) {
    case UrlRole::Robots: return 0;
    case UrlRole::Home: return 1;
    case UrlRole::Feed:
    case UrlRole::Sitemap: return 2;
    case UrlRole::Post:
    case UrlRole::Page: return 3;
    case UrlRole::CommentFeed: return 4;
    case UrlRole::Label:
    case UrlRole::Archive: return 5;
    default: return 6;
  }
}

// Roles whose bodies are read for links (the rest are only stored).
bool is_document(UrlRole role) {
  switch (role) {
    case UrlRole::Robots:
    case UrlRole::Home:
    case UrlRole::Post:
    case UrlRole::Page:
    case UrlRole::Label:
    case UrlRole::Archive:
    case UrlRole::Feed:
    case UrlRole::CommentFeed:
    case UrlRole::Sitemap: return true;
    default: return false;
  }
}

struct Job {
  uint64_t id = 0;
  FetchUrl url;
  UrlRole role = UrlRole::Home;
  std::string origin;
  int attempts = 0;
  std::vector<std::string> chain;  // the URLs that redirected here, first first
  Clock::time_point not_before{};
};

struct JobOrder {
  bool operator()(const Job& a, const Job& b) const {
    const int pa = priority_of(a.role), pb = priority_of(b.role);
    return pa != pb ? pa > pb : a.id > b.id;  // a min-heap: lower priority value, then older, first
  }
};

struct Origin {
  std::priority_queue<Job, std::vector<Job>, JobOrder> queue;
  enum class Robots { Unknown, Fetching, Known } robots = Robots::Unknown;
  RobotsTxt rules = RobotsTxt::allow_all();
  std::string robots_failure;  // why robots.txt gave no rules (then RFC 9309 disallows everything)
};

// The decoded body of a response for reading links; nullopt when the content
// coding cannot be undone (a damaged gzip stream).
std::optional<std::string> decoded_body(const std::string& head_text, const std::string& body, std::string& error) {
  auto head = parse_http_head(head_text, error);
  if (!head) return std::nullopt;
  return decode_http_body(*head, body, error, size_t{64} << 20);
}

class Crawler {
public:
  Crawler(const CrawlOptions& options, const StageLog& log, const ProblemSink& problem)
      : options_(options), log_(log), problem_(problem), schedule_(options.concurrency, options.rate),
        retry_(options.retry, options.jitter_seed ? options.jitter_seed : static_cast<uint64_t>(std::time(nullptr))),
        scope_(seed_urls()) {}

  CrawlReport run() {
    const auto started = Clock::now();
    CrawlWarcInfo info;
    info.software = std::string("blogshift/") + BLOGSHIFT_VERSION;
    info.user_agent = options_.http.user_agent;
    info.robots = options_.ignore_robots ? "ignore" : "obey";
    info.seeds = options_.seeds;
    info.description = options_.discover ? "a crawl of one Blogger blog for its migration and archive"
                                         : "the images and attachments one Blogger blog's posts reference";
    std::map<std::string, int> held_status;  // url -> status of its answer in the file
    CrawlWarcResume resume;
    warc_ = std::make_unique<CrawlWarc>(options_.warc_path, info, [&](const WarcRecord& record) {
      if (record.type != "response" || record.header("WARC-Truncated")) return;
      std::string error;
      auto head = parse_http_head(record.block, error);
      if (!head) return;
      HttpExchange probe;
      probe.status = head->status;
      if (is_retryable(probe)) return;
      held_status[record.target_uri] = head->status;
    }, &resume);
    report_.warc_path = options_.warc_path;
    report_.warc_cut_bytes = resume.cut_bytes;
    if (resume.cut_bytes > 0) {
      ProblemRecord p = problem_record(options_.warc_path, Severity::Warning, "FETCH_WARC_CUT",
                                       "the last " + std::to_string(resume.cut_bytes) +
                                           " bytes held a record cut short (the crawl was stopped); they were removed and "
                                           "the crawl goes on from the last whole record");
      problem_(p);
    }
    for (const auto& [url, status] : held_status) held_.insert(url);
    if (!held_.empty()) replay_held(held_status);
    for (const auto& seed : seed_urls()) {
      enqueue_url(seed.text, FoundAs::Seed, std::nullopt, {});
      if (options_.discover && scope_.is_blog_host(seed.host)) {
        auto role = scope_.admit(seed, FoundAs::Seed, std::nullopt);
        if (role && role->role == UrlRole::Home)
          for (const auto& entry : blog_entry_points(seed)) enqueue_url(entry, FoundAs::Derived, std::nullopt, {});
      }
    }
    loop();
    warc_->sync();
    report_.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return std::move(report_);
  }

private:
  std::vector<FetchUrl> seed_urls() const {
    std::vector<FetchUrl> seeds;
    for (const auto& s : options_.seeds) {
      auto url = parse_fetch_url(s);
      if (!url) throw UsageError("not an http or https URL: '" + s + "'");
      seeds.push_back(*url);
    }
    return seeds;
  }

  ProblemRecord problem_record(const std::string& where, Severity severity, const std::string& code,
                               const std::string& message) const {
    ProblemRecord p;
    p.stage = "fetch";
    p.position.file = where;
    p.item = where;
    p.severity = severity;
    p.code = code;
    p.message = message;
    return p;
  }

  FetchedUrl& outcome(const Job& job) {
    auto [it, added] = outcome_index_.try_emplace(job.url.text, report_.urls.size());
    if (added) {
      FetchedUrl row;
      row.url = job.url.text;
      row.role = to_string(job.role);
      report_.urls.push_back(std::move(row));
    }
    return report_.urls[it->second];
  }

  // Admits a URL found as `how` on a page of `found_on`, and queues it.
  void enqueue_url(const std::string& text, FoundAs how, std::optional<UrlRole> found_on,
                   const std::vector<std::string>& chain) {
    auto url = parse_fetch_url(text);
    if (!url) return;
    // Templates write a post's label links with a page size
    // (/search/label/X?max-results=12): the label page itself is what the
    // migration's redirects cover.
    if (how == FoundAs::TagLink && url->path.starts_with("/search/label/") && !url->query.empty())
      if (auto bare = parse_fetch_url(url->text.substr(0, url->text.find('?')))) url = bare;
    ScopeRefusal why;
    auto scoped = scope_.admit(*url, how, found_on, &why);
    if (!scoped) {
      if (refused_.insert(url->text).second) ++report_.refused;
      return;
    }
    if (scoped->role == UrlRole::Image) {
      // Every image at its original size: the thumbnail a page shows is a
      // scaled copy of it (and extract's asset lookup ignores the size).
      const std::string original = original_image_url(scoped->url.text);
      if (original != scoped->url.text)
        if (auto o = parse_fetch_url(original)) scoped->url = *o;
    }
    queue_job(scoped->url, scoped->role, chain);
    if (options_.discover && options_.mobile) {
      const std::string mobile = mobile_form(scoped->url, scoped->role);
      if (!mobile.empty())
        if (auto m = parse_fetch_url(mobile)) queue_job(*m, scoped->role, {});
    }
  }

  void queue_job(const FetchUrl& url, UrlRole role, const std::vector<std::string>& chain) {
    if (!known_.insert(url.text).second) return;
    if (held_.count(url.text)) return;  // answered by the file already: replayed, not fetched
    if (static_cast<int64_t>(known_.size()) > options_.max_urls) {
      if (!report_.limit_reached)
        problem_(problem_record(url.text, Severity::Warning, "FETCH_LIMIT",
                                "the crawl reached --max-urls " + std::to_string(options_.max_urls) +
                                    "; further URLs are not fetched"));
      report_.limit_reached = true;
      return;
    }
    Job job;
    job.id = next_id_++;
    job.url = url;
    job.role = role;
    job.origin = origin_of(url);
    job.chain = chain;
    Origin& o = origins_[job.origin];
    if (o.robots == Origin::Robots::Unknown && role != UrlRole::Robots) {
      if (options_.ignore_robots) {
        o.robots = Origin::Robots::Known;
      } else {
        o.robots = Origin::Robots::Fetching;
        std::string robots = url.scheme + "://" + url.host + (url.port ? ":" + std::to_string(url.port) : "") +
                             "/robots.txt";
        if (auto r = parse_fetch_url(robots)) {
          if (held_.count(r->text)) {
            // The file answers it: its replay settles this host (a redirect
            // it held may still need its target fetched first).
          } else if (known_.insert(r->text).second) {  // (else on its way already: a redirect led to it)
            Job rj;
            rj.id = next_id_++;
            rj.url = *r;
            rj.role = UrlRole::Robots;
            rj.origin = job.origin;
            o.queue.push(std::move(rj));
            ++queued_;
          }
        }
      }
    }
    o.queue.push(std::move(job));
    ++queued_;
  }

  // The records an earlier run left: each answered URL is held, and read for
  // links as if it had just arrived.
  void replay_held(const std::map<std::string, int>& held_status) {
    WarcRecordReader reader(options_.warc_path);
    WarcRead read;
    while (reader.next(read)) {
      if (!read.record || read.record->type != "response") continue;
      const WarcRecord& r = *read.record;
      if (!held_status.count(r.target_uri) || r.header("WARC-Truncated")) continue;
      auto url = parse_fetch_url(r.target_uri);
      if (!url) continue;
      auto scoped = scope_.admit(*url, FoundAs::Seed, std::nullopt);
      Job job;
      job.url = *url;
      job.role = scoped ? scoped->role : UrlRole::Home;
      if (url->path == "/robots.txt") job.role = UrlRole::Robots;
      job.origin = origin_of(*url);
      known_.insert(url->text);
      std::string error;
      auto head = parse_http_head(r.block, error);
      if (!head) continue;
      HttpExchange probe;  // a try that was answered with 429 or 5xx before a later one held
      probe.status = head->status;
      if (is_retryable(probe)) continue;
      const std::string head_text = r.block.substr(0, head->body_offset);
      const std::string raw = r.block.substr(head->body_offset);
      // Read for links as it was when it arrived: content coding undone.
      std::string body;
      if (is_document(job.role) && head->status / 100 == 2) {
        auto decoded = decode_http_body(*head, raw, error, size_t{64} << 20);
        if (decoded) body = std::move(*decoded);
      }
      FetchedUrl& row = outcome(job);
      if (row.outcome != FetchOutcome::Held || row.status == 0) ++report_.held;
      row.outcome = FetchOutcome::Held;
      row.status = head->status;
      row.bytes = static_cast<int64_t>(raw.size());
      row.warc_offset = r.offset;
      answered(job, head->status, head_text, body);
    }
  }

  void loop() {
    auto progress = log_.progress("fetch", "URLs", 0);
    while (true) {
      const auto now = Clock::now();
      release_delayed(now);
      start_ready(now);
      if (http_.active() == 0 && queued_ == 0 && delayed_.empty()) break;
      if (http_.active() == 0 && delayed_.empty()) unblock_robots_waits();
      // Until a transfer moves, or the next start a host or a retry allows.
      const int wait_ms = static_cast<int>(std::clamp<int64_t>(
          std::chrono::duration_cast<std::chrono::milliseconds>(next_wake(now) - now).count(), 1,
          http_.active() > 0 ? 100 : 1000));
      for (HttpExchange& x : http_.poll(wait_ms)) handle(std::move(x));
      const int64_t waiting = queued_ + static_cast<int64_t>(delayed_.size() + in_flight_.size());
      progress.set_detail(std::to_string(waiting) + " queued, " + std::to_string(report_.bytes >> 10) + " KiB");
      progress.set_total(static_cast<int64_t>(report_.fetched + report_.failed + report_.robots) + queued_ +
                         static_cast<int64_t>(delayed_.size() + in_flight_.size()));
      const int64_t done = report_.fetched + report_.failed + report_.robots;
      if (done > progress_done_) {
        progress.advance(done - progress_done_);
        progress_done_ = done;
      }
    }
    progress.finish();
  }

  // Nothing runs and nothing is due, yet URLs wait: their hosts wait for a
  // robots.txt nobody will fetch any more. They get no rules from it (RFC
  // 9309: unreachable), so the crawl ends instead of waiting for ever.
  void unblock_robots_waits() {
    for (auto& [origin, o] : origins_) {
      if (o.queue.empty() || o.robots == Origin::Robots::Known || o.queue.top().role == UrlRole::Robots) continue;
      robots_known(origin, 0);
      o.robots_failure = "its robots.txt never answered";
    }
  }

  Clock::time_point next_wake(Clock::time_point now) const {
    Clock::time_point next = now + std::chrono::seconds(1);
    if (!delayed_.empty()) next = std::min(next, delayed_.begin()->first);
    // Hosts that wait for their robots.txt or have every connection busy
    // wake up with a transfer, not with the clock.
    for (const auto& [origin, o] : origins_) {
      if (o.queue.empty() || schedule_.at_capacity(origin)) continue;
      if (o.robots != Origin::Robots::Known && o.queue.top().role != UrlRole::Robots) continue;
      next = std::min(next, schedule_.ready_at(origin, now));
    }
    return next;
  }

  void release_delayed(Clock::time_point now) {
    while (!delayed_.empty() && delayed_.begin()->first <= now) {
      Job job = std::move(delayed_.begin()->second);
      delayed_.erase(delayed_.begin());
      origins_[job.origin].queue.push(std::move(job));
      ++queued_;
    }
  }

  void start_ready(Clock::time_point now) {
    for (auto& [origin, o] : origins_) {
      while (!o.queue.empty() && schedule_.can_start(origin, now)) {
        const bool robots_job = o.queue.top().role == UrlRole::Robots;
        if (!robots_job && o.robots != Origin::Robots::Known) break;  // waits for robots.txt
        Job job = o.queue.top();
        o.queue.pop();
        --queued_;
        if (!robots_job && !o.rules.allowed(job.url.path + (job.url.query.empty() ? "" : "?" + job.url.query))) {
          FetchedUrl& row = outcome(job);
          row.outcome = FetchOutcome::Robots;
          row.error = o.robots_failure.empty()
                          ? "robots.txt: " + o.rules.deciding_rule(job.url.path)
                          : "robots.txt of " + origin + " could not be read (" + o.robots_failure +
                                "), and RFC 9309 then disallows everything there";
          ++report_.robots;
          continue;
        }
        schedule_.started(origin, now);
        ++job.attempts;
        ++report_.requests;
        http_.start(job.id, job.url.text);
        in_flight_.emplace(job.id, std::move(job));
      }
    }
  }

  void handle(HttpExchange x) {
    auto it = in_flight_.find(x.tag);
    if (it == in_flight_.end()) return;
    Job job = std::move(it->second);
    in_flight_.erase(it);
    schedule_.finished(job.origin);
    report_.bytes += static_cast<int64_t>(x.body.size());
    const int64_t now_s = static_cast<int64_t>(std::time(nullptr));

    // A damaged content coding (a gzip stream cut short) is a failed try,
    // though the transfer itself ended well.
    std::optional<std::string> body;
    std::string decode_error;
    if (x.error == TransferError::None && is_document(job.role)) {
      body = decoded_body(recorded_response_head(x.response_head), x.body, decode_error);
      if (!body) {
        x.error = TransferError::BadResponse;
        x.error_text = "the body cannot be decoded: " + decode_error;
      }
    }
    const bool transport_ok = x.error == TransferError::None || x.error == TransferError::TooLarge;
    if (transport_ok && x.status > 0) {
      const int64_t offset = warc_->write(x);
      FetchedUrl& row = outcome(job);
      row.status = x.status;
      row.attempts = job.attempts;
      row.bytes = static_cast<int64_t>(x.body.size());
      row.warc_offset = offset;
    }
    std::string why;
    if (is_retryable(x)) {
      if (auto delay = retry_.delay(x, job.attempts, now_s, &why)) {
        if (x.status == 429 || x.status == 503) schedule_.pause(job.origin, Clock::now(), *delay);
        job.not_before = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(*delay));
        delayed_.emplace(job.not_before, std::move(job));
        return;
      }
    }
    if (x.error != TransferError::None && x.error != TransferError::TooLarge) return fail(job, x, why);
    if (is_retryable(x)) return fail(job, x, why);  // a 429 or 5xx that stayed
    FetchedUrl& row = outcome(job);
    row.outcome = FetchOutcome::Fetched;
    ++report_.fetched;
    if (x.error == TransferError::TooLarge) {
      // Not the page: its head (and what arrived before the cap) is kept,
      // marked WARC-Truncated, and the URL counts as failed.
      row.outcome = FetchOutcome::Failed;
      row.error = x.error_text;
      --report_.fetched;
      ++report_.failed;
      problem_(problem_record(job.url.text, Severity::Error, "FETCH_TOO_LARGE",
                              std::string(to_string(job.role)) + " not kept whole: " + x.error_text +
                                  " (--max-size); what arrived is in the WARC, marked WARC-Truncated"));
      if (job.role == UrlRole::Robots) robots_settled(job, 0, {}, row.error);
      return;
    }
    const std::string head_text = recorded_response_head(x.response_head);
    answered(job, x.status, head_text, body ? *body : std::string());
  }

  void fail(const Job& job, const HttpExchange& x, const std::string& why) {
    FetchedUrl& row = outcome(job);
    row.outcome = FetchOutcome::Failed;
    row.attempts = job.attempts;
    row.status = x.status;
    std::string what = x.error != TransferError::None ? x.error_text
                                                      : "HTTP " + std::to_string(x.status);
    row.error = what + (why.empty() ? "" : " (" + why + ")");
    ++report_.failed;
    problem_(problem_record(job.url.text, Severity::Error, "FETCH_FAILED",
                            std::string(to_string(job.role)) + " not fetched: " + row.error +
                                (job.role == UrlRole::Robots
                                     ? "; nothing else on " + job.origin + " is fetched (RFC 9309: an unreachable "
                                       "robots.txt disallows all; --ignore-robots does not ask for it)"
                                     : "")));
    // Whatever the last try answered (a 429, a 200 cut short), it gave no
    // rules: unreachable, so RFC 9309 disallows all.
    if (job.role == UrlRole::Robots) robots_settled(job, 0, {}, row.error);
  }

  // A robots.txt answered (or failed): its rules hold for its own host and
  // for every host whose robots.txt redirected to it (RFC 9309 2.3.1.2).
  void robots_settled(const Job& job, int status, std::string_view body, const std::string& failure = {}) {
    std::vector<std::string> origins = {job.origin};
    if (auto it = robots_waiters_.find(job.url.text); it != robots_waiters_.end()) {
      origins.insert(origins.end(), it->second.begin(), it->second.end());
      robots_waiters_.erase(it);
    }
    for (const auto& origin : origins) {
      robots_known(origin, status, body);
      origins_[origin].robots_failure = failure;
    }
  }

  // A robots.txt that redirects: followed up to five hops, across hosts; past
  // that it counts as unavailable (no rules), as RFC 9309 allows.
  void follow_robots_redirect(const Job& job, const std::string& head_text) {
    auto location = head_header(head_text, "Location");
    auto target = location ? resolve_url(job.url.text, *location) : std::nullopt;
    const std::string& waiter = job.chain.empty() ? job.origin : job.chain.front();
    if (!target || job.chain.size() >= 5) {
      for (const std::string& o : {job.origin, waiter}) robots_known(o, 404);
      return;
    }
    robots_waiters_[target->text].push_back(job.origin);
    if (waiter != job.origin) robots_waiters_[target->text].push_back(waiter);
    if (held_.count(target->text)) return;  // the file answers it: its replay settles the waiters
    if (!known_.insert(target->text).second) {
      // Already answered: its host's rules are known and hold here too.
      const Origin& t = origins_[origin_of(*target)];
      if (t.robots == Origin::Robots::Known && target->path == "/robots.txt") {
        for (const auto& o : robots_waiters_[target->text]) {
          origins_[o].rules = t.rules;
          origins_[o].robots = Origin::Robots::Known;
        }
        robots_waiters_.erase(target->text);
      }
      return;
    }
    Job next;
    next.id = next_id_++;
    next.url = *target;
    next.role = UrlRole::Robots;
    next.origin = origin_of(*target);
    // A robots.txt job's chain holds hosts, not URLs: first the one whose
    // rules it decides, then one per hop (five at most).
    next.chain = job.chain;
    if (next.chain.empty()) next.chain.push_back(job.origin);
    origins_[next.origin].queue.push(std::move(next));
    ++queued_;
  }

  void robots_known(const std::string& origin, int status, std::string_view body = {}) {
    Origin& o = origins_[origin];
    o.robots = Origin::Robots::Known;
    // RFC 9309 2.3.1: 2xx gives the rules, 4xx means no rules, and a server
    // error or no answer means everything is disallowed.
    if (status >= 200 && status < 300) o.rules = RobotsTxt::parse(body, kRobotsProduct);
    else if (status >= 400 && status < 500) o.rules = RobotsTxt::allow_all();
    else o.rules = RobotsTxt::disallow_all();
    if (auto delay = o.rules.crawl_delay()) schedule_.set_min_interval(origin, std::min(*delay, 30.0));
  }

  // A response that is an answer (fetched now, or held from before).
  void answered(const Job& job, int status, const std::string& head_text, const std::string& body) {
    if (job.role == UrlRole::Robots) {
      if (status / 100 == 3) return follow_robots_redirect(job, head_text);
      robots_settled(job, status, body);
      if (options_.discover && status / 100 == 2 && scope_.is_blog_host(job.url.host))
        for (const auto& sitemap : origins_[job.origin].rules.sitemaps())
          enqueue_url(sitemap, FoundAs::Derived, UrlRole::Robots, {});
      return;
    }
    if (status / 100 == 3) return follow_redirect(job, head_text);
    if (status / 100 != 2 || !options_.discover || !is_document(job.role)) return;
    for (const auto& link : discover_links(job.role, job.url, body, scope_))
      enqueue_url(link.url, link.how, job.role, {});
  }

  void follow_redirect(const Job& job, const std::string& head_text) {
    auto location = head_header(head_text, "Location");
    if (!location) return;
    auto target = resolve_url(job.url.text, *location);
    if (!target) return;
    std::vector<std::string> chain = job.chain;
    chain.push_back(job.url.text);
    if (std::find(chain.begin(), chain.end(), target->text) != chain.end()) {
      problem_(problem_record(chain.front(), Severity::Warning, "FETCH_REDIRECT_LOOP",
                              "redirect loop: " + job.url.text + " leads back to " + target->text));
      return;
    }
    if (static_cast<int>(chain.size()) > options_.max_redirects) {
      problem_(problem_record(chain.front(), Severity::Warning, "FETCH_REDIRECT_LIMIT",
                              "more than " + std::to_string(options_.max_redirects) + " redirects from " +
                                  chain.front() + "; stopped at " + target->text));
      return;
    }
    // A blog page that moved to another host (blogspot -> custom domain, a
    // country host -> .com) tells the crawl that host is the blog's too.
    if ((job.role == UrlRole::Home || job.role == UrlRole::Post || job.role == UrlRole::Page) &&
        scope_.is_blog_host(job.url.host) && !BlogScope::is_image_host(target->host) && target->path == job.url.path)
      scope_.add_blog_host(target->host);
    enqueue_url(target->text, FoundAs::Redirect, job.role, chain);
  }

  const CrawlOptions& options_;
  const StageLog& log_;
  const ProblemSink& problem_;
  HostSchedule schedule_;
  RetryPolicy retry_;
  BlogScope scope_;
  HttpClient http_{options_.http};
  std::unique_ptr<CrawlWarc> warc_;
  CrawlReport report_;
  std::map<std::string, Origin> origins_;
  std::unordered_map<uint64_t, Job> in_flight_;
  std::multimap<Clock::time_point, Job> delayed_;
  std::set<std::string> known_, held_, refused_;
  std::map<std::string, std::vector<std::string>> robots_waiters_;  // robots.txt URL -> hosts redirected to it
  std::unordered_map<std::string, size_t> outcome_index_;
  uint64_t next_id_ = 1;
  int64_t queued_ = 0;
  int64_t progress_done_ = 0;
};

}  // namespace

CrawlReport run_crawl(const CrawlOptions& options, const StageLog& log, const ProblemSink& problem) {
  Crawler crawler(options, log, problem);
  return crawler.run();
}

}  // namespace blogshift::fetch
