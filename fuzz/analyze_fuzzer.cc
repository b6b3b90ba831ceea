// libFuzzer target: Analyzer::Analyze on arbitrary bytes, with every option, then ToJson (and
// AnalyzeToJson and Analyze into a reused Report, which must give the same bytes, and
// AnalyzeToFlat, the form the wasm module hands to JS, which must read back as the same report).
// The first byte picks the options; the rest is the text. Checks: never crashes (ASan/UBSan),
// the JSON is valid and the same on a second run, offsets lie inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "flat.h"            // core/src
#include "flat_decoder.h"  // tests/core
#include "newslens/analyzer.h"
#include "newslens/report.h"

namespace {

const newslens::Analyzer& TheAnalyzer() {
  static const newslens::Analyzer* analyzer = [] {
    auto created = newslens::Analyzer::Create({});
    if (!created.ok()) std::abort();
    return new newslens::Analyzer(std::move(created).value());
  }();
  return *analyzer;
}

// UTF-16 units of the text the analyzer sees: an upper bound for UTF-16 offsets. Every input
// byte becomes at most one unit (a broken byte one U+FFFD, a 4-byte character two units).
size_t MaxUnits(std::string_view text) { return text.size(); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  newslens::Options options;
  options.tone = static_cast<newslens::ToneDomain>(flags & 3);  // news, general, finance, auto
  options.utf16_offsets = (flags & 4) == 0;
  options.include_sentences = (flags & 8) == 0;
  options.include_mentions = (flags & 16) == 0;
  if (flags & 32) options.max_bytes = text.size() / 2 + 1;  // the refusal path too
  options.schema = flags & 64 ? 1 : 2;                       // report@1 and report@2
  options.detail_mentions = options.detail_sentence_themes = (flags & 128) != 0;

  auto report = TheAnalyzer().Analyze(text, options);
  if (!report.ok()) {
    if (text.size() <= options.max_bytes) std::abort();  // only "too large" may fail
    return 0;
  }
  const std::string json = newslens::ToJson(report.value());
  if (!nlohmann::json::accept(json)) std::abort();
  if (newslens::ToJson(TheAnalyzer().Analyze(text, options).value()) != json) std::abort();
  // The JSON written from the draft (AnalyzeToJson) is the same bytes.
  if (TheAnalyzer().AnalyzeToJson(text, options).value() != json) std::abort();
  // So does a Report analysed into again and again (it holds the previous input's report).
  static newslens::Report reused;
  if (!TheAnalyzer().Analyze(text, options, &reused).ok() || newslens::ToJson(reused) != json)
    std::abort();
  // The flat form (a FlatReport reused as the wasm module reuses it) reads back as the report.
  static newslens::FlatReport flat;
  if (!TheAnalyzer().AnalyzeToFlat(text, options, &flat).ok()) std::abort();
  if (flat.json.empty()) {
    auto decoded = newslens::testing::DecodeFlat(flat);
    if (!decoded || *decoded != nlohmann::ordered_json::parse(json)) std::abort();
  } else if (flat.json != json) {
    std::abort();
  }
  // UTF-8 offsets index the sanitized text (each broken byte becomes 3 bytes of U+FFFD).
  const size_t limit = options.utf16_offsets ? MaxUnits(text) : 3 * text.size();
  for (const newslens::Mention& m : report.value().mentions)
    if (m.start > m.end || m.end > limit) std::abort();
  for (const newslens::SentenceResult& s : report.value().sentences)
    if (s.start > s.end || s.end > limit) std::abort();
  return 0;
}
