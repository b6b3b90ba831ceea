// Private: building an analyzer in steps.
//
// Analyzer::Create reads the built-in dictionaries and compiles every engine in one call: ~40 M
// instructions for the widget's edition, ~70 M for the full one (callgrind, bench/callgrind.sh),
// a task of about 200 ms on a page's main thread at 4x CPU throttle. The widget builds its
// analyzer there when it cannot start a worker (from file://, or under a policy without workers),
// and must not hold the thread for more than a fraction of the 50 ms that make a long task
// (issue 19). AnalyzerBuild does the same work as Create, in the same order, cut into steps of
// at most a few million instructions: a part of the packed dictionaries (Unpacker), a slice of
// the taxonomy's terms, each custom dictionary, the tone lexicons, the actors' dictionaries. The
// caller gives its thread back between two steps (wasm/session.h, `step()`).
//
//   AnalyzerBuild build(config);
//   while (build.Step()) { /* yield */ }
//   Result<Analyzer> analyzer = build.Finish();
//
// Analyzer::Create is this loop run without pausing, so both give the same analyzer (reports
// byte-identical: tests/core/analyzer_build_test.cc).
#ifndef NEWSLENS_SRC_ANALYZER_BUILD_H_
#define NEWSLENS_SRC_ANALYZER_BUILD_H_

#include <cstddef>
#include <cstdint>
#include <memory>

#include "builtin.h"
#include "newslens/analyzer.h"
#include "newslens/status.h"

namespace newslens {

class AnalyzerBuild {
 public:
  // Taxonomy terms compiled per step, for a caller that pauses: the taxonomy takes ~1,800
  // instructions a term to compile (callgrind: 11.9 M for the widget's 6,399 terms), so ~3.6 M a
  // step, and twice as many are read per step of the packed text. Each slice costs the engine a
  // pass over the terms filed so far (ThemeEngine::Flatten) and the words' keys computed again
  // (its memo lives for one Add): +15 M instructions for the full taxonomy in slices of 2,000,
  // +2.5 M for the widget's. Analyzer::Create, which does not pause, compiles it whole.
  static constexpr size_t kTermsPerStep = 2000;
  static constexpr size_t kWhole = SIZE_MAX;

  // From the built-in dictionaries the binary carries (embedded::Packed()), plus the config's;
  // the taxonomy compiled `terms_per_step` terms at a time.
  explicit AnalyzerBuild(AnalyzerConfig config, size_t terms_per_step = kWhole);
  // From the given built-in dictionaries (tests compare JSON-loaded and packed ones).
  AnalyzerBuild(AnalyzerConfig config, BuiltinDictionaries builtin,
                size_t terms_per_step = kWhole);
  ~AnalyzerBuild();
  AnalyzerBuild(const AnalyzerBuild&) = delete;
  AnalyzerBuild& operator=(const AnalyzerBuild&) = delete;

  // Does the next step; false once the analyzer is built or the build failed.
  bool Step();
  // How many steps have been done.
  int steps() const;
  // The analyzer, or the first error (a malformed dictionary, named); once Step() returned false.
  Result<Analyzer> Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace newslens

#endif  // NEWSLENS_SRC_ANALYZER_BUILD_H_
