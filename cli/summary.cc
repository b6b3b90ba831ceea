#include "summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace newslens::cli {

namespace {

using Json = nlohmann::json;

constexpr double kFixedScale = 10000.0;  // 4 decimals, as the report prints numbers

// Strings come from the input (ids, titles: maybe invalid UTF-8) or from the analyzer; nlohmann
// escapes both and replaces invalid bytes with U+FFFD instead of throwing.
void AppendJson(const Json& v, std::string* out) {
  out->append(v.dump(-1, ' ', false, Json::error_handler_t::replace));
}
void AppendString(const std::string& s, std::string* out) { AppendJson(Json(s), out); }

void Key(const char* key, std::string* out, bool first = false) {
  if (!first) out->push_back(',');
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

void AppendThemes(const std::vector<Summary::Theme>& themes, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < themes.size(); ++i) {
    const auto& t = themes[i];
    out->append(i ? ",{" : "{");
    Key("id", out, true);
    AppendString(t.id, out);
    if (!t.label.empty()) {
      Key("label", out);
      AppendString(t.label, out);
    }
    Key("score", out);
    AppendFixed4(t.score, out);
    Key("count", out);
    out->append(std::to_string(t.count));
    Key("share", out);
    AppendFixed4(t.share, out);
    out->push_back('}');
  }
  out->push_back(']');
}

// Reading back: small typed accessors that never throw and say which field is wrong and why.
const Json* Field(const Json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}
Status Missing(const char* what, const char* key) {
  return Status::Error(std::string(what) + ": missing or mistyped \"" + key + "\"");
}
Status OutOfRange(const char* what, const char* key, const Json& v, const std::string& range) {
  return Status::Error(std::string(what) + ": \"" + key + "\" is " +
                       v.dump(-1, ' ', false, Json::error_handler_t::replace) + ", outside " +
                       range);
}
std::string CountRange() { return "0 to " + std::to_string(kMaxCount) + " (2^53 - 1)"; }

// An integer from 0 to kMaxCount.
Status GetCount(const Json& obj, const char* key, uint64_t* out, const char* what) {
  const Json* v = Field(obj, key);
  if (v == nullptr || !v->is_number()) return Missing(what, key);
  if (!v->is_number_unsigned()) {
    const double d = v->get<double>();  // a negative integer, or a float (2.5, 1e30, 2^64)
    if (v->is_number_integer() || (std::isfinite(d) && d == std::floor(d)))
      return OutOfRange(what, key, *v, CountRange());
    return Status::Error(std::string(what) + ": \"" + key + "\" is " + v->dump() +
                         ", not a whole number");
  }
  const uint64_t n = v->get<uint64_t>();
  if (n > kMaxCount) return OutOfRange(what, key, *v, CountRange());
  *out = n;
  return Status();
}

// A finite number in [lo, hi] (checked before any conversion), as 1e-4 units.
Status GetFixed(const Json& obj, const char* key, double lo, double hi, Fixed4* out,
                const char* what) {
  const Json* v = Field(obj, key);
  if (v == nullptr || !v->is_number()) return Missing(what, key);
  const double d = v->get<double>();
  auto range = [&] {
    char text[64];
    std::snprintf(text, sizeof text, "%.16g to %.16g", lo, hi);
    return std::string(text);
  };
  if (!(d >= lo && d <= hi)) return OutOfRange(what, key, *v, range());
  const Fixed4 q = ToFixed4(d);
  if (q > kMaxFixedSum || q < -kMaxFixedSum) return OutOfRange(what, key, *v, range());
  *out = q;
  return Status();
}
bool GetString(const Json& obj, const char* key, std::string* out) {
  const Json* v = Field(obj, key);
  if (v == nullptr || !v->is_string()) return false;
  *out = v->get<std::string>();
  return true;
}

constexpr double kMaxFixedValue = static_cast<double>(kMaxFixedSum) / kFixedScale;  // 9.0e11

bool KnownLabel(const std::string& label) {
  return label == "positive" || label == "neutral" || label == "negative";
}

// A summary line's theme list: ids unique, numbers in range.
Status ParseThemes(const Json& line, const char* key, std::vector<Summary::Theme>* out) {
  const Json* list = Field(line, key);
  if (list == nullptr || !list->is_array()) return Missing("summary", key);
  std::unordered_map<std::string, size_t> seen;
  for (const Json& item : *list) {
    Summary::Theme t;
    if (!GetString(item, "id", &t.id)) {
      return Status::Error(std::string("summary: a \"") + key +
                           "\" item needs id, score, count and share");
    }
    const std::string what = std::string("summary: ") + key + " \"" + t.id + "\"";
    for (Status st : {GetFixed(item, "score", 0, kMaxScore, &t.score, what.c_str()),
                      GetCount(item, "count", &t.count, what.c_str()),
                      GetFixed(item, "share", 0, 1, &t.share, what.c_str())}) {
      if (!st.ok()) return st;
    }
    if (!seen.emplace(t.id, out->size()).second)
      return Status::Error(std::string("summary: \"") + key + "\" lists \"" + t.id + "\" twice");
    GetString(item, "label", &t.label);  // optional: summary lines before labels had none
    out->push_back(std::move(t));
  }
  return Status();
}

// total + add stays within [0, kMaxCount] (total already is).
bool FitsCount(uint64_t total, uint64_t add) { return add <= kMaxCount - total; }
// total + add stays within [-kMaxFixedSum, kMaxFixedSum] (both already are: no overflow).
bool FitsFixed(Fixed4 total, Fixed4 add) {
  const Fixed4 sum = total + add;
  return sum <= kMaxFixedSum && sum >= -kMaxFixedSum;
}
Status SumTooLarge(const std::string& what) {
  return Status::Error("the aggregate's " + what + " would pass " + std::to_string(kMaxCount) +
                       " (2^53 - 1; split the corpus and keep the partitions' aggregates)");
}

}  // namespace

Fixed4 ToFixed4(double v) {
  // Out of int64's range (or not finite) the cast would be undefined: such a value reads as 0;
  // the readers refuse it before it gets here (GetFixed).
  if (!std::isfinite(v) || std::fabs(v) > 9e14) return 0;
  return static_cast<Fixed4>(std::llround(v * kFixedScale));
}

void AppendFixed4(Fixed4 q, std::string* out) {
  if (q < 0) out->push_back('-');
  uint64_t a = q < 0 ? 0 - static_cast<uint64_t>(q) : static_cast<uint64_t>(q);
  out->append(std::to_string(a / 10000));
  unsigned frac = static_cast<unsigned>(a % 10000);
  if (frac == 0) return;
  char digits[6] = {'.',
                    char('0' + frac / 1000),
                    char('0' + frac / 100 % 10),
                    char('0' + frac / 10 % 10),
                    char('0' + frac % 10),
                    0};
  size_t len = 5;
  while (digits[len - 1] == '0') --len;
  out->append(digits, len);
}

Summary Summarize(const Report& r) {
  Summary s;
  s.words = r.stats.words;
  s.sentences = r.stats.sentences;
  s.primary_theme = r.primary_theme;
  s.compound = ToFixed4(r.tone.compound);
  s.gdelt_tone = ToFixed4(r.tone.gdelt_tone);
  s.label = r.tone.label;
  for (const auto& t : r.top_level) {
    s.top_level.push_back({t.id, t.label, ToFixed4(t.score), t.count, ToFixed4(t.share)});
  }
  // report.themes lists the top-level themes again; the summary keeps them in top_level only.
  for (const auto& t : r.themes) {
    if (t.parent.empty()) continue;
    s.themes.push_back({t.id, t.label, ToFixed4(t.score), t.count, ToFixed4(t.share)});
  }
  for (const auto& e : r.entities) s.entities.push_back({e.name, e.type, e.code, e.count});
  return s;
}

std::string SummaryJson(const ArticleMeta& meta, const Summary& s) {
  std::string out;
  out.reserve(256 + 48 * (s.top_level.size() + s.themes.size() + s.entities.size()));
  out.push_back('{');
  Key("id", &out, true);
  AppendJson(meta.id, &out);
  const std::pair<const char*, const Json*> optional[] = {
      {"title", &meta.title}, {"date", &meta.date}, {"source", &meta.source}};
  for (const auto& [key, value] : optional) {
    if (value->is_null()) continue;
    Key(key, &out);
    AppendJson(*value, &out);
  }
  Key("words", &out);
  out.append(std::to_string(s.words));
  Key("sentences", &out);
  out.append(std::to_string(s.sentences));
  Key("primary_theme", &out);
  if (s.primary_theme.empty()) {
    out.append("null");
  } else {
    AppendString(s.primary_theme, &out);
  }
  Key("tone", &out);
  out.push_back('{');
  Key("compound", &out, true);
  AppendFixed4(s.compound, &out);
  Key("label", &out);
  AppendString(s.label, &out);
  Key("gdelt_tone", &out);
  AppendFixed4(s.gdelt_tone, &out);
  out.push_back('}');
  Key("top_level", &out);
  AppendThemes(s.top_level, &out);
  Key("themes", &out);
  AppendThemes(s.themes, &out);
  Key("entities", &out);
  out.push_back('[');
  for (size_t i = 0; i < s.entities.size(); ++i) {
    const auto& e = s.entities[i];
    out.append(i ? ",{" : "{");
    Key("name", &out, true);
    AppendString(e.name, &out);
    Key("type", &out);
    AppendString(e.type, &out);
    if (!e.code.empty()) {
      Key("code", &out);
      AppendString(e.code, &out);
    }
    Key("count", &out);
    out.append(std::to_string(e.count));
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

Result<Summary> ParseSummary(const Json& line) {
  Summary s;
  if (Status st = GetCount(line, "words", &s.words, "summary"); !st.ok()) return st;
  if (Status st = GetCount(line, "sentences", &s.sentences, "summary"); !st.ok()) return st;
  const Json* primary = Field(line, "primary_theme");
  if (primary == nullptr ||
      !(primary->is_null() || GetString(line, "primary_theme", &s.primary_theme))) {
    return Missing("summary", "primary_theme");
  }
  const Json* tone = Field(line, "tone");
  if (tone == nullptr || !tone->is_object()) return Missing("summary", "tone");
  if (Status st = GetFixed(*tone, "compound", -1, 1, &s.compound, "summary: tone"); !st.ok())
    return st;
  if (Status st = GetFixed(*tone, "gdelt_tone", -100, 100, &s.gdelt_tone, "summary: tone");
      !st.ok())
    return st;
  if (!GetString(*tone, "label", &s.label)) return Missing("summary: tone", "label");
  if (!KnownLabel(s.label)) {
    return Status::Error("summary: tone \"label\" is " + Json(s.label).dump(-1, ' ', false,
                                                         Json::error_handler_t::replace) +
                         ", not positive, neutral or negative");
  }
  Status st = ParseThemes(line, "top_level", &s.top_level);
  if (!st.ok()) return st;
  st = ParseThemes(line, "themes", &s.themes);
  if (!st.ok()) return st;
  const Json* entities = Field(line, "entities");
  if (entities == nullptr || !entities->is_array()) return Missing("summary", "entities");
  std::unordered_map<std::string, size_t> seen;
  for (const Json& item : *entities) {
    Summary::Entity e;
    if (!GetString(item, "name", &e.name) || !GetString(item, "type", &e.type)) {
      return Status::Error("summary: an \"entities\" item needs name, type and count");
    }
    const std::string what = "summary: entity \"" + e.name + "\"";
    if (Status c = GetCount(item, "count", &e.count, what.c_str()); !c.ok()) return c;
    if (!seen.emplace(e.type + '\x1f' + e.name, 0).second)
      return Status::Error("summary: \"entities\" lists " + e.type + " \"" + e.name + "\" twice");
    GetString(item, "code", &e.code);
    s.entities.push_back(std::move(e));
  }
  return s;
}

Status Aggregate::Add(const Summary& s) {
  // Every sum is checked first, so that a refused article changes nothing.
  if (!FitsCount(articles_, 1)) return SumTooLarge("articles");
  if (!FitsCount(words_, s.words)) return SumTooLarge("words");
  if (!FitsCount(sentences_, s.sentences)) return SumTooLarge("sentences");
  if (!FitsFixed(compound_sum_, s.compound)) return SumTooLarge("compound_sum (in 1e-4)");
  if (!FitsFixed(gdelt_sum_, s.gdelt_tone)) return SumTooLarge("gdelt_tone_sum (in 1e-4)");
  if (auto it = labels_.find(s.label); it != labels_.end() && !FitsCount(it->second, 1))
    return SumTooLarge("label count");
  for (bool top : {true, false}) {
    const auto& totals = top ? top_level_ : themes_;
    for (const auto& t : top ? s.top_level : s.themes) {
      auto it = totals.find(t.id);
      if (it == totals.end()) continue;  // a new theme: its numbers are a line's, in range
      const ThemeTotal& total = it->second;
      if (!FitsFixed(total.score, t.score) || !FitsCount(total.count, t.count) ||
          !FitsCount(total.articles, 1) || !FitsCount(total.primary, 1))
        return SumTooLarge("sums for theme \"" + t.id + "\"");
    }
  }
  for (const auto& e : s.entities) {
    auto it = entities_.find(e.type + '\x1f' + e.name);
    if (it != entities_.end() &&
        (!FitsCount(it->second.count, e.count) || !FitsCount(it->second.articles, 1)))
      return SumTooLarge("sums for entity \"" + e.name + "\"");
  }
  ++articles_;
  words_ += s.words;
  sentences_ += s.sentences;
  compound_sum_ += s.compound;
  gdelt_sum_ += s.gdelt_tone;
  ++labels_[s.label];
  for (const auto& t : s.top_level) {
    ThemeTotal& total = top_level_[t.id];
    if (total.label.empty()) total.label = t.label;
    total.score += t.score;
    total.count += t.count;
    ++total.articles;
    if (t.id == s.primary_theme) ++total.primary;
  }
  for (const auto& t : s.themes) {
    ThemeTotal& total = themes_[t.id];
    if (total.label.empty()) total.label = t.label;
    total.score += t.score;
    total.count += t.count;
    ++total.articles;
  }
  for (const auto& e : s.entities) {
    EntityTotal& total = entities_[e.type + '\x1f' + e.name];
    if (total.name.empty()) total = {e.name, e.type, e.code, 0, 0};
    total.count += e.count;
    ++total.articles;
  }
  return Status();
}

Status Aggregate::Merge(const Json& a) {
  const Json* schema = Field(a, "schema");
  if (schema == nullptr || *schema != kAggregateSchema) {
    return Status::Error(std::string("aggregate: \"schema\" is not \"") + kAggregateSchema + "\"");
  }
  Aggregate add;
  add.labels_.clear();
  const Json* tone = Field(a, "tone");
  const Json* labels = tone ? Field(*tone, "labels") : nullptr;
  for (auto [key, out] : {std::make_pair("articles", &add.articles_),
                          std::make_pair("failed", &add.failed_),
                          std::make_pair("words", &add.words_),
                          std::make_pair("sentences", &add.sentences_)}) {
    if (Status st = GetCount(a, key, out, "aggregate"); !st.ok()) return st;
  }
  if (tone == nullptr || labels == nullptr || !labels->is_object())
    return Status::Error("aggregate: missing or mistyped totals");
  for (auto [key, out] : {std::make_pair("compound_sum", &add.compound_sum_),
                          std::make_pair("gdelt_tone_sum", &add.gdelt_sum_)}) {
    if (Status st = GetFixed(*tone, key, -kMaxFixedValue, kMaxFixedValue, out, "aggregate: tone");
        !st.ok())
      return st;
  }
  for (const auto& [label, count] : labels->items()) {
    if (!KnownLabel(label)) {
      return Status::Error("aggregate: tone label " +
                           Json(label).dump(-1, ' ', false, Json::error_handler_t::replace) +
                           " is not positive, neutral or negative");
    }
    uint64_t n = 0;
    if (Status st = GetCount(*labels, label.c_str(), &n, "aggregate: tone labels"); !st.ok())
      return st;
    if (n > add.articles_)
      return Status::Error("aggregate: tone label \"" + label + "\" counts more than \"articles\"");
    add.labels_[label] = n;
  }
  for (bool top : {true, false}) {
    const char* key = top ? "top_level" : "themes";
    const Json* list = Field(a, key);
    if (list == nullptr || !list->is_array()) return Missing("aggregate", key);
    auto& totals = top ? add.top_level_ : add.themes_;
    for (const Json& item : *list) {
      std::string id;
      ThemeTotal t;
      if (!GetString(item, "id", &id))
        return Status::Error(std::string("aggregate: a bad \"") + key + "\" item");
      const std::string what = std::string("aggregate: ") + key + " \"" + id + "\"";
      if (Status st = GetFixed(item, "score", 0, kMaxFixedValue, &t.score, what.c_str()); !st.ok())
        return st;
      if (Status st = GetCount(item, "count", &t.count, what.c_str()); !st.ok()) return st;
      if (Status st = GetCount(item, "articles", &t.articles, what.c_str()); !st.ok()) return st;
      if (top) {
        if (Status st = GetCount(item, "primary", &t.primary, what.c_str()); !st.ok()) return st;
      }
      if (t.articles > add.articles_ || t.primary > t.articles)
        return Status::Error(what + ": counts more articles than the aggregate has");
      GetString(item, "label", &t.label);  // optional
      if (!totals.emplace(id, t).second)
        return Status::Error(std::string("aggregate: \"") + key + "\" lists \"" + id + "\" twice");
    }
  }
  const Json* entities = Field(a, "entities");
  if (entities == nullptr || !entities->is_array()) return Missing("aggregate", "entities");
  for (const Json& item : *entities) {
    EntityTotal e;
    if (!GetString(item, "name", &e.name) || !GetString(item, "type", &e.type))
      return Status::Error("aggregate: a bad \"entities\" item");
    const std::string what = "aggregate: entity \"" + e.name + "\"";
    if (Status st = GetCount(item, "count", &e.count, what.c_str()); !st.ok()) return st;
    if (Status st = GetCount(item, "articles", &e.articles, what.c_str()); !st.ok()) return st;
    if (e.articles > add.articles_)
      return Status::Error(what + ": counts more articles than the aggregate has");
    GetString(item, "code", &e.code);
    const std::string k = e.type + '\x1f' + e.name;
    if (!add.entities_.emplace(k, std::move(e)).second)
      return Status::Error("aggregate: \"entities\" lists one entity twice");
  }
  // Everything parsed and in range: check the sums, then add, so that a bad line leaves this
  // aggregate unchanged.
  if (!FitsCount(articles_, add.articles_)) return SumTooLarge("articles");
  if (!FitsCount(failed_, add.failed_)) return SumTooLarge("failed");
  if (!FitsCount(words_, add.words_)) return SumTooLarge("words");
  if (!FitsCount(sentences_, add.sentences_)) return SumTooLarge("sentences");
  if (!FitsFixed(compound_sum_, add.compound_sum_)) return SumTooLarge("compound_sum (in 1e-4)");
  if (!FitsFixed(gdelt_sum_, add.gdelt_sum_)) return SumTooLarge("gdelt_tone_sum (in 1e-4)");
  for (const auto& [label, count] : add.labels_) {
    auto it = labels_.find(label);
    if (it != labels_.end() && !FitsCount(it->second, count)) return SumTooLarge("label count");
  }
  for (bool top : {true, false}) {
    const auto& totals = top ? top_level_ : themes_;
    for (const auto& [id, t] : top ? add.top_level_ : add.themes_) {
      auto it = totals.find(id);
      if (it == totals.end()) continue;
      const ThemeTotal& total = it->second;
      if (!FitsFixed(total.score, t.score) || !FitsCount(total.count, t.count) ||
          !FitsCount(total.articles, t.articles) || !FitsCount(total.primary, t.primary))
        return SumTooLarge("sums for theme \"" + id + "\"");
    }
  }
  for (const auto& [key, e] : add.entities_) {
    auto it = entities_.find(key);
    if (it != entities_.end() &&
        (!FitsCount(it->second.count, e.count) || !FitsCount(it->second.articles, e.articles)))
      return SumTooLarge("sums for entity \"" + e.name + "\"");
  }
  articles_ += add.articles_;
  failed_ += add.failed_;
  words_ += add.words_;
  sentences_ += add.sentences_;
  compound_sum_ += add.compound_sum_;
  gdelt_sum_ += add.gdelt_sum_;
  for (const auto& [label, count] : add.labels_) labels_[label] += count;
  for (bool top : {true, false}) {
    for (const auto& [id, t] : top ? add.top_level_ : add.themes_) {
      ThemeTotal& total = (top ? top_level_ : themes_)[id];
      if (total.label.empty()) total.label = t.label;
      total.score += t.score;
      total.count += t.count;
      total.articles += t.articles;
      total.primary += t.primary;
    }
  }
  for (const auto& [key, e] : add.entities_) {
    EntityTotal& total = entities_[key];
    if (total.name.empty()) total = {e.name, e.type, e.code, 0, 0};
    total.count += e.count;
    total.articles += e.articles;
  }
  return Status();
}

std::string Aggregate::ToJson() const {
  // Summed as a double: each score is at most kMaxFixedSum, but their sum over many themes
  // could pass int64.
  double total_score = 0;
  for (const auto& [id, t] : top_level_) total_score += static_cast<double>(t.score);
  auto share = [&](Fixed4 score) {
    return total_score > 0 ? ToFixed4(static_cast<double>(score) / total_score) : 0;
  };
  auto mean = [&](Fixed4 sum) {
    return articles_
               ? ToFixed4(static_cast<double>(sum) / kFixedScale / static_cast<double>(articles_))
               : 0;
  };
  using ThemeEntry = std::pair<std::string, ThemeTotal>;
  auto sorted = [](const std::unordered_map<std::string, ThemeTotal>& m) {
    std::vector<ThemeEntry> v(m.begin(), m.end());
    std::sort(v.begin(), v.end(), [](const ThemeEntry& a, const ThemeEntry& b) {
      return a.second.score != b.second.score ? a.second.score > b.second.score : a.first < b.first;
    });
    return v;
  };

  std::string out = "{";
  Key("schema", &out, true);
  AppendString(kAggregateSchema, &out);
  for (const auto& [key, value] :
       {std::make_pair("articles", articles_), std::make_pair("failed", failed_),
        std::make_pair("words", words_), std::make_pair("sentences", sentences_)}) {
    Key(key, &out);
    out.append(std::to_string(value));
  }
  Key("tone", &out);
  out.push_back('{');
  Key("mean_compound", &out, true);
  AppendFixed4(mean(compound_sum_), &out);
  Key("mean_gdelt_tone", &out);
  AppendFixed4(mean(gdelt_sum_), &out);
  Key("compound_sum", &out);
  AppendFixed4(compound_sum_, &out);
  Key("gdelt_tone_sum", &out);
  AppendFixed4(gdelt_sum_, &out);
  Key("labels", &out);
  out.push_back('{');
  bool first = true;
  for (const char* label : {"positive", "neutral", "negative"}) {
    Key(label, &out, first);
    first = false;
    out.append(std::to_string(labels_.at(label)));
  }
  for (const auto& [label, count] : labels_) {  // labels from elsewhere, if any
    if (label == "positive" || label == "neutral" || label == "negative") continue;
    out.push_back(',');
    AppendString(label, &out);
    out.push_back(':');
    out.append(std::to_string(count));
  }
  out.append("}}");
  for (bool top : {true, false}) {
    Key(top ? "top_level" : "themes", &out);
    out.push_back('[');
    first = true;
    for (const auto& [id, t] : sorted(top ? top_level_ : themes_)) {
      out.append(first ? "{" : ",{");
      first = false;
      Key("id", &out, true);
      AppendString(id, &out);
      if (!t.label.empty()) {
        Key("label", &out);
        AppendString(t.label, &out);
      }
      Key("score", &out);
      AppendFixed4(t.score, &out);
      Key("count", &out);
      out.append(std::to_string(t.count));
      Key("share", &out);
      AppendFixed4(share(t.score), &out);
      Key("articles", &out);
      out.append(std::to_string(t.articles));
      if (top) {
        Key("primary", &out);
        out.append(std::to_string(t.primary));
      }
      out.push_back('}');
    }
    out.push_back(']');
  }
  std::vector<const EntityTotal*> entities;
  entities.reserve(entities_.size());
  for (const auto& [key, e] : entities_) entities.push_back(&e);
  std::sort(entities.begin(), entities.end(), [](const EntityTotal* a, const EntityTotal* b) {
    if (a->count != b->count) return a->count > b->count;
    if (a->name != b->name) return a->name < b->name;
    return a->type < b->type;
  });
  Key("entities", &out);
  out.push_back('[');
  first = true;
  for (const EntityTotal* e : entities) {
    out.append(first ? "{" : ",{");
    first = false;
    Key("name", &out, true);
    AppendString(e->name, &out);
    Key("type", &out);
    AppendString(e->type, &out);
    if (!e->code.empty()) {
      Key("code", &out);
      AppendString(e->code, &out);
    }
    Key("count", &out);
    out.append(std::to_string(e->count));
    Key("articles", &out);
    out.append(std::to_string(e->articles));
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

}  // namespace newslens::cli
