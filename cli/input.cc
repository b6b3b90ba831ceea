#include "input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

namespace newslens::cli {

namespace {

// zlib's own buffer for reading and inflating; 256 KiB keeps syscalls rare on fast disks.
constexpr unsigned kGzBuffer = 256 * 1024;

gzFile Gz(void* p) { return static_cast<gzFile>(p); }

std::string TooLong() {
  return "longer than " + std::to_string(kMaxRecordBytes) + " bytes; skipped";
}

}  // namespace

Result<std::unique_ptr<ByteSource>> ByteSource::Open(const std::string& path) {
  std::unique_ptr<ByteSource> src(new ByteSource());
  src->name_ = path == "-" ? "stdin" : path;
  int fd = path == "-" ? dup(STDIN_FILENO) : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::Error(src->name_ + ": " + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      close(fd);
      return Status::Error(src->name_ + ": is a directory");
    }
    if (S_ISREG(st.st_mode)) src->file_size_ = static_cast<uint64_t>(st.st_size);
  }
  // zlib reads gzip when it sees the magic bytes and passes anything else through unchanged.
  gzFile gz = gzdopen(fd, "rb");
  if (gz == nullptr) {
    close(fd);
    return Status::Error(src->name_ + ": cannot open for reading");
  }
  gzbuffer(gz, kGzBuffer);
  src->gz_ = gz;
  return src;
}

ByteSource::~ByteSource() {
  if (gz_ != nullptr) gzclose(Gz(gz_));
}

size_t ByteSource::Read(char* out, size_t n) {
  if (!error_.empty()) return 0;
  int got = gzread(Gz(gz_), out, static_cast<unsigned>(std::min<size_t>(n, INT_MAX)));
  int errnum = Z_OK;
  const char* message = gzerror(Gz(gz_), &errnum);
  // Z_BUF_ERROR at the end means the gzip stream was cut short.
  if (got < 0 || (errnum != Z_OK && errnum != Z_STREAM_END)) {
    error_ = name_ + ": " + (errnum == Z_ERRNO ? std::strerror(errno) : message);
    if (errnum == Z_BUF_ERROR) error_ = name_ + ": truncated gzip data (unexpected end of file)";
    return got > 0 ? static_cast<size_t>(got) : 0;
  }
  offset_.store(static_cast<uint64_t>(gzoffset(Gz(gz_))), std::memory_order_relaxed);
  return static_cast<size_t>(got);
}

bool Buffered::Fill() {
  if (eof_) return false;
  before_ += end_;
  pos_ = end_ = 0;
  end_ = src_->Read(buf_.data(), buf_.size());
  if (end_ == 0) eof_ = true;
  return end_ > 0;
}

std::string_view Buffered::Head() {
  if (pos_ == end_) Fill();
  return std::string_view(buf_.data() + pos_, end_ - pos_);
}

void Buffered::SkipBom() {
  if (pos_ == end_ && !Fill()) return;
  if (end_ - pos_ >= 3 && std::memcmp(&buf_[pos_], "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
}

bool Buffered::ReadLine(std::string* out, size_t limit, bool* overflow) {
  bool any = false;
  while (true) {
    if (pos_ == end_ && !Fill()) return any;
    any = true;
    const char* start = &buf_[pos_];
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    size_t len = nl ? static_cast<size_t>(nl - start) : end_ - pos_;
    size_t room = out->size() < limit ? limit - out->size() : 0;
    if (len > room) *overflow = true;
    out->append(start, std::min(len, room));
    pos_ += len;
    if (nl) {
      ++pos_;
      return true;
    }
  }
}

namespace {

// The value of the 4 hex digits at s[i], or -1.
long Hex4(const std::string& s, size_t i) {
  if (i + 4 > s.size()) return -1;
  long v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    char c = s[k];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

}  // namespace

size_t JsonTooDeepAt(std::string_view json, size_t max_depth) {
  size_t depth = 0;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '"') {
      for (++i; i < json.size() && json[i] != '"'; ++i)
        if (json[i] == '\\') ++i;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

size_t ReplaceLoneSurrogateEscapes(std::string* json) {
  std::string& s = *json;
  size_t replaced = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '\\') continue;
    if (s[i + 1] != 'u') {
      ++i;  // another escape: skip its character (it may be a backslash)
      continue;
    }
    long cp = Hex4(s, i + 2);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 7 < s.size() && s[i + 6] == '\\' &&
        s[i + 7] == 'u') {
      long low = Hex4(s, i + 8);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        i += 11;  // a valid pair
        continue;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      s.replace(i + 2, 4, "FFFD");
      ++replaced;
    }
    i += 5;
  }
  return replaced;
}

bool JsonlReader::Next(Record* rec) {
  while (true) {
    *rec = Record();
    if (line_ == 0) in_->SkipBom();
    uint64_t before = in_->consumed();
    bool overflow = false;
    if (!in_->ReadLine(&rec->raw, kMaxRecordBytes, &overflow)) return false;
    ++line_;
    rec->line = line_;
    rec->bytes = in_->consumed() - before;
    if (overflow) {
      rec->raw.clear();
      rec->raw.shrink_to_fit();
      rec->error = TooLong();
      return true;
    }
    if (!rec->raw.empty() && rec->raw.back() == '\r') rec->raw.pop_back();
    if (rec->raw.find_first_not_of(" \t") == std::string::npos) continue;
    return true;
  }
}

bool CsvReader::ParseRecord(std::string* error, uint64_t* bytes) {
  fields_.clear();
  error->clear();
  const uint64_t before = in_->consumed();
  int c = in_->Get();
  if (c == -1) return false;
  bool too_long = false;
  std::string field;
  auto add = [&](int ch) {
    if (in_->consumed() - before < kMaxRecordBytes) {
      field.push_back(static_cast<char>(ch));
    } else {
      too_long = true;
    }
  };
  // After a syntax error: drop the rest of the physical line.
  auto skip_line = [&] {
    while (c != -1 && c != '\n') c = in_->Get();
    if (c == '\n') ++line_;
  };
  quoted_ = false;
  auto finish = [&] {
    *bytes = in_->consumed() - before;
    if (too_long && error->empty()) *error = TooLong();
    return true;
  };
  while (true) {
    field.clear();
    if (c == '"') {
      quoted_ = true;
      while (true) {
        c = in_->Get();
        if (c == -1) {
          *error = "unterminated quoted field (a '\"' opens a field that never closes)";
          fields_.push_back(std::move(field));
          return finish();
        }
        if (c == '"') {
          if (in_->Peek() != '"') break;
          in_->Get();
        } else if (c == '\n') {
          ++line_;
        }
        add(c);
      }
      c = in_->Get();
      if (c == '\r' && in_->Peek() == '\n') c = in_->Get();
      if (c == ',') {
        fields_.push_back(std::move(field));
        c = in_->Get();
        continue;
      }
      fields_.push_back(std::move(field));
      if (c == '\n' || c == -1) {
        if (c == '\n') ++line_;
        return finish();
      }
      *error =
          std::string("text after a closing quote (a '\"' inside a quoted field must be doubled)");
      skip_line();
      return finish();
    }
    while (c != ',' && c != '\n' && c != -1) {
      if (c == '"') {
        *error = "quote inside an unquoted field (quote the whole field and double the '\"')";
        skip_line();
        return finish();
      }
      add(c);
      c = in_->Get();
    }
    if (c != ',' && !field.empty() && field.back() == '\r') field.pop_back();
    fields_.push_back(std::move(field));
    if (c == ',') {
      c = in_->Get();
      continue;
    }
    if (c == '\n') ++line_;
    return finish();
  }
}

Status CsvReader::ReadHeader() {
  in_->SkipBom();
  std::string error;
  uint64_t bytes = 0, start = line_;
  do {
    start = line_;
    if (!ParseRecord(&error, &bytes)) {
      return Status::Error("line " + std::to_string(start) + ": no CSV header (empty input)");
    }
  } while (error.empty() && IsBlank());
  if (!error.empty()) return Status::Error("line " + std::to_string(start) + ": header: " + error);
  columns_ = fields_.size();
  std::string names;
  for (size_t i = 0; i < fields_.size(); ++i) {
    std::string name = fields_[i];
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    names += (i ? ", " : "") + name;
    int* col = name == "id"       ? &col_id_
               : name == "title"  ? &col_title_
               : name == "date"   ? &col_date_
               : name == "source" ? &col_source_
               : name == "text"   ? &col_text_
                                  : nullptr;
    if (col != nullptr && *col < 0) *col = static_cast<int>(i);
  }
  if (col_text_ < 0) {
    return Status::Error("line " + std::to_string(start) +
                         ": the CSV header has no \"text\" column (columns: " + names + ")");
  }
  return Status();
}

bool CsvReader::Next(Record* rec) {
  std::string error;
  while (true) {
    *rec = Record();
    rec->is_csv = true;
    const uint64_t start = line_;
    if (!ParseRecord(&error, &rec->bytes)) return false;
    rec->line = start;
    if (error.empty() && IsBlank()) continue;
    if (error.empty() && fields_.size() != columns_) {
      error = "expected " + std::to_string(columns_) + " fields (as in the header), found " +
              std::to_string(fields_.size());
    }
    if (!error.empty()) {
      rec->error = std::move(error);
      return true;
    }
    auto take = [&](int col, std::string* out) {
      if (col >= 0) *out = std::move(fields_[col]);
    };
    take(col_id_, &rec->id);
    rec->has_id = !rec->id.empty();
    take(col_title_, &rec->title);
    take(col_date_, &rec->date);
    take(col_source_, &rec->source);
    take(col_text_, &rec->text);
    return true;
  }
}

}  // namespace newslens::cli
