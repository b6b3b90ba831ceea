// The wasm module's Session: one analyzer built from the embedded dictionaries plus the caller's,
// and the buffers an analysis is handed through (wasm/bindings.cc declares it to Embind;
// wasm/newslens-api.js is its only caller).
#ifndef NEWSLENS_WASM_SESSION_H_
#define NEWSLENS_WASM_SESSION_H_

#include <emscripten/val.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer_build.h"
#include "flat.h"
#include "newslens/analyzer.h"

namespace newslens::wasm {

// What analyze and analyzeParts are asked, as one integer (Embind's value_object would make
// one call into the module per field): bits of the OptionBit values, the tone's index in
// kToneNames in bits 8-9. Exported to JS by optionBits() and toneNames() (bindings.cc), so the
// facade never copies them.
enum OptionBit : uint32_t {
  kUtf8Offsets = 1,
  kMentions = 2,          // options.mentions / fields: compute the mentions
  kSentences = 4,
  kThemes = 8,
  kEntities = 16,
  kReport1 = 32,          // schema: 1
  kDetailMentions = 64,   // detail: ['mentions']
  kDetailSentenceThemes = 128,  // detail: ['sentence_themes']
};
inline constexpr uint32_t kToneShift = 8;
inline constexpr const char* kToneNames[] = {"news", "general", "finance", "auto"};

// What analyze and analyzeParts return.
enum Written : int {
  kError = -1,  // read lastError()
  kFlat = 0,    // the flat form: see parts()
  kJson = 1,    // the report as JSON: json()
};

// The option bits and flat tags by name, and the tone names, for the facade.
emscripten::val OptionBits();
emscripten::val ToneNames();
emscripten::val FlatTags();
// The core's label rule (newslens::ToneLabel) and its neutral band, for the facade's
// NewsLens.toneLabel to be checked against (tests/wasm).
std::string ToneLabelOf(double compound, double positive_share, double negative_share);
double ToneNeutralBand();

class Session {
 public:
  // Nothing is built yet: step() builds the analyzer, `terms_per_step` terms of the taxonomy at a
  // time (0: the whole taxonomy in one step, as Analyzer::Create does).
  Session(const std::vector<DictionarySource>& dictionaries, bool replace_themes,
          uint32_t terms_per_step);
  // Does the next step of building the analyzer (core/src/analyzer_build.h): true while steps
  // are left. A caller on a page's main thread gives the thread back between two (the widget:
  // issue 19, no task over 50 ms); one that does not calls it in a loop. Once it returned
  // false, error() is empty or says why the analyzer could not be built (a bad dictionary).
  bool step();
  std::string error() const { return error_; }

  // Room for the next article's UTF-8 bytes, which the facade writes there itself with
  // TextEncoder.encodeInto (native code; Embind's std::string conversion is a JS loop per
  // character, ~6 % of a 12 KB article's analysis). Returns the address; valid until the next
  // call into the module.
  uintptr_t input(uint32_t bytes);
  // The report of the `length` bytes written at input() as JSON (written by the core without
  // building a Report: Analyzer::AnalyzeToJson), read by json().
  int analyze(uint32_t length, uint32_t flags, double max_bytes);
  // The report in the flat form (core/src/flat.h), described at parts() until the next call;
  // as JSON (json()) when the flat form cannot hold it.
  int analyzeParts(uint32_t length, uint32_t flags, double max_bytes);
  std::string lastError() const { return last_error_; }

  // Where analyzeParts describes the flat form it wrote: eight uint32 in the module's memory,
  // the address and the length of `ints` (int32 values), `numbers` (doubles), `strings` and
  // `shapes` (bytes of JSON arrays), valid until the next call into the module. The address is
  // the session's for its life, so the facade asks once and reads the lists from the heap
  // without a call per list (each Embind call costs about a microsecond).
  uintptr_t parts() const { return reinterpret_cast<uintptr_t>(parts_); }
  // The JSON of the last call that wrote one, as a view into the module's memory (the facade
  // decodes it with TextDecoder; Embind's std::string return would scan every byte in JS).
  emscripten::val json() const;
  // After the facade has read a large report (the JSON always, the flat form when a list is
  // over a megabyte): a huge one's buffers are not kept by the session.
  void releaseParts();

 private:
  std::string_view Input(uint32_t length) const { return {input_.get(), length}; }
  void ReleaseInputIfHuge();
  int Fail(std::string message);
  Result<Options> MakeOptions(uint32_t flags, double max_bytes) const;

  std::unique_ptr<AnalyzerBuild> build_;  // until built
  std::unique_ptr<Analyzer> analyzer_;
  std::string error_;
  std::unique_ptr<char[]> input_;
  uint32_t input_capacity_ = 0;
  FlatReport flat_;
  uint32_t parts_[8] = {};  // see parts()
  std::string json_;
  std::string last_error_;
};

}  // namespace newslens::wasm

#endif  // NEWSLENS_WASM_SESSION_H_
