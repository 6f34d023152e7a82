// Claim assembly end to end on sentences written for the test: the seed patterns with
// other countries, numbers, years and word order must give the corresponding facts
// (nothing is hard-coded for the seed articles).
#include "engine/extract.hpp"

#include <algorithm>

#include "engine/document.hpp"
#include "tests/support.hpp"

using namespace claimcheck;
using claimcheck::test::lexicon;

namespace {
std::vector<Fact> facts_of(const std::string& text, const std::string& front = "") {
  Document doc = parse_document(front + text, "test.txt", "T");
  return extract_facts(lexicon(), doc);
}
/// "object value" of each fact with a quantity in one line of text.
std::vector<std::string> counts(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& f : facts_of(text + "\n"))
    if (f.quantity)
      out.push_back(f.object.str() + " " + std::to_string(static_cast<long>(f.quantity->value)));
  return out;
}
/// The open-vocabulary id the Arabic grammar gives a noun.
std::string open_id(const std::string& noun) {
  return "ar:" + to_utf8(find_grammar("ar")->lemma(lexicon(), normalise_key(noun)));
}
const Fact* find(const std::vector<Fact>& facts, const std::string& kind) {
  for (const auto& f : facts)
    if (f.kind == kind) return &f;
  return nullptr;
}
}  // namespace

TEST_CASE("a dismantling count with qualifier, time and attribution, in other words") {
  auto facts = facts_of(
      "تونس - تمكنت الأجهزة الأمنية التونسية من تفكيك نحو 45 خلية إرهابية منذ عام 2015، حسب وزارة "
      "الداخلية.\n");
  const Fact* f = find(facts, "count");
  REQUIRE(f);
  CHECK(f->subject == "TN");
  CHECK(f->predicate == "dismantle");
  CHECK(f->family == "enforcement");
  CHECK(f->object == "terrorist_cell");
  CHECK(f->quantity->op == QuantityOp::approx);
  CHECK(f->quantity->value == 45);
  CHECK(f->time->op == SpanOp::since);
  CHECK(f->time->from_iso() == "2015");
  REQUIRE(f->source);
  CHECK(f->source->entity == "TN/interior_ministry");
  CHECK(f->source->cue == "حسب");
}

TEST_CASE("word order: time first, then verb, then count, number in words") {
  auto facts = facts_of("في عام 2019، اعتقلت الشرطة الجزائرية أكثر من ثلاثمئة شخص.\n");
  const Fact* f = find(facts, "count");
  REQUIRE(f);
  CHECK(f->subject == "DZ");
  CHECK(f->predicate == "arrest");
  CHECK(f->object == "person");
  CHECK(f->quantity->op == QuantityOp::gt);
  CHECK(f->quantity->value == 300);
  CHECK(f->time->op == SpanOp::in);
  CHECK(f->time->from_iso() == "2019");
  CHECK_FALSE(f->time->inherited);
}

TEST_CASE("time is inherited within a section, not across a heading") {
  auto facts = facts_of(
      "شهدت مصر في عام 2018 تراجعا في الهجمات.\n"
      "واعتقلت السلطات 20 شخصا.\n"
      "عنوان جديد\n"
      "واعتقلت السلطات 30 شخصا.\n");
  std::vector<const Fact*> counts;
  for (const auto& f : facts)
    if (f.kind == "count") counts.push_back(&f);
  REQUIRE(counts.size() == 2);
  REQUIRE(counts[0]->time);
  CHECK(counts[0]->time->from_iso() == "2018");
  CHECK(counts[0]->time->inherited);
  CHECK_FALSE(counts[1]->time.has_value());
}

TEST_CASE("absence with the document's main subject, and a count after a preposition") {
  auto facts = facts_of(
      "الأردن يعزز أمنه\n"
      "وأكد التقرير أن المملكة لم تشهد أي هجوم إرهابي عام 2020.\n"
      "واعتقلت السلطات الأردنية 12 شخصا في 4 عمليات لمكافحة الإرهاب.\n");
  const Fact* absent = find(facts, "count");
  REQUIRE(absent);
  CHECK(absent->subject == "JO");
  CHECK(absent->object == "terrorist_attack");
  CHECK(absent->quantity->value == 0);
  CHECK(absent->polarity == "negative");
  CHECK(absent->time->from_iso() == "2020");
  auto ops = std::find_if(facts.begin(), facts.end(),
                          [](const Fact& f) { return f.object == "counterterrorism_operation"; });
  REQUIRE(ops != facts.end());
  CHECK(ops->predicate == "conduct_operation");
  CHECK(ops->quantity->value == 4);
  auto people =
      std::find_if(facts.begin(), facts.end(), [](const Fact& f) { return f.object == "person"; });
  REQUIRE(people != facts.end());
  CHECK(people->predicate == "arrest");
  CHECK(people->time->inherited);
}

TEST_CASE("lists become sets without the subject, memberships with co-participants") {
  auto facts = facts_of(
      "تعاونت تونس مع إيطاليا ومالطا واليونان في إحباط هجمات.\n"
      "وتونس عضو في مجموعة إيغمونت، وتشارك في رئاسة المنتدى العالمي لمكافحة الإرهاب مع هولندا.\n");
  const Fact* set = find(facts, "set");
  REQUIRE(set);
  CHECK(set->subject == "TN");
  CHECK(set->members == std::vector<Id>{"IT", "MT", "GR"});
  CHECK(set->family == "partnership");
  std::vector<const Fact*> ms;
  for (const auto& f : facts)
    if (f.kind == "membership") ms.push_back(&f);
  REQUIRE(ms.size() == 2);
  CHECK(ms[0]->predicate == "member_of");
  CHECK(ms[0]->object == "egmont_group");
  CHECK(ms[0]->subject == "TN");
  CHECK(ms[1]->predicate == "co_chair");
  CHECK(ms[1]->object == "gctf");
  CHECK(ms[1]->members == std::vector<Id>{"NL"});
}

TEST_CASE("names and years are not counts, relative years resolve against the document date") {
  auto facts =
      facts_of("وأكد أن عدد الحالات تراجع بعد كوفيد-19 وفي العام الماضي اعتقلت الشرطة 8 أشخاص.\n",
               "---\ndate: 2022-05-01\nsource: US/state_department\n---\n");
  for (const auto& f : facts) CHECK(f.quantity->value != 19);
  const Fact* f = find(facts, "count");
  REQUIRE(f);
  CHECK(f->time->from_iso() == "2021");
  CHECK(f->source->entity == "US/state_department");
}

TEST_CASE("spans point at the original bytes, after the front matter") {
  std::string front = "---\ntitle: اختبار\n---\n";
  std::string body = "اعتقلت السلطات المغربية ٣٠ شخصاً عام ٢٠٢٠.\n";
  Document doc = parse_document(front + body, "t.txt", "T");
  auto facts = extract_facts(lexicon(), doc);
  REQUIRE(facts.size() == 1);
  std::string spanned =
      doc.bytes.substr(facts[0].span_begin, facts[0].span_end - facts[0].span_begin);
  CHECK(spanned == "اعتقلت السلطات المغربية ٣٠ شخصاً");
  CHECK(facts[0].quantity->text == "٣٠ شخصاً");
  CHECK(facts[0].time->text == "عام ٢٠٢٠");
  CHECK(doc.title == "اختبار");
}

TEST_CASE("an empty document has no facts") {
  CHECK(facts_of("").empty());
}

TEST_CASE("ages, ordinals, phone numbers and durations are not counts") {
  auto facts = facts_of(
      "وقال المتحدث إن المنفذ يبلغ من العمر 25 عاما، وإنه احتل المرتبة 3 في الدورة 15.\n"
      "ويمكن الاتصال بالرقم 0522-123456 أو 212522123456.\n"
      "وقضى 7 سنوات في السجن قبل أن يفرج عنه عام 2019.\n");
  for (const auto& f : facts) {
    CAPTURE(f.text);
    CHECK(f.kind != "count");
  }
}

TEST_CASE(
    "a dual noun alone counts two, a count after a verb in another clause keeps its own noun") {
  auto facts = facts_of("وفككت الأجهزة خليتين إرهابيتين عام 2020، واعتقلت 9 أشخاص.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].object == "terrorist_cell");
  CHECK(facts[0].quantity->value == 2);
  CHECK(facts[0].predicate == "dismantle");
  CHECK(facts[1].object == "person");
  CHECK(facts[1].predicate == "arrest");
}

TEST_CASE("negated bounds, kilograms written كجم or كيلو, and an amount with half its unit") {
  auto one = [](const std::string& text) {
    auto facts = facts_of(text + "\n");
    REQUIRE(facts.size() == 1);
    REQUIRE(facts[0].quantity);
    return *facts[0].quantity;
  };
  auto q = one("لم يتجاوز 20 شخصا");
  CHECK(q.op == QuantityOp::le);
  CHECK(q.value == 20);
  CHECK(one("لم تزد على 15 حالة").op == QuantityOp::le);
  CHECK(one("لا تتجاوز 5 مليار يورو").op == QuantityOp::le);
  q = one("تتجاوز 5 مليار يورو");
  CHECK(q.op == QuantityOp::gt);
  CHECK(q.unit == "EUR");
  q = one("ضبط 50 كجم من المخدرات");
  CHECK(q.unit == "gram");
  CHECK(q.value == 50000);
  q = one("وبحوزته 237 كيلو ونصف من البانجو");
  CHECK(q.value == 237500);
  q = one("ضبط 3 أطنان ونصف من الأرز");
  CHECK(q.value == 3500000);
  q = one("على مسافة 5 كيلو متر");
  CHECK(q.unit == "metre");
  CHECK(q.value == 5000);
}

TEST_CASE("open vocabulary: a noun the lexicon lacks, counted, gets an open id from its lemma") {
  CHECK(counts("قتل 4 مسلحين في الهجوم") == std::vector<std::string>{open_id("مسلحين") + " 4"});
  CHECK(counts("اعتقلت الشرطة 21 ضابطا و32 شرطيا") ==
        std::vector<std::string>{open_id("ضابطا") + " 21", open_id("شرطيا") + " 32"});
  auto facts = facts_of("اعتقلت الشرطة 21 ضابطا.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "arrest");
  CHECK(facts[0].kind == "count");
  // a curated concept wins over the open id
  CHECK(counts("قتل 5 أشخاص") == std::vector<std::string>{"person 5"});
  // no claim: labels, one of a group, a year, a function word, a unit, a time word, a
  // count of one, an order of magnitude, a fraction, a verb of the next clause
  for (const char* none : {"وفقا للمادة 5 من القانون", "القضية رقم 1097 لسنة 2013",
                           "السيارة رقم (4114 أجرة)", "أصيب أحد أفراد الشرطة", "زارت إحدى القرى",
                           "في 2013 مصري", "فاز الفريق 3 مقابل 1", "بقي 3 أيام", "انتظر 4 ساعات",
                           "وصل 1 زائر", "بطول 7.62 قدم", "قناة 25 الفضائية", "عمره 40 عاما"})
    CHECK_MESSAGE(counts(none).empty(), none);
  // the verb of the next clause is no counted noun; the casualty before the number makes
  // it a count of people
  CHECK(counts("قتل 3 وأصيب آخرون") == std::vector<std::string>{"person 3"});
}

TEST_CASE(
    "the subject: an adjective on a definite noun, else a named country, else the outlet's home") {
  auto subject = [](const std::string& text, const std::string& source = "") {
    std::string front = source.empty() ? "" : "---\nsource: " + source + "\n---\n";
    auto facts = facts_of(text + "\n", front);
    return facts.empty() ? std::string("(none)") : facts[0].subject.str();
  };
  // an adjective that qualifies a definite noun names the subject, before or after the verb
  CHECK(subject("اعتقلت السلطات المغربية 12 شخصا") == "MA");
  CHECK(subject("فككت الأجهزة الأمنية الجزائرية 40 خلية إرهابية") == "DZ");
  // an adjective of a person or a thing, a surname, «the right hand»: no subject
  CHECK(subject("اعتقلت الشرطة 5 أشخاص في مصنع مملوك لمستثمر هندي") == "");
  CHECK(subject("أعلن البرتغالي فييرا ضم 20 لاعبا") == "");
  CHECK(subject("أصيب الشرطي بجرح في اليد اليمنى واعتقل 3 أشخاص") == "");
  // no country named: a national outlet's home, by handle or domain, not a wire's
  CHECK(subject("اعتقلت الشرطة 5 أشخاص في مصنع مملوك لمستثمر هندي", "shorouknews") == "EG");
  CHECK(subject("اعتقلت الشرطة 5 أشخاص", "YOUM7.COM") == "EG");
  CHECK(subject("اعتقلت الشرطة 5 أشخاص", "reuters") == "");
  // a named country wins over the outlet's home
  CHECK(subject("أعلنت روسيا إصابة 100 شخص", "shorouknews") == "RU");
}

TEST_CASE("durations: a claim after a cue, never an age or «ago»") {
  auto durations = [](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& f : facts_of(text + "\n"))
      if (f.quantity && f.quantity->unit == "second")
        out.push_back(f.predicate.str() + " " + op_symbol(f.quantity->op) + " " +
                      std::to_string(static_cast<long>(f.quantity->value / 86400)));
    return out;
  };
  CHECK(durations("قررت النيابة حبس المتهم 4 أيام") == std::vector<std::string>{"remand = 4"});
  CHECK(durations("قضت المحكمة بالسجن المشدد 15 عاما") ==
        std::vector<std::string>{"sentence = 5475"});
  CHECK(durations("قضت المحكمة بالحبس 6 أشهر") == std::vector<std::string>{"sentence = 180"});
  CHECK(durations("توقف العمل بالميناء لمدة 16 يوما") == std::vector<std::string>{" = 16"});
  CHECK(durations("وعدت الوزارة بتحقيق المطالب خلال 3 أسابيع") ==
        std::vector<std::string>{" <= 21"});
  // no claim: an age, «ago», a duration far from any cue, a year one word after a cue
  for (const char* none : {"أصيب محمد أحمد 35 سنة", "وقع الحادث قبل 3 سنوات", "بقي 3 أيام",
                           "قررت حبس المتهم محمد 35 سنة"})
    CHECK_MESSAGE(durations(none).empty(), none);
}

TEST_CASE("references are no claims and give no time: case years, coordinated articles") {
  auto facts = facts_of(
      "في القضية رقم 2715 جنايات المركز لسنة 2011 اعتقل 4 أشخاص.\n"
      "وفقا للمادتين 208 و245 من القانون.\nوصل في 26 من نفس الشهر 5 أشخاص.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].quantity->value == 4);
  CHECK_FALSE(facts[0].time);  // the case's year is not the arrest's
  CHECK(facts[1].quantity->value == 5);
}

TEST_CASE("no count: the teen of an ordinal, a percentage written first, names with numbers") {
  for (const char* none : {"انطلقت القمة الثانية عشر للمنظمة", "استحوذ على %95 من شركة المملكة",
                           "نقلت قناة فرانس 24 الخبر", "مضى على ذلك 15 قرنا"})
    CHECK_MESSAGE(facts_of(std::string(none) + "\n").empty(), none);
  // a vague amount and a cardinal ten still count
  CHECK(facts_of("رحلت البلاد عشرات الأشخاص\n").size() == 1);
  CHECK(facts_of("أصيب عشرة أشخاص\n").size() == 1);
}

TEST_CASE("a dual alone counts two, when it can only be a dual") {
  CHECK(counts("تمكنت الشرطة من ضبط ضابطين وطلقتين") ==
        std::vector<std::string>{open_id("ضابط") + " 2", open_id("طلقة") + " 2"});
  // the second dual describes the first; a sound plural in ين is no dual
  CHECK(counts("أسفر الحادث عن مقتل طفلتين شقيقتين") ==
        std::vector<std::string>{open_id("طفلة") + " 2"});
  CHECK(counts("التقى الوزير العاملين بالشركة").empty());
  CHECK(counts("أصيب مصابين").empty());
}

TEST_CASE("predicates: split idioms, killed and injured together, no verb from an earlier figure") {
  auto facts = facts_of(
      "مصرع وإصابة 12 شخصا في حادث.\nلقي شخصان مصرعهما كما أصيب 10 أشخاص آخرين.\n"
      "قتل 3 أشخاص وإصابة 5 آخرين.\nوصل 7 أشخاص.\n");
  std::vector<std::string> got;
  for (const auto& f : facts)
    got.push_back(f.predicate.str() + " " + std::to_string(static_cast<long>(f.quantity->value)));
  CHECK(got == std::vector<std::string>{"casualties 12", "kill 2", "injure 10", "kill 3",
                                        "injure 5", " 7"});
}

TEST_CASE("«others» counts more of what the sentence counted before") {
  auto facts = facts_of("قتل 3 جنود وأصيب 5 آخرون.\nوصل 4 آخرون.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[1].object == "soldier");
  CHECK(facts[1].predicate == "injure");
  CHECK(facts[1].quantity->value == 5);
}

TEST_CASE("partitives: a number counts the group after من") {
  // a curated group, in digits and in words
  CHECK(counts("قررت المحكمة إخلاء سبيل 9 من المتهمين") == std::vector<std::string>{"suspect 9"});
  CHECK(counts("أصيب ثلاثة من المتهمين") == std::vector<std::string>{"suspect 3"});
  // an open group: a definite noun, or a noun in construct with a definite one
  CHECK(counts("أصيب 12 من الطلاب") == std::vector<std::string>{open_id("الطلاب") + " 12"});
  // a group whose members are people (cues.tsv member_group): a count of people
  CHECK(counts("كرم الوزير 140 من رجال المرور") == std::vector<std::string>{"person 140"});
  CHECK(counts("قتل 11 من قوات الأمن") == std::vector<std::string>{"person 11"});
  CHECK(counts("أصيب 13 من القوات") == std::vector<std::string>{"person 13"});
  // no claim: a date, a time of day, a whole it is taken from, a label, a function word
  for (const char* none :
       {"وصل في 15 من فبراير", "بدأ الساعة 10 من صباح اليوم", "فاز 3 من أصل 10",
        "وفقا للمادة 5 من القانون", "اختار 4 من بين المرشحين", "جاء 2013 من الكتاب"})
    CHECK_MESSAGE(counts(none).empty(), none);
}

TEST_CASE("no time from a name, an outlet is a name, and a law is an event only when dated") {
  const std::string front = "---\ndate: 2013-02-20\n---\n";
  // no time from the name: the figure, the story's own, stands as of the document's day
  auto untimed = [](const Fact& f) {
    return f.time && f.time->op == SpanOp::as_of && f.time->from_iso() == "2013-02-20" &&
           f.time->text.empty();
  };
  auto facts = facts_of("خرج المتظاهرون في ذكرى ثورة 25 يناير واعتقل 5 أشخاص\n", front);
  REQUIRE(facts.size() == 1);
  CHECK(untimed(facts[0]));
  facts = facts_of("قتل 3 أشخاص في مدينة 6 أكتوبر\n", front);
  REQUIRE(facts.size() == 1);
  CHECK(untimed(facts[0]));
  facts = facts_of("وقال موقع اليوم السابع إن الشرطة اعتقلت 12 شخصا\n", front);
  REQUIRE(facts.size() == 1);
  CHECK(untimed(facts[0]));
  REQUIRE(facts[0].source);
  CHECK(facts[0].source->entity == "youm7");
  // today, standing alone, is the document's day
  facts = facts_of("اعتقلت الشرطة اليوم 12 شخصا\n", front);
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].time);
  CHECK(facts[0].time->from_iso() == "2013-02-20");
  // the law of a year, written after it, is an event; a law mentioned on a dated day is not
  facts = facts_of(
      "وتم تعزيز الترسانة القانونية، لا سيما القانون المتعلق بمكافحة الإرهاب في عام 2003.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].kind == "event");
  CHECK(facts[0].predicate == "enact_law");
  CHECK(facts[0].time->from_iso() == "2003");
  CHECK(facts_of("ناقش المجلس اليوم تعديل قانون العمل\n", front).empty());
  CHECK(facts_of("ألقي القبض على العناصر الخارجة على القانون عام 2012\n").empty());
}

TEST_CASE("a casualty noun counts people: «63 قتيلا» is the figure of «مقتل 63 شخصا»") {
  CHECK(counts("سقط 63 قتيلا في الانفجار") == std::vector<std::string>{"person 63"});
  CHECK(counts("أسفر الانفجار عن مقتل 63 شخصا") == std::vector<std::string>{"person 63"});
  CHECK(counts("ارتفع عدد الجرحى إلى 180 جريحا") == std::vector<std::string>{"person 180"});
  // governed by another verb, the noun keeps what it says
  CHECK(counts("اعتقلت الشرطة 3 مصابين من المتظاهرين") == std::vector<std::string>{"injured 3"});
}

TEST_CASE("a figure takes no time across a quotation mark, nor a day still to come") {
  const std::string front = "---\ndate: 2013-02-18\n---\n";
  // the hearing to come dates nothing already counted
  auto facts = facts_of(
      "تمهيد بلا أرقام\nقالت الرابطة إن يوم 9 مارس المقبل سيصدر فيه الحكم في القضية التي "
      "قتل فيها 74 شخصا.\n",
      front);
  REQUIRE(facts.size() == 1);
  CHECK_FALSE(facts[0].time);
  // a date outside a quotation is the quoting document's, not the quoted figure's
  facts = facts_of(
      "تمهيد بلا أرقام\nقدم الشاهد شهادة بتاريخ 9 فبراير جاء فيها: «تسبب الجنود في مقتل 14 "
      "شخصا أمام المبنى».\n",
      front);
  REQUIRE(facts.size() == 1);
  CHECK_FALSE(facts[0].time);
  // a past day of the same sentence still dates its figure
  facts = facts_of("تمهيد بلا أرقام\nقتل 5 أشخاص يوم 9 فبراير في هجوم.\n", front);
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].time);
  CHECK(facts[0].time->from_iso() == "2013-02-09");
}

TEST_CASE("a verbal noun the lexicon lacks governs the count after it") {
  auto preds = [](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& f : facts_of(text + "\n"))
      if (f.quantity)
        out.push_back(f.predicate.str() + " " +
                      std::to_string(static_cast<long>(f.quantity->value)));
    return out;
  };
  const std::string blast = "ar:" + to_utf8(find_grammar("ar")->lemma(lexicon(), U"تفجير"));
  // the cars were blown up, not injured
  CHECK(preds("قتل 15 شخصا وأصيب 80 آخرون في هجمات بينها تفجير ست سيارات") ==
        std::vector<std::string>{"kill 15", "injure 80", blast + " 6"});
  // a coordinated number keeps the verb of the count before it; a subject with the article
  // is no governor; a plural spelt like إفعال (أوراق) is none either
  CHECK(preds("قتل 3 جنود و5 مدنيين") == std::vector<std::string>{"kill 3", "kill 5"});
  CHECK(preds("اعتقلت الشرطة 12 شخصا") == std::vector<std::string>{"arrest 12"});
  CHECK(preds("ضبطت الشرطة أوراق 5 شركات") == std::vector<std::string>{"seize 5"});
}

TEST_CASE("a country in a name is no subject: streets, mosques, «مسقط رأسه»") {
  // the outlet's home stands in when only names hold a country
  const std::string front = "---\nsource: shorouknews\n---\n";
  auto facts = facts_of("ضبط 3 متهمين في شارع الرياض بأسيوط\n", front);
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].subject == "EG");
  facts = facts_of("أصيب 4 أشخاص في حادث بطريق مصر السودان\n", front);
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].subject == "EG");
  facts = facts_of("شيع 5 آلاف شخص الشهيد في مسقط رأسه\n", front);
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].subject == "EG");
  // a country named as such still counts
  facts = facts_of("اعتقلت السعودية 12 شخصا\n", front);
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].subject == "SA");
}

TEST_CASE("a number finds its verb in its own clause, never in the clause before") {
  // a relative clause and «وبذلك» open a clause: the verb before them governs nothing after
  auto facts = facts_of("تم ضبط المتهم الذي يملك 3 منازل\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate.empty());
  facts = facts_of("لافتا إلى تخصيص مقاعد للنوبة، وبذلك يصبح عدد أعضاء المجلس 546 نائبا\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate.empty());
  // a relative clause's own verb governs its count
  facts = facts_of("فككت القوات المخيم الذي كان يضم نحو ثلاثة آلاف خيمة\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "contain");
  // a coordinated predicate whose second half opens a clause still governs
  facts = facts_of("مصرع وإصابة 3 أشخاص في حادث\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "casualties");
  // and within one clause the verb before the count governs it
  facts = facts_of("ألقت الشرطة القبض على 5 متهمين\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "arrest");
}

TEST_CASE("a preposition written against a number word or a bound: بمائة ألف، بحوالى، لست") {
  auto facts = facts_of("وقدرت الخسائر بمائة ألف جنيه\n");
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].quantity);
  CHECK(facts[0].quantity->value == 100000);
  facts = facts_of("وقدرت قيمتها بحوالى 500 جنيه\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].quantity->op == QuantityOp::approx);
  CHECK(facts[0].quantity->value == 500);
  // كمية (a quantity), لست (I am not), بوست (a name) hold no number
  CHECK(facts_of("ضبط كمية من البانجو\n").empty());
  CHECK(facts_of("قال إنني لست عضوا في الحزب\n").empty());
  CHECK(facts_of("نشرت صحيفة واشنطن بوست خبرا\n").empty());
}

TEST_CASE("a number under a condition, a wish or a negated future is no claim") {
  CHECK(facts_of("لو قتل 100 شخص لتحرك العالم\n").empty());
  CHECK(facts_of("في حال وصول عدد المصابين إلى 50 شخصا\n").empty());
  CHECK(facts_of("يسعى الحزب للحصول على 100 مقعد\n").empty());
  CHECK(facts_of("وقال إن الراتب لن يزيد على 750 دولارا\n").empty());
  // a ranking names a list, it counts nothing
  CHECK(facts_of("جاءت الجامعة ضمن أفضل 500 جامعة في العالم\n").empty());
  // the clause after the condition's punctuation states facts again
  auto facts = facts_of("لو كان الأمن حاضرا، لكن قتل 5 أشخاص أمس\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "kill");
  // how long a wish has been pursued is a claim
  facts = facts_of("تسعى الجامعة العربية منذ أكثر من عام إلى حل سياسي\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].quantity->op == QuantityOp::gt);
}

TEST_CASE("a figure's place below the country: its clause's, the sentence's, the document's") {
  auto facts = facts_of("ضبط 5 متهمين في بورسعيد وإصابة 3 أشخاص بسوهاج\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].place == "EG-PTS");
  CHECK(facts[1].place == "EG-SHG");
  CHECK(facts[1].object == "person");  // بسوهاج is where, not what was counted
  // a capital gives its subdivision; a document of one place gives it to every figure
  facts = facts_of("أصيب 4 أشخاص في القاهرة\nوقتل شخصان في حادث آخر\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].place == "EG-C");
  CHECK(facts[1].place == "EG-C");
  // a nisba after the definite noun it qualifies is no place: الضفة الغربية
  facts = facts_of("أسفرت الاشتباكات في الضفة الغربية عن إصابة 6 أشخاص\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].place.empty());
  // two places and a figure in neither's clause: no place
  facts = facts_of("في القاهرة والجيزة، حيث قال المتحدث إن 7 أشخاص أصيبوا\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].place.empty());
}

TEST_CASE("أمس الأول is the day before yesterday") {
  auto facts = facts_of("قتل 5 أشخاص أمس الأول في حادث.\n", "---\ndate: 2013-02-18\n---\n");
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].time);
  CHECK(facts[0].time->from_iso() == "2013-02-16");
}

TEST_CASE("a tally says what a number standing alone counts: «عدد الجرحى بلغ 950»") {
  auto facts = facts_of("وقال الحاكم إن عدد الجرحى بلغ حوالى 950.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "injure");
  CHECK(facts[0].object == "person");
  CHECK(facts[0].quantity->op == QuantityOp::approx);
  CHECK(facts[0].quantity->value == 950);
  CHECK(counts("وارتفعت حصيلة القتلى إلى 25") == std::vector<std::string>{"person 25"});
  // the tally's noun narrows the person counted, and no verb before takes the count
  facts = facts_of("واعتقلت الشرطة 5 متهمين، وبلغت حصيلة ضحايا التفجير 85 شخصا.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[1].predicate == "kill");
  CHECK(facts[1].quantity->value == 85);
  // a phrase with a preposition between, when a link stands before the number
  CHECK(counts("ارتفاع عدد القتلى في تفجير كويتا بباكستان الى 74") ==
        std::vector<std::string>{"person 74"});
  // a tally of what the lexicon does not count, or with words between that are no link,
  // counts nothing
  CHECK(counts("ويبلغ عدد سكان المدينة 3 ملايين").empty());
  CHECK(counts("ويبلغ عدد المصابين في الهجوم الأول 40").empty());
}

TEST_CASE("a verb after the counted noun that agrees with it gives the predicate") {
  auto facts = facts_of("وأعلن المتحدث أن أكثر من 250 شخصا أصيبوا بجروح.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "injure");
  CHECK(facts[0].quantity->op == QuantityOp::gt);
  facts = facts_of("وقالت الأمم المتحدة إن نحو 70 ألف شخص قد قتلوا في الصراع.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "kill");
  // a verbal noun after a noun qualifies it, and a verb with a preposition is no predicate
  // of the count: no predicate
  facts = facts_of("وأصبح لدى الشركة أربعة مراكز تنسيق في أوروبا.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate.empty());
  facts = facts_of("وأصدرت المحكمة أحكاما بحق 24 صحراويا متهمين بقتل أفراد من الأمن.\n");
  for (const auto& f : facts) CHECK(f.predicate != "kill");
}

TEST_CASE("a speed is a measure in metres per second") {
  auto facts = facts_of("وكانت سرعة النيزك 54 ألف كيلومتر في الساعة.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].quantity->unit == "metre_per_second");
  CHECK(facts[0].quantity->value == doctest::Approx(15000));
  facts = facts_of("ودخل الجسم الغلاف الجوي بسرعة 30 كيلومترا في الثانية.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].quantity->value == doctest::Approx(30000));
}

TEST_CASE("a country named as where something happened is the figure's place: the whole country") {
  auto facts = facts_of("وقتل أكثر من 400 شيعي في باكستان عام 2012.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].place == "PK");
  // a subdivision in the clause wins over the country
  facts = facts_of("وقتل 85 شخصا في كويتا في باكستان.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].place == "PK-BA");
  // a headline's place is no place of a figure the text sets in the whole country
  facts = facts_of("انفجار في كويتا\nوارتفع عدد القتلى في باكستان إلى 200 قتيل.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].place == "PK");
}

TEST_CASE("«so far» (حتى الآن) is the reported present, «now» alone dates no figure") {
  const std::string front = "---\ndate: 2013-02-16\n---\n";
  auto facts = facts_of("تمهيد\nوتأكد سقوط 63 قتيلا ونحو 180 جريحا حتى الان.\n", front);
  REQUIRE(facts.size() == 2);
  for (const auto& f : facts) {
    REQUIRE(f.time);
    CHECK(f.time->op == SpanOp::as_of);
    CHECK(f.time->from_iso() == "2013-02-16");
  }
  facts = facts_of("تمهيد\nلدينا 66 مصنعا، والوزارة تعمل الآن على تأهيلها.\n", front);
  REQUIRE(facts.size() == 1);
  CHECK_FALSE(facts[0].time);
  // «since 1996 until now» is a span since 1996
  facts =
      facts_of("تمهيد\nوتبلغ استثماراتها نحو 10 مليارات دولار منذ عام 1996 وحتى الآن.\n", front);
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].time);
  CHECK(facts[0].time->op == SpanOp::since);
}

TEST_CASE("«others» after a noun the lexicon lacks are people when a casualty verb counts them") {
  auto facts = facts_of("لقي سائقان مصرعهما وأصيب 11 آخرون في الحادث.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].quantity->value == 2);
  CHECK(facts[0].predicate == "kill");
  CHECK(facts[1].object == "person");
  CHECK(facts[1].predicate == "injure");
}

TEST_CASE("a verdict's list counts the people each term was given to") {
  auto facts =
      facts_of("وأصدرت المحكمة أحكامها: ثمانية حكم عليهم بالسجن المؤبد وأربعة بالسجن 30 عاما.\n");
  std::vector<std::string> got;
  for (const auto& f : facts)
    got.push_back(f.predicate.str() + " " + f.object.str() + " " +
                  std::to_string(static_cast<long>(f.quantity->value)));
  CHECK(got == std::vector<std::string>{"sentence person 8", "sentence person 4",
                                        "sentence second 946080000"});
}

TEST_CASE("a duration is a term of enforcement only, ميلان is no two miles") {
  auto facts = facts_of("وقالت الأمم المتحدة إن 70 ألف شخص قتلوا في الصراع المستمر منذ 22 شهرا.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].predicate == "kill");
  CHECK(facts[1].quantity->unit == "second");
  CHECK(facts[1].predicate.empty());
  CHECK(counts("وفاز ميلان على روما أمس").empty());
  facts = facts_of("وأنقذت السفينة على بعد 50 ميلا بحريا من الساحل.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].quantity->value == doctest::Approx(92600));
}

TEST_CASE("a body line broken inside a sentence goes on over the next line") {
  auto facts = facts_of(
      "تمهيد\nوأضاف عودة، على صفحته على الفيس بوك، أن الوزارة ضبطت أيضًا خلال يومين\n37 مليون "
      "لتر سولار.\n");
  const Fact* litres = nullptr;
  for (const auto& f : facts)
    if (f.object == "litre") litres = &f;
  REQUIRE(litres);
  CHECK(litres->predicate == "seize");
  CHECK(litres->quantity->value == 37000000);
  // a line that ends its sentence, a short line, a headline: each stands alone
  facts = facts_of(
      "تمهيد\nوقال المتحدث إن الشرطة ضبطت المتهمين في المدينة، وأحالتهم للنيابة.\n5 "
      "أشخاص في الحادث\n");
  for (const auto& f : facts) CHECK(f.predicate != "seize");
}

TEST_CASE("an amount with no verb says what it measures: its altitude, its speed") {
  auto a = facts_of("وانفجر النيزك على ارتفاع 5 آلاف متر.\n");
  auto b = facts_of("وانفجر النيزك على علو عشرة آلاف متر.\n");
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  CHECK_FALSE(a[0].predicate.empty());
  CHECK(a[0].predicate == b[0].predicate);  // علو names the altitude too
  auto c = facts_of("ودخل الغلاف الجوي بسرعة 30 كيلومترا في الثانية.\n");
  REQUIRE(c.size() == 1);
  CHECK(c[0].predicate != a[0].predicate);
  // a distance is from somewhere: no dimension
  auto d = facts_of("والمدينة على مسافة 1500 كيلومتر من موسكو.\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].predicate.empty());
}

TEST_CASE("no fact from a mere mention: a country's own ministry, a list no verb joins") {
  for (const auto& f : facts_of("وقال وزير الخارجية المصري إن مصر وتونس والمغرب دول عربية.\n")) {
    CHECK(f.kind != "set");
    CHECK(f.kind != "membership");
  }
}

TEST_CASE("a time that says when a noun was made or put in force dates no figure") {
  auto facts = facts_of(
      "وأضاف أن قانون الأجور المعمول به منذ عام 1983 يشمل 6 ملايين موظف.\n"
      "وقضت المحكمة بسجن متهم من الأراضي المحتلة عام 1948 لمدة عامين.\n");
  REQUIRE(facts.size() == 2);
  for (const auto& f : facts) CHECK_FALSE(f.time);
  CHECK(facts[1].predicate == "sentence");
  // a case number's year, six words on, and «من خلال» (by means of) are no times either
  facts = facts_of("وتبين اتهامه في القضية رقم 4046 جنح قسم التبين لسنة 2010، وضبط 5 متهمين.\n");
  REQUIRE(facts.size() == 1);
  CHECK_FALSE(facts[0].time);
  facts = facts_of("وارتفع المؤشر بنسبة 2% في تداولات تمت من خلال 1906 صفقات.\n");
  REQUIRE(facts.size() == 1);
  CHECK_FALSE(facts[0].time);
}

TEST_CASE("the two ends of a range the grammar reads apart make one span") {
  auto facts = facts_of("وبلغت الخسائر 50 مليون جنيه ما بين أكتوبر 2008 وأكتوبر 2009.\n");
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].time);
  CHECK(facts[0].time->op == SpanOp::between);
  CHECK(facts[0].time->from_iso() == "2008-10");
  CHECK(facts[0].time->to_iso() == "2009-10");
  facts = facts_of("وشمل العفو 14 شخصا خلال الفترة من 25 يناير 2011 وحتى 30 يونيو 2012.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].time->op == SpanOp::between);
  CHECK(facts[0].time->from_iso() == "2011-01-25");
  CHECK(facts[0].time->to_iso() == "2012-06-30");
  // «by 2016» is a bound on the time, not the year itself
  facts = facts_of("وتخطط الحكومة لجمع 9 مليارات يورو بحلول العام 2016.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].time->op == SpanOp::until);
}

TEST_CASE("a year named once in passing frames no later sentence") {
  const std::string text =
      "الحكومة تعلن أرقام السياحة\n"
      "قال الوزير إن الخسائر بلغت 2 مليار دولار.\n"
      "وأضاف أن العائدات بلغت 9 مليارات دولار.\n"
      "وأوضح أن العائدات في عام 2012 تراجعت كثيرا.\n"
      "وأشار إلى زيادة في الحركة السياحية بنسبة 20%.\n";
  auto facts = facts_of(text);
  REQUIRE(!facts.empty());
  CHECK_FALSE(facts.back().time);
  // stated twice, the year frames the figures after it (a report's period)
  auto twice = facts_of(text +
                        "وفي عام 2012 وصل عدد السياح إلى مليون سائح.\nوبلغت الإيرادات "
                        "5 ملايين دولار.\n");
  REQUIRE(twice.back().time);
  CHECK(twice.back().time->inherited);
  CHECK(twice.back().time->from_iso() == "2012");
}

TEST_CASE("weapons by kind, a classifier counts the noun after it, whole counts only") {
  auto got = counts("ضبط 3 بنادق آلية و26 فرد محلى الصنع و170 قطعة سلاح أبيض و5 أسلحة نارية");
  CHECK(got ==
        std::vector<std::string>{"firearm 3", "firearm 26", "bladed_weapon 170", "firearm 5"});
  auto facts = facts_of("وسجلت الوحدة الصحية أمس 5 حالات تسمم و3 حالات اختناق.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].object == open_id("تسمم"));
  CHECK(facts[1].object == open_id("اختناق"));
  CHECK(counts("وتفوقت الدولة على أربعة أخماس دول العالم").empty());
  // a weapon has no default act: bought is not seized
  for (const auto& f : facts_of("وقررت الوزارة شراء 100 ألف سلاح.\n"))
    CHECK(f.predicate != "seize");
}

TEST_CASE("carrying out counts an operation only, a remand of months is a sentence") {
  auto facts = facts_of("وتم الانتهاء من تنفيذ 17 قرية، ونفذت القوات 5 عمليات.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].predicate.empty());
  CHECK(facts[1].predicate == "conduct_operation");
  facts = facts_of("وقضت المحكمة بحبس المتهمين لمدة 6 أشهر.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "sentence");
  facts = facts_of("وأمرت النيابة بحبس المتهمين 4 أيام.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "remand");
}

TEST_CASE("the time of events dates their casualties, not the arrests or verdicts after them") {
  const std::string front = "---\ndate: 2013-02-18\n---\n";
  // remanded today for the events of the day before yesterday: no time of the remand
  auto facts =
      facts_of("قررت النيابة حبس 6 متهمين جدد في أحداث المحلة التي وقعت مساء أمس الأول.\n", front);
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "remand");
  CHECK_FALSE(facts[0].time);
  // a verdict after the events a relative clause dates (the month under its two names)
  facts = facts_of(
      "وقضت المحكمة على أربعة أشخاص بالسجن 30 عاما إثر الأحداث التي شهدتها منطقة العيون في "
      "أكتوبر تشرين الاول عام 2010.\n",
      front);
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].predicate == "sentence");
  CHECK_FALSE(facts[0].time);
  CHECK_FALSE(facts[1].time);
  // the dead of those events are of their time, whatever report time is nearer
  facts = facts_of("سلمت النيابة أمس تقارير أسباب وفاة 38 شخصا في الأحداث التى وقعت 26 يناير.\n",
                   front);
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].time);
  CHECK(facts[0].time->from_iso() == "2013-01-26");
  facts = facts_of("وأصيب 9 أشخاص فى أحداث المحلة أمس.\n", front);
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].time);
  CHECK(facts[0].time->from_iso() == "2013-02-17");
}

TEST_CASE("حكم على is a sentence, some of the injured with no verb are injured people") {
  auto facts = facts_of("وحكم على ثلاثة متهمين بالسجن 20 عاما.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].predicate == "sentence");
  CHECK(facts[0].object == "suspect");
  facts = facts_of("وبلغ العدد 400 مصاب، ثلاثة منهم حالتهم خطيرة.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[1].predicate == "injure");
  CHECK(facts[1].object == "person");
  CHECK(facts[1].quantity->value == 3);
  // a verb of their own says what was done to them
  facts = facts_of("مقتل 3 أشخاص وإصابة 4 آخرين.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[1].predicate == "injure");
}

TEST_CASE("a toll after a long phrase, a verb after آخرين, راح ضحيته") {
  auto facts = facts_of(
      "قال مسؤول إن عدد القتلى في التفجير الذي وقع في مدينة كويتا الباكستانية يوم السبت ارتفع "
      "الى 47 شخصا.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "kill");
  CHECK(facts[0].quantity->value == 47);
  facts = facts_of("وقال مسؤولون ان 130 شخصا آخرين أصيبوا في التفجير.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "injure");
  facts = facts_of("وكان الهجوم الذي راح ضحيته نحو مائة شخص.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "kill");
  // a death named is no killing of an amount after it
  facts = facts_of("وبعد وفاة رئيس الشركة استولى على الشركة ليعيد بيعها بمبلغ 5 مليارات جنيه.\n");
  for (const auto& f : facts) CHECK(f.predicate != "kill");
}

TEST_CASE("a time after a charge dates the crime, a measure's noun before a linking verb") {
  const std::string front = "---\ndate: 2013-02-18\n---\n";
  // the verdict is not of the crime's year, nor does that year frame the next sentence
  auto facts = facts_of(
      "أصدرت محكمة أحكاما بالسجن على 24 صحراويا متهمين بقتل أفراد من قوات الأمن في نهاية عام "
      "2010.\nوحكم على تسعة متهمين بالسجن المؤبد.\n",
      front);
  REQUIRE(facts.size() == 2);
  CHECK_FALSE(facts[0].time);
  CHECK_FALSE(facts[1].time);
  // a figure inside the charge is the crime's, of its time
  facts = facts_of("جلسة لمحاكمتهم بتهمة قتل قرابة ثلاثة الاف شخص في 2001.\n", front);
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].time);
  CHECK(facts[0].time->from_iso() == "2001");
  facts =
      facts_of("تحطم النيزك على ارتفاع يتراوح بين 30 و50 كيلومترا، ووزنه يقدر بنحو 10 أطنان.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].predicate == open_id("ارتفاع"));
  CHECK(facts[1].predicate == open_id("وزن"));
  // a town lies (تقع) at a distance: no occurrence
  facts = facts_of("المدينة التي تقع على بعد 1500 كيلومتر شرقي موسكو.\n");
  for (const auto& f : facts) CHECK(f.predicate != "occur");
}

TEST_CASE("a duration with a word of prison after it is a term") {
  auto facts = facts_of("وتراوحت الاحكام بين المؤبد بحق تسعة متهمين و30 سنة سجنا بحق أربعة.\n");
  REQUIRE(facts.size() == 3);
  CHECK(facts[1].predicate == "sentence");
  CHECK(facts[1].quantity->value == 30 * 365 * 86400.0);
  facts = facts_of("4 أيام حبس للمتهم بإطلاق الرصاص.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "remand");
  // a stay in prison is no term
  CHECK(facts_of("مكث 5 سنوات في السجن.\n").empty());
}

TEST_CASE("a place next to the figure, none from a list or a home address") {
  auto facts = facts_of("وقتل 3 أشخاص في القاهرة و5 أشخاص في الجيزة.\n");
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].place == "EG-C");
  CHECK(facts[1].place == "EG-GZ");
  facts = facts_of("وتم تطوير 34 منطقة في محافظات بورسعيد والإسكندرية والإسماعيلية.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].place.empty());
  facts = facts_of("وضبطت الشرطة 50 طنا من السولار مع سائق ومقيم بالإسكندرية.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].place.empty());
  // a foreign embassy's or university's nationality is not the claim's country
  facts = facts_of("ومنحت الجامعة الأمريكية بالقاهرة 511 طالبا درجة البكالوريوس.\n");
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].subject != "US");
}
