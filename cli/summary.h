// cli/summary.h — per-article summary lines (--summary) and the corpus aggregate (--aggregate).
//
// A summary line is a compact JSON object per article, small enough to keep for millions of
// articles (a few hundred bytes to a few KB, against tens of KB for a full report):
//
//   {"id":7,"title":"..","date":"..","source":"..",     <- id as given (null if none); the
//                                                          others only when the input has them
//    "words":812,"sentences":31,"primary_theme":"politics",      (null when nothing matched)
//    "tone":{"compound":0.4617,"label":"positive","gdelt_tone":7.8652},
//    "top_level":[{"id":"politics","label":"Politics","score":48,"count":48,"share":0.6857},..],
//                                                          all, by score
//    "themes":[{"id":"politics.diplomacy","label":"Diplomacy","score":37,"count":37,
//               "share":0.5286},..],                          all
//                                                          sub-themes with hits, by score
//    "entities":[{"name":"China","type":"country","code":"CN","count":25},..]}  all, by count
//
// Field meanings are the report's (newslens/report@2). The page's corpus mode makes the same
// summary of each article (web/src/corpus-aggregate.js `summarise`). Lists are complete, not top-N, so that the
// aggregate of a corpus is exactly the sum of its summary lines: a cluster can keep summaries
// and reduce them later (`newslens aggregate`), and partitions merge without loss.
//
// The aggregate (schema newslens/aggregate@1, docs/report.md "The corpus aggregate",
// docs/aggregate.schema.json; the page's corpus mode writes the same object) is one JSON object:
//
//   {"schema":"newslens/aggregate@1","articles":N,"failed":F,"words":W,"sentences":S,
//    "tone":{"mean_compound":..,"mean_gdelt_tone":..,"compound_sum":..,"gdelt_tone_sum":..,
//            "labels":{"positive":..,"neutral":..,"negative":..}},
//    "top_level":[{"id":..,"label":..,"score":..,"count":..,"share":..,"articles":..,"primary":..}],
//    "themes":[{"id":..,"label":..,"score":..,"count":..,"share":..,"articles":..}],
//    "entities":[{"name":..,"type":..,"code":..,"count":..,"articles":..}]}
//
// `articles` counts analysed articles and `failed` the bad records. score/count/words/sentences
// and the *_sum fields are sums over articles; a theme's `articles` is how many articles it
// appears in, `primary` how many have it as primary theme. `share` is the theme's summed score
// over the summed score of all top-level themes (so long articles weigh more, as in GDELT's
// counts); `mean_compound` and `mean_gdelt_tone` are per-article means (each article weighs
// one). Lists are sorted by score (entities by count), ties by id/name.
//
// Exactness: every non-integer number in a summary is rounded to 4 decimals and the aggregate
// adds those rounded values as integers (units of 1e-4), so sums do not depend on order,
// threads or partitioning, and merging aggregates (`newslens aggregate`) is exact.
//
// Ranges (docs/reliability.md "Aggregates"): a line read back (ParseSummary, Merge) is refused,
// with the field and the range, when an integer (words, sentences, count, articles, failed,
// primary, a label's count) is above kMaxCount; when a compound is outside [-1, 1], a
// gdelt_tone outside [-100, 100], a share outside [0, 1], a score negative or above kMaxScore,
// or any number is not finite; when its tone label is not positive/neutral/negative; or when a
// theme id (or an entity's type and name) is listed twice. Add and Merge refuse a line whose
// sums would pass kMaxCount (integers) or kMaxFixedSum (the 1e-4 sums), and then change
// nothing. So every number an aggregate prints is an exact integer in a JavaScript number.
#ifndef NEWSLENS_CLI_SUMMARY_H_
#define NEWSLENS_CLI_SUMMARY_H_

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "newslens/report.h"
#include "newslens/status.h"

namespace newslens::cli {

inline constexpr char kAggregateSchema[] = "newslens/aggregate@1";

// A number rounded to 4 decimals, held as a count of 1e-4 units.
using Fixed4 = int64_t;

// The largest integer a summary or an aggregate holds: 2^53 - 1, the largest a JavaScript number
// (the page's corpus mode, any JSON reader using doubles) holds exactly.
inline constexpr uint64_t kMaxCount = (uint64_t{1} << 53) - 1;
// The largest sum of 1e-4 units (score, compound and tone sums): the same 2^53 - 1, so a summed
// score stays below 9.0e11 and is exact as a double.
inline constexpr Fixed4 kMaxFixedSum = static_cast<Fixed4>(kMaxCount);
// The largest theme score one summary line may carry (one article of the largest text the
// analyzer takes, 256 MiB, has fewer words than this).
inline constexpr double kMaxScore = 1e9;
Fixed4 ToFixed4(double v);
// Shortest decimal form: 12.5, 0.0421, 3, -0.2 (never -0).
void AppendFixed4(Fixed4 q, std::string* out);

// Fields an input record may carry besides its text; null when absent.
struct ArticleMeta {
  nlohmann::json id, title, date, source;
};

struct Summary {
  uint64_t words = 0, sentences = 0;
  std::string primary_theme;
  Fixed4 compound = 0, gdelt_tone = 0;
  std::string label;
  struct Theme {
    std::string id, label;  // label: the taxonomy's name ("" when a summary line has none)
    Fixed4 score = 0;
    uint64_t count = 0;
    Fixed4 share = 0;
  };
  std::vector<Theme> top_level, themes;
  struct Entity {
    std::string name, type, code;
    uint64_t count = 0;
  };
  std::vector<Entity> entities;
};

Summary Summarize(const Report& report);
// The summary line, compact JSON without a trailing newline.
std::string SummaryJson(const ArticleMeta& meta, const Summary& summary);
// Reads back a summary line (the inverse of SummaryJson for the numbers that matter).
Result<Summary> ParseSummary(const nlohmann::json& line);

class Aggregate {
 public:
  // Adds one article; refused (nothing changed) when a sum would pass its range.
  Status Add(const Summary& s);
  void AddFailed() { ++failed_; }
  // Adds a previous ToJson() output (parsed), e.g. one partition's aggregate; refused (nothing
  // changed) when a number is out of range, an id repeats, or a sum would pass its range.
  Status Merge(const nlohmann::json& aggregate);
  uint64_t articles() const { return articles_; }
  std::string ToJson() const;

 private:
  struct ThemeTotal {
    std::string label;
    Fixed4 score = 0;
    uint64_t count = 0, articles = 0, primary = 0;
  };
  struct EntityTotal {
    std::string name, type, code;
    uint64_t count = 0, articles = 0;
  };
  uint64_t articles_ = 0, failed_ = 0, words_ = 0, sentences_ = 0;
  Fixed4 compound_sum_ = 0, gdelt_sum_ = 0;
  std::map<std::string, uint64_t> labels_{{"positive", 0}, {"neutral", 0}, {"negative", 0}};
  std::unordered_map<std::string, ThemeTotal> top_level_, themes_;
  std::unordered_map<std::string, EntityTotal> entities_;  // key: type '\x1f' name
};

}  // namespace newslens::cli

#endif  // NEWSLENS_CLI_SUMMARY_H_
