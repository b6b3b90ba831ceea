// Embind bindings: declarations only. The JS facade (newslens-api.js) turns statuses into
// exceptions and parses the report JSON; no analysis logic lives here.
#include <emscripten/bind.h>

#include <memory>
#include <string>
#include <vector>

#include "embedded.h"
#include "newslens/analyzer.h"

namespace {

struct AnalyzeOptions {
  std::string tone;  // "news" | "general" | "finance"
  bool utf8Offsets;
  bool mentions;
  bool sentences;
  bool themes;
  bool entities;
  double maxBytes;  // a JS number; the facade has checked it is a positive integer
};

struct Outcome {  // ok when error is empty
  std::string json;
  std::string error;
};

// One analyzer built from the embedded dictionaries plus the given ones.
class Session {
 public:
  Session(const std::vector<newslens::DictionarySource>& dictionaries, bool replace_themes) {
    newslens::AnalyzerConfig config{dictionaries, replace_themes};
    auto created = newslens::Analyzer::Create(config);
    if (created.ok()) analyzer_ = std::make_unique<newslens::Analyzer>(std::move(created).value());
    else error_ = created.error();
  }
  std::string error() const { return error_; }

  Outcome analyze(const std::string& text, const AnalyzeOptions& o) const {
    if (!analyzer_) return {"", error_};
    auto tone = newslens::ParseToneDomain(o.tone);
    if (!tone.ok()) return {"", tone.error()};
    newslens::Options options;
    options.tone = tone.value();
    options.utf16_offsets = !o.utf8Offsets;
    options.include_mentions = o.mentions;
    options.include_sentences = o.sentences;
    options.include_themes = o.themes;
    options.include_entities = o.entities;
    options.max_bytes = o.maxBytes >= static_cast<double>(newslens::kMaxInputBytes)
                            ? newslens::kMaxInputBytes
                            : static_cast<size_t>(o.maxBytes);
    auto report = analyzer_->Analyze(text, options);
    if (!report.ok()) return {"", report.error()};
    return {newslens::ToJson(report.value()), ""};
  }

 private:
  std::unique_ptr<newslens::Analyzer> analyzer_;
  std::string error_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(newslens) {
  using namespace emscripten;
  // The packed built-in dictionaries, which newslens.js carries as text (core/src/embedded.h).
  function("provideDictionaries", &newslens::embedded::Provide);
  value_object<newslens::DictionarySource>("DictionarySource")
      .field("name", &newslens::DictionarySource::name)
      .field("text", &newslens::DictionarySource::text);
  register_vector<newslens::DictionarySource>("DictionarySourceList");
  value_object<AnalyzeOptions>("AnalyzeOptions")
      .field("tone", &AnalyzeOptions::tone)
      .field("utf8Offsets", &AnalyzeOptions::utf8Offsets)
      .field("mentions", &AnalyzeOptions::mentions)
      .field("sentences", &AnalyzeOptions::sentences)
      .field("themes", &AnalyzeOptions::themes)
      .field("entities", &AnalyzeOptions::entities)
      .field("maxBytes", &AnalyzeOptions::maxBytes);
  value_object<Outcome>("Outcome").field("json", &Outcome::json).field("error", &Outcome::error);
  class_<Session>("Session")
      .constructor<const std::vector<newslens::DictionarySource>&, bool>()
      .function("error", &Session::error)
      .function("analyze", &Session::analyze);
}
