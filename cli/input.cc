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

// Compressed bytes read per system call; 256 KiB keeps syscalls rare on fast disks.
constexpr size_t kReadAhead = 256 * 1024;

z_stream* Z(void* p) { return static_cast<z_stream*>(p); }

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
  src->fd_ = fd;
  // gzip is told by its magic bytes (1F 8B); anything else passes through unchanged.
  src->in_.resize(kReadAhead);
  while (src->in_end_ < 2 && !src->input_done_) {
    ssize_t got = read(fd, src->in_.data() + src->in_end_, src->in_.size() - src->in_end_);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return Status::Error(src->name_ + ": " + std::strerror(errno));
    if (got == 0) src->input_done_ = true;
    src->in_end_ += static_cast<size_t>(got);
  }
  if (src->in_end_ >= 2 && src->in_[0] == 0x1f && src->in_[1] == 0x8b) {
    auto* z = new z_stream();
    if (inflateInit2(z, 15 + 16) != Z_OK) {  // 15: the largest window; +16: a gzip header
      delete z;
      return Status::Error(src->name_ + ": cannot start gzip decoding");
    }
    src->z_ = z;
  }
  src->offset_.store(src->in_end_, std::memory_order_relaxed);
  return src;
}

ByteSource::~ByteSource() {
  if (z_ != nullptr) {
    inflateEnd(Z(z_));
    delete Z(z_);
  }
  if (fd_ >= 0) close(fd_);
}

size_t ByteSource::ReadRaw(char* out, size_t n) {
  if (in_pos_ < in_end_) {
    const size_t k = std::min(n, in_end_ - in_pos_);
    std::memcpy(out, in_.data() + in_pos_, k);
    in_pos_ += k;
    return k;
  }
  return ReadFile(out, n);
}

size_t ByteSource::ReadFile(char* out, size_t n) {
  if (input_done_) return 0;
  for (;;) {
    ssize_t got = read(fd_, out, n);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      error_ = name_ + ": " + std::strerror(errno);
      return 0;
    }
    if (got == 0) input_done_ = true;
    offset_.fetch_add(static_cast<uint64_t>(got), std::memory_order_relaxed);
    return static_cast<size_t>(got);
  }
}

// Inflates into `out` with zlib's inflate() itself, not gzread(): on damaged data gzread returns
// nothing of what it decoded in that call (up to its 512 KiB buffer, hundreds of records),
// inflate() leaves it in `out`.
size_t ByteSource::Inflate(char* out, size_t n) {
  z_stream& z = *Z(z_);
  z.next_out = reinterpret_cast<Bytef*>(out);
  z.avail_out = static_cast<uInt>(std::min<size_t>(n, UINT_MAX));
  const uInt asked = z.avail_out;
  while (z.avail_out == asked) {
    if (in_pos_ == in_end_ && !input_done_) {
      in_end_ = ReadFile(reinterpret_cast<char*>(in_.data()), in_.size());
      in_pos_ = 0;
      if (!error_.empty()) break;
    }
    if (member_done_) {
      // After a member: another one follows (concatenated .gz files), or the end. Anything else
      // after a complete member is ignored, as gzip(1) does with trailing zeros.
      if (in_pos_ == in_end_) {
        if (input_done_) break;
        continue;
      }
      if (in_[in_pos_] != 0x1f) {
        in_pos_ = in_end_;
        input_done_ = true;
        break;
      }
      inflateReset(&z);
      member_done_ = false;
    }
    if (in_pos_ == in_end_ && input_done_) {
      error_ = name_ + ": truncated gzip data (unexpected end of file)";
      break;
    }
    z.next_in = in_.data() + in_pos_;
    z.avail_in = static_cast<uInt>(in_end_ - in_pos_);
    const int ret = inflate(&z, Z_NO_FLUSH);
    in_pos_ = in_end_ - z.avail_in;
    if (ret == Z_STREAM_END) {
      member_done_ = true;
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      // zlib finds damage where the data stops decoding, or at the member's checksum: the last
      // records before the error may already hold damaged text.
      error_ = name_ + ": damaged gzip data (" + (z.msg ? z.msg : "inflate error") +
               "); the records read before it were analysed, the last of them may be damaged";
      break;
    }
  }
  return asked - z.avail_out;
}

size_t ByteSource::Read(char* out, size_t n) {
  if (!error_.empty() || n == 0) return 0;
  return z_ != nullptr ? Inflate(out, n) : ReadRaw(out, n);
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
