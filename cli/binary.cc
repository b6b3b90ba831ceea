#include "binary.h"

#include <cstring>

namespace newslens::cli {

namespace {

struct Signature {
  size_t offset;
  std::string_view magic;
  const char* kind;
};

// File signatures (https://en.wikipedia.org/wiki/List_of_file_signatures), limited to those no
// text starts with: each has a non-text byte or is an unmistakable tag.
constexpr Signature kSignatures[] = {
    {0, {"\x89PNG\r\n\x1A\n", 8}, "a PNG image"},
    {0, {"\xFF\xD8\xFF", 3}, "a JPEG image"},
    {0, "GIF87a", "a GIF image"},
    {0, "GIF89a", "a GIF image"},
    {0, {"II*\0", 4}, "a TIFF image"},
    {0, {"MM\0*", 4}, "a TIFF image"},
    {8, "WEBP", "a WebP image"},  // after "RIFF" + size, checked below
    {0, "%PDF-", "a PDF document"},
    {0, {"PK\x03\x04", 4}, "a ZIP archive (also .docx, .xlsx, .odt, .epub)"},
    {0, {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8}, "an old Office document (.doc, .xls)"},
    {0, {"\x1F\x8B", 2}, "gzip data"},  // only after decompression: gzip inside gzip
    {0, {"\xFD" "7zXZ\0", 6}, "xz data"},
    {0, {"7z\xBC\xAF\x27\x1C", 6}, "a 7-Zip archive"},
    {0, {"Rar!\x1A\x07", 6}, "a RAR archive"},
    {0, {"\x7F" "ELF", 4}, "a program (ELF)"},
    {0, {"\0asm", 4}, "a WebAssembly module"},
    {0, {"SQLite format 3\0", 16}, "an SQLite database"},
    {0, "OggS", "Ogg audio/video"},
    {4, "ftyp", "an MP4/MOV video or audio file"},
    {0, {"ID3", 3}, "an MP3 file"},
};

bool IsControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F;
}

}  // namespace

const char* FileSignature(std::string_view head) {
  for (const Signature& s : kSignatures) {
    if (head.size() < s.offset + s.magic.size()) continue;
    if (head.substr(s.offset, s.magic.size()) != s.magic) continue;
    if (s.magic == "WEBP" && head.substr(0, 4) != "RIFF") continue;
    if (s.magic == "ID3" && (head.size() < 4 || head[3] < 2 || head[3] > 4)) continue;
    return s.kind;
  }
  return nullptr;
}

const char* BinaryKind(std::string_view head) {
  if (head.size() > kBinarySniffBytes) head = head.substr(0, kBinarySniffBytes);
  if (const char* kind = FileSignature(head)) return kind;
  if (head.find('\0') != std::string_view::npos) return "binary data (NUL bytes)";
  // Text has no control characters but whitespace (ANSI colours aside); binary data without
  // NULs has them everywhere. More than 1% of the bytes, and at least 4, is not text.
  size_t controls = 0;
  for (char c : head) controls += IsControl(static_cast<unsigned char>(c));
  if (controls >= 4 && controls * 100 > head.size()) return "binary data (control bytes)";
  return nullptr;
}

}  // namespace newslens::cli
