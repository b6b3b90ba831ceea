// Actors: countries, places, organizations and people (core/src/entities.cc), one table per rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "newslens/analyzer.h"
#include "newslens/dictionary.h"
#include "test_util.h"

namespace newslens {
namespace {

using testing::Analyze;
using testing::DefaultAnalyzer;
using testing::FindEntity;

// The entities of a report, in report order, as "name/type/code/role/count".
std::vector<std::string> Actors(const Report& r) {
  std::vector<std::string> out;
  for (const EntityResult& e : r.entities)
    out.push_back(e.name + "/" + e.type + "/" + e.code + "/" + e.role + "/" +
                  std::to_string(e.count));
  return out;
}

std::vector<std::string> Actors(const std::string& text) {
  return Actors(Analyze(DefaultAnalyzer(), text));
}

struct Case {
  const char* text;
  std::vector<std::string> actors;  // the whole list: anything else found is a failure
};

void ExpectActors(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Actors(c.text), c.actors);
  }
}

TEST(Countries, NamesAliasesDemonymsAndPlacesResolveToIsoCodes) {
  ExpectActors({
      {"He flew to the Russian Federation.", {"Russia/country/RU//1"}},
      {"The PRC and Chinese officials met.", {"China/country/CN//2"}},
      {"The U.S. and the United States are one.", {"United States/country/US//2"}},
      {"Americans voted.", {"United States/country/US//1"}},
      {"British and UK officials met in Britain.", {"United Kingdom/country/GB//3"}},
      {"They met in Moscow and Beijing.", {"Beijing/place/CN//1", "Moscow/place/RU//1"}},
      {"Talks in St. Petersburg ended.", {"St. Petersburg/place/RU//1"}},
      {"Guinea-Bissau voted.", {"Guinea-Bissau/country/GW//1"}},
      // The states and provinces of federations count for their country (editors' place tags
      // name the country of a story datelined in Ohio or Saskatchewan).
      {"Farmers in Ohio and Saskatchewan planted.",
       {"Ohio/place/US//1", "Saskatchewan/place/CA//1"}},
      {"Western Australia and West Virginia export coal.",
       {"West Virginia/place/US//1", "Western Australia/place/AU//1"}},
      // "City, State": the US city, not its namesake in Britain or Egypt.
      {"A court in Alexandria, Virginia ruled.", {"Alexandria, Virginia/place/US//1"}},
  });
}

TEST(Countries, FormerNamesCountForTheStateHoldingTheTerritoryToday) {
  ExpectActors({
      // Archive and wire copy still carries them; the report names today's state.
      {"Copper exports from Zaire fell.", {"Democratic Republic of the Congo/country/CD//1"}},
      {"Grain shipped to the USSR rose, and the Soviet Union paid in gold.",
       {"Russia/country/RU//2"}},
      {"West Germany and Czechoslovakia signed a trade pact.",
       {"Czech Republic/country/CZ//1", "Germany/country/DE//1"}},
      {"Tea from Ceylon reached Kazakstan.",
       {"Kazakhstan/country/KZ//1", "Sri Lanka/country/LK//1"}},
  });
}

TEST(Countries, SentenceStartsPossessivesAndCase) {
  ExpectActors({
      // A sentence may start with a country name; it is still the country.
      {"Russia and China are neighbours. Turkey agreed.",
       {"China/country/CN//1", "Russia/country/RU//1", "Turkey/country/TR//1"}},
      {"China's exports rose.", {"China/country/CN//1"}},
      {"Russia\xE2\x80\x99s top partner.", {"Russia/country/RU//1"}},
      // Names are case-sensitive: the bird and the porcelain are not countries.
      {"We ate turkey from fine china.", {}},
  });
}

TEST(Countries, NotCountriesAreConsumedAndReportNothing) {
  ExpectActors({
      {"Ships sailed in the South China Sea.", {}},
      {"Tankers crossed the Indian Ocean.", {}},
      // A region among the not_countries is a place of no country (data/text/en.json regions).
      {"Latin America and the Gulf of Mexico.", {"Latin America/place///1"}},
      {"Latin American leaders met Indian ones.", {"India/country/IN//1"}},
  });
}

TEST(Organizations, KnownNamesAndTheirAliasesAreOne) {
  ExpectActors({
      {"The UN and the United Nations are one.", {"United Nations/organization///2"}},
      {"The UN and its Security Council met.",
       {"UN Security Council/organization///1", "United Nations/organization///1"}},
      {"BRICS and the G20 met at the BRICS Summit.",
       {"BRICS/organization///2", "G20/organization///1"}},
      // Capitalised aliases only match capitals: "who" is not the WHO.
      {"Officials who spoke to the WHO agreed.", {"World Health Organization/organization///1"}},
  });
}

TEST(Organizations, FoundByTheirForm) {
  ExpectActors({
      {"Officials at the Ministry of Foreign Affairs and Trade said.",
       {"Ministry of Foreign Affairs and Trade/organization///1"}},
      // A country named inside an organization's name counts for the country too.
      {"The U.S. Agriculture Department said so.",
       {"U.S. Agriculture Department/organization///1", "United States/country/US//1"}},
      {"Japanese Finance Ministry officials met.",
       {"Japan/country/JP//1", "Japanese Finance Ministry/organization///1"}},
      // A city inside an organization's name is part of the name, not a place mention.
      {"He spoke at the Moscow State Institute of International Relations.",
       {"Moscow State Institute of International Relations/organization///1"}},
      // Two organizations joined by "and" stay two.
      {"Analysts said Texaco Inc and General Motors Corp rose.",
       {"General Motors Corp/organization///1", "Texaco Inc/organization///1"}},
      {"The Bank of Japan and the Bank of England agree.",
       {"Bank of England/organization///1", "Bank of Japan/organization///1",
        "Japan/country/JP//1"}},
      // A title after the scope ends it: "Bank of Japan Governor ...".
      {"Bank of Japan Governor Haruhiko Kuroda spoke.",
       {"Bank of Japan/organization///1", "Haruhiko Kuroda/person//Governor/1",
        "Japan/country/JP//1"}},
  });
}

TEST(Organizations, CompanyAndClubSuffixes) {
  ExpectActors({
      {"Analysts prefer Bayer AG to Carrefour SA and Ahold NV.",
       {"Ahold NV/organization///1", "Bayer AG/organization///1", "Carrefour SA/organization///1"}},
      {"Investors backed Mercantile Bancshares and Pacific Realty.",
       {"Mercantile Bancshares/organization///1", "Pacific Realty/organization///1"}},
      {"Fans saw Leeds United play Blackburn Rovers.",
       {"Blackburn Rovers/organization///1", "Leeds United/organization///1"}},
      // A wire story's sign-off names the office that filed it: an organization, not its city.
      {"Copper stocks fell on Monday, dealers said.\n-- Maria Lopez, Lisbon Newsroom +351 1 "
       "555 0100",
       {"Lisbon Newsroom/organization///1", "Maria Lopez/person///1"}},
      {"Grain prices rose.\n-- Tom Reed, Chicago Grains Desk 312-555-0100",
       {"Chicago Grains Desk/organization///1", "Tom Reed/person///1"}},
  });
}

TEST(Organizations, ALegalFormEndsTheNameBeforeItsHome) {
  ExpectActors({
      // "of" after Inc, Corp, Ltd, AG ... says where the company is: the place is its own
      // mention, known to the dictionaries or not.
      {"Brelmont Tooling Inc of Dallas agreed to the sale.",
       {"Brelmont Tooling Inc/organization///1", "Dallas/place/US//1"}},
      {"Quorvan Mills Ltd of Ferndale Heights raised its dividend.",
       {"Ferndale Heights/place///1", "Quorvan Mills Ltd/organization///1"}},
      {"The deal with Tessaro AG of Germany closed.",
       {"Germany/country/DE//1", "Tessaro AG/organization///1"}},
      // "on" and "for" after a legal form are never part of the name.
      {"Parvel Systems Inc on Monday cut jobs.", {"Parvel Systems Inc/organization///1"}},
      // Without a legal form, "of" opens the name's scope; a name that goes on after the place,
      // or "of America", stays one name.
      {"The Development Bank of Ruritania lent more.",
       {"Development Bank of Ruritania/organization///1"}},
      {"Halvard Life Insurance Co of Canada Ltd bought it.",
       {"Canada/country/CA//1", "Halvard Life Insurance Co of Canada/organization///1"}},
      {"They bought Tarrant Steel Corp of America.",
       {"Tarrant Steel Corp of America/organization///1", "United States/country/US//1"}},
  });
}

TEST(Organizations, ACommonWordOpeningTheSentenceIsNoPartOfTheName) {
  ExpectActors({
      {"Shares of Tarrant Steel Corp of America rose.",
       {"Tarrant Steel Corp of America/organization///1", "United States/country/US//1"}},
      {"Highlights of Velmora Holdings Inc results follow.",
       {"Velmora Holdings Inc/organization///1"}},
      // An organization word opens a name of its own.
      {"Bank of Ruritania rates fell.", {"Bank of Ruritania/organization///1"}},
  });
}

TEST(Organizations, AnAirlineIsAirAndItsCountryOrCity) {
  ExpectActors({
      // The country inside the airline's name counts, as in "Bank of Japan".
      {"Pilots at Air Canada voted to strike.",
       {"Air Canada/organization///1", "Canada/country/CA//1"}},
      {"Air Malta cut its flights to Rome.",
       {"Air Malta/organization///1", "Malta/country/MT//1", "Rome/place/IT//1"}},
      // Named in full by its form first, then short: one company.
      {"Air Tonga Inc said fares rise. Air Tonga flies daily.",
       {"Air Tonga Inc/organization///2", "Tonga/country/TO//2"}},
      // Not a country after "Air": no airline.
      {"The Air Force flew in.", {"Air Force/organization///1"}},
  });
}

TEST(Organizations, CapitalisedInitiativesAreNotPeople) {
  ExpectActors({
      {"China proposed the Global Security Initiative.",
       {"China/country/CN//1", "Global Security Initiative/organization///1"}},
      // At a sentence start too.
      {"Global Security Initiative talks began.", {"Global Security Initiative/organization///1"}},
      {"They launched the Clean Oceans Initiative.", {"Clean Oceans Initiative/organization///1"}},
  });
}

TEST(Organizations, AcronymIntroducedWithTheFullNameIsOneOrganization) {
  ExpectActors({
      // Known both ways: the bracketed acronym is not a second mention.
      {"The Shanghai Cooperation Organization (SCO) met. The SCO said so.",
       {"Shanghai Cooperation Organization/organization///2"}},
      {"MGIMO (Moscow State Institute of International Relations) is old. He left MGIMO.",
       {"Moscow State Institute of International Relations/organization///2"}},
      // Found by form: the text introduces the acronym, later uses count for the full name.
      {"He studied at the Northern Institute of Marine Studies (NIMS). NIMS is old.",
       {"Northern Institute of Marine Studies/organization///2"}},
      {"NIMS (Northern Institute of Marine Studies) is old. He left NIMS.",
       {"Northern Institute of Marine Studies/organization///2"}},
  });
}

TEST(Organizations, AnAcronymStandingAloneIsAnOrganization) {
  ExpectActors({
      // Nobody introduces it: an acronym in running text is a party, union, agency or exchange.
      {"They joined the XYZQ.", {"XYZQ/organization///1"}},
      {"Rebels of the KLPF took the town, and KLPF fighters held it.",
       {"KLPF/organization///2"}},
      {"Dockers backed by the CFTU union walked out.", {"CFTU/organization///1"}},
      // Not a Roman numeral, a lexicon word or a not-name (GDP), nor part of a longer name.
      {"Henry VIII had six wives.", {}},
      {"GDP grew by two percent.", {}},
      {"The QWT Championship starts today.", {}},
      // Nor a label opening a line, nor a line in capitals such as a table's row.
      {"NOTE - prices are indicative.", {}},
      {"VALDOR AT BRENKS\nThe game starts at noon.", {}},
  });
}

TEST(Organizations, AShortFormOfACompanyNamedInFullIsThatCompany) {
  ExpectActors({
      // Named in full by its form, then by its first word: one company, every mention counted.
      {"Trelvane Holdings Inc agreed to buy the plant. Trelvane was up 2 cents.",
       {"Trelvane Holdings Inc/organization///2"}},
      // A camel-case company too, and it speaks as a company, not a person.
      {"QuorBank Corp raised its dividend. QuorBank said profit rose.",
       {"QuorBank Corp/organization///2"}},
      {"Shares rose, ZentaSoft said.", {"ZentaSoft/organization///1"}},
      // A person named in full keeps the surname, and a brand alone stays nothing.
      {"Harlan Motors Corp hired Jim Harlan. Harlan said he was pleased.",
       {"Jim Harlan/person///2", "Harlan Motors Corp/organization///1"}},
      {"Buyers queued for the new GameBox.", {}},
  });
}

TEST(Organizations, ACompanyCueNamesAFullName) {
  ExpectActors({
      // People have no shares: a full name with a company word after it is a company, and so
      // are its other mentions, full or by its first word.
      {"Orvel Domhart shares rose 4%. Orvel Domhart said it was pleased. Orvel gained.",
       {"Orvel Domhart/organization///3"}},
      // An apposition that says what it is: "X, one of ... firms", "X, the ... miner".
      {"Talks stalled with Brenmoor Tessaly, one of the region's largest drinks firms.",
       {"Brenmoor Tessaly/organization///1"}},
      {"Kestrin, the Toronto-based gold miner, raised its output.",
       {"Kestrin/organization///1", "Toronto/place/CA//1"}},
      {"Dravik Holt, the first foreign firm to list in Riga, lost money.",
       {"Dravik Holt/organization///1", "Riga/place/LV//1"}},
      // A trade before a full name is a person's ("broker", "rival"), and an apposition naming
      // a person's job at a firm is not the firm's.
      {"Jamaican rival Merva Ottrey was second.",
       {"Jamaica/country/JM//1", "Merva Ottrey/person///1"}},
      {"\"Prices will rise,\" said Tomas Ilvard, an economist with Vellor Bank.",
       {"Tomas Ilvard/person///1", "Vellor Bank/organization///1"}},
      {"The trial of Anton Brevik, the chairman of the country's largest bank, began.",
       {"Anton Brevik/person///1"}},
      // An officer of the organization after its name ("X chief executive Y") makes it the
      // employer, and its other mentions too; a person's trade does not, nor a possessive.
      {"Talvor Marsh chief executive Enid Roy said sales fell. Talvor Marsh shares eased.",
       {"Talvor Marsh/organization///2", "Enid Roy/person//chief executive/1"}},
      {"Velmar Oaks chairman Ted Rann declined to comment.",
       {"Ted Rann/person//chairman/1", "Velmar Oaks/organization///1"}},
      // A spokesman is a politician's officer as much as a firm's: the name stays a person.
      {"Arkady Venn spokesman Pavel Orlov said the talks went well.",
       {"Arkady Venn/person///1", "Pavel Orlov/person//spokesman/1"}},
      {"The Oslo actress Brenna Lund starred.",
       {"Brenna Lund/person//actress/1", "Oslo/place/NO//1"}},
      {"Minister Anton Gell's chairman Tomas Holt spoke.",
       {"Anton Gell/person//Minister/1", "Tomas Holt/person//chairman/1"}},
      // A guild is an organization by its form, not a person.
      {"The Vellum Writers Guild gave its awards.", {"Vellum Writers Guild/organization///1"}},
      // A plant after a full name is where it is, not whose.
      {"The Marden Halsey plant will close.", {"Marden Halsey/person///1"}},
  });
}

TEST(Organizations, AnAcronymOpeningAFirmsName) {
  ExpectActors({
      // Three or more capitals and one unknown capitalised word: a firm ("ABN Amro").
      {"Shares in QRV Talmor fell after QRV Talmor cut jobs.",
       {"QRV Talmor/organization///2"}},
      // Two capitals are a person's initials, not a firm; a hyphen glues a product's name.
      {"The film was directed by JJ Abrahm.", {}},
      {"It runs the QRV-Talmor chip.", {}},
  });
}

TEST(Organizations, AShortFormOfAKnownOrganizationIsThatOrganization) {
  ExpectActors({
      // A dictionary organization named in full, then by its first word.
      {"Lockheed Martin won the contract. Lockheed shares rose.",
       {"Lockheed Martin/organization///2"}},
      // Two companies open with the word: the nearest named before the short form.
      {"Brantley Energy cut jobs. Brantley Foods hired. Brantley said sales rose.",
       {"Brantley Foods/organization///2", "Brantley Energy/organization///1"}},
  });
}

TEST(Organizations, AListSharesItsMembersKind) {
  ExpectActors({
      // Coordinated with a company named by its form, lone names are companies too.
      {"Its suppliers include Kestoran, Valdemir, and Brantley Industries.",
       {"Brantley Industries/organization///1", "Kestoran/organization///1",
        "Valdemir/organization///1"}},
      // In a match report, with a team: "title rivals A, B and C".
      {"Calder beat Worsley by an innings in the league. Title rivals Brimley, Dunmore and Haxby "
       "all closed in on victory. Haxby beat Ormsby by 20 runs in the championship match.",
       {"Haxby/organization///2", "Brimley/organization///1", "Calder/organization///1",
        "Dunmore/organization///1", "Ormsby/organization///1", "Worsley/organization///1"}},
      // An acronym alone (a film's, a band's as often as a firm's) lends its kind to no list.
      {"He directed KLT, Pelotan and Seabird.", {"KLT/organization///1"}},
  });
}

TEST(EntityMentions, AnAbbreviationsDotIsPartOfTheCompanysName) {
  Options o;
  o.utf16_offsets = false;
  const std::string text =
      "Ostrava Bancorp Inc., a bank, paid cash to Velde Steel Corp. in June. It bought Velde Steel "
      "Corp.";
  Report r = Analyze(DefaultAnalyzer(), text, o);
  std::vector<std::string> seen;
  for (const Mention& m : r.mentions)
    if (m.kind == Mention::Kind::kEntity)
      seen.push_back(m.id + "=" + text.substr(m.start, m.end - m.start));
  // Mid-sentence the dot is the abbreviation's; at a sentence's end it is the full stop's. The
  // name is one either way.
  EXPECT_EQ(seen, (std::vector<std::string>{"Ostrava Bancorp Inc=Ostrava Bancorp Inc.",
                                            "Velde Steel Corp=Velde Steel Corp.",
                                            "Velde Steel Corp=Velde Steel Corp"}));
}

// The entity mentions of a text, in order, as "actor=written text" (byte offsets).
std::vector<std::string> EntityMentions(const std::string& text) {
  Options o;
  o.utf16_offsets = false;
  Report r = Analyze(DefaultAnalyzer(), text, o);
  std::vector<std::string> seen;
  for (const Mention& m : r.mentions)
    if (m.kind == Mention::Kind::kEntity)
      seen.push_back(m.id + "=" + text.substr(m.start, m.end - m.start));
  return seen;
}

TEST(EntityMentions, ANameRestatedInBracketsIsAMentionThatDoesNotCountAgain) {
  struct Row {
    const char* text;
    std::vector<std::string> mentions;
    std::vector<std::string> actors;
  };
  const std::vector<Row> rows = {
      // The acronym after an organization found by its form, and the full name after an
      // acronym: each a mention of the one actor, counted once.
      {"The Northern Institute of Marine Studies (NIMS) opened.",
       {"Northern Institute of Marine Studies=Northern Institute of Marine Studies",
        "Northern Institute of Marine Studies=NIMS"},
       {"Northern Institute of Marine Studies/organization///1"}},
      {"NIMS (Northern Institute of Marine Studies) opened. NIMS grew.",
       {"Northern Institute of Marine Studies=NIMS",
        "Northern Institute of Marine Studies=Northern Institute of Marine Studies",
        "Northern Institute of Marine Studies=NIMS"},
       {"Northern Institute of Marine Studies/organization///2"}},
      // Both known to the dictionaries.
      {"The Shanghai Cooperation Organization (SCO) met.",
       {"Shanghai Cooperation Organization=Shanghai Cooperation Organization",
        "Shanghai Cooperation Organization=SCO"},
       {"Shanghai Cooperation Organization/organization///1"}},
      // After a place, the acronym may stand for a longer name the place ends: no mention.
      {"Troops of the Relief Mission in Lebanon (RMIL) left.",
       {"Relief Mission=Relief Mission", "Lebanon=Lebanon"},
       {"Lebanon/country/LB//1", "Relief Mission/organization///1"}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    EXPECT_EQ(EntityMentions(row.text), row.mentions);
    EXPECT_EQ(Actors(row.text), row.actors);
  }
}

TEST(People, TitlesAreRolesNotNames) {
  ExpectActors({
      {"He met President Vladimir Putin.", {"Vladimir Putin/person//President/1"}},
      {"Chinese President Xi Jinping met U.S. Secretary of State Antony Blinken.",
       {"Antony Blinken/person//Secretary of State/1", "China/country/CN//1",
        "United States/country/US//1", "Xi Jinping/person//President/1"}},
      {"Foreign Ministry spokesman Wang Wenbin said so.",
       {"Foreign Ministry/organization///1", "Wang Wenbin/person//spokesman/1"}},
      // Chained titles: the first that is not a courtesy title is the role.
      {"Director-General Dr. Tedros Adhanom Ghebreyesus spoke.",
       {"Tedros Adhanom Ghebreyesus/person//Director-General/1"}},
      // "President" wins over "Mr." whichever comes first.
      {"Mr. Lavrov met them. Foreign Minister Sergei Lavrov left.",
       {"Sergei Lavrov/person//Foreign Minister/2"}},
      // A title abbreviation keeps its name across a line break of a wrapped wire story.
      {"It was an amendment by Rep.\nDora Pell of Maine.",
       {"Dora Pell/person//Rep/1", "Maine/place/US//1"}},
      // A title alone with a surname is still a person.
      {"Mr. Smith met Mrs. Jones.", {"Jones/person//Mrs/1", "Smith/person//Mr/1"}},
  });
}

TEST(People, JobAndFamilyWordsAreRolesNotNames) {
  ExpectActors({
      // One actor, not "Actress Meryl Streep" and "Actress Streep".
      {"Actress Meryl Streep flew in. Actress Streep then left.",
       {"Meryl Streep/person//Actress/2"}},
      {"The midfielder Paul Pogba was booked.", {"Paul Pogba/person//midfielder/1"}},
      // A firm's or a club's officers in lower case, as wire copy writes them: the city or the
      // company before the job is not the person's given name.
      {"Harwick chairman Milos Varga sold the club to a company whose chief executive Ana Reyes "
       "said so.",
       {"Ana Reyes/person//chief executive/1", "Milos Varga/person//chairman/1"}},
      {"Aunt Bessie baked.", {"Bessie/person//Aunt/1"}},
      {"Shadow Home Secretary Yvette Cooper replied.",
       {"Yvette Cooper/person//Shadow Home Secretary/1"}},
      // Words that describe an actor are not part of its name ("developer" says a company).
      {"Prospective Labour candidate Jo Bright spoke.",
       {"Jo Bright/person///1", "Labour Party/organization///1"}},
      {"Developer Ubisoft delayed it.", {"Ubisoft/organization///1"}},
  });
}

TEST(People, SurnamesJoinTheFullNameAndPossessivesAreStripped) {
  ExpectActors({
      {"Vladimir Putin arrived. Putin said Putin's plan works.", {"Vladimir Putin/person///3"}},
      // East Asian order: the family name comes first ("President Xi").
      {"Xi Jinping arrived. President Xi smiled.", {"Xi Jinping/person//President/2"}},
      // A surname-only mention joins the nearest full name before it.
      {"George Bush spoke. Bush left. Jeb Bush came. Bush stayed.",
       {"George Bush/person///2", "Jeb Bush/person///2"}},
      // With no full name before it, the first one after it.
      {"Bush spoke first. George Bush arrived. Laura Bush came. Bush stayed.",
       {"George Bush/person///2", "Laura Bush/person///2"}},
      {"Senator Okoro spoke. Adaeze Okoro arrived. Okoro left.",
       {"Adaeze Okoro/person//Senator/3"}},
      // A surname only ever titled: every later use joins the first titled mention.
      {"Mr. Haldane spoke. Later Haldane left. Judge Haldane returned. Haldane sat.",
       {"Haldane/person//Judge/4"}},
      // A lone capitalised word that names nobody seen in full, in no telling context, is not a
      // person.
      {"Yesterday Lavrov left early.", {}},
      // A hyphenated pairing of two people named in full is neither a person nor a thief of
      // their later mentions; a double-barrelled surname stays a name.
      {"Ana Kovac met Lena Stoltz. The Kovac-Stoltz rivalry grew. Stoltz won.",
       {"Lena Stoltz/person///2", "Ana Kovac/person///1"}},
      {"Helena Bonham-Carter arrived. Bonham-Carter smiled.",
       {"Helena Bonham-Carter/person///2"}},
  });
}

TEST(People, LoneSurnamesNamedByTheirContext) {
  ExpectActors({
      // The subject or the object of a verb of saying is a person.
      {"Kowalski vetoed the measure in May.", {"Kowalski/person///1"}},
      {"The budget is sound, said Hendrikse.", {"Hendrikse/person///1"}},
      // Every lone use of that word is the same person.
      {"Hendrikse said no. Hendrikse later resigned.", {"Hendrikse/person///2"}},
      // A title with a surname introduces the person for later lone uses.
      {"President Carstairs spoke first. Then Carstairs left.",
       {"Carstairs/person//President/2"}},
      // Plural common nouns opening a sentence are not people.
      {"Analysts said prices fell. Dealers added that trade was thin.", {}},
      // A word the article also writes in lower case is a common word.
      {"Police said the police would act.", {}},
  });
}

TEST(Organizations, NamedByTheirContext) {
  ExpectActors({
      // An unknown acronym that speaks is an organization.
      {"The NTSB said the pilot erred.", {"NTSB/organization///1"}},
      // Company nouns before or after a lone word.
      {"Italian tyre giant Marvelli opened a plant. Marvelli is expanding.",
       {"Marvelli/organization///2", "Italy/country/IT//1"}},
      {"Shares of Zentrix fell while Dorvan shares rose.",
       {"Dorvan/organization///1", "Zentrix/organization///1"}},
      // Names joined by an ampersand are a firm.
      {"Profits at Dorrit & Kemble rose.", {"Dorrit & Kemble/organization///1"}},
      // A lone word joined to a longer "name" by its first word: the company and its longer name.
      {"Marvelli Cables grew. Cable giant Marvelli said so.",
       {"Marvelli/organization///1", "Marvelli Cables/organization///1"}},
  });
}

TEST(Teams, ClubsNamedByCitiesInAMatchReport) {
  ExpectActors({
      // In a match report, a city or an unknown word next to a score or a match word is a team.
      {"SOCCER - FRENCH LEAGUE RESULTS.\nResults of league matches on Saturday:\nLyon 2 "
       "Nantes 1\nBordeaux beat Lille in the cup.",
       {"Bordeaux/organization///1", "France/country/FR//1", "Lille/organization///1",
        "Lyon/organization///1", "Nantes/organization///1"}},
      // Every other mention of that club in the report follows.
      {"CRICKET - COUNTY MATCH.\nWessexshire beat Ambridge by an innings in the championship "
       "match, their third win of the season. Ambridge lost their last wicket on 83.",
       {"Ambridge/organization///2", "Wessexshire/organization///1"}},
      // A results row "Name N Name N" makes both names teams, however long.
      {"SOCCER - SERBIAN LEAGUE.\nResults of league matches on Sunday:\nVardar Stars 1 Red "
       "Falcon 3\nStandings after the matches: no change at the top of the league.",
       {"Red Falcon/organization///1", "Serbia/country/RS//1", "Vardar Stars/organization///1"}},
      // A club before a player's title.
      {"CRICKET - COUNTY SCORES.\nThe innings closed as Wessexshire captain Ned Harlow "
       "declared; the match ends today, the season next week.",
       {"Ned Harlow/person//captain/1", "Wessexshire/organization///1"}},
      // Outside a match report a city next to a figure is the city.
      {"Output in Lyon 2 percent higher, the ministry said.", {"Lyon/place/FR//1"}},
      // A country stays the country, as national teams are written in news.
      {"SOCCER - WORLD CUP QUALIFIER.\nFrance 2 Italy 1 in the qualifying match.",
       {"France/country/FR//1", "Italy/country/IT//1"}},
      // A name with a city in it is a club in a match report, a person elsewhere.
      {"SOCCER - CUP MATCH.\nThe striker scored twice as Torpedo Moscow held the league leaders "
       "in the first leg of the cup tie.",
       {"Torpedo Moscow/organization///1"}},
      {"The novelist Jack London wrote it.", {"Jack London/person//novelist/1"}},
  });
}

TEST(Teams, APlayerBeatenAndQuotedIsAPerson) {
  ExpectActors({
      // Teams are beaten, people speak: a word that is both is a player of a sport played
      // alone, and stays the person named in full.
      {"SQUASH - OPEN SEMIFINAL RESULTS.\nThird seed Rafiq Dhanji reached the final of the "
       "tournament on Friday.\n\"The match was hard,\" Rafiq said after the semifinal, his "
       "fifth win of the season.\nThe league champion who lost against Rafiq in the cup last "
       "year meets him again.",
       {"Rafiq Dhanji/person///3"}},
      // A club's statement is reported, not quoted: a club beaten and then "said" stays a club.
      {"SOCCER - LEAGUE RESULTS.\nArdmore beat Castlebay 2-0 in the league match on "
       "Saturday.\nCastlebay said in a statement that the coach had left the club.",
       {"Castlebay/organization///2", "Ardmore/organization///1"}},
  });
}

TEST(Teams, ACricketScorecardsFieldersAndBowlersArePlayers) {
  ExpectActors({
      // "c" (caught), "b" (bowled), "st" (stumped) before a name: a player, though a figure
      // follows it as it follows a team's score.
      {"CRICKET - COUNTY CHAMPIONSHIP SCORECARD.\nScores on the second day of the "
       "championship match, the last of the season:\nWessexshire first innings\nTom Ardley c "
       "Pellow b Quarrie 41\nSam Denholm st Pellow b Quarrie 12\nIan Fenwick not out 7",
       {"Pellow/person///2", "Quarrie/person///2", "Ian Fenwick/person///1",
        "Sam Denholm/person///1", "Tom Ardley/person///1"}},
  });
}

TEST(Teams, ALeagueTablesRowNamesOneTeam) {
  ExpectActors({
      // Played = won + drawn + lost: the line's words before its figures are one club, however
      // they read (a person's name, a city and a word, a bracketed town letter).
      {"SOCCER - HIGHLAND LEAGUE STANDINGS.\nLeague table after Saturday's matches (played, "
       "won, drawn, lost, goals for, against, points):\nMorag Castle 4 3 1 0 9 2 10\nEast "
       "Dunmore 4 2 1 1 6 5 7\nHeath of Kyle 4 1 1 2 4 6 4\nRovna (K) 4 0 1 3 2 8 1",
       {"East Dunmore/organization///1", "Heath of Kyle/organization///1",
        "Morag Castle/organization///1", "Rovna (K)/organization///1"}},
      // A golfer's rounds do not add up so: the row stays a person.
      {"GOLF - LEADING SCORES.\nLeading scores after the third round of the tournament, with "
       "the season's cup at stake:\nMorag Castle 70 68 71 209",
       {"Morag Castle/person///1"}},
  });
}

TEST(Places, ASportsEventNamedAfterAPlaceIsNoMentionOfIt) {
  ExpectActors({
      {"She reached the final of the Belgian Open after winning the Oslo Games, and skipped "
       "the Lisbon Grand Prix.",
       {}},
      // In capitals the event word follows the place; other capitalised words are the line's.
      {"TENNIS - RESULTS FROM THE U.S. OPEN.\nWALES BEAT MALTA IN WORLD CUP QUALIFIER.",
       {"Malta/country/MT//1", "WALES/organization///1"}},
      // A possessive is the place's own: "Britain's Open University" names Britain.
      {"He studied at Britain's Open University.",
       {"Open University/organization///1", "United Kingdom/country/GB//1"}},
      // "U.S." is in capitals, "Open" is not: the whole event goes, not just "Open".
      {"Rain delayed the U.S. Open Tennis Championships on Monday.", {}},
      // Outside sports copy, without "the", "Open" and "Rally" are a headline's words and the
      // place is mentioned.
      {"Chile Open to Talks on Tax\n\nChile said on Monday it would meet the miners.",
       {"Chile/country/CL//2"}},
      {"Manila Rally Draws Thousands\n\nPolice in Manila closed two roads.",
       {"Manila/place/PH//2"}},
      {"Dockers in Rotterdam Open Talks With Port\nThe union said pay was the issue.",
       {"Rotterdam/place/NL//1"}},
  });
}

TEST(Places, FoundByFormAndByContext) {
  ExpectActors({
      // A capitalised run ending in a place word or starting with a place prefix is a place, not
      // a person; without a dictionary entry it has no country.
      {"Fans filled Brannock Park on Sunday.", {"Brannock Park/place///1"}},
      {"Gangs rule the streets of San Teodoro now.", {"San Teodoro/place///1"}},
      // "the city of X".
      {"Troops entered the city of Qaradagh overnight.", {"Qaradagh/place///1"}},
  });
}

TEST(Places, ALoneNameAfterInOrNearIsAPlace) {
  ExpectActors({
      // "in X", "near X": a town the gazetteer does not list; every lone use of it is the place.
      {"Shelling went on in Darbandikhan. Darbandikhan was quiet by noon.",
       {"Darbandikhan/place///2"}},
      {"The crash happened near Velmar.", {"Velmar/place///1"}},
      // A venue in a match report; elsewhere "at" is where someone works.
      {"Rain stopped the second test at Holbrook after 20 overs of the innings. The league "
       "leaders batted first in the match.",
       {"Holbrook/place///1"}},
      {"Petra Lindgren, an analyst at Kellwick, said prices were high.",
       {"Petra Lindgren/person///1"}},
      // Not a language, an acronym, the head of a longer name, or a stake in a company.
      {"The leaflet was printed in English.", {}},
      {"He built a career in IT.", {}},
      {"Fiat holds a stake in Varonne.", {"Varonne/organization///1"}},
  });
}

TEST(Places, RegionsAndContinentsArePlacesOfNoCountry) {
  ExpectActors({
      // Continents and world regions are places: no country code, so no country counts.
      {"Exports to Europe and Asia rose while the Middle East bought less.",
       {"Asia/place///1", "Europe/place///1", "Middle East/place///1"}},
      // A region named after a continent is the region, not America.
      {"Inflation in Latin America eased in June.", {"Latin America/place///1"}},
      // "The Gulf" of news copy is the Persian Gulf region; the war named after it is no place.
      {"Two carriers patrolled the Gulf, a decade after the Gulf War ended.", {"Gulf/place///1"}},
      // Regions of one country are places of it.
      {"Dry weather hurt crops across the Midwest and the Great Plains.",
       {"Great Plains/place/US//1", "Midwest/place/US//1"}},
  });
}

TEST(Places, ACountryNamedLikeAStateIsReadFromTheArticle) {
  ExpectActors({
      // Other US places and nothing of the country: the state.
      {"A Republican from Georgia joined two senators from Alabama in voting no.",
       {"Alabama/place/US//1", "Georgia/place/US//1"}},
      {"Peach growers near Atlanta said Georgia had a wet spring.",
       {"Atlanta/place/US//1", "Georgia/place/US//1"}},
      // The country's own capital or people: the country, whatever else is named.
      {"Envoys flew from Texas to Tbilisi as Georgia prepared for the vote.",
       {"Georgia/country/GE//1", "Tbilisi/place/GE//1", "Texas/place/US//1"}},
      // Nothing of either: the country, as the dictionary says.
      {"Georgia and Armenia signed a transit deal.",
       {"Armenia/country/AM//1", "Georgia/country/GE//1"}},
  });
}

TEST(People, ProductsAndFileNamesAreNotActors) {
  ExpectActors({
      // Camel case marks a product or a brand; family-name prefixes do not.
      {"Buyers queued for the GameCube Deluxe on launch day.", {}},
      {"Senator Jim McAlister and Dana DeWitt spoke.",
       {"Dana DeWitt/person///1", "Jim McAlister/person//Senator/1"}},
      // A word glued by a dot is a variant or a domain, not an acronym of its own.
      {"The worm Netsky.AU spread fast.", {}},
  });
}

TEST(People, SentenceInitialGerundsAreNotNames) {
  ExpectActors({
      {"Putting Vioxx on the market was a gamble.", {}},
      {"Selling Kodak shares made sense.", {"Kodak/organization///1"}},
  });
}

TEST(People, ResultsRowsAreNotHeadlines) {
  ExpectActors({
      // A title-case line with figures or a bracket is a row of a results table: names count.
      {"3. Wilfred Okonkwo (Nigeria) 13.36", {"Nigeria/country/NG//1", "Wilfred Okonkwo/person///1"}},
      // A title-case headline still names no person.
      {"Markets Rally On Hopes Of Deal", {}},
  });
}

TEST(People, NamesWithParticlesAndInitials) {
  ExpectActors({
      {"Ursula von der Leyen met Mohammed bin Salman in Riyadh.",
       {"Mohammed bin Salman/person///1", "Riyadh/place/SA//1", "Ursula von der Leyen/person///1"}},
      {"He met George W. Bush.", {"George W. Bush/person///1"}},
      // "A" and "I" are initials before a dot and a name, not the article or the pronoun.
      {"The board named Carol A. Whitby chairman on Monday.",
       {"Carol A. Whitby/person///1"}},
      {"CRICKET - SCORES.\nThe innings of the county match, the last of the season:\nA. Lorne "
       "b Pask 46\nI. Darrow not out 12",
       {"A. Lorne/person///1", "I. Darrow/person///1", "Pask/person///1"}},
      // A country name right after a given name is a surname here.
      {"Michael Jordan played. Jordan agreed.",
       {"Jordan/country/JO//1", "Michael Jordan/person///1"}},
      // After a title, a country or place followed by an unknown name word is a given name;
      // the country is still the country where no such word follows.
      {"Defense Minister Israel Katz visited Israel.",
       {"Israel/country/IL//1", "Israel Katz/person//Defense Minister/1"}},
      {"Senator Chad Smith said so. President Putin visited China Monday.",
       {"Chad Smith/person//Senator/1", "China/country/CN//1", "Putin/person//President/1"}},
  });
}

TEST(People, NoCommonWordsOrHeadlinesAsPeople) {
  ExpectActors({
      // Capitalised words the article also writes in lower case are common words.
      {"He praised the Good Neighbours policy. Good neighbours help.", {}},
      // Dictionary words and not-names are never names on their own.
      {"Friendly Cooperation is good. Last Monday it rained.", {}},
      // A sentence-initial common word is not part of the name.
      {"Analysts Michael Smith said so. The analysts agreed.", {"Michael Smith/person///1"}},
      // Title case and all caps carry no evidence of names; dictionary names still count.
      {"Oil Prices Rise On Supply Fears In Saudi Arabia", {"Saudi Arabia/country/SA//1"}},
      {"U.S. GRAIN COUNCIL SAYS JAPAN WILL BUY",
       {"Japan/country/JP//1", "United States/country/US//1"}},
      {"World News\n\nHe spoke.", {}},
  });
}

TEST(CoMentions, PairsNamedInTheSameSentence) {
  Report r = Analyze(DefaultAnalyzer(),
                     "China and Russia met. China and Russia agreed with India. Bank of Japan "
                     "officials met. The Bank of Japan and Japan agree.");
  std::vector<std::string> pairs;
  for (const CoMention& c : r.co_mentions)
    pairs.push_back(c.a + "+" + c.b + "=" + std::to_string(c.count));
  // Japan named only inside "Bank of Japan" is not paired with it; named on its own it is.
  EXPECT_EQ(pairs, (std::vector<std::string>{"China+Russia=2", "Bank of Japan+Japan=1",
                                             "China+India=1", "India+Russia=1"}));
}

TEST(EntityMentions, OffsetsCoverTheNameWithoutPossessive) {
  Options o;
  o.utf16_offsets = false;
  const std::string text = "President Vladimir Putin\xE2\x80\x99s visit to China's capital.";
  Report r = Analyze(DefaultAnalyzer(), text, o);
  std::vector<std::string> seen;
  for (const Mention& m : r.mentions)
    if (m.kind == Mention::Kind::kEntity)
      seen.push_back(m.id + "=" + text.substr(m.start, m.end - m.start));
  EXPECT_EQ(seen, (std::vector<std::string>{"Vladimir Putin=Vladimir Putin", "China=China"}));
}

TEST(EntityMentions, Utf16OffsetsAfterEmoji) {
  const std::string text = "\xF0\x9F\x98\x80 Russia";  // U+1F600 is two UTF-16 units
  Report r = Analyze(DefaultAnalyzer(), text);
  ASSERT_EQ(r.mentions.size(), 1u);
  EXPECT_EQ(r.mentions[0].start, 3u);
  EXPECT_EQ(r.mentions[0].end, 9u);
}

TEST(EntityTone, IsTheMeanToneOfTheSentencesNamingIt) {
  Report r =
      Analyze(DefaultAnalyzer(), "Russia won a wonderful victory. Russia lost a terrible war.");
  const EntityResult* russia = FindEntity(r, "Russia");
  ASSERT_NE(russia, nullptr);
  ASSERT_EQ(r.sentences.size(), 2u);
  EXPECT_DOUBLE_EQ(russia->tone, (r.sentences[0].compound + r.sentences[1].compound) / 2);
  EXPECT_GT(r.sentences[0].compound, 0);
  EXPECT_LT(r.sentences[1].compound, 0);
}

TEST(EntityDictionaries, CustomEntitiesAndNotCountriesParse) {
  auto parsed = ParseEntities(
      R"({"format": "newslens/entities@1",
          "countries": [{"code": "XK", "name": "Kosovo", "demonyms": ["Kosovar"]}],
          "organizations": [{"name": "Acme Widgets", "aliases": ["AW"]}],
          "not_countries": ["Kosovo Field"]})",
      "custom.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error();
  EXPECT_EQ(parsed.value().not_countries, std::vector<std::string>{"Kosovo Field"});
  AnalyzerConfig config;
  config.dictionaries.push_back({"custom.json", R"({"format": "newslens/entities@1",
      "organizations": [{"name": "Acme Widgets", "aliases": ["AW"]}],
      "not_countries": ["Turkey Creek"]})"});
  auto analyzer = Analyzer::Create(config);
  ASSERT_TRUE(analyzer.ok()) << analyzer.error();
  EXPECT_EQ(Actors(Analyze(analyzer.value(), "AW sold land at Turkey Creek to Turkey.")),
            (std::vector<std::string>{"Acme Widgets/organization///1", "Turkey/country/TR//1"}));
  auto bad = ParseEntities(R"({"format": "newslens/entities@1", "not_countries": [1]})", "x.json");
  EXPECT_FALSE(bad.ok());
}

// A dictionary form may start with punctuation ("@hairwoman", a handle; ".NET"): it has no word to
// mark as a possible lower-case start. Building such a dictionary once wrote past the word-class
// table (a fuzzer find); it must build, and the rest of the dictionary must still work.
TEST(EntityDictionaries, FormsStartingWithPunctuationBuild) {
  AnalyzerConfig config;
  config.dictionaries.push_back({"custom.json", R"({"format": "newslens/entities@1",
      "organizations": [{"name": "Acme Widgets", "aliases": [".acme", "@acme"]}],
      "titles": ["@hairwoman", "#spokesperson"]})"});
  auto analyzer = Analyzer::Create(config);
  ASSERT_TRUE(analyzer.ok()) << analyzer.error();
  EXPECT_EQ(Actors(Analyze(analyzer.value(), "Acme Widgets said @hairwoman Jane Doe wrote it.")),
            (std::vector<std::string>{"Acme Widgets/organization///1", "Jane Doe/person///1"}));
}

// Salience (core/src/salience.cc): what an article is about ranks above what it names in
// passing. Each row: the actor that must score higher, the one that must score lower.
struct SalienceCase {
  const char* text;
  const char* more;
  const char* less;
};

TEST(Salience, WhatTheArticleIsAboutRanksAboveWhatItNamesInPassing) {
  const std::vector<SalienceCase> cases = {
      // The headline: named as often, but only one of them in the headline.
      {"Chile raises copper output\n\nMiners worked through the weekend. Output rose in Chile "
       "and fell in Peru. Prices fell. Peru expects a recovery by May.",
       "Chile", "Peru"},
      // The lead against the end of the story, each named once, no headline.
      {"Farmers in Kenya planted early this year. The rains came on time. Yields were high. "
       "Traders were pleased. Storage was short. A buyer from Egypt visited.",
       "Kenya", "Egypt"},
      // Frequency: the name that comes back.
      {"The summit opened on Monday. Delegates from Spain and Italy arrived. Spain asked for "
       "more funds. Spain later signed the accord. Observers praised Spain.",
       "Spain", "Italy"},
      // The actor of the story (it speaks, it acts) against a place named as often.
      {"The committee met on Tuesday. Later that day Gephardt proposed a tariff on imports "
       "from Ohio factories. Workers in Ohio protested. Gephardt said the plan would pass.",
       "Gephardt", "Ohio"},
      // A country named only inside an organization's name is that organization's mention.
      {"Rates were left unchanged. The Bank of Japan kept its target. The Bank of Japan said "
       "growth was slow.",
       "Bank of Japan", "Japan"},
  };
  for (const SalienceCase& c : cases) {
    SCOPED_TRACE(c.text);
    Report r = Analyze(DefaultAnalyzer(), c.text);
    const EntityResult* more = FindEntity(r, c.more);
    const EntityResult* less = FindEntity(r, c.less);
    ASSERT_NE(more, nullptr);
    ASSERT_NE(less, nullptr);
    EXPECT_GT(more->salience, less->salience);
    for (const EntityResult& e : r.entities) {
      EXPECT_GE(e.salience, 0) << e.name;
      EXPECT_LE(e.salience, 1) << e.name;
    }
  }
}

// Every sign at once (named most, in the headline and the lead, twice the subject) scores 1; a
// dateline place ("LIMA, May 4 -") is where the story was filed, not its subject.
TEST(Salience, EverySignScoresOneAndADatelineIsNoSubject) {
  Report r = Analyze(DefaultAnalyzer(),
                     "Chile raises copper output\n\nLIMA, May 4 - Chile raised copper output "
                     "in April. Chile said demand was strong. Lima traders agreed.");
  const EntityResult* chile = FindEntity(r, "Chile");
  const EntityResult* lima = FindEntity(r, "Lima");
  ASSERT_NE(chile, nullptr);
  ASSERT_NE(lima, nullptr);
  EXPECT_DOUBLE_EQ(chile->salience, 1.0);
  // Lima: as often as Chile less one, in the lead, but opening a dateline and then a sentence
  // as a modifier ("Lima traders") — once the subject, not twice.
  EXPECT_LT(lima->salience, chile->salience);
}

// The sample (a letter on China and Russia): the two countries and the president who signs it
// are what it is about.
TEST(Salience, TheSampleIsAboutChinaRussiaAndPutin) {
  Report r = Analyze(DefaultAnalyzer(), testing::ReadFixture("data/samples/china-russia-letter.txt"));
  std::vector<EntityResult> by = r.entities;
  std::stable_sort(by.begin(), by.end(), [](const EntityResult& a, const EntityResult& b) {
    return a.salience > b.salience;
  });
  ASSERT_GE(by.size(), 3u);
  std::vector<std::string> top = {by[0].name, by[1].name, by[2].name};
  std::sort(top.begin(), top.end());
  EXPECT_EQ(top, (std::vector<std::string>{"China", "Russia", "Vladimir Putin"}));
}

// The sample article's actors, reviewed by hand: every name below was checked against the text
// ("UN Charter" and "UN-centered" count for the United Nations; names found inside an
// organization's name count for their country; "China-Russia Years of Sports Exchange" is the
// capitalised name of a programme), and nothing else may appear — no fragments.
TEST(SampleActors, AreTheReviewedList) {
  const std::string text = testing::ReadFixture("data/samples/china-russia-letter.txt");
  Report r = Analyze(DefaultAnalyzer(), text);
  EXPECT_EQ(Actors(r), (std::vector<std::string>{
                           "China/country/CN//30",
                           "Russia/country/RU//27",
                           "Vladimir Putin/person//President/7",
                           "United Nations/organization///4",
                           "Ukraine/country/UA//3",
                           "Belt and Road Initiative/organization///2",
                           "BRICS/organization///1",
                           "China-Russia Treaty of Good Neighborliness and Friendly "
                           "Cooperation/organization///1",
                           "China-Russia Years of Sports Exchange/organization///1",
                           "Communist Party of China/organization///1",
                           "Eurasian Economic Union/organization///1",
                           "G20/organization///1",
                           "Global Civilization Initiative/organization///1",
                           "Global Development Initiative/organization///1",
                           "Global Security Initiative/organization///1",
                           "Moscow State Institute of International Relations/organization///1",
                           "Shanghai Cooperation Organization/organization///1",
                           "UN Security Council/organization///1",
                           "Xi Jinping/person///1",
                       }));
  ASSERT_FALSE(r.co_mentions.empty());
  EXPECT_EQ(r.co_mentions[0].a, "China");
  EXPECT_EQ(r.co_mentions[0].b, "Russia");
  EXPECT_EQ(r.co_mentions[0].count, 19u);
}

}  // namespace
}  // namespace newslens
