// Packs the built-in dictionaries (data/**/*.json) into the form the analyzer loads at start-up
// (core/src/builtin.h): run by the build, natively or, in the wasm build, under node.
//
//   newslens_pack DATA_DIR OUT [PRUNE_LIST...]
//
// Parses the JSON with the parsers custom dictionaries use (a malformed file fails the build with
// file, line and column), leaves out of the built-in taxonomy the terms each PRUNE_LIST names (a
// `theme id<TAB>term` line each, `#` lines are comments: data/prune/themes-en.tsv, written by
// tools/prune-themes.mjs; the widget edition adds data/prune/themes-en-widget.tsv: docs/size.md),
// writes OUT, and checks that reading the packed text back
// and packing it again gives the same text. A listed term the taxonomy no longer has is skipped:
// the list only ever removes. Custom dictionaries are loaded at run time and never pruned.
// Exit status: 0 written, 1 a dictionary, the list or the packing failed, 2 usage.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "builtin.h"

namespace {

bool Read(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: newslens_pack DATA_DIR OUT [PRUNE_LIST...]\n");
    return 2;
  }
  const std::string data = argv[1];
  std::vector<std::string> texts;
  for (const char* name : newslens::kBuiltinFiles) {
    std::string text;
    if (!Read(data + "/" + name, &text)) {
      std::fprintf(stderr, "newslens_pack: cannot read %s/%s\n", data.c_str(), name);
      return 1;
    }
    texts.push_back(std::move(text));
  }
  auto dicts = newslens::LoadBuiltinJson(texts);
  if (!dicts.ok()) {
    std::fprintf(stderr, "newslens_pack: %s\n", dicts.error().c_str());
    return 1;
  }
  for (int i = 3; i < argc; ++i) {
    std::string list;
    if (!Read(argv[i], &list)) {
      std::fprintf(stderr, "newslens_pack: cannot read %s\n", argv[i]);
      return 1;
    }
    auto removed = newslens::PruneThemes(list, &dicts.value().themes);
    if (!removed.ok()) {
      std::fprintf(stderr, "newslens_pack: %s: %s\n", argv[i], removed.error().c_str());
      return 1;
    }
  }
  auto packed = newslens::Pack(dicts.value());
  if (!packed.ok()) {
    std::fprintf(stderr, "newslens_pack: %s\n", packed.error().c_str());
    return 1;
  }
  auto back = newslens::Unpack(packed.value());
  auto again = back.ok() ? newslens::Pack(back.value()) : back.status();
  if (!again.ok() || again.value() != packed.value()) {
    std::fprintf(stderr, "newslens_pack: the packed text does not read back to itself (%s)\n",
                 again.ok() ? "differs" : again.error().c_str());
    return 1;
  }
  std::ofstream out(argv[2], std::ios::binary);
  out << packed.value();
  if (!out.flush()) {
    std::fprintf(stderr, "newslens_pack: cannot write %s\n", argv[2]);
    return 1;
  }
  return 0;
}
