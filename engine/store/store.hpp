// The corpus store: documents and their facts in one SQLite file, so that a new article
// can be checked against everything read before. Versioned schema with forward
// migrations (PRAGMA user_version), WAL mode, one transaction per document, prepared
// statements only, and indexes on the join keys the rules use.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/document.hpp"
#include "engine/fact.hpp"
#include "engine/rules/ast.hpp"

namespace claimcheck::store {

/// The schema version this build writes; older files are migrated forward on opening
/// for writing, newer ones are refused.
constexpr int kSchemaVersion = 4;

/// A database that cannot be used: not SQLite, not a claimcheck corpus, from a newer
/// claimcheck, missing, or failing. Reported like bad input (exit 3).
class StoreError : public InputError {
 public:
  using InputError::InputError;
};

struct StoredDocument {
  std::int64_t id = 0;
  std::string hash, path, title, source, date, lang, url, extractor, ingested_at;
  std::size_t fact_count = 0, size = 0;
};

/// The report id of a stored document ("S12"): distinct from the A, B, … of new ones.
std::string stored_id(std::int64_t id);

class Store {
 public:
  enum class Mode { read_only, read_write };

  /// Opens (read_write: creates) the corpus at `path`. Every check is made on a
  /// read-only connection first, so a file that is refused is never modified.
  static Store open(const std::filesystem::path& path, Mode mode);
  /// Creates a corpus at the given older schema version (for migration tests).
  static void create_at_version(const std::filesystem::path& path, int version);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) = delete;
  ~Store();

  int schema_version();
  const std::filesystem::path& path() const { return path_; }

  struct Ingested {
    std::int64_t id = 0;
    bool added = false;  ///< false: the same content was already stored
  };
  /// Stores a document (its original bytes and metadata) and its facts in one
  /// transaction (or the open Batch's), unless a document with the same content hash is
  /// already stored. The hash is the SHA-256 of the bytes unless `content_hash` is given
  /// (a JSON line's document is known by its id and metadata too).
  Ingested ingest(const Document& doc, const std::vector<Fact>& facts, const std::string& extractor,
                  const std::string& content_hash = "");

  /// One transaction for many documents: every ingest() while it is open joins it, and
  /// they are stored together on commit(), or none of them when the Batch is left
  /// without it (an error, a killed process).
  class Batch {
   public:
    explicit Batch(Store& store);
    ~Batch();
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    void commit();

   private:
    Store& store_;
  };
  /// Replaces a stored document's facts (re-extraction), in one transaction.
  void replace_facts(std::int64_t id, const std::vector<Fact>& facts, const std::string& extractor);

  std::optional<std::int64_t> find_hash(const std::string& hash);
  std::vector<StoredDocument> list();
  std::optional<StoredDocument> document(std::int64_t id);
  /// The stored document as read: bytes, metadata, report id "S<id>".
  Document load_document(std::int64_t id, bool with_bytes = true);
  std::vector<Fact> load_facts(std::int64_t id);
  /// Removes a document and (by cascade) its facts. False when there is none.
  bool remove(std::int64_t id);

  /// Stored facts that share a join key of some cross-document rule with one of
  /// `facts`, found by indexed queries; each carries its stored document's report id.
  /// With `with_sentences` false their `text` is left empty, for read_sentences() to fill
  /// in for the few that a report shows (rules never read it).
  /// A `single` rule needs one stored fact of a key to know that the key is not a single
  /// source's: one is read, from a document other than `left_out` (stored copies of the
  /// new documents, which the caller drops).
  std::vector<Fact> candidates(const std::vector<Fact>& facts,
                               const std::vector<rules::RuleFile>& rules,
                               bool with_sentences = true,
                               const std::set<std::int64_t>& left_out = {});
  /// Fills in the sentence (`text`) of every stored fact ("S<id>") of `facts` that has none,
  /// each sentence read once.
  void read_sentences(std::vector<Fact>& facts);
  /// SQLite's plan of each rule's candidate query (EXPLAIN QUERY PLAN, its steps joined by
  /// "; "), by rule id: how to tell that every join key is found through an index.
  std::vector<std::pair<std::string, std::string>> candidate_plans(
      const std::vector<rules::RuleFile>& rules);

  struct Check {
    bool ok = true;
    std::vector<std::string> problems;
  };
  /// PRAGMA integrity_check and foreign_key_check, every document's facts complete, and
  /// the counts in the metadata table right.
  Check check();

  struct Info {
    int schema_version = 0;
    std::size_t documents = 0, facts = 0, file_bytes = 0;
    std::size_t stale = 0;  ///< documents extracted by another extractor version
  };
  /// The counts from the metadata table, which the schema's triggers keep up to date:
  /// no scan of the corpus, so a check against a large corpus stays quick.
  Info info(const std::string& current_extractor);

 private:
  Store(sqlite3* db, std::filesystem::path path);
  struct Statements;  ///< prepared once, reused for every document
  Statements& statements();
  std::int64_t metadata(const std::string& key);
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
  std::unique_ptr<Statements> statements_;
  bool in_batch_ = false;
};

}  // namespace claimcheck::store
