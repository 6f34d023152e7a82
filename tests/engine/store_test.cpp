// The corpus store on real SQLite files in a scratch folder: SHA-256 against FIPS
// vectors, ingest and its idempotence, facts read back as extracted, candidates by join
// key, removal, migration from version 1, and the refusals (not SQLite, another
// application's database, a newer schema) that must leave the file untouched.
#include "engine/store/store.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "engine/extract.hpp"
#include "engine/report.hpp"
#include "engine/rules/parser.hpp"
#include "engine/sha256.hpp"
#include "tests/support.hpp"

using namespace claimcheck;
using store::Store;
using store::StoreError;

namespace {

std::filesystem::path scratch(const std::string& name) {
  // one folder a process: test cases run in parallel, and other checkouts share /tmp
  auto dir = std::filesystem::temp_directory_path() /
             ("claimcheck-store-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto p = dir / name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
  return p;
}

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Document fixture(const std::string& rel, const std::string& id) {
  return read_document((test::source_dir / "fixtures" / rel).string(), id);
}

std::string error_of(const std::filesystem::path& p, Store::Mode mode) {
  try {
    Store::open(p, mode);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "";
}

const std::vector<rules::RuleFile>& default_rules() {
  static auto files = rules::load_rules(test::source_dir / "rules", test::lexicon());
  return files;
}

}  // namespace

TEST_CASE("SHA-256 gives the FIPS 180-4 test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // lengths around the padding boundary (55, 56, 63, 64 bytes) differ from each other
  std::set<std::string> digests;
  for (std::size_t n : {55, 56, 63, 64, 65}) digests.insert(sha256_hex(std::string(n, 'x')));
  CHECK(digests.size() == 5);
}

TEST_CASE("ingest stores a document once and reads its facts back as extracted") {
  auto path = scratch("ingest.sqlite");
  Document doc = fixture("report-demo/a.txt", "A");
  auto facts = extract_facts(test::lexicon(), doc);
  REQUIRE(facts.size() == 5);
  Store store = Store::open(path, Store::Mode::read_write);
  CHECK(store.schema_version() == store::kSchemaVersion);
  auto first = store.ingest(doc, facts, "x1");
  CHECK(first.added);
  auto again = store.ingest(doc, facts, "x1");
  CHECK_FALSE(again.added);
  CHECK(again.id == first.id);
  CHECK(store.list().size() == 1);
  CHECK(store.find_hash(sha256_hex(doc.bytes)) == first.id);

  auto back = store.load_facts(first.id);
  REQUIRE(back.size() == facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    auto want = fact_json(facts[i]), have = fact_json(back[i]);
    CHECK(have["id"] == "S" + std::to_string(first.id) + ":" + std::to_string(i + 1));
    want.erase("id"), want.erase("doc"), have.erase("id"), have.erase("doc");
    CHECK(have.dump() == want.dump());
  }
  Document stored = store.load_document(first.id);
  CHECK(stored.bytes == doc.bytes);
  CHECK(stored.title == doc.title);
  CHECK(stored.date == doc.date);
  CHECK(stored.body_offset == doc.body_offset);
  CHECK(store.check().ok);
  auto info = store.info("x2");
  CHECK(info.documents == 1);
  CHECK(info.facts == 5);
  CHECK(info.stale == 1);

  store.replace_facts(first.id, {facts[0]}, "x2");
  CHECK(store.load_facts(first.id).size() == 1);
  CHECK(store.info("x2").stale == 0);
  CHECK(store.document(first.id)->fact_count == 1);
  CHECK(store.check().ok);

  CHECK(store.remove(first.id));
  CHECK_FALSE(store.remove(first.id));
  CHECK(store.list().empty());
  CHECK(store.load_facts(first.id).empty());  // the facts went with their document
}

TEST_CASE("candidates: the stored facts that share a join key with new ones, and only those") {
  auto path = scratch("candidates.sqlite");
  Store store = Store::open(path, Store::Mode::read_write);
  // Tunisia (report-demo a), Egypt (compare-numeric-contradiction a), Mauritania
  for (const char* rel : {"report-demo/a.txt", "compare-numeric-contradiction/a.txt",
                          "ar-absence-orgs/article.txt"}) {
    Document d = fixture(rel, "N");
    store.ingest(d, extract_facts(test::lexicon(), d), "x");
  }
  Document b = fixture("report-demo/b.txt", "A");
  auto facts = extract_facts(test::lexicon(), b);
  auto found = store.candidates(facts, default_rules());
  REQUIRE_FALSE(found.empty());
  for (const auto& f : found) {
    CHECK(f.doc == "S1");  // only the Tunisian article shares keys with a Tunisian one
    CHECK(f.subject == "TN");
  }
  // every fact of S1 but its membership: the new article names no membership to join it
  std::vector<std::string> ids;
  for (const auto& f : found) ids.push_back(f.id);
  INFO(nlohmann::json(ids).dump());
  CHECK(ids == std::vector<std::string>{"S1:1", "S1:2", "S1:3", "S1:4"});
  // an article about Egypt finds the Egyptian figure only
  Document egypt = fixture("compare-numeric-contradiction/b.txt", "A");
  auto eg = store.candidates(extract_facts(test::lexicon(), egypt), default_rules());
  REQUIRE(eg.size() == 1);
  CHECK(eg[0].id == "S2:1");
}

TEST_CASE("a version 1 corpus is migrated forward with its documents") {
  auto path = scratch("v1.sqlite");
  Store::create_at_version(path, 1);
  Document doc = fixture("report-demo/a.txt", "A");
  {
    // a version 1 file is refused for reading: it must be migrated first
    CHECK(error_of(path, Store::Mode::read_only).find("schema version 1 needs upgrading to 4") !=
          std::string::npos);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db,
                       "INSERT INTO documents (hash, path, title, source, date, lang, url, "
                       "body_offset, bytes, extractor, fact_count, ingested_at) VALUES ('h', 'p', "
                       "'t', '', '', 'ar', '', 0, x'00', 'old', 0, 'then')",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  Store store = Store::open(path, Store::Mode::read_write);
  CHECK(store.schema_version() == 4);
  REQUIRE(store.list().size() == 1);
  CHECK(store.list()[0].title == "t");
  CHECK(store.check().ok);
  // the indexes of versions 2 and 3 exist
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(
      db, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name LIKE 'facts_by_%'", -1,
      &s, nullptr);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  // facts_by_thing (1), facts_by_membership (2), facts_by_object and facts_by_source (3)
  CHECK(sqlite3_column_int(s, 0) == 4);
  sqlite3_finalize(s);
  sqlite3_close(db);
}

TEST_CASE("files that are not a corpus are refused and left untouched") {
  SUBCASE("not SQLite") {
    auto path = scratch("text.sqlite");
    std::ofstream(path) << std::string(4096, 'x');
    auto before = file_bytes(path);
    for (auto mode : {Store::Mode::read_only, Store::Mode::read_write})
      CHECK(error_of(path, mode) ==
            path.string() + ": not a claimcheck corpus (file is not a database)");
    CHECK(file_bytes(path) == before);
  }
  SUBCASE("another application's SQLite database") {
    auto path = scratch("other.sqlite");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    auto before = file_bytes(path);
    CHECK(error_of(path, Store::Mode::read_write) ==
          path.string() + ": not a claimcheck corpus (a SQLite database of another application)");
    CHECK(file_bytes(path) == before);
  }
  SUBCASE("a newer schema") {
    auto path = scratch("newer.sqlite");
    { Store::open(path, Store::Mode::read_write); }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version = 9", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    auto before = file_bytes(path);
    for (auto mode : {Store::Mode::read_only, Store::Mode::read_write})
      CHECK(error_of(path, mode) == path.string() +
                                        ": corpus schema version 9 is newer than this "
                                        "claimcheck's (4); use a newer claimcheck");
    CHECK(file_bytes(path) == before);
  }
  SUBCASE("missing, or a folder") {
    auto path = scratch("missing.sqlite");
    CHECK(error_of(path, Store::Mode::read_only) ==
          path.string() + ": no such corpus (claimcheck ingest --db creates one)");
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK(error_of(path.parent_path(), Store::Mode::read_only) ==
          path.parent_path().string() + ": is a directory, expected a corpus file");
  }
}

TEST_CASE("the consistency check finds a document whose facts are incomplete") {
  auto path = scratch("damaged.sqlite");
  {
    Store store = Store::open(path, Store::Mode::read_write);
    Document doc = fixture("report-demo/a.txt", "A");
    store.ingest(doc, extract_facts(test::lexicon(), doc), "x");
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_exec(db, "DELETE FROM facts WHERE n = 2", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  Store store = Store::open(path, Store::Mode::read_only);
  auto c = store.check();
  CHECK_FALSE(c.ok);
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0] == "document 1: 4 facts stored, 5 expected");
}

TEST_CASE("typed facts round-trip through the store, and rows of the previous extractor read") {
  auto path = scratch("typed.sqlite");
  Document doc = parse_document(
      "---\ndate: 2017-06-01\n---\nاعتقلت الشرطة المغربية 12 شخصا خلال الربع الأول من عام "
      "2017، وتعاون المغرب مع إسبانيا وفرنسا وبلجيكا منذ عام 2002.\n",
      "typed.txt", "A");
  auto facts = extract_facts(test::lexicon(), doc);
  REQUIRE(facts.size() == 2);
  std::int64_t id = 0;
  {
    Store store = Store::open(path, Store::Mode::read_write);
    id = store.ingest(doc, facts, "4").id;
  }
  Store store = Store::open(path, Store::Mode::read_only);
  auto back = store.load_facts(id);
  REQUIRE(back.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(back[i].subject == facts[i].subject);
    CHECK(back[i].predicate == facts[i].predicate);
    CHECK(back[i].object == facts[i].object);
    CHECK(back[i].members == facts[i].members);
    REQUIRE(back[i].time);
    CHECK(back[i].time->op == facts[i].time->op);
    CHECK(back[i].time->days() == facts[i].time->days());
  }
  CHECK(back[0].quantity->op == QuantityOp::eq);
  CHECK(back[0].time->from_iso() == "2017-01");
  CHECK(back[0].time->to_iso() == "2017-03");
  CHECK(back[1].time->op == SpanOp::since);
  // a row as extractor 3 wrote it: an `in` time with no end
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE facts SET t_from = '2021', t_to = '' WHERE t_op = 'since'",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE facts SET t_op = 'in' WHERE t_from = '2021'", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  sqlite3_close(db);
  Store again = Store::open(path, Store::Mode::read_only);
  back = again.load_facts(id);
  REQUIRE(back[1].time);
  CHECK(back[1].time->op == SpanOp::in);
  CHECK(back[1].time->from_iso() == "2021");
  CHECK(back[1].time->to_iso() == "");
  CHECK(back[1].time->days().second - back[1].time->days().first == 365);
}

namespace {

/// Runs one SQL statement on the file (outside claimcheck), as damage or an old build would.
void raw_exec(const std::filesystem::path& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

Document numbered(int i) {
  return parse_document("اعتقلت الشرطة المغربية " + std::to_string(i + 3) + " شخصا عام 2020.\n",
                        "n" + std::to_string(i) + ".txt", "N");
}

}  // namespace

TEST_CASE("the counts in metadata follow ingest, re-extraction and removal, without a scan") {
  auto path = scratch("counts.sqlite");
  Store store = Store::open(path, Store::Mode::read_write);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 4; ++i) {
    Document doc = numbered(i);
    ids.push_back(store.ingest(doc, extract_facts(test::lexicon(), doc), i < 3 ? "x1" : "x2").id);
  }
  auto info = store.info("x1");
  CHECK(info.documents == 4);
  CHECK(info.facts == 4);
  CHECK(info.stale == 1);
  CHECK(store.info("x2").stale == 3);
  CHECK(store.info("x3").stale == 4);
  store.replace_facts(ids[0], {}, "x2");  // re-extracted by x2, and no fact left
  CHECK(store.info("x1").stale == 2);
  CHECK(store.info("x1").facts == 3);
  CHECK(store.remove(ids[3]));
  CHECK(store.info("x2").stale == 2);
  CHECK(store.info("x2").documents == 3);
  CHECK(store.check().ok);
  // the counts are kept, not counted: a row deleted behind claimcheck's back shows in the
  // check, not in info
  raw_exec(path, "PRAGMA foreign_keys = ON; DELETE FROM documents WHERE id = 2");
  raw_exec(path, "UPDATE metadata SET value = 7 WHERE key = 'documents'");
  Store again = Store::open(path, Store::Mode::read_only);
  CHECK(again.info("x1").documents == 7);
  auto c = again.check();
  CHECK_FALSE(c.ok);
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0] == "metadata: documents counted 7, 2 stored");
}

TEST_CASE("a version 2 corpus gains its counts when migrated") {
  auto path = scratch("v2.sqlite");
  Store::create_at_version(path, 2);
  raw_exec(path,
           "INSERT INTO documents (hash, path, title, source, date, lang, url, body_offset, bytes,"
           " extractor, fact_count, ingested_at) VALUES"
           " ('h1', 'p', '', '', '', 'ar', '', 0, x'00', 'old', 0, 'then'),"
           " ('h2', 'q', '', '', '', 'ar', '', 0, x'00', 'old', 0, 'then'),"
           " ('h3', 'r', '', '', '', 'ar', '', 0, x'00', 'new', 0, 'then')");
  CHECK(error_of(path, Store::Mode::read_only).find("schema version 2 needs upgrading to 4") !=
        std::string::npos);
  Store store = Store::open(path, Store::Mode::read_write);
  CHECK(store.schema_version() == 4);
  CHECK(store.info("new").documents == 3);
  CHECK(store.info("new").stale == 2);
  CHECK(store.info("old").stale == 1);
  CHECK(store.check().ok);
}

TEST_CASE("a batch stores its documents together, or none of them") {
  auto path = scratch("batch.sqlite");
  {
    Store store = Store::open(path, Store::Mode::read_write);
    Store::Batch batch(store);
    for (int i = 0; i < 3; ++i) {
      Document doc = numbered(i);
      store.ingest(doc, extract_facts(test::lexicon(), doc), "x");
    }
    CHECK(store.list().size() == 3);  // the batch's own connection sees them
    // left without commit(): an error half-way through
  }
  {
    Store store = Store::open(path, Store::Mode::read_write);
    CHECK(store.list().empty());
    CHECK(store.info("x").documents == 0);
    Store::Batch batch(store);
    for (int i = 0; i < 3; ++i) {
      Document doc = numbered(i);
      store.ingest(doc, extract_facts(test::lexicon(), doc), "x", "hash " + std::to_string(i % 2));
    }
    batch.commit();
  }
  Store store = Store::open(path, Store::Mode::read_only);
  CHECK(store.list().size() == 2);  // the third had the first's hash
  CHECK(store.find_hash("hash 1").has_value());
  CHECK(store.check().ok);
}

TEST_CASE("every rule's candidate query goes through an index") {
  auto path = scratch("plans.sqlite");
  Store store = Store::open(path, Store::Mode::read_write);
  auto plans = store.candidate_plans(default_rules());
  // the 25 default rules but the two within one document and the nine among documents
  // given together (never a new document against the corpus)
  CHECK(plans.size() == 14);
  // and joins no default rule makes: on an object, a source, a predicate of an object
  auto dir = scratch("join-rules");
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "joins.rules") << "rule by-object\n  about count\n  join object\n"
                                        "  verdict differs\n  explain \"x\"\n\n"
                                        "rule by-source\n  about count, measure\n  join source\n"
                                        "  verdict differs\n  explain \"x\"\n\n"
                                        "rule by-thing\n  about count\n  join predicate, object\n"
                                        "  verdict differs\n  explain \"x\"\n";
  auto more = store.candidate_plans(rules::load_rules(dir, test::lexicon()));
  REQUIRE(more.size() == 3);
  plans.insert(plans.end(), more.begin(), more.end());
  for (const auto& rule_plan : plans) {  // (no structured binding: INFO captures it)
    const std::string& plan = rule_plan.second;
    INFO(rule_plan.first, ": ", plan);
    CHECK((plan.find("SEARCH f USING INDEX facts_by_") != std::string::npos ||
           plan.find("SEARCH f USING COVERING INDEX facts_by_") != std::string::npos));
    CHECK(plan.find("SCAN") == std::string::npos);
  }
}
