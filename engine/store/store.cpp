// The corpus store on SQLite: opening with checks, migrations, ingest and re-extraction
// in one transaction per document, candidate facts by indexed join-key queries, and
// the consistency check. Every statement is prepared with bound parameters; the only
// text put into SQL is column names from a fixed list and integer versions.
#include "engine/store/store.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <deque>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "engine/sha256.hpp"

namespace claimcheck::store {
namespace {

/// 'ccK1': marks a SQLite file as a claimcheck corpus (PRAGMA application_id).
constexpr int kApplicationId = 0x63634b31;

/// The schema, one step per version: step k brings a version k-1 file to version k.
const std::vector<std::vector<const char*>>& migrations() {
  static const std::vector<std::vector<const char*>> steps = {
      // 1: documents with their bytes and metadata; facts by document and number
      {"CREATE TABLE documents ("
       " id INTEGER PRIMARY KEY,"
       " hash TEXT NOT NULL UNIQUE,"  // SHA-256 of the file's bytes
       " path TEXT NOT NULL, title TEXT NOT NULL, source TEXT NOT NULL, date TEXT NOT NULL,"
       " lang TEXT NOT NULL, url TEXT NOT NULL,"
       " body_offset INTEGER NOT NULL, bytes BLOB NOT NULL,"
       " extractor TEXT NOT NULL,"      // what extracted the facts (grammar and lexicon)
       " fact_count INTEGER NOT NULL,"  // written with the facts: a check of completeness
       " ingested_at TEXT NOT NULL)",
       "CREATE TABLE facts ("
       " doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
       " n INTEGER NOT NULL,"  // 1-based, in document order
       " kind TEXT NOT NULL, subject TEXT NOT NULL, predicate TEXT NOT NULL,"
       " family TEXT NOT NULL, object TEXT NOT NULL,"
       " q_op TEXT, q_value REAL, q_upper REAL, q_unit TEXT, q_text TEXT,"
       " t_op TEXT, t_from TEXT, t_to TEXT, t_inherited INTEGER, t_text TEXT,"
       " members TEXT NOT NULL,"  // JSON array
       " polarity TEXT NOT NULL,"
       " src_entity TEXT, src_cue TEXT, src_text TEXT,"
       " span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,"
       " sentence INTEGER NOT NULL,"  // its text is in sentences, once for all its facts
       " PRIMARY KEY (doc, n)) WITHOUT ROWID",
       "CREATE TABLE sentences ("
       " doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
       " n INTEGER NOT NULL, text TEXT NOT NULL,"
       " PRIMARY KEY (doc, n)) WITHOUT ROWID",
       // the join keys of the rules on figures: subject and family, then predicate and
       // object (a predicate has one family, so a query on the predicate names both)
       "CREATE INDEX facts_by_thing ON facts(subject, family, predicate, object)"},
      // 2: memberships join on subject and object; a partial index keeps the other facts
      // (most of them) out of it, and so keeps each ingest's writes small
      {"CREATE INDEX facts_by_membership ON facts(subject, object) WHERE kind = 'membership'"},
      // 3: the corpus's counts kept as it changes (documents, facts, documents by the
      // extractor that read them), so that a check learns how many stored documents are
      // stale without reading the documents table; triggers keep them in the transaction
      // that changes the documents, whichever statement does
      {"CREATE TABLE metadata (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
       "INSERT INTO metadata VALUES ('documents', (SELECT count(*) FROM documents)),"
       " ('facts', (SELECT coalesce(sum(fact_count), 0) FROM documents))",
       "INSERT INTO metadata SELECT 'extractor ' || extractor, count(*) FROM documents"
       " GROUP BY extractor",
       "CREATE TRIGGER documents_insert AFTER INSERT ON documents BEGIN"
       " UPDATE metadata SET value = value + 1 WHERE key = 'documents';"
       " UPDATE metadata SET value = value + new.fact_count WHERE key = 'facts';"
       " INSERT INTO metadata VALUES ('extractor ' || new.extractor, 1)"
       "  ON CONFLICT (key) DO UPDATE SET value = value + 1;"
       " END",
       "CREATE TRIGGER documents_delete AFTER DELETE ON documents BEGIN"
       " UPDATE metadata SET value = value - 1 WHERE key = 'documents';"
       " UPDATE metadata SET value = value - old.fact_count WHERE key = 'facts';"
       " UPDATE metadata SET value = value - 1 WHERE key = 'extractor ' || old.extractor;"
       " DELETE FROM metadata WHERE key = 'extractor ' || old.extractor AND value = 0;"
       " END",
       "CREATE TRIGGER documents_update AFTER UPDATE OF extractor, fact_count ON documents BEGIN"
       " UPDATE metadata SET value = value - old.fact_count + new.fact_count WHERE key = 'facts';"
       " UPDATE metadata SET value = value - 1 WHERE key = 'extractor ' || old.extractor;"
       " DELETE FROM metadata WHERE key = 'extractor ' || old.extractor AND value = 0;"
       " INSERT INTO metadata VALUES ('extractor ' || new.extractor, 1)"
       "  ON CONFLICT (key) DO UPDATE SET value = value + 1;"
       " END",
       // and the join keys that name no subject: a rule on an object, or on a source, is
       // found through an index too (each then narrowed by family and predicate)
       "CREATE INDEX facts_by_object ON facts(object, family, predicate)",
       "CREATE INDEX facts_by_source ON facts(src_entity, family, predicate)",
       // the index of figures and sets holds every column a candidate is read with, so that
       // a check reads the facts sharing a key side by side in the index, with no seek into
       // the table for each (thousands for a common subject in a large corpus)
       "DROP INDEX facts_by_thing",
       "CREATE INDEX facts_by_thing ON facts(subject, family, predicate, object, kind, t_op, "
       "t_from,"
       " t_to, q_op, q_value, q_upper, q_unit, q_text, t_inherited, t_text, members, polarity,"
       " src_entity, src_cue, src_text, span_begin, span_end, sentence)"},
      // 4: the place below the country (ISO 3166-2, '' when unknown): two figures of two
      // places never compare; the covering index holds it too
      {"ALTER TABLE facts ADD COLUMN place TEXT NOT NULL DEFAULT ''", "DROP INDEX facts_by_thing",
       "CREATE INDEX facts_by_thing ON facts(subject, family, predicate, object, kind, t_op, "
       "t_from,"
       " t_to, q_op, q_value, q_upper, q_unit, q_text, t_inherited, t_text, members, polarity,"
       " src_entity, src_cue, src_text, span_begin, span_end, sentence, place)"},
  };
  return steps;
}

std::string message(sqlite3* db) {
  return db ? sqlite3_errmsg(db) : "out of memory";
}

/// A prepared statement: bind by position (1-based), step, read columns.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw StoreError("corpus: cannot prepare a statement: " + message(db));
  }
  Stmt(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind_blob(int i, const std::string& v) {
    sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Stmt& bind_null(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  /// True while there is a row.
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StoreError("corpus: " + message(db_));
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int col) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  std::string blob(int col) const {
    auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  /// The text of a column, valid until the next step or reset.
  std::string_view view(int col) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

void exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string m = error ? error : message(db);
    sqlite3_free(error);
    throw StoreError("corpus: " + m);
  }
}

/// BEGIN IMMEDIATE … COMMIT, rolled back when left by an exception.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { exec(db_, "BEGIN IMMEDIATE"); }
  void commit() {
    exec(db_, "COMMIT");
    done_ = true;
  }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

 private:
  sqlite3* db_;
  bool done_ = false;
};

std::int64_t pragma_int(sqlite3* db, const char* pragma) {
  Stmt s(db, pragma);
  return s.step() ? s.integer(0) : 0;
}

void migrate(sqlite3* db, int from, int to) {
  Transaction t(db);
  for (int v = from + 1; v <= to; ++v) {
    for (const char* sql : migrations()[static_cast<std::size_t>(v - 1)]) exec(db, sql);
    exec(db, "PRAGMA user_version = " + std::to_string(v));
  }
  if (from == 0) exec(db, "PRAGMA application_id = " + std::to_string(kApplicationId));
  t.commit();
}

std::string now_utc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

/// A URI for sqlite3_open_v2 naming `path` with `query` (path characters that mean
/// something in a URI are escaped).
std::string uri(const std::filesystem::path& path, const char* query) {
  std::string out = "file:";
  for (char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "?" + query;
}

/// A read-only connection that has read the header. A WAL-mode file we may not write
/// (nor its folder) cannot grow the shared-memory file readers use; it is then opened as
/// immutable, which is right for a file no one can be writing to.
sqlite3* open_read_only(const std::filesystem::path& path) {
  for (const char* query : {"mode=ro", "immutable=1"}) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(uri(path, query).c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                             nullptr);
    if (rc == SQLITE_OK) {
      sqlite3_busy_timeout(db, 10000);
      rc = sqlite3_exec(db, "PRAGMA user_version", nullptr, nullptr, nullptr);
      if (rc == SQLITE_OK) return db;
    }
    std::string m = message(db);
    int code = rc & 0xFF;
    sqlite3_close(db);
    if (code == SQLITE_NOTADB)
      throw StoreError(path.string() + ": not a claimcheck corpus (" + m + ")");
    if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN)
      throw StoreError(path.string() + ": cannot be read (" + m + ")");
  }
  throw StoreError(path.string() + ": cannot be opened for reading");
}

/// What a file holds, read on a read-only connection: whether it is a corpus and which
/// version. Throws StoreError for a file that is not one.
struct Inspection {
  bool empty = false;  ///< a SQLite file (or zero bytes) with no tables yet
  int version = 0;
};

Inspection inspect(const std::filesystem::path& path) {
  sqlite3* db = open_read_only(path);
  auto fail = [&](const std::string& why) {
    sqlite3_close(db);
    throw StoreError(path.string() + ": " + why);
  };
  Inspection in;
  std::int64_t tables = 0, app = 0;
  try {
    in.version = static_cast<int>(pragma_int(db, "PRAGMA user_version"));
    app = pragma_int(db, "PRAGMA application_id");
    tables = pragma_int(db, "SELECT count(*) FROM sqlite_master");
  } catch (const StoreError&) {
    fail("not a claimcheck corpus (" + message(db) + ")");
  }
  sqlite3_close(db);
  if (app == 0 && in.version == 0 && tables == 0) {
    in.empty = true;
    return in;
  }
  if (app != kApplicationId)
    throw StoreError(path.string() +
                     ": not a claimcheck corpus (a SQLite database of another application)");
  if (in.version > kSchemaVersion)
    throw StoreError(path.string() + ": corpus schema version " + std::to_string(in.version) +
                     " is newer than this claimcheck's (" + std::to_string(kSchemaVersion) +
                     "); use a newer claimcheck");
  return in;
}

void set_up(sqlite3* db, bool writable) {
  sqlite3_busy_timeout(db, 10000);  // a writer holds the lock for one document at most
  exec(db, "PRAGMA foreign_keys = ON");
  // pages read through a memory map, not a read() each: a check touches thousands
  exec(db, "PRAGMA mmap_size = 1073741824");
  if (writable) {
    exec(db, "PRAGMA journal_mode = WAL");
    // WAL with synchronous NORMAL: a crashed or killed process loses nothing committed
    exec(db, "PRAGMA synchronous = NORMAL");
    exec(db, "PRAGMA cache_size = -32000");
    exec(db, "PRAGMA wal_autocheckpoint = 8000");
  }
}

/// The columns read_fact reads, from kFactSource.
constexpr const char* kFactColumns =
    "f.doc, f.n, f.kind, f.subject, f.predicate, f.family, f.object, f.q_op, f.q_value,"
    " f.q_upper, f.q_unit, f.q_text, f.t_op, f.t_from, f.t_to, f.t_inherited, f.t_text,"
    " f.members, f.polarity, f.src_entity, f.src_cue, f.src_text, f.span_begin, f.span_end,"
    " f.sentence, f.place, s.text";
constexpr const char* kFactSource =
    " FROM facts f JOIN sentences s ON s.doc = f.doc AND s.n = f.sentence";
/// The same columns but the sentence's text (NULL in its place): the candidates read their
/// sentences afterwards, once each and in document order.
constexpr const char* kFactColumnsWithoutText =
    "f.doc, f.n, f.kind, f.subject, f.predicate, f.family, f.object, f.q_op, f.q_value,"
    " f.q_upper, f.q_unit, f.q_text, f.t_op, f.t_from, f.t_to, f.t_inherited, f.t_text,"
    " f.members, f.polarity, f.src_entity, f.src_cue, f.src_text, f.span_begin, f.span_end,"
    " f.sentence, f.place, NULL FROM facts f";

void insert_facts(Stmt& ins, Stmt& sentence, std::int64_t doc, const std::vector<Fact>& facts) {
  std::int64_t n = 0;
  for (const auto& f : facts) {
    sentence.reset();
    sentence.bind(1, doc).bind(2, static_cast<std::int64_t>(f.sentence)).bind(3, f.text.str());
    sentence.step();
    ins.reset();
    ins.bind(1, doc)
        .bind(2, ++n)
        .bind(3, f.kind)
        .bind(4, f.subject.str())
        .bind(5, f.predicate.str());
    ins.bind(6, f.family.str()).bind(7, f.object.str());
    if (f.quantity) {
      ins.bind(8, std::string(op_symbol(f.quantity->op))).bind(9, f.quantity->value);
      if (f.quantity->upper) ins.bind(10, *f.quantity->upper);
      ins.bind(11, f.quantity->unit.str()).bind(12, f.quantity->text);
    }
    if (f.time) {
      ins.bind(13, std::string(to_string(f.time->op)))
          .bind(14, f.time->from_iso())
          .bind(15, f.time->to_iso());
      ins.bind(16, static_cast<std::int64_t>(f.time->inherited)).bind(17, f.time->text.str());
    }
    nlohmann::json members = nlohmann::json::array();
    for (const auto& m : f.members) members.push_back(m.str());
    ins.bind(18, members.dump()).bind(19, f.polarity);
    if (f.source)
      ins.bind(20, f.source->entity.str())
          .bind(21, f.source->cue.str())
          .bind(22, f.source->text.str());
    ins.bind(23, static_cast<std::int64_t>(f.span_begin))
        .bind(24, static_cast<std::int64_t>(f.span_end));
    ins.bind(25, static_cast<std::int64_t>(f.sentence)).bind(26, f.place.str());
    ins.step();
  }
}

/// The texts facts share (a sentence's, a paragraph's source), read once for all of them.
/// A (document, number) pair as one hash key.
struct PairHash {
  std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& p) const noexcept {
    std::uint64_t h = static_cast<std::uint64_t>(p.first) * 0x9E3779B97F4A7C15ull ^
                      static_cast<std::uint64_t>(p.second);
    h ^= h >> 29, h *= 0xBF58476D1CE4E5B9ull, h ^= h >> 32;
    return static_cast<std::size_t>(h);
  }
};

struct SharedTexts {
  std::unordered_map<std::pair<std::int64_t, std::int64_t>, SharedText, PairHash>
      sentences;  ///< (doc, n)
  std::map<std::string, SharedText, std::less<>> others;

  SharedText other(std::string_view text) {
    if (text.empty()) return {};
    auto it = others.find(text);
    if (it == others.end()) it = others.emplace(std::string(text), std::string(text)).first;
    return it->second;
  }
};

/// A fact from a row whose columns are kFactColumns, in order.
Fact read_fact(const Stmt& s, SharedTexts& texts) {
  Fact f;
  const std::int64_t doc = s.integer(0);
  f.doc = stored_id(doc);
  f.id = f.doc + ":" + std::to_string(s.integer(1));
  f.kind = s.view(2), f.subject = Id(s.view(3)), f.predicate = Id(s.view(4));
  f.family = Id(s.view(5)), f.object = Id(s.view(6));
  if (!s.null(7)) {
    FactQuantity q;
    q.op = op_from_symbol(s.view(7)).value_or(QuantityOp::eq), q.value = s.real(8);
    if (!s.null(9)) q.upper = s.real(9);
    q.unit = Id(s.view(10)), q.text = s.view(11);
    f.quantity = std::move(q);
  }
  if (!s.null(12)) {
    FactTime t;
    t.op = span_op(s.view(12)).value_or(SpanOp::in);
    t.from = TimePoint::parse(s.view(13)), t.to = TimePoint::parse(s.view(14));
    if (!t.to && (t.op == SpanOp::in || t.op == SpanOp::as_of)) t.to = t.from;
    t.inherited = s.integer(15) != 0, t.text = texts.other(s.view(16));
    f.time = std::move(t);
  }
  if (std::string_view members = s.view(17); members != "[]")  // most facts have none
    for (const auto& m : nlohmann::json::parse(members).get<std::vector<std::string>>())
      f.members.emplace_back(m);
  f.polarity = s.view(18);
  if (!s.null(19))
    f.source = FactSource{Id(s.view(19)), texts.other(s.view(20)), texts.other(s.view(21))};
  f.span_begin = static_cast<std::size_t>(s.integer(22));
  f.span_end = static_cast<std::size_t>(s.integer(23));
  f.sentence = static_cast<int>(s.integer(24));
  f.place = Id(s.view(25));
  if (s.null(26)) return f;  // its sentence is read afterwards
  auto [sentence, fresh] = texts.sentences.try_emplace({doc, f.sentence});
  if (fresh) sentence->second = std::string(s.view(26));
  f.text = sentence->second;
  return f;
}

StoredDocument read_stored(const Stmt& s) {
  StoredDocument d;
  d.id = s.integer(0), d.hash = s.text(1), d.path = s.text(2), d.title = s.text(3);
  d.source = s.text(4), d.date = s.text(5), d.lang = s.text(6), d.url = s.text(7);
  d.extractor = s.text(8), d.fact_count = static_cast<std::size_t>(s.integer(9));
  d.ingested_at = s.text(10), d.size = static_cast<std::size_t>(s.integer(11));
  return d;
}

constexpr const char* kDocumentColumns =
    "id, hash, path, title, source, date, lang, url, extractor, fact_count, ingested_at,"
    " length(bytes)";

}  // namespace

struct Store::Statements {
  explicit Statements(sqlite3* db)
      : find_hash(db, "SELECT id FROM documents WHERE hash = ?"),
        insert_document(db,
                        "INSERT INTO documents (hash, path, title, source, date, lang, url,"
                        " body_offset, bytes, extractor, fact_count, ingested_at)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
        insert_fact(
            db,
            "INSERT INTO facts (doc, n, kind, subject, predicate, family, object, q_op,"
            " q_value, q_upper, q_unit, q_text, t_op, t_from, t_to, t_inherited, t_text,"
            " members, polarity, src_entity, src_cue, src_text, span_begin, span_end,"
            " sentence, place) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        insert_sentence(db, "INSERT OR IGNORE INTO sentences (doc, n, text) VALUES (?,?,?)"),
        metadata(db, "SELECT value FROM metadata WHERE key = ?"),
        load_document(db,
                      "SELECT path, title, source, date, lang, url, body_offset, bytes FROM "
                      "documents WHERE id = ?"),
        load_metadata(db,
                      "SELECT path, title, source, date, lang, url, body_offset, NULL FROM "
                      "documents WHERE id = ?") {}
  Stmt find_hash, insert_document, insert_fact, insert_sentence, metadata;
  Stmt load_document, load_metadata;  ///< with and without the bytes
};

std::string stored_id(std::int64_t id) {
  return "S" + std::to_string(id);
}

Store::Store(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
Store::Store(Store&& o) noexcept
    : db_(std::exchange(o.db_, nullptr)),
      path_(std::move(o.path_)),
      statements_(std::move(o.statements_)),
      in_batch_(o.in_batch_) {}
Store::~Store() {
  statements_.reset();  // statements are finalised before their connection closes
  if (db_) sqlite3_close(db_);
}

Store::Statements& Store::statements() {
  if (!statements_) statements_ = std::make_unique<Statements>(db_);
  return *statements_;
}

Store Store::open(const std::filesystem::path& path, Mode mode) {
  const bool exists = std::filesystem::exists(path);
  if (exists && std::filesystem::is_directory(path))
    throw StoreError(path.string() + ": is a directory, expected a corpus file");
  if (!exists && mode == Mode::read_only)
    throw StoreError(path.string() + ": no such corpus (claimcheck ingest --db creates one)");
  Inspection in;
  if (exists) in = inspect(path);
  if (mode == Mode::read_only && in.empty)
    throw StoreError(path.string() + ": an empty database, not a corpus yet");
  if (mode == Mode::read_only && in.version < kSchemaVersion)
    throw StoreError(path.string() + ": corpus schema version " + std::to_string(in.version) +
                     " needs upgrading to " + std::to_string(kSchemaVersion) +
                     " (claimcheck db migrate --db " + path.string() + ")");
  sqlite3* db = nullptr;
  if (mode == Mode::read_only) {
    db = open_read_only(path);
  } else if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                             nullptr) != SQLITE_OK) {
    std::string m = message(db);
    sqlite3_close(db);
    throw StoreError(path.string() + ": cannot be opened for writing: " + m);
  }
  Store store(db, path);
  if (mode == Mode::read_write && sqlite3_db_readonly(db, "main") == 1)
    throw StoreError(path.string() +
                     ": cannot be written here (a read-only file or folder); check and db can "
                     "still read it");
  set_up(db, mode == Mode::read_write);
  if (mode == Mode::read_write && in.version < kSchemaVersion)
    migrate(db, in.version, kSchemaVersion);
  return store;
}

void Store::create_at_version(const std::filesystem::path& path, int version) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(db);
    throw StoreError(path.string() + ": cannot be created");
  }
  Store store(db, path);
  set_up(db, true);
  migrate(db, 0, version);
}

int Store::schema_version() {
  return static_cast<int>(pragma_int(db_, "PRAGMA user_version"));
}

std::optional<std::int64_t> Store::find_hash(const std::string& hash) {
  Stmt& s = statements().find_hash;
  s.reset();
  s.bind(1, hash);
  std::optional<std::int64_t> id;
  if (s.step()) id = s.integer(0);
  s.reset();  // a statement left mid-result would hold a read transaction open
  return id;
}

Store::Ingested Store::ingest(const Document& doc, const std::vector<Fact>& facts,
                              const std::string& extractor, const std::string& content_hash) {
  const std::string hash = content_hash.empty() ? sha256_hex(doc.bytes) : content_hash;
  std::optional<Transaction> t;  // in a batch, the batch's transaction holds the document
  if (!in_batch_) t.emplace(db_);
  if (auto id = find_hash(hash)) return {*id, false};
  Stmt& ins = statements().insert_document;
  ins.reset();
  ins.bind(1, hash).bind(2, doc.path).bind(3, doc.title).bind(4, doc.source).bind(5, doc.date);
  ins.bind(6, doc.lang).bind(7, doc.url).bind(8, static_cast<std::int64_t>(doc.body_offset));
  ins.bind_blob(9, doc.bytes).bind(10, extractor);
  ins.bind(11, static_cast<std::int64_t>(facts.size())).bind(12, now_utc());
  ins.step();
  std::int64_t id = sqlite3_last_insert_rowid(db_);
  insert_facts(statements().insert_fact, statements().insert_sentence, id, facts);
  if (t) t->commit();
  return {id, true};
}

Store::Batch::Batch(Store& store) : store_(store) {
  if (store_.in_batch_) throw StoreError(store_.path_.string() + ": a batch is already open");
  exec(store_.db_, "BEGIN IMMEDIATE");
  store_.in_batch_ = true;
}

void Store::Batch::commit() {
  exec(store_.db_, "COMMIT");
  store_.in_batch_ = false;
}

Store::Batch::~Batch() {
  if (!store_.in_batch_) return;
  sqlite3_exec(store_.db_, "ROLLBACK", nullptr, nullptr, nullptr);
  store_.in_batch_ = false;
}

void Store::replace_facts(std::int64_t id, const std::vector<Fact>& facts,
                          const std::string& extractor) {
  std::optional<Transaction> t;
  if (!in_batch_) t.emplace(db_);
  for (const char* sql :
       {"DELETE FROM facts WHERE doc = ?", "DELETE FROM sentences WHERE doc = ?"}) {
    Stmt del(db_, sql);
    del.bind(1, id);
    del.step();
  }
  insert_facts(statements().insert_fact, statements().insert_sentence, id, facts);
  Stmt upd(db_, "UPDATE documents SET extractor = ?, fact_count = ? WHERE id = ?");
  upd.bind(1, extractor).bind(2, static_cast<std::int64_t>(facts.size())).bind(3, id);
  upd.step();
  if (t) t->commit();
}

std::vector<StoredDocument> Store::list() {
  Stmt s(db_, (std::string("SELECT ") + kDocumentColumns + " FROM documents ORDER BY id").c_str());
  std::vector<StoredDocument> out;
  while (s.step()) out.push_back(read_stored(s));
  return out;
}

std::optional<StoredDocument> Store::document(std::int64_t id) {
  Stmt s(db_, (std::string("SELECT ") + kDocumentColumns + " FROM documents WHERE id = ?").c_str());
  s.bind(1, id);
  if (s.step()) return read_stored(s);
  return std::nullopt;
}

Document Store::load_document(std::int64_t id, bool with_bytes) {
  Stmt& s = with_bytes ? statements().load_document : statements().load_metadata;
  s.reset();
  s.bind(1, id);
  if (!s.step()) {
    s.reset();
    throw StoreError(path_.string() + ": no document " + std::to_string(id));
  }
  Document d;
  d.id = stored_id(id);
  d.path = s.text(0), d.title = s.text(1), d.source = s.text(2), d.date = s.text(3);
  d.lang = s.text(4), d.url = s.text(5);
  d.body_offset = static_cast<std::size_t>(s.integer(6));
  if (with_bytes) d.bytes = s.blob(7);
  s.reset();  // a statement left mid-result would hold a read transaction open
  if (with_bytes && looks_like_html(d.path, d.bytes)) attach_html_text(d);  // as when ingested
  return d;
}

std::vector<Fact> Store::load_facts(std::int64_t id) {
  Stmt s(db_,
         (std::string("SELECT ") + kFactColumns + kFactSource + " WHERE f.doc = ? ORDER BY f.n")
             .c_str());
  s.bind(1, id);
  std::vector<Fact> out;
  SharedTexts texts;
  while (s.step()) out.push_back(read_fact(s, texts));
  return out;
}

bool Store::remove(std::int64_t id) {
  std::optional<Transaction> t;
  if (!in_batch_) t.emplace(db_);
  Stmt s(db_, "DELETE FROM documents WHERE id = ?");
  s.bind(1, id);
  s.step();
  bool removed = sqlite3_changes(db_) > 0;
  if (t) t->commit();
  return removed;
}

namespace {

/// The columns a join field is stored in; fields with no column (doc, members, …) do not
/// narrow the query, and the evaluator applies them.
const std::map<std::string, std::vector<const char*>>& join_columns() {
  static const std::map<std::string, std::vector<const char*>> columns{
      {"kind", {"kind"}},           {"subject", {"subject"}},
      {"predicate", {"predicate"}}, {"family", {"family"}},
      {"object", {"object"}},       {"polarity", {"polarity"}},
      {"source", {"src_entity"}},   {"time", {"t_op", "t_from", "t_to"}}};
  return columns;
}

/// The query that finds a rule's candidates, and the join fields its parameters take in
/// order; nothing for a rule that compares facts within one document, or about no kind.
struct CandidateQuery {
  std::string sql;
  std::vector<std::string> fields;
  bool family_added = false;
};

/// What a condition requires of both facts of a pair, from its top-level conjuncts, so
/// that a stored fact without it, never in a finding, is not read at all:
/// - a time: `known(a.time) and known(b.time)`, or a relation of the two times other than
///   same_span (within, overlaps, near…: false when either has none);
/// - a span longer than N days: `not days_at_most(a.time, N) and not days_at_most(b.time, N)`.
struct PairNeeds {
  bool time = false;
  double longer_than = -1;  ///< days; -1: nothing asked
};

PairNeeds pair_needs(const rules::NodePtr& n) {
  std::set<std::string> a, b;
  double longer_a = -1, longer_b = -1;
  auto time_path = [](const rules::NodePtr& x) {
    return x->kind == rules::Node::path && x->text == "time";
  };
  std::vector<const rules::Node*> stack{n.get()};
  while (!stack.empty()) {
    const rules::Node* c = stack.back();
    stack.pop_back();
    if (!c) continue;
    if (c->kind == rules::Node::and_) {
      for (const auto& x : c->args) stack.push_back(x.get());
    } else if (c->kind == rules::Node::call && c->text == "known" && c->args.size() == 1 &&
               c->args[0]->kind == rules::Node::path) {
      (c->args[0]->side == 'a' ? a : b).insert(c->args[0]->text);
    } else if (c->kind == rules::Node::call && c->text != "same_span" && c->args.size() >= 2 &&
               time_path(c->args[0]) && time_path(c->args[1]) &&
               c->args[0]->side != c->args[1]->side) {
      a.insert("time"), b.insert("time");
    } else if (c->kind == rules::Node::not_ && c->args.size() == 1) {
      const auto& d = c->args[0];
      if (d->kind == rules::Node::call && d->text == "days_at_most" && d->args.size() == 2 &&
          time_path(d->args[0]) && d->args[1]->kind == rules::Node::number) {
        double& longer = d->args[0]->side == 'a' ? longer_a : longer_b;
        longer = std::max(longer, d->args[1]->value);
      }
    }
  }
  PairNeeds needs;
  needs.time = a.count("time") && b.count("time");
  needs.longer_than = std::min(longer_a, longer_b);
  return needs;
}

std::optional<CandidateQuery> candidate_query(const rules::Rule& rule) {
  if (rule.pair == "within") return std::nullopt;  // pairs inside one document: not a new one's
  if (rule.among == "given") return std::nullopt;  // never a new document against the corpus
  CandidateQuery q;
  for (const auto& j : rule.join)
    if (join_columns().count(j)) q.fields.push_back(j);
  // the predicate's family too, so that the index on (subject, family, predicate, …)
  // serves the query
  q.family_added = std::find(q.fields.begin(), q.fields.end(), "predicate") != q.fields.end() &&
                   std::find(q.fields.begin(), q.fields.end(), "family") == q.fields.end();
  if (q.family_added) q.fields.insert(q.fields.begin(), "family");
  // kinds are written into the query, from the fixed list of kinds only, so that the
  // planner can use the partial index of memberships
  static const std::set<std::string> known_kinds{"count", "measure", "set",       "membership",
                                                 "event", "quote",   "comparison"};
  q.sql = std::string("SELECT ") + kFactColumnsWithoutText + " WHERE f.kind";
  std::vector<std::string> kinds;
  for (const auto& k : rule.about)
    if (known_kinds.count(k)) kinds.push_back(k);
  if (kinds.empty()) return std::nullopt;
  if (kinds.size() == 1) {
    q.sql += " = '" + kinds[0] + "'";
  } else {
    q.sql += " IN (";
    for (std::size_t i = 0; i < kinds.size(); ++i) q.sql += (i ? ",'" : "'") + kinds[i] + "'";
    q.sql += ")";
  }
  for (const auto& f : q.fields)
    for (const char* c : join_columns().at(f)) q.sql += std::string(" AND f.") + c + " IS ?";
  if (rule.pair == "across") {  // a pair's stored side must have what both sides need
    const PairNeeds needs = pair_needs(rule.when);
    if (needs.time) q.sql += " AND f.t_op IS NOT NULL";
    // a day or a shorter span (or a month, for more than 31 days) is never longer: a
    // point's span is its precision's (dates are ISO prefixes, 2013-02 a month)
    if (needs.longer_than >= 1)
      q.sql += std::string(
                   " AND NOT coalesce(f.t_op IN ('in', 'as_of') AND (f.t_to IS NULL OR f.t_to = '' "
                   "OR f.t_to = "
                   "f.t_from) AND (length(f.t_from) >= 10") +
               (needs.longer_than >= 31 ? " OR length(f.t_from) = 7" : "") + "), 0)";
  }
  return q;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> Store::candidate_plans(
    const std::vector<rules::RuleFile>& rules) {
  std::vector<std::pair<std::string, std::string>> plans;
  for (const auto& file : rules)
    for (const auto& rule : file.rules)
      if (auto q = candidate_query(rule)) {
        Stmt s(db_, ("EXPLAIN QUERY PLAN " + q->sql).c_str());
        std::string plan;
        while (s.step()) plan += (plan.empty() ? "" : "; ") + s.text(3);
        plans.emplace_back(rule.id, plan);
      }
  return plans;
}

std::vector<Fact> Store::candidates(const std::vector<Fact>& facts,
                                    const std::vector<rules::RuleFile>& rules, bool with_sentences,
                                    const std::set<std::int64_t>& left_out) {
  std::unordered_set<std::pair<std::int64_t, std::int64_t>, PairHash> seen;  // (doc, n)
  std::deque<Fact> out;                                                      // no copy as it grows
  std::vector<std::pair<std::int64_t, std::int64_t>> keys;                   // out[i]'s (doc, n)
  std::size_t queries = 0, rows = 0;
  SharedTexts texts;
  std::set<std::string> asked;  // query and values, each asked once
  for (const auto& file : rules)
    for (const auto& rule : file.rules) {
      auto query = candidate_query(rule);
      if (!query) continue;
      const std::vector<std::string>& fields = query->fields;
      const bool family_added = query->family_added;
      const std::string& sql = query->sql;
      Stmt s(db_, sql.c_str());
      const std::size_t rows_before = rows;
      for (const auto& fact : facts) {
        if (std::find(rule.about.begin(), rule.about.end(), fact.kind) == rule.about.end())
          continue;
        std::vector<std::string> values;
        bool complete = true;
        for (const auto& f : fields) {
          if (f == "time") {
            if (!fact.time)
              complete = false;
            else
              values.insert(values.end(),
                            {to_string(fact.time->op), fact.time->from_iso(), fact.time->to_iso()});
            continue;
          }
          std::string v = f == "kind"        ? fact.kind
                          : f == "subject"   ? fact.subject.str()
                          : f == "predicate" ? fact.predicate.str()
                          : f == "family"    ? fact.family.str()
                          : f == "object"    ? fact.object.str()
                          : f == "polarity"  ? fact.polarity
                                             : (fact.source ? fact.source->entity.str() : "");
          // a join field left empty groups nothing; the family added above may be empty
          if (v.empty() && !(f == "family" && family_added)) complete = false;
          values.push_back(v);
        }
        if (!complete) continue;  // the evaluator would not group it either
        std::string key = sql;
        for (const auto& v : values) key += '\x1f' + v;
        if (!asked.insert(key).second) continue;
        s.reset();
        int i = 1;
        for (const auto& v : values) s.bind(i++, v);
        ++queries;
        const bool one = rule.pair == "single";
        while (s.step()) {
          ++rows;
          if (std::pair key{s.integer(0), s.integer(1)}; seen.insert(key).second)
            out.push_back(read_fact(s, texts)), keys.push_back(key);
          if (one && !left_out.count(s.integer(0))) break;  // the key is not single-source
        }
      }
      spdlog::debug("candidates of rule {}: {} rows", rule.id, rows - rows_before);
    }
  spdlog::debug("candidates: {} queries, {} rows, {} facts", queries, rows, out.size());
  // stored documents in id order, facts in document order, as the evaluator expects
  std::vector<std::pair<std::pair<std::int64_t, std::int64_t>, std::size_t>> order;
  order.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) order.emplace_back(keys[i], i);
  std::sort(order.begin(), order.end());
  std::vector<Fact> sorted;
  sorted.reserve(out.size());
  for (const auto& o : order) sorted.push_back(std::move(out[o.second]));
  if (with_sentences) read_sentences(sorted);
  return sorted;
}

void Store::read_sentences(std::vector<Fact>& facts) {
  // each read once, in (document, number) order (facts come in document order):
  // neighbouring rows of the table
  auto started = std::chrono::steady_clock::now();
  std::unordered_map<std::pair<std::int64_t, std::int64_t>, SharedText, PairHash> sentences;
  Stmt text(db_, "SELECT text FROM sentences WHERE doc = ? AND n = ?");
  for (auto& f : facts) {
    if (!f.text.empty() || f.doc.size() < 2 || f.doc[0] != 'S') continue;
    const std::int64_t doc = std::stoll(f.doc.substr(1));
    auto [sentence, fresh] = sentences.try_emplace({doc, f.sentence});
    if (fresh) {
      text.reset();
      text.bind(1, doc).bind(2, static_cast<std::int64_t>(f.sentence));
      if (text.step()) sentence->second = std::string(text.view(0));
    }
    f.text = sentence->second;
  }
  spdlog::debug(
      "{} sentences read in {:.1f} ms", sentences.size(),
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
          .count());
}

Store::Check Store::check() {
  Check c;
  {
    Stmt s(db_, "PRAGMA integrity_check");
    while (s.step())
      if (s.text(0) != "ok") c.problems.push_back("integrity: " + s.text(0));
  }
  {
    Stmt s(db_, "PRAGMA foreign_key_check");
    while (s.step()) c.problems.push_back("foreign key: a row of " + s.text(0) + " has no parent");
  }
  {
    Stmt s(db_,
           "SELECT d.id, d.fact_count, (SELECT count(*) FROM facts f WHERE f.doc = d.id) AS n"
           " FROM documents d WHERE n != d.fact_count");
    while (s.step())
      c.problems.push_back("document " + std::to_string(s.integer(0)) + ": " +
                           std::to_string(s.integer(2)) + " facts stored, " +
                           std::to_string(s.integer(1)) + " expected");
  }
  {
    // the counts kept in metadata against the tables they count
    Stmt s(db_,
           "SELECT k.key, coalesce(m.value, 0), k.counted FROM ("
           " SELECT 'documents' AS key, count(*) AS counted FROM documents"
           " UNION ALL SELECT 'facts', coalesce(sum(fact_count), 0) FROM documents"
           " UNION ALL SELECT 'extractor ' || extractor, count(*) FROM documents GROUP BY extractor"
           " UNION ALL SELECT key, 0 FROM metadata WHERE key LIKE 'extractor %'"
           "  AND substr(key, 11) NOT IN (SELECT extractor FROM documents)"
           ") k LEFT JOIN metadata m ON m.key = k.key WHERE coalesce(m.value, 0) != k.counted");
    while (s.step())
      c.problems.push_back("metadata: " + s.text(0) + " counted " + std::to_string(s.integer(1)) +
                           ", " + std::to_string(s.integer(2)) + " stored");
  }
  c.ok = c.problems.empty();
  return c;
}

std::int64_t Store::metadata(const std::string& key) {
  Stmt& s = statements().metadata;
  s.reset();
  s.bind(1, key);
  std::int64_t value = s.step() ? s.integer(0) : 0;
  s.reset();
  return value;
}

Store::Info Store::info(const std::string& current_extractor) {
  Info i;
  i.schema_version = schema_version();
  // from the counts the triggers keep (schema version 3): no scan of the corpus
  const std::int64_t documents = metadata("documents");
  i.documents = static_cast<std::size_t>(documents);
  i.facts = static_cast<std::size_t>(metadata("facts"));
  i.stale = static_cast<std::size_t>(documents - metadata("extractor " + current_extractor));
  std::error_code ec;
  i.file_bytes = static_cast<std::size_t>(std::filesystem::file_size(path_, ec));
  return i;
}

}  // namespace claimcheck::store
