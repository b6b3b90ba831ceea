// Embind bindings: declarations only. The JS facade (newslens-api.js) turns statuses into
// exceptions and builds the report object; no analysis logic lives here.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "embedded.h"
#include "newslens/analyzer.h"

namespace {

// What analyze and analyzeParts are asked, as one integer (Embind's value_object would make
// one call into the module per field): bits of the Flag values, the tone index in bits 8-9.
enum Flag : uint32_t {
  kUtf8Offsets = 1,
  kMentions = 2,
  kSentences = 4,
  kThemes = 8,
  kEntities = 16,
};
constexpr const char* kTones[] = {"news", "general", "finance", "auto"};  // newslens-api.js, TONES

// What analyze and analyzeParts return.
enum Written : int {
  kError = -1,  // read lastError()
  kFlat = 0,    // the flat form: ints(), numbers(), strings()
  kJson = 1,    // the report as JSON: json()
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

  // Room for the next article's UTF-8 bytes, which the facade writes there itself with
  // TextEncoder.encodeInto (native code; Embind's std::string conversion is a JS loop per
  // character, ~6 % of a 12 KB article's analysis). Returns the address; valid until the next
  // call into the module.
  uintptr_t input(uint32_t bytes) {
    if (bytes > input_capacity_) {
      input_.reset(new char[bytes]);  // not zero-filled: every byte read is written first
      input_capacity_ = bytes;
    }
    return reinterpret_cast<uintptr_t>(input_.get());
  }

  // The report of the `length` bytes written at input() as JSON (written by the core without
  // building a Report: Analyzer::AnalyzeToJson), read by json().
  int analyze(uint32_t length, uint32_t flags, double max_bytes) {
    if (length > input_capacity_) return Fail("the text was not written to input()");
    auto options = MakeOptions(flags, max_bytes);
    auto json = options.ok() ? analyzer_->AnalyzeToJson(Input(length), options.value())
                             : newslens::Result<std::string>(options.status());
    ReleaseInputIfHuge();
    if (!json.ok()) return Fail(json.error());
    json_ = std::move(json).value();
    return kJson;
  }

  // The report in the flat form (newslens/analyzer.h, FlatReport), read by ints(), numbers()
  // and strings() until the next call; as JSON (json()) when the flat form cannot hold it.
  int analyzeParts(uint32_t length, uint32_t flags, double max_bytes) {
    if (length > input_capacity_) return Fail("the text was not written to input()");
    auto options = MakeOptions(flags, max_bytes);
    newslens::Status done = options.ok()
                                ? analyzer_->AnalyzeToFlat(Input(length), options.value(), &flat_)
                                : options.status();
    ReleaseInputIfHuge();
    if (!done.ok()) return Fail(done.error());
    if (!flat_.json.empty()) {
      json_.swap(flat_.json);
      return kJson;
    }
    return kFlat;
  }

  std::string lastError() const { return last_error_; }

  // The flat lists of the last analyzeParts, as views into the module's memory: valid until
  // the next call into the module.
  emscripten::val ints() const {
    return emscripten::val(emscripten::typed_memory_view(flat_.ints.size(), flat_.ints.data()));
  }
  emscripten::val numbers() const {
    return emscripten::val(emscripten::typed_memory_view(flat_.numbers.size(), flat_.numbers.data()));
  }
  // The JSON of the last call that wrote one, as a view into the module's memory (the facade
  // decodes it with TextDecoder; Embind's std::string return would scan every byte in JS).
  emscripten::val json() const {
    return emscripten::val(emscripten::typed_memory_view(
        json_.size(), reinterpret_cast<const uint8_t*>(json_.data())));
  }
  // The strings of the last flat form, as a JSON array (a view, decoded by TextDecoder).
  emscripten::val strings() const {
    return emscripten::val(emscripten::typed_memory_view(
        flat_.strings.size(), reinterpret_cast<const uint8_t*>(flat_.strings.data())));
  }
  // After the facade has read the report: a huge one's buffers are not kept by the session.
  void releaseParts() {
    constexpr size_t kKeepBytes = 4u << 20;  // a huge report's buffers are not kept
    if (json_.capacity() > kKeepBytes) std::string().swap(json_);
    if (flat_.ints.capacity() * 4 > kKeepBytes || flat_.numbers.capacity() * 8 > kKeepBytes ||
        flat_.strings.capacity() > kKeepBytes)
      flat_ = newslens::FlatReport();
  }

 private:
  std::string_view Input(uint32_t length) const { return {input_.get(), length}; }
  void ReleaseInputIfHuge() {  // a huge article's bytes are not kept by the session
    constexpr uint32_t kKeepBytes = 4u << 20;
    if (input_capacity_ > kKeepBytes) {
      input_.reset();
      input_capacity_ = 0;
    }
  }
  int Fail(std::string message) {
    last_error_ = std::move(message);
    return kError;
  }
  newslens::Result<newslens::Options> MakeOptions(uint32_t flags, double max_bytes) const {
    if (!analyzer_) return newslens::Status::Error(error_);
    const uint32_t tone_index = flags >> 8 & 3;
    if (tone_index >= std::size(kTones)) return newslens::Status::Error("unknown tone index");
    auto tone = newslens::ParseToneDomain(kTones[tone_index]);
    if (!tone.ok()) return tone.status();
    newslens::Options options;
    options.tone = tone.value();
    options.utf16_offsets = !(flags & kUtf8Offsets);
    options.include_mentions = flags & kMentions;
    options.include_sentences = flags & kSentences;
    options.include_themes = flags & kThemes;
    options.include_entities = flags & kEntities;
    options.max_bytes = max_bytes >= static_cast<double>(newslens::kMaxInputBytes)
                            ? newslens::kMaxInputBytes
                            : static_cast<size_t>(max_bytes);
    return options;
  }

  std::unique_ptr<newslens::Analyzer> analyzer_;
  std::string error_;
  std::unique_ptr<char[]> input_;
  uint32_t input_capacity_ = 0;
  newslens::FlatReport flat_;
  std::string json_;
  std::string last_error_;
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
  class_<Session>("Session")
      .constructor<const std::vector<newslens::DictionarySource>&, bool>()
      .function("error", &Session::error)
      .function("input", &Session::input)
      .function("analyze", &Session::analyze)
      .function("analyzeParts", &Session::analyzeParts)
      .function("ints", &Session::ints)
      .function("numbers", &Session::numbers)
      .function("strings", &Session::strings)
      .function("lastError", &Session::lastError)
      .function("json", &Session::json)
      .function("releaseParts", &Session::releaseParts);
}
