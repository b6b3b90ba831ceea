#include "session.h"

#include <iterator>
#include <utility>

namespace newslens::wasm {

namespace {

emscripten::val View(const std::string& s) {
  return emscripten::val(
      emscripten::typed_memory_view(s.size(), reinterpret_cast<const uint8_t*>(s.data())));
}

}  // namespace

emscripten::val OptionBits() {
  emscripten::val bits = emscripten::val::object();
  bits.set("utf8Offsets", static_cast<int>(kUtf8Offsets));
  bits.set("mentions", static_cast<int>(kMentions));
  bits.set("sentences", static_cast<int>(kSentences));
  bits.set("themes", static_cast<int>(kThemes));
  bits.set("entities", static_cast<int>(kEntities));
  bits.set("report1", static_cast<int>(kReport1));
  bits.set("detailMentions", static_cast<int>(kDetailMentions));
  bits.set("detailSentenceThemes", static_cast<int>(kDetailSentenceThemes));
  bits.set("toneShift", static_cast<int>(kToneShift));
  return bits;
}

emscripten::val ToneNames() {
  emscripten::val names = emscripten::val::array();
  for (const char* name : kToneNames) names.call<void>("push", std::string(name));
  return names;
}

emscripten::val FlatTags() {
  emscripten::val tags = emscripten::val::object();
  tags.set("object", static_cast<int>(kFlatObject));
  tags.set("array", static_cast<int>(kFlatArray));
  tags.set("int", static_cast<int>(kFlatInt));
  tags.set("number", static_cast<int>(kFlatNumber));
  tags.set("string", static_cast<int>(kFlatString));
  return tags;
}

std::string ToneLabelOf(double compound, double positive_share, double negative_share) {
  return ToneLabel(compound, positive_share, negative_share);
}

double ToneNeutralBand() { return kToneNeutralBand; }

Session::Session(const std::vector<DictionarySource>& dictionaries, bool replace_themes,
                 uint32_t terms_per_step)
    : build_(std::make_unique<AnalyzerBuild>(
          AnalyzerConfig{dictionaries, replace_themes},
          terms_per_step == 0 ? AnalyzerBuild::kWhole : terms_per_step)) {}

bool Session::step() {
  if (!build_) return false;
  if (build_->Step()) return true;
  auto built = build_->Finish();
  if (built.ok()) analyzer_ = std::make_unique<Analyzer>(std::move(built).value());
  else error_ = built.error();
  build_.reset();
  return false;
}

uintptr_t Session::input(uint32_t bytes) {
  if (bytes > input_capacity_) {
    input_.reset(new char[bytes]);  // not zero-filled: every byte read is written first
    input_capacity_ = bytes;
  }
  return reinterpret_cast<uintptr_t>(input_.get());
}

int Session::analyze(uint32_t length, uint32_t flags, double max_bytes) {
  if (length > input_capacity_) return Fail("the text was not written to input()");
  auto options = MakeOptions(flags, max_bytes);
  auto json = options.ok() ? analyzer_->AnalyzeToJson(Input(length), options.value())
                           : Result<std::string>(options.status());
  ReleaseInputIfHuge();
  if (!json.ok()) return Fail(json.error());
  json_ = std::move(json).value();
  return kJson;
}

int Session::analyzeParts(uint32_t length, uint32_t flags, double max_bytes) {
  if (length > input_capacity_) return Fail("the text was not written to input()");
  auto options = MakeOptions(flags, max_bytes);
  Status done = options.ok() ? analyzer_->AnalyzeToFlat(Input(length), options.value(), &flat_)
                             : options.status();
  ReleaseInputIfHuge();
  if (!done.ok()) return Fail(done.error());
  if (!flat_.json.empty()) {
    json_.swap(flat_.json);
    return kJson;
  }
  auto address = [](const void* p) { return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(p)); };
  parts_[0] = address(flat_.ints.data());
  parts_[1] = static_cast<uint32_t>(flat_.ints.size());
  parts_[2] = address(flat_.numbers.data());
  parts_[3] = static_cast<uint32_t>(flat_.numbers.size());
  parts_[4] = address(flat_.strings.data());
  parts_[5] = static_cast<uint32_t>(flat_.strings.size());
  parts_[6] = address(flat_.shapes.data());
  parts_[7] = static_cast<uint32_t>(flat_.shapes.size());
  return kFlat;
}

emscripten::val Session::json() const { return View(json_); }

void Session::releaseParts() {
  constexpr size_t kKeepBytes = 4u << 20;  // a huge report's buffers are not kept
  if (json_.capacity() > kKeepBytes) std::string().swap(json_);
  if (flat_.ints.capacity() * 4 > kKeepBytes || flat_.numbers.capacity() * 8 > kKeepBytes ||
      flat_.strings.capacity() > kKeepBytes)
    flat_ = FlatReport();
}

void Session::ReleaseInputIfHuge() {  // a huge article's bytes are not kept by the session
  constexpr uint32_t kKeepBytes = 4u << 20;
  if (input_capacity_ > kKeepBytes) {
    input_.reset();
    input_capacity_ = 0;
  }
}

int Session::Fail(std::string message) {
  last_error_ = std::move(message);
  return kError;
}

Result<Options> Session::MakeOptions(uint32_t flags, double max_bytes) const {
  if (!analyzer_) return Status::Error(error_.empty() ? "the analyzer is not built yet" : error_);
  const uint32_t tone_index = flags >> kToneShift & 3;
  if (tone_index >= std::size(kToneNames)) return Status::Error("unknown tone index");
  auto tone = ParseToneDomain(kToneNames[tone_index]);
  if (!tone.ok()) return tone.status();
  Options options;
  options.tone = tone.value();
  options.utf16_offsets = !(flags & kUtf8Offsets);
  options.include_mentions = flags & kMentions;
  options.include_sentences = flags & kSentences;
  options.include_themes = flags & kThemes;
  options.include_entities = flags & kEntities;
  options.schema = flags & kReport1 ? 1 : 2;
  options.detail_mentions = flags & kDetailMentions;
  options.detail_sentence_themes = flags & kDetailSentenceThemes;
  options.max_bytes = max_bytes >= static_cast<double>(kMaxInputBytes)
                          ? kMaxInputBytes
                          : static_cast<size_t>(max_bytes);
  return options;
}

}  // namespace newslens::wasm
