// Per-word dispatch: one table that says, for a word, which of a grammar's scanning rules
// can start there (a time, a quantity, an entity, a predicate, a cue…), so that the scanner
// tries only those and skips a word that starts nothing after one lookup. Each grammar
// fills it from its lexicon forms (the first word of every form, with the rules that may
// begin with that table) and from the literal words its rules begin with; the scanner asks
// `at(word)`. No X3 here: the table is language-neutral and every grammar uses it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

/// The scanning rules a word may start, as bits.
enum StartRule : std::uint32_t {
  start_time = 1u << 0,
  start_quantity = 1u << 1,
  start_entity = 1u << 2,
  start_predicate = 1u << 3,
  start_attribution = 1u << 4,
  start_preposition = 1u << 5,
  start_clause = 1u << 6,
  start_dual = 1u << 7,  ///< not a rule: a word that may be a dual standing alone (ضابطين)
  start_time_part = 1u << 8,  ///< not a rule: a word a time may go on with (مطلع العام)
  start_all = (1u << 9) - 1,
};
using StartMask = std::uint32_t;

class WordStarts {
 public:
  WordStarts();
  WordStarts(const WordStarts&) = delete;
  WordStarts& operator=(const WordStarts&) = delete;

  /// Letters that may stand attached in front of a word without changing what it starts
  /// (Arabic و ف ب ل ك and the article's ا ل), and how many of them at most (up to 8).
  void set_prefix_letters(std::u32string_view letters, int max);

  /// Records that rules `mask` may begin with `form`: its first word (up to the first
  /// character that is no word character) is a head. A word may start those rules when
  /// it is a head, or a head after a run of prefix letters (والمغرب، للمغرب). A form of
  /// two words or more (في حدود، على الأقل) starts them only before its second word: the
  /// next word is that word, or begins with it when the form ends there.
  void add(std::u32string_view form, StartMask mask);

  /// Records that rules `mask` may begin with the one-word `form` (a cue: منذ، في، من)
  /// only where the word after it may start one of `next` (add for a form of several
  /// words). Where no word follows its space, or another character does, it may start
  /// them all the same.
  void add_before(std::u32string_view form, StartMask mask, StartMask next);

  /// The rules that may start at `word` (one word: a maximal run of word characters),
  /// whatever follows it. `start_all` for a word the table cannot judge (it holds a digit
  /// or is empty).
  StartMask at(std::u32string_view word) const;

  /// The same for `word` followed by `after` (the rest of the text a rule may read, up to
  /// the end of the sentence): the forms of several words count only where their second
  /// word follows.
  StartMask at(std::u32string_view word, std::u32string_view after) const;

  /// How many heads the table holds.
  std::size_t size() const { return heads_.size(); }

  /// Whether scanners consult the table (on by default; the environment variable
  /// CLAIMCHECK_DISPATCH=0 turns it off). Off, every rule is tried at every word: the
  /// reference the dispatch is tested and measured against.
  static void set_enabled(bool on);
  static bool enabled();

 private:
  /// Rules that a head starts only before a given word (the second of a form).
  struct Follow {
    std::u32string word;
    bool whole = false;  ///< the form goes on after it: the next word is exactly it
    StartMask mask = 0;
  };
  /// Rules that a head starts only before a word that may start `next` (add_before).
  struct Before {
    StartMask mask = 0, next = 0;
  };
  struct Head {
    std::u32string word;
    StartMask mask = 0;  ///< what the head starts, whatever follows
    StartMask any = 0;   ///< mask and every conditional mask (at without what follows)
    std::vector<Follow> follows;
    std::vector<Before> before;
  };
  /// A place of the open-addressing table: a head's hash and index (any == 0: empty).
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t head = 0;
    StartMask any = 0;
  };
  static constexpr int kMaxPrefix = 8;
  static constexpr std::uint64_t kHashSeed = 0xcbf29ce484222325ull;
  static std::uint64_t hash_step(std::uint64_t h, char32_t c) { return (h ^ c) * 0x100000001b3ull; }
  static std::uint64_t hash_mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 33);
  }
  static std::uint64_t hash(std::u32string_view word);
  const Head* lookup(std::u32string_view word, std::uint64_t h) const;
  Head& head_for(std::u32string_view word, StartMask mask);
  void place(std::uint32_t head, std::uint64_t h);
  void grow();
  std::size_t filter_word(std::uint64_t h) const { return h & (filter_.size() - 1); }
  static std::uint64_t filter_bits(std::uint64_t h) {
    return std::uint64_t{1} << (h >> 40 & 63) | std::uint64_t{1} << (h >> 52 & 63);
  }
  template <typename Answer>
  StartMask at_each(std::u32string_view word, Answer&& answer) const;

  // A filter of the heads' hashes (two bits a head in one word of 64, in a table a few
  // times the heads' number, a power of two: most words that start nothing are told in
  // one probe of memory), then an open-addressing table of the heads' hashes and indexes
  // (16 bytes a place), then the heads themselves.
  std::vector<std::uint64_t> filter_;
  std::vector<Slot> slots_;
  std::vector<Head> heads_;
  std::u32string prefix_letters_;
  int max_prefix_ = 0;
  char32_t prefix_base_ = 0;       ///< the lowest prefix letter
  std::uint64_t prefix_bits_ = 0;  ///< the prefix letters from it, when within 64 of it
  bool is_prefix_letter(char32_t c) const {
    if (prefix_bits_)
      return c >= prefix_base_ && c - prefix_base_ < 64 && (prefix_bits_ >> (c - prefix_base_) & 1);
    return prefix_letters_.find(c) != std::u32string::npos;
  }
};

}  // namespace claimcheck
