// Analyses a JSONL corpus ({"text": ...} per line) REPS times with the public API only
// (Analyzer::Create, then AnalyzeToJson as the CLI and the wasm module do, or Analyze + ToJson
// in cores without it or with VIA_REPORT=1 in the environment; AnalyzeToFlat, the wasm module's
// analyze() path, with FLAT=1 in cores that have core/src/flat.h), for instruction counts under
// callgrind, and prints the median wall-clock MB/s of the repetitions: see bench/callgrind.sh,
// which builds it against any commit's core so figures compare over history.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newslens/analyzer.h"
#include "newslens/report.h"
#ifdef NEWSLENS_HAS_FLAT  // core/src/flat.h: the wasm module's analyze() path
#include "flat.h"
#endif

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: analyze_once CORPUS.jsonl [REPS] [FIELDS]\n");
    return 2;
  }
  auto analyzer = newslens::Analyzer::Create({});
  if (!analyzer.ok()) {
    std::fprintf(stderr, "%s\n", analyzer.error().c_str());
    return 1;
  }
  std::vector<std::string> texts;
  std::ifstream in(argv[1]);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) texts.push_back(nlohmann::json::parse(line)["text"].get<std::string>());
  const int reps = argc > 2 ? std::atoi(argv[2]) : 1;
  newslens::Options options;  // FIELDS: the report parts, as the CLI's --fields (default all)
#ifdef NEWSLENS_HAS_FIELDS  // bench/callgrind.sh builds this file against older cores too
  if (argc > 3) {
    if (auto s = newslens::ParseReportFields(argv[3], &options); !s.ok()) {
      std::fprintf(stderr, "%s\n", s.error().c_str());
      return 2;
    }
  }
#endif
  const char* via = std::getenv("VIA_REPORT");
  const bool via_report = via != nullptr;
#ifdef NEWSLENS_HAS_FLAT
  const bool flat = std::getenv("FLAT") != nullptr;  // FLAT=1: AnalyzeToFlat, as wasm analyze()
  newslens::FlatReport flat_report;
#endif
  newslens::Report reused;  // VIA_REPORT=reuse: one Report analysed into (where the core can)
  size_t bytes = 0, out = 0;
  std::vector<double> ms;
  for (int r = 0; r < reps; ++r) {
    auto start = std::chrono::steady_clock::now();
    for (const std::string& t : texts) {
#ifdef NEWSLENS_HAS_FLAT
      if (flat) {
        (void)analyzer.value().AnalyzeToFlat(t, options, &flat_report);
        out += flat_report.ints.size() * 4 + flat_report.numbers.size() * 8 +
               flat_report.strings.size() + flat_report.shapes.size();
        bytes += t.size();
        continue;
      }
#endif
#ifdef NEWSLENS_HAS_ANALYZE_TO_JSON
      if (!via_report) {
        out += analyzer.value().AnalyzeToJson(t, options).value().size();
        bytes += t.size();
        continue;
      }
#endif
#ifdef NEWSLENS_HAS_ANALYZE_INTO
      if (via_report && std::string(via) == "reuse") {
        (void)analyzer.value().Analyze(t, options, &reused);
        out += newslens::ToJson(reused).size();
        bytes += t.size();
        continue;
      }
#endif
      out += newslens::ToJson(analyzer.value().Analyze(t, options).value()).size();
      bytes += t.size();
    }
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  const double median = ms.empty() ? 0 : ms[ms.size() / 2];
  std::fprintf(stderr, "bytes %zu report_bytes %zu median_ms_per_rep %.4f MB/s %.2f\n", bytes, out,
               median, median > 0 && reps > 0 ? bytes / reps / 1e3 / median : 0.0);
  return 0;
}
