// cli/input.h — reading a corpus: plain or gzip bytes, JSON Lines and CSV records.
//
// Everything here is sequential and cheap next to the analysis (hundreds of MB/s); the stream
// pipeline (stream.h) reads on one thread and analyses on the others.
//
// Line numbers are 1-based physical lines of the (decompressed) input: a CSV record that spans
// lines (a quoted field with embedded newlines) is numbered by the line it starts on.
#ifndef NEWSLENS_CLI_INPUT_H_
#define NEWSLENS_CLI_INPUT_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newslens/analyzer.h"
#include "newslens/status.h"

namespace newslens::cli {

// Longest JSONL line or CSV record accepted, in bytes: the analyzer's own input limit. A longer
// one is reported as a bad record and skipped, so one runaway record cannot exhaust memory.
inline constexpr size_t kMaxRecordBytes = kMaxInputBytes;

// A file or stdin, decompressed when it is gzip. gzip is recognised by its magic bytes, so
// `corpus.jsonl.gz`, `zcat`-less pipes (`cat a.gz b.gz |`) and plain files all work; a gzip
// stream of several members (concatenated .gz files) is read to the end.
class ByteSource {
 public:
  // `path` "-" is stdin. Fails when the file cannot be opened.
  static Result<std::unique_ptr<ByteSource>> Open(const std::string& path);
  ~ByteSource();
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  // Reads up to `n` bytes; returns 0 at the end or on error (then error() is set). A gzip
  // stream damaged or cut short gives every byte decoded before the damage, then the error.
  size_t Read(char* out, size_t n);
  const std::string& error() const { return error_; }

  // Size of the file on disk (compressed, for gzip), or 0 when unknown (a pipe).
  uint64_t file_size() const { return file_size_; }
  // Bytes of the file consumed so far (compressed, for gzip): progress against file_size().
  // Safe to read from another thread while this one reads.
  uint64_t file_offset() const { return offset_.load(std::memory_order_relaxed); }

 private:
  ByteSource() = default;
  size_t ReadRaw(char* out, size_t n);  // the file's bytes, the sniffed head first
  size_t ReadFile(char* out, size_t n);  // read(2), EINTR retried
  size_t Inflate(char* out, size_t n);
  int fd_ = -1;
  void* z_ = nullptr;  // z_stream when the input is gzip; void* keeps <zlib.h> out of this header
  std::vector<unsigned char> in_;  // compressed bytes read ahead
  size_t in_pos_ = 0, in_end_ = 0;
  bool input_done_ = false, member_done_ = false;
  std::string name_, error_;
  uint64_t file_size_ = 0;
  std::atomic<uint64_t> offset_{0};
};

// A buffered view of a ByteSource with one byte of lookahead, shared by both record readers.
class Buffered {
 public:
  explicit Buffered(ByteSource* src) : src_(src), buf_(kChunk) {}
  // Bytes already in memory (tests, fuzzing): source() is then nullptr.
  explicit Buffered(std::string_view bytes)
      : src_(nullptr), buf_(bytes.begin(), bytes.end()), end_(bytes.size()), eof_(true) {}
  // The next byte, or -1 at the end.
  int Get() {
    if (pos_ == end_ && !Fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_++]);
  }
  int Peek() {
    if (pos_ == end_ && !Fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_]);
  }
  // Appends bytes up to and excluding the next '\n' (consumed) to *out, at most `limit` bytes in
  // total in *out; past the limit, bytes are dropped and *overflow is set. Returns false at the
  // end of input with nothing read.
  bool ReadLine(std::string* out, size_t limit, bool* overflow);
  // Skips a UTF-8 byte order mark if the input starts with one here.
  void SkipBom();
  // The buffered bytes not yet consumed, reading a chunk first if none are: at the start, the
  // first bytes of the input, to tell a binary file from text (binary.h).
  std::string_view Head();
  // Bytes consumed so far (decompressed).
  uint64_t consumed() const { return before_ + pos_; }
  ByteSource* source() const { return src_; }

 private:
  static constexpr size_t kChunk = 1 << 20;  // 1 MiB reads: few syscalls, little memory
  bool Fill();
  ByteSource* src_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  uint64_t before_ = 0;  // bytes consumed before buf_'s current contents
  bool eof_ = false;
};

// Deepest nesting of arrays and objects accepted in a JSONL record. Records are flat objects
// (metadata may hold an object or two); the fields are copied into the output, and writing a
// value nested a million deep recursed until the stack overflowed (found by fuzz/jsonl).
inline constexpr size_t kMaxRecordDepth = 64;
// Byte offset of the bracket that opens level `max_depth` + 1 of JSON text (brackets inside
// strings do not count), or npos when the text is not nested that deep.
size_t JsonTooDeepAt(std::string_view json, size_t max_depth);

// Rewrites each \uXXXX escape of a lone UTF-16 surrogate in JSON text (what a JS or Python
// string holding one serialises to; nlohmann refuses them) as \uFFFD, in place (same length).
// Returns how many were rewritten. The wasm module reads a lone surrogate as U+FFFD too.
size_t ReplaceLoneSurrogateEscapes(std::string* json);

// One article as read from the input, before analysis.
struct Record {
  uint64_t line = 0;   // where it starts
  uint64_t bytes = 0;  // input bytes it took (for throughput)
  // JSONL: the raw line, parsed by a worker thread (JSON parsing is not cheap).
  std::string raw;
  bool is_csv = false;
  // CSV: the fields, already unquoted. `has_id` false when the column is absent or empty.
  bool has_id = false;
  std::string id, title, date, source, text;
  // Why the reader could not parse the record (bad CSV quoting, wrong field count, too long);
  // the line number is added where it is reported.
  std::string error;
};

// JSON Lines: one record per non-blank line. A leading UTF-8 BOM and CRLF endings are accepted.
class JsonlReader {
 public:
  explicit JsonlReader(Buffered* in) : in_(in) {}
  // Fills *rec with the next non-blank line; false at the end of input.
  bool Next(Record* rec);

 private:
  Buffered* in_;
  uint64_t line_ = 0;
};

// CSV as in RFC 4180: comma-separated fields, fields in double quotes may hold commas, newlines
// and doubled quotes (""), records end with LF or CRLF. The first record is the header; its
// column names (case-insensitive, trimmed) pick `text` (required) and `id`, `title`, `date`,
// `source` (optional); other columns are ignored. Bad records — a field count different from the
// header's, a quote inside an unquoted field, text after a closing quote, an unterminated quote —
// come back with `error` set ("line N: ...") and reading goes on with the next record.
class CsvReader {
 public:
  explicit CsvReader(Buffered* in) : in_(in) {}
  // Reads the header; fails (with a line number) when there is none or it has no `text` column.
  Status ReadHeader();
  // Fills *rec with the next record (blank lines are skipped); false at the end of input.
  bool Next(Record* rec);

 private:
  // Parses one record into fields_. Returns false at the end of input with nothing read.
  bool ParseRecord(std::string* error, uint64_t* bytes);
  // The record just parsed was an empty line (not a quoted empty field).
  bool IsBlank() const { return !quoted_ && fields_.size() == 1 && fields_[0].empty(); }
  Buffered* in_;
  uint64_t line_ = 1;  // the line the parser is on
  std::vector<std::string> fields_;
  bool quoted_ = false;  // the record just parsed had a quoted field
  size_t columns_ = 0;
  int col_id_ = -1, col_title_ = -1, col_date_ = -1, col_source_ = -1, col_text_ = -1;
};

}  // namespace newslens::cli

#endif  // NEWSLENS_CLI_INPUT_H_
