"""Sanction patterns: coordinated targets, pronoun authorities, anaphoric dates."""

from __future__ import annotations

import pytest

from kg.model import SanctionFact

pytestmark = pytest.mark.model


def sanctions(extraction) -> set[tuple[str, str, str | None]]:
    names = {e.key: e.label for e in extraction.entities}
    return {
        (names[f.authority], names[f.target], f.date.value if f.date else None)
        for f in extraction.facts
        if isinstance(f, SanctionFact)
    }


def test_sanctions_coordinated_targets_one_fact_each(run) -> None:
    text = "The US Treasury Department sanctioned Iran's two biggest banks, Bank Melli and Bank Sepah, on Tuesday."
    found = sanctions(run(text, published="2024-05-09"))
    assert {t for _, t, _ in found} == {"Bank Melli", "Bank Sepah"}
    assert all(a == "United States" for a, _, _ in found)


def test_sanctions_pronoun_authority(run) -> None:
    text = "Sarah Johnson acted quickly on June 4, when she imposed sanctions on Northwind Shipping Company."
    assert {(a, t) for a, t, _ in sanctions(run(text))} == {("Sarah Johnson", "Northwind Shipping Company")}


def test_sanctions_later_sentence_gives_specific_authority_and_date(run) -> None:
    text = ("New US sanctions targeting Kestrel Mining Corporation and Volga Freight Company hurt exports. "
            "The US Treasury Department imposed the sanctions on Friday.")
    found = sanctions(run(text, published="2024-05-13"))
    assert found == {
        ("United States", "Kestrel Mining Corporation", "2024-05-10"),
        ("United States", "Volga Freight Company", "2024-05-10"),
    }


GOV_URL = "https://www.state.gov/example-release/"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "the department" refers back to the body named before; the date comes from the first report
        ("The Canadian Finance Department on Monday imposed sanctions on three firms it accused of fraud. "
         "The department designated Borealis Freight Logistics, Tundra Gold Mining and Arctic Harbor Shipping.",
         "2024-05-08",
         {("Borealis Freight Logistics", "2024-05-06"), ("Tundra Gold Mining", "2024-05-06"),
          ("Arctic Harbor Shipping", "2024-05-06")}),
        # a group sanctioned, its members named in the next sentence
        ("The Dutch Foreign Ministry on Friday added two shipping firms to its sanctions list. "
         "The firms named were Delft Marine Trading and Kestrel Bay Tankers.",
         "2024-05-13",
         {("Delft Marine Trading", "2024-05-10"), ("Kestrel Bay Tankers", "2024-05-10")}),
        # members in an "including" phrase; a present-tense action is dated by publication
        ("The Ministry of Finance is designating two companies and one person, including Norland Metals Group "
         "and Castor Energy Holdings, pursuant to a new decree.",
         "2024-06-03",
         {("Norland Metals Group", "2024-06-03"), ("Castor Energy Holdings", "2024-06-03")}),
        # members after a colon
        ("The Treasury will impose full blocking sanctions on two lenders: Northwind Bank and Polar Credit Bank.",
         "2024-06-03", {("Northwind Bank", None), ("Polar Credit Bank", None)}),
    ],
)
def test_sanctions_lists_and_groups(run, text, published, expected) -> None:
    found = {(t, d) for _, t, d in sanctions(run(text, published=published))}
    assert found == expected, found


def test_sanctions_release_voice_dated_by_publication(run) -> None:
    text = "Today we are imposing sanctions on Harbor Crest Shipping for its role in the scheme."
    found = sanctions(run(text, published="2024-06-03", url=GOV_URL))
    assert found == {("United States", "Harbor Crest Shipping", "2024-06-03")}, found  # "we": the publisher


@pytest.mark.parametrize(
    "text",
    [
        # an appointment, not a designation
        "On May 3, Minister Olga Berg designated Ambassador Petra Lind to serve as head of the academy.",
        # a negated sanction
        "Sanctions on these firms do not represent sanctions on Norway.",
        # an authority is never its own target
        "The Treasury Department said the Treasury would impose sanctions on the Treasury Department.",
    ],
)
def test_sanctions_none_for_non_sanctions(run, text) -> None:
    assert sanctions(run(text, published="2024-06-03")) == set()


def test_sanctions_bullet_list_after_colon(run) -> None:
    text = ("Full blocking sanctions on a new list of Ruritanian elites who enable the regime:\n\n"
            "- Pavel Gromov (his wife and two companies)\n\n"
            "- Boris Lasko, the owner of a steel mill\n\n"
            "These people support the war.")
    found = sanctions(run(text, published="2024-03-04", url=GOV_URL))
    assert found == {("United States", "Pavel Gromov", "2024-03-04"),
                     ("United States", "Boris Lasko", "2024-03-04")}, found


def test_sanctions_bullet_list_after_announcement_and_subheadings(run) -> None:
    text = ("Today, the Minister of Trade announced that Norway is imposing sanctions under its export "
            "regulations on 2 individuals and 2 entities.\n\n"
            "The following individuals and entities are now listed:\n\n"
            "Individuals\n"
            "- Ivo Karlovich Stenberg, director general of Marble Arch Tooling\n"
            "- Dana Merkul, owner of Riverside Parts\n\n"
            "Entities\n"
            "- Marble Arch Tooling LLC (Ruritania)\n"
            "- Riverside Parts JSC\n")
    found = {(a, t) for a, t, _ in sanctions(run(text, published="2024-03-04"))}
    assert found == {("Norway", name) for name in ("Ivo Karlovich Stenberg", "Dana Merkul",
                                                      "Marble Arch Tooling LLC", "Riverside Parts JSC")}, found


def test_sanctions_group_members_named_in_two_clauses_later(run) -> None:
    text = ("The EU added two companies and two businessmen to its sanctions list on Monday. "
            "The companies are Harbor Crest Shipping and Northgate Freight; the men are Pavel Orlov and "
            "Dmitri Sokol.")
    targets = {t for a, t, _ in sanctions(run(text, published="2024-03-05")) if a == "European Union"}
    assert targets == {"Harbor Crest Shipping", "Northgate Freight", "Pavel Orlov", "Dmitri Sokol"}, targets


def test_sanctions_relatives_named_after_anchor(run) -> None:
    text = ("Today we are imposing sanctions on the adult children of President Ivan Morov, Katya Morova and "
            "Irina Morova, as well as Olga Petrova, the wife of Minister Sergei Petrov, and Anna Petrova, "
            "his daughter.")
    targets = {t for _, t, _ in sanctions(run(text, published="2024-03-04", url=GOV_URL))}
    assert targets == {"Katya Morova", "Irina Morova", "Olga Petrova", "Anna Petrova"}, targets


def test_sanctions_bullets_need_a_listing_sentence(run) -> None:
    text = "The minister listed her priorities:\n\n- Pavel Gromov (adviser)\n\n- Boris Lasko (deputy)"
    assert sanctions(run(text, published="2024-03-04", url=GOV_URL)) == set()


def test_sanctions_targets_listed_with_semicolons_after_group(run) -> None:
    text = ("The European Union on Monday imposed sanctions on three companies and two officials. "
            "The targets include Lakeside Tractor Works and Vitebsk Glass Company; deputy minister Pavel Karpov; "
            "and the police chief, Yuri Ledov.")
    found = sanctions(run(text, published="2024-02-20"))
    assert {t for _, t, _ in found} >= {"Lakeside Tractor Works", "Vitebsk Glass Company", "Pavel Karpov",
                                        "Yuri Ledov"}, found
    assert {(a, d) for a, _, d in found} == {("European Union", "2024-02-19")}, found


@pytest.mark.parametrize(
    "text",
    [
        "The European Union threatened to impose sanctions on Volta Mining Company.",
        "Officials said Britain could impose sanctions on Orion Trading Group.",
        "Japan has not sanctioned Delta Steel Corporation.",
        "Washington is considering sanctions against Kestrel Energy.",
        "Canada lifted sanctions on Harbor Shipping Ltd last year.",
        "Lawmakers urged the Treasury to sanction Pine Ridge Capital.",
    ],
)
def test_sanctions_none_when_only_threatened_possible_or_lifted(run, text) -> None:
    assert sanctions(run(text, published="2024-02-20")) == set()


def test_sanctions_including_list_read_along_the_words(run) -> None:
    text = ("The Treasury Department is designating two entities and five individuals, including Minister "
            "Tendai Moyo, General Farai Dube, and businessman Nyasha Banda, pursuant to a new order.")
    targets = {t for _, t, _ in sanctions(run(text, published="2024-03-04"))}
    assert {"Tendai Moyo", "Farai Dube", "Nyasha Banda"} <= targets, targets


def test_sanctions_agentless_passive_takes_the_earlier_authority(run) -> None:
    text = ("The US Treasury Department on Tuesday designated three suppliers of the navy. "
            "Among them, Irina Volkova and Pavel Sorokin are being designated under the same order.")
    found = sanctions(run(text, published="2024-05-09"))
    assert ("United States", "Irina Volkova", "2024-05-09") in found  # "are being": today
    assert ("United States", "Pavel Sorokin", "2024-05-09") in found


def test_sanctions_freeze_assets_and_list_owner(run) -> None:
    text = ("The European Union froze the assets of Tomas Berg in 2021. "
            "Marta Lind was added to the UN's sanctions list in 2019.")
    found = sanctions(run(text, published="2024-05-09"))
    assert ("European Union", "Tomas Berg", "2021") in found
    assert ("United Nations", "Marta Lind", "2019") in found


def test_sanctions_dateline_date_is_not_the_action_date(run) -> None:
    text = "OSLO, May 9 (Nordic Wire) \u2014 The European Union on Monday sanctioned Harald Viken."
    assert sanctions(run(text, published="2024-05-09")) == {("European Union", "Harald Viken", "2024-05-06")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "we" in a government's release is the publishing body
        ("Today we are announcing the designation of former ministers Tomas Halvik, Irina Sorova, and Pavel "
         "Menko, as well as current official Lena Dragova, for corruption.",
         {("United States", n, "2024-03-04") for n in ("Tomas Halvik", "Irina Sorova", "Pavel Menko",
                                                             "Lena Dragova")}),
        # items split by semicolons, each a relative and a name
        ("We are also designating Halvik's wife, Marta Halvik; and Sorova's sons, Michael Sorov and David Sorov.",
         {("United States", n, "2024-03-04") for n in ("Marta Halvik", "Michael Sorov", "David Sorov")}),
        # the list read along the words, with a description before the last name; undated, the action told as
        # done takes the day of publication
        ("The Department of the Treasury also designated Tomas Halvik, Irina Sorova and Latvian banker Janis Ozols.",
         {("United States", n, "2024-03-04") for n in ("Tomas Halvik", "Irina Sorova",
                                                                         "Janis Ozols")}),
        # a passive with its list after "including:", items described between semicolons
        ("The Department is designating Tomas Halvik. Three of his firms are also being designated, including: "
         "Halvik Steel, a steel maker; Nordvik Trading, which ships ore; and Baltic Ore Holding.",
         {("United States", "Tomas Halvik", "2024-03-04")}
         | {(a, n, "2024-03-04") for a in ("United States",)
            for n in ("Halvik Steel", "Nordvik Trading", "Baltic Ore Holding")}),
    ],
)
def test_sanctions_release_lists(run, text, expected) -> None:
    found = sanctions(run(text, published="2024-03-04", url=GOV_URL))
    assert expected <= found, found


def test_sanctions_second_name_is_the_same_target(run) -> None:
    text = ("Today the United States is imposing sanctions on the Interior Ministry's Rapid Brigade "
            "or \"Red Caps\" (Gorras Rojas).")
    found = sanctions(run(text, published="2024-03-04", url=GOV_URL))
    assert len(found) == 1, found


def test_sanctions_earlier_action_of_another_authority_is_background(run) -> None:
    text = ("We are designating Irina Sorova today. Canada and Japan have previously designated Irina Sorova.")
    found = sanctions(run(text, published="2024-03-04", url=GOV_URL))
    assert found == {("United States", "Irina Sorova", "2024-03-04")}, found


def test_sanctions_none_for_a_delegation_designated_to_attend(run) -> None:
    text = "The President today announced the designation of a Presidential Delegation to attend the inauguration."
    assert sanctions(run(text, published="2024-03-04", url=GOV_URL)) == set()


def test_sanctions_bullets_with_descriptions_and_unnamed_items(run) -> None:
    text = ("Full blocking sanctions on more than 100 individuals and entities. This includes:\n\n"
            "- 12 board members of Northern Bank.\n\n"
            "- Oleg Varin, the head of the state railway and an adviser since 2001.\n\n"
            "- Latvian elite Marta Kessel, her companies and her family.\n\n"
            "- 9 arms makers that supply the army, including Volga Rotor Works, Arctic Optics, Delta Fuse "
            "Systems.\n")
    found = {t for _, t, _ in sanctions(run(text, published="2024-03-04", url=GOV_URL))}
    assert {"Oleg Varin", "Marta Kessel", "Volga Rotor Works", "Arctic Optics", "Delta Fuse Systems"} <= found, found


def test_sanctions_one_word_company_named_by_its_description(run) -> None:
    text = "Additionally, we are designating Tekhflot, a specialized marine engineering company that builds tugs."
    found = sanctions(run(text, published="2022-05-08", url=GOV_URL))
    assert ("United States", "Tekhflot", "2022-05-08") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital acts for its country; a seat city for the body of kg/data/seats.tsv
        ("Ottawa has blacklisted Norvik Shipping since 2021.", ("Canada", "Norvik Shipping", "2021")),
        ("Brussels imposed sanctions on Baltic Ferrous Trading on Monday.",
         ("European Union", "Baltic Ferrous Trading", "2024-05-13")),
        # a name after a company noun is an organization, even when the model read it as a place
        ("The European Union on Friday imposed sanctions on Belarusian airline Avialesa.",
         ("European Union", "Avialesa", "2024-05-10")),
        # bans and restrictions on a named target; undated, told as done: the day of publication
        ("The State Department announced visa restrictions on Guatemalan judge Rosa Mendez.",
         ("United States", "Rosa Mendez", "2024-05-13")),
        ("The UN Security Council slapped sanctions on Korea Ryonbong General Corporation.",
         ("United Nations Security Council", "Korea Ryonbong General Corporation", "2024-05-13")),
    ],
)
def test_sanctions_capitals_bans_and_company_nouns(run, text, expected) -> None:
    found = sanctions(run(text, published="2024-05-13"))
    assert expected in found, found


def test_sanctions_a_capital_as_a_place_is_no_authority(run) -> None:
    assert sanctions(run("Sanctions on Norvik Shipping were discussed at a summit in Ottawa.",
                         published="2024-05-13")) == set()


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a plain two-word name the model tagged as nothing, designated
        ("Today we are designating God Ilyasov, a close associate of the regime.", "God Ilyasov"),
        # a first name the model read as a place, joined to the person's name after it
        ("Today we are also designating Vania Ilkova Petrova, his daughter.", "Vania Ilkova Petrova"),
    ],
)
def test_sanctions_names_the_model_missed(run, text, target) -> None:
    found = sanctions(run(text, published="2021-06-02", url="https://www.state.gov/example-designation/"))
    assert any(t == target for _, t, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the actor of "by designating" is the subject of the verb the phrase hangs on
        ("Today, the United States is taking further steps by designating a state-owned bank, Volga Credit Bank.",
         ("United States", "Volga Credit Bank", "2022-05-08")),
        # items after a semicolon that the parse hangs on an earlier verb
        ("Today, the United States is taking steps to raise the pressure by designating the executives of two "
         "banks, Sberbank and VTB; a state-owned lender, Volga Credit Bank, and its subsidiaries; and a weapons "
         "maker, Kalinovka Arms.", ("United States", "Kalinovka Arms", "2022-05-08")),
        # a name joined to a number, the model tagged nothing
        ("The Treasury Department is designating Ural-24 and Channel One.",
         ("United States", "Ural-24", "2022-05-08")),
        # a year of the deeds in a sentence told in the present perfect does not date the designation; in the
        # department's own release the present perfect tells the day of publication
        ("The State Department has designated Anton Kirov for his role in abuses committed in 1999.",
         ("United States", "Anton Kirov", "2022-05-08")),
    ],
)
def test_sanctions_long_release_sentences(run, text, expected) -> None:
    found = sanctions(run(text, published="2022-05-08", url="https://www.state.gov/example-designation/"))
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # where the targets are is no target
        ("Today, the Treasury is designating Gulf Star Trading LLC and two individuals located in Oman, Macau, "
         "and the UAE, that support the trade.", "United Arab Emirates"),
        # a relative named by a first name only
        ("- Full blocking sanctions on three Russian elites and their family members: Ivan Petrov (and his son, "
         "Oleg), and Anna Smirnova.", "Oleg"),
    ],
)
def test_sanctions_no_target_from_locations_or_first_names(run, text, absent) -> None:
    found = sanctions(run(text, published="2022-05-08", url="https://www.whitehouse.gov/example-fact-sheet/"))
    assert found and all(target != absent for _, target, _ in found), found


def test_sanctions_a_company_name_with_a_hyphen_is_whole(run) -> None:
    extraction = run("The Treasury today designated Neftegaz-Trans LLC, a fuel trader.", published="2026-04-14")
    names = {e.key: e.label for e in extraction.entities}
    targets = {names[f.target] for f in extraction.facts if isinstance(f, SanctionFact)}
    assert "Neftegaz-Trans LLC" in targets, targets


def test_sanctions_every_authority_of_a_joint_action(run) -> None:
    extraction = run("The United Kingdom and Canada jointly sanctioned the Wagner commander Ivan Petrov.",
                     published="2026-04-14")
    names = {e.key: e.label for e in extraction.entities}
    found = {(names[f.authority], names[f.target]) for f in extraction.facts if isinstance(f, SanctionFact)}
    assert {("United Kingdom", "Ivan Petrov"), ("Canada", "Ivan Petrov")} <= found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway froze the assets of nine Belarusian officials, among them the prosecutor Anton Lisin.",
         ("Norway", "Anton Lisin", None)),
        ("The Council of the European Union adopted restrictive measures against 12 people and 4 entities, "
         "including the Minsk Tractor Holding.", ("European Union", "Minsk Tractor Holding", None)),
    ],
)
def test_sanctions_members_named_after_a_group(run, text, expected) -> None:
    """A group's members named after ", among them" or ", including", read along the words."""
    assert expected in sanctions(run(text)), sanctions(run(text))


def test_sanctions_a_list_opened_after_a_quote_takes_the_action_told_at_the_top(run) -> None:
    text = ("The UK has today frozen the assets of a smuggling network.\n\n"
            "The network, run from Tirana by Albanian national Gezim Hoxha, charged migrants thousands of pounds.\n\n"
            "The Foreign Secretary said:\n\nCriminal gangs treat people as cargo.\n\n"
            "Those sanctioned today include:\n\n"
            "- Gezim Hoxha, the network's leader\n"
            "- Vlora Freight Sh.p.k., a haulage firm\n"
            "- Burgas Boat Trading EOOD, a boat importer")
    found = {(a, t) for a, t, _ in sanctions(run(text, published="2026-10-14"))}
    assert {("United Kingdom", "Gezim Hoxha"), ("United Kingdom", "Burgas Boat Trading EOOD")} <= found, found


def test_sanctions_a_bloc_and_a_country_that_list_one_target_are_two_authorities(run) -> None:
    text = ("The EU sanctioned Levan Otiashvili on Wednesday. The United States blacklisted Otiashvili in June, "
            "accusing him of abuses.")
    found = sanctions(run(text, published="2026-09-02"))
    assert {("European Union", "Levan Otiashvili", "2026-09-02"), ("United States", "Levan Otiashvili", "2026-06")} \
        <= found, found


def test_sanctions_a_target_recalled_as_hit_with_sanctions_is_no_action(run) -> None:
    text = "Talks stalled in Vienna. Iran, which was hit with sanctions in 2012, walked out on Friday."
    assert not sanctions(run(text, published="2026-09-02"))


def test_sanctions_bullet_lines_the_parse_splits_stay_in_the_list(run) -> None:
    text = ("Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) is designating the "
            "following:\n\n"
            "- Marco Antonio Ruiz Vera (a.k.a. \"El Gordo\"; DOB 11 Mar. 1982; POB Manta, Ecuador), the group's "
            "leader.\n"
            "- Rosa Elena Loor Cedeno (DOB 19 Jul. 1990), who manages the group's money.\n"
            "- The fishing vessel SANTA LUCIA III (Ecuador-flagged).")
    found = {t for _, t, _ in sanctions(run(text, published="2025-08-07"))}
    assert {"Marco Antonio Ruiz Vera", "Rosa Elena Loor Cedeno", "SANTA LUCIA III"} <= found, found


def test_sanctions_a_date_in_a_clause_on_the_target_does_not_date_the_action(run) -> None:
    """In a government's own release the present perfect ("has frozen") is the day of publication."""
    text = ("The UK has frozen the assets of the Kestrel ransomware group, which attacked two hospital suppliers in "
            "June.\n\nThe following individuals have been designated:\n\n- Pavel Igorevich Orlov, the group's leader")
    found = sanctions(run(text, published="2025-12-03", url="https://www.gov.uk/government/news/uk-sanctions-kestrel"))
    assert ("United Kingdom", "Pavel Igorevich Orlov", "2025-12-03") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Treasury slapped sanctions on Gloria Perez, the vice president of the council, and on two "
         "election chiefs, Hector Villa and Oriana Chavez.", ("United States", "Oriana Chavez")),
        ("EU ambassadors agreed on Tuesday to freeze the assets of judge Anton Kruk, and of Ivan Savich and "
         "Dmitry Koval, who run penal colonies.", ("European Union", "Dmitry Koval")),
    ],
)
def test_sanctions_targets_after_a_second_preposition_and_envoys_acting_for_a_bloc(run, text, expected) -> None:
    found = {(a, t) for a, t, _ in sanctions(run(text, published="2026-06-30"))}
    assert expected in found, found


def test_sanctions_news_dates_an_undated_action_by_the_one_before_or_the_day_of_publication(run) -> None:
    text = ("The European Union on Monday froze the assets of the Minsk judge Anton Kruk. Britain also sanctioned "
            "the Borisov Tractor Works. The United States blacklisted Kruk in June, and Britain froze the assets of "
            "Ivan Savich last month.")
    found = sanctions(run(text, published="2026-06-30"))
    assert {("European Union", "Anton Kruk", "2026-06-29"), ("United Kingdom", "Borisov Tractor Works", "2026-06-29"),
            ("United States", "Anton Kruk", "2026-06"), ("United Kingdom", "Ivan Savich", "2026-05")} <= found, found


def test_sanctions_a_date_of_what_came_before_does_not_date_the_action(run) -> None:
    text = ("The EU imposed sanctions on Anton Kruk on Wednesday. The Council adopted the measures after Hungary "
            "dropped its objections at a meeting last week.")
    assert ("European Union", "Anton Kruk", "2026-06-24") in sanctions(run(text, published="2026-06-25"))


def test_sanctions_a_council_release_lists_members_of_its_groups(run) -> None:
    text = ("The Council today adopted restrictive measures against four individuals and two entities responsible for "
            "attacks on civilians.\n\nThose listed include General Omar Jalab, a brigade commander, and Colonel Idris "
            "Harun. The Council also listed Ahmed Tigani, a militia leader.\n\nThe entities listed are the Darfur Star "
            "Mining Company, whose revenues fund the militia, and Wadi Logistics Ltd.")
    url = "https://www.consilium.europa.eu/en/press/press-releases/2026/06/22/sudan-council-sanctions/"
    found = {t for _, t, _ in sanctions(run(text, published="2026-06-22", url=url))}
    assert {"Omar Jalab", "Idris Harun", "Ahmed Tigani", "Darfur Star Mining Company"} <= found, found


def test_sanctions_asset_freezes_on_a_group_named_in_the_next_sentence(run) -> None:
    text = ("London announced asset freezes on the national police chief and two judges on Wednesday. The judges, "
            "Marisela Arroyo and Ana Ruiz Lopez, jailed dozens of protesters.")
    found = sanctions(run(text, published="2025-09-17"))
    assert ("United Kingdom", "Marisela Arroyo", "2025-09-17") in found, found


def test_sanctions_a_list_after_an_agentless_passive_takes_the_earlier_authority(run) -> None:
    text = ("Norway has today sanctioned four people who shipped fuel to the junta.\n"
            "Travel bans have also been imposed on three of their associates:\n"
            "- Eirik Solberg Dahl, the network's accountant\n"
            "- Kari Lund Hauge, a lawyer who set up its companies\n")
    found = sanctions(run(text, published="2026-03-09"))
    assert {("Norway", "Eirik Solberg Dahl", "2026-03-09"), ("Norway", "Kari Lund Hauge", "2026-03-09")} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the authority as a modifier of the sanctions the targets were hit with
        ("Two port officials, Ana Brito and Luis Mota, were hit with Canadian sanctions on Monday.",
         {("Canada", "Ana Brito", "2026-03-09"), ("Canada", "Luis Mota", "2026-03-09")}),
        # a second "of" hung on the verb, after a group the model read as a place
        ("Australia froze the assets of Los Halcones del Sur, a smuggling gang, and of its leader, Rui Vaz, on "
         "Monday.", {("Australia", "Los Halcones del Sur", "2026-03-09"), ("Australia", "Rui Vaz", "2026-03-09")}),
        # a bloc's ministers act for it; "the bloc" is the union of states named before
        ("EU foreign ministers added Kamal Idris and Sami Farah to the bloc's sanctions list on Monday.",
         {("European Union", "Kamal Idris", "2026-03-09"), ("European Union", "Sami Farah", "2026-03-09")}),
        ("ASEAN leaders met in Jakarta. On Monday the bloc placed Golden Reef Holdings Ltd under sanctions.",
         {("ASEAN", "Golden Reef Holdings Ltd", "2026-03-09")}),
        # designated as a terrorist: a sanction, not an appointment
        ("The State Department said it had designated Abu Khalid al-Rami as a Specially Designated Global "
         "Terrorist on Monday.", {("United States", "Abu Khalid al-Rami", "2026-03-09")}),
        # a country's department that no list knows acts for its country
        ("Norway's Ministry of Trade and Fisheries sanctioned Nordic Krill Holdings Ltd on Monday.",
         {("Norway", "Nordic Krill Holdings Ltd", "2026-03-09")}),
        # added to a blacklist in the passive, after an action with its authority
        ("Japan sanctioned the Kite Trading Company on Monday. Its broker, Omar Saleh, was added to the blacklist "
         "for moving the cash.", {("Japan", "Omar Saleh", "2026-03-09")}),
    ],
)
def test_sanctions_news_shapes_of_targets(run, text, expected) -> None:
    assert expected <= sanctions(run(text, published="2026-03-10")), sanctions(run(text, published="2026-03-10"))


def test_sanctions_a_releases_first_person_designates_people_after_a_body_and_their_kin(run) -> None:
    text = ("Today, I am publicly designating former Ruritanian Border Guard (RBG) Deputy Commander Tomas Vilk "
            "Arnault and former port governor Ilse Marten Kaur for their involvement in gross violations of human "
            "rights.\n\nUnder this authority, Vilk and Kaur are ineligible for entry into the United States. I am "
            "also publicly designating Vilk's spouse, Maria Elena Sook de Vilk, and Kaur's adult son, Peeter Kaur "
            "Lind, who are likewise ineligible for entry.")
    found = {t for _, t, _ in sanctions(run(text, published="2026-05-20", url=GOV_URL))}
    assert {"Tomas Vilk Arnault", "Maria Elena Sook de Vilk", "Peeter Kaur Lind"} <= found, found
    assert "Ruritanian Border Guard" not in found, found


def test_sanctions_the_same_people_told_before_by_another_authority(run) -> None:
    text = ("The European Union on Monday imposed restrictive measures on two judges, Ernesto Rodriguez and Octavio "
            "Bermudez, and on Blue Reef Trading Ltd. Canada sanctioned the same two judges on Tuesday.")
    found = sanctions(run(text, published="2026-03-11"))
    assert {("Canada", "Ernesto Rodriguez", "2026-03-10"), ("Canada", "Octavio Bermudez", "2026-03-10")} <= found, found
    assert not any(a == "Canada" and t == "Blue Reef Trading Ltd" for a, t, _ in found), found  # not a judge


def test_sanctions_the_same_people_are_those_of_the_last_action_naming_people(run) -> None:
    # news tells several governments' actions: "the same three judges" are the last action's, not every person
    # any authority sanctioned before; a person named beside them is a target too
    text = ("The Treasury Department on Monday slapped sanctions on two arms brokers, Omar Sidibe and Issa Maiga. "
            "The European Union on Wednesday imposed travel bans and asset freezes on three judges: Ana Lucia "
            "Perez, Tomas Varela and Rita Gomez. Norway sanctioned the same three judges and the prison chief, "
            "Halvard Lunde.")
    found = sanctions(run(text, published="2026-06-11", url="https://apnews.com/article/test-same"))
    norway = {t for a, t, _ in found if a == "Norway"}
    assert norway == {"Ana Lucia Perez", "Tomas Varela", "Rita Gomez", "Halvard Lunde"}, found
    assert {t for a, t, _ in found if a == "European Union"} == {"Ana Lucia Perez", "Tomas Varela", "Rita Gomez"}


GOV_UK = "https://www.gov.uk/government/news/uk-sanctions-test"


def test_sanctions_a_release_list_under_a_named_regime_is_the_governments_today(run) -> None:
    text = ("The UK has today sanctioned three officers of the Coastal Guard and two firms.\n\n"
            "The individuals sanctioned under the Global Anti-Corruption and Belarus sanctions regimes today are:\n\n"
            "- Major General Pavel Ostrov (also known as \"The Rook\"), commander of the Northern District\n"
            "- Colonel Irina Lask, head of procurement at the Coastal Guard\n\n"
            "The UK has also imposed an asset freeze on two companies:\n\n"
            "- Al-Noor Timber Trading Company, based in Minsk\n"
            "- Grodno Freight Partners Ltd (also known as GFP)")
    found = sanctions(run(text, published="2026-04-09", url=GOV_UK))
    assert {t for a, t, d in found if a == "United Kingdom" and d == "2026-04-09"} >= {
        "Pavel Ostrov", "Irina Lask", "Al-Noor Timber Trading Company", "Grodno Freight Partners Ltd"}, found
    assert not any("Major" in t or "Colonel" in t or "Anti-Corruption" in a for a, t, _ in found), found


def test_sanctions_a_list_told_in_the_passive_present_is_dated_the_day_of_the_release(run) -> None:
    text = ("Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) is sanctioning two "
            "people who finance the group.\n\n"
            "The following individuals are designated for having materially assisted the group:\n\n"
            "- Omar Haji Dualeh, a trader based in Berbera;\n"
            "- Sahra Ali Jama, who handles the network's transfers.")
    found = sanctions(run(text, published="2026-02-11", url="https://home.treasury.gov/news/press-releases/sb9999"))
    expected = {("Omar Haji Dualeh", "2026-02-11"), ("Sahra Ali Jama", "2026-02-11")}
    assert {(t, d) for _, t, d in found} >= expected, found


def test_sanctions_vessels_listed_in_capitals_with_numbers_are_read_whole(run) -> None:
    text = ("Today, OFAC is sanctioning two companies that run a fishing fleet.\n\n"
            "In addition, OFAC is identifying the following vessels, owned by Cove Line Holdings Limited, as "
            "property in which Cove Line has an interest:\n\n"
            "- SEA FALCON 7 (IMO 9400001), Panama-flagged longliner;\n"
            "- SILVER TIDE (IMO 9400002), reefer vessel.")
    found = sanctions(run(text, published="2025-11-06", url="https://home.treasury.gov/news/press-releases/sb9998"))
    assert {t for _, t, _ in found} >= {"SEA FALCON 7", "SILVER TIDE"}, found


def test_sanctions_a_sentence_naming_a_groups_members_may_name_more_targets(run) -> None:
    text = ("The United States on Thursday blacklisted two shipping companies and two vessels, the Treasury "
            "Department said.\n\n"
            "Halvard's director, Ole Brun, and Nordkapp's owner, Siv Aas, were also hit with sanctions, as were "
            "the vessels Polar Star and Sea Lynx.")
    found = sanctions(run(text, published="2026-07-09", url="https://www.reuters.com/world/test-blacklist/"))
    assert {t for _, t, _ in found} >= {"Ole Brun", "Siv Aas", "Polar Star"}, found


def test_sanctions_a_release_designating_officials_by_their_titles(run) -> None:
    text = ("Today, I am publicly designating former Paraguayan Minister of Ports and Waterways Ramiro Gutiérrez "
            "Benítez, former Vice Minister of Finance Luisa Ortega Paz, and the current Director General of the "
            "National Customs Directorate (Aduanas Paraguay), Julio César Brítez Mora, due to their involvement "
            "in significant corruption.")
    extraction = run(text, published="2025-09-18", url="https://www.state.gov/designation-of-officials-test/")
    found = sanctions(extraction)
    assert {t for _, t, _ in found} >= {"Ramiro Gutiérrez Benítez", "Luisa Ortega Paz"}, found
    people = {e.label for e in extraction.entities if e.kind == "Person"}
    assert "Aduanas Paraguay" not in people, people  # the body's other name, in brackets


def test_sanctions_one_person_told_by_a_common_noun_then_named(run) -> None:
    text = ("Washington blacklisted a senior army general and a Kampala-based gold trader on Wednesday, "
            "the Treasury Department said.\n\n"
            "The trader, Yusuf Kato Mirembe, bought the gold through his company, the statement said.")
    found = sanctions(run(text, published="2026-11-05", url="https://www.reuters.com/world/africa/test-gold/"))
    assert "Yusuf Kato Mirembe" in {t for _, t, _ in found}, found


def test_sanctions_a_second_on_names_a_second_target(run) -> None:
    text = ("Ottawa imposed travel bans on Gladys Quiroga and on Salta's newly declared governor, Tomas Ibarra, "
            "on Friday.")
    found = sanctions(run(text, published="2026-02-25", url="https://www.reuters.com/world/americas/test-bans/"))
    assert {(a, t) for a, t, _ in found} >= {("Canada", "Gladys Quiroga"), ("Canada", "Tomas Ibarra")}, found


def test_sanctions_a_group_that_says_it_was_designated_names_its_members(run) -> None:
    text = ("Britain has today sanctioned people and firms behind a smuggling ring, the Foreign Office said.\n\n"
            "The smuggling ring moved cigarettes through three Adriatic ports for several years, investigators "
            "found, and paid officials in each of them.\n\n"
            "Customs officers seized two of its trucks in May.\n\n"
            "The companies designated are Orla Freight Ltd, Dunmore Trading FZE and Kestrel Haulage LLC.\n\n"
            "The tanker MARLIN BAY, which police boarded in March, is among the three vessels designated today. "
            "The others are the CORAL DAWN and the GREY HERON.")
    found = sanctions(run(text, published="2026-05-14", url="https://www.gov.uk/government/news/test-ring"))
    assert {t for _, t, _ in found} >= {"Orla Freight Ltd", "Dunmore Trading FZE", "Kestrel Haulage LLC",
                                        "MARLIN BAY", "CORAL DAWN", "GREY HERON"}, found
    assert {a for a, _, _ in found} == {"United Kingdom"}, found


def test_sanctions_parties_introduced_with_a_short_name_after_a_count(run) -> None:
    text = ("WASHINGTON — Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) "
            "sanctioned two individuals and two entities that smuggle fuel.\n\n"
            "Procurement Network\n\n"
            "Tamaz Kvirikashvili (Kvirikashvili), a Georgian national, runs Mtkvari Fuel Co., Ltd. (Mtkvari Fuel), "
            "a trading house in Poti. His cousin, Eka Dolidze (Dolidze), keeps its books.\n\n"
            "Americans lost money to such schemes, according to the Federal Bureau of Investigation (FBI).")
    extraction = run(text, published="2026-06-02", url="https://home.treasury.gov/news/press-releases/test1")
    found = {t for _, t, _ in sanctions(extraction)}
    assert found >= {"Tamaz Kvirikashvili", "Mtkvari Fuel Co., Ltd.", "Eka Dolidze"}, found
    assert "Federal Bureau of Investigation" not in found, found
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds["Eka Dolidze"] == "Person" and kinds["Tamaz Kvirikashvili"] == "Person", kinds


def test_sanctions_a_country_stays_beside_another_countrys_body(run) -> None:
    text = ("The UK has today sanctioned two members of a hacking group.\n\n"
            "The following individuals have been designated:\n\n"
            "- Pavel Igorevich Sokolov, the group's leader\n"
            "- Olga Nikolayevna Zueva, who handled its payments\n\n"
            "The US Department of the Treasury today announced parallel designations of Sokolov and Zueva.")
    found = {(a, t) for a, t, _ in sanctions(run(text, published="2026-02-03",
                                                  url="https://www.gov.uk/government/news/test-hackers"))}
    assert {("United Kingdom", "Pavel Igorevich Sokolov"), ("United Kingdom", "Olga Nikolayevna Zueva"),
            ("United States", "Pavel Igorevich Sokolov")} <= found, found


def test_sanctions_vessels_by_imo_number_and_one_word_bullets(run) -> None:
    text = ("WASHINGTON — Today, OFAC sanctioned two persons who ship fuel for a militia. OFAC is identifying the "
            "following vessels as blocked property: the RED CORAL 3 (IMO 9345678), the NORTH WIND (IMO 9012345), "
            "and the trawler MV FALCON.\n\n"
            "OFAC is also identifying the following tankers as blocked property:\n\n"
            "- ZARAFSHAN (IMO 9274999), a Palau-flagged tanker\n"
            "- KESTREL BAY (IMO 9318000), a Togo-flagged tanker\n")
    found = {t for _, t, _ in sanctions(run(text, published="2026-02-11",
                                           url="https://home.treasury.gov/news/press-releases/test2"))}
    assert found >= {"RED CORAL 3", "NORTH WIND", "MV FALCON", "ZARAFSHAN", "KESTREL BAY"}, found


def test_sanctions_relatives_listed_after_a_first_one_and_names_with_particles(run) -> None:
    text = ("Today, the Department of State is publicly designating Milan Petrović, a former mayor. The Department "
            "is also publicly designating Petrović's wife, Vesna Petrović, and his adult daughter, Ana Petrović, "
            "as well as his brother's wife, Jelena Petrović. Concurrently, OFAC is designating Drina Gradnja "
            "d.o.o., a road building firm. OFAC is also designating Transportes del Norte S.A., a haulier.")
    found = {t for _, t, _ in sanctions(run(text, published="2025-11-20", url="https://www.state.gov/test-kin/"))}
    assert found >= {"Vesna Petrović", "Ana Petrović", "Jelena Petrović", "Drina Gradnja d.o.o",
                     "Transportes del Norte S.A."}, found


def test_sanctions_a_company_name_runs_on_to_its_latin_american_or_dotted_legal_form(run) -> None:
    text = ("Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) designated Pescados "
            "del Golfo, S. de R.L. de C.V., Agroexportadora Los Pinos, S.A. de C.V., and Gulf Pearl Marine L.L.C. "
            "for laundering the proceeds of drug sales.")
    found = {t for _, t, _ in sanctions(run(text, "2027-02-04", url="https://home.treasury.gov/news/press-releases/t"))}
    assert found == {"Pescados del Golfo, S. de R.L. de C.V.", "Agroexportadora Los Pinos, S.A. de C.V.",
                     "Gulf Pearl Marine L.L.C."}, found


def test_sanctions_a_name_hung_on_the_verb_after_its_description_is_the_target(run) -> None:
    # the parse hangs ", X," on the verb, not on "commander": X is the one designated
    text = ("The State Department said it had designated the militia's commander in the Kidal region, Abu Hamza "
            "al-Tilemsi, as a Specially Designated Global Terrorist. Canada on Friday sanctioned the network's chief "
            "financier, Lars Odegaard, and his firm.")
    found = {(a, t) for a, t, _ in sanctions(run(text, published="2026-05-11", url="https://www.reuters.com/t"))}
    assert {("United States", "Abu Hamza al-Tilemsi"), ("Canada", "Lars Odegaard")} <= found, found


def test_sanctions_designated_pursuant_to_an_order_and_a_law_year_is_no_date(run) -> None:
    # "designating X pursuant to E.O. ..." parsed as a clause "X [is] pursuant to ..."; the year in the name of
    # the appropriations act is no date of the designation, which is the release's day
    text = ("The Department of State is designating Armenian businessman Aram Petrosyan pursuant to Executive Order "
            "14024 for undermining the rule of law. Separately, the Department is publicly designating Petru "
            "Vulpe, a former customs director, under Section 7031(c) of the Department of State, Foreign "
            "Operations, and Related Programs Appropriations Act, 2026, due to his involvement in significant "
            "corruption.")
    found = sanctions(run(text, published="2026-03-12", url="https://www.state.gov/test-pursuant/"))
    assert {("United States", "Aram Petrosyan", "2026-03-12"),
            ("United States", "Petru Vulpe", "2026-03-12")} <= found, found


def test_sanctions_a_body_that_says_it_added_people_to_its_list_of_restrictive_measures_sanctions_them(run) -> None:
    # "it" is the body that says so, not the last subject before it (a dateline's city, another country)
    text = ("MADRID (AP) — Canada and Japan on Tuesday froze the assets of two generals. The Council of the European "
            "Union said it had added General Pablo Ortiz to its list of people facing restrictive measures.")
    found = {(a, t) for a, t, _ in sanctions(run(text, published="2026-09-02"))}
    assert ("European Union", "Pablo Ortiz") in found, found


def test_sanctions_titled_people_joined_by_and_and_measures_set_off_before_their_targets(run) -> None:
    # the parse may hang "Chief Justice A and Appeals Judge B" on B alone; "restrictive measures — an asset
    # freeze and a travel ban — against X" hangs "against" on the set-off nouns; "Vega Morales" is A's two
    # surnames, and "Paz" the judge "Maria Colombia Paz", whose middle name is a country's
    text = ("Washington blacklisted Chief Justice Carlos Vega Morales and Appeals Judge Maria Colombia Paz on "
            "Tuesday. The Council of the European Union adopted restrictive measures — an asset freeze and a travel "
            "ban — against five people, including Vega Morales and Paz.")
    found = {(a, t) for a, t, _ in sanctions(run(text, published="2026-09-15"))}
    assert {("United States", "Carlos Vega Morales"), ("United States", "Maria Colombia Paz"),
            ("European Union", "Carlos Vega Morales"), ("European Union", "Maria Colombia Paz")} <= found, found


def test_sanctions_the_council_of_its_own_release_and_people_among_those_listed(run) -> None:
    # in the Council's own release "the Council" is the publisher, though a "Foreign Affairs Council" is named
    # before; "Among those listed is X" names one of the targets of the measures told before
    text = ("On 2 March, the Foreign Affairs Council discussed the situation in the region.\n\n"
            "The Council today adopted restrictive measures against three individuals. Among those listed is Petar "
            "Lukić, a regional police chief. The Council also listed Jovan Marić, a businessman.")
    found = {(a, t) for a, t, _ in sanctions(run(text, published="2026-04-08",
                                                 url="https://www.consilium.europa.eu/en/press/t"))}
    assert {("European Union", "Petar Lukić"), ("European Union", "Jovan Marić")} \
        <= found, found


def test_sanctions_those_sanctioned_include_and_a_body_that_sanctions_in_a_relative_clause(run) -> None:
    # "Those sanctioned include X": targets of the action told before; "Britain, which today sanctioned Y": the
    # body the clause hangs on acts; "which blacklisted Z in 2021" recalls an action of years before
    text = ("Today, Norway is imposing sanctions on the Fjord Trading Group. Those sanctioned include its owner, "
            "Arne Vik, and his partner, Lars Dahl. The measures are coordinated with Britain, which today "
            "sanctioned Vik, and with Denmark, which blacklisted Dahl in 2021.")
    found = {(a, t) for a, t, _ in sanctions(run(text, published="2026-05-21"))}
    assert {("Norway", "Arne Vik"), ("Norway", "Lars Dahl"), ("United Kingdom", "Arne Vik")} <= found, found
    assert ("Denmark", "Lars Dahl") not in found, found


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # a company told again as "the company itself"
        ("Britain imposed sanctions on two men on Tuesday. Among those targeted is Oleg Varin, the chief executive "
         "of Riga-based Nordic Tanker Services. The company itself was also sanctioned.",
         {"Oleg Varin", "Nordic Tanker Services"}),
        # "along with both companies": the two named before in the sentence
        ("Britain also sanctioned Pavel Orlov, a director of Cyprus-based Kestrel Ship Management Ltd, and Ravi Nair, "
         "the owner of Dubai-registered Crescent Bay Shipping LLC, along with both companies, on Tuesday.",
         {"Pavel Orlov", "Ravi Nair", "Kestrel Ship Management Ltd", "Crescent Bay Shipping LLC"}),
        # a counted group's member named sentences later, however the parse hung the count
        ("Britain imposed sanctions on two individuals, three companies and 12 vessels on Tuesday, the Foreign "
         "Office said. Among those targeted is Oleg Varin, a shipping executive. Britain also sanctioned Ravi Nair. "
         "The tankers carried Russian crude. The third company is Eastbridge Petroleum FZE, a trader in Fujairah.",
         {"Oleg Varin", "Ravi Nair", "Eastbridge Petroleum FZE"}),
    ],
)
def test_sanctions_companies_told_again_and_counted_members(run, text, targets) -> None:
    found = {target for _, target, _ in sanctions(run(text, published="2026-10-15"))}
    assert targets <= found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company's one-word name the model tags as nothing or as a people, where a target is named
        ("Japan slapped sanctions on Tekhnoprom on Friday.", ("Japan", "Tekhnoprom")),
        ("Australia imposed sanctions on Zarvask and its owner on Tuesday.", ("Australia", "Zarvask")),
    ],
)
def test_sanctions_a_lone_name_the_model_missed_in_a_targets_place_is_a_target(run, text, expected) -> None:
    found = {(authority, target) for authority, target, _ in sanctions(run(text, published="2026-03-11"))}
    assert expected in found, found


def test_sanctions_a_lone_word_of_a_longer_name_is_no_target_of_its_own(run) -> None:
    text = "Japan imposed sanctions on Norilsk and Kola Nickel on Friday."
    found = {target for _, target, _ in sanctions(run(text, published="2026-03-11"))}
    assert "Nickel" not in found and "Kola" not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the ones named after "including", which the parse hangs on the list
        ("Canada added 14 individuals to its sanctions list, including the Wagner Group.", ("Canada", "Wagner Group")),
        # a bloc's council is the bloc
        ("The EU Council listed Viktor Orlov under its Russia sanctions regime.", ("European Union", "Viktor Orlov")),
    ],
)
def test_sanctions_added_to_a_list_by_a_blocs_council_or_named_after_the_list(run, text, expected) -> None:
    found = {(authority, target) for authority, target, _ in sanctions(run(text, published="2026-03-11"))}
    assert expected in found, found


def test_sanctions_every_name_the_parse_ran_into_a_listed_phrase_is_a_member(run) -> None:
    text = ("The Australian Government imposed sanctions on three individuals and two entities on Monday. "
            "The individuals are Ali Karimi, Reza Jafari and Mehdi Moradi, a judge of the Revolutionary Court. "
            "The entities are the Basij Cooperative Foundation and Tehran Steel Company.")
    extraction = run(text, published="2026-03-11")
    names = {e.key: e.label for e in extraction.entities}
    targets = {names.get(f.target) for f in extraction.facts if isinstance(f, SanctionFact)}
    assert {"Basij Cooperative Foundation", "Tehran Steel Company", "Mehdi Moradi"} <= targets, targets
    assert "Revolutionary Court" not in targets, targets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wire's dated dateline stands alone: its city and agency are no subject of the action
        ("OSLO, June 9 (Reuters) - Norway and Iceland on Monday imposed sanctions on Marten Sollie.",
         {("Norway", "Marten Sollie"), ("Iceland", "Marten Sollie")}),
        ("TBILISI, 3 Feb 2026 (AFP) - Britain sanctioned Levan Dadiani.", {("United Kingdom", "Levan Dadiani")}),
        # a city not in capitals, told as a dateline by the agency in brackets
        ("Geneva (AFP) - The European Union on Monday imposed sanctions on Levan Dadiani.",
         {("European Union", "Levan Dadiani")}),
    ],
)
def test_sanctions_after_a_wire_dateline_with_its_date(run, text, expected) -> None:
    found = {(authority, target) for authority, target, _ in sanctions(run(text, published="2026-06-10"))}
    assert expected <= found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name after a title and its body, which the parse hangs on the body, and the names listed with it
        ("Canada imposed sanctions on the owner of Serrano Freight, Ines Valcarce, on Friday.", {"Ines Valcarce"}),
        ("The State Department designated a former judge, Otto Brenner, and the governor of the Varna region, "
         "Kiril Dobrev, for corruption.", {"Otto Brenner", "Kiril Dobrev"}),
    ],
)
def test_sanctions_a_person_named_after_a_title_told_by_a_common_noun(run, text, expected) -> None:
    found = {target for _, target, _ in sanctions(run(text, published="2026-06-10"))}
    assert expected <= found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (a name ending in a title's word, a name the model tags as a place)
        ("Britain sanctioned two of the company's tankers, the Sea Countess and the Ionian Queen.",
         {"Sea Countess", "Ionian Queen"}),
        ("The Treasury designated the following vessels: the Nautilus Grace and the Arctic Dawn.",
         {"Nautilus Grace", "Arctic Dawn"}),
    ],
)
def test_sanctions_vessels_listed_after_a_plural_ship_noun_are_named_whole(run, text, expected) -> None:
    found = {target for _, target, _ in sanctions(run(text, published="2026-06-10"))}
    assert expected <= found, found


def test_sanctions_objects_joined_to_the_verb_and_no_teller_as_target(run) -> None:
    text = ("The European Union froze the assets of Idris Makanda and Yusuf Tembo, as well as the firms "
            "Kilwa Gold Ltd and Ruvuma Minerals. Britain also sanctioned Yusuf Tembo and Kilwa Gold Ltd, the "
            "Foreign Office said.")
    found = {(authority, target) for authority, target, _ in sanctions(run(text, published="2026-06-10"))}
    assert {("European Union", "Kilwa Gold Ltd"), ("European Union", "Ruvuma Minerals"),
            ("United Kingdom", "Kilwa Gold Ltd")} <= found, found
    assert not any(target == "Foreign Office" for _, target in found), found


@pytest.mark.parametrize(
    "text",
    [
        # "Among them are ..." after a count of people added to a register (the list noun read as a verb)
        "Norway has added 9 people and two entities to its sanctions register. Among them are the mayor of Kursk, "
        "Boris Lanin, and the arms maker Tula Precision.",
        "Norway added nine people and two firms to its sanctions list, among them Boris Lanin and Tula Precision.",
    ],
)
def test_sanctions_members_named_among_them_after_a_count(run, text) -> None:
    found = {(authority, target) for authority, target, _ in sanctions(run(text, published="2026-06-10"))}
    assert {("Norway", "Boris Lanin"), ("Norway", "Tula Precision")} <= found, found


def test_sanctions_targeted_only_right_after_a_sanction(run) -> None:
    told = ("WASHINGTON (AP) — The Trump administration on Tuesday sanctioned two militia leaders in Libya. "
            "The Treasury Department said it had targeted Salem Gadwi and Faraj Obeidi.")
    found = {(authority, target) for authority, target, _ in sanctions(run(told, published="2026-06-10"))}
    assert {("United States", "Salem Gadwi"), ("United States", "Faraj Obeidi")} \
        <= found, found
    attack = "Drones struck the port on Monday. The army said it had targeted Salem Gadwi, a militia leader."
    assert sanctions(run(attack, published="2026-06-10")) == set()


def test_sanctions_a_government_of_a_country_and_asset_freezing_measures(run) -> None:
    text = ("The Government of Japan decided today to implement asset-freezing measures against 6 individuals, "
            "including Deputy Energy Minister Pavel Grekov.")
    found = {(authority, target) for authority, target, _ in sanctions(run(text, published="2026-06-10"))}
    assert ("Japan", "Pavel Grekov") in found, found


def test_sanctions_a_company_named_again_without_its_first_word(run) -> None:
    text = ("OFAC sanctioned three firms today. Hong Kong-based Happy Phoenix Trading Limited shipped the parts. "
            "Happy Phoenix Trading Limited is being designated pursuant to E.O. 13846.")
    extraction = run(text, published="2026-06-10")
    assert "Phoenix Trading Limited" not in {e.label for e in extraction.entities}
    found = {target for _, target, _ in sanctions(extraction)}
    assert "Happy Phoenix Trading Limited" in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # targets that face the measures, with the authority of the sanction just told
        ("Australia imposed sanctions on a fuel cartel on Monday. Sandhurst Bunkering and its director, Olek "
         "Varga, face a travel ban and an asset freeze.", {("Australia", "Sandhurst Bunkering"),
                                                          ("Australia", "Olek Varga")}),
        # a designation or blacklisting told by its noun, by the one before it or after "by"
        ("Britain's designation of Harlow Resources was welcomed by campaigners.",
         {("United Kingdom", "Harlow Resources")}),
        ("The blacklisting of Quarry Hill Metals by the European Union cut the firm off from its banks.",
         {("European Union", "Quarry Hill Metals")}),
        # a package that includes sanctions on its targets: the one whose package it is
        ("Japan's latest package includes sanctions against the trader Viktor Lasko and the Amur Grain Company.",
         {("Japan", "Viktor Lasko"), ("Japan", "Amur Grain Company")}),
        # a second measure "on" its own target, and "freezes" read as a verb after a first measure
        ("Canada imposed an asset freeze on Tessaly Marine and a travel ban on its owner, Ivo Marek.",
         {("Canada", "Tessaly Marine"), ("Canada", "Ivo Marek")}),
        ("Norway also slapped visa restrictions and asset freezes on General Saleh Obeid.",
         {("Norway", "Saleh Obeid")}),
        # "of A and of B" after the assets; a counted group joined to the sanctions noun by the parse
        ("The European Union froze the assets of Ivan Zorin and of his company Kama Grain Ltd on Monday.",
         {("European Union", "Ivan Zorin"), ("European Union", "Kama Grain Ltd")}),
        ("The sanctions against Farid Aliyev, a Ganja trader, and two firms he controls, Kura Oil LLC and Shirvan "
         "Cargo, were announced by Britain on Monday.", {("United Kingdom", "Kura Oil LLC"),
                                                         ("United Kingdom", "Shirvan Cargo")}),
    ],
)
def test_sanctions_told_by_facing_by_a_noun_or_by_a_second_measure(run, text, expected) -> None:
    found = {(authority, target) for authority, target, _ in sanctions(run(text, published="2026-06-10"))}
    assert expected <= found, found


def test_sanctions_facing_measures_without_a_sanction_before_is_no_sanction(run) -> None:
    text = "Opposition leaders said on Monday that Sandhurst Bunkering could face a travel ban."
    assert sanctions(run(text, published="2026-06-10")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The Council further listed ..." after the bloc acted: the bloc, and every name of the list
        ("The European Union imposed sanctions on Monday. The Council further listed Tamar Odeshvili, a former "
         "deputy governor of Kutaisi who hired the organisers, Levan Bakradze, a Batumi-based blogger who ran "
         "fake news channels, and Nino Abashidze, a retired judge.",
         {"Tamar Odeshvili", "Levan Bakradze", "Nino Abashidze"}),
        # restrictive measures told in the passive, after the authority acted
        ("The Council of the European Union imposed sanctions on Monday. In addition, restrictive measures were "
         "imposed on Kolhida Consult LLC, a Tbilisi consultancy, and on its director, Zurab Gelashvili.",
         {"Kolhida Consult LLC", "Zurab Gelashvili"}),
    ],
)
def test_sanctions_further_listed_by_a_bodys_bare_noun_and_passive_restrictive_measures(run, text, expected) -> None:
    found = {target for _, target, _ in sanctions(run(text, published="2026-06-10"))}
    assert expected <= found, found


def test_sanctions_a_teller_named_in_parts_after_a_count_of_ships_is_no_vessel(run) -> None:
    text = ("Britain sanctioned the trader Olek Varga, as well as 12 tankers, the Foreign, Commonwealth and "
            "Development Office said.")
    found = {target for _, target, _ in sanctions(run(text, published="2026-06-10"))}
    assert not found & {"Foreign", "Commonwealth", "Development Office"}, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body acts for its country, kept as the issuer; two bodies of one country are two sanctions
        ("OFAC designated Quarry Hill Metals on Monday.",
         {("United States", "Quarry Hill Metals", "Office of Foreign Assets Control")}),
        ("The State Department designated Olek Varga on Monday. The Treasury Department also designated Olek Varga.",
         {("United States", "Olek Varga", "US State Department"),
          ("United States", "Olek Varga", "U.S. Department of the Treasury")}),
        # the country a body's name tells
        ("Global Affairs Canada sanctioned Olek Varga on Monday.", {("Canada", "Olek Varga", "Global Affairs Canada")}),
        ("The Japanese Ministry of Finance froze the assets of Olek Varga on Monday.",
         {("Japan", "Olek Varga", "Japanese Ministry of Finance")}),
        # a country told alone has no issuer
        ("Britain sanctioned Olek Varga on Monday.", {("United Kingdom", "Olek Varga", None)}),
    ],
)
def test_sanctions_a_government_body_acts_for_its_country_as_the_issuer(run, text, expected) -> None:
    extraction = run(text, published="2026-03-11")
    names = {e.key: e.label for e in extraction.entities}
    found = {(names[f.authority], names[f.target], names.get(f.issuer or ""))
             for f in extraction.facts if isinstance(f, SanctionFact)}
    assert found == expected, found


def test_sanctions_another_bodys_action_told_in_a_release_keeps_no_date(run) -> None:
    # the State Department's release dates its own designation; the Treasury's, told in the perfect, is undated
    text = ("Today, the Department is designating Orlin Vasev due to his involvement in significant corruption. "
            "The Department of the Treasury also has designated Vasev and his company, Strandzha Holding.")
    extraction = run(text, published="2026-03-11", url="https://www.state.gov/releases/2026/03/designation")
    names = {e.key: e.label for e in extraction.entities}
    found = {(names[f.target], names.get(f.issuer or ""), f.date.value if f.date else None)
             for f in extraction.facts if isinstance(f, SanctionFact)}
    assert ("Orlin Vasev", "US State Department", "2026-03-11") in found, found
    assert ("Orlin Vasev", "U.S. Department of the Treasury", None) in found, found


def test_sanctions_hit_with_sanctions_as_well_after_a_sanction(run) -> None:
    text = ("Britain sanctioned two arms brokers on Monday. A Tallinn-based forwarder, Kalev Cargo, was hit with "
            "sanctions as well.")
    found = {(authority, target) for authority, target, _ in sanctions(run(text, published="2026-03-11"))}
    assert ("United Kingdom", "Kalev Cargo") in found, found


def test_sanctions_the_voice_of_a_government_release_without_a_named_body_is_its_country(run) -> None:
    text = "I have today imposed an asset freeze and a travel ban on Varga Holdings and its owner, Olek Varga."
    url = "https://www.gov.uk/government/news/asset-freeze-on-varga-network"
    found = {(authority, target) for authority, target, _ in sanctions(run(text, published="2026-03-11", url=url))}
    assert {("United Kingdom", "Varga Holdings"), ("United Kingdom", "Olek Varga")} <= found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title without a name, or the bare "Government", in a government's release: its country
        ("The Foreign Secretary has today sanctioned Tessaly Marine.", "United Kingdom"),
        ("The Government has today designated Tessaly Marine under the Russia sanctions regime.", "United Kingdom"),
        # another country's title keeps that country
        ("The French Foreign Minister has today sanctioned Tessaly Marine.", "France"),
    ],
)
def test_sanctions_an_unnamed_title_in_a_government_release(run, text, expected) -> None:
    url = "https://www.gov.uk/government/news/tessaly"
    found = {(authority, target) for authority, target, _ in sanctions(run(text, published="2026-03-11", url=url))}
    assert (expected, "Tessaly Marine") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # vessels identified in the passive, after the sanction that names their owner
        ("Britain sanctioned the shipper Kestrel Lines on Monday. The tankers Coral Meridian and Nightjar Star "
         "were identified as blocked property.", ("United Kingdom", "Nightjar Star")),
        # "The designation of X" after a sanction: that designation, by its authority
        ("The EU sanctioned three traders on Monday. The designation of Olek Varga, a grain trader, cuts him off "
         "from European banks.", ("European Union", "Olek Varga")),
    ],
)
def test_sanctions_told_again_by_a_passive_identification_or_the_designation(run, text, expected) -> None:
    found = {(authority, target) for authority, target, _ in sanctions(run(text, published="2026-03-11"))}
    assert expected in found, found
