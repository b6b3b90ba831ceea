#include "builtin.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <utility>

namespace newslens {

const char* const kBuiltinFiles[9] = {
    "text/en.json",        "themes/en.json",           "sentiment/general-en.json",
    "sentiment/news-en.json",  "sentiment/finance-en.json", "sentiment/rules-en.json",
    "entities/countries-en.json", "entities/organizations-en.json",
    "themes/specificity-en.json"};

namespace {

constexpr std::string_view kMagic = "newslens/packed@2";  // @2: front-coded lexicons

// The packed numbers ("-2.3", "0.293", "1e-05") the way strtod reads them, without strtod: in
// wasm, musl's strtod works in 128-bit software floating point and was ~20 % of start-up.
// Clinger's fast path: when the digits fit in 2^53 and the power of ten is at most 10^22, both
// are exact doubles and one IEEE division or multiplication rounds correctly, i.e. gives what
// strtod gives. Anything else returns false (the packer writes it as HexFloat reads it).
NEWSLENS_STARTUP_CODE bool FastDecimal(std::string_view s, double* out) {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  size_t i = 0;
  bool negative = i < s.size() && s[i] == '-';
  if (negative) ++i;
  uint64_t mantissa = 0;
  int digits = 0, scale = 0;
  bool point = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' && !point) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      if (++digits > 15) return false;
      mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
      if (point) --scale;
    } else {
      break;
    }
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool minus = i < s.size() && s[i] == '-';
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    int exponent = 0, exponent_digits = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9' && exponent_digits < 4; ++i, ++exponent_digits)
      exponent = exponent * 10 + (s[i] - '0');
    if (exponent_digits == 0) return false;
    scale += minus ? -exponent : exponent;
  }
  if (i != s.size() || scale < -22 || scale > 22) return false;
  double v = static_cast<double>(mantissa);  // exact: below 10^15 < 2^53
  v = scale < 0 ? v / kPow10[-scale] : v * kPow10[scale];
  *out = negative ? -v : v;
  return true;
}

// C's hexadecimal floating-point form as printf's %a writes a finite double ("0x1.8p+1",
// "-0x0p+0", "0x0.0000000000001p-1022"): the hex digits are the significand's bits, so the value
// is exact, read with integer arithmetic and one ldexp. Anything else returns false.
NEWSLENS_STARTUP_CODE bool HexFloat(std::string_view s, double* out) {
  size_t i = 0;
  const bool negative = i < s.size() && s[i] == '-';
  if (negative) ++i;
  if (s.substr(i, 2) != "0x") return false;
  i += 2;
  uint64_t significand = 0;
  int digits = 0, scale = 0;
  bool point = false;
  for (; i < s.size() && s[i] != 'p'; ++i) {
    const char c = s[i];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (d < 0 || ++digits > 15) return false;  // 15 hex digits: 60 bits, a double's 53 fit
    significand = significand * 16 + static_cast<uint64_t>(d);
    if (point) scale -= 4;
  }
  if (digits == 0 || i + 1 >= s.size()) return false;
  ++i;  // 'p'
  const bool minus = s[i] == '-';
  if (s[i] == '-' || s[i] == '+') ++i;
  int exponent = 0, exponent_digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9' && exponent_digits < 5; ++i, ++exponent_digits)
    exponent = exponent * 10 + (s[i] - '0');
  if (exponent_digits == 0 || i != s.size()) return false;
  const double v = std::ldexp(static_cast<double>(significand), scale + (minus ? -exponent : exponent));
  *out = negative ? -v : v;
  return true;
}

// ---- writing ----

class Writer {
 public:
  void Field(std::string_view s) {
    if (!status_.ok()) return;
    if (s.find_first_of("\t\n") != std::string_view::npos) {
      status_ = Status::Error("packed dictionaries: \"" + std::string(s) +
                              "\" holds a TAB or a line break, which the packed form cannot");
      return;
    }
    if (!line_start_) out_ += '\t';
    out_ += s;
    line_start_ = false;
  }
  void Count(size_t n) { Field(std::to_string(n)); }
  // Read back as Unpack reads them (FastDecimal, then a float rounded from that double).
  void Float(float f) { Number(f, 9, [](double d) { return static_cast<float>(d); }); }
  void Double(double d) { Number(d, 15, [](double d) { return d; }); }
  void End() {
    out_ += '\n';
    line_start_ = true;
  }
  void List(const std::vector<std::string>& items) {
    Count(items.size());
    for (const auto& s : items) Field(s);
    End();
  }
  Result<std::string> Finish() {
    if (!status_.ok()) return status_;
    return std::move(out_);
  }

 private:
  // The shortest %g form that reads back to exactly `v` the way Unpack reads it, by FastDecimal,
  // else the %a form (HexFloat): so that the analyzer links no strtod (in wasm, musl's strtod
  // and its 128-bit floating-point helpers are ~6 KB gzipped of code; docs/size.md).
  template <class T, class Narrow>
  void Number(T v, int max_digits, Narrow narrow) {
    if (!std::isfinite(v)) {
      status_ = Status::Error("packed dictionaries: a number is not finite");
      return;
    }
    char buf[40];
    for (int digits = 1; digits <= max_digits; ++digits) {
      std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(v));
      double read = 0;
      if (FastDecimal(buf, &read) && narrow(read) == v) return Field(buf);
    }
    // Beyond that (no dictionary has such a number): C's hexadecimal form, exact by construction.
    std::snprintf(buf, sizeof buf, "%a", static_cast<double>(v));
    double read = 0;
    if (!HexFloat(buf, &read) || narrow(read) != v) {
      if (status_.ok()) status_ = Status::Error(std::string("packed dictionaries: cannot pack ") + buf);
      return;
    }
    Field(buf);
  }

  std::string out_;
  bool line_start_ = true;
  Status status_;
};

// A lexicon's words are front-coded: each entry is "shared<TAB>rest<TAB>valence", where the word
// is the first `shared` bytes of the entry before it (never cutting a UTF-8 character) followed
// by `rest`. The words stay in their order; most lexicons list them alphabetically, so a word
// shares most of its letters with the one before ("abandon", 7 + "ed"). Issue 19: -5.8 KB
// gzipped of newslens.js (gzip's window finds the repetition less well than this).
size_t SharedPrefix(std::string_view a, std::string_view b) {
  size_t k = 0;
  while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
  while (k > 0 && k < b.size() && (static_cast<unsigned char>(b[k]) & 0xC0) == 0x80) --k;
  return k;
}

void PackLexicon(const LexiconDef& lex, Writer* w) {
  w->Field(lex.name);
  w->Count(lex.entries.size());
  w->Count(lex.emoticons.size());
  w->End();
  for (const auto* list : {&lex.entries, &lex.emoticons}) {
    std::string_view previous;
    for (const auto& [word, valence] : *list) {
      const size_t shared = SharedPrefix(previous, word);
      w->Count(shared);
      w->Field(std::string_view(word).substr(shared));
      w->Float(valence);
      w->End();
      previous = word;
    }
  }
}

void PackEntities(const EntityDictionary& d, Writer* w) {
  w->Count(d.countries.size());
  w->Count(d.organizations.size());
  w->End();
  for (const CountryDef& c : d.countries) {
    w->Field(c.code);
    w->Field(c.name);
    w->End();
    w->List(c.aliases);
    w->List(c.demonyms);
    w->List(c.places);
  }
  for (const OrganizationDef& o : d.organizations) {
    w->Field(o.name);
    w->Field(o.kind);
    w->Field(o.parent);
    w->End();
    w->List(o.aliases);
  }
  w->List(d.titles);
  w->List(d.not_names);
  w->List(d.not_countries);
}

// ---- reading ----

// Reads line by line, field by field. The first error sticks; later reads return empty values,
// so the caller checks status() once at the end (and before trusting any count for a loop).
class Reader {
 public:
  explicit Reader(std::string_view text) : rest_(text) {}

  // Moves to the next line; false (and an error) at the end of the text.
  bool NextLine() {
    if (!status_.ok()) return false;
    if (rest_.empty()) return Fail("unexpected end");
    size_t nl = rest_.find('\n');
    if (nl == std::string_view::npos) return Fail("the last line has no line break");
    line_ = rest_.substr(0, nl);
    rest_.remove_prefix(nl + 1);
    ++line_no_;
    have_field_ = true;
    return true;
  }
  std::string_view Field() {
    if (!status_.ok()) return {};
    if (!have_field_) {
      Fail("a field is missing");
      return {};
    }
    size_t tab = line_.find('\t');
    std::string_view f = line_.substr(0, tab);
    if (tab == std::string_view::npos) {
      have_field_ = false;
      line_ = {};
    } else {
      line_.remove_prefix(tab + 1);
    }
    return f;
  }
  std::string String() { return std::string(Field()); }
  // A count: at most the bytes left, so a corrupt count cannot make a loop run long.
  size_t Count() {
    std::string_view f = Field();
    size_t n = 0;
    auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), n);
    if (status_.ok() && (f.empty() || ec != std::errc() || end != f.data() + f.size()))
      Fail("expected a count, not \"" + std::string(f) + "\"");
    if (status_.ok() && n > rest_.size() + line_.size()) Fail("a count larger than the data");
    return status_.ok() ? n : 0;
  }
  // Every number was packed in a form FastDecimal or HexFloat reads exactly (Writer::Number).
  double Number() {
    std::string_view f = Field();
    double v = 0;
    if (FastDecimal(f, &v) || HexFloat(f, &v)) return v;
    if (status_.ok()) Fail("expected a number, not \"" + std::string(f) + "\"");
    return 0;
  }
  // Ends a line: every field must have been read.
  void EndLine() {
    if (status_.ok() && have_field_) Fail("unexpected fields \"" + std::string(line_) + "\"");
  }
  std::vector<std::string> List() {
    std::vector<std::string> items;
    if (!NextLine()) return items;
    size_t n = Count();
    items.reserve(n);
    for (size_t i = 0; i < n && status_.ok(); ++i) items.push_back(String());
    EndLine();
    return items;
  }
  bool AtEnd() const { return rest_.empty(); }
  bool AtLineEnd() const { return !have_field_; }
  bool Fail(const std::string& what) {
    if (status_.ok())
      status_ = Status::Error("packed dictionaries: line " + std::to_string(line_no_) + ": " + what);
    return false;
  }
  const Status& status() const { return status_; }

 private:
  std::string_view rest_, line_;
  size_t line_no_ = 0;
  bool have_field_ = false;
  Status status_;
};

NEWSLENS_STARTUP_CODE void UnpackLexicon(Reader* r, LexiconDef* lex) {
  if (!r->NextLine()) return;
  lex->name = r->String();
  size_t entries = r->Count(), emoticons = r->Count();
  r->EndLine();
  for (auto [list, n] : {std::pair{&lex->entries, entries}, {&lex->emoticons, emoticons}}) {
    list->reserve(n);
    for (size_t i = 0; i < n && r->NextLine(); ++i) {  // front-coded (PackLexicon)
      const size_t shared = r->Count();
      const std::string_view rest = r->Field();
      if (i == 0 ? shared != 0 : shared > (*list)[i - 1].first.size()) {
        r->Fail("a word shares more than the word before it has");
        return;
      }
      std::string word = i == 0 ? std::string() : (*list)[i - 1].first.substr(0, shared);
      word.append(rest);
      list->emplace_back(std::move(word), static_cast<float>(r->Number()));
      r->EndLine();
    }
  }
}

NEWSLENS_STARTUP_CODE void UnpackEntities(Reader* r, EntityDictionary* d) {
  if (!r->NextLine()) return;
  size_t countries = r->Count(), orgs = r->Count();
  r->EndLine();
  d->countries.resize(countries);
  for (CountryDef& c : d->countries) {
    if (!r->NextLine()) return;
    c.code = r->String();
    c.name = r->String();
    r->EndLine();
    c.aliases = r->List();
    c.demonyms = r->List();
    c.places = r->List();
  }
  d->organizations.resize(orgs);
  for (OrganizationDef& o : d->organizations) {
    if (!r->NextLine()) return;
    o.name = r->String();
    o.kind = r->String();
    o.parent = r->String();
    r->EndLine();
    o.aliases = r->List();
  }
  d->titles = r->List();
  d->not_names = r->List();
  d->not_countries = r->List();
}

}  // namespace

Result<std::string> Pack(const BuiltinDictionaries& d) {
  Writer w;
  w.Field(kMagic);
  w.End();
  for (const auto* list : {&d.text.abbreviations, &d.text.org_words, &d.text.name_connectors,
                           &d.text.org_connectors, &d.text.name_particles, &d.text.honorifics,
                           &d.text.speech_verbs, &d.text.place_words, &d.text.place_prefixes,
                           &d.text.sports_words, &d.text.match_words, &d.text.company_nouns,
                           &d.text.company_after, &d.text.title_abbreviations,
                           &d.text.regions, &d.text.event_words})
    w.List(*list);
  w.Count(d.themes.themes.size());
  w.End();
  for (const ThemeDef& t : d.themes.themes) {
    for (const std::string* s : {&t.id, &t.label, &t.parent, &t.iptc}) w.Field(*s);
    w.Count(t.terms.size());
    w.End();
    for (const TermDef& term : t.terms) {  // most weigh 1: the weight only when it is not
      w.Field(term.text);
      if (term.weight != 1.0f || term.context != TermContext::kNone) w.Float(term.weight);
      if (term.context != TermContext::kNone) {  // "s" or "p", then the cue set, if any
        w.Field(term.context == TermContext::kSentence ? "s" : "p");
        if (!term.cues.empty()) w.Field(term.cues);
      }
      w.End();
    }
  }
  w.Count(d.themes.cue_sets.size());
  w.End();
  for (const CueSetDef& set : d.themes.cue_sets) {
    w.Field(set.name);
    w.End();
    w.List(set.words);
  }
  for (const LexiconDef* lex : {&d.general, &d.news, &d.finance}) PackLexicon(*lex, &w);
  const SentimentRulesDef& r = d.rules;
  w.List(r.negators);
  w.List(r.negation_exceptions);
  w.Count(r.boosters.size());
  w.Count(r.contrast.size());
  w.Count(r.constants.size());
  w.Count(r.lists.size());
  w.End();
  for (const auto& [word, scalar] : r.boosters) {
    w.Field(word);
    w.Float(scalar);
    w.End();
  }
  for (const auto& [word, c] : r.contrast) {
    w.Field(word);
    w.Float(c.before);
    w.Float(c.after);
    w.Count(c.introduces_weak ? 1 : 0);
    w.End();
  }
  for (const auto& [name, value] : r.constants) {
    w.Field(name);
    w.Double(value);
    w.End();
  }
  for (const auto& [name, items] : r.lists) {
    w.Field(name);
    w.End();
    w.List(items);
  }
  PackEntities(d.countries, &w);
  PackEntities(d.organizations, &w);
  return w.Finish();
}

// The parts Unpacker::Step reads, in the packed text's order.
enum Unpacker::Part : int {
  kHeader,      // the magic line, the text lists and the number of themes
  kThemes,      // the themes and their terms, kTermsPerStep at a time
  kCueSets,
  kGeneral,     // the three lexicons, one part each
  kNews,
  kFinance,
  kRules,
  kCountries,   // the two entity dictionaries, one part each
  kOrganizations,
  kDone,
};

struct Unpacker::State {
  State(std::string_view packed, size_t terms) : r(packed), terms_per_step(terms) {}
  Reader r;
  size_t terms_per_step;
  BuiltinDictionaries d;
  int part = kHeader;
  size_t theme = 0, term = 0;  // where kThemes goes on
};

Unpacker::Unpacker(std::string_view packed, size_t terms_per_step)
    : state_(std::make_unique<State>(packed, terms_per_step ? terms_per_step : 1)) {}
Unpacker::~Unpacker() = default;

namespace {

NEWSLENS_STARTUP_CODE void UnpackTextLists(Reader* r, TextListsDef* text) {
  if (r->NextLine() && r->Field() != kMagic) r->Fail(std::string("expected ") + std::string(kMagic));
  r->EndLine();
  for (auto* list : {&text->abbreviations, &text->org_words, &text->name_connectors,
                     &text->org_connectors, &text->name_particles, &text->honorifics,
                     &text->speech_verbs, &text->place_words, &text->place_prefixes,
                     &text->sports_words, &text->match_words, &text->company_nouns,
                     &text->company_after, &text->title_abbreviations, &text->regions,
                     &text->event_words})
    *list = r->List();
}

// Reads up to `budget` terms of the themes, from theme *theme's term *term on (0: the theme's own
// line first); leaves both where the next call goes on.
NEWSLENS_STARTUP_CODE void UnpackThemes(Reader* r, std::vector<ThemeDef>* themes, size_t budget, size_t* theme,
                  size_t* term) {
  size_t i = *theme, k = *term;
  for (; i < themes->size() && budget > 0 && r->status().ok(); ++i, k = 0) {
    ThemeDef& t = (*themes)[i];
    if (k == 0) {  // the theme's own line
      if (!r->NextLine()) break;
      for (std::string* f : {&t.id, &t.label, &t.parent, &t.iptc}) *f = r->String();
      t.terms.resize(r->Count());
      r->EndLine();
    }
    const size_t end = t.terms.size() - k > budget ? k + budget : t.terms.size();
    budget -= end - k;
    for (; k < end && r->NextLine(); ++k) {
      TermDef& def = t.terms[k];
      def.text = r->String();
      if (!r->AtLineEnd()) def.weight = static_cast<float>(r->Number());
      if (!r->AtLineEnd())
        def.context = r->String() == "p" ? TermContext::kParagraph : TermContext::kSentence;
      if (!r->AtLineEnd()) def.cues = r->String();
      r->EndLine();
    }
    if (k < t.terms.size()) break;  // this theme goes on in the next call
  }
  *theme = i;
  *term = k;
}

NEWSLENS_STARTUP_CODE void UnpackCueSets(Reader* r, std::vector<CueSetDef>* sets) {
  if (r->NextLine()) sets->resize(r->Count());
  r->EndLine();
  for (CueSetDef& set : *sets) {
    if (!r->NextLine()) break;
    set.name = r->String();
    r->EndLine();
    set.words = r->List();
  }
}

NEWSLENS_STARTUP_CODE void UnpackRules(Reader* r, SentimentRulesDef* rules) {
  rules->negators = r->List();
  rules->negation_exceptions = r->List();
  size_t boosters = 0, contrast = 0, constants = 0, lists = 0;
  if (r->NextLine()) {
    boosters = r->Count();
    contrast = r->Count();
    constants = r->Count();
    lists = r->Count();
    r->EndLine();
  }
  for (size_t i = 0; i < boosters && r->NextLine(); ++i) {
    std::string word = r->String();
    rules->boosters[std::move(word)] = static_cast<float>(r->Number());
    r->EndLine();
  }
  for (size_t i = 0; i < contrast && r->NextLine(); ++i) {
    std::string word = r->String();
    ContrastDef c;
    c.before = static_cast<float>(r->Number());
    c.after = static_cast<float>(r->Number());
    c.introduces_weak = r->Count() != 0;
    r->EndLine();
    rules->contrast[std::move(word)] = c;
  }
  for (size_t i = 0; i < constants && r->NextLine(); ++i) {
    std::string name = r->String();
    rules->constants[std::move(name)] = r->Number();
    r->EndLine();
  }
  for (size_t i = 0; i < lists && r->NextLine(); ++i) {
    std::string name = r->String();
    r->EndLine();
    rules->lists[std::move(name)] = r->List();
  }
}

}  // namespace

NEWSLENS_STARTUP_CODE bool Unpacker::Step() {
  State& s = *state_;
  Reader& r = s.r;
  BuiltinDictionaries& d = s.d;
  if (s.part == kDone || !r.status().ok()) return false;
  switch (s.part) {
    case kHeader:
      UnpackTextLists(&r, &d.text);
      if (r.NextLine()) d.themes.themes.resize(r.Count());
      r.EndLine();
      break;
    case kThemes:
      UnpackThemes(&r, &d.themes.themes, s.terms_per_step, &s.theme, &s.term);
      if (s.theme < d.themes.themes.size()) return r.status().ok();
      break;
    case kCueSets:
      UnpackCueSets(&r, &d.themes.cue_sets);
      break;
    case kGeneral:
      UnpackLexicon(&r, &d.general);
      break;
    case kNews:
      UnpackLexicon(&r, &d.news);
      break;
    case kFinance:
      UnpackLexicon(&r, &d.finance);
      break;
    case kRules:
      UnpackRules(&r, &d.rules);
      break;
    case kCountries:
      UnpackEntities(&r, &d.countries);
      break;
    case kOrganizations:
      UnpackEntities(&r, &d.organizations);
      if (r.status().ok() && !r.AtEnd()) r.Fail("unexpected data after the last dictionary");
      break;
  }
  ++s.part;
  return s.part != kDone && r.status().ok();
}

NEWSLENS_STARTUP_CODE Result<BuiltinDictionaries> Unpacker::Finish() {
  State& s = *state_;
  if (!s.r.status().ok()) return s.r.status();
  if (s.part != kDone) return Status::Error("packed dictionaries: not read to the end");
  return std::move(s.d);
}

Result<BuiltinDictionaries> Unpack(std::string_view packed) {
  Unpacker unpacker(packed);
  while (unpacker.Step()) {
  }
  return unpacker.Finish();
}

Result<size_t> PruneThemes(std::string_view list, ThemeDictionary* themes) {
  std::set<std::pair<std::string, std::string>, std::less<>> drop;
  size_t n = 0;
  while (!list.empty()) {
    ++n;
    const size_t eol = list.find('\n');
    std::string_view line = list.substr(0, eol);
    list = eol == std::string_view::npos ? std::string_view() : list.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab + 1 == line.size() ||
        line.find('\t', tab + 1) != std::string_view::npos)
      return Status::Error("line " + std::to_string(n) + ": expected `theme id<TAB>term`");
    drop.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
  }
  size_t removed = 0;
  for (ThemeDef& theme : themes->themes) {
    auto& terms = theme.terms;
    const size_t before = terms.size();
    terms.erase(std::remove_if(terms.begin(), terms.end(),
                               [&](const TermDef& t) {
                                 return drop.count(std::make_pair(theme.id, t.text)) > 0;
                               }),
                terms.end());
    removed += before - terms.size();
  }
  return removed;
}

}  // namespace newslens
