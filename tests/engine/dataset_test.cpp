// Datasets: the seed dataset from ../shared (skipped, with the reason printed, only when
// ../shared is absent), every fixture dataset, and precise errors for bad datasets and
// bad lexicon lines.
#include "engine/dataset.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "engine/rules/parser.hpp"
#include "tests/support.hpp"

using namespace claimcheck;
using claimcheck::test::lexicon;

namespace {
const std::vector<claimcheck::rules::RuleFile>& rule_files() {
  static auto files =
      claimcheck::rules::load_rules(claimcheck::test::source_dir / "rules", lexicon());
  return files;
}
}  // namespace

TEST_CASE("the morocco-ct seed dataset passes every fact and finding expectation") {
  auto shared = claimcheck::test::shared_dir();
  if (shared.empty()) {
    CLAIMCHECK_SKIP(
        "../shared is not beside this checkout, so the seed articles are not available");
  }
  auto ds = load_dataset(shared / "datasets" / "morocco-ct", lexicon());
  std::ostringstream out;
  auto r = verify_dataset(lexicon(), ds, out, &rule_files());
  INFO(out.str());
  CHECK(r.failed == 0);
  CHECK(r.passed == 18);
  CHECK(r.not_checked == 0);
}

TEST_CASE("every fixture dataset passes") {
  int datasets = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(claimcheck::test::source_dir / "fixtures")) {
    if (!std::filesystem::exists(entry.path() / "dataset.json")) continue;
    ++datasets;
    auto ds = load_dataset(entry.path(), lexicon());
    std::ostringstream out;
    auto r = verify_dataset(lexicon(), ds, out, &rule_files());
    INFO(out.str());
    CHECK(r.failed == 0);
    CHECK(r.passed > 0);
  }
  CHECK(datasets >= 10);
}

namespace {
std::string dataset_error(const std::string& json) {
  // a folder of this process's own: CTest runs test cases side by side
  auto dir = std::filesystem::temp_directory_path() /
             ("claimcheck-dataset-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "dataset.json") << json;
  try {
    load_dataset(dir, lexicon());
  } catch (const DataError& e) {
    return e.diagnostics().at(0).format().substr((dir / "dataset.json").string().size());
  }
  return "";
}
}  // namespace

TEST_CASE("bad datasets get precise errors") {
  CHECK(dataset_error("{\"schema\": \"claimcheck.dataset/1\",\n \"documents\": [}") ==
        ":2:16: invalid JSON: parse error at line 2, column 16: syntax error while parsing value - "
        "unexpected '}'; expected '[', '{', or a literal");
  std::string head = R"({"schema":"claimcheck.dataset/1","documents":[{"id":"a","path":"a.txt"}],)";
  CHECK(dataset_error(head + R"("expect_facts":[{"predicat":"arrest"}]})") ==
        ": expect_facts[0]: unknown field 'predicat' (did you mean 'predicate'?)");
  CHECK(dataset_error(head + R"("expect_facts":[{"predicate":"arest"}]})") ==
        ": expect_facts[0].predicate: unknown predicate 'arest' (did you mean 'arrest'?)");
  CHECK(dataset_error(head + R"("expect_facts":[{"doc":"b"}]})") ==
        ": expect_facts[0].doc: expected the id of one of the dataset's documents");
  CHECK(dataset_error(head + R"("expect_facts":[{"quantity":{"more":3}}]})") ==
        ": expect_facts[0].quantity: expected one of {\"eq\":N} {\"gt\":N} {\"ge\":N} {\"lt\":N} "
        "{\"le\":N} {\"approx\":N} {\"between\":[A,B]}");
  CHECK(dataset_error(head + R"("expect_facts":[{"subject":"XX"}]})")
            .find(": expect_facts[0].subject: unknown entity 'XX'") == 0);
}

namespace {
/// A copy of the project's lexicon with `append` written at the end of `file`; the
/// diagnostics loading it gives.
std::vector<Diagnostic> lexicon_errors(const std::string& file, const std::string& append) {
  auto dir = std::filesystem::temp_directory_path() /
             ("claimcheck-lexicon-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::copy(claimcheck::test::source_dir / "grammar" / "lexicon", dir,
                        std::filesystem::copy_options::recursive);
  std::ofstream(dir / file, std::ios::app) << append;
  try {
    Lexicon::load(dir);
  } catch (const DataError& e) {
    return e.diagnostics();
  }
  return {};
}
}  // namespace

TEST_CASE("malformed lexicon lines are reported with file and line") {
  auto errors = lexicon_errors("predicates.tsv",
                               "seize\tenforcement\n"
                               "Bad-Id\t-\taction\n");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message == "expected 3 tab-separated columns, found 2");
  CHECK(errors[1].message == "predicate ids are lower-case snake-case, found 'Bad-Id'");
  CHECK(errors[1].line == errors[0].line + 1);
  CHECK(errors[0].file.find("predicates.tsv") != std::string::npos);
}

TEST_CASE("every form names a concept the neutral files define") {
  // a grammar's forms (Arabic): unknown ids, with a suggestion
  auto errors = lexicon_errors("ar/predicates.tsv", "sieze\tكلمة\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].format().find("ar/predicates.tsv:") != std::string::npos);
  CHECK(errors[0].message ==
        "unknown predicate 'sieze' (define it in predicates.tsv) (did you mean 'seize'?)");
  errors = lexicon_errors("ar/objects.tsv", "terrorist_cell\tperson\tكلمة\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "'person' is not a head of 'terrorist_cell' in objects.tsv");
  errors = lexicon_errors("ar/countries.tsv", "XX\tبلد\t-\t-\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "unknown country 'XX' (define it in countries.tsv)");
  // a language without a grammar yet: its forms are checked all the same
  errors = lexicon_errors("fr/organisations.tsv", "no_such_body\tun organisme\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].format().find("fr/organisations.tsv:") != std::string::npos);
  CHECK(errors[0].message.rfind("unknown organisation 'no_such_body'", 0) == 0);
  errors = lexicon_errors("en/units.tsv", "furlong\tfurlong\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.rfind("unknown unit 'furlong'", 0) == 0);
  // a neutral concept's references
  errors = lexicon_errors("objects.tsv", "widget\t-\tmake_widgets\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "unknown default predicate 'make_widgets'");
}

TEST_CASE("every id a fixture dataset uses is defined in the lexicon") {
  // load_dataset checks predicates, families, objects and entities; a fixture with an
  // unknown id throws here.
  for (const auto& entry :
       std::filesystem::directory_iterator(claimcheck::test::source_dir / "fixtures"))
    if (std::filesystem::exists(entry.path() / "dataset.json"))
      CHECK_NOTHROW(load_dataset(entry.path(), lexicon()));
}

TEST_CASE("JUnit XML: a test case per expectation, failures with what was missed") {
  auto ds = load_dataset(claimcheck::test::source_dir / "fixtures" / "report-demo", lexicon());
  ds.expect_facts.push_back({{"doc", "a"}, {"kind", "count"}, {"quantity", {{"eq", 999}}}});
  ds.forbid_findings.push_back({{"verdict", "contradicts"}});
  std::ostringstream out, xml;
  auto r = verify_dataset(lexicon(), ds, out, &rule_files());
  CHECK(r.failed == 2);
  REQUIRE(r.cases.size() == static_cast<std::size_t>(r.passed + r.failed));
  write_junit(xml, {{"demo <1>", r}});
  const std::string s = xml.str();
  CHECK(s.find("<testsuites name=\"claimcheck verify\" tests=\"" + std::to_string(r.cases.size()) +
               "\" failures=\"2\" skipped=\"0\">") != std::string::npos);
  CHECK(s.find("<testsuite name=\"demo &lt;1&gt;\"") != std::string::npos);
  CHECK(s.find("<testcase classname=\"demo &lt;1&gt;\" name=\"expect_facts[6]\"><failure "
               "message=\"missed: {&quot;doc&quot;:&quot;a&quot;") != std::string::npos);
  CHECK(s.find("name=\"forbid_findings[1]\"><failure message=\"numeric-contradiction "
               "contradicts") != std::string::npos);
  // without rules, findings are skipped, not passed
  std::ostringstream out2, xml2;
  auto unchecked = verify_dataset(lexicon(), ds, out2, nullptr);
  write_junit(xml2, {{"demo", unchecked}});
  CHECK(xml2.str().find("<skipped message=\"no rules given\"/>") != std::string::npos);
}

TEST_CASE("a dataset cannot name documents outside its collection") {
  auto docs = [](const std::string& path) {
    return R"({"schema":"claimcheck.dataset/1","documents":[{"id":"a","path":")" + path + R"("}]})";
  };
  const std::string refused =
      "' leaves the dataset's collection; paths are relative to the dataset's folder and stay "
      "inside it (or, for a dataset in a datasets/ folder, inside that folder's parent)";
  CHECK(dataset_error(docs("../../etc/passwd")) ==
        ": documents[0].path: '../../etc/passwd" + refused);
  CHECK(dataset_error(docs("/etc/passwd")) == ": documents[0].path: '/etc/passwd" + refused);
  CHECK(dataset_error(docs("sub/../../x.txt")) ==
        ": documents[0].path: 'sub/../../x.txt" + refused);
  CHECK(dataset_error(docs("sub/../a.txt")) == "");  // stays inside: fine
  // regression (fuzz_dataset's check, not the loader): a name that begins with two dots is
  // a file in the folder, not its parent
  CHECK(dataset_error(docs("..x/")) == "");
  CHECK(dataset_error(docs("..x/../../y")) == ": documents[0].path: '..x/../../y" + refused);
  // a dataset in a datasets/ folder may name the collection's other folders (seeds/)
  auto root = std::filesystem::temp_directory_path() / "claimcheck-collection";
  auto file = root / "datasets" / "d" / "dataset.json";
  CHECK_NOTHROW(parse_dataset(docs("../../seeds/a.txt"), file, lexicon()));
  try {
    parse_dataset(docs("../../../etc/passwd"), file, lexicon());
    FAIL("a path out of the collection was accepted");
  } catch (const DataError& e) {
    CHECK(e.diagnostics().at(0).message == "documents[0].path: '../../../etc/passwd" + refused);
  }
}

TEST_CASE("regression (fuzz_dataset): a number too large for JSON is an error, not a crash") {
  CHECK(dataset_error(R"({"documents":[{"id":3000000000444444444444e4444444000000}]})") ==
        ": invalid JSON: number overflow parsing '3000000000444444444444e4444444000000'");
}
