// libFuzzer target: the CLI's JSON Lines reader on arbitrary bytes, and what a worker does with
// each record before analysis (cli/stream.cc): the depth check, nlohmann parsing with the
// lone-surrogate repair, and writing the record's metadata back out as JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "binary.h"
#include "input.h"

using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  newslens::cli::BinaryKind(bytes);
  newslens::cli::Buffered in(bytes);
  newslens::cli::JsonlReader reader(&in);
  newslens::cli::Record rec;
  uint64_t last_line = 0, consumed = 0;
  while (reader.Next(&rec)) {
    if (rec.line <= last_line) std::abort();  // lines only go forward
    last_line = rec.line;
    consumed += rec.bytes;
    if (!rec.error.empty()) continue;
    if (newslens::cli::JsonTooDeepAt(rec.raw, newslens::cli::kMaxRecordDepth) != std::string::npos)
      continue;
    json in_record = json::parse(rec.raw, nullptr, /*allow_exceptions=*/false);
    if (in_record.is_discarded() && newslens::cli::ReplaceLoneSurrogateEscapes(&rec.raw) > 0)
      in_record = json::parse(rec.raw, nullptr, false);
    if (!in_record.is_object()) continue;
    for (const char* key : {"id", "title", "date", "source", "text"}) {
      auto it = in_record.find(key);
      if (it == in_record.end()) continue;
      std::string out = it->dump(-1, ' ', false, json::error_handler_t::replace);
      if (!json::accept(out)) std::abort();
      if (it->is_string()) newslens::cli::FileSignature(it->get_ref<const std::string&>());
    }
  }
  if (consumed > size) std::abort();
  return 0;
}
