#include "newslens/dictionary.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <set>

#include "json_util.h"

namespace newslens {

namespace json_util {

namespace {

// nlohmann's DOM-building SAX parser, with the error captured instead of thrown.
class CapturingParser : public nlohmann::detail::json_sax_dom_parser<Json> {
 public:
  explicit CapturingParser(Json& root) : json_sax_dom_parser(root, false) {}
  template <class Exception>
  bool parse_error(std::size_t position, const std::string&, const Exception& ex) {
    failed = true;
    byte = position;
    message = ex.what();
    return false;
  }
  bool failed = false;
  std::size_t byte = 0;
  std::string message;
};

// Offset of the bracket that opens level kMaxDepth + 1, or npos. Strings are skipped, so
// brackets inside them do not count; malformed text is left for the parser to report.
size_t TooDeepAt(std::string_view text) {
  size_t depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

size_t SkipSpace(std::string_view text, size_t i) {
  while (i < text.size() &&
         (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
    ++i;
  return i;
}

// Index just past the string that starts at text[i] ('"').
size_t SkipString(std::string_view text, size_t i) {
  for (++i; i < text.size() && text[i] != '"'; ++i)
    if (text[i] == '\\') ++i;
  return i + 1;
}

}  // namespace

std::string LineColumn(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

size_t Locate(std::string_view text, const Path& path) {
  struct Frame {
    bool array;
    size_t index;
    std::string_view key;
  };
  std::vector<Frame> stack;
  auto here = [&] {
    if (stack.size() != path.size()) return false;
    for (size_t k = 0; k < path.size(); ++k) {
      const Frame& f = stack[k];
      if (f.array ? !std::holds_alternative<size_t>(path[k]) ||
                        std::get<size_t>(path[k]) != f.index
                  : !std::holds_alternative<std::string_view>(path[k]) ||
                        std::get<std::string_view>(path[k]) != f.key)
        return false;
    }
    return true;
  };
  // Reads an object key at text[i] into the top frame; returns the index of its value.
  auto key = [&](size_t i) {
    i = SkipSpace(text, i);
    if (i >= text.size() || text[i] != '"') return text.size();
    size_t end = std::min(SkipString(text, i), text.size());
    stack.back().key = text.substr(i + 1, end >= i + 2 ? end - i - 2 : 0);
    return SkipSpace(text, end) + 1;  // past ':'
  };
  size_t i = 0;
  while (true) {
    // A value starts here.
    i = SkipSpace(text, i);
    if (i >= text.size()) return std::string_view::npos;
    if (here()) return i;
    char c = text[i];
    if (c == '[' || c == '{') {
      stack.push_back({c == '[', 0, {}});
      i = SkipSpace(text, i + 1);
      if (i < text.size() && (text[i] == ']' || text[i] == '}')) {
        stack.pop_back();
        ++i;
      } else {
        if (c == '{') i = key(i);
        continue;
      }
    } else if (c == '"') {
      i = SkipString(text, i);
    } else {
      while (i < text.size() && !std::strchr(",]} \t\r\n", text[i])) ++i;
    }
    // After a value: a separator, or the end of one or more containers.
    while (true) {
      i = SkipSpace(text, i);
      if (stack.empty() || i >= text.size()) return std::string_view::npos;
      if (text[i] == ',') {
        ++i;
        if (stack.back().array) {
          ++stack.back().index;
        } else {
          i = key(i);
        }
        break;
      }
      stack.pop_back();  // ']' or '}'
      ++i;
    }
  }
}

Status ErrorAt(std::string_view text, std::string_view source, const Path& path,
               const std::string& what) {
  // A missing value ("id" absent) is placed at the nearest enclosing value that exists.
  for (Path p = path;; p.pop_back()) {
    size_t at = Locate(text, p);
    if (at != std::string_view::npos)
      return Status::Error(std::string(source) + ":" + LineColumn(text, at) + ": " + what);
    if (p.empty()) return Status::Error(std::string(source) + ": " + what);
  }
}

Result<Json> Parse(std::string_view text, std::string_view source) {
  if (size_t deep = TooDeepAt(text); deep != std::string_view::npos)
    return Status::Error(std::string(source) + ":" + LineColumn(text, deep) +
                         ": nested deeper than " + std::to_string(kMaxDepth) +
                         " arrays/objects (a dictionary needs at most 4)");
  Json root;
  CapturingParser parser(root);
  bool ok = Json::sax_parse(text.begin(), text.end(), &parser, nlohmann::detail::input_format_t::json,
                            /*strict=*/true);
  if (ok && !parser.failed) return root;
  // Line and column computed ourselves from the byte position (1-based).
  std::string where = LineColumn(text, parser.byte > 0 ? parser.byte - 1 : 0);
  std::string msg = parser.message;
  // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
  auto colon = msg.find(": ", msg.find("parse error"));
  if (colon != std::string::npos) msg = msg.substr(colon + 2);
  return Status::Error(std::string(source) + ":" + where + ": " + msg);
}

}  // namespace json_util

namespace {

using json_util::Get;
using json_util::GetString;
using json_util::Json;

Status Fail(std::string_view source, const std::string& what) {
  return Status::Error(std::string(source) + ": " + what);
}

Status CheckFormat(const Json& root, std::string_view source, std::string_view expected) {
  if (!root.is_object()) return Fail(source, "expected a JSON object at the top level");
  std::string format = GetString(root, "format");
  if (format != expected)
    return Fail(source, "\"format\" is \"" + format + "\", expected \"" + std::string(expected) +
                            "\"");
  return Status();
}

bool ValidThemeId(const std::string& id) {
  if (id.empty()) return false;
  int dots = 0;
  for (char c : id) {
    if (c == '.') {
      ++dots;
      continue;
    }
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
          c == '_'))
      return false;
  }
  return dots <= 1 && id.front() != '.' && id.back() != '.';
}

// A cue set's name: lowercase ASCII letters, digits and '_'.
bool ValidCueSetName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Why `term` is not a valid term as far as '*' goes, or "" when it is: a '*' may only end the
// term, once, after a stem of at least `min_stem` characters ("diplomat*", "foreign minist*").
std::string WildcardProblem(std::string_view term, size_t min_stem) {
  size_t star = term.find('*');
  if (star == std::string_view::npos) return "";
  const std::string quoted = "\"" + std::string(term) + "\": ";
  if (term.find('*', star + 1) != std::string_view::npos)
    return quoted + "more than one '*' (only a trailing '*' makes a wildcard, as in diplomat*)";
  if (star + 1 != term.size())
    return quoted + "'*' must end the term (only a trailing '*' makes a wildcard, as in diplomat*)";
  size_t word = term.find_last_of(" \t", star);
  word = word == std::string_view::npos ? 0 : word + 1;
  size_t chars = 0;
  for (size_t i = word; i < star; ++i)
    if ((static_cast<unsigned char>(term[i]) & 0xC0) != 0x80) ++chars;
  if (chars == 0) return quoted + "a wildcard needs a stem before the '*'";
  if (chars < min_stem)
    return quoted + "a wildcard's stem needs at least " + std::to_string(min_stem) +
           " letters (a shorter one matches too many words)";
  return "";
}

// Parses one theme term; returns why it is invalid, or "".
std::string ParseTerm(const Json& t, const std::string& theme, TermDef* out) {
  if (t.is_string()) {
    out->text = t.get_ref<const std::string&>();
  } else if (t.is_object()) {
    out->text = GetString(t, "term");
    const Json* w = Get(t, "weight");
    if (w) {
      if (!w->is_number()) return "theme " + theme + ": weight must be a number";
      out->weight = w->get<float>();
    }
    if (const Json* c = Get(t, "context")) {
      const std::string where = c->is_string() ? c->get<std::string>() : "";
      if (where == "sentence") out->context = TermContext::kSentence;
      else if (where == "paragraph") out->context = TermContext::kParagraph;
      else return "theme " + theme + ": context must be \"sentence\" or \"paragraph\"";
    }
    if (const Json* c = Get(t, "cues")) {
      if (!c->is_string() || !ValidCueSetName(c->get<std::string>()))
        return "theme " + theme + ": cues must name a cue set (lowercase letters, digits, _)";
      out->cues = c->get<std::string>();
      if (out->context == TermContext::kNone) out->context = TermContext::kSentence;
    }
  } else {
    return "theme " + theme + ": a term must be a string or {\"term\", \"weight\"}";
  }
  if (out->text.find_first_not_of(" \t\r\n") == std::string::npos)
    return "theme " + theme + ": empty term";
  if (!(out->weight > 0.0f && out->weight <= 1.0f))
    return "theme " + theme + ": term \"" + out->text + "\" weight must be in (0, 1]";
  size_t b = out->text.find_first_not_of(" \t\r\n"), e = out->text.find_last_not_of(" \t\r\n");
  std::string wild = WildcardProblem(std::string_view(out->text).substr(b, e - b + 1),
                                     kMinWildcardStem);
  if (!wild.empty()) return "theme " + theme + ": term " + wild;
  return "";
}

std::string TooManyTerms() {
  return "more than " + std::to_string(kMaxDictionaryTerms) +
         " terms in one dictionary (split it, or drop rare terms)";
}

Result<std::vector<std::string>> StringList(const Json& root, const char* key,
                                            std::string_view source) {
  std::vector<std::string> out;
  const Json* arr = Get(root, key);
  if (!arr) return out;
  if (!arr->is_array()) return Fail(source, std::string("\"") + key + "\" must be an array");
  for (const Json& v : *arr) {
    if (!v.is_string()) return Fail(source, std::string("\"") + key + "\" must hold strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

Result<ThemeDictionary> ParseThemes(std::string_view text, std::string_view source) {
  auto parsed = json_util::Parse(text, source);
  if (!parsed.ok()) return parsed.status();
  const Json& root = parsed.value();
  if (Status s = CheckFormat(root, source, "newslens/themes@1"); !s.ok()) return s;
  const Json* themes = Get(root, "themes");
  if (!themes || !themes->is_array())
    return json_util::ErrorAt(text, source, {"themes"}, "\"themes\" must be an array");
  auto at = [&](const json_util::Path& path, const std::string& what) {
    return json_util::ErrorAt(text, source, path, what);
  };
  ThemeDictionary dict;
  std::map<std::string, size_t> seen;  // id -> index in "themes"
  size_t total_terms = 0;
  for (size_t i = 0; i < themes->size(); ++i) {
    const Json& t = (*themes)[i];
    ThemeDef def;
    def.id = GetString(t, "id");
    if (!ValidThemeId(def.id))
      return at({"themes", i, "id"},
                "invalid theme id \"" + def.id + "\" (expected top or top.sub)");
    if (auto [it, added] = seen.emplace(def.id, i); !added)
      return at({"themes", i, "id"},
                "duplicate theme id \"" + def.id + "\" (first at " +
                    json_util::LineColumn(text, json_util::Locate(text, {"themes", it->second,
                                                                         "id"})) +
                    ")");
    def.label = GetString(t, "label", def.id);
    def.parent = GetString(t, "parent");
    def.iptc = GetString(t, "iptc");
    auto dot = def.id.find('.');
    if (dot != std::string::npos && def.parent != def.id.substr(0, dot))
      return at({"themes", i, "parent"},
                "theme " + def.id + ": parent must be \"" + def.id.substr(0, dot) + "\"");
    if (const Json* terms = Get(t, "terms")) {
      if (!terms->is_array())
        return at({"themes", i, "terms"}, "theme " + def.id + ": terms must be an array");
      for (size_t j = 0; j < terms->size(); ++j) {
        TermDef td;
        if (std::string bad = ParseTerm((*terms)[j], def.id, &td); !bad.empty())
          return at({"themes", i, "terms", j}, bad);
        if (++total_terms > kMaxDictionaryTerms) return at({"themes", i, "terms", j}, TooManyTerms());
        def.terms.push_back(std::move(td));
      }
    }
    dict.themes.push_back(std::move(def));
  }
  // "cues": {"name": ["word", "phrase", "stem*"], ...}: the named cue sets.
  if (const Json* cues = Get(root, "cues")) {
    if (!cues->is_object())
      return at({"cues"}, "\"cues\" must be an object of named word lists");
    for (const auto& [name, words] : cues->items()) {
      if (!ValidCueSetName(name))
        return at({"cues", name}, "invalid cue set name \"" + name +
                                      "\" (lowercase letters, digits and _)");
      if (!words.is_array()) return at({"cues", name}, "cue set " + name + " must be an array");
      CueSetDef set;
      set.name = name;
      for (size_t j = 0; j < words.size(); ++j) {
        const Json& w = words[j];
        if (!w.is_string() || w.get_ref<const std::string&>().find_first_not_of(" \t\r\n") ==
                                  std::string::npos)
          return at({"cues", name, j}, "cue set " + name + ": a cue must be a non-empty string");
        const std::string& word = w.get_ref<const std::string&>();
        if (std::string bad = WildcardProblem(word, kMinWildcardStem); !bad.empty())
          return at({"cues", name, j}, "cue set " + name + ": " + bad);
        if (++total_terms > kMaxDictionaryTerms) return at({"cues", name, j}, TooManyTerms());
        set.words.push_back(word);
      }
      dict.cue_sets.push_back(std::move(set));
    }
  }
  return dict;
}

Status ApplyTermSpecificity(std::string_view text, std::string_view source,
                            ThemeDictionary* dict) {
  auto parsed = json_util::Parse(text, source);
  if (!parsed.ok()) return parsed.status();
  const Json& root = parsed.value();
  if (Status s = CheckFormat(root, source, "newslens/term-specificity@1"); !s.ok()) return s;
  const Json* terms = Get(root, "terms");
  if (!terms || !terms->is_object())
    return json_util::ErrorAt(text, source, {"terms"}, "\"terms\" must be an object");
  std::map<std::string, float, std::less<>> specificity;
  for (const auto& [term, value] : terms->items()) {
    if (!value.is_number() || !(value.get<double>() > 0 && value.get<double>() <= 1))
      return json_util::ErrorAt(text, source, {"terms", term},
                                "specificity of \"" + term + "\" must be a number in (0, 1]");
    specificity[term] = value.get<float>();
  }
  for (ThemeDef& theme : dict->themes)
    for (TermDef& term : theme.terms)
      if (auto it = specificity.find(term.text); it != specificity.end())
        term.weight *= it->second;
  return Status();
}

namespace {

// Offset of the first byte of `s` that does not start a valid UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or npos.
size_t InvalidUtf8At(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
    unsigned char lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
    if (b1 < lo || b1 > hi) return i;
    for (size_t k = 2; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace

std::string_view WithoutByteOrderMark(std::string_view text) {
  // Notepad and Excel save "UTF-8" with EF BB BF in front; it is no part of the first line.
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
  return text;
}

Result<ThemeDictionary> ParseLiwcDic(std::string_view text, std::string_view source) {
  text = WithoutByteOrderMark(text);
  ThemeDictionary dict;
  std::map<std::string, size_t> by_number;
  std::map<std::string, size_t> id_line;  // theme id -> the line that declared it
  size_t total_terms = 0;
  int section = 0;  // 0 before the first %, 1 categories, 2 words
  size_t line_no = 0, pos = 0;
  auto error = [&](const std::string& what, size_t column) {
    return Status::Error(std::string(source) + ":" + std::to_string(line_no) + ":" +
                         std::to_string(column) + ": " + what);
  };
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    // Labels and words are copied into reports, which must be valid UTF-8 (JSON text). A JSON
    // dictionary is checked by its parser; a .dic in a legacy encoding is caught here (found by
    // fuzz/custom_dictionary: the label's raw bytes made the report invalid JSON).
    if (size_t bad = InvalidUtf8At(line); bad != std::string_view::npos)
      return error("invalid UTF-8 (save the file as UTF-8)", bad + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    size_t lead = 0;
    while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
    line.remove_prefix(lead);
    if (line.empty()) {
      if (nl == text.size()) break;
      continue;
    }
    if (line == "%") {
      ++section;
      if (section > 2) return error("unexpected third '%' line", 1);
      continue;
    }
    if (section == 0) return error("expected '%' to open the category list", 1);
    // Split into fields: the first is the number (categories) or the entry (words). A line with
    // tabs splits on tabs only, so LIWC-22 multi-word entries ("kind of<TAB>12") and category
    // names with spaces stay whole; older files separate with spaces.
    const bool tabs = line.find('\t') != std::string_view::npos;
    auto is_sep = [tabs](char c) { return c == '\t' || (!tabs && c == ' '); };
    std::vector<std::string_view> fields;
    size_t k = 0;
    while (k < line.size()) {
      while (k < line.size() && is_sep(line[k])) ++k;
      size_t b = k;
      // Category lines: "id<sep>name", the name may contain spaces.
      if (section == 1 && !fields.empty()) {
        fields.push_back(line.substr(b));
        break;
      }
      while (k < line.size() && !is_sep(line[k])) ++k;
      size_t e = k;
      while (e > b && line[e - 1] == ' ') --e;
      if (e > b) fields.push_back(line.substr(b, e - b));
    }
    if (section == 1) {
      if (fields.size() != 2) return error("expected \"number<TAB>category name\"", lead + 1);
      ThemeDef def;
      def.label = std::string(fields[1]);
      for (char c : def.label) {
        unsigned char u = static_cast<unsigned char>(c);
        def.id.push_back(std::isalnum(u) ? static_cast<char>(std::tolower(u)) : '_');
      }
      if (def.id.empty() || !ValidThemeId(def.id)) return error("invalid category name", lead + 1);
      if (by_number.count(std::string(fields[0])))
        return error("duplicate category number \"" + std::string(fields[0]) + "\"", lead + 1);
      if (auto [it, added] = id_line.emplace(def.id, line_no); !added)
        return error("duplicate category \"" + def.label + "\" (id " + def.id +
                         ", first on line " + std::to_string(it->second) + ")",
                     lead + 1);
      by_number[std::string(fields[0])] = dict.themes.size();
      dict.themes.push_back(std::move(def));
    } else {
      if (fields.size() < 2) return error("expected \"word<TAB>category number ...\"", lead + 1);
      if (std::string bad = WildcardProblem(fields[0], kMinLiwcWildcardStem); !bad.empty())
        return error("word " + bad, lead + 1);
      if (++total_terms > kMaxDictionaryTerms) return error(TooManyTerms(), lead + 1);
      for (size_t f = 1; f < fields.size(); ++f) {
        auto it = by_number.find(std::string(fields[f]));
        if (it == by_number.end())
          return error("unknown category \"" + std::string(fields[f]) + "\"", lead + 1);
        TermDef td;
        td.text = std::string(fields[0]);
        dict.themes[it->second].terms.push_back(td);
      }
    }
    if (nl == text.size()) break;
  }
  if (section < 2) return Status::Error(std::string(source) + ": expected two '%' lines");
  return dict;
}

namespace {

// Adds the entries of the object at `path` of `text`.
Status AddEntries(const Json& entries, std::string_view text, std::string_view source,
                  const json_util::Path& path, std::vector<std::pair<std::string, float>>* out) {
  if (!entries.is_object())
    return json_util::ErrorAt(text, source, path, "\"" + std::string(std::get<std::string_view>(
                                                                path.back())) +
                                                      "\" must be an object");
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    auto at = [&](const std::string& what) {
      json_util::Path p = path;
      p.push_back(std::string_view(it.key()));
      return json_util::ErrorAt(text, source, p, "entry \"" + it.key() + "\": " + what);
    };
    if (!it.value().is_number()) return at("valence must be a number");
    double v = it.value().get<double>();
    if (!(v >= -4.0 && v <= 4.0) || std::isnan(v)) return at("valence must be in [-4, 4]");
    if (out->size() >= kMaxDictionaryTerms) return at(TooManyTerms());
    out->emplace_back(it.key(), static_cast<float>(v));
  }
  return Status();
}

}  // namespace

Result<LexiconDef> ParseLexicon(std::string_view text, std::string_view source) {
  auto parsed = json_util::Parse(text, source);
  if (!parsed.ok()) return parsed.status();
  const Json& root = parsed.value();
  if (Status s = CheckFormat(root, source, "newslens/lexicon@1"); !s.ok()) return s;
  LexiconDef lex;
  lex.name = GetString(root, "name", std::string(source));
  if (const Json* e = Get(root, "entries"))
    if (Status s = AddEntries(*e, text, source, {"entries"}, &lex.entries); !s.ok()) return s;
  if (const Json* e = Get(root, "emoticons"))
    if (Status s = AddEntries(*e, text, source, {"emoticons"}, &lex.emoticons); !s.ok()) return s;
  if (const Json* groups = Get(root, "groups")) {
    if (!groups->is_array())
      return json_util::ErrorAt(text, source, {"groups"}, "\"groups\" must be an array");
    for (size_t i = 0; i < groups->size(); ++i) {
      const Json& g = (*groups)[i];
      const Json* e = Get(g, "entries");
      if (!e)
        return json_util::ErrorAt(text, source, {"groups", i},
                                  "group \"" + GetString(g, "name") + "\" has no entries");
      if (Status s = AddEntries(*e, text, source, {"groups", i, "entries"}, &lex.entries);
          !s.ok())
        return s;
    }
  }
  return lex;
}

Result<SentimentRulesDef> ParseSentimentRules(std::string_view text, std::string_view source) {
  auto parsed = json_util::Parse(text, source);
  if (!parsed.ok()) return parsed.status();
  const Json& root = parsed.value();
  if (Status s = CheckFormat(root, source, "newslens/sentiment-rules@1"); !s.ok()) return s;
  SentimentRulesDef rules;
  auto negators = StringList(root, "negators", source);
  if (!negators.ok()) return negators.status();
  rules.negators = std::move(negators).value();
  auto exceptions = StringList(root, "negation_exceptions", source);
  if (!exceptions.ok()) return exceptions.status();
  rules.negation_exceptions = std::move(exceptions).value();
  if (const Json* b = Get(root, "boosters")) {
    if (!b->is_object()) return Fail(source, "\"boosters\" must be an object");
    for (auto it = b->begin(); it != b->end(); ++it) {
      if (!it.value().is_number()) return Fail(source, "booster \"" + it.key() + "\": not a number");
      rules.boosters[it.key()] = it.value().get<float>();
    }
  }
  if (const Json* c = Get(root, "contrast")) {
    if (!c->is_object()) return Fail(source, "\"contrast\" must be an object");
    for (auto it = c->begin(); it != c->end(); ++it) {
      ContrastDef def;
      const Json& v = it.value();
      if (const Json* x = Get(v, "before"); x && x->is_number()) def.before = x->get<float>();
      if (const Json* x = Get(v, "after"); x && x->is_number()) def.after = x->get<float>();
      def.introduces_weak = GetString(v, "introduces") == "weak";
      rules.contrast[it.key()] = def;
    }
  }
  // Other word lists: arrays of strings, at the top level or one object deep.
  auto all_strings = [](const Json& v) {
    if (!v.is_array()) return false;
    for (const Json& x : v)
      if (!x.is_string()) return false;
    return true;
  };
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (it.key() == "negators" || it.key() == "negation_exceptions") continue;
    if (all_strings(it.value())) {
      rules.lists[it.key()] = it.value().get<std::vector<std::string>>();
    } else if (it.value().is_object() && it.key() != "constants" && it.key() != "contrast") {
      for (auto jt = it.value().begin(); jt != it.value().end(); ++jt)
        if (all_strings(jt.value()))
          rules.lists[it.key() + "." + jt.key()] = jt.value().get<std::vector<std::string>>();
    }
  }
  if (const Json* k = Get(root, "constants")) {
    if (!k->is_object()) return Fail(source, "\"constants\" must be an object");
    for (auto it = k->begin(); it != k->end(); ++it) {
      const Json& v = it.value();
      const Json* value = v.is_object() ? Get(v, "value") : &v;
      if (value && value->is_number()) rules.constants[it.key()] = value->get<double>();
      if (value && value->is_array())
        for (size_t i = 0; i < value->size(); ++i)
          if ((*value)[i].is_number())
            rules.constants[it.key() + "_" + std::to_string(i)] = (*value)[i].get<double>();
    }
  }
  return rules;
}

Result<EntityDictionary> ParseEntities(std::string_view text, std::string_view source) {
  auto parsed = json_util::Parse(text, source);
  if (!parsed.ok()) return parsed.status();
  const Json& root = parsed.value();
  if (Status s = CheckFormat(root, source, "newslens/entities@1"); !s.ok()) return s;
  EntityDictionary dict;
  if (const Json* cs = Get(root, "countries")) {
    if (!cs->is_array())
      return json_util::ErrorAt(text, source, {"countries"}, "\"countries\" must be an array");
    if (cs->size() > kMaxDictionaryTerms)
      return json_util::ErrorAt(text, source, {"countries", kMaxDictionaryTerms}, TooManyTerms());
    for (size_t i = 0; i < cs->size(); ++i) {
      const Json& c = (*cs)[i];
      CountryDef def;
      def.code = GetString(c, "code");
      def.name = GetString(c, "name");
      if (def.code.size() != 2 || def.name.empty())
        return json_util::ErrorAt(text, source, {"countries", i},
                                  "country \"" + def.name + "\": needs a 2-letter code and a name");
      for (auto [key, list] : {std::pair{"aliases", &def.aliases}, {"demonyms", &def.demonyms},
                               {"places", &def.places}}) {
        auto l = StringList(c, key, source);
        if (!l.ok()) return l.status();
        *list = std::move(l).value();
      }
      dict.countries.push_back(std::move(def));
    }
  }
  if (const Json* os = Get(root, "organizations")) {
    if (!os->is_array())
      return json_util::ErrorAt(text, source, {"organizations"},
                                "\"organizations\" must be an array");
    if (os->size() > kMaxDictionaryTerms)
      return json_util::ErrorAt(text, source, {"organizations", kMaxDictionaryTerms},
                                TooManyTerms());
    for (size_t i = 0; i < os->size(); ++i) {
      const Json& o = (*os)[i];
      OrganizationDef def;
      def.name = GetString(o, "name");
      if (def.name.empty())
        return json_util::ErrorAt(text, source, {"organizations", i},
                                  "an organization needs a name");
      def.kind = GetString(o, "kind", "organization");
      def.parent = GetString(o, "parent");
      auto l = StringList(o, "aliases", source);
      if (!l.ok()) return l.status();
      def.aliases = std::move(l).value();
      dict.organizations.push_back(std::move(def));
    }
  }
  auto titles = StringList(root, "titles", source);
  if (!titles.ok()) return titles.status();
  dict.titles = std::move(titles).value();
  auto not_names = StringList(root, "not_names", source);
  if (!not_names.ok()) return not_names.status();
  dict.not_names = std::move(not_names).value();
  auto not_countries = StringList(root, "not_countries", source);
  if (!not_countries.ok()) return not_countries.status();
  dict.not_countries = std::move(not_countries).value();
  return dict;
}

Result<TextRulesDef> ParseTextRules(std::string_view text, std::string_view source) {
  auto parsed = json_util::Parse(text, source);
  if (!parsed.ok()) return parsed.status();
  const Json& root = parsed.value();
  if (Status s = CheckFormat(root, source, "newslens/text-rules@1"); !s.ok()) return s;
  TextRulesDef rules;
  auto abbr = StringList(root, "abbreviations", source);
  if (!abbr.ok()) return abbr.status();
  rules.abbreviations = std::move(abbr).value();
  return rules;
}

Result<CustomDictionary> ParseCustomDictionary(std::string_view text, std::string_view source) {
  text = WithoutByteOrderMark(text);
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  CustomDictionary out;
  if (i < text.size() && text[i] == '%') {
    auto dic = ParseLiwcDic(text, source);
    if (!dic.ok()) return dic.status();
    out.kind = CustomDictionary::Kind::kThemes;
    out.themes = std::move(dic).value();
    return out;
  }
  auto parsed = json_util::Parse(text, source);
  if (!parsed.ok()) return parsed.status();
  std::string format = GetString(parsed.value(), "format");
  if (format == "newslens/themes@1") {
    auto r = ParseThemes(text, source);
    if (!r.ok()) return r.status();
    out.kind = CustomDictionary::Kind::kThemes;
    out.themes = std::move(r).value();
  } else if (format == "newslens/lexicon@1") {
    auto r = ParseLexicon(text, source);
    if (!r.ok()) return r.status();
    out.kind = CustomDictionary::Kind::kLexicon;
    out.lexicon = std::move(r).value();
  } else if (format == "newslens/entities@1") {
    auto r = ParseEntities(text, source);
    if (!r.ok()) return r.status();
    out.kind = CustomDictionary::Kind::kEntities;
    out.entities = std::move(r).value();
  } else {
    return Fail(source,
                "unknown dictionary format \"" + format +
                    "\" (expected newslens/themes@1, newslens/lexicon@1, newslens/entities@1 "
                    "or a LIWC .dic file)");
  }
  return out;
}

}  // namespace newslens
