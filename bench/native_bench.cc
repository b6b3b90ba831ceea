// Native full-analysis throughput, printed in the same table format as bench/peers/run.mjs so
// the wasm and native figures line up.
//
//   build-perf/bench/newslens_native_bench [--corpus=PATH] [--rounds=5]
//
// Full analysis = Analyzer::AnalyzeToJson (the report as the CLI and the wasm module write it;
// the same bytes as ToJson of Analyze's Report), one article at a time on one thread. MB/s
// counts input bytes (10^6); tokens/s counts the words newslens finds
// (report stats.words), the same denominator bench/peers uses for every analyzer. Figures are the
// median of the rounds; ms/article is the corpus time divided by its articles.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bench_util.h"
#include "newslens/analyzer.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty()      ? 0
         : v.size() % 2 ? v[v.size() / 2]
                        : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace newslens;
  std::string path = bench::TakeCorpusFlag(&argc, argv);
  int rounds = 5;
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], "--rounds=", 9) == 0) rounds = std::max(1, std::atoi(argv[i] + 9));

  std::vector<double> create_ms;
  for (int i = 0; i < 5; ++i) {
    auto t0 = Clock::now();
    auto a = Analyzer::Create({});
    create_ms.push_back(Ms(t0, Clock::now()));
    if (!a.ok()) {
      std::fprintf(stderr, "bench: %s\n", a.error().c_str());
      return 1;
    }
  }
  Analyzer analyzer = Analyzer::Create({}).value();
  Options options;
  bench::Corpus corpus = bench::LoadCorpus(path);

  uint64_t words = 0;
  for (const auto& a : corpus.articles)
    words += analyzer.Analyze(a.text, options).value().stats.words;
  // The full report, and tone only (Options with the themes, actors, sentences and mentions
  // left out: what a sentiment-only analyzer computes), alternating round by round.
  Options tone_only;
  tone_only.include_themes = tone_only.include_entities = false;
  tone_only.include_sentences = tone_only.include_mentions = false;
  std::vector<double> round_ms, tone_ms;
  size_t sink = 0;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = Clock::now();
    for (const auto& a : corpus.articles)
      sink += analyzer.AnalyzeToJson(a.text, options).value().size();
    round_ms.push_back(Ms(t0, Clock::now()));
    t0 = Clock::now();
    for (const auto& a : corpus.articles)
      sink += analyzer.AnalyzeToJson(a.text, tone_only).value().size();
    tone_ms.push_back(Ms(t0, Clock::now()));
  }
  std::string sample = bench::Sample();
  std::vector<double> sample_ms;
  for (int i = 0; i < 50; ++i) sink += analyzer.AnalyzeToJson(sample, options).value().size();
  for (int i = 0; i < 200; ++i) {
    auto t0 = Clock::now();
    sink += analyzer.AnalyzeToJson(sample, options).value().size();
    sample_ms.push_back(Ms(t0, Clock::now()));
  }

  double ms = Median(round_ms);
  std::printf("newslens bench v1 | corpus: %s | %zu articles, %.2f MB, %llu words | rounds: %d\n",
              corpus.name.c_str(), corpus.articles.size(), corpus.bytes / 1e6,
              static_cast<unsigned long long>(words), rounds);
  std::printf("%-22s %10s %12s %12s\n", "analyzer", "MB/s", "Mtokens/s", "ms/article");
  std::printf("%-22s %10.1f %12.2f %12.4f\n", "newslens-native", corpus.bytes / 1e3 / ms,
              words / 1e3 / ms, ms / corpus.articles.size());
  const double tms = Median(tone_ms);
  std::printf("%-22s %10.1f %12.2f %12.4f\n", "newslens-native tone", corpus.bytes / 1e3 / tms,
              words / 1e3 / tms, tms / corpus.articles.size());
  std::printf("sample %zu B warm: median %.4f ms (200 runs)\n", sample.size(), Median(sample_ms));
  std::printf("Analyzer::Create: median %.2f ms (5 runs)\n", Median(create_ms));
  return sink == 0;  // keeps the work observable
}
