/**
 * Language detection from the text alone (no network, no model): first the writing system, then,
 * where a script is shared (Han, Latin), telltale characters and the commonest words. Good enough
 * to pick a translation direction; the user can always switch the target.
 */

/** What was detected: a BCP 47 code ('und' when there is nothing to go on) and how sure we are. */
export interface DetectedLanguage {
  code: string;
  /** 0..1: the share of the text's letters that support the answer. */
  confidence: number;
}

/** Text beyond this is not looked at: the opening of a long text tells its language. */
const SAMPLE_CHARS = 4000;

const SCRIPTS = {
  han: /\p{Script=Han}/u,
  kana: /[\p{Script=Hiragana}\p{Script=Katakana}ー]/u,
  hangul: /\p{Script=Hangul}/u,
  arabic: /\p{Script=Arabic}/u,
  hebrew: /\p{Script=Hebrew}/u,
  cyrillic: /\p{Script=Cyrillic}/u,
  greek: /\p{Script=Greek}/u,
  thai: /\p{Script=Thai}/u,
  devanagari: /\p{Script=Devanagari}/u,
  latin: /\p{Script=Latin}/u,
} as const;

type Script = keyof typeof SCRIPTS;

/**
 * How much one character says. An ideograph or a kana is about a word; an alphabetic letter about
 * a fifth of one. So "今天是Muiriel的生日" reads as Chinese, "the word 你好 means hello" as English.
 */
const WEIGHT: Record<Script, number> = {
  han: 2.5,
  kana: 2.5,
  hangul: 2,
  arabic: 1,
  hebrew: 1,
  cyrillic: 1,
  greek: 1,
  thai: 1.5,
  devanagari: 1,
  latin: 1,
};

const SCRIPT_LANGUAGE: Partial<Record<Script, string>> = {
  hangul: 'ko',
  arabic: 'ar',
  hebrew: 'he',
  cyrillic: 'ru',
  greek: 'el',
  thai: 'th',
  devanagari: 'hi',
};

// Frequent characters that exist only in one of the two Chinese scripts.
const TRADITIONAL = new Set(
  '們這個說會來時為國學過還麼對後開關與沒見話讓從當點動頭們間裡樣問題發經實現應該東車門長無請幾歲謝覺聽寫飯買賣錢電腦龍媽愛',
);
const SIMPLIFIED = new Set(
  '们这个说会来时为国学过还么对后开关与没见话让从当点动头间里样问题发经实现应该东车门长无请几岁谢觉听写饭买卖钱电脑龙妈爱',
);

// Commonest short words of the Latin-script languages Glance names; none is also an English word.
const WORDS: Record<string, Set<string>> = {
  en: new Set(
    "the be to of and a in that have i it for not on with he as you do at this but his by from they we say her she or an will my one all would there their what so up out if about who get which go me is are was were am i'm don't can your it's that's him has had did".split(
      ' ',
    ),
  ),
  fr: new Set(
    "le la les des est et une du pas je vous que qui dans pour avec sur ce il elle nous c'est j'ai au aux sont été être très".split(
      ' ',
    ),
  ),
  de: new Set(
    'der das und ist nicht ich sie ein eine zu mit den dem auf für wir sind auch sich nicht es ist war hat ihr dass'.split(' '),
  ),
  es: new Set('el los las y es que en un una por con para se del al lo como pero está muy yo más'.split(' ')),
  pt: new Set('o os as e é não que em um uma por com para do da dos das se mas eu você está muito mais'.split(' ')),
};

const LATIN_HINTS: [RegExp, string][] = [
  [/[ñ¿¡]/, 'es'],
  [/[ãõ]/, 'pt'],
  [/[ßäöü]/, 'de'],
  [/[èêëœàâîïûù]/, 'fr'],
];

/** Detects the language of a text. Pure and fast: looks at the first few thousand characters. */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const weights = new Map<Script, number>();
  let total = 0;
  let traditional = 0;
  let simplified = 0;
  for (const char of sample) {
    const script = scriptOf(char);
    if (!script) continue;
    weights.set(script, (weights.get(script) ?? 0) + WEIGHT[script]);
    total += WEIGHT[script];
    if (script === 'han') {
      if (TRADITIONAL.has(char)) traditional += 1;
      else if (SIMPLIFIED.has(char)) simplified += 1;
    }
  }
  if (total === 0) return { code: 'und', confidence: 0 };

  // Kana only ever appears in Japanese: a few of them make Han characters Japanese too.
  const kana = weights.get('kana') ?? 0;
  const han = weights.get('han') ?? 0;
  if (kana > 0 && (kana >= 3 * WEIGHT.kana || kana >= (kana + han) * 0.1)) {
    return { code: 'ja', confidence: (kana + han) / total };
  }
  weights.delete('kana');
  if (kana) weights.set('han', han + kana);

  const [script, weight] = [...weights.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const confidence = weight / total;
  if (script === 'han') return { code: traditional > simplified ? 'zh-TW' : 'zh-CN', confidence };
  if (script === 'latin') return { code: latinLanguage(sample), confidence };
  return { code: SCRIPT_LANGUAGE[script] ?? 'und', confidence };
}

function scriptOf(char: string): Script | undefined {
  // Most characters of most texts are ASCII: answer those without a regular expression.
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? 'latin' : undefined;
  for (const name of Object.keys(SCRIPTS) as Script[]) {
    if (SCRIPTS[name].test(char)) return name;
  }
  return undefined;
}

/** Among the Latin-script languages: word counts, then accented letters; English when unsure. */
function latinLanguage(sample: string): string {
  const lower = sample.toLowerCase();
  const scores = new Map<string, number>(Object.keys(WORDS).map((code) => [code, 0]));
  for (const word of lower.match(/[\p{L}']+/gu) ?? []) {
    for (const [code, words] of Object.entries(WORDS)) {
      if (words.has(word)) scores.set(code, scores.get(code)! + 1);
    }
  }
  for (const [pattern, code] of LATIN_HINTS) {
    if (pattern.test(lower)) scores.set(code, scores.get(code)! + 1.5);
  }
  let best = 'en';
  for (const [code, score] of scores) {
    if (score > scores.get(best)!) best = code;
  }
  return best;
}

/** Whether two language codes name the same language ('zh-TW' and 'zh-CN' do: both Chinese). */
export function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
}
