// Sentence → events, each with a fixed publication date: the coder's table of cases, one family a block.
import assert from "node:assert/strict";
import { test } from "node:test";
import { brief, codeText } from "../support/code.ts";

const CASES: Array<{ text: string; published: string; expect: string[] }> = [
  {
    text: "Panama cut diplomatic ties with Taiwan on Monday and established diplomatic relations with China.",
    published: "2017-06-13",
    expect: [
      "SEVER_RELATIONS PAN>TWN occurred 2017-06-12",
      "ESTABLISH_RELATIONS PAN>CHN occurred 2017-06-12",
    ],
  },
  {
    text: "Japan will provide Paraguay with a $240 million loan for infrastructure, officials said on Thursday.",
    published: "2025-05-23",
    expect: ["LOAN JPN>PRY pledged 2025-05-22"],
  },
  {
    text: "Palau's President Surangel Whipps Jr. visited Taipei on Monday.",
    published: "2022-10-07",
    expect: ["VISIT PLW>TWN occurred 2022-10-03"],
  },
  {
    text: "Japan and Paraguay agreed on Wednesday to upgrade relations to a strategic partnership.",
    published: "2025-05-23",
    expect: ["UPGRADE_RELATIONS JPN>PRY pledged 2025-05-21"],
  },
  {
    text: "Beijing condemned the U.S. arms sale to Taiwan on Sunday.",
    published: "2024-12-02",
    expect: ["CRITICIZE CHN>USA occurred 2024-12-01", "SECURITY_COOPERATION USA>TWN occurred 2024-12-01"],
  },
  {
    text: "Vietnam's foreign minister telephoned his Indonesian counterpart on Tuesday to discuss fishing disputes.",
    published: "2024-03-08",
    expect: ["MEET IDN>VNM occurred 2024-03-05"],
  },
  {
    text: "Egypt on Monday demanded that Ethiopia stop filling the reservoir until a deal is reached.",
    published: "2024-03-06",
    expect: ["REQUEST EGY>ETH occurred 2024-03-04"],
  },
  {
    text: "Morocco and Spain agreed upon a new fisheries accord on Thursday, the two governments said.",
    published: "2024-03-08",
    expect: ["SIGN_AGREEMENT ESP>MAR occurred 2024-03-07"],
  },
  {
    text: "Lithuania's decision was sharply criticized by Beijing on Monday.",
    published: "2021-08-12",
    expect: ["CRITICIZE CHN>LTU occurred 2021-08-09"],
  },
  {
    text: "France and India began joint naval exercises in the Arabian Sea on Monday.",
    published: "2024-03-08",
    expect: ["SECURITY_COOPERATION FRA>IND occurred 2024-03-04"],
  },
];

test("joint drills are cooperation between the two, not a show of force by one against the other", async () => {
  const got = brief(
    await codeText("Jordan and Britain held joint military exercises on Monday.", "2024-03-08"),
  );
  assert.ok(!got.some((e) => e.startsWith("WARN")), got.join("; "));
});

test("relations with no named partner go to a claimant only when the ledger has the state change sides then", async () => {
  // Mongolia has recognized Beijing since 1949: new ties it announces are with someone else.
  const got = brief(
    await codeText(
      "Mongolia has established diplomatic ties with and opened an embassy in Hanoi, officials said on Wednesday.",
      "2024-03-08",
    ),
  );
  assert.ok(!got.some((e) => e.includes(">CHN")), got.join("; "));
  // Nauru switched on 2024-01-15: "it established relations" then is with Beijing.
  const nauru = brief(
    await codeText("Nauru said on Wednesday it had established diplomatic relations.", "2024-01-26"),
  );
  assert.ok(
    nauru.some((e) => e.startsWith("ESTABLISH_RELATIONS NRU>CHN")),
    nauru.join("; "),
  );
});

for (const c of CASES) {
  test(`codes: ${c.text}`, async () => {
    const got = brief(await codeText(c.text, c.published));
    for (const e of c.expect) assert.ok(got.includes(e), `expected ${e}; got ${got.join("; ")}`);
  });
}

test("one act told twice in an article is one event", async () => {
  const events = await codeText(
    "Kiribati cut ties with Taiwan on Friday. The decision by Kiribati to cut ties with Taiwan came days after the Solomon Islands did the same.",
    "2019-09-21",
  );
  assert.equal(
    events.filter((e) => e.type === "SEVER_RELATIONS" && e.source === "KIR").length,
    1,
    brief(events).join("; "),
  );
});

test('a visit told as what comes after ("ahead of") has not happened yet', async () => {
  const got = brief(
    await codeText(
      "Ghana's president landed in Madrid on Monday ahead of a visit to Portugal.",
      "2024-03-08",
    ),
  );
  assert.ok(got.includes("VISIT GHA>ESP occurred 2024-03-04"), got.join("; "));
  assert.ok(!got.some((e) => e.startsWith("VISIT GHA>PRT occurred")), got.join("; "));
});

test("the ledger's switch near the act settles a recognition's other party, not the day after the report", async () => {
  // Malawi's switch took effect on 2007-12-28 and was told on 2008-01-14: the break is still with Taipei.
  const malawi = brief(
    await codeText(
      "Malawi broke off diplomatic relations with Taiwan on Monday, saying it now recognized China.",
      "2008-01-15",
    ),
  );
  assert.ok(malawi.includes("SEVER_RELATIONS MWI>TWN occurred 2008-01-14"), malawi.join("; "));
  // A row in the ledger that keeps the same side (a disputed communiqué) is no switch to follow.
  const vanuatu = brief(
    await codeText("Taiwan and Vanuatu set up diplomatic relations on Wednesday.", "2004-11-04"),
  );
  assert.ok(vanuatu.includes("ESTABLISH_RELATIONS VUT>TWN occurred 2004-11-03"), vanuatu.join("; "));
});

test("an unnamed ministry speaks for the state the sentence opens in", async () => {
  const got = brief(
    await codeText(
      "In Taipei, the foreign ministry said on Monday that it was cutting ties with Malawi at once.",
      "2008-01-15",
    ),
  );
  assert.ok(got.includes("SEVER_RELATIONS TWN>MWI occurred 2008-01-14"), got.join("; "));
});

test("a misdeed told of someone is the teller's charge against them", async () => {
  const got = brief(
    await codeText(
      "Foreign Minister Joseph Wu told reporters on Monday that Honduras had reneged on its promises.",
      "2023-03-28",
    ),
  );
  assert.ok(got.includes("CRITICIZE TWN>HND occurred 2023-03-27"), got.join("; "));
});

test("a leader who reaches a state visits it; reaching an agreement is no trip", async () => {
  const trip = brief(
    await codeText("Chile's president reached Argentina on Friday for two days of talks.", "2024-03-11"),
  );
  assert.ok(trip.includes("VISIT CHL>ARG occurred 2024-03-08"), trip.join("; "));
  const deal = brief(await codeText("Chile reached an agreement with Argentina on Friday.", "2024-03-11"));
  assert.ok(!deal.some((e) => e.startsWith("VISIT")), deal.join("; "));
});

test("a known official's state wins over a demonym two states share", async () => {
  const got = brief(
    await codeText(
      "Dominican Prime Minister Roosevelt Skerrit met Chinese Premier Wen Jiabao in Beijing on Tuesday.",
      "2004-04-02",
    ),
  );
  assert.ok(got.includes("MEET CHN>DMA occurred 2004-03-30"), got.join("; "));
  assert.ok(!got.some((e) => e.includes("DOM")), got.join("; "));
});

test('"it said" after an opening phrase is the one that spoke just before; a charge of failing is no denial', async () => {
  const got = brief(
    await codeText(
      "In Taipei, the foreign ministry said on Monday that it was cutting ties with Malawi. In a statement, it said Malawi had failed to honour its promises.",
      "2008-01-15",
    ),
  );
  assert.ok(got.includes("CRITICIZE TWN>MWI occurred 2008-01-14"), got.join("; "));
});

test("talks that failed to reach an agreement are no signing", async () => {
  const got = brief(await codeText("Japan and China failed to reach an agreement on Monday.", "2024-03-08"));
  assert.ok(!got.some((e) => e.startsWith("SIGN_AGREEMENT") && e.includes("occurred")), got.join("; "));
});

test("support given to someone named inside the phrase, and a charge of blackmail told by a speaker", async () => {
  const support = brief(
    await codeText(
      "Palau's president pledged on Monday to keep giving Taiwan strong support at the United Nations.",
      "2024-03-12",
    ),
  );
  assert.ok(
    support.some((e) => e.startsWith("EXPRESS_SUPPORT PLW>TWN")),
    support.join("; "),
  );
  const charge = brief(
    await codeText(
      "President Lai Ching-te said on Monday that China was engaged in political blackmail.",
      "2024-06-04",
    ),
  );
  assert.ok(charge.includes("CRITICIZE TWN>CHN occurred 2024-06-03"), charge.join("; "));
});

test("an act ahead of which the main clause happens takes no date from it", async () => {
  const got = await codeText(
    "Ghana's president landed in Madrid on Monday ahead of a visit to Portugal. Two days before the vote, Honduras cut ties with Taiwan on Tuesday.",
    "2024-03-08",
  );
  const visit = got.find((e) => e.type === "VISIT" && e.target === "PRT");
  assert.ok(visit && visit.date === null, brief(got).join("; "));
  const cut = got.find((e) => e.type === "SEVER_RELATIONS" && e.source === "HND");
  assert.equal(cut?.date, "2024-03-05", brief(got).join("; "));
});

test('two subjects joined by "and" are the parties of a signing, not the state named after it', async () => {
  const got = brief(
    await codeText(
      "China and Nauru on Wednesday signed a joint communique in Beijing, nine days after the island broke with Taiwan.",
      "2024-01-25",
    ),
  );
  assert.ok(got.includes("SIGN_AGREEMENT CHN>NRU occurred 2024-01-24"), got.join("; "));
  assert.ok(!got.some((e) => e.startsWith("SIGN_AGREEMENT") && e.includes("TWN")), got.join("; "));
});

test("a state named in a relative clause after the cue is not its target", async () => {
  const got = brief(
    await codeText(
      "Palau criticized China ahead of a visit by Taiwan's president that has angered Beijing.",
      "2024-12-03",
    ),
  );
  assert.ok(!got.some((e) => e.startsWith("VISIT TWN>CHN")), got.join("; "));
});

test('an act told "N days after" or "since" another is not dated from the main clause', async () => {
  const got = await codeText(
    "China and Nauru on Wednesday signed a joint communique in Beijing, nine days after the island state broke with Taiwan.",
    "2024-01-25",
  );
  assert.ok(
    got.every((e) => e.date === null || e.date <= "2024-01-25"),
    `no act lies after the report: ${brief(got).join("; ")}`,
  );
});

test("aid received: the subject receives, the one named with the aid gives", async () => {
  const got = brief(
    await codeText(
      "Tonga stands to receive $40 million in Australian development assistance, officials said on Monday.",
      "2024-03-12",
    ),
  );
  assert.ok(
    got.some((e) => e.startsWith("PLEDGE_AID AUS>TON pledged")),
    got.join("; "),
  );
  assert.ok(!got.some((e) => e.startsWith("PLEDGE_AID TON>")), got.join("; "));
});

test('"X must …" told by someone is their request of X; "called on" a leader is a meeting, "called on X to" a request', async () => {
  const must = brief(
    await codeText(
      "The British foreign secretary said on Monday that Libya must hand over the two suspects.",
      "2024-03-12",
    ),
  );
  assert.ok(must.includes("REQUEST GBR>LBY occurred 2024-03-11"), must.join("; "));
  const visit = brief(
    await codeText(
      "Taiwan's foreign minister called on Prime Minister Russell Dlamini of Eswatini on Wednesday.",
      "2025-04-24",
    ),
  );
  assert.ok(!visit.some((e) => e.startsWith("REQUEST")), visit.join("; "));
  const ask = brief(
    await codeText("Japan on Monday called on the United States to cut the tariff.", "2025-05-20"),
  );
  assert.ok(ask.includes("REQUEST JPN>USA occurred 2025-05-19"), ask.join("; "));
});

test("renewed negotiations between two are a meeting; shared intelligence and extradition are security cooperation", async () => {
  const talks = brief(await codeText("Israel and Lebanon renewed negotiations on Tuesday.", "2024-03-13"));
  assert.ok(talks.includes("MEET ISR>LBN occurred 2024-03-12"), talks.join("; "));
  const shared = brief(await codeText("Jordan shared intelligence with Egypt on Monday.", "2024-03-12"));
  assert.ok(shared.includes("SECURITY_COOPERATION JOR>EGY occurred 2024-03-11"), shared.join("; "));
});

test("threats to act against someone, and blame or a summoned envoy, are warnings and criticism", async () => {
  const threat = brief(
    await codeText("Azerbaijan threatened on Monday to cut off gas supplies to Armenia.", "2024-03-12"),
  );
  assert.ok(threat.includes("WARN AZE>ARM occurred 2024-03-11"), threat.join("; "));
  const summoned = brief(
    await codeText(
      "Nigeria's foreign minister summoned Niger's ambassador on Tuesday over the border raids.",
      "2024-03-13",
    ),
  );
  assert.ok(summoned.includes("CRITICIZE NGA>NER occurred 2024-03-12"), summoned.join("; "));
  const blamed = brief(await codeText("Serbia blamed Albania on Friday for the unrest.", "2024-03-16"));
  assert.ok(blamed.includes("CRITICIZE SRB>ALB occurred 2024-03-15"), blamed.join("; "));
});

test("a scheduled act is pledged; a plan called off is denied", async () => {
  const scheduled = brief(
    await codeText("Chile's foreign minister is scheduled to meet Peru's president on Monday.", "2024-03-08"),
  );
  assert.ok(scheduled.includes("MEET CHL>PER pledged 2024-03-11"), scheduled.join("; "));
  const calledOff = brief(
    await codeText("Kenya called off a meeting with Ugandan officials on Tuesday.", "2024-03-08"),
  );
  assert.ok(calledOff.includes("MEET KEN>UGA denied 2024-03-05"), calledOff.join("; "));
  const cancelled = brief(
    await codeText(
      "Ghana's president had been due to fly to Togo next week, but the trip was cancelled.",
      "2024-03-08",
    ),
  );
  assert.ok(!cancelled.some((e) => e.includes("pledged")), cancelled.join("; "));
});

test("the owner of a promise or offer is its giver; a protest delivered to someone criticizes them", async () => {
  const promise = brief(
    await codeText(
      "Senegal's president welcomed French President Emmanuel Macron's promise of assistance to Senegal on Monday.",
      "2024-03-12",
    ),
  );
  assert.ok(promise.includes("PLEDGE_AID FRA>SEN pledged 2024-03-11"), promise.join("; "));
  const protest = brief(
    await codeText(
      "Norway's deputy foreign minister delivered a formal protest to Russia's ambassador on Friday.",
      "2024-03-16",
    ),
  );
  assert.ok(protest.includes("CRITICIZE NOR>RUS occurred 2024-03-15"), protest.join("; "));
});

test("ties ended or re-established in other words; talks between two named parties are a meeting", async () => {
  const ended = brief(
    await codeText(
      "The decision ends Bhutan's recognition of India, the ministry said on Friday.",
      "2024-03-16",
    ),
  );
  assert.ok(ended.includes("SEVER_RELATIONS BTN>IND occurred 2024-03-15"), ended.join("; "));
  const again = brief(
    await codeText("Morocco re-established diplomatic relations with Iran on Thursday.", "2024-03-16"),
  );
  assert.ok(again.includes("ESTABLISH_RELATIONS MAR>IRN occurred 2024-03-14"), again.join("; "));
  const talks = brief(
    await codeText(
      "The accord came out of talks on Monday between Kenyan Foreign Minister Musalia Mudavadi and his Somali counterpart.",
      "2024-03-16",
    ),
  );
  assert.ok(
    talks.some((e) => e.startsWith("MEET KEN>SOM")),
    talks.join("; "),
  );
});

test("a weekday told as what would come is the next one", async () => {
  const next = brief(
    await codeText(
      "The ministry said on Thursday that the Ecuadorean president's visit to Colombia would begin on Saturday.",
      "2024-03-15",
    ),
  );
  assert.ok(next.includes("VISIT ECU>COL pledged 2024-03-16"), next.join("; "));
});

test("the object of a preposition is no subject; a warning is told, whatever future it tells of", async () => {
  const stop = brief(
    await codeText(
      "Kenyan President William Ruto left Ghana on Friday. On his way home from Ghana he stopped in Abuja and met Nigeria's president.",
      "2024-03-16",
    ),
  );
  assert.ok(stop.includes("MEET KEN>NGA occurred 2024-03-15"), stop.join("; "));
  const warned = brief(
    await codeText(
      "Russia's foreign ministry said on Monday that Finland would pay a heavy price.",
      "2024-03-12",
    ),
  );
  assert.ok(warned.includes("WARN RUS>FIN occurred 2024-03-11"), warned.join("; "));
});

test("giving in to pressure, told of someone, is the teller's charge", async () => {
  const gave = brief(
    await codeText(
      "ASUNCION — Uruguay had given in to enormous pressure from Brazil, the Paraguayan foreign minister said on Monday.",
      "2024-03-12",
    ),
  );
  assert.ok(gave.includes("CRITICIZE PRY>URY occurred 2024-03-11"), gave.join("; "));
});

test("'the two presidents' are the last two parties named; a promise to back someone is support", async () => {
  const two = brief(
    await codeText(
      "Chile's president arrived in Lima on Thursday for talks with Peru's president. The two presidents signed a border accord on Friday.",
      "2024-03-16",
    ),
  );
  assert.ok(two.includes("SIGN_AGREEMENT CHL>PER occurred 2024-03-15"), two.join("; "));
  const back = brief(
    await codeText(
      "Ghana on Monday thanked Togo for promising to back Ghana's bid for a council seat.",
      "2024-03-12",
    ),
  );
  assert.ok(
    back.some((e) => e.startsWith("EXPRESS_SUPPORT TGO>GHA pledged")),
    back.join("; "),
  );
});

test("an undated act looked back on after the main clause is background, not news", async () => {
  const after = brief(
    await codeText(
      "Exports rose by a third on Tuesday, 50 days after the two countries reached an agreement. Chile signed an accord with Peru on Tuesday.",
      "2024-03-16",
    ),
  );
  assert.deepEqual(after, ["SIGN_AGREEMENT CHL>PER occurred 2024-03-12"]);
});

test("the dateline is where the story is filed, not a party; a teller named after the cue says it", async () => {
  const filed = brief(
    await codeText(
      "OSLO (Reuters) - Sweden's prime minister will pay a heavy price for his visit to Taiwan, Russia's foreign minister said on Monday.",
      "2024-03-12",
    ),
  );
  assert.ok(filed.includes("WARN RUS>SWE occurred 2024-03-11"), filed.join("; "));
  assert.ok(!filed.some((e) => e.includes("NOR")), filed.join("; "));
});

test("a name's parenthesis does not hide its owner; May beside a number is the month", async () => {
  const owner = brief(
    await codeText(
      "Beijing on Sunday condemned Vice President Lai Ching-te's (賴清德) stop in Brazil.",
      "2023-08-14",
    ),
  );
  assert.ok(owner.includes("VISIT TWN>BRA occurred 2023-08-13"), owner.join("; "));
  const may = brief(
    await codeText(
      "LIMA, May 14 - Chile re-established diplomatic relations with Peru on Saturday.",
      "2005-05-14",
    ),
  );
  assert.ok(may.includes("ESTABLISH_RELATIONS CHL>PER occurred 2005-05-14"), may.join("; "));
});

test("supporting another's fund is aid", async () => {
  const fund = brief(
    await codeText(
      "Japan will also support a Peruvian fund for flood relief, the minister said.",
      "2024-03-12",
    ),
  );
  assert.ok(fund.includes("PLEDGE_AID JPN>PER pledged 2024-03-12"), fund.join("; "));
});

test("'he' after a person who opens the sentence is that person, not one named before", async () => {
  const he = brief(
    await codeText(
      "Russian Foreign Minister Sergei Lavrov spoke on Monday. Brazil's Foreign Minister Mauro Vieira flew in late last month, and on Tuesday he and Peruvian Foreign Minister Javier Gonzalez-Olaechea signed an accord.",
      "2024-03-14",
    ),
  );
  assert.ok(he.includes("SIGN_AGREEMENT BRA>PER occurred 2024-03-12"), he.join("; "));
});

test("names joined by commas alone are no list: the last may open a new clause", async () => {
  const visit = brief(
    await codeText(
      "Sweden's prime minister will regret his visit to Finland, Russia's foreign minister said on Monday.",
      "2024-03-12",
    ),
  );
  assert.ok(
    visit.some((e) => e.startsWith("VISIT SWE>FIN")),
    visit.join("; "),
  );
  assert.ok(!visit.some((e) => e.startsWith("VISIT SWE>RUS")), visit.join("; "));
  const list = brief(
    await codeText("Chile's president visited Peru, Bolivia and Ecuador last week.", "2024-03-12"),
  );
  for (const host of ["PER", "BOL", "ECU"])
    assert.ok(
      list.some((e) => e.startsWith(`VISIT CHL>${host}`)),
      list.join("; "),
    );
});

test("a plan told in the past keeps the last such day; 'is to' is a plan; a 'he' who opens a sentence stays followed", async () => {
  const due = brief(
    await codeText(
      "Brazil's President Luiz Inacio Lula da Silva landed in Lisbon on Saturday and was due to fly on to Spain on Sunday night.",
      "2024-03-18",
    ),
  );
  assert.ok(due.includes("VISIT BRA>ESP pledged 2024-03-17"), due.join("; "));
  const he = brief(
    await codeText(
      "Brazil's President Luiz Inacio Lula da Silva arrived in Lisbon on Saturday. He will attend Milei's inauguration on Tuesday. On the way home he is to pass through Madrid on Wednesday.",
      "2024-03-18",
    ),
  );
  assert.ok(he.includes("VISIT BRA>ESP pledged 2024-03-20"), he.join("; "));
});

test("standing behind someone is support", async () => {
  const behind = brief(await codeText("Chile stood behind Peru's bid on Monday.", "2024-03-12"));
  assert.ok(
    behind.some((e) => e.startsWith("EXPRESS_SUPPORT CHL>PER")),
    behind.join("; "),
  );
});
