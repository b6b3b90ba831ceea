// Embind bindings: declarations only. The Session (session.h) holds an analyzer and the buffers
// a report crosses the boundary in; the JS facade (newslens-api.js) turns statuses into
// exceptions and builds the report object.
#include <emscripten/bind.h>

#include <vector>

#include "embedded.h"
#include "newslens/analyzer.h"
#include "session.h"

EMSCRIPTEN_BINDINGS(newslens) {
  using namespace emscripten;
  using newslens::wasm::Session;
  // The packed built-in dictionaries, which newslens.js carries as text (core/src/embedded.h).
  function("provideDictionaries", &newslens::embedded::Provide);
  // Defined once in session.h, read by the facade.
  function("optionBits", &newslens::wasm::OptionBits);
  function("toneNames", &newslens::wasm::ToneNames);
  function("flatTags", &newslens::wasm::FlatTags);
  function("toneLabel", &newslens::wasm::ToneLabelOf);
  function("toneNeutralBand", &newslens::wasm::ToneNeutralBand);
  value_object<newslens::DictionarySource>("DictionarySource")
      .field("name", &newslens::DictionarySource::name)
      .field("text", &newslens::DictionarySource::text);
  register_vector<newslens::DictionarySource>("DictionarySourceList");
  class_<Session>("Session")
      .constructor<const std::vector<newslens::DictionarySource>&, bool, uint32_t>()
      .function("step", &Session::step)
      .function("error", &Session::error)
      .function("input", &Session::input)
      .function("analyze", &Session::analyze)
      .function("analyzeParts", &Session::analyzeParts)
      .function("parts", &Session::parts)
      .function("lastError", &Session::lastError)
      .function("json", &Session::json)
      .function("releaseParts", &Session::releaseParts);
}
