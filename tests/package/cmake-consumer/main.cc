// Analyses one article with the newslens library and prints what a consumer would use first:
// its primary theme, the library's version and the report's generator field.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <newslens/analyzer.h>
#include <newslens/version.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: app ARTICLE.txt\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "app: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();

  auto analyzer = newslens::Analyzer::Create({});
  if (!analyzer.ok()) {
    std::cerr << "app: " << analyzer.error() << "\n";
    return 1;
  }
  auto report = analyzer.value().Analyze(text.str(), {});
  if (!report.ok()) {
    std::cerr << "app: " << report.error() << "\n";
    return 1;
  }
  std::cout << "primary_theme " << report.value().primary_theme << "\n";
  std::cout << "version " << NEWSLENS_VERSION << "\n";
  std::cout << "json " << newslens::ToJson(report.value()) << "\n";
  return 0;
}
