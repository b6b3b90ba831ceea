// newslens/analyzer.h — the entry point: themes, tone and actors of a news article.
//
// An Analyzer is built once from dictionaries (the embedded defaults, plus optional custom
// ones), and is then immutable: analyze() is const, allocation-light and safe to call from many
// threads at once. Building one parses and compiles every dictionary (a few milliseconds), so
// build it once and share it. Copies are cheap: they share the compiled data.
//
//   auto analyzer = newslens::Analyzer::Create({});
//   if (!analyzer.ok()) { /* analyzer.error() says what and where */ }
//   newslens::Report report = analyzer.value().Analyze(text, {});
//   std::string json = newslens::ToJson(report);
//
// Input is UTF-8; invalid sequences are replaced by U+FFFD before analysis (the offsets in the
// report refer to the sanitized text, which equals the input when it was valid; an encoded lone
// surrogate, what a JS string holding one becomes, is one U+FFFD, so UTF-16 offsets still index
// the JS string). NUL bytes are read as spaces, so offsets in either unit are unchanged by them.
// Limits (empty text, huge text, pathological punctuation) are stated in docs/reliability.md.
#ifndef NEWSLENS_ANALYZER_H_
#define NEWSLENS_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newslens/report.h"
#include "newslens/status.h"

namespace newslens {

// A custom dictionary given as text: newslens JSON (themes, lexicon or entities) or LIWC .dic.
struct DictionarySource {
  std::string name;  // shown in error messages: a file name
  std::string text;
};

struct AnalyzerConfig {
  std::vector<DictionarySource> dictionaries;
  // When true, custom theme dictionaries replace the embedded taxonomy instead of extending it.
  bool replace_default_themes = false;
};

enum class ToneDomain {
  kNews,     // general lexicon + news-domain layer
  kGeneral,  // the general lexicon only (VADER's)
  kFinance,  // general + news + finance layer (earnings and market language)
  kAuto,     // the default: finance for sentences about markets and companies (a term of the
             // economy theme), news for the others (docs/tone.md, "Business news")
};

// Largest input analyze() can accept, in bytes, whatever Options::max_bytes says: offsets are
// 32-bit, and analysis takes about 13 bytes of memory per input byte.
inline constexpr size_t kMaxInputBytes = 256u * 1024u * 1024u;
// Default Options::max_bytes: 64 MiB, a thousand times the longest news article, analysed in
// about 10 s natively; anything larger is almost surely not an article.
inline constexpr size_t kDefaultMaxBytes = 64u * 1024u * 1024u;

// The longest sentence the analysis reads as one, in tokens (words and punctuation marks): a
// longer run without a sentence end (text with no full stops, a hyphen chain) is read as
// sentences of at most this many, so that memory per input byte stays bounded
// (docs/reliability.md). News sentences are far shorter: a few dozen tokens.
inline constexpr uint32_t kMaxSentenceTokens = 1000;

struct Options {
  ToneDomain tone = ToneDomain::kAuto;
  bool utf16_offsets = true;     // false: UTF-8 byte offsets
  // The parts of the report to compute; the others are left empty (`fields` in the JS API,
  // --fields in the CLI). Tone and stats are always computed: themes and actors use the tone
  // of their sentences. Leaving out themes or actors skips their engines, which is most of an
  // analysis after tone; mentions are then only those of the parts computed.
  bool include_themes = true;    // primary_theme, top_level, themes, sentences[].themes
  bool include_entities = true;  // entities, co_mentions
  bool include_sentences = true;
  bool include_mentions = true;
  // The report's schema: 2 (newslens/report@2, the default) or 1 (newslens/report@1, for one
  // more release). See docs/report.md.
  int schema = kDefaultReportSchema;
  // report@2's details, left out by default (`detail` in the JS API, --detail in the CLI):
  // the per-word mentions with their rule trace, and the per-sentence theme lists (with each
  // theme's sentence indices). Analyze() fills the C++ Report's lists whatever these say;
  // AnalyzeToJson and the flat form compute the mentions only when the report carries them.
  bool detail_mentions = false;
  bool detail_sentence_themes = false;
  // Longest input analysed, in UTF-8 bytes; longer input fails with an error starting with
  // "input too large" (the CLI's exit code 1, a RangeError in JS). Values above kMaxInputBytes
  // act as kMaxInputBytes.
  size_t max_bytes = kDefaultMaxBytes;
};

// Sets the include_* fields of `options` from a comma-separated list of report parts: "tone"
// (always on), "themes", "entities", "sentences", "mentions". An unknown name is an error.
Status ParseReportFields(std::string_view list, Options* options);
// Sets the detail_* fields of `options` from a comma-separated list: "mentions",
// "sentence_themes". An unknown name is an error.
Status ParseReportDetail(std::string_view list, Options* options);
// The layout a report analysed with `options` is written in.
ReportLayout LayoutOf(const Options& options);

// The report in a flat form for bindings (core/src/flat.h: the wasm module builds the JS
// report from it faster than it parses JSON).
struct FlatReport;

class Analyzer {
 public:
  static Result<Analyzer> Create(const AnalyzerConfig& config);

  // Analyses one article. Never fails on text (empty or whitespace-only text gives an empty
  // report, any bytes are analysed); fails only when the input exceeds options.max_bytes.
  Result<Report> Analyze(std::string_view text, const Options& options) const;
  // The report as JSON: the same bytes as ToJson(Analyze(text, options).value()), faster (the
  // Report's strings and lists are never built). Fails as Analyze does.
  Result<std::string> AnalyzeToJson(std::string_view text, const Options& options) const;
  // Analyze into an existing Report, reusing its memory (its lists and strings are reassigned,
  // not rebuilt): for a caller analysing one article after another. On error *report is
  // unchanged.
  Status Analyze(std::string_view text, const Options& options, Report* report) const;

  // The report in the flat form (core/src/flat.h) into `out`, whose vectors are reused: for
  // bindings that build their own report objects. Fails as Analyze does.
  Status AnalyzeToFlat(std::string_view text, const Options& options, FlatReport* out) const;

  // Number of themes and terms loaded, for diagnostics.
  size_t theme_count() const;
  size_t term_count() const;

  struct Impl;

 private:
  explicit Analyzer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// Parses the tone domain name used by the CLI and the JS API: "auto", "news", "general",
// "finance"; ToneDomainName gives it back.
Result<ToneDomain> ParseToneDomain(std::string_view name);
const char* ToneDomainName(ToneDomain domain);

}  // namespace newslens

#endif  // NEWSLENS_ANALYZER_H_
