/**
 * General vocabulary the classifier recognises besides the registry: AI, copyright, litigation, policy,
 * other legal subjects, caption connectors and attribution words, in the languages the wire covers.
 * A leading or trailing `*` lets a term match inside a longer word (German compounds, inflections).
 */

/** Vocabulary categories (bit flags). */
export const V = {
  AI: 1,
  COPY: 2,
  LIT: 4,
  FILING: 8,
  POLICY: 16,
  CONNECTOR: 32,
  NEG: 64,
  NOTICE: 128,
  ATTRIB_BEFORE: 256,
  ATTRIB_AFTER: 512,
  SUIT_BEFORE: 1024,
  SUIT_AFTER: 2048,
  SPEECH: 4096,
  CASE_NOUN: 8192,
} as const;

/** One vocabulary list: its category, the weight of each occurrence, and the terms. */
export interface VocabList {
  cat: number;
  weight: number;
  terms: readonly string[];
}

/** Words that mark an article as being about AI (models, chatbots, the main AI companies and products). */
// biome-ignore format: word lists read best packed
const AI_TERMS = [
  "AI", "A.I.", "artificial intelligence", "genAI", "gen AI", "LLM", "LLMs", "large language model",
  "large language models", "language model", "language models", "machine learning", "chatbot", "chatbots",
  "neural network", "neural networks", "diffusion model", "diffusion models", "image generator",
  "image generators", "video generator", "music generator", "text-to-image", "text-to-video",
  "deep learning", "foundation model", "foundation models", "GPT", "ChatGPT", "OpenAI", "Anthropic",
  "Midjourney", "Stable Diffusion", "Suno", "Udio", "Copilot", "Gemini", "Llama", "Sora", "DALL-E", "Grok",
  "xAI", "DeepSeek", "Mistral", "Hugging Face", "Perplexity", "Cohere", "ElevenLabs", "MiniMax", "Hailuo",
  "LAION", "DeepMind", "Character.AI", "Lovo", "training data", "model training", "KI",
  "künstliche Intelligenz", "künstlicher Intelligenz", "Sprachmodell*", "Chatbot*",
  "intelligence artificielle", "l'IA", "d'IA", "IA générative", "IA generativa", "umělá inteligence",
  "umělé inteligence", "umělou inteligenci", "kunstig intelligens", "inteligencia artificial",
  "intelligenza artificiale", "kunstmatige intelligentie", "inteligência artificial", "deepfake",
  "deepfakes", "voice cloning", "voice clones", "الذكاء الاصطناعي", "ذكاء اصطناعي", "人工知能", "生成AI", "人工智能",
  "生成式",
];

/** Weaker AI signals ("IA" is also the Internet Archive). */
// biome-ignore format: word lists read best packed
const AI_WEAK = [
  "IA", "algorithm", "algorithms",
];

/** Copyright vocabulary. */
// biome-ignore format: word lists read best packed
const COPY_TERMS = [
  "copyright", "copyrights", "copyrighted", "copyrightable", "copyrightability", "infringement",
  "infringements", "infringe", "infringes", "infringed", "infringing", "infringer", "fair use",
  "fair dealing", "DMCA", "Digital Millennium Copyright Act", "pirated", "piracy", "pirate", "pirating",
  "shadow library", "shadow libraries", "plagiarism", "plagiarize", "plagiarise", "intellectual property",
  "copyright management information", "text and data mining", "text-and-data mining", "derivative work",
  "derivative works", "authorship", "unlicensed", "rightsholders", "rights holders", "rightsholder",
  "right holders", "neighbouring rights", "neighboring rights", "related rights", "press publishers' right",
  "press publishers' rights", "database right", "Copyright Office", "Register of Copyrights",
  "Urheberrecht*", "urheberrechtlich*", "Verwertungsgesellschaft*", "Leistungsschutzrecht*",
  "droit d'auteur", "droits d'auteur", "droits voisins", "droit voisin", "contrefaçon",
  "propriété intellectuelle", "ayants droit", "piratage", "piratés", "piratées", "piraté", "Raubkopie",
  "Raubkopien", "raubkopiert*", "海賊版", "無断複製", "無断転載", "œuvres protégées", "autorsk*", "ophavsret*",
  "diritto d'autore", "diritti d'autore", "derechos de autor", "derecho de autor", "direitos autorais",
  "auteursrecht*", "حقوق النشر", "حقوق الطبع", "حقوق المؤلف", "الملكية الفكرية", "著作権", "著作物", "版权", "著作权",
  "知识产权", "侵权",
];

/** Licensing and scraping words: related to copyright, weaker on their own. */
// biome-ignore format: word lists read best packed
const COPY_WEAK = [
  "licensing", "license", "licence", "licensed", "licenses", "licences", "royalties", "without permission",
  "without authorization", "without authorisation", "scraping", "scraped", "scrape", "scrapes", "Urheber",
  "Lizenz*", "TDM",
];

/**
 * How works are taken or used for AI (training, torrenting, copying): a lawsuit about AI that speaks of them
 * is about copyright. Weak, like licensing words.
 */
// biome-ignore format: word lists read best packed
const COPY_USE = [
  "AI training", "to train", "trained on", "train on", "training on", "used to train", "train its",
  "train their", "training data", "training material", "torrent", "torrents", "torrenting", "torrented",
  "BitTorrent", "copied", "copying", "copies", "stole", "stolen", "theft", "verbatim", "unauthorized use",
  "unauthorised use", "KI-Training", "trainiert*", "Trainingsdaten", "entraînement", "entraîner", "entraîné",
  "entraînés", "entraînée", "entraînées", "données d'entraînement", "学習", "無断利用", "無断使用", "無断で",
];

/** Litigation vocabulary. */
// biome-ignore format: word lists read best packed
const LIT_TERMS = [
  "lawsuit", "lawsuits", "suit", "suits", "sue", "sues", "sued", "suing", "class action", "class actions",
  "plaintiff", "plaintiffs", "defendant", "defendants", "complaint", "court", "courts", "courtroom", "judge",
  "justices", "CJEU", "ECJ", "Court of Justice", "preliminary reference", "referral", "ruling", "rulings",
  "ruled", "verdict", "jury", "jurors", "appeal", "appeals", "appealed", "appellate", "injunction",
  "injunctions", "motion to dismiss", "summary judgment", "litigation", "litigants", "legal action",
  "legal actions", "legal battle", "legal fight", "legal challenge", "legal complaint", "legal dispute",
  "court case", "settlement", "settlements", "settle", "settled", "settles", "damages", "deposition",
  "docket", "judgment", "judgement", "MDL", "multidistrict", "JPML", "magistrate", "amicus", "amici",
  "oral argument", "certiorari", "tribunal", "district court", "high court", "supreme court", "counterclaim",
  "subpoena", "claimant", "claimants", "letter before claim", "claim against", "claims against",
  "case against", "cases against", "action against", "must face", "Klage", "Klagen", "klagt", "verklagt",
  "verklagen", "geklagt", "Kläger", "Klägerin", "Beklagte", "Beklagten", "Sammelklage", "Gericht",
  "Gerichts", "Gerichte", "Gerichtshof", "Landgericht*", "Oberlandesgericht*", "Bundesgerichtshof", "OLG",
  "Urteil", "Urteile", "Urteils", "Verfahren", "Prozess", "Prozessauftakt", "Richter", "Richterin",
  "Berufung", "einstweilige Verfügung", "Aktenzeichen", "Schadenersatz", "Schadensersatz", "Unterlassung",
  "EuGH", "BGH", "Rechtsstreit", "Klageschrift", "Musterklage", "gerichtlich*", "Gerichtsverfahren",
  "verurteilt", "Landgerichts", "Prozesse", "plainte", "plaintes", "poursuit", "poursuivi", "poursuivie",
  "poursuites", "assigné", "assignée", "assignés", "assignées", "assigne", "assignent", "assigner",
  "assignation", "poursuivent", "poursuivre", "poursuivis", "poursuivies", "attaque en justice",
  "attaquent en justice", "porte plainte", "portent plainte", "tribunal judiciaire", "cour d'appel",
  "action collective", "actions collectives", "recours collectif", "condamné", "condamnée", "condamne",
  "condamner", "condamnation", "tribunaux", "procès", "procédure judiciaire", "action en justice",
  "actions en justice", "en justice", "jugement", "contentieux", "juge", "juges", "CJUE", "soud*", "žalob*",
  "žaluj*", "retssag*", "sagsøg*", "domstol*", "demanda", "demandas", "demandó", "juez", "jueza", "juicio",
  "querella", "sentencia", "tribunale", "giudice", "sentenza", "ricorso", "rechtszaak", "rechter", "دعوى",
  "محكمة", "المحكمة", "قضية", "القضية", "القضاء", "القاضي", "訴訟", "提訴", "訴え", "地裁", "高裁", "裁判", "原告", "被告",
  "判決", "和解", "賠償", "敗訴", "勝訴", "差し止め", "差止め", "诉讼", "起诉", "法院", "判决",
];

/** Words that often but not always speak of litigation. */
// biome-ignore format: word lists read best packed
const LIT_WEAK = [
  "judges", "dismissed", "dismissal", "dismiss", "dismisses", "dismissing", "trial", "circuit", "alleges",
  "alleged", "allegedly", "alleging", "allegations", "accuse", "accuses", "accused", "accusing", "claim",
  "claims", "lawyer", "lawyers", "attorney", "attorneys", "counsel", "hearing", "hearings", "petition",
  "filing", "filings", "legal", "dispute", "Streit", "LG", "procédure", "recours", "cour", "causa",
  "Vergleich", "klagen",
];

/** Words that say a suit was filed (a warning letter followed by one of these is a suit after all). */
// biome-ignore format: word lists read best packed
const FILING_TERMS = [
  "sue", "sued", "sues", "suing", "filed", "files", "lawsuit", "complaint", "verklagt", "verklagen", "klagt",
  "plainte", "assigné", "assignent", "poursuivent", "提訴",
];

/** Deals, reports, bills and policy: what "other" AI copyright news is about. */
// biome-ignore format: word lists read best packed
const POLICY_TERMS = [
  "licensing deal", "licensing deals", "licensing agreement", "licensing agreements", "license deal",
  "licence deal", "content deal", "content deals", "data deal", "partnership", "partnerships", "deal",
  "deals", "agreement", "agreements", "invest", "invests", "investment", "consultation", "report", "guidance",
  "bill", "legislation", "lawmakers", "parliament", "regulation", "regulators", "AI Act", "code of practice",
  "policy", "opt-out", "working paper", "government", "committee", "registration", "proposal", "framework",
  "white paper", "executive order", "pay per crawl", "crawlers", "Gesetz", "Richtlinie", "loi", "rapport",
];

/** Legal subjects other than copyright (antitrust, privacy, defamation, product liability...). */
// biome-ignore format: word lists read best packed
const NEG_TERMS = [
  "antitrust", "anti-trust", "monopoly", "monopolies", "monopolist", "monopolize", "Sherman Act",
  "competition law", "privacy", "GDPR", "data protection", "personal data", "defamation", "defamatory",
  "libel", "wrongful death", "suicide", "product liability", "products liability", "nonprofit", "non-profit",
  "charitable trust", "trade secret", "trade secrets", "securities fraud", "First Amendment", "Section 230",
  "FTC", "Federal Trade Commission", "Datenschutz*", "données personnelles", "vie privée", "harassment",
  "discrimination", "self-harm", "antitrust lawsuit", "breach of charitable trust", "user data",
  "users' data", "personal information", "biometric", "DSGVO", "RGPD", "Kartell*", "Wettbewerbsrecht*",
  "Autorité de la concurrence", "droit de la concurrence", "ad tech", "adtech", "for-profit",
  "wrongful termination", "securities", "個人情報",
];

/** Caption connectors. */
// biome-ignore format: word lists read best packed
const CONNECTORS = [
  "v", "vs", "versus", "gegen", "contre", "c",
];

/** Warning letters, which are not lawsuits. */
// biome-ignore format: word lists read best packed
const NOTICE_TERMS = [
  "cease and desist", "cease-and-desist", "warning letter", "demand letter",
];

/** Phrases that put a defendant right after them ("sued Apple", "suit against Salesforce"). */
// biome-ignore format: word lists read best packed
const SUIT_BEFORE = [
  "sued", "sues", "suing", "suit against", "suits against", "lawsuit against", "lawsuits against",
  "complaint against", "claims against", "case against", "cases against", "action against",
  "class action against", "suit accusing", "suits accusing", "lawsuit accusing", "lawsuits accusing",
  "complaint accusing", "class action accusing", "suit targeting", "lawsuit targeting", "verklagt",
  "Klage gegen", "klagt gegen", "klagen gegen", "verklagen", "plainte contre", "assigné", "assigne",
  "assignent", "poursuit", "poursuivent", "demanda a", "claim against",
];

/** Phrases that put a defendant right before them ("Adobe was sued"). */
// biome-ignore format: word lists read best packed
const SUIT_AFTER = [
  "was sued", "were sued", "is being sued", "has been sued", "have been sued", "faces a lawsuit",
  "faces lawsuits", "faces a class action", "faces a proposed class action", "faces a suit", "faces suits",
  "hit with a lawsuit", "sued by", "wird verklagt", "を提訴", "を訴え", "poursuivi", "poursuivie", "assigné",
  "assignée", "hit with lawsuit", "faces lawsuit", "faces class action",
];

/** Nouns that make a lawsuit of a party or term right before them ("the Getty case", "the Times' case"). */
// biome-ignore format: word lists read best packed
const CASE_NOUNS = [
  "case", "cases",
];

/** Speech verbs ("the authors say": the writers of a piece, not a party). */
// biome-ignore format: word lists read best packed
const SPEECH_VERBS = [
  "say", "says", "said", "argue", "argues", "argued", "write", "writes", "wrote", "note", "notes", "noted",
  "contend", "contends", "conclude", "concludes", "suggest", "suggests", "warn", "warns", "believe", "found",
];

/** Attribution before a name ("according to the Times"): a news source, not a party. */
// biome-ignore format: word lists read best packed
const ATTRIBUTION_BEFORE = [
  "according to", "told", "via", "citing", "cited by", "reported by", "per", "quoted by", "said to",
];

/** Attribution after a name ("a New York Times report"): a news source, not a party. */
// biome-ignore format: word lists read best packed
const ATTRIBUTION_AFTER = [
  "reported", "reports", "report", "reporting", "reporter", "reporters", "journalist", "journalists",
  "columnist", "editor", "story", "article", "podcast", "analysis", "investigation",
];

/** Every vocabulary list. */
export const VOCABULARY: readonly VocabList[] = [
  { cat: V.AI, weight: 1, terms: AI_TERMS },
  { cat: V.AI, weight: 0.5, terms: AI_WEAK },
  { cat: V.COPY, weight: 1, terms: COPY_TERMS },
  { cat: V.COPY, weight: 0.4, terms: COPY_WEAK },
  { cat: V.COPY, weight: 0.4, terms: COPY_USE },
  { cat: V.LIT, weight: 1, terms: LIT_TERMS },
  { cat: V.LIT, weight: 0.4, terms: LIT_WEAK },
  { cat: V.FILING, weight: 1, terms: FILING_TERMS },
  { cat: V.POLICY, weight: 1, terms: POLICY_TERMS },
  { cat: V.NEG, weight: 1, terms: NEG_TERMS },
  { cat: V.CONNECTOR, weight: 1, terms: CONNECTORS },
  { cat: V.NOTICE, weight: 1, terms: NOTICE_TERMS },
  { cat: V.SUIT_BEFORE, weight: 1, terms: SUIT_BEFORE },
  { cat: V.SUIT_AFTER, weight: 1, terms: SUIT_AFTER },
  { cat: V.SPEECH, weight: 1, terms: SPEECH_VERBS },
  { cat: V.CASE_NOUN, weight: 1, terms: CASE_NOUNS },
  { cat: V.ATTRIB_BEFORE, weight: 1, terms: ATTRIBUTION_BEFORE },
  { cat: V.ATTRIB_AFTER, weight: 1, terms: ATTRIBUTION_AFTER },
];

/**
 * Well-known captions of copyright or technology cases that are not AI copyright litigation; they are cited
 * as precedent and are never proposed as new cases (normalised: lower case, "x v y").
 */
// biome-ignore format: word lists read best packed
export const NON_CANDIDATE_CAPTIONS: readonly string[] = [
  "cox v sony", "cox communications v sony", "sony v cox", "warhol v goldsmith",
  "andy warhol foundation v goldsmith", "google v oracle", "oracle v google", "authors guild v google",
  "authors guild v hathitrust", "hachette v internet archive", "hachette book group v internet archive",
  "campbell v acuff rose", "sony v universal", "feist v rural", "burrow giles v sarony",
  "perfect 10 v amazon", "kelly v arriba", "transunion v ramirez", "astm v upcodes", "naruto v slater",
  "lenz v universal", "mgm v grokster", "viacom v youtube", "capitol records v redigi", "musk v openai",
  "walters v openai", "raine v openai", "garcia v character", "ftc v meta", "federal trade commission v meta",
  "united states v google", "brown v board", "roe v wade", "marbury v madison",
];
