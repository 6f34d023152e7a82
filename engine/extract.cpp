// Claim assembly from grammar pieces. The rules here are general discourse rules of news
// text, documented in docs/extraction.md: the verb before a count governs it unless a
// preposition intervenes; a count with no verb takes its noun's default predicate, or
// restates the latest figure about the same thing; times are inherited within a section;
// sources come from attribution cues, else the paragraph's, else the document's.
#include "engine/extract.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>
#include <unordered_map>

#include "engine/dates.hpp"
#include "grammar/language.hpp"
#include "grammar/text.hpp"

namespace claimcheck {
namespace {

struct Date {
  int y = 0, m = 0, d = 0;
};

std::optional<Date> parse_iso_date(const std::string& s) {
  Date d;
  if (s.size() >= 4 && std::sscanf(s.c_str(), "%4d", &d.y) == 1) {
    if (s.size() >= 7) std::sscanf(s.c_str() + 5, "%2d", &d.m);
    if (s.size() >= 10) std::sscanf(s.c_str() + 8, "%2d", &d.d);
    return d;
  }
  return std::nullopt;
}

/// Stands for the document's main subject until the whole document has been read.
const std::string kMainSubject = "\x01main";

/// What the assembly knows while it reads a document line by line.
struct DocState {
  const Lexicon& lex;
  const Document& doc;
  const NormalisedText* norm = nullptr;  ///< the current line
  std::size_t line_offset = 0;           ///< byte offset of the current line in the file
  std::string main_subject = kMainSubject;
  std::optional<Date> date;
};

std::string original(const DocState& st, Span span) {
  auto [b, e] = st.norm->bytes(span.begin, span.end);
  return st.doc.content().substr(st.line_offset + b, e - b);
}

std::optional<FactTime> resolve_time(const DocState& st, const TimePiece& t) {
  FactTime ft;
  ft.text = original(st, t.span);
  auto point = [&](int y, int m, int d) -> std::string {
    if (y == 0) {
      if (!st.date) return "";
      y = st.date->y;
    }
    return iso_date(y, m, d);
  };
  std::string relative;
  if (t.relative >= 0) {
    if (!st.date) return std::nullopt;
    const auto& rel = st.lex.relative(t.relative);
    using namespace std::chrono;
    if (rel.unit == 'w' || rel.unit == 'n' || rel.unit == 'D')
      return std::nullopt;  // not spans facts keep
    if (rel.unit == 'y') {
      relative = iso_date(st.date->y + rel.offset);
    } else if (rel.unit == 'm') {
      if (st.date->m == 0) return std::nullopt;
      int months = st.date->y * 12 + (st.date->m - 1) + rel.offset;
      relative = iso_date(months / 12, months % 12 + 1);
    } else {
      if (st.date->d == 0) return std::nullopt;
      sys_days day = year_month_day{year{st.date->y}, month{static_cast<unsigned>(st.date->m)},
                                    std::chrono::day{static_cast<unsigned>(st.date->d)}};
      year_month_day r{day + days{rel.offset}};
      relative = iso_date(int(r.year()), int(unsigned(r.month())), int(unsigned(r.day())));
    }
  }
  std::string first = t.relative >= 0 ? relative : point(t.y1, t.m1, t.d1);
  switch (t.op) {
    case TimeOp::in:
      ft.op = "in", ft.from = first;
      break;
    case TimeOp::since:
      ft.op = "since", ft.from = first;
      break;
    case TimeOp::until:
      ft.op = "until", ft.to = first;
      break;
    case TimeOp::between:
      ft.op = "between", ft.from = first, ft.to = point(t.y2, t.m2, t.d2);
      break;
  }
  if (ft.from.empty() && ft.to.empty()) return std::nullopt;
  return ft;
}

bool is_country(const Lexicon& lex, const EntityPiece& e) {
  return !e.anaphor && lex.entity(e.entity).type == EntityType::country;
}

/// The country an entity stands for (anaphors: the main subject).
std::string country_of(const DocState& st, const EntityPiece& e) {
  if (e.anaphor) return st.main_subject;
  return st.lex.entity(e.entity).id;
}

/// The id of an organisation, with `*/slug` bound to the country named right after it
/// (a nisba: وزارة الخارجية الأمريكية) or else to the main subject, then canonicalised.
std::string organisation_id(const DocState& st, const SentencePieces& pieces,
                            const EntityPiece& e) {
  std::string id = st.lex.entity(e.entity).id;
  if (id.rfind("*/", 0) == 0) {
    std::string country = st.main_subject;
    for (const auto& next : pieces.entities)
      if (next.span.begin == e.span.end + 1 && is_country(st.lex, next) &&
          st.lex.entity(next.entity).role == EntityRole::adjective)
        country = st.lex.entity(next.entity).id;
    id = country + id.substr(1);
    if (country == kMainSubject) return id;  // canonicalised once the subject is known
  }
  return st.lex.canonical_organisation(id);
}

std::string quantity_op(QuantityOp op) {
  switch (op) {
    case QuantityOp::gt:
      return ">";
    case QuantityOp::ge:
      return ">=";
    case QuantityOp::lt:
      return "<";
    case QuantityOp::le:
      return "<=";
    case QuantityOp::approx:
      return "~";
    case QuantityOp::between:
      return "between";
    default:
      return "=";
  }
}

/// Counts country mentions to elect the document's main subject: the most mentioned,
/// the first mentioned on a tie.
struct SubjectTally {
  std::map<std::string, std::pair<int, std::size_t>> counts;  // id → (count, first seen)
  std::size_t order = 0;

  void note(const Lexicon& lex, const EntityPiece& e) {
    if (e.anaphor || lex.entity(e.entity).type != EntityType::country) return;
    ++counts.try_emplace(lex.entity(e.entity).id, 0, order++).first->second.first;
  }
  void note(const Lexicon& lex, const SentencePieces& s) {
    for (const auto& e : s.entities) note(lex, e);
    for (const auto& l : s.lists)
      for (const auto& m : l.members) note(lex, m);
  }
  std::string winner() const {
    std::string best;
    std::pair<int, std::size_t> score{0, 0};
    for (const auto& [id, c] : counts)
      if (c.first > score.first || (c.first == score.first && c.second < score.second))
        best = id, score = c;
    return best;
  }
};

/// What earlier counts said, indexed so that each new count looks it up in constant time.
struct FactMemory {
  /// (generic object, op, value) → the specific object that figure was first given for
  std::unordered_map<std::string, const ObjectInfo*> restated;
  /// object → (predicate, family) of the latest count of it with a predicate
  std::unordered_map<std::string, std::pair<std::string, std::string>> predicate_of;

  static std::string figure_key(const std::string& object, const FactQuantity& q) {
    return object + '\x1f' + q.op + '\x1f' + std::to_string(q.value);
  }
  void remember(const Fact& f, const ObjectInfo* object) {
    if (!object) return;
    if (!f.predicate.empty()) predicate_of[object->id] = {f.predicate, f.family};
    for (const auto& head : object->heads) restated[figure_key(head, *f.quantity)] = object;
  }
};

/// Replaces the main-subject placeholder once the document has been read.
void resolve_main_subject(const Lexicon& lex, std::vector<Fact>& facts, const std::string& main) {
  auto fix = [&](std::string& id) {
    if (id.rfind(kMainSubject, 0) != 0) return;
    if (main.empty()) {
      id.clear();
      return;
    }
    bool organisation = id.size() > kMainSubject.size();
    id = main + id.substr(kMainSubject.size());
    if (organisation) id = lex.canonical_organisation(id);
  };
  for (auto& f : facts) {
    bool subject_was_main = f.subject == kMainSubject;
    fix(f.subject);
    fix(f.object);
    if (f.source) fix(f.source->entity);
    for (auto& m : f.members) fix(m);
    if (subject_was_main)
      f.members.erase(std::remove(f.members.begin(), f.members.end(), f.subject), f.members.end());
  }
}

}  // namespace

/// Where a piece of an overlong line ends: after the last sentence end (. ! ? ؟ ؛ and a
/// space) before `limit`, else at the last space, else at a character boundary.
std::size_t piece_end(std::string_view text, std::size_t start, std::size_t limit) {
  std::size_t space = std::string_view::npos;
  for (std::size_t i = limit; i > start + (limit - start) / 2; --i) {
    if (text[i] != ' ') continue;
    if (space == std::string_view::npos) space = i;
    char p = text[i - 1];
    if (p == '.' || p == '!' || p == '?' ||
        (i >= 2 && static_cast<unsigned char>(text[i - 2]) == 0xD8 &&
         (static_cast<unsigned char>(p) == 0x9F || static_cast<unsigned char>(p) == 0x9B)))
      return i + 1;
  }
  if (space != std::string_view::npos) return space + 1;
  std::size_t i = limit;
  while (i > start && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

/// Warns of digit runs too long to be read as a figure (decimal takes 15 digits), once
/// per run and at most a few times per document.
void warn_long_numbers(const Document& doc, std::string_view piece, std::size_t offset,
                       int& warned) {
  for (std::size_t i = 0; i < piece.size() && warned < 3;) {
    if (piece[i] < '0' || piece[i] > '9') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < piece.size() && piece[j] >= '0' && piece[j] <= '9') ++j;
    if (j - i > 15) {
      spdlog::warn(
          "{}: byte {}: a number of {} digits is out of the range claimcheck reads "
          "(15 digits); it is not taken as a figure",
          doc.path, doc.original_span(offset + i, offset + i).first, j - i);
      ++warned;
    }
    i = j;
  }
}

std::vector<Fact> extract_facts(const Lexicon& lex, const Document& doc,
                                const ExtractOptions& options) {
  const Grammar* grammar = grammar_for(doc);  // throws for a language without a grammar
  if (!grammar) return {};
  const auto started = std::chrono::steady_clock::now();
  auto check_budget = [&] {
    if (options.budget.count() > 0 && std::chrono::steady_clock::now() - started > options.budget)
      throw BudgetExceeded(doc.path + ": skipped: extraction took longer than its budget of " +
                           std::to_string(options.budget.count() / 1000.0).substr(0, 5) + " s");
  };
  int long_numbers = 0;
  DocState st{lex, doc, nullptr, 0, kMainSubject, parse_iso_date(doc.date)};
  SubjectTally tally;
  FactMemory memory;
  // Room for a fact every 64 bytes is reserved up front. Pages the facts never reach are
  // never touched, so this costs address space, not memory; growing by doubling instead
  // would hold every fact twice at its peak.
  std::vector<Fact> facts;
  facts.reserve(std::min<std::size_t>(doc.content().size() / 64 + 16, std::size_t{1} << 22));
  std::optional<FactTime> section_time;
  int section = 0, paragraph = -1, sentence_number = 0;
  std::optional<FactSource> paragraph_source;

  // Sentences never cross a line, so the document is read a line at a time: memory stays
  // bounded by the longest line, not the whole document.
  // Offsets below are in content(): the file's bytes, or an HTML page's text (mapped back
  // to the page's bytes at the end).
  const std::string& src = doc.content();
  std::size_t line_start = std::min(doc.content_begin(), src.size());
  bool continued = false;  // this piece continues the line (and paragraph) before it
  while (line_start < src.size()) {
    check_budget();
    std::size_t line_end = src.find('\n', line_start);
    if (line_end == std::string::npos) line_end = src.size();
    std::size_t next = line_end + 1;
    const bool piece = line_end - line_start > kMaxPiece;
    if (piece) line_end = next = piece_end(src, line_start, line_start + kMaxPiece);
    std::string_view line(src.data() + line_start, line_end - line_start);
    warn_long_numbers(doc, line, line_start, long_numbers);
    st.line_offset = line_start;
    line_start = next;
    const bool continuation = continued;
    continued = piece;
    NormalisedText norm = normalise(line);
    st.norm = &norm;
    auto sentences = grammar->sentences(norm.text);
    if (sentences.empty()) continue;
    if (!continuation) {
      ++paragraph;
      paragraph_source.reset();
    }
    if (!continuation && sentences.front().heading && sentence_number > 0)
      ++section, section_time.reset();
    for (std::size_t si = 0; si < sentences.size(); ++si) {
      const std::size_t sentence_first_fact = facts.size();
      if (si % 64 == 63) check_budget();
      const auto& sent = sentences[si];
      const SentencePieces ps = grammar->scan(lex, norm.text, Span{sent.begin, sent.end});
      tally.note(lex, ps);
      ++sentence_number;
      const SharedText sentence_text = original(st, Span{sent.begin, sent.end});

      // explicit times of this sentence
      std::vector<std::pair<Span, FactTime>> times;
      for (const auto& t : ps.times)
        if (auto ft = resolve_time(st, t)) times.emplace_back(t.span, *ft);

      // attribution: an organisation within six words after a cue, or a country right after it
      std::optional<FactSource> sentence_source;
      for (const auto& cue : ps.attributions) {
        auto words_between = [&](std::uint32_t from, std::uint32_t to) {
          int n = 0;
          for (auto i = from; i < to; ++i) n += norm.text[i] == U' ';
          return n;
        };
        for (const auto& e : ps.entities) {
          if (e.span.begin < cue.span.end || e.anaphor || e.preceding != Preceding::none) continue;
          int gap = words_between(cue.span.end, e.span.begin);
          const auto& info = lex.entity(e.entity);
          std::string id;
          if (info.type == EntityType::organisation && gap <= 4)
            id = organisation_id(st, ps, e);
          else if (info.type == EntityType::country && info.role == EntityRole::name && gap <= 1)
            id = info.id;
          if (id.empty()) continue;
          sentence_source = FactSource{id, original(st, cue.span),
                                       original(st, Span{cue.span.begin, e.span.end})};
          break;
        }
        if (sentence_source) break;
      }
      if (sentence_source) paragraph_source = sentence_source;
      auto source_for = [&]() -> std::optional<FactSource> {
        if (paragraph_source) return paragraph_source;
        if (!doc.source.empty()) return FactSource{doc.source, {}, {}};
        return std::nullopt;
      };

      auto nearest_time = [&](Span anchor) -> std::optional<FactTime> {
        const FactTime* best = nullptr;
        std::uint32_t best_dist = UINT32_MAX;
        for (const auto& [span, ft] : times) {
          std::uint32_t dist = span.begin >= anchor.end   ? span.begin - anchor.end
                               : anchor.begin >= span.end ? anchor.begin - span.end
                                                          : 0;
          if (dist < best_dist) best = &ft, best_dist = dist;
        }
        if (best) return *best;
        if (section_time) {
          FactTime inherited = *section_time;
          inherited.inherited = true;
          return inherited;
        }
        return std::nullopt;
      };

      // subject candidates: countries and anaphors outside lists, not after a preposition
      auto subject_before = [&](std::uint32_t pos, auto&& excluded) -> std::string {
        const EntityPiece* best = nullptr;
        for (const auto& e : ps.entities) {
          if (e.span.begin >= pos || e.preceding != Preceding::none || excluded(e)) continue;
          if (e.anaphor || lex.entity(e.entity).type == EntityType::country) best = &e;
        }
        return best ? country_of(st, *best) : st.main_subject;
      };
      auto no_exclusion = [](const EntityPiece&) { return false; };

      auto make_fact = [&](std::string kind, Span anchor) {
        Fact f;
        f.doc = doc.id;
        f.kind = std::move(kind);
        f.sentence = sentence_number;
        f.text = sentence_text;
        auto [b, e] = norm.bytes(anchor.begin, anchor.end);
        f.span_begin = st.line_offset + b;
        f.span_end = st.line_offset + e;
        f.source = source_for();
        return f;
      };
      auto set_predicate = [&](Fact& f, const PredicateInfo& p) {
        f.predicate = p.id;
        f.family = p.family;
      };

      // counts and measures
      for (const auto& q : ps.quantities) {
        if (q.object < 0 && !q.percent && q.unit < 0) continue;  // a bare number is not a claim
        Fact f = make_fact(q.percent || q.unit >= 0 ? "measure" : "count", q.span);
        Span anchor = q.span;
        FactQuantity fq;
        fq.op = quantity_op(q.op);
        fq.value = q.value;
        if (q.op == QuantityOp::between) fq.upper = q.upper;
        if (q.percent) fq.unit = "percent";
        if (q.unit >= 0) {  // in base units: 0.5 طن = 500,000 gram; currencies as ISO 4217
          const UnitInfo& unit = lex.unit(q.unit);
          fq.unit = unit.base;
          fq.value *= unit.factor;
          if (fq.upper) *fq.upper *= unit.factor;
          f.object = unit.base;  // what is measured: amounts in one unit compare
        }
        fq.text = original(st, q.span);
        f.quantity = fq;
        if (q.absence) f.polarity = "negative";

        const ObjectInfo* object = q.object >= 0 ? &lex.object(q.object) : nullptr;
        // a figure restated with a generic noun refers to the more specific thing it was
        // first given for (200 خلية إرهابية … 200 خلية → terrorist_cell)
        if (object) {
          auto restated = memory.restated.find(FactMemory::figure_key(object->id, fq));
          if (restated != memory.restated.end()) object = restated->second;
          f.object = object->id;
        }
        // the predicate: the verb before the count, unless a preposition intervenes
        const PredicatePiece* verb = nullptr;
        if (!q.absence && q.preceding == Preceding::none)
          for (const auto& p : ps.predicates)
            if (p.span.end <= q.span.begin) {
              auto kind = lex.predicate(p.predicate).kind;
              if (kind == PredicateKind::action || kind == PredicateKind::existence) verb = &p;
            }
        if (verb) {
          set_predicate(f, lex.predicate(verb->predicate));
          anchor.begin = std::min(anchor.begin, verb->span.begin);
        } else if (object && !object->default_predicate.empty()) {
          if (const auto* p = lex.find_predicate(object->default_predicate)) set_predicate(f, *p);
        } else if (object) {
          auto earlier = memory.predicate_of.find(object->id);
          if (earlier != memory.predicate_of.end())
            f.predicate = earlier->second.first, f.family = earlier->second.second;
        }
        f.subject = subject_before(anchor.begin, no_exclusion);
        f.time = nearest_time(q.span);
        auto [b, e] = norm.bytes(anchor.begin, anchor.end);
        f.span_begin = st.line_offset + b, f.span_end = st.line_offset + e;
        memory.remember(f, object);
        facts.push_back(std::move(f));
      }

      // sets: coordinated lists of two or more countries
      for (const auto& l : ps.lists) {
        std::vector<std::string> members;
        for (const auto& m : l.members)
          if (is_country(lex, m)) {
            const auto& id = lex.entity(m.entity).id;
            if (std::find(members.begin(), members.end(), id) == members.end())
              members.push_back(id);
          }
        if (members.size() < 2) continue;
        Fact f = make_fact("set", l.span);
        f.subject = subject_before(l.span.begin, no_exclusion);
        members.erase(std::remove(members.begin(), members.end(), f.subject), members.end());
        f.members = members;
        const PredicatePiece* verb = nullptr;
        for (const auto& p : ps.predicates)
          if (p.span.end <= l.span.begin &&
              lex.predicate(p.predicate).kind == PredicateKind::action)
            verb = &p;
        if (!verb)
          for (const auto& p : ps.predicates)
            if (p.span.begin >= l.span.end &&
                lex.predicate(p.predicate).kind == PredicateKind::action) {
              verb = &p;
              break;
            }
        if (verb) set_predicate(f, lex.predicate(verb->predicate));
        f.time = nearest_time(l.span);
        facts.push_back(std::move(f));
      }

      // memberships: عضو في ORG، رئاسة ORG مع COUNTRY
      std::vector<std::string> membership_objects;  // their organisations cannot be members
      for (std::size_t pi = 0; pi < ps.predicates.size(); ++pi) {
        const auto& p = ps.predicates[pi];
        const auto& info = lex.predicate(p.predicate);
        if (info.kind != PredicateKind::membership) continue;
        std::uint32_t limit = sent.end;
        for (std::size_t pj = pi + 1; pj < ps.predicates.size(); ++pj)
          if (lex.predicate(ps.predicates[pj].predicate).kind == PredicateKind::membership) {
            limit = ps.predicates[pj].span.begin;
            break;
          }
        const EntityPiece* org = nullptr;
        std::vector<std::string> with;
        for (const auto& e : ps.entities) {
          if (e.span.begin < p.span.end || e.span.begin >= limit || e.anaphor) continue;
          const auto& ei = lex.entity(e.entity);
          if (!org && ei.type == EntityType::organisation) org = &e;
          if (ei.type == EntityType::country && e.preceding == Preceding::comitative)
            with.push_back(ei.id);
        }
        if (!org) continue;
        membership_objects.push_back(lex.entity(org->entity).id);
        Fact f = make_fact("membership", Span{p.span.begin, org->span.end});
        const PredicateInfo* pred = &info;
        if (info.id == "chair" && !with.empty())
          if (const auto* co = lex.find_predicate("co_chair")) pred = co;
        set_predicate(f, *pred);
        f.object = organisation_id(st, ps, *org);
        f.members = with;
        // the member: the nearest country or organisation before the cue that is not a
        // co-participant or the organisation of an earlier membership
        const EntityPiece* member = nullptr;
        for (const auto& e : ps.entities) {
          if (e.span.begin >= p.span.begin || e.preceding != Preceding::none) continue;
          if (!e.anaphor && std::find(membership_objects.begin(), membership_objects.end(),
                                      lex.entity(e.entity).id) != membership_objects.end())
            continue;
          member = &e;
        }
        if (!member)
          f.subject = st.main_subject;
        else if (member->anaphor || lex.entity(member->entity).type == EntityType::country)
          f.subject = country_of(st, *member);
        else
          f.subject = organisation_id(st, ps, *member);
        f.time = nearest_time(p.span);
        if (f.time && f.time->inherited) f.time.reset();
        facts.push_back(std::move(f));
      }

      // events: an event noun or verb with an explicit time in the sentence
      for (std::size_t pi = 0; pi < ps.predicates.size(); ++pi) {
        const auto& p = ps.predicates[pi];
        const auto& info = lex.predicate(p.predicate);
        if (info.kind != PredicateKind::event || times.empty()) continue;
        Fact f = make_fact("event", p.span);
        set_predicate(f, info);
        f.subject = subject_before(p.span.begin, no_exclusion);
        f.time = nearest_time(p.span);
        facts.push_back(std::move(f));
      }

      if (!times.empty()) section_time = times.back().second;
      // facts come sentence by sentence; within one, in the order of their spans
      std::stable_sort(facts.begin() + static_cast<std::ptrdiff_t>(sentence_first_fact),
                       facts.end(),
                       [](const Fact& a, const Fact& b) { return a.span_begin < b.span_begin; });
    }
  }
  resolve_main_subject(lex, facts, tally.winner());

  if (doc.html)
    for (auto& f : facts)
      std::tie(f.span_begin, f.span_end) = doc.original_span(f.span_begin, f.span_end);
  for (std::size_t i = 0; i < facts.size(); ++i) facts[i].id = doc.id + ":" + std::to_string(i + 1);
  return facts;
}

}  // namespace claimcheck
