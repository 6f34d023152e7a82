// Quantities (qualifiers, ranges, vague amounts, counted nouns, absence), times, entities
// with clitics, lists and predicates, each with cases that must and must not match.
#include "grammar/language.hpp"
#include "tests/support.hpp"

using namespace claimcheck;
using claimcheck::test::arabic;
using claimcheck::test::lexicon;
using claimcheck::test::norm;

namespace {
std::string object_of(const QuantityPiece& q) {
  return q.object < 0 ? "" : lexicon().object(q.object).id;
}
}  // namespace

TEST_CASE("qualifiers become bounds") {
  struct Row {
    const char* text;
    QuantityOp op;
    double value;
    const char* object;
  };
  const Row rows[] = {
      {"أكثر من 200 خلية إرهابية", QuantityOp::gt, 200, "terrorist_cell"},
      {"أكثر من مئتي خلية", QuantityOp::gt, 200, "cell"},
      {"ما يزيد عن 300 شخص", QuantityOp::gt, 300, "person"},
      {"ما لا يقل عن 55 شخصًا", QuantityOp::ge, 55, "person"},
      {"على الأقل 10 أشخاص", QuantityOp::ge, 10, "person"},
      {"10 أشخاص على الأقل", QuantityOp::ge, 10, "person"},
      {"أقل من 5 عمليات", QuantityOp::lt, 5, "operation"},
      {"لا يتجاوز 20 شخصا", QuantityOp::le, 20, "person"},
      {"نحو 150 شخصا", QuantityOp::approx, 150, "person"},
      {"حوالي ألف شخص", QuantityOp::approx, 1000, "person"},
      {"قرابة ثلاثة آلاف شخص", QuantityOp::approx, 3000, "person"},
      {"زهاء 40 خلية", QuantityOp::approx, 40, "cell"},
      {"ما يقارب 12 عملية", QuantityOp::approx, 12, "operation"},
      {"11 عملية لمكافحة الإرهاب", QuantityOp::eq, 11, "counterterrorism_operation"},
      {"٥٥ شخصاً", QuantityOp::eq, 55, "person"},
      {"وأكثر من 7 هجمات إرهابية", QuantityOp::gt, 7, "terrorist_attack"},
      // a noun naming what is bounded between the bound and the number
      {"لا يتعدى عددهم 12 شخصا", QuantityOp::le, 12, "person"},
      {"قاربت قيمة 40 عملية", QuantityOp::approx, 40, "operation"},
      // «at least» after the counted noun and a nisba adjective
      {"خمس دول أوروبية على الأقل", QuantityOp::ge, 5, "country"},
      // the noun written against the digits; a part of a scale restated with the article
      {"ما يقرب من 9أشخاص", QuantityOp::approx, 9, "person"},
      {"ألف ونصف الألف شخص", QuantityOp::eq, 1500, "person"},
  };
  for (const auto& r : rows) {
    std::string shown = r.text;
    CAPTURE(shown);
    auto q = arabic().parse_quantity(lexicon(), norm(r.text));
    REQUIRE(q.has_value());
    CHECK(q->op == r.op);
    CHECK(q->value == r.value);
    CHECK(object_of(*q) == r.object);
  }
}

TEST_CASE("ranges and vague amounts") {
  auto q = arabic().parse_quantity(lexicon(), norm("بين 10 و20 شخصا"));
  REQUIRE(q);
  CHECK(q->op == QuantityOp::between);
  CHECK(q->value == 10);
  CHECK(q->upper == 20);
  q = arabic().parse_quantity(lexicon(), norm("من عشرة إلى عشرين شخصا"));
  REQUIRE(q);
  CHECK(q->op == QuantityOp::between);
  CHECK(q->upper == 20);
  q = arabic().parse_quantity(lexicon(), norm("ما بين 20 إلى 30 شخصا"));
  REQUIRE(q);
  CHECK(q->op == QuantityOp::between);
  CHECK(q->value == 20);
  CHECK(q->upper == 30);
  q = arabic().parse_quantity(lexicon(), norm("عشرات الأشخاص"));
  REQUIRE(q);
  CHECK(q->op == QuantityOp::between);
  CHECK(q->value == 10);
  CHECK(q->upper == 99);
  CHECK(object_of(*q) == "person");
  q = arabic().parse_quantity(lexicon(), norm("مئات الآلاف"));
  REQUIRE(q);
  CHECK(q->value == 100000);
  CHECK(q->upper == 999999);
}

TEST_CASE("percentages") {
  for (const char* text : {"30%", "30 %", "٣٠٪", "30 بالمئة", "30 في المائة"}) {
    std::string shown = text;
    CAPTURE(shown);
    auto q = arabic().parse_quantity(lexicon(), norm(text));
    REQUIRE(q);
    CHECK(q->percent);
    CHECK(q->value == 30);
  }
}

TEST_CASE("absence is a count of zero") {
  for (const char* text : {"لا وجود لهجمات إرهابية", "لم تسجل «أي حوادث إرهابية", "لم يسجل أي هجوم",
                           "لا يوجد أي حادث إرهابي"}) {
    std::string shown = text;
    CAPTURE(shown);
    auto q = arabic().parse_quantity(lexicon(), norm(text));
    REQUIRE(q);
    CHECK(q->absence);
    CHECK(q->value == 0);
  }
  CHECK(object_of(*arabic().parse_quantity(lexicon(), norm("لا توجد حوادث إرهابية"))) ==
        "terrorist_incident");
  CHECK_FALSE(arabic().parse_quantity(lexicon(), norm("لا وجود")).has_value());
}

TEST_CASE("times") {
  struct Row {
    const char* text;
    TimeOp op;
    int y1, m1, d1, y2;
  };
  const Row rows[] = {
      {"عام 2021", TimeOp::in, 2021, 0, 0, 0},
      {"في عام 2003", TimeOp::in, 2003, 0, 0, 0},
      {"خلال سنة 2019", TimeOp::in, 2019, 0, 0, 0},
      {"في 2021", TimeOp::in, 2021, 0, 0, 0},
      {"منذ عام 2002", TimeOp::since, 2002, 0, 0, 0},
      {"منذ 2002", TimeOp::since, 2002, 0, 0, 0},
      {"ومنذ مارس 2020", TimeOp::since, 2020, 3, 0, 0},
      {"حتى 2020", TimeOp::until, 2020, 0, 0, 0},
      {"بين عامي 2015 و2020", TimeOp::between, 2015, 0, 0, 2020},
      {"من 2015 إلى 2020", TimeOp::between, 2015, 0, 0, 2020},
      {"2015-2020", TimeOp::between, 2015, 0, 0, 2020},
      {"9 مارس 2021", TimeOp::in, 2021, 3, 9, 0},
      {"9 آذار/مارس 2021", TimeOp::in, 2021, 3, 9, 0},
      {"١٥ تشرين الأول ٢٠٢٠", TimeOp::in, 2020, 10, 15, 0},
      {"3 كانون الثاني 2019", TimeOp::in, 2019, 1, 3, 0},
      {"في شتنبر 2018", TimeOp::in, 2018, 9, 0, 0},
      {"09/03/2021", TimeOp::in, 2021, 3, 9, 0},
      {"2021-03-09", TimeOp::in, 2021, 3, 9, 0},
      {"لعام 2022", TimeOp::in, 2022, 0, 0, 0},
  };
  for (const auto& r : rows) {
    std::string shown = r.text;
    CAPTURE(shown);
    auto t = arabic().parse_time(lexicon(), norm(r.text));
    REQUIRE(t.has_value());
    CHECK(t->op == r.op);
    CHECK(t->y1 == r.y1);
    CHECK(t->m1 == r.m1);
    CHECK(t->d1 == r.d1);
    CHECK(t->y2 == r.y2);
  }
  auto rel = arabic().parse_time(lexicon(), norm("العام الماضي"));
  REQUIRE(rel);
  CHECK(rel->op == TimeOp::in);
  CHECK(lexicon().relative(rel->relative).offset == -1);
  rel = arabic().parse_time(lexicon(), norm("منذ مطلع العام الجاري"));
  REQUIRE(rel);
  CHECK(rel->op == TimeOp::since);
  CHECK(lexicon().relative(rel->relative).offset == 0);
  for (const char* text :
       {"2021", "في 2500 عملية", "في 11 عملية", "عام", "32 مارس 2021", "2020-2015"}) {
    std::string shown = text;
    CAPTURE(shown);
    CHECK_FALSE(arabic().parse_time(lexicon(), norm(text)).has_value());
  }
}

TEST_CASE("entities with clitics resolve to ISO codes and organisation ids") {
  struct Row {
    const char* text;
    const char* id;
  };
  const Row rows[] = {
      {"المغرب", "MA"},
      {"للمغرب", "MA"},
      {"وبلجيكا", "BE"},
      {"بإسبانيا", "ES"},
      {"وفرنسا", "FR"},
      {"فرنسا", "FR"},
      {"لبنان", "LB"},
      {"المغربية", "MA"},
      {"الأمريكية", "US"},
      {"الأميركي", "US"},
      {"الولايات المتحدة", "US"},
      {"والولايات المتحدة", "US"},
      {"الرباط", "MA"},
      {"ألمانيا", "DE"},
      {"المملكة المغربية", "MA"},
      {"الجزائريين", "DZ"},
      {"كندا", "CA"},
      {"GCTF", "gctf"},
      {"وزارة الداخلية", "*/interior_ministry"},
      {"بوزارة الخارجية", "*/foreign_ministry"},
      {"الرابطة المحمدية للعلماء", "mohammedia_league_of_scholars"},
      {"للتحالف العالمي لهزيمة داعش", "global_coalition_defeat_isis"},
  };
  for (const auto& r : rows) {
    std::string shown = r.text;
    CAPTURE(shown);
    auto e = arabic().parse_entity(lexicon(), norm(r.text));
    REQUIRE(e.has_value());
    REQUIRE(e->entity >= 0);
    CHECK(lexicon().entity(e->entity).id == r.id);
  }
  CHECK(arabic().parse_entity(lexicon(), norm("المملكة"))->anaphor);
  for (const char* text : {"مالي", "المغربيات الكثيرات", "مغربستان", "الخارجية", "عمان"}) {
    std::string shown = text;
    CAPTURE(shown);
    CHECK_FALSE(arabic().parse_entity(lexicon(), norm(text)).has_value());
  }
}

TEST_CASE("coordinated lists of three and five") {
  auto ids = [](const char* text) {
    std::vector<std::string> out;
    auto l = arabic().parse_list(lexicon(), norm(text));
    if (l)
      for (const auto& m : l->members) out.push_back(lexicon().entity(m.entity).id);
    return out;
  };
  CHECK(ids("بلجيكا وفرنسا وإسبانيا") == std::vector<std::string>{"BE", "FR", "ES"});
  CHECK(ids("إسبانيا وبلجيكا وفرنسا وألمانيا وإيطاليا") ==
        std::vector<std::string>{"ES", "BE", "FR", "DE", "IT"});
  CHECK(ids("مصر، تونس، والأردن") == std::vector<std::string>{"EG", "TN", "JO"});
  CHECK(ids("قطر أو الكويت") == std::vector<std::string>{"QA", "KW"});
  CHECK(ids("المغرب").empty());  // one entity is not a list
}

TEST_CASE("predicates from the verb lexicon, with clitics") {
  struct Row {
    const char* text;
    const char* id;
  };
  const Row rows[] = {{"تفكيك", "dismantle"},   {"وتفكيك", "dismantle"},  {"بتفكيك", "dismantle"},
                      {"فككت", "dismantle"},    {"اعتقلت", "arrest"},     {"توقيف", "arrest"},
                      {"للتعاون", "cooperate"}, {"إفشال", "foil_attack"}, {"وإحباط", "foil_attack"},
                      {"عضو", "member_of"},     {"القانون", "enact_law"}, {"تشهد", "occur"}};
  for (const auto& r : rows) {
    std::string shown = r.text;
    CAPTURE(shown);
    auto p = arabic().parse_predicate(lexicon(), norm(r.text));
    REQUIRE(p.has_value());
    CHECK(lexicon().predicate(*p).id == r.id);
  }
  CHECK_FALSE(arabic().parse_predicate(lexicon(), norm("القانونية")).has_value());
}
