// Embind bindings: declarations only. The JS facade (newslens-api.js) turns statuses into
// exceptions and builds the report object; no analysis logic lives here.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
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
constexpr const char* kTones[] = {"news", "general", "finance"};  // newslens-api.js, TONES

// What analyze and analyzeParts return.
enum Written : int {
  kError = -1,  // read lastError()
  kFlat = 0,    // the flat form: ints(), numbers(), strings()
  kJson = 1,    // the report as JSON: json()
};

// The report in a flat form (Session::analyzeParts), from which the facade makes the report
// object with object literals instead of parsing its JSON, which is about eleven times the
// article (newslens-api.js, reportFromParts, reads it back, key for key in ToJson's order).
// Two lists: int32s (counts, offsets, string indices, -1 for an absent optional string) and
// float64s (every number as round(v * 10^4), the integer whose digits ToJson prints —
// core/src/report.cc, Writer::Number — so that k / 10000 in JS is exactly the double JSON.parse
// reads from those digits: both are correctly rounded). The order:
//   schema; stats: characters, words, sentences, paragraphs; tone: compound*, label, positive*,
//   negative*, neutral*, gdelt_tone*, polarity*; primary_theme (or -1);
//   top level count, each: id, label, iptc, score*, count, share*;
//   themes count, each: id, label, parent (or -1), iptc, count, score*, share*, per_1000_words*,
//     tone*, terms count, each: term, count; sentence count, each: index;
//   entities count, each: name, type, code (or -1), role (or -1), count, tone*;
//   co-mentions count, each: a, b, count;
//   sentences count, each: start, end, compound*, theme count, each: id;
//   mentions count, each: kind (0 theme, 1 sentiment, 2 entity), start, end, then
//     theme: id | sentiment: valence*, base*, rule count, each: rule | entity: name.
// (* a float64; every other item an int32, strings as indices into the table.)
class FlatWriter {
 public:
  void Reset() {
    ints_.clear();
    numbers_.clear();
    index_.clear();
    strings_.clear();
    ok_ = true;
  }
  void Int(uint32_t v) { ints_.push_back(static_cast<int32_t>(v)); }
  void Count(size_t n) { Int(static_cast<uint32_t>(n)); }
  void Number(double v) {
    if (!std::isfinite(v)) v = 0;  // as ToJson
    double scaled = std::round(v * 10000.0);
    if (std::fabs(scaled) >= 9007199254740992.0) ok_ = false;  // ToJson's printf path: JSON
    numbers_.push_back(scaled == 0 ? 0.0 : scaled);  // never -0, as ToJson
  }
  void String(std::string_view s) {
    auto [it, added] = index_.emplace(s, static_cast<uint32_t>(strings_.size()));
    if (added) strings_.push_back(s);
    Int(it->second);
  }
  void Optional(std::string_view s) {
    if (s.empty()) ints_.push_back(-1);
    else String(s);
  }
  bool ok() const { return ok_; }
  const std::vector<int32_t>& ints() const { return ints_; }
  const std::vector<double>& numbers() const { return numbers_; }
  // The strings as a JSON array (valid UTF-8: the core writes only text it has validated).
  std::string StringsJson() const {
    std::string out = "[";
    for (std::string_view s : strings_) {
      if (out.size() > 1) out += ',';
      out += '"';
      for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
          out += '\\';
          out += c;
        } else if (u < 0x20) {
          static const char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[u >> 4];
          out += kHex[u & 15];
        } else {
          out += c;
        }
      }
      out += '"';
    }
    out += ']';
    return out;
  }
  void ReleaseIfHuge() {  // a huge article's lists are not kept by the session
    constexpr size_t kKeep = 1u << 20;
    if (ints_.capacity() > kKeep) std::vector<int32_t>().swap(ints_);
    if (numbers_.capacity() > kKeep) std::vector<double>().swap(numbers_);
  }

 private:
  std::vector<int32_t> ints_;
  std::vector<double> numbers_;
  std::unordered_map<std::string_view, uint32_t> index_;  // views into the report being written
  std::vector<std::string_view> strings_;
  bool ok_ = true;
};

void WriteFlat(const newslens::Report& r, FlatWriter* w) {
  w->String(newslens::kReportSchema);
  w->Int(r.stats.characters);
  w->Int(r.stats.words);
  w->Int(r.stats.sentences);
  w->Int(r.stats.paragraphs);
  w->Number(r.tone.compound);
  w->String(r.tone.label);
  w->Number(r.tone.positive);
  w->Number(r.tone.negative);
  w->Number(r.tone.neutral);
  w->Number(r.tone.gdelt_tone);
  w->Number(r.tone.polarity);
  w->Optional(r.primary_theme);
  w->Count(r.top_level.size());
  for (const newslens::TopLevelTheme& t : r.top_level) {
    w->String(t.id);
    w->String(t.label);
    w->String(t.iptc);
    w->Number(t.score);
    w->Int(t.count);
    w->Number(t.share);
  }
  w->Count(r.themes.size());
  for (const newslens::ThemeResult& t : r.themes) {
    w->String(t.id);
    w->String(t.label);
    w->Optional(t.parent);
    w->String(t.iptc);
    w->Int(t.count);
    w->Number(t.score);
    w->Number(t.share);
    w->Number(t.per_1000_words);
    w->Number(t.tone);
    w->Count(t.terms.size());
    for (const newslens::TermCount& tc : t.terms) {
      w->String(tc.term);
      w->Int(tc.count);
    }
    w->Count(t.sentences.size());
    for (uint32_t s : t.sentences) w->Int(s);
  }
  w->Count(r.entities.size());
  for (const newslens::EntityResult& e : r.entities) {
    w->String(e.name);
    w->String(e.type);
    w->Optional(e.code);
    w->Optional(e.role);
    w->Int(e.count);
    w->Number(e.tone);
  }
  w->Count(r.co_mentions.size());
  for (const newslens::CoMention& c : r.co_mentions) {
    w->String(c.a);
    w->String(c.b);
    w->Int(c.count);
  }
  w->Count(r.sentences.size());
  for (const newslens::SentenceResult& s : r.sentences) {
    w->Int(s.start);
    w->Int(s.end);
    w->Number(s.compound);
    w->Count(s.themes.size());
    for (const std::string& id : s.themes) w->String(id);
  }
  w->Count(r.mentions.size());
  for (const newslens::Mention& m : r.mentions) {
    w->Int(static_cast<uint32_t>(m.kind));
    w->Int(m.start);
    w->Int(m.end);
    switch (m.kind) {
      case newslens::Mention::Kind::kTheme:
      case newslens::Mention::Kind::kEntity:
        w->String(m.id);
        break;
      case newslens::Mention::Kind::kSentiment:
        w->Number(m.valence);
        w->Number(m.base);
        w->Count(m.rules.size());
        for (const std::string& rule : m.rules) w->String(rule);
        break;
    }
  }
}

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

  // The report in the flat form (FlatWriter), read by ints(), numbers() and strings() until
  // the next call; as JSON when the flat form cannot hold it.
  int analyzeParts(uint32_t length, uint32_t flags, double max_bytes) {
    if (length > input_capacity_) return Fail("the text was not written to input()");
    auto options = MakeOptions(flags, max_bytes);
    auto report = options.ok() ? analyzer_->Analyze(Input(length), options.value())
                               : newslens::Result<newslens::Report>(options.status());
    ReleaseInputIfHuge();
    if (!report.ok()) return Fail(report.error());
    flat_.Reset();
    WriteFlat(report.value(), &flat_);
    if (!flat_.ok()) {
      flat_.Reset();
      json_ = newslens::ToJson(report.value());
      return kJson;
    }
    strings_ = flat_.StringsJson();
    return kFlat;
  }

  std::string lastError() const { return last_error_; }

  // The flat lists of the last analyzeParts, as views into the module's memory: valid until
  // the next call into the module.
  emscripten::val ints() const {
    return emscripten::val(emscripten::typed_memory_view(flat_.ints().size(), flat_.ints().data()));
  }
  emscripten::val numbers() const {
    return emscripten::val(
        emscripten::typed_memory_view(flat_.numbers().size(), flat_.numbers().data()));
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
        strings_.size(), reinterpret_cast<const uint8_t*>(strings_.data())));
  }
  // After the facade has read the report: a huge one's buffers are not kept by the session.
  void releaseParts() {
    flat_.ReleaseIfHuge();
    constexpr size_t kKeepBytes = 4u << 20;
    if (json_.capacity() > kKeepBytes) std::string().swap(json_);
    if (strings_.capacity() > kKeepBytes) std::string().swap(strings_);
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
  FlatWriter flat_;
  std::string strings_;  // the flat form's string table, as JSON
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
